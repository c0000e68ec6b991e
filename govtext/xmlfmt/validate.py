"""Checking a file against govtext's XML format: schema first, then consistency.

The contract ``govtext validate`` builds on:

- :class:`XmlInputError` — the file cannot be read at all (missing, malformed,
  hostile): the CLI exits 2;
- a non-empty list of :class:`Problem` — well-formed XML that is not valid
  govtext XML (wrong root, schema errors, offsets or ids that do not add up),
  each with its line number: exit 1;
- an empty list — valid: exit 0.
"""

from __future__ import annotations

from govtext.errors import XmlInputError
from govtext.xmlfmt.reader import (
    InconsistentXml,
    Problem,
    build_document,
    check_govtext_root,
    parse_xml,
    schema_problems,
)

__all__ = ["Problem", "validate_bytes"]


def validate_bytes(data: bytes, name: str | None = None) -> list[Problem]:
    """Every problem that keeps ``data`` from being valid govtext XML (empty when valid)."""
    tree = parse_xml(data, name)  # raises XmlInputError: unreadable
    try:
        check_govtext_root(tree, name or "input")
    except XmlInputError as exc:
        # Well-formed but someone else's XML: invalid, not unreadable.
        message = str(exc).split(": ", 1)[1]
        return [Problem(tree.getroot().sourceline, message)]
    problems = schema_problems(tree)
    if problems:
        return problems
    try:
        build_document(tree)
    except InconsistentXml as exc:
        return [exc.problem]
    return []
