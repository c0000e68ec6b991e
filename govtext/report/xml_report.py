"""The XML report (format ``govtext/diff`` version 1, namespace ``urn:govtext:diff:1``).

Validates against ``diff-report.rng`` shipped beside this module
(:func:`schema_errors`).  The report is built as plain elements and serialised by
:mod:`govtext.xmlfmt.markup`: lxml stays inside ``govtext.xmlfmt``.
"""

from __future__ import annotations

from importlib import resources

from govtext.diff.records import DiffResult, Side
from govtext.report.json_report import FORMAT, VERSION
from govtext.xmlfmt import XML_ILLEGAL
from govtext.xmlfmt.markup import Element, relaxng_problems, to_bytes

NAMESPACE = "urn:govtext:diff:1"
SCHEMA = "diff-report.rng"


def _clean(text: str) -> str:
    # XML 1.0 cannot carry most C0 controls; a report shows them as U+FFFD.
    return XML_ILLEGAL.sub("\ufffd", text)


def _source(parent: Element, tag: str, source) -> None:
    el = parent.add(tag)
    if source.path is not None:
        el.attrs["path"] = _clean(source.path)
    el.attrs.update(sha256=source.sha256, encoding=source.encoding, chars=str(source.chars))


def _side(parent: Element, tag: str, side: Side | None) -> None:
    if side is None:
        return
    el = parent.add(tag, {"id": side.id, "type": side.type})
    if side.number is not None:
        el.attrs["number"] = _clean(side.number)
    if side.title is not None:
        el.attrs["title"] = _clean(side.title)
    el.attrs.update(start=str(side.span[0]), end=str(side.span[1]))
    path = el.add("path")
    for step in side.path:
        path.add("step", text=_clean(step))
    el.add("text", text=_clean(side.text))


def build(result: DiffResult) -> Element:
    root = Element("diff", {"format": FORMAT, "version": str(VERSION)})
    _source(root, "old", result.old)
    _source(root, "new", result.new)
    summary = root.add("summary")
    for kind, n in result.summary.items():
        summary.add("count", {"kind": kind, "n": str(n)})
    changes = root.add("changes")
    for change in result.changes:
        el = changes.add("change", {"kind": change.change, "similarity": f"{change.similarity:g}"})
        if change.pinned:
            el.attrs["pinned"] = "true"
        if change.by_topic:
            el.attrs["by-topic"] = "true"
        if change.change == "replaced-throughout":
            el.attrs["mechanical"] = "true" if change.mechanical else "false"
        if change.substitution:
            el.attrs["substitution-old"] = _clean(change.substitution[0])
            el.attrs["substitution-new"] = _clean(change.substitution[1])
        _side(el, "old", change.old)
        _side(el, "new", change.new)
        for tag, parts in (("old-part", change.old_parts), ("new-part", change.new_parts)):
            for part in parts:
                _side(el, tag, part)
        for edit in change.edits:
            e = el.add("edit", {
                "op": edit.op,
                "old-start": str(edit.old_span[0]), "old-end": str(edit.old_span[1]),
                "new-start": str(edit.new_span[0]), "new-end": str(edit.new_span[1]),
            })
            e.add("old", text=_clean(edit.old))
            e.add("new", text=_clean(edit.new))
    terms = root.add("terms")
    for term in result.terms:
        el = terms.add("term", {"kind": term.kind, "term": _clean(term.term)})
        if term.old_term is not None:
            el.attrs["old-term"] = _clean(term.old_term)
        if term.scale is not None:
            el.attrs["scale"] = term.scale
        el.attrs.update({"old-count": str(term.old_count), "new-count": str(term.new_count)})
        for side, where in (("old", term.old_where), ("new", term.new_where)):
            for occ in where:
                w = el.add("where", {"side": side, "id": occ.id, "label": _clean(occ.label)})
                for step in occ.path:
                    w.add("step", text=_clean(step))
    return root


def render(result: DiffResult, side_by_side: bool = False, show_all: bool = False) -> str:
    return to_bytes(build(result), NAMESPACE).decode("utf-8")


def schema_errors(data: bytes) -> list[str]:
    """Problems of an XML report against the shipped schema (empty when valid)."""
    return relaxng_problems(data, (resources.files("govtext.report") / SCHEMA).read_bytes())
