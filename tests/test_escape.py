"""Terminal safety: control characters and bidi overrides are shown escaped."""

from govtext.escape import is_safe, visible


def test_escape_sequences_are_shown_not_obeyed():
    assert visible("标题\x1b[2J") == "标题\\x1b[2J"
    assert visible("\x1b]0;title\x07") == "\\x1b]0;title\\x07"
    assert visible("a\u202eb") == "a\\u202eb"
    assert visible("a\x9bb") == "a\\x9bb"


def test_tab_newline_and_chinese_pass_through():
    text = "第一条\t加强党的领导。\n　　二、"
    assert visible(text) == text
    assert is_safe(text)
    assert not is_safe("\r")
