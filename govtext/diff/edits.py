"""Word-level edits inside a matched pair, as readable phrases with exact offsets.

Two steps keep this fast and readable: sentences (the tree's leaves) are
aligned first, so only sentences that changed are segmented; inside a pair of
similar sentences, jieba tokens are diffed and runs separated by a single
short token are merged into one phrase.  Offsets are into the decoded inputs.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Callable

from govtext.diff.normalize import bigrams, normalize, similarity
from govtext.diff.records import Edit
from govtext.numerals import CN_DIGITS

Span = tuple[int, int]
Tokenize = Callable[[str], list[tuple[str, int, int]]]

QUANTITY_UNITS = ("个百分点", "万亿元", "亿元", "万元", "元", "万人", "亿人", "万户", "万吨", "亿吨", "万千瓦",
                  "公里", "平方公里", "亩", "万亩", "亿亩", "人", "户", "吨", "倍", "%", "％", "‰",
                  "年", "月", "日", "岁", "周年", "个", "项", "家", "所", "条", "款")
"""Units that make a number a quantity: its edit keeps number and unit together."""

_NUMBER = rf"(?:[0-9０-９][0-9０-９.．,，]*|[{CN_DIGITS}万亿]+)"
_UNIT = "|".join(re.escape(u) for u in sorted(QUANTITY_UNITS, key=len, reverse=True))
ATOM = re.compile(
    rf"(?:{_NUMBER}(?:{_UNIT}))+(?:(?:以上|至|到|—|-|~|～){_NUMBER}(?:{_UNIT})(?:以下)?)?"  # 五万元以上二十万元以下, 2025年3月, 3.2%
    rf"|[0-9０-９][0-9０-９.．,，]*"  # a bare Arabic number
    r"|“[^“”]{1,24}”|「[^「」]{1,24}」"  # a quoted 提法
)
"""What a word edit never cuts inside: amounts, dates, percentages, numbers, quoted 提法.
A Chinese numeral counts only with a unit (一 alone is part of many words)."""

SENTENCE_PAIR_THRESHOLD = 0.4
"""Least similarity for two sentences to be diffed word by word rather than replaced whole."""

GLUE_CHARS = 1
"""Edits separated by an unchanged run this short (的, 和, ，) read as one phrase."""


def unit_edits(old_text: str, old_pieces: tuple[Span, ...], new_text: str, new_pieces: tuple[Span, ...],
               tokenize: Tokenize) -> tuple[Edit, ...]:
    """Edits turning the old pieces (sentence spans in ``old_text``) into the new ones."""
    a = [normalize(old_text[s:e]) for s, e in old_pieces]
    b = [normalize(new_text[s:e]) for s, e in new_pieces]
    edits: list[Edit] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        olds, news = old_pieces[i1:i2], new_pieces[j1:j2]
        if op == "replace":
            edits.extend(_replace_run(old_text, olds, a[i1:i2], new_text, news, b[j1:j2], tokenize,
                                      _point(old_pieces, i1, old_text), _point(new_pieces, j1, new_text)))
        else:
            edits.append(_whole(old_text, olds, new_text, news, _point(old_pieces, i1, old_text),
                                _point(new_pieces, j1, new_text)))
    kept = [e for e in edits if normalize(e.old) != normalize(e.new)]
    return tuple(_join_adjacent(kept, old_text, new_text))


def _join_adjacent(edits: list[Edit], old_text: str, new_text: str) -> list[Edit]:
    """Edits that touch on both sides (across a sentence boundary) read as one phrase."""
    out: list[Edit] = []
    for edit in edits:
        if out and out[-1].old_span[1] == edit.old_span[0] and out[-1].new_span[1] == edit.new_span[0]:
            prev = out.pop()
            old_span = (prev.old_span[0], edit.old_span[1])
            new_span = (prev.new_span[0], edit.new_span[1])
            old, new = old_text[old_span[0]:old_span[1]], new_text[new_span[0]:new_span[1]]
            edit = Edit("replace" if old and new else ("delete" if old else "insert"), old, new, old_span, new_span)
        out.append(edit)
    return out


def _point(pieces: tuple[Span, ...], k: int, text: str) -> int:
    """Where an insertion before piece ``k`` goes."""
    if k < len(pieces):
        return pieces[k][0]
    return pieces[-1][1] if pieces else 0


def _whole(old_text: str, olds, new_text: str, news, old_at: int, new_at: int) -> Edit:
    old_span = (olds[0][0], olds[-1][1]) if olds else (old_at, old_at)
    new_span = (news[0][0], news[-1][1]) if news else (new_at, new_at)
    old = old_text[old_span[0]:old_span[1]]
    new = new_text[new_span[0]:new_span[1]]
    op = "replace" if old and new else ("delete" if old else "insert")
    return Edit(op, old, new, old_span, new_span)


def _replace_run(old_text, olds, a, new_text, news, b, tokenize, old_at, new_at) -> list[Edit]:
    """Pair similar sentences in order; diff pairs by words, the rest whole."""
    grams_b = [bigrams(x) for x in b]
    pairs = []
    last = -1
    for i, x in enumerate(a):
        gx = bigrams(x)
        best, best_j = SENTENCE_PAIR_THRESHOLD, None
        for j in range(last + 1, len(b)):
            score = similarity(gx, grams_b[j])
            if score >= best:
                best, best_j = score, j
        if best_j is not None:
            pairs.append((i, best_j))
            last = best_j
    edits: list[Edit] = []
    pi = pj = 0
    for i, j in pairs + [(len(a), len(b))]:
        if i > pi or j > pj:
            o_at = olds[pi][0] if pi < len(olds) else (olds[-1][1] if olds else old_at)
            n_at = news[pj][0] if pj < len(news) else (news[-1][1] if news else new_at)
            edits.append(_whole(old_text, olds[pi:i], new_text, news[pj:j], o_at, n_at))
        if i < len(a):
            edits.extend(word_edits(old_text, olds[i], new_text, news[j], tokenize))
        pi, pj = i + 1, j + 1
    return edits


def word_edits(old_text: str, old_span: Span, new_text: str, new_span: Span, tokenize: Tokenize) -> list[Edit]:
    """Token-level edits between two sentences, merged into phrases."""
    ta = _tokens(old_text, old_span, tokenize)
    tb = _tokens(new_text, new_span, tokenize)
    matcher = SequenceMatcher(None, [t[0] for t in ta], [t[0] for t in tb], autojunk=False)
    runs: list[list[int]] = []  # [i1, i2, j1, j2] of token ranges
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if runs and _glue(ta, runs[-1][1], i1) and _glue(tb, runs[-1][3], j1):
            runs[-1][1], runs[-1][3] = i2, j2
        else:
            runs.append([i1, i2, j1, j2])
    return [_token_edit(old_text, ta, old_span, new_text, tb, new_span, *run) for run in runs]


def _tokens(text: str, span: Span, tokenize: Tokenize) -> list[tuple[str, int, int]]:
    """Tokens of one sentence; the tokens of a quantity, date or quoted 提法 become one
    (an edit never cuts 五万元 into 五万 + 元, nor 3.2% into 3.2 + %)."""
    start = span[0]
    sentence = text[span[0]:span[1]]
    atoms = [m.span() for m in ATOM.finditer(sentence)]
    out: list[tuple[str, int, int]] = []
    k = 0
    last_atom = -1
    for word, s, e in tokenize(sentence):
        while k < len(atoms) and atoms[k][1] <= s:
            k += 1
        in_atom = k < len(atoms) and atoms[k][0] < e
        key = normalize(word)
        if in_atom and last_atom == k and out:
            prev = out.pop()
            out.append((prev[0] + key, prev[1], start + e))
            continue
        last_atom = k if in_atom else -1
        if key:  # whitespace never counts
            out.append((key, start + s, start + e))
    return out


def _glue(tokens, end: int, start: int) -> bool:
    return start - end <= 1 and sum(t[2] - t[1] for t in tokens[end:start]) <= GLUE_CHARS


def _token_edit(old_text, ta, old_span, new_text, tb, new_span, i1, i2, j1, j2) -> Edit:
    def span(tokens, k1, k2, whole):
        if k2 > k1:
            return (tokens[k1][1], tokens[k2 - 1][2])
        at = tokens[k1][1] if k1 < len(tokens) else (tokens[-1][2] if tokens else whole[1])
        return (at, at)

    os_ = span(ta, i1, i2, old_span)
    ns = span(tb, j1, j2, new_span)
    old, new = old_text[os_[0]:os_[1]], new_text[ns[0]:ns[1]]
    op = "replace" if old and new else ("delete" if old else "insert")
    return Edit(op, old, new, os_, ns)
