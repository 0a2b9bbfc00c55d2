"""Render the minutes, notice and period report of the sample data as PNG pages, to look at.

    python scripts/render_papers.py [OUT]        (default OUT: /tmp/paper_png)

Writes each document as .pdf (Qt) and .docx (python-docx, chart drawn by Qt) into OUT, then
turns every PDF page into OUT/<name>-pdf-<page>.png with pdftoppm (poppler-utils) and every
.docx into OUT/<name>-docx-<page>.png through LibreOffice (``soffice``), where those tools are
installed. Nothing here runs in the tests.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from minutes_app.core.conferences.listing import list_conferences  # noqa: E402
from minutes_app.core.exchange.samples import load_samples  # noqa: E402
from minutes_app.core.paperwork.minutes import minutes_paper  # noqa: E402
from minutes_app.core.paperwork.notice import notice_paper  # noqa: E402
from minutes_app.core.paperwork.office import Office, save_office  # noqa: E402
from minutes_app.core.paperwork.report import report_paper  # noqa: E402
from minutes_app.db.engine import Database  # noqa: E402

OFFICE = Office(
    superior_body="TỈNH ỦY BẮC KẠN",
    office_name="BAN TỔ CHỨC",
    symbol="BTCTU",
    place="Bắc Kạn",
    secretary="Nông Thị Hà",
    notice_signer="Lý Văn Đức",
    report_signer="Lý Văn Đức",
)
DPI = "80"


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "/tmp/paper_png")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from minutes_app.exporting import write_paper
    from minutes_app.render.gui import ensure_gui_application

    ensure_gui_application()
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "samples.sqlite3")
        try:
            load_samples(db)
            office = save_office(db, OFFICE)
            first = min(c.id for c in list_conferences(db))
            papers = {
                "minutes": minutes_paper(db, first, office),
                "notice": notice_paper(db, first, office, issued_on=dt.date(2023, 2, 20)),
                "report": report_paper(
                    db, dt.date(2023, 1, 1), dt.date(2023, 12, 31), dt.date(2024, 6, 30), office
                ),
            }
        finally:
            db.close()
    for name, paper in papers.items():
        for suffix in (".pdf", ".docx"):
            write_paper(paper, out / f"{name}{suffix}")
            print(f"wrote {out / f'{name}{suffix}'}")

    pdftoppm, soffice = shutil.which("pdftoppm"), shutil.which("soffice")
    if pdftoppm is None:
        print("pdftoppm not found (apt-get install poppler-utils): no PNG pages", file=sys.stderr)
        return 1
    for png in out.glob("*.png"):
        png.unlink()
    for name in papers:
        subprocess.run(
            [pdftoppm, "-r", DPI, "-png", str(out / f"{name}.pdf"), str(out / f"{name}-pdf")],
            check=True,
        )
    if soffice is None:
        print("soffice not found: the .docx files were not rendered", file=sys.stderr)
    else:
        with tempfile.TemporaryDirectory() as converted:
            subprocess.run(
                [soffice, "--headless", "--convert-to", "pdf", "--outdir", converted]
                + [str(out / f"{name}.docx") for name in papers],
                check=True,
                capture_output=True,
                timeout=300,
            )
            for name in papers:
                pdf = Path(converted) / f"{name}.pdf"
                subprocess.run(
                    [pdftoppm, "-r", DPI, "-png", str(pdf), str(out / f"{name}-docx")], check=True
                )
    for png in sorted(out.glob("*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
