"""The real instruments of ../shared/corpus/amend-more/ applied to the texts they amend.

26 triples from 11 instruments; the split into a dev half and a held-out half is
fixed in tests/amend_more.py (rules were written looking at DEV only).  Every
triple must apply and give the published text article by article (spaces and
width forms aside); each remaining difference is one the republication made
without an item saying so, listed in EXPLAINED with what it is.
"""

from __future__ import annotations

import csv

import pytest

from amend_helpers import amend_text, compare_texts
from amend_more import DEV, HELDOUT, triples
from conftest import CORPUS, CORPUS_REASON
from govtext.amend import read_instrument
from govtext.amend.api import head_of
from govtext.amend.compare import explanation
from govtext.pipeline import parse_text

FOLDER = CORPUS / "amend-more"
TRIPLES = triples(FOLDER) if (FOLDER / "MANIFEST.tsv").is_file() else []

# (published file, article): what the republication did that no item orders.
EXPLAINED = {
    ("renshensunhai-new-2020.txt", "第十五条"):
        "old 第二十九条 (死亡赔偿金) and 第二十八条 (被扶养人生活费) change places: the decision only says "
        "条文顺序作相应调整; the republication put 死亡赔偿金 first, next to the new 第十六条 that refers to it",
    ("renshensunhai-new-2020.txt", "第十七条"): "the other half of that exchange",
    ("renshensunhai-new-2020.txt", "第二十二条"): "MANIFEST: drops the 、 between quoted terms, no item orders it",
    ("gonghuijieshi-new-2020.txt", "第四条"): "MANIFEST: drops the 、 between quoted terms, listed in no item",
    ("zhichanfayuan-new-2020.txt", "第五条"): "MANIFEST: source typo (colon for semicolon) NEW silently corrects",
    ("daojiaoshigu-new-2020.txt", "第十条"):
        "NEW (LawRefBook, ASCII spaces) is parsed with the section heading 二、关于赔偿范围的认定 as a paragraph "
        "of 第十条; OLD's heading, kept verbatim in ours, parses as a heading (a difference of the sources)",
}
def _amend(triple):
    """The amended text and the instrument read for it."""
    old = (FOLDER / triple.old).read_text(encoding="utf-8")
    decision = (FOLDER / triple.decision).read_text(encoding="utf-8")
    instrument = read_instrument(decision, head_of(parse_text(old)))
    return amend_text(old, instrument).text, instrument


def _unexplained(triple, differences, instrument):
    """Differences neither listed here nor explained by the instrument itself (minsujieshi's item 十五:
    条文中引用民事诉讼法相关条文序号……作相应调整, another law's numbers only that law can tell)."""
    return [str(d)[:300] for d in differences
            if (triple.new, d.label) not in EXPLAINED and explanation(d, [instrument]) is None]


def test_split_covers_every_instrument_once():
    if not TRIPLES:
        pytest.skip(CORPUS_REASON)
    groups = {t.instrument_group for t in TRIPLES}
    assert set(DEV) | set(HELDOUT) == groups
    assert not set(DEV) & set(HELDOUT)


@pytest.mark.parametrize("triple", TRIPLES, ids=[t.name for t in TRIPLES])
def test_triple_gives_published_text(triple):
    published = (FOLDER / triple.new).read_text(encoding="utf-8")
    text, instrument = _amend(triple)
    differences = compare_texts(text, published)
    assert not _unexplained(triple, differences, instrument)
    # An explanation that no longer matches a difference is stale.
    explained_here = {label for (name, label) in EXPLAINED if name == triple.new}
    assert explained_here <= {d.label for d in differences}


def test_amend_folder_has_no_other_instruments():
    """Every decision in amend/ is exercised by test_amend_corpus (a new file there needs a case)."""
    folder = CORPUS / "amend"
    if not (folder / "MANIFEST.tsv").is_file():
        pytest.skip(CORPUS_REASON)
    rows = list(csv.DictReader((folder / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
    from test_amend_corpus import TRIPLES as AMEND_TRIPLES
    used = {name.split("/")[-1] for triple in AMEND_TRIPLES for name in triple}
    decisions = {r["file"] for r in rows if r["role"] == "decision"}
    assert decisions - used <= {"xingfa-amendment-11-2020.txt"}  # read in full by its own test: no OLD for it


@pytest.mark.parametrize("triple", TRIPLES, ids=[t.name for t in TRIPLES])
def test_decision_round_trip(triple):
    """``diff --format decision`` OLD NEW, applied by ``amend`` to OLD, gives NEW article by article."""
    from test_amend_decision import _round_trip

    draft, differences = _round_trip(FOLDER / triple.old, FOLDER / triple.new)
    assert not differences, "\n".join(str(d)[:300] for d in differences[:5])
