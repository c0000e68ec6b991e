"""The result of extracting a document's reading text: the text and where each line came from."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from govtext.errors import InputError

# Runs of spaces as Word and browsers show them: ASCII blanks, tabs, NBSP, en/em/thin
# spaces collapse to one space.  U+3000 (ideographic space) is typed on purpose in 公文
# (第一条　…) and is kept.
_BLANKS = re.compile("[ \t\r\n\f\v\u00a0\u2000-\u200a\u202f\u205f]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def missing_library(what: str, package: str) -> InputError:
    """A dependency left out of a minimal install: say what to install, in one line."""
    return InputError(f"reading {what} needs the {package} package (a govtext dependency): pip install {package}")


def clean_line(text: str) -> str:
    """Collapse blanks to one space, drop zero-width characters, strip the ends."""
    return _BLANKS.sub(" ", _INVISIBLE.sub("", text)).strip(" \u3000")


@dataclass(frozen=True, slots=True)
class Extraction:
    """A document's text as a reader sees it, one paragraph per line."""

    text: str
    """The extracted text: paragraphs joined by ``\\n``."""

    format: str
    """``html``, ``docx``, ``pdf`` or ``doc``."""

    extractor: str
    """Library that read the file and its version, e.g. ``lxml.html 6.1.3``."""

    encoding: str
    """The file's declared or detected text encoding (``binary`` for container formats)."""

    origins: tuple[tuple[int, int, str], ...] = ()
    """One ``(start, end, where)`` per line: an HTML element path, ``paragraph N`` or ``page N``."""

    metadata: tuple[tuple[str, str], ...] = field(default=())
    """What the file states about itself: ``title``, ``date``, ``issuer`` …"""

    warnings: tuple[str, ...] = ()
    """What a reader should check (an HTML body far smaller than its page), one line each."""


def build(lines: Iterable[tuple[str, str]], fmt: str, extractor: str, encoding: str,
          metadata: dict[str, str] | None = None, warnings: list[str] | None = None) -> Extraction:
    """Join ``(line, where)`` pairs (empty lines dropped) into an :class:`Extraction`.

    The text is joined first and each line let go of as its origin is recorded: a reader
    that hands its lines over (a generator keeping no reference) then never holds the
    lines, the joined text and the origins at once (issue 20: memory ≤ 10× the input).
    """
    texts: list[str | None] = []
    wheres: list[str] = []
    for line, where in lines:
        if line:
            texts.append(line)
            wheres.append(where)
    text = "\n".join(texts)  # type: ignore[arg-type]  # no None yet
    origins: list[tuple[int, int, str]] = []
    offset = 0
    for index, where in enumerate(wheres):
        end = offset + len(texts[index])  # type: ignore[arg-type]
        origins.append((offset, end, where))
        texts[index] = None
        offset = end + 1  # the joining newline
    meta = tuple((key, value) for key, value in (metadata or {}).items() if value)
    return Extraction(text, fmt, extractor, encoding, tuple(origins), meta, tuple(warnings or ()))
