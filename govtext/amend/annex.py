"""A law's 附件 (附表): the text after its last article, headed 附件 / 附件1 / 附表2, whose lines numbered
一、 (or 1．, （一）) are the items an instrument names (将附件第四项修改为 / 删去附件第五项 / 将附件中的“A”修改为“B”).

Text parts are written ``annex:附件`` (the whole appendix) and ``annex:附件:4`` (its fourth item); the appliers
in :mod:`govtext.amend.edit_words` hand them here.
"""

from __future__ import annotations

import re

from govtext.amend.lawtext import Article
from govtext.amend.work import Failure, Work, replacing
from govtext.numerals import CN_DIGITS, ascii_digits, cn_value, to_cn

# 一、法人名称 · 1．法人名称 · （一）法人名称: an item of the appendix, and how its number is written.
_ITEM = re.compile(rf"^(?P<lead>[ \u3000]*)(?:(?P<cn>[{CN_DIGITS}]+)、|(?P<digit>\d{{1,3}})(?:[.．](?!\d)|、)|[（(](?P<paren>[{CN_DIGITS}]+)[）)])")
_HEAD = re.compile(r"^[ \u3000]*(附件|附表)[ \u3000]*([0-9０-９]*)(?=[：:\s\u3000]|$)")


def split_part(part: str) -> tuple[str, int | None]:
    """``annex:附件1:4`` → (附件1, 4); ``annex:附件`` → (附件, None)."""
    _, name, *rest = part.split(":")
    return name, int(rest[0]) if rest else None


def _block(work: Work, name: str) -> tuple[int, list[str], int, int]:
    """The text part after the last article holding the appendix ``name``; its lines; the block's lines [start, end)."""
    last = max((i for i, p in enumerate(work.parts) if isinstance(p, Article)), default=-1)
    wanted = ascii_digits(name)
    for i in range(last + 1, len(work.parts)):
        part = work.parts[i]
        if not isinstance(part, str):
            continue
        lines = part.split("\n")
        heads = [(k, _HEAD.match(line)) for k, line in enumerate(lines) if _HEAD.match(line)]
        heads = [(k, m.group(1) + ascii_digits(m.group(2))) for k, m in heads]
        found = [n for n, (_, label) in enumerate(heads) if label == wanted]
        if not found and wanted in ("附件", "附表") and len(heads) == 1 and heads[0][1].startswith(wanted):
            found = [0]  # 附件 named alone where the law has one 附件1
        if found:
            n = found[0]
            start = heads[n][0] + 1
            end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
            return i, lines, start, end
    raise Failure(f"no {name} found after the articles")


def _number(m: re.Match) -> int:
    return int(m.group("digit")) if m.group("digit") else cn_value(m.group("cn") or m.group("paren"))


def _style(m: re.Match) -> str:
    return "cn" if m.group("cn") else "digit" if m.group("digit") else "paren"


def _items(lines: list[str], start: int, end: int) -> list[tuple[int, re.Match]]:
    """The appendix's own items, (line, match): the lines numbered as its first numbered line is (一、 items
    may hold （一） sub-items, whose numbers are no 第N项 of the appendix)."""
    numbered = [(k, m) for k in range(start, end) if (m := _ITEM.match(lines[k]))]
    return [(k, m) for k, m in numbered if _style(m) == _style(numbered[0][1])] if numbered else []


def _item_lines(lines: list[str], start: int, end: int, name: str, n: int) -> tuple[int, int]:
    """The lines [first, last) of item ``n``: its numbered line and what follows up to the next item (the
    last item: up to its last sub-item, not a note or blank line closing the appendix)."""
    items = _items(lines, start, end)
    for j, (k, m) in enumerate(items):
        if _number(m) == n:
            if j + 1 < len(items):
                return k, items[j + 1][0]
            return k, max((q + 1 for q in range(k + 1, end) if _ITEM.match(lines[q])), default=k + 1)
    raise Failure(f"{name} has no 第{to_cn(n)}项")


def edit_words(work: Work, part: str, change) -> None:
    """``change`` applied to each line of the appendix (or of its item); it raises when nothing was found."""
    name, n = split_part(part)
    i, lines, start, end = _block(work, name)
    if n is not None:
        start, end = _item_lines(lines, start, end, name, n)
    changed = [change(line) for line in lines[start:end]]
    if changed == lines[start:end]:
        raise Failure(f"nothing to change in {name}")
    lines[start:end] = changed
    work.parts[i] = "\n".join(lines)


def modify_item(work: Work, part: str, new_lines: tuple[str, ...]) -> None:
    """附件第四项修改为：“……” (its number written as the item's own, if the quote lacks it); no lines: deleted,
    the later items numbered afresh in the appendix's own style."""
    name, n = split_part(part)
    if n is None:
        raise Failure(f"the whole {name} cannot be rewritten from one quotation")
    i, lines, start, end = _block(work, name)
    k, after = _item_lines(lines, start, end, name, n)
    label = _ITEM.match(lines[k])
    if new_lines:
        body = list(new_lines)
        if not _ITEM.match(body[0]):
            body[0] = label.group()[len(label.group("lead")):] + body[0]
        lines[k:after] = replacing(lines[k], [label.group("lead") + body[0], *body[1:]])
    else:
        later = [(j - (after - k), m) for j, m in _items(lines, after, end)]
        del lines[k:after]  # the item with its sub-items
        for j, m in later:
            lines[j] = lines[j][:m.start()] + _relabel(m, _number(m) - 1) + lines[j][m.end():]
    work.parts[i] = "\n".join(lines)


def _relabel(m: re.Match, n: int) -> str:
    if m.group("cn"):
        return f"{m.group('lead')}{to_cn(n)}、"
    if m.group("digit"):
        return f"{m.group('lead')}{n}{m.group()[-1]}"  # 1．/ 1. / 1、 as written
    return f"{m.group('lead')}（{to_cn(n)}）"
