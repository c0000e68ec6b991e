"""The numbering styles of Chinese policy texts and laws, as one table.

A new style is a row here and a fixture in ``fixtures/``, not a new branch in a
parser.  Each row says how the number is written and what it numbers: policy
rows feed the heading-style stack (the first style met is level 1, the next new
one level 2 …); law rows name the law unit they open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govtext.numerals import CN_DIGITS

_CN = f"[{CN_DIGITS}]+"
# Units of laws and plans are numbered in Chinese numerals, and in some local
# regulations in Arabic digits (第1条).
_NUM = rf"(?:{_CN}|[0-9０-９]+)"
_SP = "[ \u3000\u00a0]*"


@dataclass(frozen=True, slots=True)
class NumberStyle:
    name: str
    """Short name, e.g. ``cn-dun`` for 一、."""
    pattern: re.Pattern[str]
    """Matches the number as written at the start of a line's content."""
    genre: str
    """``policy``, ``law`` or ``any``: where this style opens units."""
    law_unit: str | None = None
    """For law styles: the node type the number opens (book, chapter, article …)."""
    rank: int | None = None
    """For the law units that nest by heading: 1 编, 2 分编, 3 章, 4 节, 5 条."""


def _style(name: str, regex: str, genre: str, law_unit: str | None = None, rank: int | None = None) -> NumberStyle:
    return NumberStyle(name, re.compile(regex), genre, law_unit, rank)


# Order matters where patterns overlap: the first row that matches wins.
STYLES: tuple[NumberStyle, ...] = (
    _style("book", rf"第{_NUM}编(?={_SP}\S)", "any", "book", 1),
    _style("sub-book", rf"第{_NUM}分编(?={_SP}\S)", "any", "book", 2),  # 民法典's 分编
    _style("chapter", rf"第{_NUM}章(?={_SP}\S|$)", "any", "chapter", 3),
    _style("law-section", rf"第{_NUM}节(?={_SP}\S|$)", "any", "section", 4),
    _style("article", rf"第{_NUM}条(?:之{_CN})?(?=[ \u3000\u00a0]|$|[^，。、：；的规款项中])", "law", "article", 5),
    _style("part", rf"第{_NUM}(?:部分|篇)", "policy"),
    # 第一、关于基本建设 opens a line in older reports (第一， inside a paragraph is an enumeration).
    _style("ordinal-dun", rf"第{_CN}、", "policy"),
    # A bare numeral on a line of its own heads a part in older reports (1960: 一, 二 …).
    # (Part numbers only: a line 二〇二四 or 百 is no part number.)
    _style("cn-bare", r"[一二三四五六七八九十]{1,3}$", "policy"),
    _style("cn-dun", rf"{_CN}[、．]", "any", "point"),
    _style("cn-paren", rf"[（(]{_CN}[）)]", "any", "point"),
    _style("arabic-dot", r"[0-9０-９]{1,3}(?:[.．、](?![0-9０-９])|(?=[ \u3000]))", "any", "subpoint"),
    _style("arabic-paren", r"[（(]?[0-9０-９]{1,3}[）)]", "any", "subpoint"),
    _style("circled", r"[①-⑳㉑-㉟]", "any", "subpoint"),
)

POLICY_STYLES = tuple(s for s in STYLES if s.genre in ("policy", "any"))
LAW_STYLES = tuple(s for s in STYLES if s.genre in ("law", "any"))

# Enumerations inside a paragraph: 一是…二是…, 一要…二要…, 第一，…第二，…
ENUMERATION = re.compile(rf"(?:(?P<a>{_CN})(?:是|要|方面[，,])|第(?P<b>{_CN})[，,、])")

APPENDIX = re.compile(rf"(?:附件|附录|附表){_SP}(?:{_CN}|[0-9]+)?[：:]?$|附[：:]")



def match_number(content: str, styles: tuple[NumberStyle, ...]) -> tuple[NumberStyle, str] | None:
    """The style and the number as written that open ``content``, if any."""
    for style in styles:
        m = style.pattern.match(content)
        if m:
            return style, m.group()
    return None
