"""Which files make the series, and in what order: the date each version states.

A version's date is the latest date among its leading lines (a law's 题注 lists its
adoption and every amendment; the last is this version's), else a year in its file
name (gwr-2024.txt).  ``given`` keeps the order of the command line.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from govtext.formats.detect import DOCUMENT_SUFFIXES
from govtext.history.records import HistoryError
from govtext.numerals import CN_DIGITS, YEAR_DIGITS, cn_value

"""What a folder contributes: its text and govtext XML files."""

HEADER_LINES = 60
"""Leading lines searched for a date (刑法's 题注 alone runs to some 20 lines)."""

HEADER_LINE_CHARS = 120
"""A longer line is body text: the header ends there (dates in the body are history the
text tells, not its own date)."""

_NUM = rf"[0-9]{{1,4}}|[{YEAR_DIGITS}十○Ｏ]{{1,4}}"  # ○ and Ｏ: common stand-ins for 〇
# A date line opens with its date (1979年7月1日 第五届……通过, （2024年3月5日在……上）): a
# date further into a line is one the text mentions (本届政府1998年3月就职), not its own.
_DATE = re.compile(rf"^[\s（(〔【—\-－]*({_NUM})\s*年\s*({_NUM})\s*月\s*(?:({_NUM})\s*日)?")
_NAME_YEAR = re.compile(r"(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})(?![0-9])")
_BODY_START = re.compile(rf"^\s*(第[{CN_DIGITS}]+[编章条]|目\s*录)")
_ZERO = str.maketrans("○Ｏ", "〇〇")


@dataclass(frozen=True, slots=True)
class Dated:
    """A version's date as a sort key and as written in reports."""

    key: tuple[int, int, int]
    text: str


def expand(paths: list[str], note: Callable[[str], None] | None = None) -> list[str]:
    """Files as given; a folder stands for the documents in it (any format govtext reads) in name order.

    In a folder, what is not a regular file (a FIFO named a.txt would block the read
    forever) is passed over, told to ``note``."""
    files: list[str] = []
    for path in paths:
        if path == "-":  # each version is read twice (dating, then parsing in a worker)
            raise HistoryError("standard input cannot be a version: give files or a folder")
        if os.path.isdir(path):
            try:
                listed = os.listdir(path)
            except OSError as exc:
                raise HistoryError(f"{path}: cannot read the folder ({exc.strerror or exc})") from None
            names = []
            for name in sorted(listed):
                if os.path.splitext(name)[1].lower() not in DOCUMENT_SUFFIXES or name.startswith("."):
                    continue
                if _regular(os.path.join(path, name)):
                    names.append(name)
                elif note is not None:
                    note(f"{os.path.join(path, name)}: skipped, not a regular file")
            if not names:
                raise HistoryError(f"{path}: folder holds no documents govtext reads")
            files.extend(os.path.join(path, name) for name in names)
        else:
            files.append(path)
    return files


def _regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)  # follows a link to a file
    except OSError:
        return True  # a dangling link: reading it reports the error


def labels(files: list[str]) -> list[str]:
    """File names without extension, made unique by a #2, #3 … where two are alike."""
    seen: dict[str, int] = {}
    out = []
    for path in files:
        stem = os.path.splitext(os.path.basename(path))[0] or path
        seen[stem] = seen.get(stem, 0) + 1
        out.append(stem if seen[stem] == 1 else f"{stem}#{seen[stem]}")
    return out


def _value(numeral: str) -> int | None:
    numeral = numeral.translate(_ZERO)
    return int(numeral) if numeral.isdigit() else cn_value(numeral)


def header_date(text: str) -> Dated | None:
    """The latest full date in the leading lines of ``text``, or None."""
    best: Dated | None = None
    for line in text.splitlines()[:HEADER_LINES]:
        if _BODY_START.match(line):
            break
        if len(line) > HEADER_LINE_CHARS:
            break
        for match in _DATE.finditer(unicodedata.normalize("NFKC", line)):  # at most one
            year, month = _value(match.group(1)), _value(match.group(2))
            day = _value(match.group(3)) if match.group(3) else 0
            if year is None or month is None or day is None or not (1000 <= year <= 2999 and 1 <= month <= 12):
                continue
            found = Dated((year, month, day), f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else ""))
            if best is None or found.key > best.key:
                best = found
    return best


def name_date(path: str) -> Dated | None:
    """A year in the file name (gwr-2024.txt → 2024), the last one if several."""
    years = _NAME_YEAR.findall(os.path.basename(path))
    return Dated((int(years[-1]), 0, 0), years[-1]) if years else None


def order(files: list[str], texts: list[str], mode: str = "date") -> tuple[list[int], list[str | None]]:
    """Indexes of ``files`` in series order, and each file's date (by input index).

    ``mode`` ``date``: by the date each states (ties keep the given order); ``given``: as listed.
    """
    dates = [header_date(text) or name_date(path) for path, text in zip(files, texts)]
    shown = [d.text if d else None for d in dates]
    if mode == "given":
        return list(range(len(files))), shown
    for path, dated in zip(files, dates):
        if dated is None:
            raise HistoryError(f"{path}: states no date and has no year in its name; "
                               "list the versions in order and use --order given")
    return sorted(range(len(files)), key=lambda k: dates[k].key), shown
