"""Hostile text kept off the terminal: control characters shown, never obeyed.

A document may carry terminal control sequences (ESC[2J clears the screen,
ESC]0;…BEL sets the window title) or bidi overrides that make text read in
another order than it is stored.  Everything govtext prints for a person —
the terminal tree, text and terminal diff reports — passes input text through
:func:`visible`; JSON and XML keep the characters exactly (lossless stays lossless).
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the bidi embedding,
# override and isolate controls (U+202A–202E, U+2066–2069).  A carriage return is
# harmless right before a newline (CRLF texts) but alone it moves the cursor back
# over what was printed, hiding it, so a lone one is shown.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every unsafe character written as ``\\x1b`` / ``\\u202e``."""
    return _UNSAFE.sub(_escaped, text) if _UNSAFE.search(text) else text


def is_safe(text: str) -> bool:
    """True when :func:`visible` would leave ``text`` unchanged."""
    return _UNSAFE.search(text) is None


_LINE_BREAKS = re.compile("[\n\r]")


def one_line(text: str) -> str:
    """:func:`visible`, with line breaks shown too: for what must stay one line (an error
    naming a file whose name holds a newline)."""
    return _LINE_BREAKS.sub(lambda m: "\\n" if m.group() == "\n" else "\\r", visible(text))


def html_text(text: str) -> str:
    """Text for an HTML page: controls and bidi overrides shown as :func:`visible` does, then
    ``<>&"'`` escaped (quotes too: the result may go in an attribute)."""
    from html import escape

    return escape(visible(text))


# What a spreadsheet reads as the start of a formula (=1+1, +cmd|…, -2+3, @SUM), and the tab
# and carriage return some of them skip before looking (OWASP's CSV injection advice).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: one that would start a formula is prefixed
    with ``'`` (which Excel, LibreOffice and Google Sheets hide and treat as "text")."""
    return "'" + text if text.startswith(_FORMULA_START) else text
