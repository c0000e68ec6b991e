"""Benchmark for ``govtext diff`` (prints figures; not a timed test).

Measures in one run, each as the best of N fresh processes:

- the baseline: ``python -c "import jieba; jieba.initialize()"`` (jieba's
  dictionary load, which any jieba-based tool pays);
- ``govtext diff gwr-2024.txt gwr-2025.txt --format json`` (goal ≤ 1.3x baseline);
- ``govtext diff`` on 刑法 2020 → 2023 (goal ≤ 1.5x);
- the same pairs with every input doubled (text concatenated with itself):
  the work beyond the load should at most double;
- peak memory (max RSS) of each diff (goal ≤ 150 MB).

Usage: python benchmarks/bench_diff.py [--corpus DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed with {proc.returncode}: {proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def best(cmd: list[str], runs: int) -> tuple[float, float]:
    results = [run(cmd) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def doubled(path: Path, folder: Path) -> Path:
    out = folder / f"double-{path.name}"
    text = path.read_text(encoding="utf-8")
    out.write_text(text + "\n" + text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    py = sys.executable
    diff = [py, "-m", "govtext", "diff"]
    base, base_mem = best([py, "-c", "import jieba; jieba.initialize()"], args.runs)
    print(f"baseline  import jieba; jieba.initialize()   {base:6.2f} s  {base_mem:6.1f} MB")
    pairs = [("gwr 2024→2025", "gwr-2024.txt", "gwr-2025.txt", 1.3),
             ("刑法 2020→2023", "law-xingfa-2020.txt", "law-xingfa-2023.txt", 1.5)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for label, a, b, goal in pairs:
            old, new = corpus / a, corpus / b
            t, mem = best(diff + [str(old), str(new), "--format", "json"], args.runs)
            t2, mem2 = best(diff + [str(doubled(old, folder)), str(doubled(new, folder)), "--format", "json"],
                            args.runs)
            beyond, beyond2 = t - base, t2 - base
            growth = beyond2 / beyond if beyond > 0 else float("nan")
            print(f"{label:<16} {t:6.2f} s = {t / base:4.2f}x baseline (goal ≤ {goal}x)  {mem:6.1f} MB")
            print(f"{label + ' x2':<16} {t2:6.2f} s = {t2 / base:4.2f}x baseline; "
                  f"work beyond the load x{growth:.2f} when the input doubles  {mem2:6.1f} MB")


if __name__ == "__main__":
    main()
