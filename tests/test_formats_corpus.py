"""Every real file in the formats corpus reads as its hand-checked NAME.expected.txt:
the same outline, and at most 1 % of the characters different (printed)."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from govtext.cli import main
from govtext.model import LEAF_TYPES

from conftest import CORPUS, CORPUS_REASON, corpus_cases
from formats_helpers import char_error

FORMATS_DIR = CORPUS / "formats"
SUFFIXES = (".html", ".docx", ".doc", ".pdf")
FILES = sorted(p for p in FORMATS_DIR.glob("*") if p.suffix in SUFFIXES) if FORMATS_DIR.is_dir() else []
MAX_CHAR_ERROR = 0.01


def _json(*args: str) -> dict:
    result = CliRunner().invoke(main, ["tree", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _outline(node: dict, depth: int = 0) -> list[tuple]:
    """Sections, items, chapters, articles …: every container with its number and title."""
    if node["type"] in LEAF_TYPES:
        return []
    rows = [(depth, node["type"], node["kind"], node["number"], node["title"])]
    for child in node["children"]:
        rows += _outline(child, depth + 1)
    return rows


def _leaf_texts(node: dict):
    if node["type"] in LEAF_TYPES:
        yield node["text"]
    for child in node["children"]:
        yield from _leaf_texts(child)


def test_the_corpus_has_every_format():
    if not FILES:
        pytest.skip(f"{CORPUS_REASON} (formats/)")
    assert {p.suffix for p in FILES} == set(SUFFIXES)


@pytest.mark.parametrize("path", corpus_cases(FILES), ids=lambda p: p.name)
def test_same_outline_and_text_as_expected(path, capsys):
    if path.suffix == ".doc" and shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed: .doc files cannot be converted")
    expected_path = path.with_name(path.name[: -len(path.suffix)] + ".expected.txt")
    got = _json(str(path))
    expected = _json(str(expected_path))
    assert got["source"]["format"] == path.suffix[1:]
    assert got["genre"] == expected["genre"]
    assert _outline(got["root"]) == _outline(expected["root"])

    text = "".join(_leaf_texts(got["root"]))  # the outline is lossless: its leaves are the extracted text
    error = char_error(expected_path.read_text("utf-8"), text)
    with capsys.disabled():
        print(f"\n  {path.name}: {error:.4%} of characters differ from expected")
    assert error <= MAX_CHAR_ERROR
    # paragraph boundaries too: the same number of lines as the reader wrote down
    assert len(text.rstrip("\n").split("\n")) == len(expected_path.read_text("utf-8").rstrip("\n").split("\n"))
