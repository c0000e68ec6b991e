"""Benchmark for reading HTML/Word/PDF files (prints figures; not a timed test).

1. The PDF library choice: pdfminer.six, pypdfium2 and PyMuPDF on the corpus PDFs —
   characters recovered (error against NAME.expected.txt, whitespace ignored, page
   numbers —N— removed) and seconds per file.  Libraries not installed are skipped.
2. govtext's own extraction of every corpus file (formats/): character error, whether
   the paragraph count matches, seconds (best of N, in process).
3. A long synthetic PDF (default 400 pages of Latin text) to show the per-page cost.
4. Hostile shapes (issue 20), with ``--hostile``: a flat HTML page of n sibling <p>s at
   1, 2, 4 and 8 MB (seconds and peak memory: both should double with the size), a long
   .docx, a long PDF (a corpus PDF's pages repeated), and a .docx whose parts inflate
   past --max-bytes (refused; peak memory stays small).  Each memory figure is printed
   beside issue 20's bound (≤ 10× the input; the unpacked size for a .docx).

Usage: python benchmarks/bench_formats.py [--corpus DIR] [--runs N] [--pages N] [--hostile]
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


_MEMORY = """
import resource
def _status(key):
    try:
        with open("/proc/self/status") as f:
            return next(float(l.split()[1]) / 1024 for l in f if l.startswith(key + ":"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def _reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # resets VmHWM to the current RSS (Linux 4.0+)
    except OSError:
        pass
"""


def _peak_in_child(setup: str, code: str) -> tuple[float, float, float]:
    """Seconds of ``code`` and RSS (MB) before it and at its peak, in a fresh interpreter
    that ran ``setup`` (the imports) first: the difference is what reading costs.

    Linux's VmHWM, reset before ``code``, not ru_maxrss: a child started with vfork
    inherits its parent's ru_maxrss at exec, which hid the cost whenever this process
    (holding the pages it wrote) was bigger than the reader's peak.
    """
    import subprocess

    wrapped = (_MEMORY + "import time\n" + setup + "\nbase = _status('VmRSS')\n_reset_peak()\n"
               "t = time.perf_counter()\n" + code + "\nprint(time.perf_counter() - t, base, _status('VmHWM'))")
    out = subprocess.run([sys.executable, "-c", wrapped], capture_output=True, text=True, cwd=ROOT, check=True)
    seconds, base, peak = out.stdout.split()[-3:]
    return float(seconds), float(base), float(peak)


def _bomb(path: Path, lying: bool) -> None:
    import io
    import struct
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<a>" + b" " * (300 << 20) + b"</a>")
    data = bytearray(buf.getvalue())
    if lying:  # the central directory says 1,000 bytes
        struct.pack_into("<I", data, data.rindex(b"PK\x01\x02") + 24, 1000)
    path.write_bytes(bytes(data))


def _big_docx(path: Path, megabytes: int) -> int:
    """A real .docx whose document.xml holds about ``megabytes`` MB of paragraphs; returns
    the unpacked size of all its parts."""
    import io
    import zipfile

    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    paragraph = ("<w:p><w:r><w:t>第一条　为了规范行政行为，保护公民、法人和其他组织的合法权益，制定本条例。</w:t></w:r></w:p>")
    count = megabytes * (1 << 20) // len(paragraph.encode())
    unpacked = 0
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                head = data.decode().split("<w:body>")[0]
                data = (head + "<w:body>" + paragraph * count + "</w:body></w:document>").encode()
            unpacked += len(data)
            dst.writestr(info, data)
    return unpacked


BOUND = 10  # issue 20: memory added while reading ≤ 10× the input


def _against_bound(added: float, size: float) -> str:
    ratio = added / size
    return f"{ratio:4.1f}× (bound {BOUND}×: {'ok' if ratio <= BOUND else 'OVER'})"


def _repeated_pdf(source: Path, path: Path, times: int) -> None:
    """``source``'s pages ``times`` over: a long PDF compressed as real ones are."""
    import pypdfium2

    out, one = pypdfium2.PdfDocument.new(), pypdfium2.PdfDocument(source)
    for _ in range(times):
        out.import_pages(one)
    out.save(path)


def hostile(corpus: Path) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        print("\nflat HTML page (sibling <p>s): size, seconds, memory added while reading (× the input)")
        p = "<p>第一条　本条例所称政府信息是指行政机关制作的信息。</p>"
        for megabytes in (1, 2, 4, 8):
            page = Path(folder) / f"flat{megabytes}.html"
            page.write_text("<html><body>" + p * (megabytes * (1 << 20) // len(p.encode())) + "</body></html>")
            seconds, base, peak = _peak_in_child(
                "import lxml.html\nfrom govtext.formats.html import extract_html",
                f"extract_html(open({str(page)!r}, 'rb').read(), 'flat.html')")
            print(f"  {megabytes} MB  {seconds:6.2f} s  +{peak - base:5.0f} MB  {_against_bound(peak - base, megabytes)}")
        print("\n.docx of real paragraphs: unpacked size, seconds, memory added while reading (× unpacked)")
        for megabytes in (5, 20):
            path = Path(folder) / f"big{megabytes}.docx"
            unpacked = _big_docx(path, megabytes) / (1 << 20)
            seconds, base, peak = _peak_in_child(
                "import docx\nfrom govtext.formats.docx import extract_docx",
                f"extract_docx(open({str(path)!r}, 'rb').read(), 'big.docx')")
            print(f"  {unpacked:5.1f} MB unpacked ({path.stat().st_size / 1e6:4.1f} MB file)  {seconds:6.2f} s  "
                  f"+{peak - base:5.0f} MB  {_against_bound(peak - base, unpacked)}")
        source = corpus / "pdf-law-xianfa-2018-wps.pdf"
        print("\nPDF: a corpus PDF's pages repeated; size, seconds, memory added while reading (× the file)")
        if not source.is_file():
            print(f"  skipped: {source} not found")
        for times in (10, 40) if source.is_file() else ():
            path = Path(folder) / f"long{times}.pdf"
            _repeated_pdf(source, path, times)
            megabytes = path.stat().st_size / (1 << 20)
            seconds, base, peak = _peak_in_child(
                "import pypdfium2\nfrom govtext.formats.pdf import extract_pdf",
                f"extract_pdf(open({str(path)!r}, 'rb').read(), 'long.pdf')")
            print(f"  {megabytes:5.1f} MB ({times} copies)  {seconds:6.2f} s  +{peak - base:5.0f} MB  "
                  f"{_against_bound(peak - base, megabytes)}")
        print("\n.docx holding 300 MB of XML (cap: the default --max-bytes, 200 MB): seconds, memory added")
        for lying in (False, True):
            bomb = Path(folder) / "bomb.docx"
            _bomb(bomb, lying)
            seconds, base, peak = _peak_in_child(
                "import docx\nfrom govtext.formats.docx import extract_docx\nfrom govtext.errors import InputError",
                f"try:\n    extract_docx(open({str(bomb)!r}, 'rb').read(), 'bomb.docx')\n"
                "except InputError as e:\n    print(e)")
            label = "declared 1,000 bytes" if lying else "declared honestly"
            print(f"  {label:22} {bomb.stat().st_size / 1e6:4.1f} MB file  {seconds:6.2f} s  +{peak - base:5.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "formats")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--hostile", action="store_true", help="only the hostile shapes of issue 20")
    args = parser.parse_args()
    if args.hostile:
        hostile(args.corpus)
        return
    if args.corpus.is_dir():
        libraries(args.corpus)
        ours(args.corpus, args.runs)
    else:
        print(f"corpus not found at {args.corpus}: skipping the corpus figures")
    long_pdf(args.pages)


if __name__ == "__main__":
    main()
