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
        doc = build_document(tree)
    except InconsistentXml as exc:
        return [exc.problem]
    # Text extracted from HTML/Word/PDF: sha256 names the original file, not the text.
    if doc.source.format == "text" and not _matches_sha256(doc.text, doc.source.encoding, doc.source.sha256):
        line = tree.getroot().find("{*}meta/{*}source").sourceline
        return [Problem(line, "the text no longer matches the source's sha256 (edited after export?)")]
    return []


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
