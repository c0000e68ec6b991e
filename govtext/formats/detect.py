"""Which format a file is in, decided by its content (magic bytes, zip members, the
HTML root), with the extension only as a tie-breaker for plain text."""

from __future__ import annotations

import re

FORMATS = ("auto", "text", "xml", "html", "docx", "pdf", "doc", "rtf")
"""Values of ``--input-format``; ``auto`` decides by content."""

DOCUMENT_SUFFIXES = frozenset({".txt", ".xml", ".html", ".htm", ".docx", ".doc", ".pdf", ".rtf", ".wps"})
"""Files read as documents when met inside a folder (a file named explicitly is always
read, whatever its name: the content decides its format)."""

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_STREAM = "WordDocument".encode("utf-16-le")
# A markup file is HTML when its first element is one of these (a crawler's fragment
# often starts at a <div> or <table>); anything else starting with < is read as XML.
_HTML_ROOTS = frozenset(
    "html head body meta title div p table span section article main center font br h1 h2 h3 h4 h5 h6 "
    "ul ol li a b strong link style script".split()
)
# Patterns are compiled on first use (re's own cache): a plain text never needs them.
_FIRST_TAG = rb"<\s*([A-Za-z][A-Za-z0-9]*)"
_SKIP_PROLOGUE = rb"\s*(?:<!--.*?-->\s*|<\?xml[^>]*\?>\s*)*"
_DOCTYPE = rb"<!doctype\s+(\w+)"
_XHTML_NS = b"http://www.w3.org/1999/xhtml"
_PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".aspx", ".asp", ".jsp", ".php")
_TEXT_SUFFIXES = (".txt", ".text")
# What only a whole page has: a .txt holding one of these was saved from a browser.
_PAGE_START = rb"<!doctype\s+html|<(?:html|head|body|meta)[\s>/]"
_PAGE_TAGS = rb"<(?:p|div|br|table|body|html)[\s>/]"


def detect(data: bytes, name: str | None = None) -> str:
    """Return ``pdf``, ``docx``, ``doc``, ``rtf``, ``html``, ``xml`` or ``text`` for ``data``."""
    head = data[:1024]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(_OLE2):
        # OLE2 also holds Excel and PowerPoint files: a Word (or WPS 文字) file has a
        # WordDocument stream, named in UTF-16 in the compound file's directory.
        return "doc" if _WORD_STREAM in data else "text"
    if head.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    fmt = _markup_format(data)
    suffix = name.lower() if name else ""
    if fmt == "html" and suffix.endswith(_TEXT_SUFFIXES) and not re.search(_PAGE_START, data[:4096], re.I):
        return "text"  # a .txt opening with an inline tag (<b>标题</b>) is a text, not a page fragment
    if fmt == "text" and suffix.endswith(_PAGE_SUFFIXES) and re.search(_PAGE_TAGS, data[:8192], re.I):
        return "html"  # a page starting with stray text before its first tag: the name breaks the tie
    return fmt


def _zip_format(data: bytes) -> str:
    """A zip with word/document.xml is a .docx; a damaged one still announces itself."""
    # Imported here: zipfile brings pathlib, shutil, bz2 and lzma, which reading a text never needs.
    import zipfile
    from io import BytesIO

    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        # A truncated .docx has no central directory, but its first member's name
        # ([Content_Types].xml, word/...) is in the local header at the very start.
        return "docx" if b"word/" in data[:4096] or b"[Content_Types].xml" in data[:200] else "text"
    return "docx" if "word/document.xml" in names else "text"


def _text_head(data: bytes) -> bytes:
    head = data[:4096]
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(codec, "ignore").encode("utf-8")
    return head.removeprefix(b"\xef\xbb\xbf")


def _markup_format(data: bytes) -> str:
    head = _text_head(data)
    if not head.lstrip().startswith(b"<"):
        return "text"
    doctype = re.search(_DOCTYPE, head[:512], re.I)
    if doctype:
        return "html" if doctype.group(1).lower() == b"html" else "xml"
    rest = head[re.match(_SKIP_PROLOGUE, head, re.S).end():]
    tag = re.match(_FIRST_TAG, rest)
    if not tag or tag.group(1).decode("ascii").lower() not in _HTML_ROOTS:
        return "xml"
    if b"<?xml" in head[:200] and _XHTML_NS not in head:
        # An XML declaration: an HTML-looking root counts only in the XHTML namespace
        # (a saved XHTML page); otherwise it is someone's XML, refused as not govtext's.
        return "xml"
    return "html"
