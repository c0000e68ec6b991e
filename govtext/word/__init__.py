"""Word documents written (.docx): python-docx's writing corner (govtext.formats.docx
reads them).  python-docx is a dependency of govtext; imported here on first use, so
only the 对照表 and redline outputs pay for it.
"""

from __future__ import annotations

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
