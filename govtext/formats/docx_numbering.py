"""Word's automatic numbering: the labels Word *displays* (第一章, 一、, （一）, 1.) computed
from numbering.xml, since a 公文's paragraph text often has no number characters at all.

Counters follow Word: one set per abstract list, a level's counter advances at each
paragraph on that level and restarts the deeper levels; a ``w:num`` with a
``startOverride`` restarts its level the first time it is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govtext.numerals import to_cn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_DIGITS_CN = "〇一二三四五六七八九"
_LEGAL = re.compile(r"%([1-9])")


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz.
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


# numFmt → how a counter value is written.  A new format is a row here.
NUM_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n),
    "decimalEnclosedParen": lambda n: f"({n})",
    "chineseCounting": to_cn,
    "chineseCountingThousand": to_cn,
    "chineseLegalSimplified": lambda n: to_cn(n).translate(str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")),
    "japaneseCounting": to_cn,
    "taiwaneseCounting": to_cn,
    "taiwaneseCountingThousand": to_cn,
    "ideographDigital": lambda n: "".join(_DIGITS_CN[int(d)] for d in str(n)),
    "taiwaneseDigital": lambda n: "".join(_DIGITS_CN[int(d)] for d in str(n)),
    "ideographTraditional": lambda n: _TIANGAN[(n - 1) % 10],
    "ideographZodiac": lambda n: _DIZHI[(n - 1) % 12],
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerLetter": _letters,
    "ordinal": lambda n: f"{n}.",
    "none": lambda n: "",
}


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"  # tab, space or nothing
    legal: bool = False  # isLgl: every level's number shown in decimal


@dataclass(slots=True)
class Numbering:
    """numbering.xml read once; :meth:`label` is called for each numbered paragraph in order."""

    abstract_of: dict[str, str] = field(default_factory=dict)
    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    overrides: dict[str, dict[int, Level | int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, root) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iter(f"{W}abstractNum"):
            numbering.levels[abstract.get(f"{W}abstractNumId")] = {
                to_int(lvl.get(f"{W}ilvl"), 0): _level(lvl) for lvl in abstract.iter(f"{W}lvl")
            }
        for num in root.iter(f"{W}num"):
            num_id = num.get(f"{W}numId")
            ref = num.find(f"{W}abstractNumId")
            if ref is None:
                continue
            numbering.abstract_of[num_id] = ref.get(f"{W}val")
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = to_int(override.get(f"{W}ilvl"), 0)
                lvl, start = override.find(f"{W}lvl"), override.find(f"{W}startOverride")
                if lvl is not None:
                    numbering.overrides.setdefault(num_id, {})[ilvl] = _level(lvl)
                elif start is not None:
                    numbering.overrides.setdefault(num_id, {})[ilvl] = to_int(start.get(f"{W}val"), 1)
        return numbering

    def level(self, num_id: str, ilvl: int) -> Level | None:
        override = self.overrides.get(num_id, {}).get(ilvl)
        if isinstance(override, Level):
            return override
        return self.levels.get(self.abstract_of.get(num_id, ""), {}).get(ilvl)

    def label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """Advance the counters for a paragraph at (num_id, ilvl); return (label, suffix)."""
        abstract = self.abstract_of.get(num_id)
        level = self.level(num_id, ilvl)
        if abstract is None or level is None or num_id == "0":
            return "", "nothing"
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl_index, override in self.overrides.get(num_id, {}).items():
                if isinstance(override, int):
                    counters[lvl_index] = override - 1
        counters[ilvl] = counters.get(ilvl, self._start(num_id, ilvl) - 1) + 1
        for deeper in [key for key in counters if key > ilvl]:
            del counters[deeper]

        def value(match: re.Match) -> str:
            shown = int(match.group(1)) - 1
            lvl = self.level(num_id, shown) or Level()
            n = counters.get(shown, lvl.start)
            fmt = "decimal" if level.legal and shown < ilvl else lvl.fmt
            try:
                return NUM_FORMATS.get(fmt, str)(n)
            except (ValueError, IndexError):  # a start of -5 or 10**12 from a damaged file
                return str(n)

        text = _LEGAL.sub(value, level.text)
        if level.fmt == "bullet" and text and all("\ue000" <= ch <= "\uf8ff" for ch in text):
            text = "•"  # a symbol-font bullet (Wingdings/Symbol private-use code): shown as a bullet
        return text, level.suffix

    def _start(self, num_id: str, ilvl: int) -> int:
        level = self.level(num_id, ilvl)
        return level.start if level else 1


def to_int(value: str | None, default: int) -> int:
    """A number attribute as Word writes it; a damaged file's garbage counts as the default."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(lvl) -> Level:
    def val(tag: str, default: str) -> str:
        el = lvl.find(f"{W}{tag}")
        return el.get(f"{W}val", default) if el is not None else default

    return Level(
        start=to_int(val("start", "1"), 1),
        fmt=val("numFmt", "decimal"),
        text=val("lvlText", ""),
        suffix=val("suff", "tab"),
        legal=lvl.find(f"{W}isLgl") is not None,
    )
