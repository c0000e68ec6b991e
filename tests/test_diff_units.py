"""The differ's stages one by one: normalisation, word edits, alignment, records, data."""

from __future__ import annotations

import pytest

from govtext.diff.data import modal_scales, protected_terms, read_userdict
from govtext.diff.edits import unit_edits
from govtext.diff.normalize import bigrams, normalize, similarity
from govtext.diff.records import DiffResult, REWORDED, Change, Edit, Side
from govtext.diff.terms import modal_shifts, substituted
from govtext.diff.words import Segmenter
from govtext.errors import LexiconError
from govtext.model import Source


@pytest.mark.parametrize(
    "a, b",
    [
        ("第一章 总　则", "第一章总则"),
        ("ＡＢＣ１２３（一）", "ABC123(一)"),
        ("二〇二四年", "二○二四年"),
        ("“枫桥经验”", '"枫桥经验"'),
        ("推动高质量发展，\n加快构建", "推动高质量发展，加快构建"),
        ("《关于修改〈中华人民共和国立法法〉的决定》", "《关于修改‹中华人民共和国立法法›的决定》"),
        ("《关于修改<中华人民共和国立法法>的决定》", "《关于修改〈中华人民共和国立法法〉的决定》"),
        ("依照下列规定：", "依照下列规定:"),
    ],
)
def test_normalize_folds_formatting(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_normalize_keeps_words_apart() -> None:
    assert normalize("可以") != normalize("应当")


def test_similarity_bounds() -> None:
    assert similarity(bigrams("推进法治政府建设"), bigrams("推进法治政府建设")) == 1.0
    assert similarity(bigrams("推进法治政府建设"), bigrams("强化安全生产")) == 0.0


SEGMENTER = Segmenter([(term, None, None) for term in protected_terms()])


def _edits(old: str, new: str, old_pieces=None, new_pieces=None):
    return unit_edits(old, old_pieces or ((0, len(old)),), new, new_pieces or ((0, len(new)),),
                      SEGMENTER.tokenize)


def test_word_edits_are_phrases_with_exact_offsets() -> None:
    old = "有关部门可以对示例活动开展监督检查。"
    new = "县级以上人民政府有关部门应当对示例活动开展监督检查。"
    edits = _edits(old, new)
    assert [(e.op, e.old, e.new) for e in edits] == [("insert", "", "县级以上人民政府"), ("replace", "可以", "应当")]
    for e in edits:
        assert old[e.old_span[0]:e.old_span[1]] == e.old and new[e.new_span[0]:e.new_span[1]] == e.new


def test_protected_terms_stay_whole() -> None:
    edits = _edits("推动经济发展。", "推动高质量发展。")
    assert [(e.old, e.new) for e in edits] == [("经济发展", "高质量发展")]


def test_formatting_inside_a_sentence_is_no_edit() -> None:
    assert _edits("处五年以下有期徒刑，并处罚金。", "处五年以下有期徒刑,并处罚金。") == ()


def test_whole_sentences_inserted_without_segmenting() -> None:
    old = "第一句。第三句。"
    new = "第一句。第二句话。第三句。"
    edits = _edits(old, new, ((0, 4), (4, 8)), ((0, 4), (4, 9), (9, 13)))
    assert [(e.op, e.new, e.new_span, e.old_span) for e in edits] == [("insert", "第二句话。", (4, 9), (4, 4))]


def test_segmenter_is_lazy() -> None:
    assert not Segmenter().loaded


def test_return_code_contract() -> None:
    source = Source("a", "0" * 64, "utf-8", 1)
    empty = DiffResult(source, source, (), (), 3)
    assert empty.return_code() == 0 and empty.summary["unchanged"] == 3
    one = DiffResult(source, source, (Change(REWORDED, None, None, 0.9),), (), 0)
    assert one.return_code() == 1
    assert one.return_code(frozenset({"removed"})) == 0
    assert one.return_code(frozenset({"reworded", "removed"})) == 1


def test_summary_counts_a_split_or_merge_once() -> None:
    from govtext.diff.records import ADDED, MERGED, SPLIT

    def side(node_id: str) -> Side:
        return Side(node_id, "item", None, None, (), "", (0, 0))

    source = Source(None, "0" * 64, "utf-8", 0)
    changes = (Change(SPLIT, side("a"), side("x"), 0.9), Change(SPLIT, side("a"), side("y"), 0.9),
               Change(SPLIT, side("b"), side("z"), 0.9), Change(SPLIT, side("b"), side("w"), 0.9),
               Change(MERGED, side("c"), side("v"), 0.9), Change(MERGED, side("d"), side("v"), 0.9),
               Change(ADDED, None, side("u"), 0.0), Change(ADDED, None, side("t"), 0.0))
    summary = DiffResult(source, source, changes, (), 0).summary
    assert (summary["split"], summary["merged"], summary["added"]) == (2, 1, 2)
    assert len(changes) == 8  # the records stay one per piece


def test_shipped_data() -> None:
    terms = protected_terms()
    for term in ("高质量发展", "新质生产力", "共建共治共享", "枫桥经验"):
        assert term in terms
    scales = {scale.name: scale.words for scale in modal_scales()}
    assert scales["support"] == ("鼓励", "支持", "要求")
    assert scales["obligation"] == ("可以", "应当", "必须")
    assert scales["pace"][0] == "逐步" and scales["pace"][-1] == "加快"
    prohibition = next(scale for scale in modal_scales() if scale.name == "prohibition")
    assert prohibition.words == ("可以", "不宜", "不得", "禁止", "严禁")
    assert prohibition.level(2) == prohibition.level(3)  # 不得 and 禁止 rank alike


def _shifts(old: str, new: str) -> list[tuple[str, str, str, str]]:
    side = Side("a2", "article", "第二条", None, (), "", (0, 0))
    edit = Edit("replace", old, new, (0, len(old)), (0, len(new)))
    change = Change(REWORDED, side, side, 0.8, (edit,))
    return [(t.kind, t.old_term, t.term, t.scale) for t in modal_shifts([change], modal_scales())]


@pytest.mark.parametrize(
    "old, new, found",
    [
        ("可以", "应当", [("strengthened", "可以", "应当", "obligation")]),  # 可以 sits in two scales: one finding
        ("可以", "不得", [("strengthened", "可以", "不得", "prohibition")]),
        ("可以", "禁止", [("strengthened", "可以", "禁止", "prohibition")]),
        ("可以", "严禁", [("strengthened", "可以", "严禁", "prohibition")]),
        ("不得", "可以", [("weakened", "不得", "可以", "prohibition")]),
        ("不得", "禁止", []),  # equal strength
        ("应当", "不得", []),  # no scale holds both
        ("逐步推进", "加快推进", [("strengthened", "逐步", "加快", "pace")]),
        ("要求各地逐步完善", "鼓励各地逐步完善", [("weakened", "要求", "鼓励", "support")]),
        ("加快国际物流体系建设。", "稳步扩大制度型开放。", []),  # a phrase swapped, not a word
        ("鼓励社会资本参与养老服务。", "支持高校毕业生到基层就业。", []),
    ],
)
def test_modal_shifts_only_for_substituted_words(old: str, new: str, found: list) -> None:
    assert _shifts(old, new) == found


def test_substituted() -> None:
    assert substituted("可以", "可以", "不得", "不得")
    assert substituted("逐步推进", "逐步", "加快建设", "加快")  # short: reads as one word changed
    assert substituted("要求有关部门依法加强", "要求", "鼓励有关部门依法加强", "鼓励")
    assert substituted("上市公司必须依照法律公开其财务状况", "必须", "上市公司应当依照法律披露相关信息", "应当")
    assert substituted("必须在中国", "必须", "应当在中华人民共和国", "应当")  # neighbours agree: 在中
    assert not substituted("加快国际物流体系建设", "加快", "稳步扩大制度型开放", "稳步")
    assert not substituted("应当整合应急资源，建立", "应当", "有关部门可以根据实际需要设立", "可以")


def test_userdict_format(tmp_path) -> None:
    good = tmp_path / "dict.txt"
    good.write_text("# 提法\n全链条 \n一网通办 5 n\n", encoding="utf-8")
    assert read_userdict(str(good)) == (("全链条", None, None), ("一网通办", 5, "n"))
    bad = tmp_path / "bad.txt"
    bad.write_text("一网通办 many\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad.txt:1: expected"):
        read_userdict(str(bad))
    with pytest.raises(LexiconError, match="no such dictionary"):
        read_userdict(str(tmp_path / "missing.txt"))
