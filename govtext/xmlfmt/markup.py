"""A small element builder for XML that other packages write without touching lxml.

The diff report (:mod:`govtext.report.xml_report`) builds plain :class:`Element`
values; :func:`to_bytes` serialises them through lxml, which stays inside
``govtext.xmlfmt``.  :func:`relaxng_problems` checks bytes against a RELAX NG schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Element:
    """One element to write: namespace-less tag, attributes in order, text, children."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    text: str | None = None
    children: list[Element] = field(default_factory=list)

    def add(self, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> Element:
        """Append a child element and return it."""
        child = Element(tag, dict(attrs or {}), text)
        self.children.append(child)
        return child


def to_bytes(root: Element, namespace: str, pretty: bool = True) -> bytes:
    """``root`` in ``namespace`` as UTF-8 bytes with an XML declaration (lxml's pretty print)."""
    from lxml import etree

    def build(parent, element: Element):
        node = etree.SubElement(parent, f"{{{namespace}}}{element.tag}", element.attrs)
        node.text = element.text
        for child in element.children:
            build(node, child)

    top = etree.Element(f"{{{namespace}}}{root.tag}", root.attrs, nsmap={None: namespace})
    top.text = root.text
    for child in root.children:
        build(top, child)
    return etree.tostring(top, pretty_print=pretty, xml_declaration=True, encoding="UTF-8")


def relaxng_problems(data: bytes, schema: bytes) -> list[str]:
    """``line N: message`` for each problem of ``data`` against the RELAX NG ``schema``."""
    from lxml import etree

    from govtext.xmlfmt.elements import make_parser

    rng = etree.RelaxNG(etree.fromstring(schema, make_parser()))
    doc = etree.fromstring(data, make_parser())
    if rng.validate(doc):
        return []
    return [f"line {err.line}: {err.message}" for err in rng.error_log]
