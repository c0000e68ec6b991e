"""One item's sentences → operations: the clause rule table and the reader that walks an item with it.

An item is a sequence of clauses.  A clause is a verb (修改为, 改为, 增加, 删去,
合并, 单作, 移至, 并入, 列入 …; see :mod:`govtext.amend.vocabulary`) with its
targets (第X条第Y款第Z项, lists with 、/和/及, ranges 第X条至第Y条, 该条/其中的),
a count (增加两款 / 改为三条), positions (作为第二款、第三款 / 在……后) and a payload
(quotes, several paragraphs, with or without their 第X条 label).  Quotes are
placeholders (``Q``) by then, so no pattern sees quoted words.

Clauses share a :class:`~govtext.amend.references.Context`: the unit last named (what 第二款 / 其中的 / 该条
continue), a construction still waiting for its positions or text
(将第三条改为两条 … 作为第三条、第四条 … 修改为：“……”), a new chapter waiting for
its first article (增加一章 … 包括第六十一条至第六十五条).

Here: the pattern of each clause, in the order they are tried, the repairs made before matching,
and the folding of an item's operations once all its clauses are read.  What a matched clause
becomes is its handler's: :mod:`govtext.amend.word_clauses` (words, sentences, text outside the
articles) or :mod:`govtext.amend.unit_clauses` (whole units and headings); which units it names,
:mod:`govtext.amend.references`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from govtext.amend.item_being_read import ItemBeingRead, Quotes, Rule
from govtext.amend.ops import AddArticle, AddUnit, Detach, Modify, Operation
from govtext.amend.quotes import (
    PLACEHOLDER, PLACEHOLDER_RE, QUOTED, QuoteError, curl_ascii_quotes, extract_quotes, quote_bare_payload,
)
from govtext.amend.references import (
    ARTICLE_REF, HEADING_REF, IN_SENTENCE, LAW, POINT_REF, SEPARATOR, UNIT_LIST, UNIT_REF, Context, alternatives,
)
from govtext.amend.unit_clauses import (
    add, count_change, count_positions, delete, delete_heading, detach, include, join, merge, modify, more_as, move,
    move_to, no_change, rename_heading, renumber_heading, renumber_unit, transfer, unit_as,
)
from govtext.amend.vocabulary import (
    CLAUSE_SEPARATORS, CN, NO_CHANGE, NUM, PUNCTUATION_NAMES, QUOTE_SUFFIXES, REPAIRS, SAME_ARTICLE, SHORT_LIST,
    SIDES, TEXT_PARTS, UNIT_PARTS, VERBS, WHOLE_LAW,
)
from govtext.amend.word_clauses import (
    annex_item, delete_words, delete_words_after, insert_words, modify_text, modify_words, neighbour_words,
    paired_words, sentence_add, sentence_delete,
)


_QS = rf"(?:{QUOTED})+"
_QLIST = rf"{QUOTED}(?:(?:、|和|及)?{QUOTED})*"  # “A”“B”分别修改为 writes no mark between the words
_V = {name: alternatives(words) for name, words in VERBS.items()}
_UNIT_PART = alternatives(UNIT_PARTS)
_TEXT_PART = alternatives(TEXT_PARTS)
_SENTENCE = rf"第(?P<sentence>{CN})句"
_SIDE = alternatives(SIDES)
# 引言中的“A” / 宪法序言第三自然段中“A”: words in a paragraph before the articles.
_TEXT_WORDS = rf"(?:[\u4e00-\u9fff]{{1,10}}?法)?(?:引言|序言(?:第{CN}自然段)?)"
# 附件 / 附件1 / 附表2, and one of its items (附件第四项): the text after the articles (govtext.amend.annex).
_ANNEX_NAME = r"(?:附件|附表)[0-9０-９]*"
_ANNEX = rf"{_ANNEX_NAME}(?:{POINT_REF})?"
_ANNEX_ITEM = rf"{_ANNEX_NAME}{POINT_REF}"  # 附件第四项 / 附表2第（三）项


# 宪法第三条第一款“……”修改为：“……” / 宪法第七条：“……”修改为 (修正案 style): the unit, then the words it holds.
_WHERE = (rf"(?P<where>将?(?:名称(?:(?:、|和|及){UNIT_LIST})?|{UNIT_LIST}(?:{IN_SENTENCE})?|{_TEXT_WORDS}|{_ANNEX}|{alternatives(WHOLE_LAW)})?(?:中的|其中的|末尾的|中)"
          rf"|将?其中的|将{UNIT_LIST}|{LAW}{UNIT_LIST}[：:]?|将)?")


_M = _V["modify"]
_COUNT = rf"(?P<n>{NUM})"  # 增加两条 / 增加2条
# The clauses, tried in order at each position of an item.
RULES: tuple[tuple[re.Pattern[str], Rule], ...] = tuple((re.compile(p), r) for p, r in (
    *((pattern, no_change(what, renumber)) for pattern, what, renumber in NO_CHANGE),
    # 在第X条中的“A”后增加“B” / 在第一条第二款开始部分增加规定：“……”
    # (中“A”后 without 的; 宪法修正案 style: “A”后增加一句，内容为：“……”)
    (rf"在?(?P<where>{UNIT_LIST}(?:{IN_SENTENCE})?|{_TEXT_WORDS}|{_ANNEX}|{alternatives(WHOLE_LAW)}|其)?(?:中的|中|的)?(?P<anchor>{QUOTED})(?P<side>{_SIDE}){_V['add']}"
     rf"(?:一句[，,]?(?:内容为)?[：:]?)?(?P<new>{QUOTED})", insert_words),
    (rf"在?(?P<where>{UNIT_LIST}|{_TEXT_WORDS})(?:的)?(?P<part>{_UNIT_PART}|开头){_V['add']}(?:规定)?[：:]?(?P<new>{QUOTED})",
     insert_words),
    # 将第六条中“A”后的“B”删去 / 删去第六条中“A”后的“B” / ……“A”前的“B”修改为“C”
    (rf"(?:将|(?P<lead>{_V['delete']}))?(?P<where>{UNIT_LIST}(?:{IN_SENTENCE})?)?(?:中的|其中的|中)?(?P<nb>{QUOTED})(?P<side>{_SIDE})的"
     rf"(?P<old>{QUOTED})(?(lead)|(?:{_V['delete']}|(?:{_M}|{_V['change']})[：:]?(?P<new>{QUOTED})))", neighbour_words),
    # 将第二条第一款中的“A”、第三条中的“B”分别修改为“C”、“D”: each word in its own place
    (rf"将?(?P<pairs>{UNIT_LIST}(?:中的|中){QUOTED}(?:(?:、|和|及){UNIT_LIST}(?:中的|中){QUOTED})+)分别(?:{_M}|{_V['change']})[：:]?"
     rf"(?P<new>{QUOTED}(?:(?:、|和|及)?{QUOTED})*)", paired_words),
    # ……中的“A”修改为“B” / 将“A”修改为：“……” / 将“A”、“B”分别修改为“C”、“D”
    (rf"{_WHERE}(?P<old>{_QLIST})(?:统一|均|分别|一律)?(?:{_M}|{_V['change']})[：:]?"
     rf"(?P<new>{QUOTED}(?:(?:、|和|及)?{QUOTED}(?!(?:统一|均|分别|一律)?(?:{_M}|{_V['change']})))*)", modify_words),
    # 将第X条中的“A”删去 / 将第X条第二款删去 (the verb after its object)
    (rf"(?P<body>将?(?:{UNIT_LIST})?(?:{IN_SENTENCE})?(?:中的|其中的){QUOTED}(?:(?:和|、|及)(?:{UNIT_LIST}(?:中的|末尾的))?{QUOTED})*){_V['delete']}",
     delete_words_after),
    (rf"将(?P<refs>{UNIT_LIST}){_V['delete']}", delete),
    (rf"(?P<refs>{UNIT_LIST}){_V['delete']}(?=[，。；,]|$)", delete),  # 第三条第二款删除 (court style: no 将)
    # 删去……中的“A” / 删去其中的“A”和“B” / 删去第八条第一款末尾的“A”和第二款末尾的“B”
    (rf"{_V['delete']}(?P<body>(?:(?:{UNIT_LIST})?(?:{IN_SENTENCE})?(?:中的|其中的|末尾的|该条中的|该款中的|中))?{QUOTED}"
     rf"(?:(?:和|、|及)(?:(?:{UNIT_LIST})?(?:中的|末尾的))?{QUOTED})*)"
     rf"(?:(?:和|、|及|以及)(?P<units>{UNIT_LIST})(?=[，。；,]|$))?", delete_words),
    # 将引言修改为 / 将名称修改为 / 将第一部分标题修改为
    (rf"将?(?:[\u4e00-\u9fff]{{1,10}}?法)?(?:序言第(?P<paragraph>{CN})自然段)(?:{_M}|修改成)[：:]?(?P<q>{_QS})", modify_text),
    # 将附件第四项修改为：“……” / 删去附件第五项 / 将附表2第三项删去
    (rf"将?(?P<annex>{_ANNEX_ITEM}){_M}[：:]?(?P<q>{_QS})", annex_item),
    (rf"(?:{_V['delete']}(?P<annex>{_ANNEX_ITEM})"
     rf"|将(?P<annex2>{_ANNEX_ITEM}){_V['delete']})(?=[，。；,]|$)", annex_item),
    (rf"将(?:(?P<part>{_TEXT_PART})|第(?P<section>{CN})部分(?:的)?标题){_M}[：:]?(?P<q>{_QS})", modify_text),
    # 删去第二款第二句 / 在第一款第一句后增加一句：“……” / 增加一句，作为第二句：“……”
    (rf"{_V['delete']}(?P<ref>{UNIT_REF})?(?:的)?{_SENTENCE}", sentence_delete),
    (rf"(?P<ref>在?{UNIT_REF})?(?:的)?(?:第(?P<after>{CN})句(?:之)?后|末尾)?{_V['add']}一句[，,]?(?:作为第(?P<pos>{CN})句)?"
     rf"[：:]?(?P<q>{_QS})", sentence_add),
    # 将第三章的章名修改为“……” / 将第二编第三章章名修改为：“……” / 将第三编第二分编的名称修改为
    (rf"将(?:第(?P<book>{CN})(?:编|章))?第(?P<num>{CN})(?P<unit>分编|编|章|节)的?(?:分编|编|章|节)?(?:名称|名|标题)?{_M}[：:]?(?P<q>{QUOTED})",
     rename_heading),
    # 将第三条改为两条 / 第一款改为三款
    (rf"(?P<ref>将?{UNIT_REF})?(?:{_V['change']}|{_V['split']}){_COUNT}(?P<unit>条|款|项)(?![之第])", count_change),
    # 将第九条改为第十一条 / 第四项改为第三项 / 将第二十六条改为第二十九条第一款
    # (some courts write 修改为 for 改为: 将第二条修改为第六条：“……”)
    (rf"(?P<refs>将?{UNIT_LIST})(?:分别|依次)?(?:{_V['change']}|{_M})"
     rf"(?P<news>第{NUM}(?:条(?:第{CN}款)?|款|项|目)(?:(?:、|至|和)第{NUM}(?:条|款|项|目))*|{POINT_REF}(?:(?:、|至|和){POINT_REF})*)"
     rf"(?=[，。；,：:]|\ue000|$)", renumber_unit),
    # ……，(分别)作为第三条、第四条 (the numbers of a count change)
    (rf"(?:分别)?{_V['as']}(?P<news>{UNIT_LIST})(?=[，。；,]|$)", count_positions),
    # 第一款作为第八十条；第二款作为第八十一条第一款
    (rf"第(?P<c>{CN})款{_V['as']}第(?P<n>{NUM})条(?:第{CN}款)?", unit_as),
    (rf"第(?P<cs>{CN}(?:、{CN})+)款分别{_V['as']}第(?P<n>{NUM})条第{CN}(?:、{CN})*款", more_as),
    # 将第五条修改为：“……” / 第二款修改为 / 第五条条首部分修改为 / 修改为（after 改为两条）
    (rf"(?P<ref>将?{UNIT_REF})?(?P<more>(?:{SEPARATOR}{UNIT_REF})+)?(?:的)?(?:(?P<part>{_UNIT_PART})|{_SENTENCE})?[，,]?(?P<each>分别)?"
     rf"(?:{_M}|(?P<moved>修改后作为本条第{CN}款))[：:]?(?P<q>{_QS})", modify),
    # a payload standing alone right after a clause that named a unit: 将第二条修改为第六条：“……”
    (rf"(?P<ref>)(?P<part>)(?P<sentence>)(?P<moved>)(?P<q>{_QS})", modify),
    # 增加一条，作为第六条：“……” / 第三条增加两款，分别作为第二款、第三款 / 增加一章，作为第七章“公布”
    # / 在第七条增加一项，作为第四项 (在 with neither 中 nor 后)
    (rf"(?:在(?P<loc>{UNIT_REF}|{HEADING_REF})(?:(?P<side>{_SIDE})|中))?在?(?P<ref>{UNIT_REF})?中?{_V['add']}{_COUNT}(?P<unit>编|章|节|条|款|项|目)"
     rf"(?:[，,]?(?:分别)?{_V['as']}(?P<pos>(?:{UNIT_LIST}|第{CN}(?:编|章|节))))?(?P<title>{QUOTED})?(?:[：:]?(?P<q>{_QS}))?",
     add),
    # 包括第六十一条至第六十五条 / 列入本章
    (rf"{_V['include']}(?:(?P<list>第(?P<first>{NUM})条(?:(?:至|、|和|及)第{NUM}条)*)|本(?:章|节|编))"
     rf"(?:[：:]?(?P<q>{_QS}))?", include),
    # 将第十条、第二十五条合并，作为第十条 / 将第六条和第七条合并
    (rf"(?P<refs>将?{UNIT_LIST}){_V['merge']}(?:为一[条款项])?(?:[，,]?作为第(?P<as>{NUM})(?P<as_unit>条|款|项))?", merge),
    (rf"将(?P<ref>{UNIT_REF}){_V['join']}(?P<into>{UNIT_REF})", join),
    (rf"将(?P<ref>{UNIT_REF}){_V['detach']}一条[，,]?{_V['as']}第(?P<n>{NUM})条", detach),
    # 将第十二条移至第十五条后
    (rf"将(?P<ref>{UNIT_REF}){_V['move']}(?P<after>{UNIT_REF})之?后", move),
    # 将第三条第二款作为第四条第二款 / 移作 (a 款 into another article)
    # 将第四条第二款移至第三条，作为第二款 / 作为该条第二款: the article said once, by 移至
    (rf"将(?P<ref>{UNIT_REF})(?:{_V['move']}(?P<to>{ARTICLE_REF})[，,]?)?(?:移作|移为|{_V['as']})"
     rf"(?P<dest>(?(to)(?:第{NUM}条(?:之{CN})?|{alternatives(SAME_ARTICLE)})?|第{NUM}条(?:之{CN})?)第{NUM}款)(?![第之])",
     transfer),
    (rf"将(?P<ref>{UNIT_REF})(?:移作|移为)第[（(]?(?P<n>{NUM})[）)]?(?P<unit>条|款|项)", move_to),
    (rf"将?{LAW}?(?:第(?P<within>{CN})(?:编|章))?第(?P<a>{CN})(?P<unit>编|章|节){_V['change']}(?:第(?P=within)(?:编|章))?"
     rf"第(?P<b>{CN})(?P=unit)",
     renumber_heading),
    # 删去第十二条 / 删除第四条、第五条、第十二条
    (rf"{_V['delete']}(?P<refs>{UNIT_LIST})(?=[，。；,]|$)", delete),
    # 删去第四章 / 删去第二章第三节: the heading with the articles under it
    (rf"{_V['delete']}(?:第(?P<book>{CN})(?:编|章))?第(?P<num>{CN})(?P<unit>编|章|节)(?=[，。；,]|$)", delete_heading),
))
_SEPARATORS = re.compile(CLAUSE_SEPARATORS)


def read_item(text: str, ctx: Context | None = None) -> tuple[tuple[Operation, ...], str | None]:
    """The item's operations, or what was not understood as the problem."""
    ctx = ctx or Context()
    try:
        plain, quotes = extract_quotes(quote_bare_payload(curl_ascii_quotes(text)))
    except QuoteError as exc:
        return (), str(exc)
    plain = re.sub(r"\s+(?=\ue000)", "", plain)  # 修改为：⏎“……”: the text on the next line
    for pattern, replacement in REPAIRS:
        plain = re.sub(pattern, replacement, plain)
    plain = re.sub(_SPACED_NUMBER, "", plain)
    plain = re.sub(SHORT_LIST, _spell_out_list, plain)
    plain = re.sub(rf"(?<=\ue001){alternatives(QUOTE_SUFFIXES)}", "", plain)
    plain, quotes = _quote_punctuation(plain, quotes)
    item = ItemBeingRead(quotes, ctx, [])
    pos = 0
    while True:
        sep = _SEPARATORS.match(plain, pos)
        if sep:
            pos = sep.end()
        if pos >= len(plain):
            break
        for pattern, rule in RULES:
            m = pattern.match(plain, pos)
            if m and m.end() > pos:
                try:
                    rule(m, item)
                except ValueError as exc:
                    return (), str(exc)
                pos = m.end()
                break
        else:
            rest = PLACEHOLDER_RE.sub("“…”", plain[pos:])
            return (), f"not understood: {rest[:30]}"
    if not item.ops:
        return (), "not understood: empty item"
    try:
        return tuple(_fold(item.ops, ctx)), None
    except ValueError as exc:
        return (), str(exc)


# Spaces inside a reference (第二条 第一款, 第 十 条: scraped and PDF texts) are no clause boundary.
_SPACED_NUMBER = re.compile(rf"(?<=[第条款项目之0-9０-９{CN[1:-2]}])[ \u3000]+(?=[第条款项目之0-9０-９{CN[1:-2]}])")


def _spell_out_list(m: re.Match) -> str:
    """第四、六条 → 第四条、第六条 (not the paired 分别作为第八十一条第二、三款)."""
    if re.search(rf"作为(?:第{NUM}条)?$", m.string[:m.start()]):
        return m.group()
    return "、".join(f"第{n}{m.group(2)}" for n in m.group(1).split("、"))


# 末尾的句号 / 中的分号 / 修改为分号 / 删去……逗号: a named mark where a quote of it would stand.
_NAMED_MARK = re.compile(rf"(?<=的|将|为|去|除){alternatives(PUNCTUATION_NAMES)}")


def _quote_punctuation(plain: str, quotes: Quotes) -> tuple[str, Quotes]:
    """Each punctuation mark named by its name becomes a quote of the mark itself."""
    added = list(quotes)

    def quote(m: re.Match) -> str:
        added.append((PUNCTUATION_NAMES[m.group()],))
        return PLACEHOLDER.format(len(added) - 1)

    return _NAMED_MARK.sub(quote, plain), tuple(added)


def _fold(ops: list[Operation], ctx: Context) -> list[Operation]:
    """Join what one item says in pieces; refuse what is still incomplete."""
    if ctx.heading is not None:
        raise ValueError("a new chapter without its first article (包括第X条 / 列入本章)")
    if ctx.split is not None and ctx.split[2] and not any(isinstance(op, Detach) for op in ops):
        raise ValueError("改为N条 without the text of the new articles")
    out: list[Operation] = []
    for op in ops:
        # 在第X条中增加一款作为第二款，将该条修改为：“……”: the new paragraph comes with the article's text.
        if (isinstance(op, Modify) and out and isinstance(out[-1], AddUnit) and not out[-1].lines
                and op.target.article_only() == out[-1].parent.article_only()):
            out[-1] = replace(out[-1], with_article=True)
        # 增加一条，作为第一百一十一条……增加一款，作为第一百一十一条第二款：the new article's 款.
        if isinstance(op, AddUnit) and op.unit == "clause":
            host = next((i for i, o in enumerate(out) if isinstance(o, AddArticle)
                         and (o.number, o.zhiyi) == op.parent.key), None)
            if host is not None:
                out[host] = replace(out[host], lines=out[host].lines + op.lines)
                continue
        out.append(op)
    for op in out:
        if isinstance(op, AddUnit) and not op.lines and not op.with_article:
            raise ValueError(f"no text given for the new unit in {op.parent.label()}")
        if isinstance(op, AddArticle) and not op.lines:
            raise ValueError(f"no text given for the new {op.describe().split()[-1]}")
    return out
