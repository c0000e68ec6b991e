"""What an amendment instrument says, as a small vocabulary of immutable records.

The instrument parser produces these; the applier consumes them; ``--explain``
prints them.  Targets name units by their numbers in the OLD text (as drafters
write them: 将第九条改为第十一条 still calls it 第九条); new units say the number
they take in the NEW text.
"""

from __future__ import annotations

from dataclasses import dataclass

from govtext.numerals import to_cn


@dataclass(frozen=True, slots=True)
class Target:
    """A unit of the law: an article, or a 款/项/目 inside one."""

    article: int
    """The article's number (第九条 → 9)."""
    zhiyi: int = 0
    """The 之X suffix (第一百三十三条之一 → 1), 0 for none."""
    clause: int | None = None
    """第X款, or None for the whole article (or, with ``point``, the clause that holds it)."""
    point: int | None = None
    """第X项."""
    subpoint: int | None = None
    """第X目."""

    @property
    def key(self) -> tuple[int, int]:
        return (self.article, self.zhiyi)

    def label(self) -> str:
        text = article_label(self.article, self.zhiyi)
        for value, unit in ((self.clause, "款"), (self.point, "项"), (self.subpoint, "目")):
            if value is not None:
                text += f"第{to_cn(value)}{unit}"
        return text

    def article_only(self) -> "Target":
        return Target(self.article, self.zhiyi)


def article_label(number: int, zhiyi: int = 0) -> str:
    return f"第{to_cn(number)}条" + (f"之{to_cn(zhiyi)}" if zhiyi else "")


@dataclass(frozen=True, slots=True)
class Modify:
    """将TARGET修改为：“……” — the unit's text replaced (several paragraphs split it)."""

    target: Target
    lines: tuple[str, ...]

    def describe(self) -> str:
        return f"modify {self.target.label()} ({len(self.lines)} paragraph{'s' if len(self.lines) != 1 else ''})"


@dataclass(frozen=True, slots=True)
class AddArticle:
    """增加一条，作为第N条 / 在第X条后增加一条，作为第X条之一."""

    number: int
    zhiyi: int
    lines: tuple[str, ...]
    after: Target | None = None
    """The article it follows when the instrument says so (之一 style)."""
    before: bool = False
    """在第十条前增加一条: ``after`` is the article it precedes."""
    stated: bool = True
    """The instrument gives its number (作为第N条); False: placed by 在第X条后 alone, ``number`` the place it
    takes, which only renumbering makes its own."""

    def describe(self) -> str:
        where = f" {'before' if self.before else 'after'} {self.after.label()}" if self.after else ""
        return f"add article {article_label(self.number, self.zhiyi)}{where}"


AT_END = 0
"""An :class:`AddUnit` position: after the last unit of its kind (在第十三条后增加一款：“……”, no 作为第N款)."""


@dataclass(frozen=True, slots=True)
class AddUnit:
    """增加一款/一项/一目，作为第N款/项/目 inside ``parent``."""

    parent: Target
    unit: str
    """``clause``, ``point`` or ``subpoint``."""
    position: int
    lines: tuple[str, ...]
    with_article: bool = False
    """The new unit's text comes with the article's new text (在第X条中增加一款……，将该条修改为：)."""

    def describe(self) -> str:
        name = {"clause": "款", "point": "项", "subpoint": "目"}[self.unit]
        given = " (text given with the article)" if self.with_article else ""
        place = f"a last {name}" if self.position == AT_END else f"第{to_cn(self.position)}{name}"
        return f"add {self.unit} as {place} in {self.parent.label()}{given}"


@dataclass(frozen=True, slots=True)
class Delete:
    """删去第X条 (or a 款/项/目)."""

    target: Target
    if_present: bool = False
    """将第九十九条第三款修改后作为本条第一款: the 款 moves away, unless an earlier item rewrote its article."""

    def describe(self) -> str:
        return f"delete {self.target.label()}" + (" (if still there)" if self.if_present else "")


def text_part_name(part: str) -> str:
    """``preamble`` → 引言, ``preamble:3`` → 序言第三自然段, ``annex:附件:4`` → 附件第四项 (for describe)."""
    kind, _, n = part.partition(":")
    if kind == "annex":
        name, _, item = n.partition(":")
        return name + (f"第{to_cn(int(item))}项" if item else "")
    return f"序言第{to_cn(int(n))}自然段" if n else {"preamble": "引言", "title": "名称"}.get(kind, kind)


def words_place(labels: list[str], text_part: str | None) -> str:
    """Where a words operation works, for describe: the units named, else the text part, else throughout."""
    return "、".join(labels) or (text_part_name(text_part) if text_part else "throughout")


@dataclass(frozen=True, slots=True)
class ReplaceWords:
    """将第X条、第Y条中的“A”修改为“B” (new empty: 删去其中的“A”); targets empty: throughout."""

    targets: tuple[Target, ...]
    old: str
    new: str
    in_title: bool = False
    """将名称、第一条中的“A”修改为“B”: the title is one of the places (with no targets: the title only)."""
    anywhere: bool = False
    """将第二款、第三款中的“A”、“B”分别修改为“C”、“D”: each word is in some of the units named, not all."""
    sentence: int | None = None
    """删去第十条第二款第一句中的“A”: only that sentence of the unit (its first line) is searched."""
    text_part: str | None = None
    """引言中的“A” (``preamble``) / 序言第三自然段中的“A” (``preamble:3``): a paragraph before the articles."""

    def describe(self) -> str:
        where = words_place((["名称"] if self.in_title else []) + [t.label() for t in self.targets], self.text_part)
        if self.sentence:
            where += f"第{to_cn(self.sentence)}句"
        if not self.new:
            return f"delete words “{self.old}” in {where}"
        return f"replace words “{self.old}” → “{self.new}” in {where}"


@dataclass(frozen=True, slots=True)
class Renumber:
    """将第X条改为第Y条 (or 原第X项改为第Y项): a statement of the new number."""

    target: Target
    number: int
    unit: str = "article"
    into_clause: int | None = None
    """将第二十六条改为第二十九条第一款: the article becomes that 款 of the new article."""

    def describe(self) -> str:
        name = {"article": "条", "clause": "款", "point": "项", "subpoint": "目"}[self.unit]
        into = f"第{to_cn(self.into_clause)}款" if self.into_clause else ""
        return f"renumber {self.target.label()} → 第{to_cn(self.number)}{name}{into}"


@dataclass(frozen=True, slots=True)
class Merge:
    """将第X条、第Y条合并，作为第X条: the later articles' paragraphs join the first."""

    targets: tuple[Target, ...]

    def describe(self) -> str:
        return "merge " + "、".join(t.label() for t in self.targets)


@dataclass(frozen=True, slots=True)
class Move:
    """将第X条移至第Y条后 (作为第N条)."""

    target: Target
    after: Target | None
    number: int | None = None
    """将第X条移作第N条: the place it takes, counted in the new numbering (``after`` is None)."""
    unit: str = "article"
    """将该项移作第三项 (``point``) / 将第二款移作第三款 (``clause``): the unit changes place among its
    siblings — the 项 of its 款, the 款 of its article — and they are numbered afresh."""

    def describe(self) -> str:
        if self.unit != "article":
            name = {"clause": "款", "point": "项"}[self.unit]
            return f"move {self.target.label()} to 第{to_cn(self.number)}{name}"
        if self.after is None:
            return f"move {self.target.label()} to {article_label(self.number)}"
        return f"move {self.target.label()} after {self.after.label()}"


def container_label(unit: str, within: int | None) -> str:
    """第二章 for a 节 within 第二章, 第二编 for a 章 within 第二编; "" when none is named."""
    return f"第{to_cn(within)}{'章' if unit == '节' else '编'}" if within else ""  # 分编 too: in its 编


@dataclass(frozen=True, slots=True)
class RenumberHeading:
    """将第三章改为第四章: a 编/章/节 heading takes a new number, its title kept."""

    unit: str
    number: int
    new_number: int
    within: int | None = None
    """将第三章第二节改为第三节: the 章 holding the 节 (or the 编 holding the 章)."""

    def describe(self) -> str:
        where = container_label(self.unit, self.within)
        return f"renumber {where}第{to_cn(self.number)}{self.unit} → 第{to_cn(self.new_number)}{self.unit}"


@dataclass(frozen=True, slots=True)
class RenameHeading:
    """将第三章的章名修改为“……”: a 编/章/节 heading gets a new title, its number kept."""

    unit: str
    """编, 章 or 节."""
    number: int
    title: str
    within: int | None = None
    """The 编 holding the 章 (第二编第三章) or the 章 holding the 节 (第二章第三节): numbers restart in each."""

    def describe(self) -> str:
        where = container_label(self.unit, self.within)
        return f"rename {where}第{to_cn(self.number)}{self.unit} → {self.title}"


@dataclass(frozen=True, slots=True)
class DeleteHeading:
    """删去第四章: the 编/章/节 goes with every article under it; the later ones close up (第五章 → 第四章)."""

    unit: str
    number: int
    within: int | None = None
    """The 编 holding the 章 or the 章 holding the 节, as for :class:`RenameHeading`."""

    def describe(self) -> str:
        where = container_label(self.unit, self.within)
        return f"delete {where}第{to_cn(self.number)}{self.unit} with its articles"


@dataclass(frozen=True, slots=True)
class NoChange:
    """A sentence that changes no text: commencement, 对部分条文作以下修改, 重新公布."""

    what: str
    renumber: bool = False
    """The sentence orders 对条文顺序作相应调整."""
    other_law: str | None = None
    """条文中引用民事诉讼法相关条文序号……作相应调整: that law's numbers change, which only it can tell."""

    def describe(self) -> str:
        return self.what


@dataclass(frozen=True, slots=True)
class InsertWords:
    """在第X条中的“A”后增加“B” (``before``: 前); ``anchor`` empty: at the unit's start (开始部分增加),
    or with ``at_end`` at its end, before its closing mark (在第十条末尾增加“，但……除外”)."""

    targets: tuple[Target, ...]
    anchor: str
    words: str
    before: bool = False
    at_end: bool = False
    sentence: int | None = None
    """在第十条第二款第一句中的“A”后增加“B”: only that sentence of the unit (its first line) holds the anchor."""
    text_part: str | None = None
    """序言第二自然段末尾增加“……”: a paragraph before the articles (see ReplaceWords.text_part)."""

    def describe(self) -> str:
        where = words_place([t.label() for t in self.targets], self.text_part)
        if self.sentence:
            where += f"第{to_cn(self.sentence)}句"
        side = "before" if self.before else "after"
        return f"insert “{self.words}” {side} “{self.anchor}” in {where}" if self.anchor else \
            f"insert “{self.words}” at the {'end' if self.at_end else 'start'} of {where}"


@dataclass(frozen=True, slots=True)
class ModifyPart:
    """第五条条首部分修改为 / 第二款第二句修改为: part of a unit replaced."""

    target: Target
    part: str
    """``head`` (the words before the 项), ``sentence:N`` (lines ("",): deleted), ``after-sentence:N``
    (a sentence added after the N-th; 0 first, -1 last)."""
    lines: tuple[str, ...]

    def describe(self) -> str:
        kind, _, n = self.part.partition(":")
        where = self.target.label()
        if kind == "sentence":
            return f"delete sentence {n} of {where}" if self.lines == ("",) else f"modify sentence {n} of {where}"
        if kind == "after-sentence":
            return f"add a sentence at the end of {where}" if n == "-1" else f"add a sentence after sentence {n} of {where}"
        return f"modify the {self.part} of {where}"


@dataclass(frozen=True, slots=True)
class ModifyText:
    """将引言修改为 / 将名称修改为: text outside the articles (the preamble paragraph, the title)."""

    part: str
    """``preamble`` or ``title``; ``preamble:N``: the N-th paragraph (自然段) of a 序言; ``part:N``: a part's heading;
    ``annex:附件:N``: an appendix's N-th item (no lines: deleted)."""
    lines: tuple[str, ...]

    def describe(self) -> str:
        if self.part.startswith("annex:"):
            return f"{'modify' if self.lines else 'delete'} {text_part_name(self.part)}"
        return f"modify the {self.part}"


@dataclass(frozen=True, slots=True)
class AddHeading:
    """增加一章，作为第八章“公布”，包括第六十一条至第六十五条: a heading before an article (new numbers)."""

    unit: str
    """编, 章 or 节."""
    number: int
    title: str
    first_article: int
    """The new number of the first article under it."""

    def describe(self) -> str:
        return f"add heading 第{to_cn(self.number)}{self.unit} {self.title} before new 第{to_cn(self.first_article)}条"


@dataclass(frozen=True, slots=True)
class Detach:
    """将第二条第三款单作一条，作为第三条: a 款 leaves its article and becomes an article of its own."""

    target: Target
    number: int
    lines: tuple[str, ...] = ()
    """New text for it, when the item gives one."""
    more: tuple[int, ...] = ()
    """Further 款 of the same article that follow it into the new article."""

    def describe(self) -> str:
        more = "".join(f"、第{to_cn(c)}款" for c in self.more)
        return f"detach {self.target.label()}{more} as {article_label(self.number)}"


@dataclass(frozen=True, slots=True)
class Transfer:
    """将第三条第二款作为第四条第二款: a 款 leaves its article and becomes a 款 of another one.

    The destination is plain numbers, not a :class:`Target`, so that the item's OLD-number shifts
    (which follow the source article) leave it alone: the position is the one it takes there."""

    target: Target
    article: int
    zhiyi: int
    position: int

    def describe(self) -> str:
        return f"move {self.target.label()} into {article_label(self.article, self.zhiyi)} as 第{to_cn(self.position)}款"


Operation = Transfer | RenumberHeading | DeleteHeading | InsertWords | ModifyPart | ModifyText | AddHeading | Detach | Modify | AddArticle | AddUnit | Delete | ReplaceWords | Renumber | Merge | Move | RenameHeading | NoChange


@dataclass(frozen=True, slots=True)
class Item:
    """One numbered item of the instrument (sub-items too), with what it was read as."""

    number: str
    """As written: 七、, 十八、（三）."""
    text: str
    """The item's text, number excluded."""
    operations: tuple[Operation, ...]
    """Empty when the item was not understood."""
    problem: str | None = None
    """Why the item was not understood, or None."""

    @property
    def understood(self) -> bool:
        return self.problem is None


@dataclass(frozen=True, slots=True)
class Instrument:
    """A parsed 修正案 or 修改决定 (or one part of a decision amending several laws)."""

    title: str
    """The instrument's title line."""
    law_title: str | None
    """The law it amends (the part's law for multi-law decisions), without 《》."""
    adopted: str | None
    """The adoption line: date and meeting, e.g. 2023年12月29日 第十四届……第七次会议."""
    items: tuple[Item, ...]
    renumber: bool
    """The instrument orders 对条文顺序作相应调整 (or renumbers explicitly)."""
    is_amendment: bool
    """A 修正案 (刑法 style: 之一 insertion, no renumbering) rather than a 决定."""
    decree: str | None = None
    """The decree that published it (国家市场监督管理总局令第88号): some offices cite it in the 题注."""
    approved: str | None = None
    """The approval of a city's decision by its province: date and meeting, like ``adopted``."""
