"""The XML report (format ``govtext/diff`` version 1, namespace ``urn:govtext:diff:1``).

Validates against ``diff-report.rng`` shipped beside this module
(:func:`schema_errors`).  lxml is imported here only, when the format is chosen.
"""

from __future__ import annotations

import re
from importlib import resources

from govtext.diff.records import DiffResult, Side
from govtext.report.json_report import FORMAT, VERSION

NAMESPACE = "urn:govtext:diff:1"
SCHEMA = "diff-report.rng"
# XML 1.0 cannot carry most C0 controls; a report shows them as U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _q(tag: str) -> str:
    return f"{{{NAMESPACE}}}{tag}"


def _source(parent, tag: str, source) -> None:
    from lxml import etree

    el = etree.SubElement(parent, _q(tag))
    if source.path is not None:
        el.set("path", _clean(source.path))
    el.set("sha256", source.sha256)
    el.set("encoding", source.encoding)
    el.set("chars", str(source.chars))


def _side(parent, tag: str, side: Side | None) -> None:
    from lxml import etree

    if side is None:
        return
    el = etree.SubElement(parent, _q(tag), id=side.id, type=side.type)
    if side.number is not None:
        el.set("number", _clean(side.number))
    if side.title is not None:
        el.set("title", _clean(side.title))
    el.set("start", str(side.span[0]))
    el.set("end", str(side.span[1]))
    path = etree.SubElement(el, _q("path"))
    for step in side.path:
        etree.SubElement(path, _q("step")).text = _clean(step)
    etree.SubElement(el, _q("text")).text = _clean(side.text)


def build(result: DiffResult):
    from lxml import etree

    root = etree.Element(_q("diff"), nsmap={None: NAMESPACE})
    root.set("format", FORMAT)
    root.set("version", str(VERSION))
    _source(root, "old", result.old)
    _source(root, "new", result.new)
    summary = etree.SubElement(root, _q("summary"))
    for kind, n in result.summary.items():
        etree.SubElement(summary, _q("count"), kind=kind, n=str(n))
    changes = etree.SubElement(root, _q("changes"))
    for change in result.changes:
        el = etree.SubElement(changes, _q("change"), kind=change.change, similarity=f"{change.similarity:g}")
        if change.pinned:
            el.set("pinned", "true")
        if change.substitution:
            el.set("substitution-old", _clean(change.substitution[0]))
            el.set("substitution-new", _clean(change.substitution[1]))
        _side(el, "old", change.old)
        _side(el, "new", change.new)
        for tag, parts in (("old-part", change.old_parts), ("new-part", change.new_parts)):
            for part in parts:
                _side(el, tag, part)
        for edit in change.edits:
            e = etree.SubElement(el, _q("edit"), op=edit.op)
            e.set("old-start", str(edit.old_span[0]))
            e.set("old-end", str(edit.old_span[1]))
            e.set("new-start", str(edit.new_span[0]))
            e.set("new-end", str(edit.new_span[1]))
            etree.SubElement(e, _q("old")).text = _clean(edit.old)
            etree.SubElement(e, _q("new")).text = _clean(edit.new)
    terms = etree.SubElement(root, _q("terms"))
    for term in result.terms:
        el = etree.SubElement(terms, _q("term"), kind=term.kind, term=_clean(term.term))
        if term.old_term is not None:
            el.set("old-term", _clean(term.old_term))
        if term.scale is not None:
            el.set("scale", term.scale)
        el.set("old-count", str(term.old_count))
        el.set("new-count", str(term.new_count))
        for side, where in (("old", term.old_where), ("new", term.new_where)):
            for occ in where:
                w = etree.SubElement(el, _q("where"), side=side, id=occ.id, label=_clean(occ.label))
                for step in occ.path:
                    etree.SubElement(w, _q("step")).text = _clean(step)
    return root


def render(result: DiffResult, side_by_side: bool = False, show_all: bool = False) -> str:
    from lxml import etree

    data = etree.tostring(build(result), pretty_print=True, xml_declaration=True, encoding="UTF-8")
    return data.decode("utf-8")


def schema_errors(data: bytes) -> list[str]:
    """Problems of an XML report against the shipped schema (empty when valid)."""
    from lxml import etree

    schema_doc = etree.fromstring((resources.files("govtext.report") / SCHEMA).read_bytes())
    schema = etree.RelaxNG(schema_doc)
    doc = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    if schema.validate(doc):
        return []
    return [f"line {err.line}: {err.message}" for err in schema.error_log]
