"""One item's sentences → operations: the drafting formulas as a table of patterns.

An item is read left to right.  Quotes are placeholders (``Q``) by then, so a
pattern sees only the instruction's own words.  Each row of :data:`RULES` is a
formula drafters use (将……修改为：“……”, 增加一条，作为第N条, 删去……, ……中的“A”修改为“B”);
a new formula is a row and a fixture.  Targets without an article
(第二款修改为, 第九项修改为, 其中的) continue the item's last-named unit.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from govtext.amend.ops import (
    AddArticle, AddUnit, Delete, Merge, Modify, Move, NoChange, Operation, RenameHeading, Renumber, ReplaceWords,
    Target,
)
from govtext.amend.quotes import PLACEHOLDER_RE, QuoteError, as_law_text, extract_quotes
from govtext.numerals import CN_DIGITS, cn_value

_CN = f"[{CN_DIGITS}]+"
_Q = "\ue000\\d+\ue001"
# A reference to a unit: [刑法|本法|《…》][原]第X条[之Y][第X款][第X项][第X目], or 该条/该款/该项.
# A law named before the number (刑法第……, 示例法第……) is the law amended: 修正案 name it every time.
_LAW = r"(?:本法|本解释|本条例|《[^》]+》|[\u4e00-\u9fff]{1,10}?法(?=第|原第))"
_REF = (rf"(?:{_LAW}?原?(?:第{_CN}条(?:之{_CN})?)?"
        rf"(?:第{_CN}款)?(?:第{_CN}项)?(?:第{_CN}目)?|该条|该款|该项)")
_REF_PARTS = re.compile(rf"(?:第(?P<a>{_CN})条(?:之(?P<z>{_CN}))?)?(?:第(?P<c>{_CN})款)?"
                        rf"(?:第(?P<p>{_CN})项)?(?:第(?P<s>{_CN})目)?")
_LIST = rf"{_REF}(?:(?:、|和|及|以及){_REF})*"
_UNIT = {"款": "clause", "项": "point", "目": "subpoint", "条": "article"}


class Context:
    """The unit the item last named: what 第二款 / 其中的 / 该条 refer to."""

    def __init__(self) -> None:
        self.target: Target | None = None

    def resolve(self, text: str) -> Target:
        text = re.sub(rf"^{_LAW}?原?", "", text)
        if text in ("该条", ""):
            return self._need().article_only()
        if text in ("该款", "该项"):
            return self._need()
        m = _REF_PARTS.fullmatch(text)
        if not m:
            raise ValueError(f"cannot read the reference {text}")
        a, z, c, p, s = (cn_value(g) if g else None for g in m.group("a", "z", "c", "p", "s"))
        if a is not None:
            return Target(a, z or 0, c, p, s)
        base = self._need()
        if c is not None:
            return Target(base.article, base.zhiyi, c, p, s)
        if p is not None:
            return Target(base.article, base.zhiyi, base.clause, p, s)
        return Target(base.article, base.zhiyi, base.clause, base.point, s)

    def resolve_list(self, text: str) -> tuple[Target, ...]:
        targets = []
        for piece in re.split(r"、|以及|和|及", text):
            if not piece:
                continue
            target = self.resolve(piece)
            targets.append(target)
            self.target = target  # 第五十四条第二款、第五十六条: each later piece may continue the last
        return tuple(targets)

    def _need(self) -> Target:
        if self.target is None:
            raise ValueError("a unit is referred to before any article is named")
        return self.target


Quotes = tuple[tuple[str, ...], ...]
Rule = Callable[[re.Match, Context, Quotes], list[Operation]]


def _quoted(m: re.Match, group: str, quotes: Quotes) -> tuple[str, ...]:
    """All paragraphs of the (possibly several adjacent) quotes in ``group``."""
    lines: list[str] = []
    for qm in PLACEHOLDER_RE.finditer(m.group(group) or ""):
        lines.extend(as_law_text(p) for p in quotes[int(qm.group(1))])
    return tuple(lines)


def _word(m: re.Match, group: str, quotes: Quotes) -> str:
    return "".join(_quoted(m, group, quotes))


def _words(m, ctx: Context, quotes: Quotes) -> list[Operation]:
    where = m.group("where") or ""
    if re.fullmatch(r"将?本法|将?本解释|将?本条例|将?本规定", where.rstrip("中的")) or where.startswith(("本法", "将本法")):
        targets: tuple[Target, ...] = ()
    elif where in ("", "其中的", "将其中的"):
        targets = (ctx.resolve("该款"),) if ctx.target else ()
        if not targets:
            raise ValueError("其中的 with no unit named before it")
    else:
        targets = ctx.resolve_list(re.sub(r"^将|中的$", "", where))
    new = _word(m, "new", quotes) if m.groupdict().get("new") is not None else ""
    return [ReplaceWords(targets, _word(m, "old", quotes), new)]


def _modify(m, ctx: Context, quotes: Quotes) -> list[Operation]:
    target = ctx.resolve(m.group("ref") or "")
    ctx.target = target
    return [Modify(target, _quoted(m, "q", quotes))]


def _renumber(m, ctx: Context, quotes: Quotes) -> list[Operation]:
    olds = ctx.resolve_list(m.group("refs"))
    news = re.findall(rf"第({_CN})(条|款|项|目)", m.group("news"))
    if len(olds) != len(news):
        raise ValueError("the old and new numbers do not pair up")
    ctx.target = olds[0]
    return [Renumber(old, cn_value(num), _UNIT[unit]) for old, (num, unit) in zip(olds, news)]


def _add_unit(m, ctx: Context, quotes: Quotes) -> list[Operation]:
    parent = ctx.resolve(m.group("ref") or "该款")
    unit = _UNIT[m.group("unit")]
    if unit == "clause":
        parent = parent.article_only()
    elif unit == "point":
        parent = Target(parent.article, parent.zhiyi, parent.clause)
    ctx.target = parent
    return [AddUnit(parent, unit, cn_value(m.group("pos")), _quoted(m, "q", quotes))]


def _add_article(m, ctx: Context, quotes: Quotes) -> list[Operation]:
    after = ctx.resolve(m.group("after")).article_only() if m.group("after") else None
    new = _REF_PARTS.fullmatch(m.group("as"))
    number, zhiyi = cn_value(new.group("a")), cn_value(new.group("z")) if new.group("z") else 0
    lines = _quoted(m, "q", quotes)
    if lines:
        # Some instruments quote the article with its number (“第六条　……”): the number is ours to write.
        lines = (re.sub(rf"^第{_CN}条(?:之{_CN})?[ \u3000]*", "", lines[0]),) + lines[1:]
    ctx.target = Target(number, zhiyi)
    return [AddArticle(number, zhiyi, lines, after)]


def _split_article(m, ctx: Context, quotes: Quotes) -> list[Operation]:
    """将第十条分为两条，作为第十条、第十一条，修改为：“第十条　……”“第十一条　……”."""
    target = ctx.resolve(m.group("ref")).article_only()
    numbers = [cn_value(n) for n in re.findall(rf"第({_CN})条", m.group("news"))]
    pieces: list[list[str]] = []
    for line in _quoted(m, "q", quotes):
        head = re.match(rf"^第({_CN})条[ \u3000]*", line)
        if head or not pieces:
            pieces.append([line[head.end():] if head else line])
        else:
            pieces[-1].append(line)
    if len(pieces) != len(numbers):
        raise ValueError(f"{len(numbers)} articles announced, {len(pieces)} quoted (each opens with 第X条)")
    ctx.target = target
    ops: list[Operation] = [Modify(target, tuple(pieces[0]))]
    ops.extend(AddArticle(n, 0, tuple(lines)) for n, lines in zip(numbers[1:], pieces[1:]))
    return ops


def _rename_heading(m, ctx: Context, quotes: Quotes) -> list[Operation]:
    within = cn_value(m.group("book")) if m.group("book") else None
    return [RenameHeading(m.group("unit"), cn_value(m.group("num")), _word(m, "q", quotes), within)]


def _delete(m, ctx: Context, quotes: Quotes) -> list[Operation]:
    return [Delete(t) for t in ctx.resolve_list(m.group("refs"))]


def _merge(m, ctx: Context, quotes: Quotes) -> list[Operation]:
    targets = ctx.resolve_list(m.group("refs"))
    ctx.target = targets[0]
    ops: list[Operation] = [Merge(targets)]
    if m.group("as"):
        ops.append(Renumber(targets[0], cn_value(m.group("as")), "article"))
    return ops


def _move(m, ctx: Context, quotes: Quotes) -> list[Operation]:
    target = ctx.resolve(m.group("ref"))
    after = ctx.resolve(m.group("after")).article_only()
    ctx.target = target
    return [Move(target, after)]


def _no_change(what: str, renumber: bool = False) -> Rule:
    return lambda m, ctx, quotes: [NoChange(what, renumber)]


_SPLIT = rf"(?:分为(?:{_CN})(?:款|项|条)，?)"
# The formulas, tried in order at each position of an item.
RULES: tuple[tuple[re.Pattern[str], Rule], ...] = tuple((re.compile(p), r) for p, r in (
    # ……中的“A”修改为“B” / 其中的“A”修改为“B” / 本法中的“A”统一修改为“B”
    (rf"(?P<where>将?(?:{_LIST})?(?:中的|其中的)|将其中的)?(?P<old>{_Q})(?:统一|均|分别)?修改为(?P<new>{_Q})", _words),
    # 删去……中的“A” / 删去其中的“A”
    (rf"删去(?P<where>(?:{_LIST})?中的|其中的)(?P<old>{_Q})", _words),
    # 将第九条改为第十一条 / 原第十项、第十一项改为第十一项、第十二项
    (rf"将?(?P<refs>{_LIST})改为(?P<news>第{_CN}(?:条|款|项|目)(?:、第{_CN}(?:条|款|项|目))*)(?=[，。；]|$)", _renumber),
    # 将第五条修改为：“……” / 第二款修改为：“……” / 分为两款，修改为：“……”
    (rf"(?:并)?将?(?P<ref>{_REF})?，?{_SPLIT}?修改为[：:]?(?P<q>(?:{_Q})+)", _modify),
    # 第三条增加一款，作为第一款：“……” / 在第一百六十五条中增加一款作为第二款 / 增加一项作为第十项：“……”
    (rf"(?:在)?(?P<ref>{_REF})?中?增加一(?P<unit>款|项|目)，?作为第(?P<pos>{_CN})(?:款|项|目)(?:[：:]?(?P<q>(?:{_Q})+))?", _add_unit),
    # 增加一条，作为第六条：“……” / 在第一百三十三条之一后增加一条，作为第一百三十三条之二：“……”
    (rf"(?:在(?P<after>{_REF})后)?增加一条，?作为(?P<as>第{_CN}条(?:之{_CN})?)[：:]?(?P<q>(?:{_Q})+)", _add_article),
    # 将第三章的章名修改为“……” / 将第二编第三章章名修改为：“……”
    (rf"将(?:第(?P<book>{_CN})编)?第(?P<num>{_CN})(?P<unit>编|章|节)的?(?:编|章|节)?名(?:称)?修改为[：:]?(?P<q>{_Q})",
     _rename_heading),
    # 将第十条分为两条，作为第十条、第十一条，修改为：“第十条　……”“第十一条　……”
    (rf"将(?P<ref>{_REF})分为(?:{_CN})条，?(?:分别)?作为(?P<news>第{_CN}条(?:、第{_CN}条)+)，?修改为[：:]?(?P<q>(?:{_Q})+)",
     _split_article),
    # 将第十条、第二十五条合并，作为第十条
    (rf"将(?P<refs>{_LIST})合并(?:，?作为第(?P<as>{_CN})条)?", _merge),
    # 将第十二条移至第十五条后
    (rf"将(?P<ref>{_REF})移(?:至|到|作)(?P<after>{_REF})之?后", _move),
    # 删去第十二条 / 删去第三款
    (rf"删去(?P<refs>{_LIST})(?=[，。；]|$)", _delete),
    (r"对部分条文作(?:以下|如下)修改[：:]?", _no_change("introduces sub-items")),
    (r"对《[^》]+》作(?:出|如下)修改[：:]?", _no_change("introduces a part")),
    (r"本(?:修正案|决定|规定)自[^。]*施行", _no_change("commencement")),
    (r"[^。]*根据本决定[^。]*(?:条文顺序|调整条文)[^。]*重新公布", _no_change("republication, articles renumbered", True)),
    (r"[^。]*根据本决定[^。]*重新公布", _no_change("republication")),
    (r"此外，?对条文顺序作相应调整", _no_change("articles renumbered", True)),
))
_SEPARATORS = re.compile(r"[，。；：\s]+|并(?=将|删去|增加)|同时")


def read_item(text: str, ctx: Context | None = None) -> tuple[tuple[Operation, ...], str | None]:
    """The item's operations, or the first words not understood as the problem."""
    ctx = ctx or Context()
    try:
        plain, quotes = extract_quotes(text)
    except QuoteError as exc:
        return (), str(exc)
    ops: list[Operation] = []
    pos = 0
    while True:
        sep = _SEPARATORS.match(plain, pos)
        if sep:
            pos = sep.end()
        if pos >= len(plain):
            break
        for pattern, rule in RULES:
            m = pattern.match(plain, pos)
            if m and m.end() > pos:
                try:
                    ops.extend(rule(m, ctx, quotes))
                except ValueError as exc:
                    return (), str(exc)
                pos = m.end()
                break
        else:
            rest = PLACEHOLDER_RE.sub("“…”", plain[pos:])
            return (), f"not understood: {rest[:30]}"
    if not ops:
        return (), "not understood: empty item"
    try:
        return tuple(_fold(ops)), None
    except ValueError as exc:
        return (), str(exc)


def _fold(ops: list[Operation]) -> list[Operation]:
    """在第X条中增加一款作为第二款，将该条修改为：“……”: the new paragraph comes with the article's text."""
    out: list[Operation] = []
    for op in ops:
        if (isinstance(op, Modify) and out and isinstance(out[-1], AddUnit) and not out[-1].lines
                and op.target.article_only() == out[-1].parent.article_only()):
            out[-1] = replace(out[-1], with_article=True)
        out.append(op)
    for op in out:
        if isinstance(op, AddUnit) and not op.lines and not op.with_article:
            raise ValueError(f"no text given for the new unit in {op.parent.label()}")
    return out
