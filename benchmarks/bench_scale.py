"""Issue 22's figures in one run, each beside its goal (prints figures; not a timed test).

- ledger on the corpus copied 5x: a two-worker Dask LocalCluster against ``-j 2``
  (goal <= 1.3x), rows identical; with ``--unbatched`` also both at ``--batch-size 0``
  (one document per task: the engine before batching);
- ``validate`` of a large archive: peak memory over the archive's size (goal <= 3x), and
  ``tree`` of the same archive, read back (its goal: benchmarks/bench_memory.py);
- ``history`` of the 50 work reports against one diff of gwr 2024 -> 2025 (goal <= 12x);
- ``tree`` start-up against the import floor of click+rich+lxml: the bundled sample
  (goal <= 1.5x) and 刑法 2023 (goal <= 3x).

Every comparison runs its commands in turn, round by round, as fresh processes; a ratio
is the median of the round-by-round ratios (benchmarks/measure.py), so a slow minute on
a shared machine slows both sides of a pair.  Quote medians, and say the machine was shared.

Run: python benchmarks/bench_scale.py [--runs N] [--only ledger,validate,history,tree] [--unbatched]
(needs ../shared/corpus beside the checkout; the Dask rows need govtext[scale]).
"""

from __future__ import annotations

import argparse
import filecmp
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ledger import make_corpus  # noqa: E402
from bench_memory import ARCHIVE_GOALS, build_input  # noqa: E402
from measure import CORPUS, compile_bytecode, govtext_command, interleaved, load_note, once, ratio_line  # noqa: E402

PARTS = ("ledger", "validate", "history", "tree")
ARCHIVE_TEXT_BYTES = 8_000_000
"""Text repeated from the corpus for the validate row: its archive is about 23 MB (as in the issue)."""


def ledger(govtext: list[str], runs: int, unbatched: bool, tmp: Path) -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("ledger: skipped (Dask not installed: pip install 'govtext[scale]')")
        return
    folder = tmp / "corpus5"
    files = make_corpus(folder, 5)
    out = {name: tmp / f"{name}.csv" for name in ("dask", "jobs2", "dask0", "jobs2-0")}
    commands = {
        "jobs2": govtext + ["ledger", str(folder), "-o", str(out["jobs2"]), "-q", "-j", "2"],
        "dask": govtext + ["ledger", str(folder), "-o", str(out["dask"]), "-q", "-j", "2", "--scheduler", "local"],
    }
    if unbatched:
        commands["jobs2-0"] = govtext + ["ledger", str(folder), "-o", str(out["jobs2-0"]), "-q", "-j", "2",
                                         "--batch-size", "0"]
        commands["dask0"] = govtext + ["ledger", str(folder), "-o", str(out["dask0"]), "-q", "-j", "2",
                                       "--scheduler", "local", "--batch-size", "0"]
    figures = interleaved(commands, runs)
    print(f"ledger, corpus x5 ({files} files)")
    print(ratio_line("Dask LocalCluster / -j 2", figures["dask"], figures["jobs2"], 1.3))
    if unbatched:
        print(ratio_line("unbatched: Dask / -j 2 (0 = per doc)", figures["dask0"], figures["jobs2-0"], None))
        print(ratio_line("-j 2 batched / unbatched", figures["jobs2"], figures["jobs2-0"], None))
    same = all(filecmp.cmp(out["jobs2"], path, shallow=False) for name, path in out.items() if name in commands)
    print(f"rows identical across engines{' and batch sizes' if unbatched else ''}: {'yes' if same else 'NO'}")


def validate(govtext: list[str], runs: int, tmp: Path) -> None:
    text, xml = tmp / "big.txt", tmp / "big.xml"
    build_input(text, ARCHIVE_TEXT_BYTES)
    once(govtext + ["xml", str(text), "-o", str(xml)])
    size = xml.stat().st_size
    figures = interleaved({"validate": govtext + ["validate", str(xml)], "tree": govtext + ["tree", str(xml)]}, runs)
    figure = figures["validate"]
    ratio = figure.peak_mb * 1024 * 1024 / size
    print(f"validate, {size / 1e6:.1f} MB archive: peak {figure.peak_mb:.1f} MB = {ratio:.2f}x the input "
          f"(goal ≤ 3.00x), wall {figure.wall:.2f} s")
    figure = figures["tree"]
    ratio = figure.peak_mb * 1024 * 1024 / size
    print(f"tree of the same archive (read back): peak {figure.peak_mb:.1f} MB = {ratio:.2f}x the input, wall "
          f"{figure.wall:.2f} s (goal: {ARCHIVE_GOALS['tree-xml']}x above the interpreter, bench_memory.py)")


def history(govtext: list[str], runs: int) -> None:
    commands = {
        "diff": govtext + ["diff", str(CORPUS / "gwr-2024.txt"), str(CORPUS / "gwr-2025.txt"), "--format", "json"],
        "history": govtext + ["history", str(CORPUS / "series" / "gwr"), "--format", "json"],
    }
    figures = interleaved(commands, runs)
    print(ratio_line("history of 50 reports / one gwr diff", figures["history"], figures["diff"], 12.0))


def tree(govtext: list[str], runs: int) -> None:
    commands = {
        "floor": [sys.executable, "-c", "import click, rich, lxml"],
        "tree sample": govtext + ["tree"],
        "tree 刑法 2023": govtext + ["tree", str(CORPUS / "law-xingfa-2023.txt")],
    }
    figures = interleaved(commands, runs)
    floor = figures["floor"]
    print(f"{'floor: import click, rich, lxml':<34} wall {floor.wall * 1000:7.0f} ms   cpu {floor.cpu * 1000:7.0f} ms")
    print(ratio_line("tree sample / floor", figures["tree sample"], floor, 1.5))
    print(ratio_line("tree 刑法 2023 / floor", figures["tree 刑法 2023"], floor, 3.0))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds per comparison (default 5)")
    parser.add_argument("--only", default=",".join(PARTS), help="comma-separated: " + ",".join(PARTS))
    parser.add_argument("--unbatched", action="store_true", help="also run the ledger at --batch-size 0")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}: nothing measured", file=sys.stderr)
        return 2
    parts = [p for p in args.only.split(",") if p]
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    compile_bytecode()
    govtext = govtext_command()
    with tempfile.TemporaryDirectory(prefix="govtext-scale-") as tmp:
        if "ledger" in parts:
            ledger(govtext, args.runs, args.unbatched, Path(tmp))
        if "validate" in parts:
            validate(govtext, args.runs, Path(tmp))
        if "history" in parts:
            history(govtext, args.runs)
        if "tree" in parts:
            tree(govtext, args.runs)
    print(load_note())
    print("(whole-process figures; medians of round-by-round ratios — say whether the machine was shared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
