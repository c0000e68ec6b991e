"""Golden files for the terminal tree: fixed width, no colour."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from govtext.pipeline import load
from govtext.render.theme import THEME
from govtext.render.tree import build_tree

from conftest import assert_golden, fixture_files


def render(doc, width=100, **options) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, theme=THEME, highlight=False)
    console.print(build_tree(doc, **options))
    return console.file.getvalue()


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: p.stem)
def test_fixture_tree_golden(path):
    doc = load(str(path))
    doc = type(doc)(source=type(doc.source)(path.name, doc.source.sha256, doc.source.encoding, doc.source.chars),
                    text=doc.text, root=doc.root, genre=doc.genre)
    assert_golden(f"tree/{path.stem}.txt", render(doc, sentences=True))


def test_sample_tree_golden():
    assert_golden("tree/sample.txt", render(load(None)))


def test_sample_depth_and_narrow_width_golden():
    out = render(load(None), width=60, depth=1)
    assert_golden("tree/sample-depth1-w60.txt", out)
    assert len(out.splitlines()) == 5


def test_long_labels_are_cut_to_the_width_in_cells():
    from rich.cells import cell_len

    out = render(load(None), width=50, sentences=True)
    assert all(cell_len(line) <= 50 for line in out.splitlines())
    assert "…" in out


def test_kind_and_counts_survive_narrow_terminals():
    out = render(load(None), width=60)
    tier_items = [line for line in out.splitlines() if "‹层级 tier›" in line and "measure" in line]
    assert len(tier_items) == 3
    assert all("…" in line for line in tier_items)  # the long lead sentences were cut, not the tail
