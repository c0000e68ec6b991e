"""Word documents written (.docx): python-docx's writing corner (govtext.formats.docx
reads them).  python-docx is a dependency of govtext; imported here on first use, so
only the 对照表 and redline outputs pay for it.
"""

from __future__ import annotations

import re

from govtext.errors import GovtextError


class WordUnavailable(GovtextError):
    """python-docx is not installed."""


def require_docx():
    """The ``docx`` module, or a one-line error saying how to get it."""
    try:
        import docx
    except ImportError:
        raise WordUnavailable("Word output needs python-docx: pip install python-docx") from None
    return docx


# What XML 1.0 cannot carry (python-docx refuses it with a ValueError): C0 controls but
# tab, LF and CR; U+FFFE/U+FFFF; lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
LINE_BREAK = "\x0b"
"""Word's own manual line break (Shift+Enter) as it reads back in text: written as ``<w:br/>``."""


def word_pieces(text: str) -> list[str]:
    """``text`` split at Word's manual line breaks (vertical tab, form feed), every other
    character XML cannot carry shown as ``\\x07`` (as govtext.escape shows it), so the
    document is written instead of failing; the pieces are joined by line breaks."""
    return [_NOT_XML.sub(_shown, piece) for piece in re.split("[\x0b\x0c]", text)]


def word_line(text: str) -> str:
    """``text`` for a one-line field (the document title): line breaks become spaces."""
    return " ".join(word_pieces(text))


PROPERTY_LIMIT = 255
"""The longest core property (title, author) python-docx writes — Word's own limit; longer raises."""


def word_property(text: str) -> str:
    """``text`` for a core property: one line, cut to :data:`PROPERTY_LIMIT` characters with
    an ellipsis (a law's title, or a whole first line taken as the title, can be longer)."""
    line = word_line(text)
    return line if len(line) <= PROPERTY_LIMIT else line[: PROPERTY_LIMIT - 1] + "…"


def _shown(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
