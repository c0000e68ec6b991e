"""Document → govtext XML (format ``govtext/xml``, version 1).

Output is deterministic: the same Document gives byte-identical XML, indented
two spaces per level, with no timestamp unless one is passed in.  It is written
incrementally (lxml's ``xmlfile``), node by node, so memory stays near the size of
the tree itself rather than of a second, lxml copy of it.  Every
character of the text is kept: leaves hold their slice verbatim (CR is written
as ``&#13;`` by the serialiser so parsers cannot normalise it away), and the
few characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE/U+FFFF)
become ``<char code="000C"/>`` elements inside the leaf.
"""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape
from typing import Iterator

from lxml import etree

from govtext import __version__
from govtext.model import Document, Node
from govtext.xmlfmt import FORMAT, NAMESPACE, VERSION, XML_ILLEGAL
from govtext.xmlfmt.digest import outline_digest

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
INDENT = "  "

_ILLEGAL = XML_ILLEGAL
# Node attributes in the order they are written; each maps to a Node field.
_ATTRIBUTES = ("kind", "number", "title", "level")


def _q(tag: str) -> str:
    return f"{{{NAMESPACE}}}{tag}"


def escape_attribute(value: str) -> str:
    """Reversible escape for the rare attribute value holding illegal characters."""
    value = value.replace("\\", "\\\\")
    return _ILLEGAL.sub(lambda m: f"\\u{ord(m.group()):04X}", value)


def to_xml(doc: Document, timestamp: datetime | None = None) -> bytes:
    """Serialise ``doc`` as govtext XML (UTF-8 bytes, with XML declaration)."""
    return b"".join(iter_xml(doc, timestamp))


class _Sink:
    """Collects what xmlfile writes, handed on in pieces of about ``CHUNK`` bytes."""

    CHUNK = 1 << 16

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.muted = False

    def write(self, data: bytes) -> None:
        if not self.muted:
            self.parts.append(data)
            self.size += len(data)

    def take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts, self.size = [], 0
        return data


def iter_xml(doc: Document, timestamp: datetime | None = None) -> Iterator[bytes]:
    """govtext XML in pieces of about 64 KB, produced as they are written."""
    sink = _Sink()
    with etree.xmlfile(sink, encoding="UTF-8", buffered=False) as xf:
        # xmlfile would declare the xml: prefix on the root (tostring never does), so the
        # root's start tag is written here and lxml's own version of it discarded.
        sink.muted = True
        with xf.element(_q("govtext"), nsmap={None: NAMESPACE}):
            xf.write("")
            sink.muted = False
            sink.write(b'<?xml version="1.0" encoding="UTF-8"?>\n' + _root_tag(doc.genre))
            xf.write("\n" + INDENT)
            _write_meta(xf, doc, timestamp)
            xf.write("\n" + INDENT)
            for _ in _write_node(xf, sink, doc.root, 1):
                yield sink.take()
            xf.write("\n")
    sink.write(b"\n")
    yield sink.take()


def _root_tag(genre: str) -> bytes:
    attrs = {"format": FORMAT, "version": VERSION, "genre": genre}
    quoted = " ".join(f'{name}="{escape(value, quote=True)}"' for name, value in attrs.items())
    return f'<govtext xmlns="{NAMESPACE}" {quoted} xml:space="preserve">'.encode("utf-8")


def _empty(xf, tag: str, attrs: dict[str, str], tail: str | None = None) -> None:
    # An element without content, written <tag …/> as tostring() does (xmlfile's own
    # element() would write <tag …></tag>).  Un-namespaced on purpose: it inherits the
    # default namespace, where a namespaced one would be written with a fresh ns0 prefix.
    element = etree.Element(tag, attrs)
    element.tail = tail
    xf.write(element)


def _write_meta(xf, doc: Document, timestamp: datetime | None) -> None:
    pad = "\n" + INDENT * 2
    with xf.element(_q("meta")):
        xf.write(pad)
        source = {}
        if doc.source.path is not None:
            _set(source, "path", doc.source.path)
        source.update(sha256=doc.source.sha256, encoding=doc.source.encoding, chars=str(doc.source.chars))
        if doc.source.format != "text":  # an HTML/Word/PDF original: the leaves hold its extracted text
            source["format"] = doc.source.format
            if doc.source.extractor:
                _set(source, "extractor", doc.source.extractor)
        _empty(xf, "source", source, pad)
        _empty(xf, "generator", {"name": "govtext", "version": __version__}, pad)
        if timestamp is not None:
            with xf.element(_q("created")):
                xf.write(timestamp.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
            xf.write(pad)
        digest = outline_digest(doc.root)
        _empty(xf, "outline", {"nodes": str(digest.nodes), "sha256": digest.hexdigest()}, "\n" + INDENT)


def _set(attrs: dict[str, str], name: str, value: str) -> None:
    if _ILLEGAL.search(value) is None:
        attrs[name] = value
        return
    attrs[name] = escape_attribute(value)
    escaped = attrs.get("escaped")
    attrs["escaped"] = f"{escaped} {name}" if escaped else name


def _attributes(node: Node) -> dict[str, str]:
    attrs: dict[str, str] = {}
    _set(attrs, "id", node.id)
    for name in _ATTRIBUTES:
        value = getattr(node, name)
        if value is not None:
            _set(attrs, name, str(value))
    attrs["start"] = str(node.span[0])
    attrs["end"] = str(node.span[1])
    return attrs


def _write_node(xf, sink: _Sink, node: Node, depth: int) -> Iterator[None]:
    """Write ``node``; yields whenever the sink holds a piece worth handing on."""
    text = node.text
    if not text and not node.children:
        _empty(xf, node.type, _attributes(node))
        return
    with xf.element(_q(node.type), _attributes(node)):
        if text is not None:
            _write_text(xf, text)
        else:
            inner = "\n" + INDENT * (depth + 1)
            for child in node.children:
                xf.write(inner)
                yield from _write_node(xf, sink, child, depth + 1)
            xf.write("\n" + INDENT * depth)
    if sink.size >= sink.CHUNK:
        yield


def _write_text(xf, text: str) -> None:
    pieces = _ILLEGAL.split(text)
    xf.write(pieces[0])
    for illegal, piece in zip(_ILLEGAL.findall(text), pieces[1:]):
        _empty(xf, "char", {"code": f"{ord(illegal):04X}"}, piece)
