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
from govtext.xmlfmt.digest import describe, first_difference, outline_digest
from govtext.xmlfmt.reader import (
    InconsistentXml,
    Problem,
    build_document,
    check_govtext_root,
    parse_xml,
    schema_problems,
)

__all__ = ["Problem", "validate_bytes"]


def validate_bytes(data: bytes, name: str | None = None, reparse=None) -> list[Problem]:
    """Every problem that keeps ``data`` from being valid govtext XML (empty when valid).

    ``reparse`` (text → root Node, optional) lets a changed outline name its first
    differing node: the text is parsed again and, when that outline is the one the
    archive recorded, compared node by node with the archive's.
    """
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
        doc = build_document(tree)
    except InconsistentXml as exc:
        return [exc.problem]
    if not _matches_sha256(doc.text, doc.source.encoding, doc.source.sha256):
        line = tree.getroot().find("{*}meta/{*}source").sourceline
        return [Problem(line, "the text no longer matches the source's sha256 (edited after export?)")]
    outline = tree.getroot().find("{*}meta/{*}outline")
    if outline is not None:  # archives written before the digest existed have text checks only
        return _outline_problems(tree, doc, outline, reparse)
    return []


def _outline_problems(tree, doc, outline, reparse) -> list[Problem]:
    recorded = (int(outline.get("nodes")), outline.get("sha256"))
    digest = outline_digest(doc.root)
    if _pair(digest) == recorded:
        return []
    reference = reparse(doc.text) if reparse is not None else None
    if reference is not None and _pair(outline_digest(reference)) == recorded:
        found = first_difference(doc.root, reference)
        if found is not None:
            index, ours, theirs = found
            return [Problem(_node_line(tree, index), f"outline edited after export: {describe(ours, theirs)}")]
    message = (f"outline edited after export: its ids, types, kinds, numbers, titles, levels or offsets no longer"
               f" match the recorded sha256 ({digest.nodes} nodes, {recorded[0]} recorded)")
    return [Problem(outline.sourceline, message)]


def _pair(digest) -> tuple[int, str]:
    return digest.nodes, digest.hexdigest()


def _node_line(tree, index: int) -> int | None:
    """Line of the ``index``-th node element (document order), for the problem's line number."""
    document = tree.getroot()[1]
    nodes = (el for el in document.iter("{*}*") if not el.tag.endswith("}char"))
    for position, element in enumerate(nodes):
        if position == index:
            return element.sourceline
    return None


# How a decoded text can be re-encoded to the bytes it came from.  A BOM-led UTF-16/32
# file may have been either byte order; GBK and GB2312 input is recorded as gb18030.
_ENCODINGS = {
    "utf-16": ("\ufeff", ("utf-16-le", "utf-16-be")),
    "utf-32": ("\ufeff", ("utf-32-le", "utf-32-be")),
}


def _matches_sha256(text: str, encoding: str, sha256: str) -> bool:
    """Whether some faithful re-encoding of ``text`` hashes to ``sha256``.

    An encoding Python cannot re-encode with (or a lossy one) is given the benefit of
    the doubt: the check is there to catch edits, not to reject archives.
    """
    import hashlib

    prefix, codecs_ = _ENCODINGS.get(encoding, ("", (encoding,)))
    for codec in codecs_:
        try:
            data = (prefix + text).encode(codec)
        except (LookupError, UnicodeEncodeError):
            return True
        if hashlib.sha256(data).hexdigest() == sha256:
            return True
    return False
