"""Text → govtext XML → tree gives the same outline, and the leaves still join to the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govtext.model import LEAF_TYPES, Document, Node, Source, check_lossless
from govtext.outline_json import document_to_dict
from govtext.pipeline import load, parse_text
from govtext.xmlfmt.reader import read_document
from govtext.xmlfmt.writer import to_xml

from conftest import CORPUS_REASON, SAMPLE, corpus_cases, corpus_files, fixture_files
from xml_helpers import assert_govtext_valid


def assert_round_trip(doc: Document) -> Document:
    data = to_xml(doc)
    back = read_document(data, "archive.xml")
    assert document_to_dict(back)["root"] == document_to_dict(doc)["root"]
    assert "".join(leaf.text for leaf in back.leaves()) == doc.text
    assert back.text == doc.text and back.source == doc.source and back.genre == doc.genre
    check_lossless(back)
    return back


@pytest.mark.parametrize("path", [SAMPLE, *fixture_files()], ids=lambda p: p.stem)
def test_sample_and_fixtures_round_trip(path):
    assert_round_trip(load(str(path)))


@pytest.mark.skipif(not corpus_files(), reason=CORPUS_REASON)
@pytest.mark.parametrize("path", corpus_cases(), ids=lambda p: p.stem)
def test_corpus_round_trip(path):
    doc = load(str(path))
    back = assert_round_trip(doc)
    assert back == doc  # frozen dataclasses: the whole Document, source included


def test_xml_of_read_back_is_identical():
    data = to_xml(load(None))
    assert to_xml(read_document(data)) == data


def test_load_reads_archives(tmp_path):
    archive = tmp_path / "archive.xml"
    archive.write_bytes(to_xml(load(None)))
    assert load(str(archive)).root == load(None).root


# --- property tests -----------------------------------------------------------

FRAGMENTS = [
    "一、", "（一）", "（二）", "1.", "①", "第一章 总则", "第一条 ", "第二条　", "第一节 ", "一是", "二是",
    "要加强领导。", "完善社会治理体制", "推进改革，", "应当依法办理。", "市域是重大矛盾风险的产生地。",
    "附件：", "　　", " ", "\t", "\n", "\r\n", "\n\n", "；", "：", "“枫桥经验”", "2023年3月13日", "A", "\u00a0",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40))
def test_parsed_texts_round_trip(pieces):
    text = "".join(pieces)
    if not text.strip():
        return  # empty input is refused before parsing
    assert_round_trip(parse_text(text))


# Arbitrary trees: any text (control characters, lone CR, U+FFFE …) and any attributes.
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_ATTR = st.none() | st.text(st.characters(blacklist_categories=("Cs",)), max_size=6)
_CONTAINERS = ["section", "item", "paragraph", "chapter", "article", "clause", "point"]
_LEAVES = sorted(LEAF_TYPES)


def _tree():
    leaf = st.tuples(st.just("leaf"), st.sampled_from(_LEAVES), _TEXT, _ATTR)
    return st.recursive(
        leaf,
        lambda children: st.tuples(st.just("box"), st.sampled_from(_CONTAINERS), st.lists(children, max_size=4), _ATTR),
        max_leaves=25,
    )


def _build(spec, node_id: str, pos: int) -> tuple[Node, int]:
    tag, node_type, payload, attr = spec
    if tag == "leaf":
        end = pos + len(payload)
        return Node(id=node_id, type=node_type, span=(pos, end), text=payload, number=attr), end
    children, start = [], pos
    for i, child in enumerate(payload):
        node, pos = _build(child, f"{node_id}/{i}", pos)
        children.append(node)
    return Node(id=node_id, type=node_type, span=(start, pos), title=attr, kind="system" if attr else None,
                level=1 if attr else None, children=tuple(children)), pos


@settings(max_examples=150, deadline=None)
@given(st.lists(_tree(), max_size=5), st.sampled_from(["policy", "law"]), _ATTR)
def test_any_tree_round_trips(specs, genre, path):
    children, pos = [], 0
    for i, spec in enumerate(specs):
        node, pos = _build(spec, f"n{i}", pos)
        children.append(node)
    root = Node(id="doc", type="document", span=(0, pos), children=tuple(children))
    text = "".join(leaf.text for leaf in root.leaves())
    doc = Document(Source(path, "a" * 64, "utf-8", len(text)), text, root, genre)
    data = to_xml(doc)
    assert_govtext_valid(data)
    assert read_document(data) == doc
