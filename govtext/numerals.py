"""Chinese numerals, both ways — the one place govtext reads or writes them.

Bottom layer: plain functions over strings, imported by the parser, the differ,
the exporters and the amendment tools alike.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

CN_DIGITS = "〇零一二三四五六七八九十百千两"
"""Every character that may appear in a Chinese numeral as laws and reports write them."""

YEAR_DIGITS = "〇零一二三四五六七八九"
"""The characters a year is spelled with, digit by digit (二〇二五年, 一九九八年)."""

SMALL_DIGITS = "一二三四五六七八九十"
"""The characters of a small count written with 十 (a month, a day, 第三次): up to 九十九."""

_VALUES = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_DIGIT_CHARS = "零一二三四五六七八九"
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
# What surrounds the numeral in a written number: 第…条, （…）, …、, …是.
_NUMBER_DECORATION = re.compile(r"^第|分编|部分|之.*$|[条章节编篇款项目、．.（）()是要，,\s]")


def ascii_digits(text: str) -> str:
    """Full-width digits as ASCII ones (附件２ → 附件2), everything else as it is."""
    return text.translate(_FULLWIDTH)


def cn_value(numeral: str) -> int | None:
    """一百六十五 → 165, 十二 → 12, 二〇二五 → 2025 (digit by digit); None if not a numeral."""
    if not numeral or any(ch not in _VALUES and ch not in _UNITS for ch in numeral):
        return None
    if not any(ch in _UNITS for ch in numeral):
        value = 0
        for ch in numeral:
            value = value * 10 + _VALUES[ch]
        return value
    total, digit = 0, 0
    for ch in numeral:
        if ch in _VALUES:
            digit = _VALUES[ch]
        else:
            total += (digit or 1) * _UNITS[ch]
            digit = 0
    return total + digit


def number_value(number: str) -> int | None:
    """The ordinal a written number stands for: 第三条 → 3, （十二） → 12, 4． → 4, ② → 2."""
    core = _NUMBER_DECORATION.sub("", number)
    if core.isascii() and core.isdigit():
        return int(core)
    if core and all("０" <= ch <= "９" for ch in core):
        return int(core.translate(_FULLWIDTH))
    if len(core) == 1 and "①" <= core <= "⑳":
        return ord(core) - ord("①") + 1
    return cn_value(core)


def to_cn(value: int) -> str:
    """165 → 一百六十五, 10 → 十, 110 → 一百一十, 1005 → 一千零五 (as laws number articles)."""
    if value < 0:
        raise ValueError(f"no Chinese numeral for {value}")
    if value < 10:
        return _DIGIT_CHARS[value]
    if value >= 10000:
        raise ValueError(f"{value} is beyond the numerals govtext writes")
    parts: list[str] = []
    zero_pending = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, value = divmod(value, unit)
        if digit:
            if zero_pending:
                parts.append("零")
                zero_pending = False
            parts.append(_DIGIT_CHARS[digit] + name)
        elif parts:
            zero_pending = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


def zhiyi_value(number: str) -> int | None:
    """The 之X suffix: 第一百三十三条之一 → 1, 第五条 → None."""
    if "之" not in number:  # most numbers: no pattern lookup
        return None
    m = re.search(r"之([一二三四五六七八九十]+)", number)
    return cn_value(m.group(1)) if m else None


# --- amounts: the figures a text states (5.5%, 1.3万亿, 百分之八点五, 三分之一, 8000多) -----------

# 2,895,753,000 and ２，８９５ (old reports group thousands), 8 ．8 (old typesetting spaces a point).
_ARABIC = r"(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)(?:[ 　]?[.．·][ 　]?[0-9０-９]+)?"
_CN_AMOUNT = r"[〇零一二三四五六七八九十百千万亿两]+(?:点[〇零一二三四五六七八九]+)?"
_ONE_AMOUNT = (
    rf"(?:(?P<den>{_ARABIC}|[一二三四五六七八九十百千万]+)分之(?P<num>{_ARABIC}|{_CN_AMOUNT})"  # 百分之八, 三分之一
    r"|(?P<half>一半)"
    rf"|(?P<digits>{_ARABIC})|(?P<cn>{_CN_AMOUNT}))"
    r"(?P<more>[多余])?(?P<scale>万亿|千亿|亿|千万|百万|万)?(?P<more2>[多余])?"
)
_RANGE_JOIN = r"[ 　]?(?:[－—–~～\-]|至|到)[ 　]?"


@lru_cache(maxsize=1)
def _amount_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(one amount, a range's join), compiled on first use: parsing imports this module,
    and the amount pattern alone costs ``re`` ~1.4 ms to compile, which a ``tree`` never uses."""
    return re.compile(_ONE_AMOUNT), re.compile(_RANGE_JOIN)
_SCALES = {"万亿": 1e12, "千亿": 1e11, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}


def cn_number(numeral: str) -> float | None:
    """Chinese numerals with 万/亿 sections and 点 decimals: 一千二百 → 1200, 三万五千 → 35000,
    八点五 → 8.5, 十二 → 12; None if not a numeral."""
    whole, _, decimals = numeral.partition("点")
    if decimals and any(ch not in _VALUES for ch in decimals):
        return None
    total = 0
    for scale, factor in (("亿", 10**8), ("万", 10**4)):
        if scale in whole:
            head, _, whole = whole.partition(scale)
            value = cn_value(head) if head else 1
            if value is None:
                return None
            total += value * factor
    rest = cn_value(whole) if whole else 0
    if rest is None:
        return None
    value = float(total + rest)
    if decimals:
        value += float("0." + "".join(str(_VALUES[ch]) for ch in decimals))
    return value


def arabic_number(digits: str) -> float:
    """5.5 → 5.5, full-width ６．５ → 6.5, spaced 8 ．8 (old typesetting) → 8.8."""
    plain = re.sub(r"[ 　,，]", "", digits.translate(_FULLWIDTH)).replace("．", ".").replace("·", ".")
    return float(plain)


class Amount(NamedTuple):
    """One figure as written: ``value`` before its scale (1.3万亿 → 1.3, scale 万亿), or the
    ``low``/``high`` ends of a range (6%－6.5%, 百分之八至九); ``percent`` for 百分之X,
    ``fraction`` for X分之Y and 一半, ``more`` for the 多/余 of 8000多亿."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    scale: str = ""
    more: str = ""
    percent: bool = False
    fraction: bool = False
    chinese: bool = False
    """Written in Chinese numerals (二十, 一半), not digits."""

    @property
    def number(self) -> float:
        """The value, or the high end of a range."""
        return self.value if self.value is not None else self.high  # type: ignore[return-value]


def _one(m: re.Match) -> Amount | None:
    more = m.group("more") or m.group("more2") or ""
    scale = m.group("scale") or ""
    if m.group("half"):
        return Amount(m.start(), m.end(), 0.5, fraction=True, chinese=True)
    if m.group("den"):
        den_text, num_text = m.group("den"), m.group("num")
        den = cn_number(den_text) if not den_text[0].isdigit() and den_text[0] not in "０１２３４５６７８９" else arabic_number(den_text)
        num = arabic_number(num_text) if num_text[0] in "0123456789０１２３４５６７８９" else cn_number(num_text)
        if not den or num is None:
            return None
        chinese = num_text[0] not in "0123456789０１２３４５６７８９"
        if den == 100:
            return Amount(m.start(), m.end(), num, scale=scale, more=more, percent=True, chinese=chinese)
        return Amount(m.start(), m.end(), round(num / den, 4), fraction=True, chinese=chinese)
    if m.group("digits"):
        return Amount(m.start(), m.end(), arabic_number(m.group("digits")), scale=scale, more=more)
    text = m.group("cn")
    if not any(ch in _VALUES or ch == "十" for ch in text):
        return None  # 万, 千, 百 alone are words (万众一心), not numbers
    if "亿" in text and not scale:  # 七百六十六亿四千万: 766.4 of 亿, as 766.4亿 is read
        whole = cn_number(text)
        if whole is None:
            return None
        return Amount(m.start(), m.end(), round(whole / 1e8, 8), scale="亿", more=more, chinese=True)
    if not scale and len(text) > 1 and text.endswith("万"):
        scale, text = "万", text[:-1]  # 一千万: 1000 of 万, as 1000万 is read
    value = cn_number(text) if text else None
    if value is None:
        return None
    return Amount(m.start(), m.end(), value, scale=scale, more=more, chinese=True)


def find_amounts(text: str) -> list[Amount]:
    """Every figure in ``text``, ranges joined (6%－6.5% is one Amount with low and high,
    the % of its first end kept inside the span).  Units are the caller's: an Amount ends
    after its number, 多/余 and scale."""
    amount, range_join = _amount_patterns()
    found: list[Amount] = []
    pos = 0
    while True:
        m = amount.search(text, pos)
        if m is None:
            return found
        if m.end() == m.start():
            pos = m.end() + 1
            continue
        first = _one(m)
        pos = m.end()
        if first is None:
            continue
        # A range: 6%－6.5%, 百分之八至九, 100万元至300万元 (the first end may carry the unit).
        unit_end = pos
        while unit_end < len(text) and unit_end - pos < 3 and text[unit_end] not in "－—–~～-至到，。；、" \
                and not text[unit_end].isdigit():
            unit_end += 1
        join = range_join.match(text, unit_end) or range_join.match(text, pos)
        if join:
            second_m = amount.match(text, join.end())
            if second_m and second_m.end() > second_m.start():
                second = _one(second_m)
                unit = text[pos:join.start()]
                if second and second.value is not None and first.value is not None and first.value < second.value \
                        and not first.fraction and not second.fraction and not unit.strip("%％元万亿 　"):
                    found.append(Amount(first.start, second.end, None, first.value, second.value,
                                        second.scale or first.scale, second.more, first.percent or second.percent,
                                        False, first.chinese))
                    pos = second_m.end()
                    continue
        found.append(first)
