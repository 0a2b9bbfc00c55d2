"""Precision and recall of the article parser over every labelled text the project holds.

    python benchmarks/parser_accuracy.py [--json] [--details] [--set NAME]

The corpus:

- citation sentences: ``tests/data/parser/citations.json`` (the development set) and
  ``tests/data/parser/heldout/citations.json`` (written before the parser was tuned) and
  ``tests/data/parser/blind/citations.json``, ``tests/data/parser/blind2/citations.json``,
  ``tests/data/parser/blind3/citations.json`` and ``tests/data/parser/blind4/citations.json``
  (each written from public reporting styles
  without reading the parser, then scored before any fix); each case is
  ``{"text", "expected": [document, ...]}``;
- conference reports: ``tests/data/parser/reports/NN.txt``,
  ``tests/data/parser/heldout/reports/NN.txt``, ``tests/data/parser/blind/reports/NN.txt``,
  ``tests/data/parser/blind2/reports/NN.txt``, ``tests/data/parser/blind3/reports/NN.txt`` and
  ``tests/data/parser/blind4/reports/NN.txt``,
  each beside ``NN.json``;
- the sample articles ``../shared/samples/articles/NNN_*.txt`` with their labels in
  ``tests/data/parser/samples/NNN.json`` (skipped when the shared folder is absent).

A document label is ``{"kind", "number", "symbol", "issued_on", "issuer"}``; a report
label adds ``"date"``, ``"session"``, ``"organizer"`` and ``"chairs": [{"name", "title"}]``.

Matching rules, per text (a text's findings are compared only with its own labels):

- documents: a document is identified by its kind ("Thông báo kết luận" is a "Thông
  báo") and its symbol (compared without spaces, case-blind); a label without a symbol
  is identified by kind and number (as an integer, so "05" = "5"). Each label matches
  at most one finding (multiset intersection). Precision = matched / found, recall =
  matched / labelled.
- document dates: over matched documents only, so that a missed document is not counted
  twice. A finding with a date counts as found; a label with a date counts as labelled;
  a date is right when equal.
- issuers: as dates, compared after folding (case, diacritics, spaces), with a body's
  usual abbreviations written out ("UBND tỉnh"); a plenum of the Central Committee and
  the Committee are one issuer (``_issuer_folded``).
- chairs: by name, folded; each text a set.
- conference dates, sessions, organizers (reports only): one value per text; a non-null
  finding counts as found, a non-null label as labelled; right when equal (organizers
  folded). A text labelled null with a non-null finding lowers precision only.

Precision with nothing found and recall with nothing labelled are reported as 1.0.

``--set`` scores one set alone: ``dev`` (the development sentences and reports), ``heldout``,
``blind``, ``blind2`` … ``blind13`` or ``samples``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from minutes_app.base.text import fold  # noqa: E402
from minutes_app.core.parsing.citations import find_citations  # noqa: E402
from minutes_app.core.parsing.draft import draft_from_text, draft_to_json  # noqa: E402

DATA = ROOT / "tests" / "data" / "parser"
SAMPLES = ROOT.parent / "shared" / "samples" / "articles"

SETS = (
    "dev",
    "heldout",
    "blind",
    "blind2",
    "blind3",
    "blind4",
    "blind5",
    "blind6",
    "blind7",
    "blind8",
    "blind9",
    "blind10",
    "blind11",
    "blind12",
    "blind13",
    "blind14",
    "blind15",
    "blind16",
    "blind17",
    "blind18",
    "blind19",
    "blind20",
    "blind21",
    "blind22",
    "blind23",
    "blind24",
    "blind25",
    "blind26",
    "blind27",
    "blind28",
    "blind29",
    "blind30",
    "blind31",
    "samples",
)
BLIND_SETS = ("", *range(2, 32))  # "blind", "blind2" … "blind31"

FIELDS = (
    "documents",
    "document_dates",
    "issuers",
    "chairs",
    "conference_dates",
    "sessions",
    "organizers",
    "host_points",
    "bridge_points",
)


@dataclass
class Score:
    """Counts for one field: findings, labels, and findings that match a label."""

    found: int = 0
    labelled: int = 0
    right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.labelled if self.labelled else 1.0


Document = dict[str, Any]


# Kinds that name one kind of paper: a notice of conclusions is a notice ("TB").
_SAME_KIND = {"Thông báo kết luận": "Thông báo"}


def document_key(doc: Document) -> tuple[str, str]:
    kind = _SAME_KIND.get(doc["kind"], doc["kind"])
    symbol = doc.get("symbol")
    if symbol:
        return kind, "".join(str(symbol).split()).casefold()
    number = str(doc.get("number") or "")
    return kind, str(int(number)) if number.isdigit() else number.casefold()


def _folded(value: object) -> str | None:
    return fold(str(value)) if value else None


# A plenum of the Central Committee issues in the Committee's name: "Hội nghị lần thứ sáu
# Ban Chấp hành Trung ương Đảng khóa XIII", "Hội nghị Trung ương 6 khóa XIII" and "Ban
# Chấp hành Trung ương khóa XIII" name one issuer. The sets were labelled both ways (blind
# and heldout the Committee, blind5 the plenum), so either is right.
_PLENUM = re.compile(r"^hoi nghi (?:lan thu \S+ |trung uong \S+ (?=khoa ))")


# Abbreviations written for a body's name: "UBND tỉnh" is the "Ủy ban nhân dân tỉnh".
_SHORT_NAMES = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "btv": "ban thuong vu",
    "bch": "ban chap hanh",
    "ubkt": "uy ban kiem tra",
    "mttq": "mat tran to quoc",
    "tw": "trung uong",
}


def _issuer_folded(value: object) -> str | None:
    folded = _folded(value)
    if folded is None:
        return None
    folded = " ".join(_SHORT_NAMES.get(word, word) for word in folded.split())
    body = _PLENUM.sub("", folded)
    if body.startswith("khoa "):
        body = "ban chap hanh trung uong " + body
    return body.replace("ban chap hanh trung uong dang", "ban chap hanh trung uong")


def _score_documents(
    where: str, found: list[Document], labels: list[Document], scores: dict[str, Score]
) -> None:
    documents = scores["documents"]
    documents.found += len(found)
    documents.labelled += len(labels)
    unmatched = list(found)
    for label in labels:
        key = document_key(label)
        match = next((doc for doc in unmatched if document_key(doc) == key), None)
        if match is None:
            # Its date and issuer are missed too, but counted once, here.
            documents.misses.append(f"{where}: missed {key}")
            continue
        unmatched.remove(match)
        documents.right += 1
        _score_value(where, key, "issued_on", match, label, scores["document_dates"], str)
        _score_value(where, key, "issuer", match, label, scores["issuers"], _issuer_folded)
    for doc in unmatched:
        documents.misses.append(f"{where}: spurious {document_key(doc)} {doc.get('text', '')!r}")


def _score_value(
    where: str,
    key: object,
    name: str,
    found: Document,
    label: Document,
    score: Score,
    norm: Any,
) -> None:
    got, want = found.get(name), label.get(name)
    if got:
        score.found += 1
    if want:
        score.labelled += 1
    if got and want and norm(got) == norm(want):
        score.right += 1
    elif got or want:
        score.misses.append(f"{where}: {key} {name} {got!r} != {want!r}")


def _score_single(where: str, got: object, want: object, score: Score, norm: Any) -> None:
    if got:
        score.found += 1
    if want:
        score.labelled += 1
    if got and want and norm(got) == norm(want):
        score.right += 1
    elif got or want:
        score.misses.append(f"{where}: {got!r} != {want!r}")


# "các huyện Đông Hưng, Hưng Hà" names the points "huyện Đông Hưng" or "Đông Hưng": the sets
# were labelled both ways (blind6 without the level, blind14 with it), so a level word that
# opens a point's name is left out of the comparison ("Tỉnh ủy", "Huyện ủy" are bodies, not
# levels).
_POINT_LEVEL = re.compile(
    r"^(?:xa|phuong|huyen|quan|tinh|thi xa|thi tran|thanh pho|dac khu) (?!uy\b)"
)


def _plain_quotes(name: str) -> str:
    """The parser makes quotes plain ("B’Lao" → "B'Lao", "H’Lin"), as it reads them."""
    return name.replace("’", "'").replace("‘", "'")


def _point(name: str) -> str:
    return _POINT_LEVEL.sub("", _plain_quotes(fold(name)))


def _score_chairs(where: str, got: list[Any], want: list[Any], score: Score) -> None:
    found = Counter(_plain_quotes(fold(person["name"])) for person in got)
    labelled = Counter(_plain_quotes(fold(person["name"])) for person in want)
    score.found += sum(found.values())
    score.labelled += sum(labelled.values())
    score.right += sum((found & labelled).values())
    if found != labelled:
        score.misses.append(f"{where}: chairs {sorted(found)} != {sorted(labelled)}")


def _citation_json(text: str) -> list[Document]:
    return [
        {
            "kind": c.kind,
            "number": c.number,
            "symbol": c.symbol,
            "issued_on": c.issued_on.isoformat() if c.issued_on else None,
            "issuer": c.issuer,
            "text": c.text,
        }
        for c in find_citations(text)
    ]


def set_of(name: str) -> str:
    """The set a text belongs to, from the name ``labelled_texts`` gives it."""
    head = name.split("/", 1)[0]
    return "dev" if head == DATA.name else head


def labelled_texts() -> tuple[list[tuple[str, str, Any]], list[tuple[str, str, Any]]]:
    """(name, text, label) of every citation sentence and of every whole report."""
    sentences: list[tuple[str, str, Any]] = []
    sets = (DATA, DATA / "heldout", *(DATA / f"blind{n}" for n in BLIND_SETS))
    for path in (folder / "citations.json" for folder in sets):
        if path.exists():
            cases = json.loads(path.read_text(encoding="utf-8"))
            for index, case in enumerate(cases):
                name = f"{path.parent.name}/{path.stem}#{index}"
                sentences.append((name, case["text"], case["expected"]))
    reports: list[tuple[str, str, Any]] = []
    for folder in (folder / "reports" for folder in sets):
        for path in sorted(folder.glob("*.txt")):
            label = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            name = f"{folder.parent.name}/{folder.name}/{path.stem}"
            reports.append((name, path.read_text(encoding="utf-8"), label))
    if SAMPLES.is_dir():
        for path in sorted((DATA / "samples").glob("*.json")):
            articles = sorted(SAMPLES.glob(f"{path.stem}_*.txt"))
            if articles:
                label = json.loads(path.read_text(encoding="utf-8"))
                text = articles[0].read_text(encoding="utf-8")
                reports.append((f"samples/{path.stem}", text, label))
    return sentences, reports


def measure(only: str | None = None, skip: tuple[str, ...] = ()) -> dict[str, Score]:
    """Score every field over the whole corpus (but the sets named in ``skip``), or over
    the set named ``only``."""
    scores = {name: Score() for name in FIELDS}
    sentences, reports = labelled_texts()
    sentences = [text for text in sentences if set_of(text[0]) not in skip]
    reports = [text for text in reports if set_of(text[0]) not in skip]
    if only is not None:
        sentences = [text for text in sentences if set_of(text[0]) == only]
        reports = [text for text in reports if set_of(text[0]) == only]
    for name, text, expected in sentences:
        _score_documents(name, _citation_json(text), expected, scores)
    for name, text, label in reports:
        got = draft_to_json(_draft(text, label.get("today")))
        _score_documents(name, list(got["documents"]), label["documents"], scores)  # type: ignore[call-overload]
        _score_chairs(name, list(got["chairs"]), label["chairs"], scores["chairs"])  # type: ignore[call-overload]
        _score_single(name, got["date"], label["date"], scores["conference_dates"], str)
        _score_single(name, got["session"], label["session"], scores["sessions"], str)
        _score_single(name, got["organizer"], label["organizer"], scores["organizers"], _folded)
        if "host_point" in label:  # labelled from blind5 on
            _score_single(
                name, got["host_point"], label["host_point"], scores["host_points"], _folded
            )
        if "bridge_points" in label:
            # The draft names a point "Điểm cầu X"; a label names it X.
            points = [
                {"name": _point(re.sub(r"^Điểm cầu\s+", "", p["name"]))}
                for p in got["bridge_points"]  # type: ignore[attr-defined]
            ]
            wanted = [{"name": _point(n)} for n in label["bridge_points"]]
            _score_chairs(name, points, wanted, scores["bridge_points"])
    return scores


def _draft(text: str, today: str | None) -> Any:
    """The draft of ``text`` read on the day ``today`` (the label's, when it has one and the
    parser takes a reference day)."""
    import datetime as dt
    import inspect

    if today and "today" in inspect.signature(draft_from_text).parameters:
        return draft_from_text(text, today=dt.date.fromisoformat(today))
    return draft_from_text(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--details", action="store_true", help="list every miss")
    parser.add_argument("--set", choices=SETS, help="score one set alone")
    args = parser.parse_args(argv)
    scores = measure(args.set)
    if args.json:
        figures = {
            name: {
                "precision": round(score.precision, 4),
                "recall": round(score.recall, 4),
                "found": score.found,
                "labelled": score.labelled,
                "right": score.right,
            }
            for name, score in scores.items()
        }
        print(json.dumps(figures, indent=1))
    else:
        print(f"{'field':<18}{'precision':>10}{'recall':>8}{'right':>7}{'found':>7}{'labels':>8}")
        for name, score in scores.items():
            print(
                f"{name:<18}{score.precision:>10.3f}{score.recall:>8.3f}"
                f"{score.right:>7}{score.found:>7}{score.labelled:>8}"
            )
    if args.details:
        for name, score in scores.items():
            for miss in score.misses:
                print(f"[{name}] {miss}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
