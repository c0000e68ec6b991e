"""The elements of govtext XML, and how one is read: the parser's safety options, the names of
the vocabulary, a leaf's text with its ``<char>`` escapes, an escaped attribute, and the
problem records.  The streaming pass (:mod:`~govtext.xmlfmt.stream_check`) and the outline
builder (:mod:`~govtext.xmlfmt.reader`) both read elements through this module, so neither
needs the other's insides."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from govtext import model
from govtext.errors import XmlInputError
from govtext.model import LEAF_TYPES
from govtext.xmlfmt import NAMESPACE

_DECLARATIONS = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_UNESCAPE = re.compile(r"\\(\\|u[0-9A-Fa-f]{4})")
_CHAR = f"{{{NAMESPACE}}}char"


PARSER_OPTIONS = dict(
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
"""The options every XML input is parsed with, whole (:func:`make_parser`) or streamed
(:mod:`~govtext.xmlfmt.stream_check`'s iterparse); each safety option spelled out."""

def make_parser() -> etree.XMLParser:
    """The one parser every XML input read whole goes through (:data:`PARSER_OPTIONS`)."""
    return etree.XMLParser(**PARSER_OPTIONS)


def input_label(name: str | None) -> str:
    return name or "input"


def refuse_declarations(data: bytes, label: str) -> None:
    # A cheap scan before libxml2 sees the bytes; UTF-16/32 documents are checked
    # again after parsing through the parsed tree's docinfo.
    match = _DECLARATIONS.search(data)
    if match:
        what = match.group(1).decode().upper()
        raise XmlInputError(f"{label}: refused: XML with a {what} declaration (DTDs and entities are not allowed)")


def first_line(message: str) -> str:
    return (message or "syntax error").strip().splitlines()[0]

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
VOCABULARY = frozenset(
    {"govtext", "meta", "source", "generator", "created", "outline", "document", "char"} | set(LEAF_TYPES) | set(CONTAINER_TYPES)
)

class InconsistentXml(Exception):
    """Schema-valid XML whose offsets, ids or text do not add up."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def attribute(element, name: str) -> str | None:
    value = element.get(name)
    if value is None:
        return None
    if name in (element.get("escaped") or "").split():
        return _UNESCAPE.sub(lambda m: "\\" if m.group(1) == "\\" else chr(int(m.group(1)[1:], 16)), value)
    return value

def leaf_text(element) -> str:
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
