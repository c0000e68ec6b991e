"""The JSON outline: streamed output equals the plain encoder's, and --depth is honoured."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, corpus_files
from govtext.cli import main
from govtext.outline_json import document_to_dict, iter_json
from govtext.pipeline import load

CASES = [None, str(FIXTURES / "law-books-zhiyi.txt"), str(FIXTURES / "numbering-styles.txt")] + [
    str(p) for p in corpus_files()[:3]
]


@pytest.mark.parametrize("path", CASES)
@pytest.mark.parametrize("depth", [None, 0, 1, 2])
def test_streamed_json_is_byte_identical_to_json_dumps(path, depth):
    doc = load(path)
    expected = json.dumps(document_to_dict(doc, depth), ensure_ascii=False, indent=2) + "\n"
    assert "".join(iter_json(doc, depth)) == expected


def _depth_of(node: dict) -> int:
    return 1 + max((_depth_of(child) for child in node["children"]), default=-1)


@pytest.mark.parametrize("depth", [0, 1, 2])
def test_depth_leaves_out_deeper_nodes(depth):
    result = CliRunner().invoke(main, ["tree", "--format", "json", "--depth", str(depth)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["depth"] == depth
    assert _depth_of(data["root"]) == depth
    full = json.loads(CliRunner().invoke(main, ["tree", "--format", "json"]).stdout)
    assert "depth" not in full and _depth_of(full["root"]) > depth
    # What is kept is unchanged: the same nodes, spans and titles down to that depth.
    assert [c["id"] for c in data["root"]["children"]] == ([] if depth == 0 else
                                                            [c["id"] for c in full["root"]["children"]])


def test_json_to_a_file_is_the_same_as_to_stdout(tmp_path):
    out = tmp_path / "o.json"
    runner = CliRunner()
    assert runner.invoke(main, ["tree", "--format", "json", "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == runner.invoke(main, ["tree", "--format", "json"]).stdout
