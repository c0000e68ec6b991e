"""Peak memory of tree, tree --format json, xml and validate on a large real-text input.

The input is built by repeating the corpus texts (../shared/corpus/*.txt) up to the
size asked for; each command runs in its own process and its peak resident set size
is read from the kernel (os.wait4's rusage), then printed with its ratio to the
input size and the wall time.  The target is a ratio of at most 10 for json, xml and
validate.  Figures are noisy on a shared machine: compare runs made close together.

Run: python benchmarks/bench_memory.py [--mb 50] [--keep DIR]
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
    parser.add_argument("--only", nargs="*", help="run only these rows (tree json xml validate)")
    options = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    folder = Path(options.keep or tempfile.mkdtemp(prefix="govtext-mem-"))
    folder.mkdir(parents=True, exist_ok=True)
    text, xml = folder / "big.txt", folder / "big.xml"
    size = build_input(text, int(options.mb * 1_000_000))
    print(f"input: {size / 1e6:.1f} MB of repeated corpus text ({text})")
    rows = [
        ("tree", ["tree", str(text)]),
        ("json", ["tree", "--format", "json", str(text), "-o", str(folder / "big.json")]),
        ("xml", ["xml", str(text), "-o", str(xml)]),
        ("validate", ["validate", str(xml)]),
    ]
    print(f"{'command':<10} {'peak RSS':>10} {'ratio':>7} {'seconds':>8}  status")
    worst = 0.0
    for name, args in rows:
        if options.only and name not in options.only:
            continue
        if name == "validate" and not xml.exists():
            subprocess.run([sys.executable, "-m", "govtext", "xml", str(text), "-o", str(xml)], check=True)
        rss, seconds, status = peak(args)
        ratio = rss / size
        if name != "tree":
            worst = max(worst, ratio)
        print(f"{name:<10} {rss / 1e6:>8.0f}MB {ratio:>6.1f}x {seconds:>8.1f}  exit {status}")
    print(f"worst of json/xml/validate: {worst:.1f}x the input (target <= {LIMIT}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
