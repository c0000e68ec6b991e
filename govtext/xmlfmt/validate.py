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

from itertools import zip_longest

from govtext.xmlfmt.digest import describe, outline_digest, records
from govtext.xmlfmt.elements import Problem
from govtext.xmlfmt.stream_check import archived_outline, outline_changed, stream_problems

__all__ = ["Problem", "validate_bytes", "validate_file"]


def validate_file(path: str, name: str | None = None, reparse=None) -> list[Problem]:
    """:func:`validate_bytes` of a file, read from disk in chunks (never held whole)."""
    return _validate(path, name or path, reparse)


def validate_bytes(data: bytes, name: str | None = None, reparse=None) -> list[Problem]:
    """Every problem that keeps ``data`` from being valid govtext XML (empty when valid).

    Checked in one streaming pass (:mod:`govtext.xmlfmt.stream_check`), so memory stays
    near the file's size.  ``reparse`` (text → root Node, optional) lets a changed
    outline name its first differing node: the text is parsed again and, when that
    outline is the one the archive recorded, compared node by node with the archive's.
    """
    return _validate(data, name, reparse)


def _validate(data, name: str | None, reparse) -> list[Problem]:
    """``data``: bytes, or a file's path (:mod:`~govtext.xmlfmt.stream_check` reads either)."""
    problems, outline = stream_problems(data, name)  # raises XmlInputError: unreadable
    if problems or outline is None or outline["computed"] == outline["recorded"]:
        return problems
    recorded = outline["recorded"]
    if reparse is not None:
        text, archived = archived_outline(data, name)
        reference = reparse(text)
        if reference is not None and _pair(outline_digest(reference)) == recorded:
            for mine, theirs in zip_longest(archived, records(reference)):
                ours, line = mine if mine is not None else (None, None)
                if ours != theirs:
                    where = line if ours is not None else outline["line"]
                    return [Problem(where, f"outline edited after export: {describe(ours, theirs)}")]
    return [outline_changed(outline)]


def _pair(digest) -> tuple[int, str]:
    return digest.nodes, digest.hexdigest()


