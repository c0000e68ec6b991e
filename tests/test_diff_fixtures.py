"""fixtures/diff/<case>/{old.txt,new.txt,expected.json} triads, discovered automatically.

Add a case by adding a folder; GOVTEXT_UPDATE_GOLDEN=1 writes expected.json
(review it before committing).
"""

from __future__ import annotations

import json
import os

import pytest

from diff_helpers import DIFF_FIXTURES, compact, diff_case

CASES = sorted(p.name for p in DIFF_FIXTURES.iterdir() if (p / "old.txt").is_file()) if DIFF_FIXTURES.is_dir() else []


@pytest.mark.parametrize("case", CASES)
def test_fixture_case(case: str) -> None:
    actual = compact(diff_case(case))
    expected_path = DIFF_FIXTURES / case / "expected.json"
    if os.environ.get("GOVTEXT_UPDATE_GOLDEN") == "1":
        expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        pytest.fail(f"{expected_path} regenerated; inspect it, then run again without GOVTEXT_UPDATE_GOLDEN")
    assert expected_path.is_file(), f"missing {expected_path}; run with GOVTEXT_UPDATE_GOLDEN=1"
    assert actual == json.loads(expected_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES)
def test_edit_offsets_are_exact(case: str) -> None:
    folder = DIFF_FIXTURES / case
    old_text = (folder / "old.txt").read_bytes().decode("utf-8")
    new_text = (folder / "new.txt").read_bytes().decode("utf-8")
    for change in diff_case(case).changes:
        for side, text in ((change.old, old_text), (change.new, new_text)):
            if side is not None:
                assert text[side.span[0]:side.span[1]] == side.text
        for edit in change.edits:
            assert old_text[edit.old_span[0]:edit.old_span[1]] == edit.old
            assert new_text[edit.new_span[0]:edit.new_span[1]] == edit.new


def test_every_change_kind_has_a_case() -> None:
    from govtext.diff.records import CHANGE_KINDS

    seen = {change.change for case in CASES for change in diff_case(case).changes}
    assert seen == set(CHANGE_KINDS)
