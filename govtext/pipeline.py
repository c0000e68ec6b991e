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
from govtext.textio import DEFAULT_MAX_BYTES, RawInput, decode_input, read_bytes

SAMPLE_NAME = "000_efddb673e37cdc31.txt"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How input is read: the size cap, the encoding (None: detect), undecodable bytes."""

    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None
    errors: str = "strict"


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


_XML_START = re.compile(
    r"(?P<declared><\?xml[\s?]|<!DOCTYPE\s)"  # a declaration or a doctype: XML, whatever follows
    r"|(?:<!--.*?-->\s*)*<(?:[\w.-]+:)?govtext[\s/>]",  # else govtext's root element
    re.DOTALL,
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
    return _XML_START.match(text) is not None


def load(path: str | None = None, lexicon: Lexicon | None = None, options: ReadOptions | None = None,
         warn: Callable[[str], None] | None = None, allow_empty: bool = False) -> Document:
    """Read and parse ``path`` (``-`` for stdin, None for the bundled sample).

    govtext XML is read back into the same tree it was written from.  ``options``
    set the size cap, the encoding and what to do with undecodable bytes; ``warn``
    receives what the reader had to repair (bytes replaced).  ``allow_empty`` reads
    an empty input as the empty document instead of refusing it.
    """
    options = options or ReadOptions()
    raw = RawInput(sample_bytes(), None) if path is None else read_bytes(path, options.max_bytes)
    if looks_like_xml(raw.data):
        from govtext.xmlfmt.reader import read_document  # only XML input pays for lxml

        return read_document(raw.data, raw.name)
    return parse_raw(raw, lexicon, options, warn, allow_empty)


def parse_raw(raw: RawInput, lexicon: Lexicon | None = None, options: ReadOptions | None = None,
              warn: Callable[[str], None] | None = None, allow_empty: bool = False) -> Document:
    options = options or ReadOptions()
    decoded = decode_input(raw.data, raw.name, options.encoding, options.errors, allow_empty)
    if decoded.replaced and warn is not None:
        warn(f"{raw.name or 'input'}: {decoded.replaced} undecodable byte sequence"
             f"{'s' if decoded.replaced > 1 else ''} replaced by U+FFFD as {decoded.encoding} "
             f"(the first at byte offset {decoded.first_replaced})")
    text = decoded.text
    source = Source(path=raw.name, sha256=raw.sha256, encoding=decoded.encoding, chars=len(text))
    if not text.strip():
        return empty_document(text, source)
    return parse(text, source, lexicon)


def empty_document(text: str, source: Source) -> Document:
    """The document of an empty (or whitespace-only) input: nothing but its blank space."""
    blanks = (Node(id="b1", type=BLANK, span=(0, len(text)), text=text),) if text else ()
    return Document(source=source, text=text, root=Node(id="doc", type=DOCUMENT, span=(0, len(text)), children=blanks))


def parse_text(text: str, lexicon: Lexicon | None = None, name: str | None = None) -> Document:
    """Parse an in-memory string (tests, library users)."""
    data = text.encode("utf-8")
    return parse_raw(RawInput(data, name), lexicon)
