"""What a document says about itself: title, dates, issuing body.

Read from the parsed header (title, date and speaker lines, 题注 history), never
guessed from the body.  Used where documents are listed or ordered: the corpus
ledger, the history of a series.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from govtext.model import HEADER, LINE, Document
from govtext.numerals import CN_DIGITS, SMALL_DIGITS, YEAR_DIGITS, ascii_digits, cn_value

_YEAR = rf"[0-9０-９]{{4}}|[{YEAR_DIGITS}]{{4}}"
_SMALL = rf"[0-9０-９]{{1,2}}|[{SMALL_DIGITS}]{{1,3}}"
_DATE = re.compile(rf"({_YEAR})\s*年\s*({_SMALL})\s*月(?:\s*({_SMALL})\s*日)?")
_FILE_YEAR = re.compile(r"(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})(?![0-9])")
_SESSION = re.compile(rf"第[{CN_DIGITS}]+届")
# A place name: CJK characters, none of the function words that come before one in a
# header line (……日在北京市……, 经浙江省……).
_PLACE = r"[^\W\d_日在于经由和与及的年月第届次]{2,10}?(?:省|市|自治区|自治州|县|区)"
_SALUTATION_END = ("：", ":", "！", "!")


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """A document's own statements about itself (empty strings where it states nothing)."""

    title: str
    """The header's title line (政府工作报告, 中华人民共和国刑法)."""

    date: str
    """The latest date the header states, ISO (``2024-03-05``; ``2024-03`` without a day)."""

    dates: tuple[str, ...]
    """Every date the header states, in the order written (adoption first for a law)."""

    issuer: str
    """The body that issued or adopted it, as the header names it (国务院; 中共中央、国务院)."""

    year: int | None
    """The year of ``date``, else a year in the file name (gwr-2024.txt), else None."""


def describe(doc: Document) -> DocumentMeta:
    lines = _header_lines(doc)
    first = lines[0].strip() if lines else ""
    title = first if first and not _DATE.search(first) and not first.endswith(_SALUTATION_END) else ""
    dates = tuple(d for line in lines for d in _dates(line))
    date = max(dates, default="")
    year = int(date[:4]) if date else _file_year(doc.source.path)
    return DocumentMeta(title, date, dates, _issuer(lines), year)


def _header_lines(doc: Document) -> list[str]:
    for node in doc.root.children:
        if node.type == HEADER:
            return [leaf.text for leaf in node.leaves() if leaf.type == LINE]
    return []


def _dates(line: str) -> list[str]:
    found = []
    for m in _DATE.finditer(line):
        year, month, day = (_value(g) if g else None for g in m.groups())
        if year and month and 1 <= month <= 12 and (day is None or 1 <= day <= 31):
            found.append(f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else ""))
    return found


def _value(numeral: str) -> int | None:
    numeral = ascii_digits(numeral)
    return int(numeral) if numeral.isdigit() else cn_value(numeral)


def _file_year(path: str | None) -> int | None:
    if not path or path == "-":
        return None
    years = _FILE_YEAR.findall(os.path.basename(path))
    return int(years[-1]) if years else None


def _issuer(lines: list[str]) -> str:
    """The bodies named in the last dated line that records an act (通过, 发布 …: the act
    that made this text), else the body a speaker's office stands for (国务院总理 → 国务院).
    A line without an act names at most a venue (……在全国人民代表大会上), not the issuer."""
    _, _, actions = _issuer_table()
    acts = [line for line in lines if _DATE.search(line) and any(a in line for a in actions)]
    for line in reversed(acts):
        bodies = _bodies(line, offices_only=False)
        if bodies:
            return "、".join(bodies)
    return next(("、".join(b) for b in (_bodies(line, offices_only=True) for line in lines) if b), "")


def adopting_body(doc: Document) -> str:
    """The body named in the first dated line that records an act (a law's adoption, not its
    latest amendment): the author of the work every version shares.  '' when none is named."""
    _, _, actions = _issuer_table()
    for line in _header_lines(doc):
        if _DATE.search(line) and any(a in line for a in actions):
            bodies = _bodies(line, offices_only=False)
            if bodies:
                return "、".join(bodies)
    return ""


def _bodies(line: str, offices_only: bool) -> list[str]:
    pattern, offices, _ = _issuer_table()
    line = _SESSION.sub("", line)
    found: list[str] = []
    for m in pattern.finditer(line):
        if m.group("body"):
            body = None if offices_only else m.group("body")
        elif m.group("place"):
            body = m.group("place") + offices[m.group("office")]
        else:
            body = m.group("office_body")
        if body and body not in found:
            found.append(body)
    return found


@lru_cache(maxsize=1)
def _issuer_table() -> tuple[re.Pattern, dict[str, str], tuple[str, ...]]:
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "data", "issuers.toml"), "rb") as fh:
        table = tomllib.load(fh)
    central = sorted(table["bodies"], key=len, reverse=True)
    local = sorted(table["local_bodies"], key=len, reverse=True)
    offices: dict[str, str] = table["offices"]
    office_names = "|".join(map(re.escape, sorted(offices, key=len, reverse=True)))
    bodies = "|".join([f"{_PLACE}(?:{'|'.join(map(re.escape, local))})"] + [re.escape(b) for b in central])
    pattern = re.compile(
        rf"(?P<body>{bodies})(?!{office_names})"
        rf"|(?P<place>{_PLACE})(?P<office>{office_names})"
        rf"|(?P<office_body>{'|'.join(map(re.escape, central))})(?={office_names})"
    )
    return pattern, offices, tuple(table["actions"])
