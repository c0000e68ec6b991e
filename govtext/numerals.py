"""Chinese numerals, both ways — the one place govtext reads or writes them.

Bottom layer: plain functions over strings, imported by the parser, the differ,
the exporters and the amendment tools alike.
"""

from __future__ import annotations

import re

CN_DIGITS = "〇零一二三四五六七八九十百千两"
"""Every character that may appear in a Chinese numeral as laws and reports write them."""

_VALUES = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_DIGIT_CHARS = "零一二三四五六七八九"
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
# What surrounds the numeral in a written number: 第…条, （…）, …、, …是.
_NUMBER_DECORATION = re.compile(r"^第|分编|部分|之.*$|[条章节编篇款项目、．.（）()是要，,\s]")


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
