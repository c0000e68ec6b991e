"""A law's text as the amendment tools see it: articles made of paragraph lines.

Built from the parser's tree (:func:`govtext.pipeline.parse_text` finds the
articles); everything between articles — title, 题注, 目录, chapter headings —
is kept verbatim.  Inside an article each line is a 款 (unnumbered), a 项
(（一）) or a 目 (1.), which is how the drafters count them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govtext.model import ARTICLE, Document
from govtext.numerals import CN_DIGITS, cn_value, number_value, zhiyi_value

_CN = f"[{CN_DIGITS}]+"
LABEL = re.compile(rf"^第({_CN}|[0-9]+)条(?:之({_CN}))?")
POINT = re.compile(rf"^[（(]({_CN})[）)]")
SUBPOINT = re.compile(r"^(?:([0-9０-９]{1,3})[.．、]|[（(]([0-9０-９]{1,3})[）)])")
END_MARKS = "。；：，"


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its number, the space after it, its paragraph lines."""

    old_key: tuple[int, int] | None
    """(number, 之X) in the OLD text; None for an article the instrument adds."""
    label: str
    """The number as written: 第一百六十五条, 第一百三十三条之一."""
    sep: str
    """What separates the number from the text (a space, U+3000)."""
    lines: tuple[str, ...]
    """The paragraphs, without line breaks; the first follows the number."""
    protected: tuple[str, ...] = ()
    """Text the instrument wrote: cross-references in it are already in the new numbering."""

    @property
    def key(self) -> tuple[int, int]:
        m = LABEL.match(self.label)
        return (number_value(f"第{m.group(1)}条"), zhiyi_value(self.label) or 0)

    def text(self, newline: str = "\n") -> str:
        return self.label + self.sep + newline.join(self.lines) + newline


@dataclass(frozen=True, slots=True)
class LawText:
    """The whole text: ``parts`` are articles and the verbatim text between them."""

    parts: tuple[Article | str, ...]
    newline: str = "\n"

    def articles(self) -> list[Article]:
        return [p for p in self.parts if isinstance(p, Article)]

    def text(self) -> str:
        return "".join(p.text(self.newline) if isinstance(p, Article) else p for p in self.parts)


def from_document(doc: Document) -> LawText:
    """Split a parsed law into articles and what lies between them."""
    text = doc.text
    newline = "\r\n" if "\r\n" in text else "\n"
    parts: list[Article | str] = []
    pos = 0
    for node in doc.walk():
        if node.type != ARTICLE:
            continue
        start, end = node.span
        if start > pos:
            parts.append(text[pos:start])
        body = text[start:end]
        trailer = ""
        stripped = body.rstrip("\r\n")
        if stripped != body:
            trailer = body[len(stripped):]
        m = LABEL.match(stripped)
        if not m:
            parts.append(body)
            pos = end
            continue
        rest = stripped[m.end():]
        sep = re.match(r"[ \u3000\u00a0\t]*", rest).group()
        lines = tuple(line.rstrip("\r") for line in rest[len(sep):].split("\n"))
        article = Article(None, m.group(), sep, lines)
        parts.append(Article(article.key, article.label, sep, lines))
        # Anything after the article's last line break beyond one newline (blank lines) stays as text.
        if trailer not in ("\n", "\r\n"):
            parts.append(trailer[len(newline):] if trailer.startswith(newline) else trailer)
        pos = end
    if pos < len(text):
        parts.append(text[pos:])
    return LawText(tuple(p for p in parts if p != ""), newline)


@dataclass(frozen=True, slots=True)
class Line:
    """Where a line sits among the article's 款/项/目."""

    index: int
    unit: str
    """``clause``, ``point`` or ``subpoint``."""
    clause: int
    point: int | None
    subpoint: int | None


def classify(lines: tuple[str, ...]) -> list[Line]:
    """Number each line as drafters count: 款 run through the article, 项 restart per 款, 目 per 项."""
    out: list[Line] = []
    clause, point, sub = 0, None, None
    for i, line in enumerate(lines):
        content = line.lstrip(" \u3000\t")
        if i and POINT.match(content):
            point, sub = (point or 0) + 1, None
            out.append(Line(i, "point", clause, point, None))
        elif i and point is not None and SUBPOINT.match(content):
            sub = (sub or 0) + 1
            out.append(Line(i, "subpoint", clause, point, sub))
        elif content or not i:
            clause, point, sub = clause + 1, None, None
            out.append(Line(i, "clause", clause, None, None))
    return out


HEADING = re.compile(rf"^(?P<lead>[ \u3000]*第(?P<num>{_CN})(?P<unit>分编|编|章|节)(?P<sep>[ \u3000]*))(?P<title>[^\r\n]*)", re.M)


@dataclass(frozen=True, slots=True)
class Heading:
    """A 编/分编/章/节 heading line among the text between articles (a code's 分编 sits in its 编; the 章 are
    numbered through the 编, across its 分编)."""

    key: tuple[int | None, str, int]
    """(the 编 a 章 sits in, the 章 a 节 sits in, or None; 编/章/节; its number)."""
    part: int
    """Index into ``LawText.parts``."""
    start: int
    end: int
    """The title's offsets inside that part."""
    title: str


def headings(law: LawText) -> dict[tuple[int | None, str, int], Heading]:
    """The headings by key; a key seen twice (a 目录 before the body) keeps its last line, the body's."""
    found: dict[tuple[int | None, str, int], Heading] = {}
    book: int | None = None
    chapter: int | None = None
    for i, part in enumerate(law.parts):
        if not isinstance(part, str):
            continue
        for m in HEADING.finditer(part):
            number, unit = cn_value(m.group("num")), m.group("unit")
            if unit == "编":
                book, chapter = number, None
            elif unit == "章":
                chapter = number
            key = (None if unit == "编" else chapter if unit == "节" else book, unit, number)  # 分编: in its 编
            found[key] = Heading(key, i, m.start("title"), m.end("title"), m.group("title"))
    return found
