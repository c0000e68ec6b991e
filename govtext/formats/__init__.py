"""Reading documents as people get them: HTML pages, Word files (.docx, .doc) and PDFs.

:func:`extract` turns the bytes of such a file into the text a reader sees (one
paragraph per line) plus where each line came from; the pipeline then parses that
text like any other.  Each third-party library lives in the one module that reads its
format and is imported only when a file of that format is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govtext.formats.detect import DOCUMENT_SUFFIXES, FORMATS, detect

if TYPE_CHECKING:
    from govtext.formats.extraction import Extraction

__all__ = ["DOCUMENT_SUFFIXES", "EXTRACTED", "FORMATS", "Extraction", "detect", "extract"]

# format → (module, function); imported lazily so reading a .txt never loads lxml/docx/pdf code.
_EXTRACTORS = {
    "html": ("govtext.formats.html", "extract_html"),
    "docx": ("govtext.formats.docx", "extract_docx"),
    "pdf": ("govtext.formats.pdf", "extract_pdf"),
    "doc": ("govtext.formats.doc", "extract_doc"),
    "rtf": ("govtext.formats.doc", "extract_rtf"),
}
EXTRACTED = frozenset(_EXTRACTORS)
"""Formats read through an extractor (the others, ``text`` and ``xml``, are read directly)."""


def __getattr__(name: str):
    # Extraction is imported when first asked for: reading a plain text never builds one.
    if name == "Extraction":
        from govtext.formats.extraction import Extraction

        return Extraction
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extract(data: bytes, fmt: str, name: str | None = None, revisions: str = "new",
            max_bytes: int | None = None) -> Extraction:
    """Extract the reading text of ``data`` in format ``fmt`` (one of :data:`EXTRACTED`).

    ``revisions`` is ``new`` (tracked changes accepted) or ``old`` (rejected); only
    Word formats have them.  ``max_bytes`` caps what a Word file may unpack to (the
    --max-bytes cap; None: the default).  Raises :class:`govtext.errors.InputError` for files that
    cannot be read (corrupt, scanned, no body text, missing converter).
    """
    from importlib import import_module

    module, function = _EXTRACTORS[fmt]
    reader = getattr(import_module(module), function)
    if fmt in ("docx", "doc", "rtf"):
        return reader(data, name, revisions=revisions, **({} if max_bytes is None else {"max_bytes": max_bytes}))
    return reader(data, name)
