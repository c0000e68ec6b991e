"""Benchmark for `govtext tree` and the parser (issue 2). Prints figures; asserts nothing.

    python benchmarks/bench_tree.py [--runs N]

Parse time of the bundled sample and of the largest corpus file; wall time of
`govtext tree` on the sample next to the import floor
`python -c "import click, rich, lxml.etree"`, measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


def best_of(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def wall(cmd: list[str], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    from govtext.pipeline import load, parse_raw, sample_bytes
    from govtext.textio import RawInput

    raw = RawInput(sample_bytes(), None)
    print(f"parse sample ({len(raw.data.decode())} chars): {best_of(lambda: parse_raw(raw), args.runs) * 1000:.1f} ms")
    files = sorted(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size) if CORPUS.is_dir() else []
    if files:
        big = files[-1]
        big_raw = RawInput(big.read_bytes(), str(big))
        chars = len(big_raw.data.decode("utf-8"))
        t = best_of(lambda: parse_raw(big_raw), args.runs)
        print(f"parse {big.name} ({chars} chars): {t * 1000:.1f} ms ({chars / t / 1e6:.2f} M chars/s)")
        total = sum(best_of(lambda p=p: load(str(p)), 3) for p in files)
        print(f"parse whole corpus ({len(files)} files): {total * 1000:.0f} ms")
    else:
        print(f"corpus not found at {CORPUS}: skipping corpus figures")

    script = shutil.which("govtext", path=os.path.dirname(sys.executable)) or shutil.which("govtext")
    exe = [script] if script else [sys.executable, "-m", "govtext"]
    print(f"command: {' '.join(exe)} tree")
    floor_min, floor_med = wall([sys.executable, "-c", "import click, rich, lxml.etree"], args.runs)
    tree_min, tree_med = wall(exe + ["tree"], args.runs)
    print(f"import floor (click, rich, lxml.etree): min {floor_min * 1000:.0f} ms, median {floor_med * 1000:.0f} ms")
    print(f"govtext tree on the sample:            min {tree_min * 1000:.0f} ms, median {tree_med * 1000:.0f} ms")
    print(f"ratio (median): {tree_med / floor_med:.2f}x  (goal: <= 2x)")
    probe = "import sys; from govtext.cli import main\ntry: main(['tree'])\nexcept SystemExit: pass\nprint('jieba' in sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip().splitlines()[-1]
    print(f"jieba loaded by `govtext tree`: {loaded}")


if __name__ == "__main__":
    main()
