"""Quoted text in an instrument: where each “……” begins and ends.

Drafting convention: a quoted passage of several paragraphs opens every
paragraph with “ (court decisions often only the first) and closes only the last with ”; quotes inside quoted text are
written ‘……’ (they become “……” in the law).  The grammar works on the item with
each quote replaced by a placeholder, so its patterns never see quoted words.
"""

from __future__ import annotations

import re

OPEN, CLOSE = "“", "”"
# A quote in the placeholder string: \ue000 INDEX \ue001.
PLACEHOLDER = "\ue000{}\ue001"
PLACEHOLDER_RE = re.compile("\ue000(\\d+)\ue001")


class QuoteError(ValueError):
    """A quotation mark opened and never closed (a truncated instrument)."""


def extract_quotes(text: str) -> tuple[str, tuple[tuple[str, ...], ...]]:
    """``text`` with every top-level quote replaced by a placeholder, and the quotes' paragraphs."""
    out: list[str] = []
    quotes: list[tuple[str, ...]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch != OPEN:
            out.append(ch)
            i += 1
            continue
        depth, j, paragraphs, current = 1, i + 1, [], []
        while j < n and depth:
            c = text[j]
            if c == "\n":
                # A paragraph break inside the quote: the next paragraph reopens with “.
                nxt = j + 1
                while nxt < n and text[nxt] in " \u3000\t\r":
                    nxt += 1
                # Court style leaves the inner paragraphs without their opening “.
                paragraphs.append("".join(current).rstrip("\r"))
                current = []
                j = nxt + 1 if nxt < n and text[nxt] == OPEN and depth == 1 else nxt
                continue
            if c == OPEN:
                depth += 1
            elif c == CLOSE:
                depth -= 1
                if not depth:
                    break
            current.append(c)
            j += 1
        if depth:
            raise QuoteError(f"quotation opened at “{text[i + 1:i + 13]}… is not closed")
        paragraphs.append("".join(current))
        out.append(PLACEHOLDER.format(len(quotes)))
        quotes.append(tuple(paragraphs))
        i = j + 1
    return "".join(out), tuple(quotes)


def as_law_text(paragraph: str) -> str:
    """Quoted words as they read in the law: inner ‘……’ are the law's “……”."""
    return paragraph.replace("‘", "“").replace("’", "”")
