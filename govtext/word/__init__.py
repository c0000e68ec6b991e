"""Word documents (.docx): the one corner of govtext that uses python-docx.

python-docx is an optional extra (``pip install 'govtext[word]'``): only the
对照表 and redline outputs need it, and most users never write Word files.
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
        raise WordUnavailable("Word output needs python-docx: pip install 'govtext[word]'") from None
    return docx
