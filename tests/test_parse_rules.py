"""One fixture per rule: each numbering style and edge, checked node by node."""

from __future__ import annotations

import pytest

from govtext import model
from govtext.model import check_lossless
from govtext.pipeline import load, parse_text

from conftest import FIXTURES, fixture_files


def doc_of(name: str) -> model.Document:
    doc = load(str(FIXTURES / name))
    check_lossless(doc)
    return doc


def nodes(doc, type_):
    return [n for n in doc.walk() if n.type == type_]


def outline(node, types=(model.SECTION, model.ITEM, model.CHAPTER, model.BOOK, model.ARTICLE)):
    """(type, number, title) of the nodes of ``types`` beneath ``node``, depth first."""
    return [(n.type, n.number, n.title) for n in node.walk() if n.type in types]


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: p.name)
def test_every_fixture_is_lossless_with_unique_ids(path):
    doc = load(str(path))
    check_lossless(doc)
    ids = [n.id for n in doc.walk()]
    assert len(ids) == len(set(ids))


def test_plain_headings_and_parallel_leads():
    doc = doc_of("plain-headings.txt")
    sections = [n for n in doc.root.children if n.type == model.SECTION]
    assert [(s.title, s.kind) for s in sections] == [("健全基层治理体制", "system"), ("改进基层治理方式", "method")]
    first = [c for c in sections[0].children if c.type not in (model.BLANK, model.HEADING)]
    assert first[0].type == model.PARAGRAPH  # 推进……，必须…… introduces, it is no item
    assert [c.title for c in first[1:]] == ["构建村级组织体系", "构建社区服务体系", "构建网格管理体系"]
    statement = [n.text for n in nodes(doc, model.STATEMENT)]
    assert statement == ["村规民约是基层治理的重要依托。"]


def test_numbering_styles_nest_by_first_appearance():
    doc = doc_of("numbering-styles.txt")
    got = [(n.type, n.number, n.level if n.type == model.SECTION else None) for n in doc.walk()
           if n.type in (model.SECTION, model.ITEM)]
    assert got == [
        ("section", "一、", 1), ("item", "（一）", None), ("item", "（二）", None), ("item", "1．", None),
        ("item", "（1）", None), ("item", "（2）", None), ("item", "①", None), ("item", "②", None),
        ("item", "2．", None), ("section", "二、", 1), ("item", "（一）", None),
    ]
    item2 = nodes(doc, model.ITEM)[1]
    assert [c.number for c in item2.children if c.type == model.ITEM] == ["1．", "2．"]


def test_numbered_items_split_lead_from_body():
    doc = doc_of("numbered-items.txt")
    item = nodes(doc, model.ITEM)[0]
    assert (item.number, item.title) == ("（一）", "着力扩大国内需求")
    types = [c.type for c in item.children if c.type != model.BLANK]
    assert types == [model.LABEL, model.LEAD, model.MEASURE, model.MEASURE]
    assert nodes(doc, model.ITEM)[1].kind == model.SYSTEM  # 加快建设现代化产业体系


def test_heading_without_body_is_an_empty_section():
    doc = doc_of("heading-no-body.txt")
    first = doc.root.children[0]
    assert (first.type, first.number, first.title) == (model.SECTION, "一、", "总体要求")
    assert [c.type for c in first.children] == [model.HEADING, model.BLANK]


def test_numbering_gap_keeps_numbers_as_written():
    doc = doc_of("numbering-gap.txt")
    assert [s.number for s in nodes(doc, model.SECTION)] == ["一、", "三、"]


def test_enumerations_inside_paragraphs():
    doc = doc_of("enumeration.txt")
    enums = nodes(doc, model.ENUMERATION)
    assert [(e.number, e.title) for e in enums] == [
        ("一是", "加大宏观调控力度"), ("二是", "深化改革扩大开放"), ("三是", "着力抓好民生保障"),
        ("第一", "统筹发展和安全"), ("第二", "统筹当前和长远"),
    ]
    assert [c.type for c in enums[0].children] == [model.LABEL, model.MEASURE, model.MEASURE]
    assert enums[3].children[0].text == "第一，"


def test_law_units_clauses_points_and_subpoints():
    doc = doc_of("law-basic.txt")
    assert doc.genre == "law"
    header = doc.root.children[0]
    assert header.type == model.HEADER and header.title == "中华人民共和国示例法"
    assert len([c for c in header.children if c.type == model.LINE]) == 2
    art2 = nodes(doc, model.ARTICLE)[1]
    clauses = [c for c in art2.children if c.type == model.CLAUSE]
    assert len(clauses) == 2
    points = [c for c in clauses[0].children if c.type == model.POINT]
    assert [p.number for p in points] == ["（一）", "（二）"]
    assert [s.number for s in points[1].children if s.type == model.SUBPOINT] == ["1．", "2．"]
    section = nodes(doc, model.SECTION)[0]
    assert (section.number, section.title) == ("第一节", "一般规定")
    assert [a.number for a in section.children if a.type == model.ARTICLE] == ["第三条", "第四条"]


def test_blank_lines_between_law_lines_change_no_nesting():
    # Laws copied from web pages put a blank line between every line; a 目 after
    # one still belongs to its 项 (it used to overlap the blank its 款 held).
    doc = doc_of("law-blank-lines.txt")
    packed = parse_text("\n".join(line for line in doc.text.split("\n") if line.strip()) + "\n")
    types = (model.CHAPTER, model.ARTICLE, model.CLAUSE, model.POINT, model.SUBPOINT)
    assert outline(doc.root, types) == outline(packed.root, types)
    point = nodes(doc, model.POINT)[1]
    assert [s.number for s in point.children if s.type == model.SUBPOINT] == ["1．", "2．"]
    assert len(nodes(doc, model.POINT)) == 3


def test_books_restart_chapters_and_zhiyi_articles():
    doc = doc_of("law-books-zhiyi.txt")
    books = nodes(doc, model.BOOK)
    assert [[c.number for c in b.children if c.type == model.CHAPTER] for b in books] == [
        ["第一章", "第二章"], ["第一章", "第二章"]]
    assert [a.number for a in nodes(doc, model.ARTICLE)] == ["第一条", "第二条", "第三条", "第三条之一", "第四条", "第五条"]
    fuze = [n for n in doc.root.children if n.type == model.SECTION][0]
    assert fuze.title == "附则" and [a.number for a in fuze.children if a.type == model.ARTICLE] == ["第五条"]
    appendix = nodes(doc, model.APPENDIX)[0]
    assert appendix.title == "附件一"
    assert [p.number for p in appendix.children if p.type == model.POINT] == ["1．", "2．"]
    footnote = [n for n in doc.root.children if n.type == model.PARAGRAPH][0]
    assert footnote.number == "①"  # a footnote belongs to no article


def test_full_width_spaces_in_headings_and_indents():
    doc = doc_of("fullwidth-spaces.txt")
    chapters = nodes(doc, model.CHAPTER)
    assert [(c.number, c.title) for c in chapters] == [("第一章", "总　则"), ("第二章", "附　则")]
    art2 = nodes(doc, model.ARTICLE)[1]
    assert len([c for c in art2.children if c.type == model.CLAUSE]) == 2
    assert [c.text for c in art2.children if c.type == model.LABEL] == ["第二条"]
    assert art2.children[1].text == "\u3000"  # the full-width space after the number is a blank leaf


def test_report_header_bullets_interjections():
    doc = doc_of("report-header-bullets.txt")
    header = doc.root.children[0]
    assert header.type == model.HEADER
    assert [c.text for c in header.children if c.type == model.LINE][-1] == "各位代表："
    section1 = nodes(doc, model.SECTION)[0]
    items = [c for c in section1.children if c.type == model.ITEM]
    assert [(i.number, i.title) for i in items] == [
        ("——", "经济总体回升向好"), ("——", "科技创新实现新的突破"), ("——", "民生保障有力有效"),
        ("一是", "加大宏观调控力度"), ("二是", "深化改革扩大开放"),
    ]
    big = [i for i in nodes(doc, model.ITEM) if i.number == "（一）"][0]
    assert [c.title for c in big.children if c.type == model.ITEM] == [
        "推动产业链供应链优化升级", "积极培育新兴产业和未来产业", "深入推进数字经济创新发展"]
    # 各位代表！ after the last number opens the closing: it belongs to the document.
    section2 = nodes(doc, model.SECTION)[1]
    assert section2.children[-1].type == model.ITEM
    after = doc.root.children[doc.root.children.index(section2) + 1 :]
    assert [c.content().strip()[:4] for c in after if c.type == model.PARAGRAPH] == ["各位代表", "让我们紧"]


def test_part_headings():
    doc = doc_of("part-headings.txt")
    assert [(s.number, s.title, s.level) for s in nodes(doc, model.SECTION)] == [
        ("第一部分", "总体要求", 1), ("第二部分", "重点任务", 1)]


def test_crlf_and_blank_lines_are_kept():
    doc = doc_of("crlf-blank-lines.txt")
    assert "\r\n" in doc.text
    assert [i.title for i in nodes(doc, model.ITEM)] == ["构建党建引领机制", "构建居民参与机制"]
    assert all(i.kind == model.SYSTEM for i in nodes(doc, model.ITEM))


def test_user_lexicon_extends_the_default(tmp_path):
    from govtext.lexicon import load_lexicon
    from govtext.pipeline import parse_text

    lex_file = tmp_path / "lex.toml"
    lex_file.write_text('extends = true\n[kinds]\nmethod = ["抓手"]\n', encoding="utf-8")
    text = "强化基层抓手\n构建工作抓手。加强统筹。\n发挥平台抓手。完善机制。\n"
    plain = parse_text(text)
    custom = parse_text(text, load_lexicon(lex_file))
    kinds = lambda d: [n.kind for n in d.walk() if n.type == model.ITEM]
    assert kinds(plain) == [None, None]
    assert kinds(custom) == ["method", "method"]


def test_table_of_contents_stays_in_the_header():
    doc = doc_of("law-table-of-contents.txt")
    assert [(c.number, c.title) for c in nodes(doc, model.CHAPTER)] == [("第一章", "总　　则"), ("第二章", "法律责任")]
    assert [a.number for a in nodes(doc, model.ARTICLE)] == ["第一条", "第二条", "第三条"]
    header_lines = [c.text for c in doc.root.children[0].children if c.type == model.LINE]
    assert header_lines[2:] == ["目　　录", "第一章　总　　则", "第二章　法律责任"]


def test_plan_parts_chapters_and_sections_nest_as_policy_headings():
    doc = doc_of("plan-parts-chapters.txt")
    assert doc.genre == "policy"
    got = [(s.number, s.level) for s in nodes(doc, model.SECTION)]
    assert got == [("第一篇", 1), ("第一章", 2), ("第二章", 2), ("第一节", 3), ("第二节", 3), ("第二篇", 1), ("第三章", 2)]


def test_sub_books_and_arabic_article_numbers():
    doc = doc_of("law-subbooks-arabic.txt")
    assert doc.genre == "law"
    books = [n for n in doc.walk() if n.type == model.BOOK]
    assert [(b.number, b.title) for b in books] == [
        ("第一编", "总则"), ("第二编", "物权"), ("第一分编", "通则"), ("第二分编", "所有权")]
    wuquan = books[1]
    assert [c.number for c in wuquan.children if c.type == model.BOOK] == ["第一分编", "第二分编"]
    assert [a.number for a in nodes(doc, model.ARTICLE)] == ["第1条", "第2条", "第3条", "第4条"]


def test_numbering_variants_with_full_stop_and_half_bracket():
    doc = doc_of("numbering-variants.txt")
    assert [(s.number, s.title) for s in nodes(doc, model.SECTION)] == [("一．", "总体要求"), ("二．", "主要任务")]
    assert [(i.number, i.kind) for i in nodes(doc, model.ITEM)] == [("1）", "system"), ("2）", "method")]


@pytest.mark.parametrize("number, value", [
    ("第一百六十五条", 165), ("第十七条之一", 17), ("（十二）", 12), ("4．", 4), ("第1条", 1),
    ("第一分编", 1), ("第二部分", 2), ("③", 3), ("二〇二五", 2025), ("十", 10),
])
def test_number_values(number, value):
    from govtext.numerals import number_value

    assert number_value(number) == value


def test_hard_wrapped_policy_lines_are_joined():
    doc = doc_of("wrapped-lines.txt")
    item = [i for i in nodes(doc, model.ITEM) if i.number == "（一）"][0]
    assert [c.type for c in item.children if c.type not in (model.BLANK,)][:3] == [model.LABEL, model.LEAD, model.MEASURE]
    assert [c.title for c in item.children if c.type == model.ITEM] == ["推动产业链供应链优化升级", "积极培育新兴产业和未来产业"]
    wrapped = [m.text for m in nodes(doc, model.MEASURE) if "\n" in m.text]
    assert wrapped and all(not t.startswith(("\n", "\u3000")) for t in wrapped)
    assert not [p for p in nodes(doc, model.PARAGRAPH) if p.children[0].text.startswith("的")]


def test_hard_wrapped_article_is_one_clause():
    doc = doc_of("law-wrapped-lines.txt")
    first = nodes(doc, model.ARTICLE)[0]
    assert len([c for c in first.children if c.type == model.CLAUSE]) == 1
    assert [a.number for a in nodes(doc, model.ARTICLE)] == ["第一条", "第二条", "第三条"]


@pytest.mark.parametrize("text, genre", [
    ("第一章 总则\n第一条 本法适用。\n", "law"),
    ("示例规定\n第一条 本规定适用。\n第二条 本规定施行。\n", "law"),
    ("第一章 发展环境\n当前我国发展仍然处于重要战略机遇期。\n", "policy"),
    ("一、总体要求\n第一条规定的事项要抓紧落实。\n", "policy"),
])
def test_genre_detection(text, genre):
    from govtext.pipeline import parse_text

    assert parse_text(text).genre == genre


@pytest.mark.parametrize("content, message", [
    ("kinds = 3\n[sentences]\nmodals=[]\ndirective_starts=[]\n", r"needs \[kinds\] and \[sentences\]"),
    ("[kinds]\nfoo = ['x']\n[sentences]\nmodals=[]\ndirective_starts=[]\n", "unknown kind foo"),
    ("extends = 'yes'\n", "extends must be true or false"),
    ("extends = true\n[kinds]\nsystem = '体制'\n", "kinds.system must be a list"),
    ("[kinds]\n[sentences]\nmodals=[]\n", "lacks directive_starts"),
    # Misspelt names are errors naming the closest valid one, never silently ignored.
    ("extends = true\n[sentence]\nmodals = ['得']\n", r"unknown table \[sentence\] \(did you mean \[sentences\]\?\)"),
    ("extends = true\n[sentences]\ndirective_start = ['抓']\n",
     r"unknown key sentences.directive_start \(did you mean directive_starts\?\)"),
    ("extends = true\n[kinds]\nsystems = ['体制']\n", r"unknown kind systems \(did you mean system\?\)"),
    ("extend = true\n", r"unknown key extend \(did you mean extends\?\)"),
    ("modal = ['得']\n[kinds]\n", r"unknown key modal \(did you mean sentences.modals\?\)"),
    ("[widgets]\nx = []\n", r"unknown table \[widgets\] \(tables are"),
])
def test_malformed_lexicons_are_refused_clearly(tmp_path, content, message):
    from govtext.errors import LexiconError
    from govtext.lexicon import load_lexicon

    path = tmp_path / "lex.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_lexicon(path)


def _direct(node, type_):
    return [c for c in node.children if c.type == type_]


def test_body_paragraphs_stay_in_their_item_until_the_next_number():
    """生命高于一切…/人命关天… after （一）'s sub-items belong to （一）, not to the section."""
    doc = doc_of("item-body-paragraphs.txt")
    section = nodes(doc, model.SECTION)[0]
    assert [c.type for c in section.children if c.type not in (model.HEADING, model.BLANK)] == [model.ITEM] * 3
    first = _direct(section, model.ITEM)[0]
    assert first.number == "（一）"
    inside = first.content()
    assert "生命高于一切" in inside and "人命关天，安全至上" in inside
    assert "生命高于一切" not in _direct(section, model.ITEM)[1].content()


def test_closing_paragraphs_leave_the_last_item():
    """办好农村的事… follows a one-line series: the section's; 让我们… is the document's."""
    doc = doc_of("closing-paragraphs.txt")
    last_item = [n for n in nodes(doc, model.ITEM) if n.number == "（四）"][0]
    assert "办好农村的事" not in last_item.content() and "让我们" not in last_item.content()
    section2 = nodes(doc, model.SECTION)[1]
    assert _direct(section2, model.PARAGRAPH)[-1].content().startswith("办好农村的事")
    assert doc.root.children[-1].type == model.PARAGRAPH
    assert doc.root.children[-1].content().startswith("让我们")


def test_closing_openers_are_lexicon_data():
    from govtext.lexicon import default_lexicon

    assert {"同志们", "各位代表", "让我们"} <= set(default_lexicon().closing_openers)


def test_heading_only_member_of_an_item_series_is_an_item():
    """（二）工作原则 between （一）……。 and （三）……。 is an item with a title and no lead."""
    doc = doc_of("heading-only-items.txt")
    section1 = nodes(doc, model.SECTION)[0]
    items = _direct(section1, model.ITEM)
    assert [(i.number, i.title) for i in items] == [("（一）", "坚持党的全面领导"), ("（二）", "工作原则"), ("（三）", "主要目标")]
    principles = items[1]
    leaves = [c.type for c in principles.children if c.type != model.BLANK]
    assert leaves[:2] == [model.LABEL, model.HEADING] and model.LEAD not in leaves
    assert [c.text for c in principles.children if c.type == model.HEADING] == ["工作原则"]
    assert len(_direct(principles, model.PARAGRAPH)) == 2
    # Counting the series gives the count in the text: （一）…（四）.
    assert [n.number for n in nodes(doc, model.ITEM) if n.number] == ["（一）", "（二）", "（三）", "（四）"]
    assert [s.number for s in nodes(doc, model.SECTION)] == ["一、", "二、"]


def test_one_series_across_sections_is_one_type():
    """An 意见 numbering （一）…（七） straight through 一、…三、: （一）–（三） under 一、总体要求
    (headings, two without a lead) are the same series as （四）–（七), so items too."""
    doc = doc_of("series-across-sections.txt")
    numbered = [n for n in doc.walk() if n.number and n.number.startswith("（")]
    assert [(n.number, n.type) for n in numbered] == [(f"（{v}）", model.ITEM) for v in "一二三四五六七"]
    assert [s.number for s in nodes(doc, model.SECTION)] == ["一、", "二、", "三、"]
    assert [n.title for n in numbered[:3]] == ["指导思想", "工作原则", "主要目标"]


def test_heading_series_stays_a_series_of_sections():
    doc = doc_of("heading-no-body.txt")
    assert [(s.type, s.number) for s in doc.root.children if s.number] == [
        (model.SECTION, "一、"), (model.SECTION, "二、")]


@pytest.mark.parametrize("title", ["推广“一网通办”", "推行“一件事一次办”", "打好政策“组合拳”", "落实《优化营商环境条例》"])
def test_title_keeps_its_closing_quote(title):
    doc = doc_of("quoted-titles.txt")
    assert title in [n.title for n in nodes(doc, model.ITEM)]


@pytest.mark.parametrize("sentence, title", [
    ("推广“一网通办”。", "推广“一网通办”"),
    ("打好政策“组合拳”。", "打好政策“组合拳”"),
    ("实施《条例（试行）》。", "实施《条例（试行）》"),
    ("这是说明。”", "这是说明"),  # a stray closer after the end mark is punctuation
    ("完善体制机制；", "完善体制机制"),
])
def test_strip_end_keeps_balanced_closers(sentence, title):
    from govtext.parse.sentences import strip_end

    assert strip_end(sentence) == title


def test_lines_are_typed_once_from_one_table():
    from govtext.lexicon import default_lexicon
    from govtext.parse import classify as c
    from govtext.parse.lines import split_lines

    text = "一、总体要求\n（一）加强领导。压实责任。\n完善社会治理体制\n各位代表！\n让我们紧密团结在党中央周围，为全面建设社会主义现代化国家而团结奋斗！\n\n正文。\n"
    typed = c.type_lines(c.scan(split_lines(text)), "policy", default_lexicon())
    assert [t.kind for t in typed] == [
        c.NUMBERED_HEADING, c.NUMBERED_ITEM, c.PLAIN_HEADING, c.INTERJECTION, c.CLOSING, c.BLANK, c.BODY]
    assert [t.number for t in typed[:2]] == ["一、", "（一）"]
    law = c.type_lines(c.scan(split_lines("第一章　总则\n第一条　为了规范。\n附则\n附件1\n")), "law", default_lexicon())
    assert [t.kind for t in law] == [c.NUMBERED_HEADING, c.NUMBERED_ITEM, c.PLAIN_HEADING, c.APPENDIX_HEADING]


def test_older_report_styles():
    """Full-width digits, 　　 indentation, 第一、 headings, a list reusing its part's
    numbering, a heading run on into its text, and 结束语 beside the numbered parts."""
    doc = doc_of("older-report-styles.txt")
    top = [(n.type, n.number, n.title) for n in doc.root.children if n.type == model.SECTION]
    assert [(t, n) for t, n, _ in top] == [(model.SECTION, n) for n in ("一、", "二、", "三、", "四、", None)]
    assert top[-1][2] == "结束语"
    part1, part2 = [n for n in doc.root.children if n.type == model.SECTION][:2]
    assert [(i.number, i.title) for i in _direct(part1, model.ITEM)] == [
        ("一、", "农业生产全面增长"), ("二、", "工业生产稳步上升")]
    assert [(s.number, s.title, s.level) for s in _direct(part2, model.SECTION)] == [
        ("第一、", "关于基本建设", 2), ("第二、", "关于工业生产", 2)]
    closing = [n for n in doc.root.children if n.type == model.SECTION][-1]
    assert [c.content().strip()[:4] for c in _direct(closing, model.PARAGRAPH)] == ["各位代表", "让我们团"]


def test_bare_numerals_head_parts():
    doc = doc_of("bare-numeral-parts.txt")
    parts = [n for n in doc.root.children if n.type == model.SECTION]
    assert [(p.number, p.title) for p in parts] == [("一", None), ("二", None), ("三", None)]
    # The address right under the last part heading is that part's text, not a closing.
    assert _direct(parts[-1], model.PARAGRAPH)[0].content().startswith("各位代表，让我们")


def test_a_lone_unnumbered_heading_holds_no_numbered_parts():
    """首先报告２００１年的工作 is the text's only unnumbered heading: a lead-in beside 一、二、."""
    doc = doc_of("lone-plain-heading.txt")
    top = [(n.number, n.title) for n in doc.root.children if n.type == model.SECTION]
    assert top == [(None, "首先报告２００１年的工作"), ("一、", "扩大和培育内需，促进经济较快增长"),
                   ("二、", "加快农业和农村经济发展"), (None, "结束语")]
    assert all(n.level == 1 for n in doc.root.children if n.type == model.SECTION)
    # Several unnumbered headings are parts: numbered headings after one nest under it.
    parts = doc_of("plain-parts-numbered.txt")
    assert outline(parts.root, (model.SECTION,)) == [
        (model.SECTION, None, "第六个五年计划的基本任务"), (model.SECTION, "一、", "关于工农业生产的发展速度"),
        (model.SECTION, "二、", "关于基本建设的规模"), (model.SECTION, None, "六五计划前两年的执行情况")]
    assert [n.level for n in nodes(parts, model.SECTION)] == [1, 2, 2, 1]


def test_editor_notes_are_no_headings():
    """＠①原字石右加安 / ※ … are an editor's notes after the text, not parts."""
    doc = doc_of("editor-notes.txt")
    assert [s.number for s in nodes(doc, model.SECTION)] == ["一、", "二、"]
    notes = [p.content().strip() for p in doc.root.children if p.type == model.PARAGRAPH]
    assert notes[-2:] == ["＠①原字石右加安", "※ 本文据人民日报排印"]


def test_an_enumeration_run_may_have_paragraphs_between_its_members():
    # gwr 2014's review: 一是… then paragraphs of its details (and unnumbered lead items), then
    # 二是…, 三是…: one run, numbered as written.  A 二要 counts in no run of 一是.
    doc = doc_of("enumeration-run-across-paragraphs.txt")
    items = [(n.number, n.title) for n in nodes(doc, model.ITEM) if n.number]
    assert items == [("一是", "着力深化改革开放，激发市场活力和内生动力"),
                     ("二是", "创新宏观调控思路和方式，确保经济运行处于合理区间"),
                     ("三是", "注重调整经济结构，提高发展质量和效益")]
    assert [p.content().startswith("二要") for p in nodes(doc, model.PARAGRAPH)][-1]


def test_an_enumeration_run_carries_on_in_the_next_paragraph():
    # gwr 2006: 一要…三要 in one paragraph, 四要…六要 in the next: one run of six.  A paragraph
    # opening with another number (二要 after 六要) starts nothing.
    doc = doc_of("enumeration-run-continues-next-paragraph.txt")
    enums = [(n.number, n.title) for n in nodes(doc, model.ENUMERATION)]
    assert [number for number, _ in enums] == ["一要", "二要", "三要", "四要", "五要", "六要"]
    assert enums[3] == ("四要", "大力发展循环经济")


def test_a_lone_first_member_opens_a_run_that_goes_on_at_line_starts():
    # gwr 2009/2010: 实施积极的财政政策。一是… then, after a paragraph of details, 二是… and 三是… at
    # line starts: one run (the line-start members are no items with leads).  A run that ended
    # inside a paragraph goes on in a later sentence of the next one (…的贷款。三是…四是…).  A lone
    # 一是 that no paragraph after it carries on with 二是 is no enumeration.
    doc = doc_of("enumeration-lone-first-member.txt")
    enums = [(n.number, n.title) for n in nodes(doc, model.ENUMERATION)]
    assert enums == [("一是", "大幅度增加政府支出"), ("二是", "实行结构性减税"), ("三是", "优化财政支出结构"),
                     ("一是", "改善金融调控"), ("二是", "优化信贷结构"),
                     ("三是", "理顺货币政策传导机制"), ("四是", "加强和改进金融监管")]
    assert not [n for n in nodes(doc, model.ITEM) if (n.title or "").startswith("二是")]


def test_a_run_of_another_style_between_two_members_leaves_the_run_open():
    # (review) A lone inline 一是, a paragraph holding a run of its own (一要…二要…), then 二是 at a
    # line start: the 一要 run stands inside the 一是 run, which 二是 carries on.  Before, the 一是
    # run ended at 二要 and 一是 stood as a one-member enumeration that no member followed.
    doc = parse_text("一、主要任务\n\n（一）加强宏观调控。\n群众反映强烈。一是看病难。\n"
                     "下一步要抓好两件事。一要加强组织。二要强化督查。\n二是深化国有企业改革。这是另一件事。\n")
    check_lossless(doc)
    assert [n.number for n in nodes(doc, model.ENUMERATION)] == ["一是", "一要", "二要", "二是"]
