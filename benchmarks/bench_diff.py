"""Benchmark for ``govtext diff`` (prints figures; not a timed test).

Measures in one run, each as the best of N fresh processes:

- the baseline: ``python -c "import jieba; jieba.initialize()"`` (jieba's
  dictionary load, which any jieba-based tool pays);
- ``govtext diff gwr-2024.txt gwr-2025.txt --format json`` (goal ≤ 1.3x baseline);
- ``govtext diff`` on 刑法 2020 → 2023 (goal ≤ 1.5x);
- the same pairs with every input doubled (text concatenated with itself):
  the work beyond the load should at most double — measured in process with
  jieba loaded too, since process start-up noise swamps a 0.1 s difference;
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


def doubled(path: Path, folder: Path) -> Path:
    out = folder / f"double-{path.name}"
    text = path.read_text(encoding="utf-8")
    out.write_text(text + "\n" + text, encoding="utf-8")
    return out


def in_process(old: Path, new: Path, times: int, runs: int) -> float:
    """Seconds to parse, diff and render the pair with each text repeated ``times``,
    jieba already loaded: the work beyond the load, without process noise."""
    from govtext.diff import diff_documents
    from govtext.diff.differ import _segmenter
    from govtext.diff.normalize import normalize
    from govtext.pipeline import parse_text
    from govtext.report import renderer

    _segmenter(()).tokenize("预热")
    a = "\n".join([old.read_text(encoding="utf-8")] * times)
    b = "\n".join([new.read_text(encoding="utf-8")] * times)
    best_time = float("inf")
    for _ in range(runs):
        normalize.cache_clear()
        start = time.perf_counter()
        renderer("json").render(diff_documents(parse_text(a), parse_text(b)))
        best_time = min(best_time, time.perf_counter() - start)
    return best_time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    py = sys.executable
    diff = [py, "-m", "govtext", "diff"]
    pairs = [("gwr 2024→2025", "gwr-2024.txt", "gwr-2025.txt", 1.3),
             ("刑法 2020→2023", "law-xingfa-2020.txt", "law-xingfa-2023.txt", 1.5)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        commands = {"baseline": [py, "-c", "import jieba; jieba.initialize()"]}
        for label, a, b, _ in pairs:
            old, new = corpus / a, corpus / b
            commands[label] = diff + [str(old), str(new), "--format", "json"]
            commands[label + " x2"] = diff + [str(doubled(old, folder)), str(doubled(new, folder)), "--format", "json"]
        # Interleaved runs, best of each: the machine's load drifts between runs.
        times = {name: float("inf") for name in commands}
        mems = {name: 0.0 for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                t, mem = run(cmd)
                times[name], mems[name] = min(times[name], t), max(mems[name], mem)
        base = times["baseline"]
        print(f"baseline  import jieba; jieba.initialize()   {base:6.2f} s  {mems['baseline']:6.1f} MB")
        for label, a, b, goal in pairs:
            t, t2 = times[label], times[label + " x2"]
            growth = (t2 - base) / (t - base) if t > base else float("nan")
            print(f"{label:<16} {t:6.2f} s = {t / base:4.2f}x baseline (goal ≤ {goal}x)  peak {mems[label]:6.1f} MB")
            print(f"{label + ' x2':<16} {t2:6.2f} s = {t2 / base:4.2f}x baseline; work beyond the load "
                  f"x{growth:.2f} when the input doubles  peak {mems[label + ' x2']:6.1f} MB")
            one, two = in_process(corpus / a, corpus / b, 1, args.runs), in_process(corpus / a, corpus / b, 2, args.runs)
            print(f"{'':<16} in process, jieba loaded: parse+diff+render {one:5.3f} s, "
                  f"input doubled {two:5.3f} s (x{two / one:.2f})")

if __name__ == "__main__":
    main()
