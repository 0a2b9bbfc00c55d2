"""Update the translation sources from the code and compile them.

    python scripts/i18n.py            # lupdate: new strings appear as unfinished in the .ts
    python scripts/i18n.py --release  # also lrelease: the .qm files the app loads

Edit resources/i18n/minutes_app_vi.ts with Qt Linguist (pyside6-linguist) or by hand.
--release also compiles resources/i18n/qtbase_vi.ts, the Vietnamese of Qt's own dialogs
(file dialogs, standard buttons, context menus, printing), which scripts/qt_strings.py
collects and lupdate does not touch.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parents[1]
I18N = REPO / "resources" / "i18n"
LANGUAGES = ("vi", "en")
# English is the source language: its .ts holds only the plural forms of the strings that
# count ("%n task(s)" reads "1 task", "8 tasks"), the rest shows as written in the code.
PLURALS_ONLY = ("en",)


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found: install the package with its dependencies")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "minutes_app" / "ui").rglob("*.py"))


def ts_file(language: str) -> Path:
    return I18N / f"minutes_app_{language}.ts"


def qt_ts_file(language: str) -> Path:
    """The translation of Qt's own strings (scripts/qt_strings.py), compiled beside ours."""
    return I18N / f"qtbase_{language}.ts"


def update() -> None:
    for language in LANGUAGES:
        plurals = ["-pluralonly", "-target-language", language] if language in PLURALS_ONLY else []
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources(),
                "-no-obsolete",
                "-locations",
                "none",
                *plurals,
                "-ts",
                str(ts_file(language)),
            ],
            cwd=REPO,
            check=True,
        )


def release(out_dir: Path = I18N) -> None:
    for language in LANGUAGES:
        # Qt's own strings need no English translation: there is no qtbase_en.ts.
        for ts in (t for t in (ts_file(language), qt_ts_file(language)) if t.exists()):
            qm = out_dir / ts.with_suffix(".qm").name
            subprocess.run(
                [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True
            )


def apply(mapping_file: Path, language: str = "vi") -> list[str]:
    """Fill unfinished messages from a JSON object {source: translation}; return the rest."""
    # A plural message may take a list: one form per plural form of the language.
    mapping: dict[str, str | list[str]] = json.loads(mapping_file.read_text(encoding="utf-8"))
    tree = ElementTree.parse(ts_file(language))
    missing = []
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") != "unfinished":
            continue
        if source not in mapping:
            missing.append(source)
            continue
        value = mapping[source]
        forms = [
            unicodedata.normalize("NFC", f) for f in ([value] if isinstance(value, str) else value)
        ]
        if message.get("numerus") == "yes":
            translation.text = None
            for child in list(translation):
                translation.remove(child)
            for form in forms:
                ElementTree.SubElement(translation, "numerusform").text = form
        else:
            translation.text = forms[0]
        del translation.attrib["type"]
    tree.write(ts_file(language), encoding="utf-8", xml_declaration=True)
    return missing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="also compile .qm files")
    parser.add_argument("--apply", type=Path, help="JSON {source: translation} to fill in")
    parser.add_argument(
        "--language", default="vi", choices=LANGUAGES, help="whose .ts --apply fills"
    )
    args = parser.parse_args()
    update()
    if args.apply:
        for source in apply(args.apply, args.language):
            print(f"still unfinished: {source}")
    if args.release:
        release()


if __name__ == "__main__":
    main()
