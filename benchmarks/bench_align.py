"""Alignment scaling: does the diff's work grow linearly with its input, repeated content included?

    python benchmarks/bench_align.py [--corpus DIR] [--quick]

Figures (issue #11's linear-alignment targets), each a ratio measured in this one run:

- a work report concatenated 8× with itself, edited (the same edits in every
  copy: the hardest case, every changed paragraph has seven look-alikes):
  diff time ÷ the 1× case (target ≤ 10×);
- about 5 MB of such repeated content ÷ about 1 MB (target < 15×; --quick skips it);
- two unrelated ~73k-character documents (gwr-2018 vs 刑法 2023): diff time,
  and ÷ the 1× case above.

"Diff time" is ``diff_documents`` in-process on parsed documents, with the
segmenter loaded beforehand: the work beyond start-up and parsing.  Parsing is
shown separately.  Each figure is the best of a few runs; the machine is shared,
so expect noise of ±20 %.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from govtext.diff import diff_documents  # noqa: E402
from govtext.diff.differ import _segmenter  # noqa: E402
from govtext.pipeline import parse_text  # noqa: E402


def edited(text: str) -> str:
    """A plausible next version: a word changed in every 7th paragraph, one paragraph
    dropped, one added, one number changed."""
    paras = text.split("\n")
    out = []
    for k, para in enumerate(paras):
        if k % 7 == 3 and "发展" in para:
            para = para.replace("发展", "增长", 1)
        if k == len(paras) // 2:
            continue
        out.append(para)
        if k == len(paras) // 3:
            out.append("（补充）加强示例工作统筹协调，完善示例工作机制，推动各项任务落地见效。")
    return re.sub(r"5%", "5.5%", "\n".join(out), count=1)


def best_of(runs: int, fn) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def measure(old_text: str, new_text: str, runs: int) -> tuple[float, float, int]:
    start = time.perf_counter()
    old, new = parse_text(old_text, name="old"), parse_text(new_text, name="new")
    parse = time.perf_counter() - start
    changes = len(diff_documents(old, new).changes)
    return best_of(runs, lambda: diff_documents(old, new)), parse, changes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--quick", action="store_true", help="skip the 1 MB / 5 MB pair")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    report = (corpus / "gwr-2024.txt").read_text(encoding="utf-8")
    _segmenter(()).tokenize("预热")  # load the dictionary outside the timings

    rows = []
    base, parse, n = measure(report, edited(report), 5)
    rows.append(("1× report, edited", len(report), base, parse, n, 1.0))
    for times in (2, 4, 8):
        t, parse, n = measure(report * times, edited(report) * times, 3)
        rows.append((f"{times}× report, edited", len(report) * times, t, parse, n, t / base))
    unrelated_old = (corpus / "gwr-2018.txt").read_text(encoding="utf-8")
    unrelated_new = (corpus / "law-xingfa-2023.txt").read_text(encoding="utf-8")
    t, parse, n = measure(unrelated_old, unrelated_new, 3)
    rows.append(("gwr-2018 vs 刑法 2023 (unrelated)", len(unrelated_old) + len(unrelated_new), t, parse, n, t / base))
    if not args.quick:
        one_mb = max(1, round(1_000_000 / len(report.encode("utf-8"))))
        t1, parse, n = measure(report * one_mb, edited(report) * one_mb, 1)
        rows.append((f"~1 MB ({one_mb}× report)", len(report) * one_mb, t1, parse, n, t1 / base))
        t5, parse, n = measure(report * one_mb * 5, edited(report) * one_mb * 5, 1)
        rows.append((f"~5 MB ({one_mb * 5}× report)", len(report) * one_mb * 5, t5, parse, n, t5 / base))

    print(f"{'case':<36} {'chars':>9} {'diff s':>8} {'parse s':>8} {'changes':>8} {'÷ 1×':>7}")
    for name, chars, t, parse, n, ratio in rows:
        print(f"{name:<36} {chars:>9} {t:>8.3f} {parse:>8.3f} {n:>8} {ratio:>7.1f}")
    if not args.quick:
        print(f"\n5 MB ÷ 1 MB: {t5 / t1:.1f}× (target < 15×)")
    eight = next(r for r in rows if r[0].startswith("8×"))
    print(f"8× ÷ 1×: {eight[5]:.1f}× (target ≤ 10×)")


if __name__ == "__main__":
    main()
