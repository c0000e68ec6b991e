"""Which units an amendment item names: 第X条第Y款第Z项, lists and ranges, and the references
that continue what was named before (该条, 第二款 alone, 其中的).  The pattern pieces that find
them in a clause (UNIT_REF, UNIT_LIST, …) are written here; :class:`Context` keeps what the item
has said so far and resolves them; the clause grammar (:mod:`govtext.amend.grammar`) asks it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from govtext.amend.ops import Target
from govtext.amend.vocabulary import CN, LIST_SEPARATORS, NUM, SAME_ARTICLE, SAME_UNIT
from govtext.numerals import cn_value


def alternatives(words) -> str:
    """A regex alternation of ``words``, longest first (so 第一百 is never read as 第一)."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


SEPARATOR = alternatives(LIST_SEPARATORS)
"""What separates the units of a list (、 和 及 以及 …)."""

# A law named before the number (刑法第……, 本法第……) is the law amended: 修正案 name it every time.
LAW = r"(?:本法|本解释|本条例|本规定|《[^》]+》|[\u4e00-\u9fff]{1,10}?法(?=第|原第))"

# The units a clause names, as pieces of the clause patterns (govtext.amend.grammar's rule table).
ARTICLE_REF = rf"第{NUM}条(?:之{CN})?"
_CL = rf"第{NUM}款"
POINT_REF = rf"第[（(]?{NUM}[）)]?项"
_SP = rf"第{NUM}目"
_SAME = alternatives(SAME_ARTICLE + SAME_UNIT)
# 该条第三款: a 款 of the article last named, said so (SAME_ARTICLE then the unit).
UNIT_REF = (rf"(?:{LAW}?原?(?:{ARTICLE_REF}(?:{_CL})?(?:{POINT_REF})?(?:{_SP})?|{_CL}(?:{POINT_REF})?(?:{_SP})?|{POINT_REF}(?:{_SP})?|{_SP})"
            rf"|{alternatives(SAME_ARTICLE)}(?:{_CL}(?:{POINT_REF})?|{POINT_REF})(?:{_SP})?|{_SAME})")
_RANGE = rf"{UNIT_REF}至{UNIT_REF}"
UNIT_LIST = rf"(?:{_RANGE}|{UNIT_REF})(?:{SEPARATOR}(?:{_RANGE}|{UNIT_REF}))*"
HEADING_REF = rf"(?:第{CN}(?:编|章))?第{CN}(?:编|章|节)"  # 在第三章第一节后增加一节: the 节 counted in its 章
# 第十条第二款第一句中的“A”: words sought in one sentence of the unit named.
IN_SENTENCE = rf"(?:的)?第{CN}句"

PARTS = re.compile(rf"(?:第(?P<a>{NUM})条(?:之(?P<z>{CN}))?)?(?:第(?P<c>{NUM})款)?"
                   rf"(?:第[（(]?(?P<p>{NUM})[）)]?项)?(?:第(?P<s>{NUM})目)?")


def numeral_value(numeral: str) -> int:
    return int(numeral) if numeral.isdigit() else cn_value(numeral)


@dataclass
class Context:
    """What the item has said so far that later clauses continue."""

    target: Target | None = None
    """The unit last named: what 第二款 / 其中的 / 该条 refer to."""
    awaiting: int | None = None
    """Index (in the item's operations) of an operation still waiting for its text."""
    split: tuple[Target, int, list[int]] | None = None
    """将第三条改为两条: the article, the count, the new numbers once 作为 names them."""
    heading: int | None = None
    """Index of a new 章/节 still waiting for its first article (包括第X条 / 列入本章)."""
    counted: bool = False
    """第一款改为三款: a 款 becoming several (its positions need no action)."""
    last_number: int | None = None
    """The new number of the article last renumbered (列入本章)."""
    places: tuple[tuple[Target, ...], Target | None] | None = None
    """The units a words clause last listed, and the unit last named then: a following words clause
    with no place of its own works in them while nothing else has been named since."""

    def resolve(self, text: str) -> Target:
        text = re.sub(rf"^{LAW}?原?", "", text)
        if text in SAME_ARTICLE or text == "":
            return self._need().article_only()
        if text in SAME_UNIT:
            return self._need()
        same = next((w for w in SAME_ARTICLE if text.startswith(w)), None)
        if same:  # 该条第三款: counted in the article last named, not in the unit last named
            base = self._need()
            m = PARTS.fullmatch(text[len(same):])
            if not m or m.group("a"):
                raise ValueError(f"cannot read the reference {text}")
            c, p, s = (numeral_value(g) if g else None for g in m.group("c", "p", "s"))
            return Target(base.article, base.zhiyi, c, p, s)
        m = PARTS.fullmatch(text)
        if not m or not text:
            raise ValueError(f"cannot read the reference {text}")
        a, z, c, p, s = (numeral_value(g) if g else None for g in m.group("a", "z", "c", "p", "s"))
        if a is not None:
            return Target(a, z or 0, c, p, s)
        base = self._need()
        if c is not None:
            return Target(base.article, base.zhiyi, c, p, s)
        if p is not None:
            return Target(base.article, base.zhiyi, base.clause, p, s)
        return Target(base.article, base.zhiyi, base.clause, base.point, s)

    def resolve_list(self, text: str) -> tuple[Target, ...]:
        """第五十四条第二款、第五十六条 / 第六十一条至第六十五条: each piece may continue the last."""
        targets: list[Target] = []
        text = re.sub(r"《[^》]*》", "", text)  # the law amended, named once (its name may hold 和)
        for piece in re.split(SEPARATOR, text):
            if not piece:
                continue
            if "至" in piece:
                first, last = (self.resolve(p) for p in piece.split("至", 1))
                targets.extend(_expand(first, last))
            else:
                targets.append(self.resolve(piece))
            self.target = targets[-1]
        if len(set(targets)) != len(targets):
            raise ValueError(f"{targets[0].label()} is named twice in one list")
        return tuple(targets)

    def _need(self) -> Target:
        if self.target is None:
            raise ValueError("a unit is referred to before any article is named")
        return self.target


def _expand(first: Target, last: Target) -> list[Target]:
    """第六十一条至第六十五条, 第一款至第三款: every unit of the range."""
    if first.clause is None and last.clause is None and first.point is None:
        return [Target(n) for n in range(first.article, last.article + 1)]
    if first.point is None and last.point is None and first.key == last.key:
        return [Target(first.article, first.zhiyi, c) for c in range(first.clause, last.clause + 1)]
    if first.key == last.key and first.clause == last.clause:
        return [Target(first.article, first.zhiyi, first.clause, p) for p in range(first.point, last.point + 1)]
    raise ValueError(f"cannot expand the range {first.label()}至{last.label()}")
