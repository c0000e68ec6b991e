"""One item's sentences → operations: a small grammar of clauses that compose.

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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from govtext.amend.ops import (
    AT_END, AddArticle, AddHeading, AddUnit, Delete, DeleteHeading, Detach, InsertWords, Merge, Modify, ModifyPart, ModifyText, Move,
    NoChange, Operation, RenameHeading, Renumber, RenumberHeading, ReplaceWords, Target, Transfer,
)
from govtext.amend.quotes import (
    PLACEHOLDER, PLACEHOLDER_RE, QuoteError, as_law_text, curl_ascii_quotes, extract_quotes, quote_bare_payload,
)
from govtext.amend.references import LAW, SEPARATOR, Context, alternatives, numeral_value
from govtext.amend.vocabulary import (
    CLAUSE_SEPARATORS, CN, NO_CHANGE, NUM, PUNCTUATION_NAMES, QUOTE_SUFFIXES, REPAIRS, SAME_ARTICLE,
    SAME_UNIT, SHORT_LIST, SIDES, TEXT_PARTS, UNIT_PARTS, UNITS, VERBS, WHOLE_LAW,
)
from govtext.numerals import to_cn


_Q = "\ue000\\d+\ue001"
_QS = rf"(?:{_Q})+"
_QLIST = rf"{_Q}(?:(?:、|和|及)?{_Q})*"  # “A”“B”分别修改为 writes no mark between the words
_V = {name: alternatives(words) for name, words in VERBS.items()}
_ART = rf"第{NUM}条(?:之{CN})?"
_CL = rf"第{NUM}款"
_PT = rf"第[（(]?{NUM}[）)]?项"
_SP = rf"第{NUM}目"
_SAME = alternatives(SAME_ARTICLE + SAME_UNIT)
# 该条第三款: a 款 of the article last named, said so (SAME_ARTICLE then the unit).
_ONE = (rf"(?:{LAW}?原?(?:{_ART}(?:{_CL})?(?:{_PT})?(?:{_SP})?|{_CL}(?:{_PT})?(?:{_SP})?|{_PT}(?:{_SP})?|{_SP})"
        rf"|{alternatives(SAME_ARTICLE)}(?:{_CL}(?:{_PT})?|{_PT})(?:{_SP})?|{_SAME})")
_RANGE = rf"{_ONE}至{_ONE}"
_LIST = rf"(?:{_RANGE}|{_ONE})(?:{SEPARATOR}(?:{_RANGE}|{_ONE}))*"
_UNIT_PART = alternatives(UNIT_PARTS)
_TEXT_PART = alternatives(TEXT_PARTS)
_SENTENCE = rf"第(?P<sentence>{CN})句"
_SIDE = alternatives(SIDES)
_HEADING = rf"(?:第{CN}(?:编|章))?第{CN}(?:编|章|节)"  # 在第三章第一节后增加一节: the 节 counted in its 章
# 第十条第二款第一句中的“A”: words sought in one sentence of the unit named.
_IN_SENTENCE = rf"(?:的)?第{CN}句"
# 引言中的“A” / 宪法序言第三自然段中“A”: words in a paragraph before the articles.
_TEXT_WORDS = rf"(?:[\u4e00-\u9fff]{{1,10}}?法)?(?:引言|序言(?:第{CN}自然段)?)"
# 附件 / 附件1 / 附表2, and one of its items (附件第四项): the text after the articles (govtext.amend.annex).
_ANNEX = rf"(?:附件|附表)(?:[0-9０-９]+)?(?:第[（(]?{NUM}[）)]?项)?"


Quotes = tuple[tuple[str, ...], ...]


@dataclass
class _Item:
    """One item being read: its quotes, its context, its operations so far."""

    quotes: Quotes
    ctx: Context
    ops: list[Operation]
    text_part: tuple[str, Target | None] | None = None
    """The paragraph before the articles a words clause last named, and the unit last named then."""

    def lines(self, placeholders: str | None) -> tuple[str, ...]:
        """All paragraphs of the (possibly several adjacent) quotes."""
        out: list[str] = []
        for qm in PLACEHOLDER_RE.finditer(placeholders or ""):
            out.extend(as_law_text(p) for p in self.quotes[int(qm.group(1))])
        return tuple(out)

    def each(self, placeholders: str | None) -> list[tuple[str, ...]]:
        """Each quote's paragraphs separately."""
        return [tuple(as_law_text(p) for p in self.quotes[int(qm.group(1))])
                for qm in PLACEHOLDER_RE.finditer(placeholders or "")]

    def word(self, placeholder: str) -> str:
        return "".join(self.lines(placeholder))

    def wait(self, op: Operation) -> None:
        self.ctx.awaiting = len(self.ops)
        self.ops.append(op)


Rule = Callable[[re.Match, _Item], None]


# ---- clauses ---------------------------------------------------------------------------------------------------

def _targets_of(where: str | None, item: _Item) -> tuple[Target, ...]:
    """The units a words clause works in: listed, 其中/该条 (the last named), or () for the whole law."""
    where = re.sub(r"^将|^在", "", where or "")
    where = re.sub(r"(?:中的|其中的|末尾的|中|的|[：:])$", "", where)
    if where in WHOLE_LAW:
        return ()
    if where in ("", "其"):
        places, named = item.ctx.places or ((), None)
        if places and named is item.ctx.target:
            # 将第一条、第三条中的“A”修改为“B”，“C”修改为“D”: the same places as the clause before.
            return places
        return (item.ctx.resolve("该款"),) if item.ctx.target else ()
    targets = item.ctx.resolve_list(where)
    item.ctx.places = (targets, item.ctx.target)
    return targets


# 宪法第三条第一款“……”修改为：“……” / 宪法第七条：“……”修改为 (修正案 style): the unit, then the words it holds.
_WHERE = (rf"(?P<where>将?(?:名称(?:(?:、|和|及){_LIST})?|{_LIST}(?:{_IN_SENTENCE})?|{_TEXT_WORDS}|{_ANNEX}|{alternatives(WHOLE_LAW)})?(?:中的|其中的|末尾的|中)"
          rf"|将?其中的|将{_LIST}|{LAW}{_LIST}[：:]?|将)?")


def _text_part_of(where: str) -> str | None:
    """引言中的 → ``preamble``; 宪法序言第三自然段中 → ``preamble:3``; a unit's place → None."""
    annex = re.match(rf"^[将在]?(?P<name>(?:附件|附表)[0-9０-９]*)(?:第[（(]?(?P<n>{NUM})[）)]?项)?(?:中的|中|的|末尾的)?$", where)
    if annex:
        item = annex.group("n")
        return f"annex:{annex.group('name')}" + (f":{numeral_value(item)}" if item else "")
    m = re.match(rf"^[将在]?(?:[\u4e00-\u9fff]{{1,10}}?法)?(?:引言|序言(?:第(?P<n>{CN})自然段)?)(?:中的|中|的|末尾的)?$", where)
    if not m:
        return None
    return f"preamble:{numeral_value(m.group('n'))}" if m.group("n") else "preamble"


def _sentence_of(where: str) -> tuple[str, int | None]:
    """第二款第一句中的 → (第二款中的, 1): the place, and the sentence the words are in."""
    m = re.search(rf"(?:的)?第(?P<n>{CN})句", where)
    if not m:
        return where, None
    return where[:m.start()] + where[m.end():], numeral_value(m.group("n"))


def _words(m, item: _Item) -> None:
    """将第X条中的“A”修改为“B” / 将“A”、“B”分别修改为“C”、“D” / 将“A”修改为：“……”."""
    where, sentence = _sentence_of(m.group("where") or "")
    in_title = bool(re.match(r"^将?名称(?:、|和|及|中的)", where))
    if in_title:
        where = re.sub(r"^将?名称(?:、|和|及)?", "将", where)
    text_part = _text_part_of(where)
    if not where.strip("将") and item.text_part and item.text_part[1] is item.ctx.target:
        text_part = item.text_part[0]  # 序言第三自然段中“A”修改为“B”；“C”修改为“D”: the same paragraph
    targets = _targets_of(where, item) if not re.fullmatch(r"将?中的", where) and not text_part else ()
    item.text_part = (text_part, item.ctx.target) if text_part else None
    olds = [item.word(q.group()) for q in PLACEHOLDER_RE.finditer(m.group("old"))]
    news = [item.word(q.group()) for q in PLACEHOLDER_RE.finditer(m.group("new"))]
    if "\ue001\ue000" in m.group("new") and len(olds) < 2:
        raise ValueError("one phrase replaced by several quotations")  # a paragraph payload, not words
    if len(news) == 1 and len(olds) > 1:
        news = news * len(olds)
    if len(olds) != len(news):
        raise ValueError(f"{len(olds)} phrases to replace, {len(news)} replacements")
    # Several words over several units (分别), or a continuation over the units listed before:
    # each word need only be in some of them.
    anywhere = len(targets) > 1 and (len(olds) > 1 or not where.strip("将"))
    for old, new in zip(olds, news):
        if not old:
            raise ValueError("an empty quotation “” cannot be replaced")
        item.ops.append(ReplaceWords(targets, old, new, in_title, anywhere, sentence, text_part))


def _insert_words(m, item: _Item) -> None:
    """在第X条中的“A”后增加“B” / 在第一条第二款开始部分增加：“……” / 在第二款第一句中的“A”后增加“B”."""
    where, sentence = _sentence_of(m.group("where") or "")
    text_part = _text_part_of(where)
    targets = _targets_of(where, item) if not text_part else ()
    given = m.groupdict().get("anchor")
    anchor = item.word(given) if given else ""
    if given and not anchor:
        raise ValueError("an empty quotation “” cannot anchor an insertion")
    if not targets and not anchor and not text_part:
        raise ValueError("an insertion at the start of no named unit")
    side = m.groupdict().get("side")
    at_end = UNIT_PARTS.get(m.groupdict().get("part") or "") == "end"
    if sentence and not anchor:
        raise ValueError("words at the start or end of one sentence: not supported, name the words beside them")
    item.ops.append(InsertWords(targets, anchor, item.word(m.group("new")), before=SIDES.get(side or "") == "before",
                                at_end=at_end, sentence=sentence, text_part=text_part))


def _delete_words(m, item: _Item) -> None:
    """删去第X条中的“A”和“B” / 删去第八条第一款末尾的“A”和第二款末尾的“B” / 删去第二款第一句中的“A”
    / 删去第十三条第二款中的“A”和第三款 (words, then whole units, in one list)."""
    targets: tuple[Target, ...] | None = None
    sentence = None
    for piece in re.finditer(rf"(?P<where>(?:{_LIST})?(?:{_IN_SENTENCE})?(?:中的|其中的|末尾的|该条中的|该款中的|中))?"
                             rf"(?P<q>{_Q})", m.group("body")):
        if piece.group("where") or targets is None:
            where, sentence = _sentence_of(piece.group("where") or "")
            targets = _targets_of(where, item)
        old = item.word(piece.group("q"))
        if not old:
            raise ValueError("an empty quotation “” cannot be deleted")
        item.ops.append(ReplaceWords(targets, old, "", sentence=sentence))
    if m.groupdict().get("units"):
        # ……中的“A”和第三款: the list ends with whole units, named from the unit last named.
        item.ops.extend(Delete(t) for t in item.ctx.resolve_list(m.group("units")))


def _paired_words(m, item: _Item) -> None:
    """将第二条第一款中的“A”、第三条中的“B”分别修改为“C”、“D”: each word is replaced in the place named with it."""
    pairs = list(re.finditer(rf"(?:^|、|和|及)(?P<where>{_LIST})(?:中的|中)(?P<q>{_Q})", m.group("pairs")))
    news = [item.word(q.group()) for q in PLACEHOLDER_RE.finditer(m.group("new"))]
    if len(news) != len(pairs):
        raise ValueError(f"{len(pairs)} phrases to replace, {len(news)} replacements")
    for pair, new in zip(pairs, news):
        old = item.word(pair.group("q"))
        if not old:
            raise ValueError("an empty quotation “” cannot be replaced")
        item.ops.append(ReplaceWords(_targets_of(pair.group("where"), item), old, new))


def _neighbour_words(m, item: _Item) -> None:
    """将第六条中“A”后的“B”删去 / 删去……“A”前的“B” / 将……“A”后的“B”修改为“C”: words found beside their
    neighbour, read as the two together (A B → A C); not adjacent there, the applier reports them not found."""
    where, sentence = _sentence_of(m.group("where") or "")
    targets = _targets_of(where, item)
    neighbour, old = item.word(m.group("nb")), item.word(m.group("old"))
    new = item.word(m.group("new")) if m.group("new") else ""
    if not neighbour or not old:
        raise ValueError("an empty quotation “” cannot be found")
    before = SIDES[m.group("side")] == "before"
    item.ops.append(ReplaceWords(targets, old + neighbour if before else neighbour + old,
                                 new + neighbour if before else neighbour + new, sentence=sentence))


def _delete_words_after(m, item: _Item) -> None:
    """将第X条中的“A”删去: 删去 written after what it deletes."""
    body = re.sub("^将", "", m.group("body"))
    _delete_words(re.match(r"(?P<body>.*)", body, re.S), item)


def _renumber(m, item: _Item) -> None:
    """将第九条改为第十一条 / 第二款改为第三款 / 将第九十九条第一款、第二款改为第一百一十条."""
    olds = item.ctx.resolve_list(re.sub("^将", "", m.group("refs")))
    news = re.findall(rf"第[（(]?({NUM})[）)]?(条|款|项|目)(?:第({CN})款)?", m.group("news"))
    if "至" in m.group("news"):  # 将第十条至第十二条改为第十一条至第十三条
        (a, unit, _), (b, _, _) = news
        news = [(to_cn(n), unit, "") for n in range(numeral_value(a), numeral_value(b) + 1)]
    if len(news) == 1 and len(olds) > 1 and news[0][1] == "条" and len({t.key for t in olds}) == 1:
        olds = (olds[0].article_only(),)  # several 款 of one article become the new article
    if len(olds) != len(news):
        raise ValueError("the old and new numbers do not pair up")
    item.ctx.target = olds[0]
    for old, (num, unit, into) in zip(olds, news):
        unit_name = UNITS[unit]
        into_clause = numeral_value(into) if into else None
        if unit_name == "article" and old.clause is not None and (into_clause or 1) == 1:
            # 将第四十三条第二款改为第四十八条第一款: the 款 leaves its article and opens a new one.
            item.wait(Detach(old, numeral_value(num)))
            continue
        if unit_name == "article" and old.clause is not None and into_clause and numeral_value(num) != old.article:
            # 将第三条第二款改为第四条第二款: the 款 joins another article at that place.
            item.ops.append(Transfer(old, numeral_value(num), 0, into_clause))
            continue
        item.ops.append(Renumber(old, numeral_value(num), unit_name, into_clause))
        if unit_name == "article":
            item.ctx.last_number = numeral_value(num)


def _count_change(m, item: _Item) -> None:
    """将第三条改为两条 / 第一款改为三款: a unit that becomes several (positions and text follow)."""
    target = item.ctx.resolve(re.sub("^将", "", m.group("ref"))) if m.group("ref") else item.ctx._need()
    item.ctx.target = target
    if m.group("unit") == "条":
        item.ctx.split = (target.article_only(), numeral_value(m.group("n")), [])
    else:
        item.ctx.counted = True


def _positions(m, item: _Item) -> None:
    """……，作为第三条、第四条 / 分别作为第四十九条至第五十一条 (after a count change)."""
    split = item.ctx.split
    if split is None and item.ctx.counted:
        item.ctx.counted = False
        return  # 第一款改为三款，作为第一款至第三款: the quoted paragraphs say it all
    if split is None or split[2]:
        raise ValueError("作为 with nothing waiting for its numbers")
    numbers = [t.article for t in Context().resolve_list(m.group("news"))]
    if len(numbers) != split[1]:
        raise ValueError(f"改为{split[1]}条 names {len(numbers)} numbers")
    split[2].extend(numbers)


def _unit_as(m, item: _Item) -> None:
    """第一款作为第八十条；第二款作为第八十一条第一款 (the parts of an article split in two)."""
    split = item.ctx.split
    if split is None:
        raise ValueError("作为 with no article being split")
    article = split[0]
    part = Target(article.article, article.zhiyi, numeral_value(m.group("c")))
    number = numeral_value(m.group("n"))
    split[2].append(number)
    item.ctx.target = part
    if len(split[2]) == 1:
        item.ops.append(Renumber(article, number))  # the first part stays where it was
    else:
        item.wait(Detach(part, number))


def _more_as(m, item: _Item) -> None:
    """第三、四、五、六款分别作为第八十一条第二、三、四、五款: they follow the 款 split off before."""
    clauses = [numeral_value(n) for n in re.split("、", m.group("cs"))]
    number = numeral_value(m.group("n"))
    host = next((i for i, op in enumerate(item.ops) if isinstance(op, Detach) and op.number == number), None)
    if host is None:
        raise ValueError(f"no 款 was made 第{m.group('n')}条 before")
    item.ops[host] = replace(item.ops[host], more=item.ops[host].more + tuple(clauses))


def _split_lines(lines: tuple[str, ...], quotes: list[tuple[str, ...]], count: int) -> list[tuple[str, ...]]:
    """The quoted text of ``count`` articles: one quote each, or paragraphs opening with 第X条."""
    if len(quotes) == count:
        return quotes
    pieces: list[list[str]] = []
    for line in lines:
        head = re.match(rf"^第{NUM}条(?:之{CN})?", line)
        if head or not pieces:
            pieces.append([line])
        else:
            pieces[-1].append(line)
    if len(pieces) != count and len(lines) == count:
        return [(line,) for line in lines]
    if len(pieces) != count:
        raise ValueError(f"{count} articles announced, {len(pieces)} quoted (each opens with 第X条)")
    return [tuple(p) for p in pieces]


def _unlabel(piece: tuple[str, ...]) -> tuple[str, ...]:
    """A quoted article's text without its own 第X条 label (and the space or U+3000 after it): ours to write."""
    if not piece:
        return piece
    return (re.sub(rf"^第{NUM}条(?:之{CN})?[ \u3000]*", "", piece[0]),) + piece[1:]


def _modify(m, item: _Item) -> None:
    """将第五条修改为：“……” / 第二款修改为 / 第五条条首部分修改为 / 修改为 (after 改为两条, 合并, 增加一条)."""
    lines = item.lines(m.group("q"))
    ctx = item.ctx
    ref = re.sub("^将", "", m.group("ref") or "")
    moved = m.group("moved")
    if (not ref or moved) and ctx.awaiting is not None:
        op = item.ops[ctx.awaiting]
        item.ops[ctx.awaiting] = replace(op, lines=lines)
        ctx.awaiting = None
        if ref:  # 将第九十九条第三款修改后作为本条第一款: that 款 moves into the new article
            item.ops.append(Delete(ctx.resolve(ref), if_present=True))
        return
    target = ctx.resolve(ref) if ref else ctx._need()
    ctx.target = target
    if ctx.split and not ref or ctx.split and target.article_only() == ctx.split[0] and target.clause is None:
        article, count, numbers = ctx.split
        if len(numbers) != count:
            raise ValueError(f"改为{count}条 without the numbers they take (作为第X条、第Y条)")
        pieces = _split_lines(lines, item.each(m.group("q")), count)
        item.ops.append(Modify(article, _unlabel(pieces[0])))
        item.ops.extend(AddArticle(n, 0, _unlabel(piece)) for n, piece in zip(numbers[1:], pieces[1:]))
        ctx.split = None
        return
    if m.groupdict().get("more"):
        # 将第三十五条第一款、第二款修改为“……”“……”: the 款 named are replaced by the paragraphs quoted.
        others = ctx.resolve_list(m.group("more").lstrip("、和及"))
        ctx.target = target
        if any(o.key != target.key or o.clause is None for o in others) or target.clause is None:
            raise ValueError("修改为 over units of different articles")
        item.ops.append(Modify(target, lines))
        item.ops.extend(Delete(o) for o in others)
        return
    if m.group("part"):
        item.ops.append(ModifyPart(target, UNIT_PARTS[m.group("part")], lines))
    elif m.group("sentence"):
        item.ops.append(ModifyPart(target, f"sentence:{numeral_value(m.group('sentence'))}", lines))
    else:
        item.ops.append(Modify(target, lines))


def _annex_item(m, item: _Item) -> None:
    """将附件第四项修改为：“……” / 删去附件第五项: an item of the appendix after the articles."""
    part = _text_part_of(m.group("annex") or m.group("annex2"))
    lines = item.lines(m.group("q")) if m.groupdict().get("q") else ()
    item.ops.append(ModifyText(part, lines))


def _sentence_delete(m, item: _Item) -> None:
    """删去第二款第二句: that sentence of the unit goes."""
    target = item.ctx.resolve(m.group("ref")) if m.group("ref") else item.ctx._need()
    item.ctx.target = target
    item.ops.append(ModifyPart(target, f"sentence:{numeral_value(m.group('sentence'))}", ("",)))


def _sentence_add(m, item: _Item) -> None:
    """在第二款第一句后增加一句：“……” / 增加一句，作为第二句 / 增加一句 (at the end)."""
    ref = re.sub("^在", "", m.group("ref") or "")
    target = item.ctx.resolve(ref) if ref else item.ctx._need()
    item.ctx.target = target
    after = (numeral_value(m.group("after")) if m.group("after") else numeral_value(m.group("pos")) - 1 if m.group("pos")
             else -1)
    item.ops.append(ModifyPart(target, f"after-sentence:{after}", item.lines(m.group("q"))))


def _modify_text(m, item: _Item) -> None:
    """将引言修改为 / 将名称修改为 / 将第一部分标题修改为: text outside the articles."""
    lines = item.lines(m.group("q"))
    if m.groupdict().get("paragraph"):
        item.ops.append(ModifyText(f"preamble:{numeral_value(m.group('paragraph'))}", lines))
    elif m.groupdict().get("section"):
        item.ops.append(ModifyText(f"part:{numeral_value(m.group('section'))}", lines))
    else:
        item.ops.append(ModifyText(TEXT_PARTS[m.group("part")], lines))


def _add(m, item: _Item) -> None:
    """增加一条/两款/一章，(分别)作为第N…：“……” (text now, or in a later clause of the item)."""
    ctx = item.ctx
    unit, count = m.group("unit"), numeral_value(m.group("n"))
    positions_text = m.group("pos") or ""
    quotes = item.each(m.group("q"))
    lines = item.lines(m.group("q"))
    if m.group("loc") and re.fullmatch(_HEADING, m.group("loc")):
        if unit not in ("编", "章", "节"):
            raise ValueError(f"增加{m.group('n')}{unit} placed after a heading: name the article instead")
        # 在第二章后增加一章: where it goes is said again by its first article (包括第X条).
    if unit in ("编", "章", "节"):
        number = re.fullmatch(rf"第({CN}){unit}", positions_text or "")
        if not number or not m.group("title"):
            raise ValueError(f"a new {unit} needs its number and title (作为第N{unit}“……”)")
        ctx.heading = len(item.ops)
        item.ops.append(AddHeading(unit, numeral_value(number.group(1)), item.word(m.group("title")), 0))
        return
    if m.group("title"):
        quotes = item.each(m.group("title")) + quotes
        lines = item.lines(m.group("title")) + lines
    where = m.group("loc") or m.group("ref")
    if unit == "条":
        after = ctx.resolve(m.group("loc")).article_only() if m.group("loc") else None
        before = SIDES.get(m.group("side") or "") == "before"
        if before and count > 1:
            raise ValueError(f"在{m.group('loc')}前增加{m.group('n')}条: name the article they follow")
        news = [(t.article, t.zhiyi) for t in Context().resolve_list(positions_text)] if positions_text else []
        if not positions_text and after is not None:
            # 在第十三条后增加一条：“……” (no 作为第X条): placed by its place; the renumbering numbers it.
            news = [(after.article + (0 if before else 1) + k, 0) for k in range(count)]
        if len(news) != count:
            raise ValueError(f"增加{m.group('n')}条 names {len(news)} numbers (作为第X条)")
        pieces = _split_lines(lines, quotes, count) if lines else [()] * count
        for (number, zhiyi), piece in zip(news, pieces):
            piece = _unlabel(piece)
            op = AddArticle(number, zhiyi, piece, after, before, stated=bool(positions_text))
            if after is not None and not before and zhiyi:
                after = Target(number, zhiyi)  # 之一、之二: each after the one before (others: see _add_article)
            ctx.target = Target(number, zhiyi)
            if piece:
                item.ops.append(op)
            else:
                item.wait(op)
        return
    # 款/项/目 inside the named unit (or the one last named); 作为第一百一十一条第二款 names the article too.
    positions = Context().resolve_list(positions_text) if positions_text and positions_text.startswith("第") and \
        "条" in positions_text else None
    # 增加一款，作为第十条第三款: the position names the article, nothing before it need have.
    parent = ctx.resolve(re.sub(r"^在|后$|之后$|中$", "", where)) if where else \
        positions[0] if positions else ctx._need()
    name = UNITS[unit]
    numbers = [numeral_value(n) for n in re.findall(rf"第[（(]?({NUM})[）)]?{unit}", positions_text)]  # 第（二）项 too
    if not positions_text and count == 1 and m.group("loc") and SIDES.get(m.group("side") or "") == "after":
        named = {"clause": parent.clause, "point": parent.point, "subpoint": parent.subpoint}[name]
        # 在第七条第一项后增加一项: the next one; 在该条后增加一款：“……”: after its last 款.
        numbers = [named + 1] if named is not None else [AT_END] if name != "subpoint" else []
    if positions:
        parent = positions[0].article_only()
    if len(numbers) != count:
        raise ValueError(f"增加{m.group('n')}{unit} names {len(numbers)} positions (作为第N{unit})")
    if name == "clause":
        parent = parent.article_only()
    elif name == "point":
        parent = Target(parent.article, parent.zhiyi, parent.clause)
    ctx.target = parent
    if not lines:
        for number in numbers:
            item.ops.append(AddUnit(parent, name, number, ()))
        return
    if count > 1:
        per = quotes if len(quotes) == count else [(line,) for line in lines] if len(lines) == count else None
        if per is None:
            raise ValueError(f"增加{m.group('n')}{unit}: {len(lines)} quoted paragraphs do not divide among them")
        for number, piece in zip(numbers, per):
            item.ops.append(AddUnit(parent, name, number, piece))
        return
    item.ops.append(AddUnit(parent, name, numbers[0], lines))


def _include(m, item: _Item) -> None:
    """包括第六十一条至第六十五条 / 列入本章: where the new chapter begins."""
    ctx = item.ctx
    if ctx.heading is None:
        raise ValueError(f"{m.group()} with no new chapter")
    if m.group("first"):
        first = numeral_value(m.group("first"))
    elif ctx.last_number is not None:
        first = ctx.last_number
    else:
        raise ValueError("列入本章 with no article renumbered before it")
    item.ops[ctx.heading] = replace(item.ops[ctx.heading], first_article=first)
    ctx.heading = None
    if m.group("q"):
        # 包括第九条、第十条：“第九条　……”“第十条　……”: the chapter's new articles, given here.
        numbers = [t.article for t in Context().resolve_list(m.group("list"))]
        pieces = _split_lines(item.lines(m.group("q")), item.each(m.group("q")), len(numbers))
        item.ops.extend(AddArticle(n, 0, _unlabel(piece)) for n, piece in zip(numbers, pieces))


def _rename_heading(m, item: _Item) -> None:
    within = numeral_value(m.group("book")) if m.group("book") else None
    title = item.word(m.group("q"))
    if not title:
        raise ValueError("an empty heading title")
    item.ops.append(RenameHeading(m.group("unit"), numeral_value(m.group("num")), title, within))


def _delete_heading(m, item: _Item) -> None:
    within = numeral_value(m.group("book")) if m.group("book") else None
    item.ops.append(DeleteHeading(m.group("unit"), numeral_value(m.group("num")), within))


def _delete(m, item: _Item) -> None:
    item.ops.extend(Delete(t) for t in item.ctx.resolve_list(m.group("refs")))


def _merge(m, item: _Item) -> None:
    targets = item.ctx.resolve_list(re.sub("^将", "", m.group("refs")))
    if len(targets) < 2:
        raise ValueError("合并 needs two units")
    item.ctx.target = targets[0]
    item.ops.append(Merge(targets))
    if m.group("as") and m.group("as_unit") == "条":
        item.ops.append(Renumber(targets[0], numeral_value(m.group("as")), "article"))


def _join(m, item: _Item) -> None:
    """将第十二条并入第十条: the first's paragraphs follow the second's."""
    what, into = item.ctx.resolve(m.group("ref")), item.ctx.resolve(m.group("into"))
    if what == into:
        raise ValueError(f"{what.label()} cannot be joined to itself")
    item.ctx.target = into
    item.ops.append(Merge((into, what)))


def _detach(m, item: _Item) -> None:
    """将第二条第三款单作一条，作为第三条: a 款 becomes an article."""
    target = item.ctx.resolve(m.group("ref"))
    if target.clause is None:
        raise ValueError(f"{target.label()} is already an article")
    item.ctx.target = target
    item.wait(Detach(target, numeral_value(m.group("n"))))


def _move_to(m, item: _Item) -> None:
    """将第十二条移作第十五条: the article takes that place; 将该项移作第三项 / 将第二款移作第三款:
    a 项 among the 项 of its 款, a 款 among the 款 of its article."""
    target = item.ctx.resolve(m.group("ref"))
    unit = UNITS[m.group("unit")]
    level = "point" if target.point is not None else "clause" if target.clause is not None else "article"
    if level != unit or target.subpoint is not None:
        raise ValueError(f"{target.label()} cannot move to a {m.group('unit')}'s place")
    item.ctx.target = target
    item.ops.append(Move(target, None, numeral_value(m.group("n")), unit))


def _transfer(m, item: _Item) -> None:
    """将第三条第二款作为第四条第二款: a 款 becomes a 款 of another article."""
    target = item.ctx.resolve(m.group("ref"))
    dest_text = m.group("dest")
    if not dest_text.startswith("第") or "条" not in dest_text:
        dest_text = m.group("to") + re.sub(rf"^{alternatives(SAME_ARTICLE)}", "", dest_text)
    dest = Context().resolve(dest_text)
    if target.clause is None or target.point is not None:
        raise ValueError(f"{target.label()} is not a 款")
    if m.group("to") and Context().resolve(m.group("to")).key != dest.key:
        raise ValueError(f"moved to {m.group('to')} but placed in {dest.article_only().label()}")
    if dest.key == target.key:
        raise ValueError(f"{target.label()} moved within its own article: write 移作第N款")
    item.ctx.target = dest
    item.ops.append(Transfer(target, dest.article, dest.zhiyi, dest.clause))


def _renumber_heading(m, item: _Item) -> None:
    """将第三章改为第四章 / 将第三章第二节改为第三节."""
    within = numeral_value(m.group("within")) if m.group("within") else None
    item.ops.append(RenumberHeading(m.group("unit"), numeral_value(m.group("a")), numeral_value(m.group("b")), within))


def _move(m, item: _Item) -> None:
    target = item.ctx.resolve(m.group("ref"))
    after = item.ctx.resolve(m.group("after")).article_only()
    if target.article_only() == after:
        raise ValueError(f"{target.label()} cannot move next to itself")
    item.ctx.target = target
    item.ops.append(Move(target, after))


def _no_change(what: str, renumber: bool) -> Rule:
    def rule(m, item: _Item) -> None:
        other = re.search(r"引用(.+?)(?:相关|有关)?条文", m.group())
        item.ops.append(NoChange(what, renumber, other.group(1) if other else None))
    return rule


_M = _V["modify"]
_COUNT = rf"(?P<n>{NUM})"  # 增加两条 / 增加2条
# The clauses, tried in order at each position of an item.
RULES: tuple[tuple[re.Pattern[str], Rule], ...] = tuple((re.compile(p), r) for p, r in (
    *((pattern, _no_change(what, renumber)) for pattern, what, renumber in NO_CHANGE),
    # 在第X条中的“A”后增加“B” / 在第一条第二款开始部分增加规定：“……”
    # (中“A”后 without 的; 宪法修正案 style: “A”后增加一句，内容为：“……”)
    (rf"在?(?P<where>{_LIST}(?:{_IN_SENTENCE})?|{_TEXT_WORDS}|{_ANNEX}|{alternatives(WHOLE_LAW)}|其)?(?:中的|中|的)?(?P<anchor>{_Q})(?P<side>{_SIDE}){_V['add']}"
     rf"(?:一句[，,]?(?:内容为)?[：:]?)?(?P<new>{_Q})", _insert_words),
    (rf"在?(?P<where>{_LIST}|{_TEXT_WORDS})(?:的)?(?P<part>{_UNIT_PART}|开头){_V['add']}(?:规定)?[：:]?(?P<new>{_Q})",
     _insert_words),
    # 将第六条中“A”后的“B”删去 / 删去第六条中“A”后的“B” / ……“A”前的“B”修改为“C”
    (rf"(?:将|(?P<lead>{_V['delete']}))?(?P<where>{_LIST}(?:{_IN_SENTENCE})?)?(?:中的|其中的|中)?(?P<nb>{_Q})(?P<side>{_SIDE})的"
     rf"(?P<old>{_Q})(?(lead)|(?:{_V['delete']}|(?:{_M}|{_V['change']})[：:]?(?P<new>{_Q})))", _neighbour_words),
    # 将第二条第一款中的“A”、第三条中的“B”分别修改为“C”、“D”: each word in its own place
    (rf"将?(?P<pairs>{_LIST}(?:中的|中){_Q}(?:(?:、|和|及){_LIST}(?:中的|中){_Q})+)分别(?:{_M}|{_V['change']})[：:]?"
     rf"(?P<new>{_Q}(?:(?:、|和|及)?{_Q})*)", _paired_words),
    # ……中的“A”修改为“B” / 将“A”修改为：“……” / 将“A”、“B”分别修改为“C”、“D”
    (rf"{_WHERE}(?P<old>{_QLIST})(?:统一|均|分别|一律)?(?:{_M}|{_V['change']})[：:]?"
     rf"(?P<new>{_Q}(?:(?:、|和|及)?{_Q}(?!(?:统一|均|分别|一律)?(?:{_M}|{_V['change']})))*)", _words),
    # 将第X条中的“A”删去 / 将第X条第二款删去 (the verb after its object)
    (rf"(?P<body>将?(?:{_LIST})?(?:{_IN_SENTENCE})?(?:中的|其中的){_Q}(?:(?:和|、|及)(?:{_LIST}(?:中的|末尾的))?{_Q})*){_V['delete']}",
     _delete_words_after),
    (rf"将(?P<refs>{_LIST}){_V['delete']}", _delete),
    (rf"(?P<refs>{_LIST}){_V['delete']}(?=[，。；,]|$)", _delete),  # 第三条第二款删除 (court style: no 将)
    # 删去……中的“A” / 删去其中的“A”和“B” / 删去第八条第一款末尾的“A”和第二款末尾的“B”
    (rf"{_V['delete']}(?P<body>(?:(?:{_LIST})?(?:{_IN_SENTENCE})?(?:中的|其中的|末尾的|该条中的|该款中的|中))?{_Q}"
     rf"(?:(?:和|、|及)(?:(?:{_LIST})?(?:中的|末尾的))?{_Q})*)"
     rf"(?:(?:和|、|及|以及)(?P<units>{_LIST})(?=[，。；,]|$))?", _delete_words),
    # 将引言修改为 / 将名称修改为 / 将第一部分标题修改为
    (rf"将?(?:[\u4e00-\u9fff]{{1,10}}?法)?(?:序言第(?P<paragraph>{CN})自然段)(?:{_M}|修改成)[：:]?(?P<q>{_QS})", _modify_text),
    # 将附件第四项修改为：“……” / 删去附件第五项 / 将附表2第三项删去
    (rf"将?(?P<annex>(?:附件|附表)[0-9０-９]*第[（(]?{NUM}[）)]?项){_M}[：:]?(?P<q>{_QS})", _annex_item),
    (rf"(?:{_V['delete']}(?P<annex>(?:附件|附表)[0-9０-９]*第[（(]?{NUM}[）)]?项)"
     rf"|将(?P<annex2>(?:附件|附表)[0-9０-９]*第[（(]?{NUM}[）)]?项){_V['delete']})(?=[，。；,]|$)", _annex_item),
    (rf"将(?:(?P<part>{_TEXT_PART})|第(?P<section>{CN})部分(?:的)?标题){_M}[：:]?(?P<q>{_QS})", _modify_text),
    # 删去第二款第二句 / 在第一款第一句后增加一句：“……” / 增加一句，作为第二句：“……”
    (rf"{_V['delete']}(?P<ref>{_ONE})?(?:的)?{_SENTENCE}", _sentence_delete),
    (rf"(?P<ref>在?{_ONE})?(?:的)?(?:第(?P<after>{CN})句(?:之)?后|末尾)?{_V['add']}一句[，,]?(?:作为第(?P<pos>{CN})句)?"
     rf"[：:]?(?P<q>{_QS})", _sentence_add),
    # 将第三章的章名修改为“……” / 将第二编第三章章名修改为：“……”
    (rf"将(?:第(?P<book>{CN})(?:编|章))?第(?P<num>{CN})(?P<unit>编|章|节)的?(?:编|章|节)?(?:名称|名|标题)?{_M}[：:]?(?P<q>{_Q})",
     _rename_heading),
    # 将第三条改为两条 / 第一款改为三款
    (rf"(?P<ref>将?{_ONE})?(?:{_V['change']}|{_V['split']}){_COUNT}(?P<unit>条|款|项)(?![之第])", _count_change),
    # 将第九条改为第十一条 / 第四项改为第三项 / 将第二十六条改为第二十九条第一款
    # (some courts write 修改为 for 改为: 将第二条修改为第六条：“……”)
    (rf"(?P<refs>将?{_LIST})(?:分别|依次)?(?:{_V['change']}|{_M})"
     rf"(?P<news>第{NUM}(?:条(?:第{CN}款)?|款|项|目)(?:(?:、|至|和)第{NUM}(?:条|款|项|目))*|{_PT}(?:(?:、|至|和){_PT})*)"
     rf"(?=[，。；,：:]|\ue000|$)", _renumber),
    # ……，(分别)作为第三条、第四条 (the numbers of a count change)
    (rf"(?:分别)?{_V['as']}(?P<news>{_LIST})(?=[，。；,]|$)", _positions),
    # 第一款作为第八十条；第二款作为第八十一条第一款
    (rf"第(?P<c>{CN})款{_V['as']}第(?P<n>{NUM})条(?:第{CN}款)?", _unit_as),
    (rf"第(?P<cs>{CN}(?:、{CN})+)款分别{_V['as']}第(?P<n>{NUM})条第{CN}(?:、{CN})*款", _more_as),
    # 将第五条修改为：“……” / 第二款修改为 / 第五条条首部分修改为 / 修改为（after 改为两条）
    (rf"(?P<ref>将?{_ONE})?(?P<more>(?:{SEPARATOR}{_ONE})+)?(?:的)?(?:(?P<part>{_UNIT_PART})|{_SENTENCE})?[，,]?(?:分别)?"
     rf"(?:{_M}|(?P<moved>修改后作为本条第{CN}款))[：:]?(?P<q>{_QS})", _modify),
    # a payload standing alone right after a clause that named a unit: 将第二条修改为第六条：“……”
    (rf"(?P<ref>)(?P<part>)(?P<sentence>)(?P<moved>)(?P<q>{_QS})", _modify),
    # 增加一条，作为第六条：“……” / 第三条增加两款，分别作为第二款、第三款 / 增加一章，作为第七章“公布”
    # / 在第七条增加一项，作为第四项 (在 with neither 中 nor 后)
    (rf"(?:在(?P<loc>{_ONE}|{_HEADING})(?:(?P<side>{_SIDE})|中))?在?(?P<ref>{_ONE})?中?{_V['add']}{_COUNT}(?P<unit>编|章|节|条|款|项|目)"
     rf"(?:[，,]?(?:分别)?{_V['as']}(?P<pos>(?:{_LIST}|第{CN}(?:编|章|节))))?(?P<title>{_Q})?(?:[：:]?(?P<q>{_QS}))?",
     _add),
    # 包括第六十一条至第六十五条 / 列入本章
    (rf"{_V['include']}(?:(?P<list>第(?P<first>{NUM})条(?:(?:至|、|和|及)第{NUM}条)*)|本(?:章|节|编))"
     rf"(?:[：:]?(?P<q>{_QS}))?", _include),
    # 将第十条、第二十五条合并，作为第十条 / 将第六条和第七条合并
    (rf"(?P<refs>将?{_LIST}){_V['merge']}(?:为一[条款项])?(?:[，,]?作为第(?P<as>{NUM})(?P<as_unit>条|款|项))?", _merge),
    (rf"将(?P<ref>{_ONE}){_V['join']}(?P<into>{_ONE})", _join),
    (rf"将(?P<ref>{_ONE}){_V['detach']}一条[，,]?{_V['as']}第(?P<n>{NUM})条", _detach),
    # 将第十二条移至第十五条后
    (rf"将(?P<ref>{_ONE}){_V['move']}(?P<after>{_ONE})之?后", _move),
    # 将第三条第二款作为第四条第二款 / 移作 (a 款 into another article)
    # 将第四条第二款移至第三条，作为第二款 / 作为该条第二款: the article said once, by 移至
    (rf"将(?P<ref>{_ONE})(?:{_V['move']}(?P<to>{_ART})[，,]?)?(?:移作|移为|{_V['as']})"
     rf"(?P<dest>(?(to)(?:第{NUM}条(?:之{CN})?|{alternatives(SAME_ARTICLE)})?|第{NUM}条(?:之{CN})?)第{NUM}款)(?![第之])",
     _transfer),
    (rf"将(?P<ref>{_ONE})(?:移作|移为)第[（(]?(?P<n>{NUM})[）)]?(?P<unit>条|款|项)", _move_to),
    (rf"将?{LAW}?(?:第(?P<within>{CN})(?:编|章))?第(?P<a>{CN})(?P<unit>编|章|节){_V['change']}(?:第(?P=within)(?:编|章))?"
     rf"第(?P<b>{CN})(?P=unit)",
     _renumber_heading),
    # 删去第十二条 / 删除第四条、第五条、第十二条
    (rf"{_V['delete']}(?P<refs>{_LIST})(?=[，。；,]|$)", _delete),
    # 删去第四章 / 删去第二章第三节: the heading with the articles under it
    (rf"{_V['delete']}(?:第(?P<book>{CN})(?:编|章))?第(?P<num>{CN})(?P<unit>编|章|节)(?=[，。；,]|$)", _delete_heading),
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
    item = _Item(quotes, ctx, [])
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
