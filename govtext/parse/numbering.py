"""The numbering styles of Chinese policy texts and laws, as one table.

A new style is a row here and a fixture in ``fixtures/``, not a new branch in a
parser.  Each row says how the number is written and what it numbers: policy
rows feed the heading-style stack (the first style met is level 1, the next new
one level 2 …); law rows name the law unit they open.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from govtext.numerals import CN_DIGITS

_CN = f"[{CN_DIGITS}]+"
# Units of laws and plans are numbered in Chinese numerals, and in some local
# regulations in Arabic digits (第1条).
_NUM = rf"(?:{_CN}|[0-9０-９]+)"
_SP = "[ \u3000\u00a0]*"

# The characters a number can begin with, per row below (a test checks each row's
# pattern against its lead).
_ORDINAL = "第"
_DIGITS = "0123456789０１２３４５６７８９"
_PARENS = "（("
_CIRCLED = "".join(map(chr, [*range(0x2460, 0x2474), *range(0x3251, 0x3260)]))  # ①-⑳ ㉑-㉟


class NumberStyle(NamedTuple):
    name: str
    """Short name, e.g. ``cn-dun`` for 一、."""
    regex: str
    """Matches the number as written at the start of a line's content."""
    lead: str | None
    """Every character the number can begin with: lines that begin otherwise skip this row
    (None: any character may begin it, and every line tries the row)."""
    genre: str
    """``policy``, ``law`` or ``any``: where this style opens units."""
    law_unit: str | None = None
    """For law styles: the node type the number opens (book, chapter, article …)."""
    rank: int | None = None
    """For the law units that nest by heading: 1 编, 2 分编, 3 章, 4 节, 5 条."""

    @property
    def pattern(self) -> re.Pattern[str]:
        # Compiled when first needed: a policy text never pays for the law rows.
        return _compiled(self.regex)


_compiled = lru_cache(maxsize=None)(re.compile)

# Order matters where patterns overlap: the first row that matches wins.
STYLES: tuple[NumberStyle, ...] = (
    NumberStyle("book", rf"第{_NUM}编(?={_SP}\S)", _ORDINAL, "any", "book", 1),
    NumberStyle("sub-book", rf"第{_NUM}分编(?={_SP}\S)", _ORDINAL, "any", "book", 2),  # 民法典's 分编
    NumberStyle("chapter", rf"第{_NUM}章(?={_SP}\S|$)", _ORDINAL, "any", "chapter", 3),
    NumberStyle("law-section", rf"第{_NUM}节(?={_SP}\S|$)", _ORDINAL, "any", "section", 4),
    NumberStyle("article", rf"第{_NUM}条(?:之{_CN})?(?=[ \u3000\u00a0]|$|[^，。、：；的规款项中])", _ORDINAL, "law",
                "article", 5),
    NumberStyle("part", rf"第{_NUM}(?:部分|篇)", _ORDINAL, "policy"),
    # 第一、关于基本建设 opens a line in older reports (第一， inside a paragraph is an enumeration).
    NumberStyle("ordinal-dun", rf"第{_CN}、", _ORDINAL, "policy"),
    # A bare numeral on a line of its own heads a part in older reports (1960: 一, 二 …).
    # (Part numbers only: a line 二〇二四 or 百 is no part number.)
    NumberStyle("cn-bare", r"[一二三四五六七八九十]{1,3}$", "一二三四五六七八九十", "policy"),
    NumberStyle("cn-dun", rf"{_CN}[、．]", CN_DIGITS, "any", "point"),
    NumberStyle("cn-paren", rf"[（(]{_CN}[）)]", _PARENS, "any", "point"),
    NumberStyle("arabic-dot", r"[0-9０-９]{1,3}(?:[.．、](?![0-9０-９])|(?=[ \u3000]))", _DIGITS, "any", "subpoint"),
    NumberStyle("arabic-paren", r"[（(]?[0-9０-９]{1,3}[）)]", _PARENS + _DIGITS, "any", "subpoint"),
    NumberStyle("circled", r"[①-⑳㉑-㉟]", _CIRCLED, "any", "subpoint"),
)

POLICY_STYLES = tuple(s for s in STYLES if s.genre in ("policy", "any"))
LAW_STYLES = tuple(s for s in STYLES if s.genre in ("law", "any"))

# Enumerations inside a paragraph: 一是…二是…, 一要…二要…, 第一，…第二，…
ENUMERATION = re.compile(rf"(?:(?P<a>{_CN})(?:是|要|方面[，,])|第(?P<b>{_CN})[，,、])")

_APPENDIX = rf"(?:附件|附录|附表){_SP}(?:{_CN}|[0-9]+)?[：:]?$|附[：:]"


def is_appendix_heading(content: str) -> bool:
    """附件1 / 附录 / 附： opening a line (the pattern compiles only for lines beginning with 附)."""
    return content.startswith("附") and _compiled(_APPENDIX).match(content) is not None



def match_number(content: str, styles: tuple[NumberStyle, ...]) -> tuple[NumberStyle, str] | None:
    """The style and the number as written that open ``content``, if any."""
    if not content:
        return None
    by_lead = _by_lead(styles)
    for style in by_lead.get(content[0]) or by_lead[""]:
        m = style.pattern.match(content)
        if m:
            return style, m.group()
    return None


_INDEXES: dict[int, tuple[tuple[NumberStyle, ...], dict[str, tuple[NumberStyle, ...]]]] = {}


def _by_lead(styles: tuple[NumberStyle, ...]) -> dict[str, tuple[NumberStyle, ...]]:
    """For each first character, the rows that may match a line it begins (in table order):
    most lines begin with a character no row can match and try no pattern at all."""
    # Kept by identity: hashing the table's rows on every line would cost more than matching.
    found = _INDEXES.get(id(styles))
    if found is not None and found[0] is styles:
        return found[1]
    firsts = {ch for style in styles if style.lead is not None for ch in style.lead}
    by_lead = {ch: tuple(s for s in styles if s.lead is None or ch in s.lead) for ch in firsts}
    by_lead[""] = tuple(s for s in styles if s.lead is None)  # lines beginning with any other character
    if len(_INDEXES) > 32:  # tables made and dropped by a caller: start over
        _INDEXES.clear()
    _INDEXES[id(styles)] = (styles, by_lead)
    return by_lead
