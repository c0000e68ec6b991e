"""The clause grammar: classes of phrasing (from instruments not in the development set) read as operations.

Each row stands for a class — counts, position lists, ranges, unit parts, words
inserted beside an anchor, lists of targets, a missing 第, court-style quotes —
not for one sentence.  Plus the items that cannot be right, refused with a reason.
"""

from __future__ import annotations

import pytest

from govtext.amend.grammar import read_item

READINGS = [
    ("第三条增加二款，作为第二款、第三款：“甲。”“乙。”",
     ["add clause as 第二款 in 第三条", "add clause as 第三款 in 第三条"]),
    ("第三条增加两款，分别作为第二款、第三款：“甲。\n“乙。”",
     ["add clause as 第二款 in 第三条", "add clause as 第三款 in 第三条"]),
    ("将第九条改为三条，作为第十二条、第十三条、第十四条，修改为：\n“第十二条　甲。\n“第十三条 乙。\n“第十四条　丙。”",
     ["modify 第九条 (1 paragraph)", "add article 第十三条", "add article 第十四条"]),
    ("增加一章，作为第七章“公布”，包括第四十九条至第五十一条", ["add heading 第七章 公布 before new 第四十九条"]),
    ("增加三条，分别作为第四十九条至第五十一条：“甲。”“乙。”“丙。”",
     ["add article 第四十九条", "add article 第五十条", "add article 第五十一条"]),
    ("在第八条第一款、第九条、第十二条第一款中的“国务院”后增加“有关部门”",
     ["insert “有关部门” after “国务院” in 第八条第一款、第九条、第十二条第一款"]),
    ("在第二条中的“人民法院院长”前增加“监察委员会主任”",
     ["insert “监察委员会主任” before “人民法院院长” in 第二条"]),
    ("删除第四条、第五条、第十二条", ["delete 第四条", "delete 第五条", "delete 第十二条"]),
    ("其他条文序号作相应调整", ["articles renumbered"]),
    ("将第二十六条改为第二十九条第一款，修改为：“甲。”",
     ["renumber 第二十六条 → 第二十九条第一款", "modify 第二十六条 (1 paragraph)"]),
    ("将第四十三条第二款改为第四十八条第一款", ["detach 第四十三条第二款 as 第四十八条"]),
    ("第五条条首部分修改为：“有下列情形之一的：”", ["modify the head of 第五条"]),
    ("将第三条第二款第二句修改为：“甲。”", ["modify sentence 2 of 第三条第二款"]),
    ("删去第二条第二款第二句", ["delete sentence 2 of 第二条第二款"]),
    ("在第二条第一款第一句后增加一句：“丙。”", ["add a sentence after sentence 1 of 第二条第一款"]),
    ("第三条增加一句，作为第二句：“丁。”", ["add a sentence after sentence 1 of 第三条"]),
    ("第一条增加一句：“戊。”", ["add a sentence at the end of 第一条"]),
    ("删去第八条第一款末尾的“等”和第二款末尾的“的”",
     ["delete words “等” in 第八条第一款", "delete words “的” in 第八条第二款"]),
    ("在第一条第二款开始部分增加规定：“甲，”", ["insert “甲，” at the start of 第一条第二款"]),
    ("将第六条和第七条合并修改为：“甲。”", ["merge 第六条、第七条", "modify 第六条 (1 paragraph)"]),
    ("将第二条第三款单作一条，作为第三条", ["detach 第二条第三款 as 第三条"]),
    ("将十一条修改为：\n“甲。\n乙。”", ["modify 第十一条 (2 paragraphs)"]),
    ("增加一条作为第十六条：\n“甲。”", ["add article 第十六条"]),
    ("将第十二条并入第十条", ["merge 第十条、第十二条"]),
    ("将第二条修改为第六条：“甲。”", ["renumber 第二条 → 第六条", "modify 第二条 (1 paragraph)"]),
    ("将第四十二条改为第五十一条，增加一款，作为第一款：“甲。”\n将第一款和第二款合并，作为第二款，修改为：“乙。”\n第三款修改为：“丙。”",
     ["renumber 第四十二条 → 第五十一条", "add clause as 第一款 in 第四十二条", "merge 第四十二条第一款、第四十二条第二款",
      "modify 第四十二条第一款 (1 paragraph)", "modify 第四十二条第三款 (1 paragraph)"]),
    ("将第七十二条改为两条，第一款作为第八十条；第二款作为第八十一条第一款，修改为：“甲”；第三、四款分别作为第八十一条第二、三款。",
     ["renumber 第七十二条 → 第八十条", "detach 第七十二条第二款、第三款、第四款 as 第八十一条"]),
    ("将“一、买卖合同的成立及效力”修改为：\n“一、买卖合同的成立”。", ["replace words “一、买卖合同的成立及效力” → “一、买卖合同的成立” in throughout"]),
    ("将引言修改为：\n“为正确审理案件，制定本解释。”", ["modify the preamble"]),
    ("将第十二条移作第十五条", ["move 第十二条 to 第十五条"]),
    ("将第一百九十四条、第一百九十五条分别改为第二百零一条、第二百零二条",
     ["renumber 第一百九十四条 → 第二百零一条", "renumber 第一百九十五条 → 第二百零二条"]),
    ("将第十条至第十二条改为第十一条至第十三条",
     ["renumber 第十条 → 第十一条", "renumber 第十一条 → 第十二条", "renumber 第十二条 → 第十三条"]),
    ("将第十八条、第十九条合并，作为第二十一条，修改为：“甲。”",
     ["merge 第十八条、第十九条", "renumber 第十八条 → 第二十一条", "modify 第十八条 (1 paragraph)"]),
    ("将第三条中的“甲”修改为“乙”；在“丙”后增加“丁”",
     ["replace words “甲” → “乙” in 第三条", "insert “丁” after “丙” in 第三条"]),
    ("将第五条中的“甲”删去", ["delete words “甲” in 第五条"]),
    ("将第五条第二款删去", ["delete 第五条第二款"]),
    ("将第五条中的“甲”改为“乙”", ["replace words “甲” → “乙” in 第五条"]),
    ("将第四条第二项、第三项合并为一项，修改为：“（二）甲；”",
     ["merge 第四条第二项、第四条第三项", "modify 第四条第二项 (1 paragraph)"]),
    ("在第一百三十三条后增加两条，作为第一百三十三条之一、第一百三十三条之二：“甲。”“乙。”",
     ["add article 第一百三十三条之一 after 第一百三十三条", "add article 第一百三十三条之二 after 第一百三十三条之一"]),
    ("将第三章改为第四章", ["renumber 第三章 → 第四章"]),
    ("将第五条中的“甲”修改为“乙”、“丙”修改为“丁”",
     ["replace words “甲” → “乙” in 第五条", "replace words “丙” → “丁” in 第五条"]),
    ("将“甲”、“乙”分别修改为“丙”、“丁”",
     ["replace words “甲” → “丙” in throughout", "replace words “乙” → “丁” in throughout"]),
    ("将第三十五条第一款、第二款修改为“甲。\n“乙。”",
     ["modify 第三十五条第一款 (2 paragraphs)", "delete 第三十五条第二款"]),
    ("删去《中华人民共和国进出口商品检验法实施条例》第三十七条。", ["delete 第三十七条"]),
    ("将第一部分标题修改为：\n“一、认定”。", ["modify the part:1"]),
]


@pytest.mark.parametrize("sentence, expected", READINGS, ids=[r[0][:24] for r in READINGS])
def test_phrasing_class_reads(sentence, expected):
    ops, problem = read_item(sentence)
    assert problem is None
    assert [op.describe() for op in ops] == expected


@pytest.mark.parametrize("sentence, reason", [
    ("将第三条、第三条合并", "named twice"),
    ("将“”修改为“X”", "empty quotation"),
    ("删去“”", "empty quotation"),
    ("将第一款和第二款合并，作为第二款", "before any article is named"),
    ("将第九条改为三条，作为第十二条、第十三条，修改为：“甲。”", "names 2 numbers"),
    ("增加两款，作为第二款：“甲。”", "before any article is named"),
    ("第三条增加两款，作为第二款：“甲。”", "names 1 positions"),
    ("增加一章，作为第七章“公布”", "first article"),
])
def test_items_that_cannot_be_right_are_refused(sentence, reason):
    ops, problem = read_item(sentence)
    assert ops == ()
    assert reason in problem
