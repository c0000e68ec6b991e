"""Diff reports: one renderer per format, looked up by name.

Each module has ``render(result, side_by_side=False, show_all=False)`` returning the report
(``str``; a Rich renderable for ``terminal``).  Renderers only format the
records of a :class:`~govtext.diff.records.DiffResult`; they never recompute
the diff.  ``FORMATS`` drives the CLI's ``--format`` choices.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

FORMATS: dict[str, str] = {
    "terminal": "govtext.report.terminal",
    "text": "govtext.report.text",
    "json": "govtext.report.json_report",
    "xml": "govtext.report.xml_report",
    "html": "govtext.report.html",
    "markdown": "govtext.report.markdown",
}

#: Formats drawn from the two documents as well as the diff, for lawyers:
#: ``render_documents(result, old_doc, new_doc, output=..., all_articles=...)``.
DOCUMENT_FORMATS: dict[str, str] = {
    "decision": "govtext.report.decision",
    "table": "govtext.report.table",
    "redline": "govtext.report.redline",
}


def renderer(name: str) -> ModuleType:
    """The renderer module for format ``name`` (imported on first use)."""
    return import_module(FORMATS.get(name) or DOCUMENT_FORMATS[name])


def render_report(name: str, result, **options):
    """Format ``name``'s report, passing only the options its ``render`` takes
    (``side_by_side``, ``show_all``, …): a format without an option ignores it."""
    from inspect import signature

    render = renderer(name).render
    accepted = signature(render).parameters
    return render(result, **{k: v for k, v in options.items() if k in accepted})
