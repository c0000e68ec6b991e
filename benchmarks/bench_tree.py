"""Benchmark for ``govtext tree`` start-up (prints figures; asserts nothing). Issue 11's tree targets.

Anchor (the import floor, as issue 11 defines it): ``python -c "import click, rich, lxml"``.
Fresh processes, interleaved round by round, medians, output to a pipe (the
plain-text path):

- govtext tree (bundled sample)     goal ≤ 1.5x the floor
- govtext tree 刑法 2023             goal ≤ 3x the floor

Also prints in-process parse times of the sample and the largest corpus file.

Usage: python benchmarks/bench_tree.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import time

from measure import CORPUS, ROOT, compile_bytecode, govtext_command, interleaved, ratio_line


def best_of(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    compile_bytecode()
    govtext = govtext_command()
    law = CORPUS / "law-xingfa-2023.txt"
    commands = {"floor": [sys.executable, "-c", "import click, rich, lxml"], "tree sample": govtext + ["tree"]}
    goals = {"tree sample": 1.5}
    if law.is_file():
        commands["tree 刑法 2023"] = govtext + ["tree", str(law)]
        goals["tree 刑法 2023"] = 3.0
    else:
        print(f"corpus not found at {CORPUS}: 刑法 figure skipped")
    interleaved(commands, 1)  # warm-up
    figures = interleaved(commands, args.runs)
    floor = figures["floor"]
    print(f"{args.runs} interleaved rounds; times are medians, ratios the median of round-by-round ratios")
    print(f"{'floor: import click, rich, lxml':<34} wall {floor.wall * 1000:7.0f} ms   cpu {floor.cpu * 1000:7.0f} ms")
    for label, goal in goals.items():
        print(ratio_line(label, figures[label], floor, goal))

    sys.path.insert(0, str(ROOT))
    from govtext.pipeline import load

    print(f"parse sample in process: {best_of(lambda: load(None), 5) * 1000:.1f} ms")
    if law.is_file():
        print(f"parse {law.name} in process: {best_of(lambda: load(str(law)), 3) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
