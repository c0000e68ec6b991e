"""govtext XML → Document, through an explicitly hardened parser.

Hostile input is refused before it can do harm: the parser resolves no entities,
loads no DTD, fetches nothing from the network and keeps libxml2's size limits
(no ``huge_tree``); any DOCTYPE or entity declaration is refused outright, so an
external entity (XXE) can never leak a local file and an entity bomb never
expands.  Everything that goes wrong becomes one :class:`XmlInputError` line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from govtext.errors import XmlInputError
from govtext import model
from govtext.model import LEAF_TYPES, Document, Node, Source, check_lossless
from govtext.xmlfmt import FORMAT, NAMESPACE, VERSION, schema_path

_DECLARATIONS = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_UNESCAPE = re.compile(r"\\(\\|u[0-9A-Fa-f]{4})")
_CHAR = f"{{{NAMESPACE}}}char"


def make_parser() -> etree.XMLParser:
    """The one parser every XML input goes through; each safety option spelled out."""
    return etree.XMLParser(
        resolve_entities=False,  # never substitute entities, internal or external
        no_network=True,  # never fetch a DTD, entity or XInclude over the network
        load_dtd=False,  # ignore external DTDs entirely
        dtd_validation=False,
        huge_tree=False,  # keep libxml2's limits on depth and text size
        remove_blank_text=False,  # whitespace inside leaves is content
        remove_comments=True,
        remove_pis=True,
        strip_cdata=True,
        # Not collect_ids=False: with it lxml 6 / libxml2 2.14 loads an external DTD (a
        # local file read) despite load_dtd=False — tests/test_xml_hostile.py checks it.
    )


def _label(name: str | None) -> str:
    return name or "input"


def _refuse_declarations(data: bytes, label: str) -> None:
    # A cheap scan before libxml2 sees the bytes; UTF-16/32 documents are checked
    # again after parsing through the parsed tree's docinfo.
    match = _DECLARATIONS.search(data)
    if match:
        what = match.group(1).decode().upper()
        raise XmlInputError(f"{label}: refused: XML with a {what} declaration (DTDs and entities are not allowed)")


def parse_xml(data: bytes, name: str | None = None) -> etree._ElementTree:
    """Parse untrusted XML bytes safely; raise XmlInputError for anything hostile or malformed."""
    label = _label(name)
    _refuse_declarations(data, label)
    try:
        tree = etree.ElementTree(etree.fromstring(data, make_parser()))
    except etree.XMLSyntaxError as exc:
        line = f"line {exc.lineno}: " if exc.lineno else ""
        raise XmlInputError(f"{label}: malformed XML: {line}{_first_line(exc.msg)}") from None
    except ValueError as exc:  # e.g. unicode strings with an encoding declaration
        raise XmlInputError(f"{label}: malformed XML: {exc}") from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise XmlInputError(f"{label}: refused: XML with a DOCTYPE declaration (DTDs and entities are not allowed)")
    for entity in tree.getroot().iter(etree.Entity):
        raise XmlInputError(f"{label}: refused: XML with an entity reference ({entity.text})")
    return tree


def _first_line(message: str) -> str:
    return (message or "syntax error").strip().splitlines()[0]


def check_govtext_root(tree: etree._ElementTree, label: str) -> None:
    """Refuse XML that is not govtext's own format, or another version of it."""
    root = tree.getroot()
    qname = etree.QName(root)
    if qname.namespace != NAMESPACE or qname.localname != "govtext":
        found = f"{{{qname.namespace}}}{qname.localname}" if qname.namespace else qname.localname
        raise XmlInputError(
            f"{label}: not govtext XML: the root element is <{found}>, expected <govtext xmlns=\"{NAMESPACE}\">"
        )
    if root.get("format") != FORMAT or root.get("version") != VERSION:
        raise XmlInputError(
            f"{label}: unsupported govtext XML: format {root.get('format')!r} version {root.get('version')!r}"
            f" (this govtext reads {FORMAT} version {VERSION})"
        )


_SCHEMA: etree.RelaxNG | None = None


def schema() -> etree.RelaxNG:
    """govtext's RELAX NG schema, compiled once per process."""
    global _SCHEMA
    if _SCHEMA is None:
        with schema_path().open("rb") as fh:
            _SCHEMA = etree.RelaxNG(etree.parse(fh, make_parser()))
    return _SCHEMA


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a govtext XML file is invalid."""

    line: int | None
    """Line number in the XML file, when known."""

    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


# The node types govtext.rng names as containers (document is the root's child only).
CONTAINER_TYPES = frozenset({
    model.HEADER, model.SECTION, model.ITEM, model.PARAGRAPH, model.ENUMERATION, model.BOOK, model.CHAPTER,
    model.ARTICLE, model.CLAUSE, model.POINT, model.SUBPOINT, model.APPENDIX,
})
_VOCABULARY = frozenset(
    {"govtext", "meta", "source", "generator", "created", "outline", "document", "char"} | set(LEAF_TYPES) | set(CONTAINER_TYPES)
)


def _vocabulary_problems(tree: etree._ElementTree) -> list[Problem]:
    # libxml2's RELAX NG reports an unknown element as "extra content" of an
    # ancestor; naming it at its own line first makes the message useful.
    problems = []
    for element in tree.getroot().iter(etree.Element):
        qname = etree.QName(element)
        if qname.namespace != NAMESPACE or qname.localname not in _VOCABULARY:
            where = f"{{{qname.namespace}}}" if qname.namespace and qname.namespace != NAMESPACE else ""
            problems.append(Problem(element.sourceline, f"unknown element <{where}{qname.localname}>"))
    return problems


def schema_problems(tree: etree._ElementTree) -> list[Problem]:
    """Problems against govtext.rng (unknown elements first, each at its own line)."""
    problems = _vocabulary_problems(tree)
    if problems:
        return problems
    rng = schema()
    if rng.validate(tree):
        return []
    return [Problem(err.line or None, err.message) for err in rng.error_log]


def read_document(data: bytes, name: str | None = None) -> Document:
    """Read govtext XML back into the Document it was written from.

    Raises XmlInputError (one line, naming the first problem and its line) for
    malformed, hostile, non-govtext or inconsistent XML.
    """
    label = _label(name)
    tree = parse_xml(data, name)
    check_govtext_root(tree, label)
    problems = schema_problems(tree)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise XmlInputError(f"{label}: invalid govtext XML: {problems[0]}{more}")
    try:
        return build_document(tree)
    except InconsistentXml as exc:
        raise XmlInputError(f"{label}: invalid govtext XML: {exc.problem}") from None


class InconsistentXml(Exception):
    """Schema-valid XML whose offsets, ids or text do not add up."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _attr(element, name: str) -> str | None:
    value = element.get(name)
    if value is None:
        return None
    if name in (element.get("escaped") or "").split():
        return _UNESCAPE.sub(lambda m: "\\" if m.group(1) == "\\" else chr(int(m.group(1)[1:], 16)), value)
    return value


def build_document(tree: etree._ElementTree) -> Document:
    """Build the Document from schema-valid govtext XML; raise InconsistentXml otherwise."""
    root = tree.getroot()
    meta, document = root[0], root[1]
    source_el = meta[0]
    ids: set[str] = set()
    node = _build_node(document, ids)
    text = "".join(leaf.text or "" for leaf in node.leaves())
    source = Source(
        path=_attr(source_el, "path"),
        sha256=source_el.get("sha256"),
        encoding=source_el.get("encoding"),
        chars=int(source_el.get("chars")),
        format=source_el.get("format", "text"),
        extractor=_attr(source_el, "extractor"),
    )
    if source.chars != len(text):
        raise InconsistentXml(
            Problem(source_el.sourceline, f"source has {source.chars} characters, the leaves join to {len(text)}")
        )
    doc = Document(source=source, text=text, root=node, genre=root.get("genre"))
    try:
        check_lossless(doc)
    except AssertionError as exc:
        raise InconsistentXml(Problem(_line_of(document, str(exc)), f"offsets do not add up: {exc}")) from None
    return doc


def _line_of(document, message: str) -> int | None:
    # check_lossless names the node id first; find its element for a line number.
    match = re.search(r"(?:leaf|node) (\S+)", message)
    if match:
        for element in document.iter():
            if element.get("id") == match.group(1):
                return element.sourceline
    return None


def _build_node(element, ids: set[str]) -> Node:
    node_type = etree.QName(element).localname
    node_id = _attr(element, "id")
    if node_id in ids:
        raise InconsistentXml(Problem(element.sourceline, f"duplicate id {node_id!r}"))
    ids.add(node_id)
    start, end = int(element.get("start")), int(element.get("end"))
    if end < start:
        raise InconsistentXml(Problem(element.sourceline, f"{node_id}: end {end} is before start {start}"))
    level = element.get("level")
    fields = dict(
        id=node_id,
        type=node_type,
        span=(start, end),
        kind=_attr(element, "kind"),
        number=_attr(element, "number"),
        title=_attr(element, "title"),
        level=int(level) if level is not None else None,
    )
    if node_type in LEAF_TYPES:
        text = _leaf_text(element)
        if len(text) != end - start:
            raise InconsistentXml(
                Problem(element.sourceline, f"{node_id}: text has {len(text)} characters, start..end says {end - start}")
            )
        return Node(text=text, **fields)
    children = tuple(_build_node(child, ids) for child in element)
    return Node(children=children, **fields)


def _leaf_text(element) -> str:
    parts = [element.text or ""]
    for char in element:
        if char.tag == _CHAR:
            parts.append(_char(char))
        parts.append(char.tail or "")
    return "".join(parts)


_CODE = re.compile("[0-9A-F]{4,6}")


def _char(element) -> str:
    """The character a ``<char code="000C"/>`` stands for: a Unicode scalar value (a lone
    surrogate such as D800 is none, and could not be written out again as UTF-8)."""
    code = element.get("code") or ""
    value = int(code, 16) if _CODE.fullmatch(code) else -1
    if not 0 <= value <= 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        raise InconsistentXml(Problem(element.sourceline, f"<char code={code[:12]!r}> is not a Unicode character"))
    return chr(value)
