"""Invariants on generated documents: diff(a, a) is empty; edits' offsets are exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govtext.diff import diff_documents
from govtext.pipeline import parse_text

WORDS = ["推进", "加强", "完善", "社会治理", "体系", "基层", "法治", "建设", "可以", "应当", "鼓励", "支持", "高质量发展",
         "机制", "群众", "服务", "，", "、"]
HEADS = ["一、", "二、", "三、", "（一）", "（二）", "（三）", "第一条 ", "第二条 ", "第三条 ", ""]


@st.composite
def documents(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        head = draw(st.sampled_from(HEADS))
        body = "".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)))
        lines.append(head + body + "。")
    return "\n".join(lines) + "\n"


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents())
def test_diff_of_a_document_with_itself_is_empty(text: str) -> None:
    doc = parse_text(text)
    result = diff_documents(doc, doc)
    assert result.changes == () and result.terms == () and result.return_code() == 0


@SETTINGS
@given(documents(), documents())
def test_edits_point_at_their_text(old_text: str, new_text: str) -> None:
    result = diff_documents(parse_text(old_text), parse_text(new_text))
    for change in result.changes:
        for edit in change.edits:
            assert old_text[edit.old_span[0]:edit.old_span[1]] == edit.old
            assert new_text[edit.new_span[0]:edit.new_span[1]] == edit.new
    if old_text == new_text:
        assert not result.changes
