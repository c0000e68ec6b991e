"""Alignment on a small vocabulary: does the diff stay near-linear when every unit shares
most of its character bigrams with every other (issue 20, item 2)?

    python benchmarks/bench_small_vocab.py [--chars N] [--runs R] [--shape items|paragraphs|phrases] [--independent]

A policy-shaped text (sections 一、, items （一）, sentences of 4–12 words) is made from
about 80 common two-character words with a fixed seed, at N and 2N characters; the new
version changes one word in every fifth sentence.  Figures: diff time at N and at 2N
(``diff_documents`` in-process, the segmenter loaded beforehand, best of R runs) and their
ratio — target ≤ 2.5× (near-linear; quadratic would be 4×).  The machine is shared: expect
±20 % noise.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from govtext.diff import diff_documents  # noqa: E402
from govtext.diff.differ import _segmenter  # noqa: E402
from govtext.numerals import to_cn  # noqa: E402
from govtext.pipeline import parse_text  # noqa: E402

WORDS = ("发展 建设 加强 推进 完善 健全 提高 深化 改革 创新 坚持 推动 实施 促进 保障 服务 管理 制度 "
         "体系 机制 工作 政策 经济 社会 文化 生态 安全 民生 就业 教育 科技 人才 产业 市场 企业 农村 "
         "城市 区域 开放 合作 治理 法治 政府 人民 群众 基层 重点 领域 项目 资金 投资 消费 质量 效益 "
         "能力 水平 环境 资源 能源 交通 水利 医疗 卫生 养老 住房 收入 财政 金融 税收 风险 监管 标准 "
         "规划 布局 结构 功能 作用 责任").split()


def policy_text(chars: int, seed: int, shape: str = "items") -> str:
    """``items``: sections of numbered items of 3–8 sentences; ``paragraphs``: unnumbered
    one-sentence paragraphs (the most units a text of that size can have); ``phrases``:
    such paragraphs strung from a few set phrases."""
    rng = random.Random(seed)
    if shape == "phrases":
        # Sentences strung from 24 set phrases of the 80 words: few distinct bigrams, each in
        # nearly every unit (the case that made the bigram index quadratic).
        phrases = ["".join(random.Random(k).choices(WORDS, k=3)) for k in range(24)]
        lines, size = [], 0
        while size < chars:
            lines.append("，".join(rng.choices(phrases, k=rng.randint(3, 6))) + "。")
            size += len(lines[-1]) + 1
        return "\n".join(lines) + "\n"
    if shape == "paragraphs":
        lines, size = [], 0
        while size < chars:
            lines.append("".join(rng.choices(WORDS, k=rng.randint(4, 12))) + "。")
            size += len(lines[-1]) + 1
        return "\n".join(lines) + "\n"
    out, size, section, item = [], 0, 0, 0
    while size < chars:
        if item % 8 == 0:
            section += 1
            line = f"{to_cn(section)}、{''.join(rng.choices(WORDS, k=4))}"
            out.append(line)
            size += len(line) + 1
        item += 1
        sentences = ["".join(rng.choices(WORDS, k=rng.randint(4, 12))) + "。" for _ in range(rng.randint(3, 8))]
        line = f"（{to_cn(item % 8 or 8)}）" + "".join(sentences)
        out.append(line)
        size += len(line) + 1
    return "\n".join(out) + "\n"


def edited(text: str, seed: int) -> str:
    rng = random.Random(seed)
    sentences = text.split("。")
    for k in range(0, len(sentences), 5):
        sentences[k] = sentences[k].replace(rng.choice(WORDS), rng.choice(WORDS), 1)
    return "。".join(sentences)


def timed(chars: int, runs: int, shape: str, independent: bool) -> tuple[float, int]:
    old_text = policy_text(chars, seed=1, shape=shape)
    new_text = policy_text(chars, seed=2, shape=shape) if independent else edited(old_text, seed=2)
    old, new = parse_text(old_text, name="old"), parse_text(new_text, name="new")
    best, changes = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        changes = len(diff_documents(old, new).changes)
        best = min(best, time.perf_counter() - start)
    return best, changes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=100_000, help="the smaller size (default 100000)")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--independent", action="store_true",
                        help="the new version is another text of the same words (every unit left over)")
    parser.add_argument("--shape", choices=("items", "paragraphs", "phrases"), default="items")
    args = parser.parse_args()
    _segmenter(()).tokenize("预热")
    t1, n1 = timed(args.chars, args.runs, args.shape, args.independent)
    t2, n2 = timed(2 * args.chars, args.runs, args.shape, args.independent)
    print(f"{'chars':>9} {'diff s':>8} {'changes':>8}")
    print(f"{args.chars:>9} {t1:>8.2f} {n1:>8}")
    print(f"{2 * args.chars:>9} {t2:>8.2f} {n2:>8}")
    print(f"2× input: {t2 / t1:.2f}× time (target ≤ 2.5×)")


if __name__ == "__main__":
    main()
