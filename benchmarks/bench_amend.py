"""Benchmark for the amendment tools (prints figures; not a timed test).

In process, best of N runs each:

- reading and applying each corpus instrument to its OLD (``govtext amend``'s work,
  parsing OLD included);
- drafting a decision for each law pair (diff included) and checking it by applying
  it (the round trip the tests assert), with the draft's item count;
- the 对照表 (.docx) and the redline (.docx) for 刑法 2020 → 2023.

Usage: python benchmarks/bench_amend.py [--corpus DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TRIPLES = [
    ("law-xingfa-2020.txt", "amend/xingfa-amendment-12-2023.txt"),
    ("amend/tongjifa-old-2009.txt", "amend/tongjifa-decision-2024.txt"),
    ("amend/feifajizi-old-2010.txt", "amend/feifajizi-decision-2022.txt"),
    ("amend/weichengnianren-old-2020.txt", "amend/nongji-weibao-shengwu-decision-2024.txt"),
]
PAIRS = [
    ("law-xingfa-2020.txt", "law-xingfa-2023.txt"),
    ("law-lifafa-2015.txt", "law-lifafa-2023.txt"),
    ("law-gongsifa-2018.txt", "law-gongsifa-2023.txt"),
    ("law-xingzhengfuyifa-2017.txt", "law-xingzhengfuyifa-2023.txt"),
    ("law-tufashijian-2007.txt", "law-tufashijian-2024.txt"),
    ("amend/tongjifa-old-2009.txt", "amend/tongjifa-new-2024.txt"),
]


def best(runs: int, fn):
    times, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return min(times), value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    corpus = Path(args.corpus)

    from govtext.amend import read_instrument
    from govtext.amend.api import amend_document, title_of
    from govtext.diff import diff_documents
    from govtext.pipeline import load, parse_text
    from govtext.report.decision import draft_decision
    from govtext.report.redline import redline_paragraphs
    from govtext.report.table import NEW_HEADER, OLD_HEADER, comparison_table
    from govtext.word.redline import redline_docx
    from govtext.word.table import table_docx

    print("amend (parse OLD + read instrument + apply)")
    for old, instrument in TRIPLES:
        old_text = (corpus / old).read_text(encoding="utf-8")
        text = (corpus / instrument).read_text(encoding="utf-8")

        def run():
            doc = parse_text(old_text)
            return amend_document(doc, read_instrument(text, title_of(doc)))

        seconds, _ = best(args.runs, run)
        print(f"  {old:40s} {len(old_text):6d} chars  {seconds * 1000:7.0f} ms")

    print("draft decision (diff + draft + self-check)")
    diff_documents(parse_text("第一条 甲。\n第二条 乙。\n第三条 丙。\n"), parse_text("第一条 甲。\n第二条 丁。\n第三条 丙。\n"))
    for old, new in PAIRS:
        a, b = load(str(corpus / old)), load(str(corpus / new))
        seconds, draft = best(args.runs, lambda: draft_decision(diff_documents(a, b), a, b))
        items = len(re.findall(r"^[一二三四五六七八九十百零]+、", draft, re.M))
        print(f"  {new:40s} {items:4d} items  {seconds * 1000:7.0f} ms")

    a, b = load(str(corpus / "law-xingfa-2020.txt")), load(str(corpus / "law-xingfa-2023.txt"))
    result = diff_documents(a, b)
    seconds, data = best(args.runs, lambda: table_docx(comparison_table(result, a, b), (OLD_HEADER, NEW_HEADER)))
    print(f"对照表 .docx 刑法 2020→2023: {seconds * 1000:.0f} ms, {len(data)} bytes")
    seconds, data = best(args.runs, lambda: redline_docx(redline_paragraphs(a, b)))
    print(f"redline .docx 刑法 2020→2023: {seconds * 1000:.0f} ms, {len(data)} bytes")


if __name__ == "__main__":
    main()
