"""Clauses that change whole units: articles, 款, 项 and headings added, rewritten, deleted, moved.

An article, 款 or 项 rewritten (whole or its 条首部分), added, deleted, merged, joined, split
into several (将第三条改为两条 … 作为 …), moved or renumbered; a 章 or 节 added, renamed,
renumbered or deleted; and the sentences that change no text (对条文顺序作相应调整).  The rule
table (:mod:`govtext.amend.grammar`) calls these handlers with the clause it matched and the
item being read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from govtext.amend.item_being_read import ItemBeingRead, Rule
from govtext.amend.ops import (
    AT_END, AddArticle, AddHeading, AddUnit, Delete, DeleteHeading, Detach, Merge, Modify, ModifyPart, Move, NoChange,
    RenameHeading, Renumber, RenumberHeading, Target, Transfer,
)
from govtext.amend.references import HEADING_REF, Context, alternatives, numeral_value
from govtext.amend.vocabulary import CN, NUM, SAME_ARTICLE, SIDES, UNIT_PARTS, UNITS
from govtext.numerals import to_cn


def renumber_unit(m, item: ItemBeingRead) -> None:
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


def count_change(m, item: ItemBeingRead) -> None:
    """将第三条改为两条 / 第一款改为三款: a unit that becomes several (positions and text follow)."""
    target = item.ctx.resolve(re.sub("^将", "", m.group("ref"))) if m.group("ref") else item.ctx._need()
    item.ctx.target = target
    if m.group("unit") == "条":
        item.ctx.split = (target.article_only(), numeral_value(m.group("n")), [])
    else:
        item.ctx.counted = True


def count_positions(m, item: ItemBeingRead) -> None:
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


def unit_as(m, item: ItemBeingRead) -> None:
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


def more_as(m, item: ItemBeingRead) -> None:
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


def _add_quoted_division(item: ItemBeingRead, unit: str, number: int, lines: tuple[str, ...]) -> None:
    """增加一章，作为第五章：“第五章　……⏎第三十条　……⏎第三十一条　……”: the heading and its articles quoted whole,
    the articles under their new numbers (as 包括第X条：“……” gives them)."""
    head = re.fullmatch(rf"第({CN}){unit}[ \u3000\t]*(\S.*)", lines[0].strip())
    if not head or numeral_value(head.group(1)) != number:
        raise ValueError(f"作为第{to_cn(number)}{unit}：the quote does not open with that {unit}'s heading")
    pieces = _split_lines(lines[1:], [], sum(1 for line in lines[1:] if re.match(rf"^第{NUM}条", line)))
    if not pieces or any(not re.match(rf"^第{NUM}条", piece[0]) for piece in pieces):
        raise ValueError(f"a new {unit} quoted with no article under its heading (each opens with 第X条)")
    keys = [(t.article, t.zhiyi) for t in (Context().resolve(re.match(rf"^第{NUM}条(?:之{CN})?", piece[0]).group())
                                         for piece in pieces)]
    item.ops.append(AddHeading(unit, number, head.group(2).strip(), keys[0][0]))
    item.ops.extend(AddArticle(n, zhiyi, _unlabel(piece)) for (n, zhiyi), piece in zip(keys, pieces))


def modify(m, item: ItemBeingRead) -> None:
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
        units = [target, *others]
        if m.groupdict().get("each"):
            # 第二条第一款、第三款分别修改为：“甲。”“乙。” / 将第五条、第六条分别修改为: one quote for each
            # unit named, in order, wherever the units are.
            quotes = item.each(m.group("q"))
            if len(quotes) != len(units):
                raise ValueError(f"{len(units)} units 分别修改为 {len(quotes)} quotes: they do not pair one to one")
            item.ops.extend(Modify(unit, _unlabel(quote) if unit.clause is None else quote)
                            for unit, quote in zip(units, quotes))
            return
        if any(o.key != target.key or o.clause is None for o in others) or target.clause is None:
            raise ValueError("修改为 over units of different articles (without 分别 to give each its quote)")
        if any(b.clause != a.clause + 1 or b.point != a.point for a, b in zip(units, units[1:])
               if a.point is None and b.point is None):
            # The quoted paragraphs replace a run of 款; 款 apart would take the ones between along.
            raise ValueError("修改为 over 款 that are not adjacent, without 分别 to give each its quote")
        item.ops.append(Modify(target, lines))
        item.ops.extend(Delete(o) for o in others)
        return
    if m.group("part"):
        item.ops.append(ModifyPart(target, UNIT_PARTS[m.group("part")], lines))
    elif m.group("sentence"):
        item.ops.append(ModifyPart(target, f"sentence:{numeral_value(m.group('sentence'))}", lines))
    else:
        item.ops.append(Modify(target, lines))


def add(m, item: ItemBeingRead) -> None:
    """增加一条/两款/一章，(分别)作为第N…：“……” (text now, or in a later clause of the item)."""
    ctx = item.ctx
    unit, count = m.group("unit"), numeral_value(m.group("n"))
    positions_text = m.group("pos") or ""
    quotes = item.each(m.group("q"))
    lines = item.lines(m.group("q"))
    if m.group("loc") and re.fullmatch(HEADING_REF, m.group("loc")):
        if unit not in ("编", "章", "节"):
            raise ValueError(f"增加{m.group('n')}{unit} placed after a heading: name the article instead")
        # 在第二章后增加一章: where it goes is said again by its first article (包括第X条).
    if unit in ("编", "章", "节"):
        number = re.fullmatch(rf"第({CN}){unit}", positions_text or "")
        if number and not m.group("title") and lines:
            _add_quoted_division(item, unit, numeral_value(number.group(1)), lines)
            return
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


def include(m, item: ItemBeingRead) -> None:
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


def rename_heading(m, item: ItemBeingRead) -> None:
    within = numeral_value(m.group("book")) if m.group("book") else None
    title = item.word(m.group("q"))
    if not title:
        raise ValueError("an empty heading title")
    item.ops.append(RenameHeading(m.group("unit"), numeral_value(m.group("num")), title, within))


def delete_heading(m, item: ItemBeingRead) -> None:
    within = numeral_value(m.group("book")) if m.group("book") else None
    item.ops.append(DeleteHeading(m.group("unit"), numeral_value(m.group("num")), within))


def delete(m, item: ItemBeingRead) -> None:
    item.ops.extend(Delete(t) for t in item.ctx.resolve_list(m.group("refs")))


def merge(m, item: ItemBeingRead) -> None:
    targets = item.ctx.resolve_list(re.sub("^将", "", m.group("refs")))
    if len(targets) < 2:
        raise ValueError("合并 needs two units")
    item.ctx.target = targets[0]
    item.ops.append(Merge(targets))
    if m.group("as") and m.group("as_unit") == "条":
        item.ops.append(Renumber(targets[0], numeral_value(m.group("as")), "article"))


def join(m, item: ItemBeingRead) -> None:
    """将第十二条并入第十条: the first's paragraphs follow the second's."""
    what, into = item.ctx.resolve(m.group("ref")), item.ctx.resolve(m.group("into"))
    if what == into:
        raise ValueError(f"{what.label()} cannot be joined to itself")
    item.ctx.target = into
    item.ops.append(Merge((into, what)))


def detach(m, item: ItemBeingRead) -> None:
    """将第二条第三款单作一条，作为第三条: a 款 becomes an article."""
    target = item.ctx.resolve(m.group("ref"))
    if target.clause is None:
        raise ValueError(f"{target.label()} is already an article")
    item.ctx.target = target
    item.wait(Detach(target, numeral_value(m.group("n"))))


def move_to(m, item: ItemBeingRead) -> None:
    """将第十二条移作第十五条: the article takes that place; 将该项移作第三项 / 将第二款移作第三款:
    a 项 among the 项 of its 款, a 款 among the 款 of its article."""
    target = item.ctx.resolve(m.group("ref"))
    unit = UNITS[m.group("unit")]
    level = "point" if target.point is not None else "clause" if target.clause is not None else "article"
    if level != unit or target.subpoint is not None:
        raise ValueError(f"{target.label()} cannot move to a {m.group('unit')}'s place")
    item.ctx.target = target
    item.ops.append(Move(target, None, numeral_value(m.group("n")), unit))


def transfer(m, item: ItemBeingRead) -> None:
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


def renumber_heading(m, item: ItemBeingRead) -> None:
    """将第三章改为第四章 / 将第三章第二节改为第三节."""
    within = numeral_value(m.group("within")) if m.group("within") else None
    item.ops.append(RenumberHeading(m.group("unit"), numeral_value(m.group("a")), numeral_value(m.group("b")), within))


def move(m, item: ItemBeingRead) -> None:
    target = item.ctx.resolve(m.group("ref"))
    after = item.ctx.resolve(m.group("after")).article_only()
    if target.article_only() == after:
        raise ValueError(f"{target.label()} cannot move next to itself")
    item.ctx.target = target
    item.ops.append(Move(target, after))


def no_change(what: str, renumber: bool) -> Rule:
    def rule(m, item: ItemBeingRead) -> None:
        other = re.search(r"引用(.+?)(?:相关|有关)?条文", m.group())
        item.ops.append(NoChange(what, renumber, other.group(1) if other else None))
    return rule
