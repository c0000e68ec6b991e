"""Benchmark for ``govtext history`` (prints figures; not a timed test).

Measures in one run, so both figures share the machine's load:

- ``govtext diff gwr-2024.txt gwr-2025.txt --format json`` and
  ``govtext history series/gwr --format json`` over all 50 work reports (default jobs:
  one per core), one after the other, round by round; the figure is the median of the
  rounds' ratios (goal: ≤ 12x the one diff, issue 22), printed with their range;
- with ``--serial``, ``--jobs 1`` too;
- with ``--balance``, figures the machine's load hardly moves: the CPU of each worker's walk
  (they should end within about a pair of each other) and how many versions were read (one
  more than the series where two walks meet);
- peak memory of the history run: the largest sum of resident memory over the
  process and its workers, sampled every 20 ms (goal ≤ 300 MB), and the largest
  single process.

Usage: python benchmarks/bench_history.py [--corpus DIR] [--runs N] [--serial] [--balance]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = os.sysconf("SC_PAGE_SIZE")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * PAGE
    except OSError:
        return 0


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak total RSS of the process tree (MB) and peak single RSS (MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_total = peak_one = 0
    while proc.poll() is None:
        tree, pids, k = _children(), [proc.pid], 0
        while k < len(pids):
            pids.extend(tree.get(pids[k], ()))
            k += 1
        sizes = [_rss(pid) for pid in pids]
        peak_total, peak_one = max(peak_total, sum(sizes)), max(peak_one, max(sizes))
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed with {proc.returncode}: {proc.stderr.read().decode()}")
    return elapsed, peak_total / 2**20, peak_one / 2**20


def best(cmd: list[str], runs: int) -> tuple[float, float, float]:
    results = [run(cmd) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results), max(r[2] for r in results)


def balance(series: Path, workers: int = 2) -> None:
    """CPU of each worker's walk in a real history (a figure the machine's load hardly moves,
    unlike wall time): the walks should end within about a pair of each other, and read each
    version once but where two walks meet.  Needs forked workers (Linux before Python 3.14),
    which run the timing wrapper installed here."""
    import tempfile

    sys.path.insert(0, str(ROOT))
    from govtext.history import series as history

    with tempfile.NamedTemporaryFile("r", suffix=".tsv") as log:
        _timed_walk.log, _timed_walk.original = log.name, history._walk
        history._walk = _timed_walk
        try:
            shown = history.build_history([str(series)], jobs=workers)
        finally:
            history._walk = _timed_walk.original
        walks = [tuple(map(float, line.split("\t"))) for line in log.read().splitlines()]
    if not walks:
        print("balance: the workers did not run the timing wrapper (not forked)")
        return
    cpus = sorted(cpu for cpu, _, _ in walks)
    print(f"{len(walks)} walks: CPU {', '.join(f'{c:.2f}' for c, _, _ in walks)} s, pairs "
          f"{', '.join(str(int(p)) for _, p, _ in walks)}; the last ends {cpus[-1] - cpus[0]:.2f} s of CPU after "
          f"the first; versions read {int(sum(n for _, _, n in walks))} for {len(shown.versions)}")


def _timed_walk(task):
    """The history's walk, its CPU time and counts appended to the log (module level: pickled)."""
    start = time.process_time()
    result = _timed_walk.original(task)
    with open(_timed_walk.log, "a") as out:
        out.write(f"{time.process_time() - start}\t{len(result.steps)}\t{len(result.versions)}\n")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--runs", type=int, default=5, help="rounds (each: one diff, one history)")
    parser.add_argument("--serial", action="store_true", help="also time --jobs 1")
    parser.add_argument("--balance", action="store_true",
                        help="also print the CPU of each worker's walk and the versions read")
    args = parser.parse_args()
    series = Path(args.corpus) / "series" / "gwr"
    if not series.is_dir():
        raise SystemExit(f"no series at {series}")
    govtext = [sys.executable, "-m", "govtext"]
    versions = len(list(series.glob("*.txt")))

    diff_cmd = govtext + ["diff", str(series / "gwr-2024.txt"), str(series / "gwr-2025.txt"), "--format", "json"]
    history_cmd = govtext + ["history", str(series), "--format", "json"]
    rounds = [(run(diff_cmd), run(history_cmd)) for _ in range(args.runs)]
    diff = statistics.median(d[0] for d, _ in rounds), max(d[1] for d, _ in rounds), max(d[2] for d, _ in rounds)
    history = statistics.median(h[0] for _, h in rounds), max(h[1] for _, h in rounds), max(h[2] for _, h in rounds)
    ratios = [h[0] / d[0] for d, h in rounds]
    ratio = statistics.median(ratios)
    print(f"diff gwr-2024 gwr-2025        {diff[0]:7.2f} s   peak {diff[2]:6.1f} MB   (median of {args.runs})")
    print(f"history series/gwr ({versions} versions, {versions - 1} pairs, jobs = {os.cpu_count()})"
          f"  {history[0]:7.2f} s   = {ratio:.1f}x the one diff [{min(ratios):.1f}–{max(ratios):.1f}] "
          f"(goal <= 12x) {'ok' if ratio <= 12 else 'OVER'}")
    print(f"  peak memory: {history[1]:6.1f} MB all processes (goal <= 300 MB) "
          f"{'ok' if history[1] <= 300 else 'OVER'}; largest single process {history[2]:6.1f} MB")
    if args.serial:
        serial = best(history_cmd + ["--jobs", "1"], 1)
        print(f"history --jobs 1               {serial[0]:7.2f} s   = {serial[0] / diff[0]:.1f}x   "
              f"peak {serial[1]:6.1f} MB")
    if args.balance:
        balance(series)
    print(f"(load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: a history with one worker per "
          "core measures free cores; compare ratios measured in the same run)")


if __name__ == "__main__":
    main()
