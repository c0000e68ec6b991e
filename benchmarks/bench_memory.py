"""Peak memory of tree, tree --format json, xml and validate on a large real-text input,
and of reading the archive back (tree and tree --format json of big.xml).

The input is built by repeating the corpus texts (../shared/corpus/*.txt) up to the
size asked for; each command runs in its own process and its peak resident set size
is read from the kernel (os.wait4's rusage), then printed with its ratio to its input
(the text, or the archive for validate and the archive rows) and the wall time.  The
target is a ratio of at most 10 for json, xml and validate; the archive rows print
their own goals (docs/performance.md says why).  Figures are noisy on a shared machine:
compare runs made close together.

Run: python benchmarks/bench_memory.py [--mb 50] [--keep DIR] [--only tree-xml json-xml]
(--mb 8 gives the 22 MB archive the figures in docs/performance.md were measured on)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
LIMIT = 10
ARCHIVE_GOALS = {"tree-xml": 4.5, "json-xml": 3.5}
"""Reading an archive back: peak above the interpreter's (the same command on a tiny
archive) over the archive's size.  The outline itself must be held: ~300 bytes a node in
Python objects, where an archive spends 135–190 bytes a node on XML, so up to 2.3x.  The
output stage holds more (tree's rows, the JSON writer's buffers); the goals leave the
reader ~1.2x for its own working memory (the open elements, the ids it must hold, the text
joined as it comes).  docs/performance.md gives the figures on a dev and a held-out archive."""


def build_input(path: Path, size: int) -> int:
    texts = [p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))]
    written = 0
    with open(path, "wb") as fh:
        while written < size:
            for data in texts:
                fh.write(data)
                written += len(data)
                if written >= size:
                    break
    return written


def peak(args: list[str]) -> tuple[int, float, int]:
    """(peak RSS in bytes, seconds, exit status) of one govtext run."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "govtext", *args], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss * 1024, time.perf_counter() - start, proc.returncode  # ru_maxrss is KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="input size in MB (default 50)")
    parser.add_argument("--keep", help="folder to build the files in and keep (default: a temporary one)")
    parser.add_argument("--only", nargs="*", help="run only these rows (tree json xml validate tree-xml json-xml)")
    parser.add_argument("--archive", help="read this archive in the validate, tree-xml and json-xml rows instead of "
                        "the one the xml row writes (a held-out measure: other documents, another size)")
    options = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    folder = Path(options.keep or tempfile.mkdtemp(prefix="govtext-mem-"))
    folder.mkdir(parents=True, exist_ok=True)
    text, written = folder / "big.txt", folder / "big.xml"
    xml = Path(options.archive) if options.archive else written  # what the reading rows read
    size = build_input(text, int(options.mb * 1_000_000))
    print(f"input: {size / 1e6:.1f} MB of repeated corpus text ({text})")
    tiny = folder / "tiny.xml"  # the bundled sample's archive: what a command costs before any input
    subprocess.run([sys.executable, "-m", "govtext", "xml", "-o", str(tiny)], check=True)
    rows = [
        ("tree", ["tree", str(text)]),
        ("json", ["tree", "--format", "json", str(text), "-o", str(folder / "big.json")]),
        ("xml", ["xml", str(text), "-o", str(written)]),
        ("validate", ["validate", str(xml)]),
        ("tree-xml", ["tree", str(xml)]),
        ("json-xml", ["tree", "--format", "json", str(xml), "-o", str(folder / "big-xml.json")]),
    ]
    print(f"{'command':<10} {'peak RSS':>10} {'ratio':>7} {'seconds':>8}  status")
    worst = 0.0
    for name, args in rows:
        if options.only and name not in options.only:
            continue
        if name in ("validate", *ARCHIVE_GOALS) and not xml.exists():
            subprocess.run([sys.executable, "-m", "govtext", "xml", str(text), "-o", str(written)], check=True)
        rss, seconds, status = peak(args)
        ratio = rss / size
        if name in ("json", "xml", "validate"):
            worst = max(worst, ratio)
        if name == "validate" or name in ARCHIVE_GOALS:
            ratio = rss / xml.stat().st_size  # of the archive this row reads
        goal = ARCHIVE_GOALS.get(name)
        beside = f"  of the {xml.stat().st_size / 1e6:.1f} MB archive" if name == "validate" or goal else ""
        if goal:
            base = peak([str(tiny) if arg == str(xml) else arg for arg in args])[0]
            above = (rss - base) / xml.stat().st_size
            beside += (f"; above the interpreter ({base / 1e6:.0f} MB) {above:.2f}x"
                       f" (goal <= {goal}x: {'met' if above <= goal else 'NOT met'})")
        print(f"{name:<10} {rss / 1e6:>8.0f}MB {ratio:>6.2f}x {seconds:>8.1f}  exit {status}{beside}")
    print(f"worst of json/xml/validate: {worst:.1f}x the text (target <= {LIMIT}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
