"""Two versions of a law compared article by article, formatting aside.

Used to check a consolidated text against the published one (parse both first):
spaces, ideographic spaces and width forms never count; paragraph breaks do.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass

from govtext.amend.lawtext import Article, LawText, from_document
from govtext.model import Document
from govtext.numerals import CN_DIGITS

_SPACE = re.compile(r"[\s\u3000]+")


def without_space(text: str) -> str:
    """``text`` with every run of whitespace (full-width spaces included) removed."""
    return _SPACE.sub("", text)


@dataclass(frozen=True, slots=True)
class ArticleDifference:
    label: str
    """The article's number (the published text's, or ours where it has none)."""
    ours: str | None
    """Our paragraphs, normalised and joined by ¶; None when we have no such article."""
    theirs: str | None

    def excerpts(self, context: int = 12) -> tuple[str, str]:
        """The first stretch where the two differ, with ``context`` characters around it."""
        a, b = self.ours or "", self.theirs or ""
        start = len(os.path.commonprefix([a, b]))
        tail = len(os.path.commonprefix([a[start:][::-1], b[start:][::-1]]))
        lo = max(start - context, 0)
        return (a[lo:len(a) - tail + context] if self.ours is not None else "",
                b[lo:len(b) - tail + context] if self.theirs is not None else "")

    def __str__(self) -> str:
        return f"{self.label}: ours={self.ours!r} theirs={self.theirs!r}"


def normal_form(article: Article) -> str:
    lines = (without_space(unicodedata.normalize("NFKC", line)) for line in article.lines)
    return "¶".join(line for line in lines if line)


def articles_of(doc: Document) -> dict[str, str]:
    law: LawText = from_document(doc)
    return {a.label: normal_form(a) for a in law.articles()}


def compare_articles(ours: Document, theirs: Document) -> list[ArticleDifference]:
    """Every article whose text differs, or that only one side has, in the published order."""
    a, b = articles_of(ours), articles_of(theirs)
    out = [ArticleDifference(label, a.get(label), text) for label, text in b.items() if a.get(label) != text]
    out.extend(ArticleDifference(label, text, None) for label, text in a.items() if label not in b)
    return out


_NUMBER = re.compile(rf"第[{CN_DIGITS}]+[条款项]")


def explanation(difference: ArticleDifference, instruments) -> str | None:
    """Why an instrument explains ``difference`` without an item for that article, or None (the user's to review).

    Today: an instrument saying 条文中引用X相关条文序号……作相应调整, and an article citing X that differs
    in nothing but article numbers."""
    if difference.ours is None or difference.theirs is None:
        return None
    if _NUMBER.sub("#", difference.ours) != _NUMBER.sub("#", difference.theirs):
        return None
    for instrument in instruments:
        for item in instrument.items:
            for op in item.operations:
                law = getattr(op, "other_law", None)
                if law and law in difference.theirs:
                    return f"{item.number or item.text[:12]} references to {law} follow its new numbering"
    return None
