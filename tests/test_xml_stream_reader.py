"""Reading an archive back in one streaming pass (issue 22): the same Document the whole-tree
reader built, the same refusals, the archive's digests checked on the way."""

from __future__ import annotations

import itertools
import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from govtext.cli import main
from govtext.errors import XmlInputError
from govtext.model import LEAF_TYPES, Document, Node, Source
from govtext.pipeline import load
from govtext.xmlfmt.digest import canonical_line
from govtext.xmlfmt.elements import attribute, leaf_text, make_parser
from govtext.xmlfmt.reader import read_document, read_file
from govtext.xmlfmt.validate import validate_bytes
from govtext.xmlfmt.writer import to_xml

from conftest import CORPUS_REASON, FIXTURES, GOLDEN, corpus_cases, corpus_files

NS = "{urn:govtext:xml:1}"


def whole_tree_read(data: bytes) -> Document:
    """What the reader did before it streamed: lxml's whole tree, then the outline from it
    (kept here as the reference the streaming reader must equal)."""
    root = etree.fromstring(data, make_parser())
    meta, document = root[0], root[1]

    def build(element) -> Node:
        level = element.get("level")
        fields = dict(id=attribute(element, "id"), type=etree.QName(element).localname,
                      span=(int(element.get("start")), int(element.get("end"))), kind=attribute(element, "kind"),
                      number=attribute(element, "number"), title=attribute(element, "title"),
                      level=int(level) if level is not None else None)
        if fields["type"] in LEAF_TYPES:
            return Node(text=leaf_text(element), **fields)
        return Node(children=tuple(build(child) for child in element), **fields)

    node = build(document)
    source_el = meta[0]
    source = Source(path=attribute(source_el, "path"), sha256=source_el.get("sha256"),
                    encoding=source_el.get("encoding"), chars=int(source_el.get("chars")),
                    format=source_el.get("format", "text"), extractor=attribute(source_el, "extractor"))
    text = "".join(leaf.text for leaf in node.leaves())
    return Document(source=source, text=text, root=node, genre=root.get("genre"))


def _archives() -> list:
    paths = sorted(p for p in (GOLDEN / "xml").glob("*.xml") if not p.name.endswith(".akn.xml"))
    assert paths, "tests/golden/xml holds the fixtures' archives"
    return paths


@pytest.mark.parametrize("path", _archives(), ids=lambda p: p.stem)
def test_every_fixture_archive_reads_as_the_whole_tree_reader_read_it(path):
    data = path.read_bytes()
    doc = read_file(str(path))
    assert doc == whole_tree_read(data) == read_document(data, path.name)
    assert to_xml(doc) == data  # and writes back byte for byte


@pytest.mark.skipif(not corpus_files(), reason=CORPUS_REASON)
@pytest.mark.parametrize("path", corpus_cases(), ids=lambda p: p.stem)
def test_every_corpus_archive_reads_as_the_whole_tree_reader_read_it(tmp_path, path):
    data = to_xml(load(str(path)))
    archive = tmp_path / "a.xml"
    archive.write_bytes(data)
    doc = read_file(str(archive))
    assert doc == whole_tree_read(data)
    assert to_xml(doc) == data


# Any tree: ids that do or do not extend their parent's, leaves carrying a number, any text.
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=10)
_ATTR = st.none() | st.text(st.characters(blacklist_categories=("Cs",)), max_size=5)


def _spec():
    leaf = st.tuples(st.just("leaf"), st.sampled_from(sorted(LEAF_TYPES)), _TEXT, _ATTR, st.booleans())
    return st.recursive(leaf, lambda kids: st.tuples(
        st.just("box"), st.sampled_from(["section", "item", "article", "clause", "point"]),
        st.lists(kids, max_size=4), _ATTR, st.booleans()), max_leaves=30)


def _node(spec, node_id: str, pos: int, fresh) -> tuple[Node, int]:
    tag, node_type, payload, attr, nested_id = spec
    if tag == "leaf":
        return Node(id=node_id, type=node_type, span=(pos, pos + len(payload)), text=payload, number=attr), \
            pos + len(payload)
    children, start = [], pos
    for i, child in enumerate(payload):
        child_id = f"{node_id}/c{i}" if child[4] else f"u{next(fresh)}"
        node, pos = _node(child, child_id, pos, fresh)
        children.append(node)
    return Node(id=node_id, type=node_type, span=(start, pos), title=attr, level=1 if attr else None,
                children=tuple(children)), pos


@settings(max_examples=80, deadline=None)
@given(st.lists(_spec(), max_size=4), st.sampled_from(["policy", "law"]))
def test_any_tree_round_trips_through_file_and_bytes_alike(tmp_path_factory, specs, genre):
    children, pos, fresh = [], 0, itertools.count()
    for i, spec in enumerate(specs):
        node, pos = _node(spec, f"n{i}", pos, fresh)
        children.append(node)
    root = Node(id="doc", type="document", span=(0, pos), children=tuple(children))
    text = "".join(leaf.text for leaf in root.leaves())
    doc = Document(Source("a.txt", "0" * 64, "utf-8", len(text)), text, root, genre)
    data = to_xml(doc)
    path = tmp_path_factory.mktemp("archive") / "a.xml"
    path.write_bytes(data)
    back = read_file(str(path))
    assert back == read_document(data) == whole_tree_read(data) == doc
    assert [leaf.text for leaf in back.leaves()] == [leaf.text for leaf in doc.leaves()]
    assert to_xml(back) == data


@settings(max_examples=200, deadline=None)
@given(st.tuples(st.integers(0, 9), _ATTR.filter(lambda v: v is not None), st.sampled_from(sorted(LEAF_TYPES)),
                 _ATTR, _ATTR, _ATTR, st.none() | st.integers(0, 9), st.integers(0, 10**7), st.integers(0, 10**7)))
def test_the_canonical_line_is_json_dumps_of_the_record(record):
    expected = json.dumps(list(record), ensure_ascii=False, separators=(",", ":")) + "\n"
    assert canonical_line(record) == expected.encode("utf-8")


# --- refusals: as before, and as validate says them -----------------------------------

def _law_archive() -> bytes:
    return to_xml(load(str(FIXTURES / "law-basic.txt")))


@pytest.mark.parametrize("cut", [0.02, 0.1, 0.33, 0.5, 0.77, 0.95, 0.999])
def test_a_truncated_archive_exits_2_with_one_line(tmp_path, cut):
    data = _law_archive()
    path = tmp_path / "cut.xml"
    path.write_bytes(data[:int(len(data) * cut)])
    for args in (["tree", str(path)], ["diff", str(path), str(FIXTURES / "law-basic.txt")]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2 and result.stdout == "", (args, result.output)
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"govtext: error: {path}: malformed XML: line ")


@pytest.mark.parametrize("old, new", [
    ('<blank id="ch1/a2/b1"', '<blank id="ch1/a1/b1"'),  # a duplicate id
    ('chars="', 'chars="1'),  # the leaves no longer add up to the source
    ('<measure ', '<sentence '),  # an unknown element
    ('start="57"', 'start="x57"'),  # a schema error
])
def test_an_inconsistent_archive_is_refused_with_validates_first_problem(tmp_path, old, new):
    text = _law_archive().decode()
    assert old in text
    bad = text.replace(old, new, 1)
    if new.startswith("<sentence"):
        bad = bad.replace("</measure>", "</sentence>", 1)
    path = tmp_path / "bad.xml"
    path.write_text(bad, encoding="utf-8")
    first = validate_bytes(bad.encode(), "bad.xml")[0]
    with pytest.raises(XmlInputError) as info:
        read_file(str(path), "bad.xml")
    assert str(info.value).startswith(f"bad.xml: invalid govtext XML: {first}")
    result = CliRunner().invoke(main, ["tree", str(path)])
    assert result.exit_code == 2 and result.stdout == "" and len(result.stderr.splitlines()) == 1


def test_an_archive_is_streamed_from_disk_not_read_whole(tmp_path, monkeypatch):
    path = tmp_path / "a.xml"
    path.write_bytes(_law_archive())
    expected = load(str(path))

    def refuse(*args, **kwargs):
        raise AssertionError("the archive's bytes were read whole")

    monkeypatch.setattr("govtext.pipeline.read_bytes", refuse)
    assert load(str(path)) == expected


# --- the archive's digests, checked on every read ---------------------------------------

def _run_tree(tmp_path, data: bytes):
    path = tmp_path / "a.xml"
    path.write_bytes(data)
    return path, CliRunner().invoke(main, ["tree", "--format", "json", str(path)])


def test_an_archive_whose_text_was_edited_is_read_with_a_warning(tmp_path):
    data = _law_archive()
    tampered = data.replace("本法自公布之日起施行".encode(), "本法自发布之日起施行".encode())
    assert tampered != data
    path, result = _run_tree(tmp_path, tampered)
    assert result.exit_code == 0 and "本法自发布之日起施行" in result.stdout
    assert result.stderr.splitlines() == [
        f"govtext: warning: {path}: line 4: the text no longer matches the source's sha256 (edited after export?)"]
    assert CliRunner().invoke(main, ["validate", str(path)]).exit_code == 1


def test_an_archive_whose_outline_was_edited_is_read_with_a_warning(tmp_path):
    tampered = _law_archive().replace('title="总则"'.encode(), 'title="总纲"'.encode(), 1)
    path, result = _run_tree(tmp_path, tampered)
    assert result.exit_code == 0 and json.loads(result.stdout)["root"]["children"]
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"govtext: warning: {path}: line 6: outline edited after export: ")
    assert line.endswith("(govtext validate names the first node that changed)")


def test_a_sound_archive_reads_silently_and_the_library_warns_only_when_asked(tmp_path):
    data = _law_archive()
    _, result = _run_tree(tmp_path, data)
    assert result.exit_code == 0 and result.stderr == ""
    tampered = data.replace("本法自公布之日起施行".encode(), "本法自发布之日起施行".encode())
    heard: list[str] = []
    assert read_document(tampered, "a.xml").text == read_document(tampered, "a.xml", heard.append).text
    assert len(heard) == 1 and "sha256" in heard[0]


# --- duplicate ids, found without holding every id --------------------------------------

_POOL = ["a", "b", "a/x", "b/x", "a/x/y", "b/y", "doc/a"]


def _id_tree():
    """(how the id is made, its step or pooled id, container?, children)."""
    leaf = st.tuples(st.sampled_from(["step", "pool"]), st.sampled_from(["x", "y", *_POOL]), st.just(False),
                     st.just(()))
    return st.recursive(leaf, lambda kids: st.tuples(st.sampled_from(["step", "pool"]), st.sampled_from(["x", "y", *_POOL]),
                                                      st.just(True), st.lists(kids, max_size=4)), max_leaves=14)


def _ids(spec, parent: str | None):
    how, value, container, children = spec
    node_id = f"{parent}/{value.rpartition('/')[2]}" if how == "step" and parent is not None else value
    yield "enter", node_id, container
    for child in children:
        yield from _ids(child, node_id)
    yield "leave", node_id, container


@settings(max_examples=300, deadline=None)
@given(st.lists(_id_tree(), max_size=4))
def test_unique_ids_finds_the_first_duplicate_or_says_it_is_unsure(specs):
    from govtext.xmlfmt.unique_ids import UniqueIds

    unique, seen, first, flagged, unsure_at, index = UniqueIds(), set(), None, None, None, 0
    events = [("enter", "doc", True), *(e for spec in specs for e in _ids(spec, "doc")), ("leave", "doc", True)]
    for what, node_id, container in events:
        if what == "leave":
            unique.leave()
            continue
        if node_id in seen and first is None:
            first = index
        seen.add(node_id)
        if unique.enter(node_id, container) and flagged is None:
            flagged = index
        if unique.unsure and unsure_at is None:
            unsure_at = index
        index += 1
    if first is None:
        assert flagged is None  # never a duplicate that is not one
    else:
        assert flagged is None or flagged >= first
        assert flagged == first or (unsure_at is not None and unsure_at <= first)


@settings(max_examples=60, deadline=None)
@given(st.lists(_id_tree(), min_size=1, max_size=4))
def test_a_duplicate_id_anywhere_is_the_one_validate_and_the_reader_name(specs):
    pos = 0

    def build(spec, parent: str | None) -> Node:
        nonlocal pos
        how, value, container, children = spec
        node_id = f"{parent}/{value.rpartition('/')[2]}" if how == "step" and parent is not None else value
        if not container:
            pos += 1
            return Node(id=node_id, type="line", span=(pos - 1, pos), text="字")
        start = pos
        kids = tuple(build(child, node_id) for child in children)
        return Node(id=node_id, type="section", span=(start, pos), children=kids)

    children = tuple(build(spec, "doc") for spec in specs)
    root = Node(id="doc", type="document", span=(0, pos), children=children)
    ids = [node.id for node in root.walk()]
    repeated = next((node_id for i, node_id in enumerate(ids) if node_id in ids[:i]), None)
    text = "字" * pos
    data = to_xml(Document(Source("a.txt", "0" * 64, "utf-8", pos), text, root))
    problems = validate_bytes(data, "a.xml")
    # An empty section spans nothing: the offsets check may speak first; a duplicate is named otherwise.
    if repeated is None:
        assert not any("duplicate" in p.message for p in problems)
    elif not any("offsets" in p.message for p in problems):
        assert problems[0].message == f"duplicate id {repeated!r}"
        with pytest.raises(XmlInputError, match="duplicate id"):
            read_document(data, "a.xml")


def test_a_duplicate_of_an_id_under_a_closed_node_is_found_by_a_second_pass():
    # s1/b1 is held only as a step of s1; once s1 has ended, a leaf of s2 named s1/b1 is
    # caught by checking the file again with every id held.
    leaf = lambda node_id, at: Node(id=node_id, type="line", span=(at, at + 1), text="字")  # noqa: E731
    root = Node(id="doc", type="document", span=(0, 3), children=(
        Node(id="s1", type="section", span=(0, 1), children=(leaf("s1/b1", 0),)),
        Node(id="s2", type="section", span=(1, 3), children=(leaf("s2/b1", 1), leaf("s1/b1", 2))),
    ))
    data = to_xml(Document(Source("a.txt", "0" * 64, "utf-8", 3), "字字字", root))
    line = next(n for n, text in enumerate(data.decode().split("\n"), 1) if text.strip().startswith('<line id="s1/b1" start="2"'))
    assert [str(p) for p in validate_bytes(data, "a.xml")] == [f"line {line}: duplicate id 's1/b1'"]
    with pytest.raises(XmlInputError, match=f"line {line}: duplicate id 's1/b1'"):
        read_document(data, "a.xml")


def test_an_archive_of_replaced_bytes_says_why_its_text_cannot_match(tmp_path):
    source = tmp_path / "a.txt"
    source.write_bytes("一、总体要求\n\n　要加强".encode() + b"\xff" + "党的领导。\n".encode())
    archive = tmp_path / "a.xml"
    result = CliRunner().invoke(main, ["xml", "--errors", "replace", str(source), "-o", str(archive)])
    assert result.exit_code == 0, result.output
    expected = "the text no longer matches the source's sha256 (edited after export? or read with --errors replace"
    assert expected in validate_bytes(archive.read_bytes(), "a.xml")[0].message
    result = CliRunner().invoke(main, ["tree", str(archive)])
    assert result.exit_code == 0 and result.stdout and expected in result.stderr
