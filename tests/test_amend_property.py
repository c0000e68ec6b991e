"""Property: for any edit of a law, ``amend OLD (draft OLD NEW)`` gives NEW article by article."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings, strategies as st

from conftest import FIXTURES
from govtext.amend import read_instrument
from govtext.amend.api import amend_document
from amend_helpers import compare_texts as compare_articles
from govtext.diff import diff_documents
from govtext.numerals import to_cn
from govtext.pipeline import parse_text
from govtext.report.decision import draft_decision

OLD = (FIXTURES / "amend" / "words" / "old.txt").read_text(encoding="utf-8")
HEAD, _, _ = OLD.partition("第一章")
BODIES = [
    ("第一章 总则", ["为了规范示例活动，制定本法。"]),
    (None, ["本法适用于示例活动。", "示例活动应当遵守法律。"]),
    (None, ["县级以上人民政府示例部门负责示例工作。"]),
    ("第二章 管理", ["从事示例活动，不得有下列行为：", "（一）虚报数据；", "（二）伪造资料；", "（三）拒绝检查。"]),
    (None, ["违反本法第四条规定的，由示例部门责令改正。"]),
    (None, ["示例部门的帐簿应当妥善保存，保存办法依照本法第四条的规定执行。"]),
    ("第三章 附则", ["本法自2001年1月1日起施行。"]),
]
WORDS = st.text(alphabet="监督管理部门机构人民政府应当依法规定", min_size=1, max_size=6)


def _render(articles) -> str:
    lines = [HEAD.rstrip("\n")]
    for n, (heading, body) in enumerate(articles, 1):
        if heading:
            lines.append(heading)
        lines.append(f"第{to_cn(n)}条 " + "\n".join(body))
    return "\n".join(lines) + "\n"


@st.composite
def edited(draw):
    articles = [(h, list(b)) for h, b in BODIES]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["words", "words", "insert", "delete", "clause", "move"]))
        k = draw(st.integers(0, len(articles) - 1))
        heading, body = articles[k]
        if kind == "words":
            line = draw(st.integers(0, len(body) - 1))
            text = body[line]
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start, min(len(text) - 1, start + 5)))
            body[line] = text[:start] + draw(WORDS) + text[end:]
        elif kind == "insert":
            articles.insert(k + 1, (None, [draw(WORDS) + "。"]))
        elif kind == "delete" and len(articles) > 2 and heading is None:
            del articles[k]
        elif kind == "move" and heading is None:
            moved = articles.pop(k)
            articles.insert(draw(st.integers(1, len(articles))), moved)
        elif kind == "clause":
            body.insert(draw(st.integers(1, len(body))), draw(WORDS) + "。")
    return _render(articles)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
def test_draft_then_amend_gives_new(new_text):
    assume(compare_articles(OLD, new_text))  # identical articles: the draft has no items, so no instrument
    old, new = parse_text(OLD, name="old.txt"), parse_text(new_text, name="new.txt")
    draft = draft_decision(diff_documents(old, new), old, new)
    result = amend_document(old, read_instrument(draft))
    assert not compare_articles(result.text, new_text), draft
