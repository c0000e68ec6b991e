"""The compact tree: parsed leaves slice the document text on demand, yet behave as plain Nodes."""

from __future__ import annotations

import copy
import dataclasses
import pickle

from govtext.model import Node, check_lossless, leaf
from govtext.pipeline import load


def test_parsed_leaves_do_not_copy_the_text():
    doc = load(None)
    leaves = list(doc.leaves())
    assert all(leaf.text == doc.text[leaf.span[0]:leaf.span[1]] for leaf in leaves)
    # No per-leaf string is stored: the slot Node.text would hold stays empty (never set).
    assert all(_slot_empty(leaf, "text") and _slot_empty(leaf, "id") for leaf in leaves)
    check_lossless(doc)


def _slot_empty(node: Node, name: str) -> bool:
    try:
        return Node.__dict__[name].__get__(node) is None
    except AttributeError:
        return True


def test_a_leaf_given_what_only_containers_hold_becomes_a_plain_node():
    sliced = leaf("m1", "measure", (0, 4), "要加强。")
    assert (sliced.kind, sliced.number, sliced.title, sliced.level, sliced.children) == (None,) * 4 + ((),)
    kinded = dataclasses.replace(sliced, kind="system")
    assert type(kinded) is Node and kinded.kind == "system" and kinded.text == "要加强。"
    assert kinded == Node("m1", "measure", (0, 4), kind="system", text="要加强。")


def test_sliced_leaf_equals_hashes_pickles_and_replaces_like_a_node():
    text = "前言。要加强领导。"
    sliced = leaf("p1/m1", "measure", (3, 9), text)
    plain = Node("p1/m1", "measure", (3, 9), text="要加强领导。")
    assert sliced == plain and plain == sliced and hash(sliced) == hash(plain)
    assert repr(sliced) == repr(plain)
    assert pickle.loads(pickle.dumps(sliced)) == plain
    assert copy.deepcopy(sliced) == plain
    renamed = dataclasses.replace(sliced, id="p1/m2")
    assert renamed.text == "要加强领导。" and renamed.id == "p1/m2"
    assert sliced != dataclasses.replace(plain, text="要加强管理。")


def test_parsed_document_round_trips_through_pickle():
    doc = load(None)
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc and back.root == doc.root
