"""One item being read: its quotes, the context its clauses continue, its operations so far.

The rule table (:mod:`govtext.amend.grammar`) hands each clause it matches, with this item, to a
handler (:mod:`govtext.amend.word_clauses`, :mod:`govtext.amend.unit_clauses`); it lives apart so
that the handlers need not import the table that calls them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from govtext.amend.ops import Operation, Target
from govtext.amend.quotes import PLACEHOLDER_RE, as_law_text
from govtext.amend.references import Context


Quotes = tuple[tuple[str, ...], ...]


@dataclass
class ItemBeingRead:
    """One item being read: its quotes, its context, its operations so far."""

    quotes: Quotes
    ctx: Context
    ops: list[Operation]
    text_part: tuple[str, Target | None] | None = None
    """The paragraph before the articles a words clause last named, and the unit last named then."""

    def lines(self, placeholders: str | None) -> tuple[str, ...]:
        """All paragraphs of the (possibly several adjacent) quotes."""
        out: list[str] = []
        for qm in PLACEHOLDER_RE.finditer(placeholders or ""):
            out.extend(as_law_text(p) for p in self.quotes[int(qm.group(1))])
        return tuple(out)

    def each(self, placeholders: str | None) -> list[tuple[str, ...]]:
        """Each quote's paragraphs separately."""
        return [tuple(as_law_text(p) for p in self.quotes[int(qm.group(1))])
                for qm in PLACEHOLDER_RE.finditer(placeholders or "")]

    def word(self, placeholder: str) -> str:
        return "".join(self.lines(placeholder))

    def wait(self, op: Operation) -> None:
        self.ctx.awaiting = len(self.ops)
        self.ops.append(op)


Rule = Callable[[re.Match, ItemBeingRead], None]
