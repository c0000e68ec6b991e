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
# One quote as a piece of a clause pattern: no group, so the patterns name their own.
QUOTED = "\ue000\\d+\ue001"


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
            raise QuoteError(f"quotation opened at “{text[i + 1:i + 13].splitlines()[0]}… is not closed")
        paragraphs.append("".join(current))
        out.append(PLACEHOLDER.format(len(quotes)))
        quotes.append(tuple(paragraphs))
        i = j + 1
    return "".join(out), tuple(quotes)


def curl_ascii_quotes(text: str) -> str:
    """Scraped texts sometimes write "……" for “……”: read the ASCII marks in pairs, opening first.

    Only where no curly mark is used and the ASCII ones pair up; anything else is left to fail
    (and be named) rather than guessed.
    """
    if '"' not in text or OPEN in text or CLOSE in text or text.count('"') % 2:
        return text
    parts = text.split('"')
    return "".join(part + (OPEN if i % 2 == 0 else CLOSE) for i, part in enumerate(parts[:-1])) + parts[-1]


_BARE_PAYLOAD = re.compile(r"[：:][ \u3000\t]*\n(?=[ \u3000\t]*[^\s“])")


def quote_bare_payload(text: str) -> str:
    """Court drafting sometimes gives the new text with no quotation marks at all:
    将第一条修改为：⏎甲。⏎乙。 — the paragraphs after a clause ending with ： are the payload."""
    m = _BARE_PAYLOAD.search(text)
    if not m or OPEN in text[:m.start()]:
        return text
    paragraphs = [p.strip(" \u3000\t\r") for p in text[m.end():].split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return text
    return text[:m.start() + 1] + OPEN + ("\n" + OPEN).join(paragraphs) + CLOSE


def as_law_text(paragraph: str) -> str:
    """Quoted words as they read in the law: inner ‘……’ are the law's “……”."""
    return paragraph.replace("‘", "“").replace("’", "”")
