"""Clauses that edit the text inside units: words, a sentence, the text outside the articles.

Words replaced, inserted or deleted (in the title, in one sentence, beside a neighbour), a
sentence deleted or added, 引言 / 序言 / a part's title / an 附件 item rewritten: the reading side
of :mod:`govtext.amend.edit_words`.  The rule table (:mod:`govtext.amend.grammar`) calls these
handlers with the clause it matched and the item being read.
"""

from __future__ import annotations

import re

from govtext.amend.item_being_read import ItemBeingRead
from govtext.amend.ops import Delete, InsertWords, ModifyPart, ModifyText, ReplaceWords, Target
from govtext.amend.quotes import PLACEHOLDER_RE, QUOTED
from govtext.amend.references import IN_SENTENCE, UNIT_LIST, numeral_value
from govtext.amend.vocabulary import CN, NUM, SIDES, TEXT_PARTS, UNIT_PARTS, WHOLE_LAW


def _targets_of(where: str | None, item: ItemBeingRead) -> tuple[Target, ...]:
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


def modify_words(m, item: ItemBeingRead) -> None:
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


def insert_words(m, item: ItemBeingRead) -> None:
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


def delete_words(m, item: ItemBeingRead) -> None:
    """删去第X条中的“A”和“B” / 删去第八条第一款末尾的“A”和第二款末尾的“B” / 删去第二款第一句中的“A”
    / 删去第十三条第二款中的“A”和第三款 (words, then whole units, in one list)."""
    targets: tuple[Target, ...] | None = None
    sentence = None
    for piece in re.finditer(rf"(?P<where>(?:{UNIT_LIST})?(?:{IN_SENTENCE})?(?:中的|其中的|末尾的|该条中的|该款中的|中))?"
                             rf"(?P<q>{QUOTED})", m.group("body")):
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


def paired_words(m, item: ItemBeingRead) -> None:
    """将第二条第一款中的“A”、第三条中的“B”分别修改为“C”、“D”: each word is replaced in the place named with it."""
    pairs = list(re.finditer(rf"(?:^|、|和|及)(?P<where>{UNIT_LIST})(?:中的|中)(?P<q>{QUOTED})", m.group("pairs")))
    news = [item.word(q.group()) for q in PLACEHOLDER_RE.finditer(m.group("new"))]
    if len(news) != len(pairs):
        raise ValueError(f"{len(pairs)} phrases to replace, {len(news)} replacements")
    for pair, new in zip(pairs, news):
        old = item.word(pair.group("q"))
        if not old:
            raise ValueError("an empty quotation “” cannot be replaced")
        item.ops.append(ReplaceWords(_targets_of(pair.group("where"), item), old, new))


def neighbour_words(m, item: ItemBeingRead) -> None:
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


def delete_words_after(m, item: ItemBeingRead) -> None:
    """将第X条中的“A”删去: 删去 written after what it deletes."""
    body = re.sub("^将", "", m.group("body"))
    delete_words(re.match(r"(?P<body>.*)", body, re.S), item)


def annex_item(m, item: ItemBeingRead) -> None:
    """将附件第四项修改为：“……” / 删去附件第五项: an item of the appendix after the articles."""
    part = _text_part_of(m.group("annex") or m.group("annex2"))
    lines = item.lines(m.group("q")) if m.groupdict().get("q") else ()
    item.ops.append(ModifyText(part, lines))


def sentence_delete(m, item: ItemBeingRead) -> None:
    """删去第二款第二句: that sentence of the unit goes."""
    target = item.ctx.resolve(m.group("ref")) if m.group("ref") else item.ctx._need()
    item.ctx.target = target
    item.ops.append(ModifyPart(target, f"sentence:{numeral_value(m.group('sentence'))}", ("",)))


def sentence_add(m, item: ItemBeingRead) -> None:
    """在第二款第一句后增加一句：“……” / 增加一句，作为第二句 / 增加一句 (at the end)."""
    ref = re.sub("^在", "", m.group("ref") or "")
    target = item.ctx.resolve(ref) if ref else item.ctx._need()
    item.ctx.target = target
    after = (numeral_value(m.group("after")) if m.group("after") else numeral_value(m.group("pos")) - 1 if m.group("pos")
             else -1)
    item.ops.append(ModifyPart(target, f"after-sentence:{after}", item.lines(m.group("q"))))


def modify_text(m, item: ItemBeingRead) -> None:
    """将引言修改为 / 将名称修改为 / 将第一部分标题修改为: text outside the articles."""
    lines = item.lines(m.group("q"))
    if m.groupdict().get("paragraph"):
        item.ops.append(ModifyText(f"preamble:{numeral_value(m.group('paragraph'))}", lines))
    elif m.groupdict().get("section"):
        item.ops.append(ModifyText(f"part:{numeral_value(m.group('section'))}", lines))
    else:
        item.ops.append(ModifyText(TEXT_PARTS[m.group("part")], lines))
