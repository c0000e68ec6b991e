"""Every phrasing of ../shared/corpus/amend-more/phrasings.tsv is understood in its instrument,
or is structure (title, adoption line, preamble, appendix headings: not an item), or is listed in
UNSUPPORTED with the reason (the same list is in docs/amend.md)."""

from __future__ import annotations

import csv
import re
from functools import lru_cache

import pytest

from conftest import CORPUS, CORPUS_REASON
from govtext.amend import read_instrument
from govtext.amend.grammar import read_item
from govtext.amend.instrument import split_instrument

FOLDER = CORPUS / "amend-more"
ROWS = (list(csv.DictReader((FOLDER / "phrasings.tsv").open(encoding="utf-8"), delimiter="\t"))
        if (FOLDER / "phrasings.tsv").is_file() else [])

UNSUPPORTED = {
    "将第二段修改为：⏎“…”": "paragraphs of a 批复 (a reply without articles): amend works on laws made of articles",
}


def _number(example_item: str) -> str:
    """一 → 一、 ; 十三.1 → 十三、1. ; 四十（二） → 四十、（二）."""
    m = re.match(r"^([^.（]+)(?:\.(\d+))?(（[^）]+）)?$", example_item)
    top, arabic, paren = m.groups()
    return top + "、" + (f"{arabic}." if arabic else "") + (paren or "")


@lru_cache(maxsize=None)
def _items(decision: str) -> dict[str, bool]:
    """Every item of every part of the decision: understood or not."""
    text = (FOLDER / decision).read_text(encoding="utf-8")
    out = {}
    for k in range(1, len(split_instrument(text).parts) + 1):
        for item in read_instrument(text, part=k).items:
            out.setdefault(item.number, item.understood)
    return out


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['decision'][:12]}:{r['pattern'][:20]}" for r in ROWS])
def test_phrasing_understood_or_listed(row):
    if not ROWS:
        pytest.skip(CORPUS_REASON)
    pattern, where, example = row["pattern"], row["example_item"], row["example_text"].replace("⏎", "\n")
    if pattern in UNSUPPORTED:
        assert not _items(row["decision"]).get(_number(where), False), "supported now: remove it from UNSUPPORTED"
        return
    items = _items(row["decision"])
    if where in ("preamble", "closing") or _number(where) not in items:
        # Structure (a part heading 修改《…》, an appendix heading) or a closing sentence: never read as an
        # item that changes the text; a closing sentence is read and changes nothing.
        raw = split_instrument((FOLDER / row["decision"]).read_text(encoding="utf-8"))
        head = example[:12]
        assert not any(item.text.startswith(head) for part in raw.parts for item in part.items)
        if example in raw.closing:
            assert read_item(example)[1] is None
        return
    assert items[_number(where)], example
