"""Document → Akoma Ntoso 3.0 (OASIS LegalDocML), the standard for legislative archives.

Laws become ``<act>``: 编/章/节/条/款/项/目 map to book/chapter/section/article/
paragraph/point/point (目 nest as points inside their 项), with eIds by the AKN
naming convention (``chp_2__sec_1``; ``art_3__para_2__point_1`` — articles are
not prefixed by their chapter, since 条 number continuously through a law).
Policy documents become ``<doc>``: sections are ``<level class="section KIND">``,
items, paragraphs and enumerations ``<hcontainer name="item" class="KIND">``,
and each sentence a ``<span class="measure|statement|lead">`` in its ``<p>``.

Unlike govtext XML this export is not lossless: indentation and blank lines
are dropped, line breaks only separate ``<p>`` blocks, and characters XML 1.0
cannot carry (most C0 controls such as a form feed, U+FFFE/U+FFFF, lone
surrogates) are dropped from every text and attribute written.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from lxml import etree

from govtext import __version__
from govtext.model import (
    APPENDIX, ARTICLE, BLANK, BOOK, CHAPTER, CLAUSE, HEADER, HEADING, LABEL, LINE, POINT, SECTION,
    SENTENCE_TYPES, SUBPOINT, Document, Node,
)
from govtext.numerals import CN_DIGITS, SMALL_DIGITS, YEAR_DIGITS, number_value
from govtext.xmlfmt import XML_ILLEGAL

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

# Law units: govtext node type → (AKN element, eId abbreviation).
LAW_ELEMENTS = {
    BOOK: ("book", "book"),
    CHAPTER: ("chapter", "chp"),
    SECTION: ("section", "sec"),
    ARTICLE: ("article", "art"),
    CLAUSE: ("paragraph", "para"),
    POINT: ("point", "point"),
    SUBPOINT: ("point", "point"),
}
# Policy sections are AKN levels; everything else is an hcontainer named by its type.
POLICY_ELEMENTS = {SECTION: ("level", "lvl")}
# Units whose eId starts afresh instead of under their parent's.
UNPREFIXED = {ARTICLE}

_NUMBER = re.compile(rf"[0-9０-９]+|[{CN_DIGITS}]+|[①-⑳]")
_DATE = re.compile(rf"([0-9]{{4}}|[{YEAR_DIGITS}]{{4}})年([0-9]{{1,2}}|[{SMALL_DIGITS}]{{1,3}})月"
                   rf"([0-9]{{1,2}}|[{SMALL_DIGITS}]{{1,3}})日")
UNKNOWN_DATE = "0001-01-01"

_ILLEGAL = XML_ILLEGAL  # lxml refuses these characters; AKN export drops them
WORK_HASH_CHARS = 8
"""Hex digits of the title's hash in the FRBR work component."""
_VERSION_NOTES = re.compile(r"[（(][^）)]*[）)]|\s+")
"""What a title carries that changes between versions of one work: （2023年修正）, （草案）, spaces."""


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry (AKN export is not lossless)."""
    return _ILLEGAL.sub("", text)


def cn_number(text: str) -> int | None:
    """一百三十三 → 133, ３ → 3, ⑤ → 5; None when ``text`` is not a number (govtext.numerals)."""
    return number_value(text)


def number_part(number: str | None) -> str | None:
    """The eId number of 第一百三十三条之一 (``133-1``), （二） (``2``), 3. (``3``)."""
    if not number:
        return None
    values = [cn_number(match) for match in _NUMBER.findall(number)]
    if not values or None in values:
        return None
    return "-".join(str(value) for value in values)


def stated_dates(text: str) -> list[str]:
    """ISO dates the text states (2023年3月13日, 二〇二二年十月十六日), in order of appearance."""
    dates = []
    for year, month, day in _DATE.findall(text):
        y, m, d = cn_number(year), cn_number(month), cn_number(day)
        if y and m and d and 1 <= m <= 12 and 1 <= d <= 31:
            dates.append(f"{y:04d}-{m:02d}-{d:02d}")
    return dates


def _q(tag: str) -> str:
    return f"{{{AKN_NAMESPACE}}}{tag}"


@dataclass
class _Ids:
    """eIds handed out so far; AKN requires them unique in the document."""

    used: set[str] = field(default_factory=set)

    def make(self, prefix: str, abbr: str, num: str) -> str:
        eid = f"{prefix}__{abbr}_{num}" if prefix else f"{abbr}_{num}"
        candidate, n = eid, 1
        # A repeated number (two 第三条 in a law) becomes art_3__dup_2: a plain "-2" suffix
        # would read as 第三条之二 and collide with it (the old art_3-2-2).
        while candidate in self.used:
            n += 1
            candidate = f"{eid}__dup_{n}"
        self.used.add(candidate)
        return candidate


def to_akn(doc: Document, timestamp=None) -> bytes:
    """``doc`` as an Akoma Ntoso 3.0 document (UTF-8 bytes).  ``timestamp`` is unused: AKN
    output is always reproducible, its dates come from the text."""
    is_law = doc.genre == "law"
    root = etree.Element(_q("akomaNtoso"), nsmap={None: AKN_NAMESPACE})
    headers = [child for child in doc.root.children if child.type == HEADER]
    stated = _stated_title(headers)
    title = stated or _stem(doc) or "untitled"
    doc_el = etree.SubElement(root, _q("act" if is_law else "doc"))
    doc_el.set("name", "act" if is_law else ("report" if "报告" in title else "policy"))
    _meta(etree.SubElement(doc_el, _q("meta")), doc, headers, title, work_name(doc, stated), is_law)
    if headers:
        _preface(etree.SubElement(doc_el, _q("preface")), headers)
    body = etree.SubElement(doc_el, _q("body" if is_law else "mainBody"))
    builder = _Builder(is_law)
    builder.fill_hierarchy(body, [c for c in doc.root.children if c.type != HEADER], "", top=True)
    if not len(body):  # AKN requires content in the body
        etree.SubElement(etree.SubElement(body, _q("hcontainer"), name="text", eId="text_1"), _q("content"))
    _indent(root, 0)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8") + b"\n"


def _stated_title(headers: list[Node]) -> str | None:
    """The title the text states: its header's title, else the header's first line."""
    for header in headers:
        candidates = [header.title] + [leaf.text for leaf in header.leaves() if leaf.type == LINE]
        for candidate in candidates:
            title = xml_safe(candidate or "").strip()
            if title:
                return title
    return None


def _stem(doc: Document) -> str | None:
    """The input file's name without its suffix; None for standard input and the sample."""
    if not doc.source.path or doc.source.path == "-":
        return None
    return xml_safe(re.sub(r"\.[^./\\]+$", "", re.split(r"[/\\]", doc.source.path)[-1])).strip() or None


def work_name(doc: Document, stated_title: str | None) -> str:
    """The FRBR work component, from what the document states, never its file name: the kind
    of document (law, report, policy), then a short hash of its genre, its title without
    notes that change from version to version (（2023年修正）, spaces) and the body that adopted
    it — so every version of one law is one work, and two 政府工作报告 of two governments are
    two.  With no stated title the source's own hash stands in.  Only ``[a-z0-9-]``: safe in a URI.
    """
    from govtext.metadata import adopting_body, describe

    # The title as the ledger reads it: a salutation (各位代表：) or a date line is no title.
    title = _VERSION_NOTES.sub("", describe(doc).title) if stated_title else ""
    kind = "law" if doc.genre == "law" else ("report" if "报告" in title else "policy")
    if title:
        identity = "\n".join((doc.genre, title, adopting_body(doc)))
        digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:WORK_HASH_CHARS]
    else:
        digest = doc.source.sha256[:WORK_HASH_CHARS]
    return f"{kind}-{digest}"


def _meta(meta, doc: Document, headers: list[Node], title: str, work_name: str, is_law: bool) -> None:
    header_text = "".join(h.content() for h in headers) or doc.text[:300]
    dates = sorted(stated_dates(header_text))
    work_date = dates[0] if dates else UNKNOWN_DATE
    expr_date = dates[-1] if dates else UNKNOWN_DATE
    doc_type = "act" if is_law else "doc"
    work = f"/akn/cn/{doc_type}/{work_date[:4]}/{work_name}"
    expression = f"{work}/zho@{expr_date}"
    date_name = "unknown" if not dates else ("enactment" if is_law else "publication")

    ident = etree.SubElement(meta, _q("identification"), source="#govtext")
    parts = (
        ("FRBRWork", work, work_date, date_name, "#author"),
        ("FRBRExpression", expression, expr_date, "amendment" if is_law and len(dates) > 1 else date_name, "#author"),
        ("FRBRManifestation", f"{expression}/!main", expr_date, "generation", "#govtext"),
    )
    for tag, uri, date, name, author in parts:
        frbr = etree.SubElement(ident, _q(tag))
        this = uri if tag == "FRBRManifestation" else f"{uri}/!main"
        etree.SubElement(frbr, _q("FRBRthis"), value=this + (".xml" if tag == "FRBRManifestation" else ""))
        etree.SubElement(frbr, _q("FRBRuri"), value=uri + (".akn" if tag == "FRBRManifestation" else ""))
        etree.SubElement(frbr, _q("FRBRdate"), date=date, name=name)
        etree.SubElement(frbr, _q("FRBRauthor"), href=author)
        if tag == "FRBRWork":
            etree.SubElement(frbr, _q("FRBRcountry"), value="cn")
            etree.SubElement(frbr, _q("FRBRsubtype"), value="law" if is_law else "policy")
            etree.SubElement(frbr, _q("FRBRname"), value=title)
        elif tag == "FRBRExpression":
            etree.SubElement(frbr, _q("FRBRlanguage"), language="zho")
        else:
            etree.SubElement(frbr, _q("FRBRformat"), value="application/akn+xml")
    refs = etree.SubElement(meta, _q("references"), source="#govtext")
    etree.SubElement(refs, _q("TLCOrganization"), eId="govtext", href="/ontology/organization/govtext",
                     showAs=f"govtext {__version__}")
    etree.SubElement(refs, _q("TLCOrganization"), eId="author", href="/ontology/organization/cn.author",
                     showAs="author as stated in the document")


def _preface(preface, headers: list[Node]) -> None:
    first = True
    for header in headers:
        for leaf in header.leaves():
            text = xml_safe(leaf.text).strip()
            if leaf.type == BLANK or not text:
                continue
            p = etree.SubElement(preface, _q("p"))
            if first:
                p.set("class", "title")
                etree.SubElement(p, _q("docTitle")).text = text
                first = False
            else:
                p.text = text


class _Builder:
    """Walks the outline, choosing each unit's AKN element and eId."""

    def __init__(self, is_law: bool) -> None:
        self.is_law = is_law
        self.ids = _Ids()

    def element_for(self, node: Node) -> tuple[str, str, dict[str, str]]:
        """(AKN element, eId abbreviation, extra attributes) for a container node."""
        table = LAW_ELEMENTS if self.is_law else POLICY_ELEMENTS
        if node.type in table:
            tag, abbr = table[node.type]
            attrs = {} if self.is_law else {"class": xml_safe(" ".join(filter(None, (node.type, node.kind))))}
            return tag, abbr, attrs
        attrs = {"name": node.type}
        if node.kind:
            attrs["class"] = xml_safe(node.kind)
        return "hcontainer", node.type, attrs

    def fill_hierarchy(self, parent, children: list[Node], prefix: str, top: bool = False) -> None:
        """Add ``children`` under ``parent`` as AKN hierarchy: intro, units, wrapUp."""
        containers = [i for i, c in enumerate(children) if not c.is_leaf]
        counts: dict[str, int] = {}
        if not containers:
            if top:
                self._text_container(parent, children, prefix, counts)
            else:
                self._blocks(etree.SubElement(parent, _q("content")), children)
            return
        first, last = containers[0], containers[-1]
        if not top and _has_text(children[:first]):
            self._blocks(etree.SubElement(parent, _q("intro")), children[:first])
        elif top:
            self._text_container(parent, children[:first], prefix, counts)
        run: list[Node] = []
        for child in children[first:last + 1]:
            if child.is_leaf:
                run.append(child)
                continue
            self._text_container(parent, run, prefix, counts)
            run = []
            self.unit(parent, child, prefix, counts)
        if not top and _has_text(children[last + 1:]):
            self._blocks(etree.SubElement(parent, _q("wrapUp")), children[last + 1:])
        elif top:
            self._text_container(parent, children[last + 1:], prefix, counts)

    def _text_container(self, parent, leaves: list[Node], prefix: str, counts: dict[str, int]) -> None:
        # Text between units has no AKN unit of its own: a generic container holds it.
        if not _has_text(leaves):
            return
        hc = etree.SubElement(parent, _q("hcontainer"), name="text")
        counts["text"] = counts.get("text", 0) + 1
        hc.set("eId", self.ids.make(prefix, "text", str(counts["text"])))
        self._blocks(etree.SubElement(hc, _q("content")), leaves)

    def unit(self, parent, node: Node, prefix: str, counts: dict[str, int]) -> None:
        tag, abbr, attrs = self.element_for(node)
        counts[abbr] = counts.get(abbr, 0) + 1
        num = (number_part(node.number) if self.is_law else None) or str(counts[abbr])
        eid = self.ids.make("" if node.type in UNPREFIXED else prefix, abbr, num)
        element = etree.SubElement(parent, _q(tag), **attrs)
        element.set("eId", eid)
        if node.type == HEADER:
            self._blocks(etree.SubElement(element, _q("content")), list(node.leaves()))
            return
        number = xml_safe(node.number or "").strip()
        if number:
            etree.SubElement(element, _q("num")).text = number
        heading = node.title if node.type in (BOOK, CHAPTER, SECTION, APPENDIX) else None
        children = list(node.children)
        if heading is None and node.type in (SECTION, APPENDIX):
            heading = "".join(c.text for c in children if c.type == HEADING)
        heading = xml_safe(heading or "").strip()
        if heading:
            etree.SubElement(element, _q("heading")).text = heading
        rest = [c for c in children if c.type not in (HEADING, LABEL)]
        self.fill_hierarchy(element, rest, eid)

    def _blocks(self, container, leaves: list[Node]) -> None:
        """Leaves as ``<p>`` blocks: a line break in a blank ends a block."""
        p = None
        for leaf in leaves:
            if leaf.type == BLANK:
                if "\n" in leaf.text or "\r" in leaf.text:
                    p = None
                continue
            if leaf.type in (HEADING, LABEL):
                continue
            text = xml_safe(leaf.text)
            if not text:
                continue
            if p is None:
                p = etree.SubElement(container, _q("p"))
            if leaf.type in SENTENCE_TYPES and not self.is_law:
                span = etree.SubElement(p, _q("span"))
                span.set("class", leaf.type)
                span.text = text
            elif len(p):
                p[-1].tail = (p[-1].tail or "") + text
            else:
                p.text = (p.text or "") + text


_MIXED = {_q("p"), _q("num"), _q("heading")}


def _indent(element, depth: int) -> None:
    # Like etree.indent, but never inside mixed content: whitespace there would be text.
    if element.tag in _MIXED or not len(element):
        return
    element.text = "\n" + "  " * (depth + 1)
    for child in element:
        _indent(child, depth + 1)
        child.tail = "\n" + "  " * (depth + 1)
    element[-1].tail = "\n" + "  " * depth


def _has_text(leaves: list[Node]) -> bool:
    return any(leaf.type not in (BLANK, HEADING, LABEL) and xml_safe(leaf.text or "").strip() for leaf in leaves)
