"""Benchmark for reading HTML/Word/PDF files (prints figures; not a timed test).

1. The PDF library choice: pdfminer.six, pypdfium2 and PyMuPDF on the corpus PDFs —
   characters recovered (error against NAME.expected.txt, whitespace ignored, page
   numbers —N— removed) and seconds per file.  Libraries not installed are skipped.
2. govtext's own extraction of every corpus file (formats/): character error, whether
   the paragraph count matches, seconds (best of N, in process).
3. A long synthetic PDF (default 400 pages of Latin text) to show the per-page cost.

Usage: python benchmarks/bench_formats.py [--corpus DIR] [--runs N] [--pages N]
Figures from a shared machine are noisy; compare runs on the same machine only.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def char_error(expected: str, got: str) -> float:
    a, b = "".join(expected.split()), "".join(got.split())
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for t, i1, i2, j1, j2 in matcher.get_opcodes() if t != "equal") / max(1, len(a))


def _pymupdf(path: Path) -> str:
    import pymupdf

    return "".join(page.get_text() for page in pymupdf.open(path))


def _pypdfium2(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    return "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(path)


def libraries(corpus: Path) -> None:
    print("PDF libraries (raw text layer; error vs expected, whitespace ignored):")
    for path in sorted(corpus.glob("*.pdf")):
        expected = path.with_suffix(".expected.txt").read_text("utf-8")
        for name, read in (("pdfminer.six", _pdfminer), ("pypdfium2", _pypdfium2), ("PyMuPDF", _pymupdf)):
            try:
                start = time.perf_counter()
                text = read(path)
                seconds = time.perf_counter() - start
            except ImportError:
                print(f"  {path.name[:34]:34} {name:13} not installed")
                continue
            text = re.sub(r"[—-]\s*\d+\s*[—-]", "", text)
            print(f"  {path.name[:34]:34} {name:13} error {char_error(expected, text):7.4%}  {seconds:6.2f} s")


def ours(corpus: Path, runs: int) -> None:
    from govtext.formats import extract
    from govtext.formats.detect import detect
    from govtext.formats.doc import find_soffice

    print("govtext extraction (best of %d):" % runs)
    for path in sorted(p for p in corpus.iterdir() if p.suffix in (".html", ".docx", ".doc", ".pdf")):
        if path.suffix in (".doc", ".rtf", ".wps") and find_soffice() is None:
            # Without LibreOffice the file cannot be read at all: a skip, not a failed extraction.
            print(f"  {path.name[:48]:48} skipped: LibreOffice (soffice) is not installed")
            continue
        expected = path.with_name(path.name[: -len(path.suffix)] + ".expected.txt").read_text("utf-8")
        data = path.read_bytes()
        best, text = float("inf"), ""
        for _ in range(runs):
            start = time.perf_counter()
            try:
                text = extract(data, detect(data), path.name).text
            except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not stop
                text = f"({exc})"
            best = min(best, time.perf_counter() - start)
        same_lines = len(text.split("\n")) == len(expected.rstrip("\n").split("\n"))
        print(f"  {path.name[:48]:48} error {char_error(expected, text):7.4%}  "
              f"paragraphs {'same' if same_lines else 'DIFFER'}  {best:6.2f} s")


def long_pdf(pages: int) -> None:
    from formats_helpers import pdf_bytes

    from govtext.formats.pdf import extract_pdf

    lines = [("    The economy grew steadily and the government", 40, 560)] + [
        ("met its main targets while reforms went on apace", 40, 560 - 15 * i) for i in range(1, 30)]
    data = pdf_bytes([lines + [(f"- {n} -", 190, 20)] for n in range(1, pages + 1)])
    start = time.perf_counter()
    got = extract_pdf(data, "long.pdf")
    seconds = time.perf_counter() - start
    print(f"synthetic PDF: {pages} pages, {len(data) / 1e6:.1f} MB, {len(got.text):,} characters: {seconds:.2f} s "
          f"({1000 * seconds / pages:.1f} ms a page)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "formats")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, default=400)
    args = parser.parse_args()
    if args.corpus.is_dir():
        libraries(args.corpus)
        ours(args.corpus, args.runs)
    else:
        print(f"corpus not found at {args.corpus}: skipping the corpus figures")
    long_pdf(args.pages)


if __name__ == "__main__":
    main()
