"""Benchmark for ``govtext diff`` (prints figures; asserts nothing). Issue 11's diff targets.

Anchor: ``python -c "import jieba; jieba.initialize()"``, loading jieba's
dictionary (what a jieba-based differ paid before any work).  Each figure is a
fresh process, all interleaved round by round; medians; ratios within the run:

- diff gwr-2024 → gwr-2025 --format json   goal ≤ 0.40x the anchor, peak ≤ 45 MB
- diff 刑法 2020 → 2023 --format json       goal ≤ 0.40x
- diff gwr-2018 vs 刑法 2023 (unrelated)     goal ≤ 0.50x (alignment's figure)
- segmentation alone: compiled dictionary mapped + one sentence cut

With ``--growth``: the work beyond start-up, in process, when the inputs double.
With ``--stage``: the diff stage alone (after both documents are parsed), in fresh
processes: the first diff (differ's imports, dictionary mapping, cold caches included,
as the CLI pays them) and a second one in the same process (the work alone).

Usage: python benchmarks/bench_diff.py [--runs N] [--growth] [--stage]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from measure import CORPUS, ROOT, compile_bytecode, govtext_command, interleaved, ratio_line

PAIRS = [
    ("diff gwr 2024→2025", "gwr-2024.txt", "gwr-2025.txt", 0.40),
    ("diff 刑法 2020→2023", "law-xingfa-2020.txt", "law-xingfa-2023.txt", 0.40),
    ("diff gwr-2018 vs 刑法 2023", "gwr-2018.txt", "law-xingfa-2023.txt", 0.50),
]
SEGMENT_ONLY = ("from govtext.diff.words import Segmenter; from govtext.diff.data import protected_terms\n"
                "Segmenter([(t, None, None) for t in protected_terms()]).tokenize('坚持稳中求进工作总基调，推动高质量发展')")


def growth(old: Path, new: Path, runs: int) -> tuple[float, float]:
    """Seconds to parse, diff and render the pair once and with each text doubled (dictionary loaded)."""
    sys.path.insert(0, str(ROOT))
    from govtext.diff import diff_documents
    from govtext.diff.differ import _segmenter
    from govtext.pipeline import parse_text
    from govtext.report import renderer

    _segmenter(()).tokenize("预热")
    times = []
    for factor in (1, 2):
        a = "\n".join([old.read_text(encoding="utf-8")] * factor)
        b = "\n".join([new.read_text(encoding="utf-8")] * factor)
        best = float("inf")
        for _ in range(runs):
            start = time.perf_counter()
            renderer("json").render(diff_documents(parse_text(a), parse_text(b)))
            best = min(best, time.perf_counter() - start)
        times.append(best)
    return times[0], times[1]


# Parse both (not timed), then time the diff stage twice; the CLI's collector setting.
STAGE = """
import gc, sys, time
gc.set_threshold(100_000)
from govtext.pipeline import load
old, new = load(sys.argv[1]), load(sys.argv[2])
start = time.perf_counter(), time.process_time()
from govtext.diff import diff_documents
from govtext.report import render_report
render_report("json", diff_documents(old, new))
cold = time.perf_counter(), time.process_time()
render_report("json", diff_documents(old, new))
warm = time.perf_counter(), time.process_time()
print(cold[0] - start[0], cold[1] - start[1], warm[0] - cold[0], warm[1] - cold[1])
"""


def stage(old: Path, new: Path, runs: int) -> list[float]:
    """Median (first wall, first CPU, second wall, second CPU) seconds of the diff stage alone."""
    rows = [list(map(float, subprocess.run([sys.executable, "-c", STAGE, str(old), str(new)], check=True,
                                           capture_output=True, text=True, cwd=ROOT).stdout.split()))
            for _ in range(runs)]
    return [statistics.median(column) for column in zip(*rows)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--growth", action="store_true")
    parser.add_argument("--stage", action="store_true")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"corpus not found at {CORPUS}")
    compile_bytecode()
    govtext = govtext_command()
    commands = {"anchor": [sys.executable, "-c", "import jieba; jieba.initialize()"],
                "segment": [sys.executable, "-c", SEGMENT_ONLY]}
    for label, a, b, _ in PAIRS:
        commands[label] = govtext + ["diff", str(CORPUS / a), str(CORPUS / b), "--format", "json"]
    interleaved({k: commands[k] for k in list(commands)[1:]}, 1)  # warm-up: builds the compiled dictionary
    figures = interleaved(commands, args.runs)
    anchor = figures["anchor"]
    print(f"{args.runs} interleaved rounds; times are medians, ratios the median of round-by-round ratios")
    print(f"{'anchor: import jieba; initialize()':<34} wall {anchor.wall * 1000:7.0f} ms   "
          f"cpu {anchor.cpu * 1000:7.0f} ms   peak {anchor.peak_mb:5.1f} MB")
    print(ratio_line("segmenter: map + cut one sentence", figures["segment"], anchor, None))
    for label, _, _, goal in PAIRS:
        print(ratio_line(label, figures[label], anchor, goal))
    print(f"peak memory of the gwr diff: {figures[PAIRS[0][0]].peak_mb:.1f} MB (goal ≤ 45 MB)")
    if args.stage:
        for label, a, b, _ in PAIRS:
            first_wall, first_cpu, again_wall, again_cpu = stage(CORPUS / a, CORPUS / b, args.runs)
            print(f"{label} stage alone: first {first_wall * 1000:.0f} ms (cpu {first_cpu * 1000:.0f}), "
                  f"again in process {again_wall * 1000:.0f} ms (cpu {again_cpu * 1000:.0f})")
    if args.growth:
        for label, a, b, _ in PAIRS[:2]:
            one, two = growth(CORPUS / a, CORPUS / b, 3)
            print(f"{label}: in process {one:.3f} s, inputs doubled {two:.3f} s (x{two / one:.2f})")


if __name__ == "__main__":
    main()
