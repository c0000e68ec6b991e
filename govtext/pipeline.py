"""The whole read side of govtext in one screen: bytes → text or XML → Document.

Every command that takes a document goes through :func:`load`, so a text file,
standard input, govtext XML and the bundled sample are accepted alike.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass

from govtext.lexicon import Lexicon
from govtext.model import BLANK, DOCUMENT, Document, Node, Source
from govtext.parse import parse
from govtext.textio import DEFAULT_MAX_BYTES, RawInput, decode_input, read_bytes, streamable_file

SAMPLE_NAME = "000_efddb673e37cdc31.txt"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How input is read: the size cap, the encoding (None: detect), undecodable bytes,
    the format (``auto``: decided by content) and which Word revisions to read."""

    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None
    errors: str = "strict"
    input_format: str = "auto"
    """``auto``, or one of ``text xml html docx pdf doc rtf`` to override detection."""
    revisions: str = "new"
    """Word tracked changes: ``new`` reads them accepted, ``old`` rejected."""


def sample_bytes() -> bytes:
    """The bundled sample (加强和创新社会治理), shipped inside the package from ``seeds/``."""
    # A plain path, not importlib.resources: the package is always installed as files,
    # and start-up stays light.
    here = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(here, "seeds", SAMPLE_NAME)
    if not os.path.isfile(packaged):
        # Editable installs and source checkouts: the repository's seeds/ folder.
        packaged = os.path.join(os.path.dirname(here), "seeds", SAMPLE_NAME)
    with open(packaged, "rb") as fh:
        return fh.read()


# Compiled on first use (re's own cache): only input opening with < is ever matched.
_XML_START = (
    r"(?P<declared><\?xml[\s?]|<!DOCTYPE\s)"  # a declaration or a doctype: XML, whatever follows
    # else govtext's root element, or the <document> inside it (an archive cut down by hand):
    # no text opens with either English word as a tag, and a malformed one must be refused.
    r"|(?:<!--.*?-->\s*)*<(?:[\w.-]+:)?(?:govtext|document)[\s/>]"
)
_XML_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"\xef\xbb\xbf", "utf-8"))


def looks_like_xml(data: bytes) -> bool:
    """An XML declaration, a doctype, or a ``govtext`` root element, in UTF-8 or UTF-16 —
    not any leading ``<``: a text may well open with one (<标题>, <<…>>)."""
    head, codec = data[:4096], "utf-8"
    for bom, name in _XML_BOMS:
        if head.startswith(bom):
            head, codec = head[len(bom):], name
            break
    else:
        # UTF-16 without a BOM: every other byte of ASCII markup is NUL.
        if len(head) >= 4 and head[0] == head[2] == 0 and head[1] and head[3]:
            codec = "utf-16-be"
        elif len(head) >= 4 and head[1] == head[3] == 0 and head[0] and head[2]:
            codec = "utf-16-le"
    text = head.decode(codec, "ignore").lstrip(" \t\r\n")
    return text.startswith("<") and re.match(_XML_START, text, re.DOTALL) is not None


def load(path: str | None = None, lexicon: Lexicon | None = None, options: ReadOptions | None = None,
         warn: Callable[[str], None] | None = None, allow_empty: bool = False) -> Document:
    """Read and parse ``path`` (``-`` for stdin, None for the bundled sample).

    govtext XML is read back into the same tree it was written from; HTML, Word and PDF
    files are parsed from the text :mod:`govtext.formats` extracts.  ``options`` set the
    size cap, the encoding, what to do with undecodable bytes, the input format and
    Word revisions; ``warn`` receives what the reader had to repair (bytes replaced).
    ``allow_empty`` reads an empty input as the empty document instead of refusing it.
    """
    options = options or ReadOptions()
    if path is not None and _archive_file(path, options):
        return _read_archive(path, warn)  # streamed from disk: the file's bytes are never held whole
    raw = RawInput(sample_bytes(), None) if path is None else read_bytes(path, options.max_bytes)
    from govtext.formats import EXTRACTED, detect

    fmt = detect(raw.data, raw.name) if options.input_format == "auto" else options.input_format
    if fmt in EXTRACTED:
        return parse_extracted(raw, fmt, lexicon, options.revisions, options.max_bytes, warn)
    if _is_archive(fmt, raw.data, options):
        return _read_archive(raw, warn)
    text, source = _decoded(raw, options, warn, allow_empty)
    del raw  # the bytes are not needed while parsing: freed, they lower the peak by the input's size
    return _parsed(text, source, lexicon)


def _is_archive(fmt: str, head: bytes, options: ReadOptions) -> bool:
    # Markup that is no web page is govtext XML only when it says so (a declaration, a
    # doctype or the govtext root): a text may well open with <标题>.
    return fmt == "xml" and (options.input_format == "xml" or looks_like_xml(head))


_HEAD = 8192
"""What :func:`govtext.formats.detect` and :func:`looks_like_xml` read of markup (the rest
decides only zip and Word files, which are never XML)."""


def _archive_file(path: str, options: ReadOptions) -> bool:
    """True when ``path`` is a regular file holding govtext XML, told from its head alone."""
    if options.input_format not in ("auto", "xml") or not streamable_file(path, options.max_bytes):
        return False
    from govtext.formats import detect

    with open(path, "rb") as fh:
        head = fh.read(_HEAD)
    fmt = detect(head, path) if options.input_format == "auto" else "xml"
    return _is_archive(fmt, head, options)


def _read_archive(raw: RawInput | str, warn: Callable[[str], None] | None) -> Document:
    """govtext XML (a file's path, streamed from disk, or bytes read already) as its Document;
    what its digests say of it goes to ``warn``."""
    from dataclasses import replace

    from govtext.parse.diagnostics import find_diagnostics
    from govtext.xmlfmt.reader import read_document, read_file  # only XML input pays for lxml

    doc = read_file(raw, warn=warn) if isinstance(raw, str) else read_document(raw.data, raw.name, warn)
    # Diagnostics are not archived: recomputed, they read the same as for the text.
    return replace(doc, diagnostics=find_diagnostics(doc.root))


def read_text(path: str, options: ReadOptions | None = None, warn: Callable[[str], None] | None = None) -> str:
    """The text of ``path`` as :func:`load` would parse it, without parsing it when it is
    plain text (dating a version, reading an instrument): Word, PDF and web pages give the
    text a reader sees, govtext XML the text it archives."""
    options = options or ReadOptions()
    if _archive_file(path, options):
        return load(path, None, options, warn).text
    raw = read_bytes(path, options.max_bytes)
    from govtext.formats import EXTRACTED, detect

    fmt = detect(raw.data, raw.name) if options.input_format == "auto" else options.input_format
    if fmt in EXTRACTED or _is_archive(fmt, raw.data, options):
        return load(path, None, options, warn).text
    return _decoded(raw, options, warn, False)[0]


def parse_raw(raw: RawInput, lexicon: Lexicon | None = None, options: ReadOptions | None = None,
              warn: Callable[[str], None] | None = None, allow_empty: bool = False) -> Document:
    text, source = _decoded(raw, options or ReadOptions(), warn, allow_empty)
    return _parsed(text, source, lexicon)


def _decoded(raw: RawInput, options: ReadOptions, warn: Callable[[str], None] | None,
             allow_empty: bool) -> tuple[str, Source]:
    decoded = decode_input(raw.data, raw.name, options.encoding, options.errors, allow_empty)
    if decoded.replaced and warn is not None:
        warn(f"{raw.name or 'input'}: {decoded.replaced} undecodable byte sequence"
             f"{'s' if decoded.replaced > 1 else ''} replaced by U+FFFD as {decoded.encoding} "
             f"(the first at byte offset {decoded.first_replaced})")
    text = decoded.text
    return text, Source(path=raw.name, sha256=raw.sha256, encoding=decoded.encoding, chars=len(text))


def _parsed(text: str, source: Source, lexicon: Lexicon | None) -> Document:
    if not text.strip():
        return empty_document(text, source)
    return parse(text, source, lexicon)


def parse_extracted(raw: RawInput, fmt: str, lexicon: Lexicon | None = None, revisions: str = "new",
                    max_bytes: int = DEFAULT_MAX_BYTES, warn: Callable[[str], None] | None = None) -> Document:
    from govtext.formats import extract

    got = extract(raw.data, fmt, raw.name, revisions=revisions, max_bytes=max_bytes)
    for message in got.warnings if warn is not None else ():
        warn(message)
    source = Source(path=raw.name, sha256=raw.sha256, encoding=got.encoding, chars=len(got.text), format=fmt,
                    extractor=got.extractor, origins=got.origins, metadata=got.metadata)
    return parse(got.text, source, lexicon)


def empty_document(text: str, source: Source) -> Document:
    """The document of an empty (or whitespace-only) input: nothing but its blank space."""
    blanks = (Node(id="b1", type=BLANK, span=(0, len(text)), text=text),) if text else ()
    return Document(source=source, text=text, root=Node(id="doc", type=DOCUMENT, span=(0, len(text)), children=blanks))


def parse_text(text: str, lexicon: Lexicon | None = None, name: str | None = None) -> Document:
    """Parse an in-memory string (tests, library users)."""
    data = text.encode("utf-8")
    return parse_raw(RawInput(data, name), lexicon)
