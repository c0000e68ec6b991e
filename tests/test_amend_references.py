"""References a renumbering left behind, between any two versions."""

from __future__ import annotations

from conftest import FIXTURES, corpus_file
from govtext.diff import diff_documents
from govtext.pipeline import parse_text
from govtext.report.references import reference_issues

OLD = (FIXTURES / "amend" / "renumber" / "old.txt").read_text(encoding="utf-8")
NEW = (FIXTURES / "amend" / "renumber" / "new.txt").read_text(encoding="utf-8")


def _issues(old_text, new_text):
    old, new = parse_text(old_text), parse_text(new_text)
    return [str(i) for i in reference_issues(diff_documents(old, new), old, new)]


def test_updated_references_are_fine():
    assert _issues(OLD, NEW) == []


def test_reference_not_updated_after_renumbering_is_stale():
    stale = NEW.replace("保存办法依照本法第五条", "保存办法依照本法第四条")
    assert _issues(OLD, stale) == ["第七条 refers to 第四条, which is now 第五条"]


def test_reference_to_a_missing_article():
    missing = NEW.replace("保存办法依照本法第五条", "保存办法依照本法第九十条")
    assert _issues(OLD, missing) == ["第七条 refers to 第九十条, which the new text does not have"]


def test_published_statistics_law_has_no_reference_left_behind():
    old = corpus_file("amend/tongjifa-old-2009.txt").read_text(encoding="utf-8")
    new = corpus_file("amend/tongjifa-new-2024.txt").read_text(encoding="utf-8")
    assert _issues(old, new) == []
