"""Page 1 of the October 2022 Theme Progress Summary, as PDF and as Word, drawn as PNGs in
docs/screenshots/, to look at the layouts as a reader gets them.

    .venv/bin/python docs/report_screenshots.py [--layout 2022]

A throwaway SQLite database with the sample workbook imported; the Word file is drawn by
LibreOffice (`apt-get install libreoffice-writer-nogui`), the way a reader without Word
would open it, and both PDFs' first pages by pdfium. A documentation tool, not a test.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--layout", default="2022")
    layout = parser.parse_args().layout
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("LibreOffice draws the Word file: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as work:
        tmp = Path(work)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "planwatch.settings.dev",
            "PLANWATCH_DATA_DIR": str(tmp),
        }
        env.pop("DATABASE_URL", None)
        planwatch = [str(REPO / ".venv" / "bin" / "planwatch")]
        subprocess.run([*planwatch, "migrate", "-v", "0"], env=env, check=True)
        workbook = REPO / "demo" / "improvement-plan-tracker-2022-10.xlsx"
        subprocess.run([*planwatch, "load-demo", str(workbook)], env=env, check=True)
        for fmt in ("pdf", "docx"):
            subprocess.run(
                [*planwatch, "report", "theme-summary", "--month", "2022-10", "--layout", layout,
                 "--format", fmt, "--output", str(tmp / f"summary.{fmt}")],
                env=env, check=True,
            )  # fmt: skip
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp / "word"),
             str(tmp / "summary.docx")],
            check=True, capture_output=True,
        )  # fmt: skip
        OUT.mkdir(exist_ok=True)
        _first_page(tmp / "summary.pdf", OUT / f"theme-summary-{layout}-pdf-page-1.png")
        _first_page(tmp / "word" / "summary.pdf", OUT / f"theme-summary-{layout}-word-page-1.png")


def _first_page(pdf: Path, png: Path) -> None:
    import pypdfium2

    page = pypdfium2.PdfDocument(pdf)[0]
    page.render(scale=1.4).to_pil().save(png)
    print(f"Wrote {png.relative_to(REPO)}")


if __name__ == "__main__":
    main()
