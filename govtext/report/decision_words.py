"""Which words a draft item quotes: 将第X条中的“A”修改为“B”.

A changed stretch found character by character is widened to the differ's word
edits (政府 → 县级以上人民政府), then grown until it occurs once in the unit the item
names, so the instruction can only mean one place; an insertion is quoted after
the words before it (“行政记录” → “行政记录、社会大数据”).  Past a few edits, or half the
paragraph, the paragraph is better quoted whole (None).
"""

from __future__ import annotations

from bisect import bisect_right

from govtext.amend.work import unit_span as _span
from govtext.amend.lawtext import POINT, Article
from govtext.amend.ops import Target
from govtext.diff.records import DiffResult
from govtext.model import ARTICLE
from govtext.report.article_pairs import ArticlePairs, char_regions as _regions

# Past these, word-by-word items are harder to read than the paragraph itself.
MAX_EDITS_PER_LINE = 3
MAX_CHANGED_SHARE = 0.5
MIN_WORDS = 2
# A word edit widens a character region by at most this many characters (to a word's edge).
SNAP_LIMIT = 4


def word_items(old: Article, mapped: tuple[str, ...], k: int, target: Target, b: str,
                hints=()) -> list[str] | None:
    """将……中的“A”修改为“B” actions for one line, or None when the line is better quoted whole."""
    a = mapped[k]
    if POINT.match(a) and not POINT.match(b) or POINT.match(b) and not POINT.match(a):
        return None
    regions = _regions(a, b)
    changed = sum((a2 - a1) + (b2 - b1) for a1, a2, b1, b2 in regions)  # before widening to words
    regions = _snap(regions, hints, len(a), len(b))
    if len(regions) > MAX_EDITS_PER_LINE or changed > MAX_CHANGED_SHARE * max(len(a), 1):
        return None
    start, end = _span(old, target)
    scope_old = "\n".join(old.lines[start:end])
    scope_mapped = "\n".join(mapped[start:end])
    while True:
        grown = [_grow(a, r, scope_old, scope_mapped) for r in regions]
        if any(g is None for g in grown):
            return None
        clash = next((n for n in range(len(grown) - 1) if grown[n][1] > grown[n + 1][0]), None)
        if clash is None:
            break
        left, right = regions[clash], regions[clash + 1]
        regions[clash:clash + 2] = [[left[0], right[1], left[2], right[3]]]
    actions = []
    for (s, e), (a1, a2, b1, b2) in zip(grown, regions):
        old_words = a[s:e]
        new_words = a[s:a1] + b[b1:b2] + a[a2:e]
        if not new_words:
            actions.append(f"删去“{old_words}”")
        else:
            actions.append(f"“{old_words}”修改为“{new_words}”")
    return actions


def _snap(regions: list[list[int]], hints, len_a: int, len_b: int) -> list[list[int]]:
    """Widen character-level regions to the differ's word-level edits (政府 → 县级以上人民政府,
    not 府 → 县级以上人民政府), through equal text only; regions that meet are joined."""
    out: list[list[int]] = []
    for region in regions:
        r = list(region)
        for eo1, eo2, en1, en2 in hints:
            if eo1 <= r[1] and eo2 >= r[0] and en1 <= r[3] and en2 >= r[2]:
                left = max(r[0] - eo1, r[2] - en1, 0)
                right = max(eo2 - r[1], en2 - r[3], 0)
                if left + right > SNAP_LIMIT:
                    continue  # a phrase the differ merged wide: the character regions read better
                left = min(left, r[0] - (out[-1][1] if out else 0), r[2] - (out[-1][3] if out else 0))
                right = min(right, len_a - r[1], len_b - r[3])
                r = [r[0] - left, r[1] + right, r[2] - left, r[3] + right]
        if out and r[0] <= out[-1][1]:
            out[-1] = [out[-1][0], max(out[-1][1], r[1]), out[-1][2], max(out[-1][3], r[3])]
        else:
            out.append(r)
    return out


def edit_hints(result: DiffResult, pairs: ArticlePairs) -> dict:
    """The differ's word edits per matched article pair and line, in line offsets:
    {(old index, new index): {line: [(old start, old end, new start, new end)]}}."""
    edits = {(c.old.number, c.new.number): c.edits for c in result.changes
             if c.old and c.new and c.old.type == ARTICLE and c.new.type == ARTICLE and c.edits}
    old_starts, new_starts = _article_starts(pairs.old), _article_starts(pairs.new)
    olds, news = pairs.old_articles, pairs.new_articles
    out: dict = {}
    for i, j in pairs.pairs:
        found = edits.get((olds[i].label, news[j].label))
        if not found:
            continue
        old_lines = _line_starts(olds[i], old_starts[i], len(pairs.old.newline))
        new_lines = _line_starts(news[j], new_starts[j], len(pairs.new.newline))
        per: dict[int, list[tuple[int, int, int, int]]] = {}
        for edit in found:
            k = bisect_right(old_lines, edit.old_span[0]) - 1
            if k < 0 or k != bisect_right(new_lines, edit.new_span[0]) - 1:
                continue
            o, n = old_lines[k], new_lines[k]
            per.setdefault(k, []).append((edit.old_span[0] - o, edit.old_span[1] - o,
                                          edit.new_span[0] - n, edit.new_span[1] - n))
        out[(i, j)] = per
    return out


def _article_starts(law) -> list[int]:
    starts, pos = [], 0
    for part in law.parts:
        if isinstance(part, Article):
            starts.append(pos)
            pos += len(part.text(law.newline))
        else:
            pos += len(part)
    return starts


def _line_starts(article: Article, start: int, newline: int) -> list[int]:
    pos = start + len(article.label) + len(article.sep)
    out = []
    for line in article.lines:
        out.append(pos)
        pos += len(line) + newline
    return out


_PUNCTUATION = set("，。；：、？！（）《》“”‘’ \u3000")


def _wordy(text: str) -> int:
    """Characters that are words, not punctuation: a quoted “。” alone says nothing."""
    return sum(ch not in _PUNCTUATION for ch in text)


def _grow(a: str, region: list[int], scope_old: str, scope_mapped: str) -> tuple[int, int] | None:
    """The stretch of ``a`` around the edit a drafter would quote: at least MIN_WORDS characters
    (a one-character “五” reads as a typo), occurring once in the unit (old and mapped)."""
    a1, a2 = region[0], region[1]
    s, e = a1, a2
    step = 1  # a replacement grows rightwards first: “五年” → “三年” reads better than “处五” → “处三”
    if a1 == a2:
        # An insertion is quoted after the words before it: “行政记录” → “行政记录、社会大数据”.
        s, step = max(a1 - 2, 0), 0
    while True:
        words = a[s:e]
        if (_wordy(words) >= min(MIN_WORDS, _wordy(a)) and "“" not in words and "”" not in words
                and scope_old.count(words) == 1 and scope_mapped.count(words) == 1):
            return s, e
        if s == 0 and e == len(a):
            return None
        if (step % 2 == 0 and s > 0) or e == len(a) or (a1 == a2 and s > 0):
            s -= 1
        else:
            e += 1
        step += 1
