"""The golden-file helper itself: regenerating must never pass silently."""

from __future__ import annotations

import pytest

import conftest


def test_regenerating_writes_the_file_and_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(conftest, "GOLDEN", tmp_path)
    monkeypatch.setenv("GOVTEXT_UPDATE_GOLDEN", "1")
    with pytest.raises(pytest.fail.Exception, match="regenerated"):
        conftest.assert_golden("x/new.txt", "fresh\n")
    assert (tmp_path / "x" / "new.txt").read_text(encoding="utf-8") == "fresh\n"


def test_comparing_fails_on_a_difference(tmp_path, monkeypatch):
    monkeypatch.setattr(conftest, "GOLDEN", tmp_path)
    monkeypatch.delenv("GOVTEXT_UPDATE_GOLDEN", raising=False)
    (tmp_path / "a.txt").write_text("old\n", encoding="utf-8")
    conftest.assert_golden("a.txt", "old\n")
    with pytest.raises(AssertionError, match="differs"):
        conftest.assert_golden("a.txt", "new\n")
