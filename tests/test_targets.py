"""govtext.targets on fixtures written for one rule each (fixtures/targets/)."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from govtext.numerals import cn_number, find_amounts
from govtext.pipeline import load
from govtext.targets import targets_of
from govtext.targets.lexicon import load_target_lexicon

HERE = FIXTURES / "targets"


def figures(name: str, lexicon=None) -> list[tuple]:
    doc = targets_of(load(str(HERE / name)), lexicon)
    return [(t.line, t.indicator, t.value if t.value is not None else (t.low, t.high), t.unit, t.qualifier, t.delta)
            for t in doc.targets]


@pytest.mark.parametrize("text, value, scale, more", [
    ("8000多亿元", 8000, "亿", "多"), ("1.3万亿斤", 1.3, "万亿", ""), ("百分之十二点五", 12.5, "", ""),
    ("三分之一", 0.3333, "", ""), ("一千万人", 1000, "万", ""), ("２０余万", 20, "万", "余"), ("8 ．8 ％", 8.8, "", ""),
])
def test_amounts_read_as_written(text, value, scale, more):
    (amount,) = find_amounts(text)
    assert (amount.value, amount.scale, amount.more) == (value, scale, more)


def test_chinese_numbers_with_sections_and_decimals():
    assert cn_number("三万五千") == 35000
    assert cn_number("一千二百") == 1200
    assert cn_number("八点五") == 8.5
    assert cn_number("万众") is None


def test_ranges_full_width_dash_and_chinese_to():
    assert figures("ranges.txt") == [
        (4, "国内生产总值增长", (4, 4.5), "%", "", False),
        (4, "居民消费价格涨幅", 2, "%", "左右", False),
        (5, "国内生产总值增长", (8, 9), "%", "", False),
    ]


def test_chinese_numerals_percent_fraction_and_words_that_are_not_figures():
    found = figures("chinese-numerals.txt")
    assert found[:4] == [
        (4, "国内生产总值增长", 8, "%", "左右", False),
        (4, "固定资产投资增长", 12.5, "%", "", False),  # 全社会…: an alias
        (5, "工程建设项目审批时间压减", 0.3333, "", "", False),
        (5, "居民医保补助标准增加", 40, "元", "", False),
    ]
    assert [f[2] for f in found[4:]] == [0.5]  # 两个文明 and “最后一公里” are words


def test_delta_only_beside_its_level():
    assert figures("delta.txt") == [
        (4, "赤字率", 4, "%", "左右", False),
        (4, "赤字规模", 6, "万亿元", "", False),
        (4, "赤字规模比上年增加", 3400, "亿元", "", True),
        (5, "中央预算内投资", 8000, "亿元", "多", False),
        (5, "一般公共预算支出比上年增加", 1, "万亿元", "以上", False),  # no level beside it: the target itself
    ]


def test_review_restatement_multi_year_thresholds_and_old_values_are_left_out():
    assert figures("review-vs-plan.txt") == [
        (6, "国内生产总值增长", 4.5, "%", "左右", False),
        (6, "城镇新增就业", 1200, "万人", "以上", False),
        (6, "城镇调查失业率", 5.5, "%", "左右", False),
        (6, "居民消费价格涨幅", 2, "%", "左右", False),
        (8, "地方政府专项债券", 4.5, "万亿元", "", False),
        (9, "新开工改造城镇老旧小区", 3, "万个", "", False),
        (11, "小规模纳税人增值税起征点", 20, "万元", "", False),
    ]


def test_targets_carry_their_outline_node_span_and_clause():
    doc = load(str(HERE / "review-vs-plan.txt"))
    first = targets_of(doc).targets[0]
    assert first.node == "s2/p1" and doc.root.find(first.node) is not None
    assert doc.text[first.span[0]:first.span[1]] == first.figure == "4.5%左右"
    assert first.text == "国内生产总值增长4.5%左右"


def test_a_lexicon_that_extends_the_default_adds_aliases(tmp_path):
    extra = tmp_path / "more.toml"
    extra.write_text('extends = true\n[[indicator]]\nname = "旧区改造"\naliases = ["开工改造城镇老旧小区"]\n',
                     encoding="utf-8")
    lexicon = load_target_lexicon(str(extra))
    assert ("旧区改造" in [f[1] for f in figures("review-vs-plan.txt", lexicon)])
    assert "国内生产总值增长" in lexicon.core  # the default's indicators are kept


def test_thousands_groups_of_old_reports_are_one_figure():
    assert [a.value for a in find_amounts("支出为２，８９５，７５３，０００元，铺轨１，９８５公里")] == [2895753000, 1985]
    assert [a.value for a in find_amounts("增长5%，300万人")] == [5, 300]  # a comma between figures stays one


def test_chinese_figures_with_yi_sections_read_as_written():
    (amount,) = find_amounts("七百六十六亿四千万元")
    assert (amount.value, amount.scale) == (766.4, "亿")


def test_older_units_compound_and_price_subunits_and_counted_groups():
    """吨标准煤, 分/角/毛 of a price, 3000万山区人口 (a group after a scale-only figure) are figures;
    14亿人口, 二元结构, 十分, 一分为二, 30分钟 are not."""
    assert figures("older-units.txt") == [
        (4, "节能能力新增", 6000, "万吨标准煤", "", False),
        (4, "稻谷每斤最低收购价提高", 5, "分", "", False),
        (4, "玉米每斤提高", 2, "角", "", False),
        (4, "大豆每斤提高", 1, "毛", "", False),
        (5, "解决山区人口的出行问题", 3000, "万", "", False),
    ]


def test_a_replacing_lexicon_may_leave_out_the_lists_added_later(tmp_path):
    """chinese_words, counted_after, quantity_verbs, quantity_scope, span_after, name_before, not_name_before came
    after lexicons were in users' hands: an older file that replaces the default still loads, with
    the default's lists."""
    import tomllib
    from govtext.targets.lexicon import DEFAULT
    data = open(DEFAULT, encoding="utf-8").read()
    old = "\n".join(line for line in data.splitlines()
                    if not line.startswith(("chinese_words", "counted_after", "quantity_verbs", "quantity_scope",
                                            "span_after", "name_before", "not_name_before")))
    tomllib.loads(old)
    path = tmp_path / "old.toml"
    path.write_text(old, encoding="utf-8")
    lexicon = load_target_lexicon(str(path))
    assert lexicon["units.counted_after"] == ("人口",) and "国内生产总值增长" in lexicon.core
    assert "时间" in lexicon["time.span_after"] and "新" in lexicon["naming.name_before"]
    assert "全国" in lexicon["time.quantity_scope"]


def test_a_figure_a_verb_sets_stands_before_what_it_counts():
    """新增…的, 解决…的, 扩大到30%的市, 扩大到500个县, 扩大到全国40%的县: the quantity set; a share
    before 的 that no such verb sets (收入增长20%的家庭, 在全省20%的乡镇推开) and a count naming its
    kind (56个民族) are not figures."""
    assert figures("quantity-verbs.txt") == [
        (4, "新增节能能力", 5000, "万吨标准煤", "", False),
        (4, "解决山区人口的出行问题", 2000, "万", "", False),
        (5, "医联体试点扩大", 30, "%", "", False),
        (5, "紧密型县域医共体试点扩大", 500, "个", "", False),
        (7, "长期护理保险试点范围扩大", 40, "%", "", False),  # 扩大到全国40%的县: the area between verb and figure
    ]


def test_a_long_period_is_no_years_target():
    """今后一个时期 (gwr-2014's 三个1亿人) sets no figure for the year; 今年 does."""
    assert [f[2:4] for f in figures("long-period.txt")] == [(1500, "万")]


def test_a_core_figure_explained_under_another_wording_is_not_a_second_target():
    """关于经济增长。……把增长预期目标定在6.5%左右 (the 2013–2014 explanation paragraphs) restates the
    list's figure; a new figure said with 目标 (粮食产量目标定在…) is still one."""
    assert [f[1:3] for f in figures("explained-targets.txt")] == [
        ("国内生产总值增长", 6.5), ("居民消费价格涨幅", 3), ("城镇新增就业", 1100), ("粮食产量", 1.3)]


def test_a_sentence_saying_what_is_to_be_done_ends_the_narration():
    """去年以来…。我们必须…。当前，要…。国务院决定今年安排20亿元: the paragraph looks ahead again."""
    assert [f[2:4] for f in figures("narration-ends.txt")] == [(20, "亿元")]


def test_a_span_of_years_is_no_years_target():
    """用两年时间, 用三年左右的时间, 十年内 — a count of years made a span — and 三年内 (which holds the
    forward 年内) set multi-year figures; 今年 and 一年内 still set this year's."""
    assert figures("year-spans.txt") == [
        (6, "城乡居民参保率提高", 92, "%", "", False),
        (6, "一年内改造", 300, "万户", "", False),
    ]


def test_a_verb_sets_a_count_of_what_follows_it_not_a_change():
    """增加300万农村光伏用户 after another target is a quantity of its own, unit the bare scale; 完成
    600多项…标准的制定修订 names what it counts across 、; a bare 增加1000亿元 after a level stays its delta;
    解决14亿中国人的吃饭问题 counts the nation, a fact."""
    assert figures("counted-objects.txt") == [
        (4, "解决山区人口的出行问题", 2000, "万", "", False),
        (4, "增加农村光伏用户", 300, "万", "", False),
        (5, "完成食品、农产品和其他消费品安全国家标准的制定修", 600, "项", "多", False),
        (6, "地方财政赤字", 5000, "亿元", "", False),
        (6, "地方财政赤字比上年增加", 1000, "亿元", "", True),
    ]


def test_a_number_inside_a_name_is_no_figure():
    """新24条 (a policy document), 新10年…纲要 are names; 更新3万辆 is a verb's figure."""
    assert figures("numbers-in-names.txt") == [(5, "城市公交车更新", 3, "万辆", "", False)]


def test_units_of_the_planned_economy_and_the_year_before_spelled_out():
    """亿度, 万担, 万匹 are units (the 1950s–80s reports); 一度 after a bare numeral is a word;
    比上一年增加 is 比上年增加 — the change of the level before it.  Words opening like those
    units are none after digits either (5000万担保基金, 1:1匹配, 20万尺度)."""
    assert figures("planned-economy-units.txt") == [
        (4, "发电量", 3200, "亿度", "", False),
        (4, "棉花的指标", 3500, "万担", "", False),
        (4, "棉花的指标比上年增加", 200, "万担", "", True),
        (5, "棉布将增加", 500, "万匹", "约", False),
    ]
