"""govtext's XML: the archive format ``govtext/xml`` (version 1) and Akoma Ntoso export.

lxml is imported only inside this package.  One job per module:

- :mod:`~govtext.xmlfmt.writer` — Document → govtext XML bytes
- :mod:`~govtext.xmlfmt.reader` — govtext XML (bytes or a file) → Document, built in the streaming pass
- :mod:`~govtext.xmlfmt.validate` — schema (``govtext.rng``) and consistency checks
- :mod:`~govtext.xmlfmt.akn` — Document → Akoma Ntoso 3.0
- :mod:`~govtext.xmlfmt.digest` — the outline digest ``validate`` and the reader check
- :mod:`~govtext.xmlfmt.stream_check` — the one streaming pass: ``validate``'s checks, the reader's nodes
- :mod:`~govtext.xmlfmt.unique_ids` — duplicate ids found in that pass without holding every id
- :mod:`~govtext.xmlfmt.markup` — plain elements other packages build, serialised here
"""

from __future__ import annotations

import re
from importlib import resources

FORMAT = "govtext/xml"
"""The format's name, written in the root's ``format`` attribute."""

VERSION = "1"
"""The format's version; readers refuse others.  Bump it for any incompatible change."""

NAMESPACE = "urn:govtext:xml:1"
"""Namespace of every govtext XML element."""

SCHEMA_NAME = "govtext.rng"

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot carry even as character references (most C0 controls, lone
surrogates, U+FFFE/U+FFFF): the one definition every XML writer in govtext uses."""


def schema_path():
    """The RELAX NG schema shipped inside the package (a Traversable)."""
    return resources.files(__name__) / SCHEMA_NAME


# Export formats by name (the CLI's --format choices): module and function.
EXPORTERS = {
    "govtext": ("govtext.xmlfmt.writer", "to_xml"),
    "akn": ("govtext.xmlfmt.akn", "to_akn"),
}


def export(doc, fmt: str = "govtext", timestamp=None) -> bytes:
    """``doc`` as XML bytes in format ``fmt`` (a key of :data:`EXPORTERS`)."""
    from importlib import import_module

    module_name, function = EXPORTERS[fmt]
    return getattr(import_module(module_name), function)(doc, timestamp=timestamp)


def export_pieces(doc, fmt: str = "govtext", timestamp=None):
    """Like :func:`export`, as an iterable of byte pieces: govtext XML is streamed."""
    if fmt == "govtext":
        from govtext.xmlfmt.writer import iter_xml

        return iter_xml(doc, timestamp)
    return [export(doc, fmt, timestamp)]
