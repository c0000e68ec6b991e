"""Document → govtext XML (format ``govtext/xml``, version 1).

Output is deterministic: the same Document gives byte-identical XML, indented
two spaces per level, with no timestamp unless one is passed in.  Every
character of the text is kept: leaves hold their slice verbatim (CR is written
as ``&#13;`` by the serialiser so parsers cannot normalise it away), and the
few characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE/U+FFFF)
become ``<char code="000C"/>`` elements inside the leaf.
"""

from __future__ import annotations

from datetime import datetime, timezone

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
    root = etree.Element(_q("govtext"), nsmap={None: NAMESPACE})
    root.set("format", FORMAT)
    root.set("version", VERSION)
    root.set("genre", doc.genre)
    root.set(XML_SPACE, "preserve")
    root.text = "\n" + INDENT
    meta = etree.SubElement(root, _q("meta"))
    meta.tail = "\n" + INDENT
    _write_meta(meta, doc, timestamp)
    _write_node(root, doc.root, 1)
    root[-1].tail = "\n"
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


def _write_meta(meta, doc: Document, timestamp: datetime | None) -> None:
    pad = "\n" + INDENT * 2
    meta.text = pad
    source = etree.SubElement(meta, _q("source"))
    if doc.source.path is not None:
        _set(source, "path", doc.source.path)
    source.set("sha256", doc.source.sha256)
    source.set("encoding", doc.source.encoding)
    source.set("chars", str(doc.source.chars))
    source.tail = pad
    generator = etree.SubElement(meta, _q("generator"))
    generator.set("name", "govtext")
    generator.set("version", __version__)
    generator.tail = pad
    if timestamp is not None:
        created = etree.SubElement(meta, _q("created"))
        created.text = timestamp.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        created.tail = pad
    digest = outline_digest(doc.root)
    outline = etree.SubElement(meta, _q("outline"))
    outline.set("nodes", str(digest.nodes))
    outline.set("sha256", digest.hexdigest())
    outline.tail = "\n" + INDENT


def _set(element, name: str, value: str) -> None:
    if _ILLEGAL.search(value) is None:
        element.set(name, value)
        return
    element.set(name, escape_attribute(value))
    escaped = element.get("escaped")
    element.set("escaped", f"{escaped} {name}" if escaped else name)


def _write_node(parent, node: Node, depth: int) -> None:
    element = etree.SubElement(parent, _q(node.type))
    _set(element, "id", node.id)
    for name in _ATTRIBUTES:
        value = getattr(node, name)
        if value is not None:
            _set(element, name, str(value))
    element.set("start", str(node.span[0]))
    element.set("end", str(node.span[1]))
    element.tail = "\n" + INDENT * depth
    if node.text is not None:
        _write_text(element, node.text)
    elif node.children:
        element.text = "\n" + INDENT * (depth + 1)
        for child in node.children:
            _write_node(element, child, depth + 1)
        element[-1].tail = "\n" + INDENT * depth


def _write_text(element, text: str) -> None:
    pieces = _ILLEGAL.split(text)
    element.text = pieces[0]
    for illegal, piece in zip(_ILLEGAL.findall(text), pieces[1:]):
        char = etree.SubElement(element, _q("char"))
        char.set("code", f"{ord(illegal):04X}")
        char.tail = piece
