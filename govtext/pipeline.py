"""The whole read side of govtext in one screen: bytes → text or XML → Document.

Every command that takes a document goes through :func:`load`, so a text file,
standard input, govtext XML and the bundled sample are accepted alike.
"""

from __future__ import annotations

import os

from govtext.lexicon import Lexicon
from govtext.model import Document, Source
from govtext.parse import parse
from govtext.textio import RawInput, decode, read_bytes

SAMPLE_NAME = "000_efddb673e37cdc31.txt"


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


def looks_like_xml(data: bytes) -> bool:
    """A leading ``<`` (after a BOM and whitespace), in UTF-8 or UTF-16."""
    head = data[:128]
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[2:].decode(codec, "ignore").encode("utf-8")
            break
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def load(path: str | None = None, lexicon: Lexicon | None = None) -> Document:
    """Read and parse ``path`` (``-`` for stdin, None for the bundled sample).

    govtext XML is read back into the same tree it was written from.
    """
    raw = RawInput(sample_bytes(), None) if path is None else read_bytes(path)
    if looks_like_xml(raw.data):
        from dataclasses import replace

        from govtext.parse.diagnostics import find_diagnostics
        from govtext.xmlfmt.reader import read_document  # only XML input pays for lxml

        # Diagnostics are not archived: recomputed, they read the same as for the text.
        doc = read_document(raw.data, raw.name)
        return replace(doc, diagnostics=find_diagnostics(doc.root))
    text, source = _decoded(raw)
    del raw  # the bytes are not needed while parsing: freed, they lower the peak by the input's size
    return parse(text, source, lexicon)


def _decoded(raw: RawInput) -> tuple[str, Source]:
    text, encoding = decode(raw.data, raw.name)
    return text, Source(path=raw.name, sha256=raw.sha256, encoding=encoding, chars=len(text))


def parse_raw(raw: RawInput, lexicon: Lexicon | None = None) -> Document:
    text, source = _decoded(raw)
    return parse(text, source, lexicon)


def parse_text(text: str, lexicon: Lexicon | None = None, name: str | None = None) -> Document:
    """Parse an in-memory string (tests, library users)."""
    data = text.encode("utf-8")
    return parse_raw(RawInput(data, name), lexicon)
