"""A draft amendment decision from two versions: 关于修改《……》的决定（草案）.

Drafters write the new text first; this writes the instrument that turns the
old text into it, in the official style and with the smallest items a drafter
would write: a one-word change is 将第X条第Y款中的“A”修改为“B”, a rewritten
paragraph 将第X条第Y款修改为：“……”, and only a rewritten article quotes the
whole article.  Items name OLD's numbers; 此外，对条文顺序作相应调整。 closes the
list when articles are renumbered, and cross-references that only follow the
new numbering need no item (``govtext amend`` updates them, as republication does).

The draft is checked by applying it to OLD: an article that does not come out
as NEW's is redrafted as a whole-article item, so ``amend OLD draft`` == NEW.
"""

from __future__ import annotations

from dataclasses import dataclass

from govtext.amend.api import law_title, read_instrument
from govtext.amend.apply import apply_instrument
from govtext.amend.work import unit_span as _span
from govtext.amend.compare import normal_form, without_space
from govtext.amend.lawtext import Article, classify, headings
from govtext.amend.ops import Target
from govtext.amend.xrefs import renumber_line
from govtext.diff.records import DiffResult
from govtext.escape import visible
from govtext.model import Document
from govtext.numerals import to_cn
from govtext.report.article_pairs import ArticlePairs, pair_articles
from govtext.report.decision_words import edit_hints, word_items

@dataclass(frozen=True, slots=True)
class DraftItem:
    text: str
    """The item's words, number excluded."""
    old: int | None
    """Index of the OLD article it amends (None for an addition)."""
    new: int | None


def render_documents(result: DiffResult, old_doc: Document, new_doc: Document, **_options) -> str:
    # A report for people, as the text report: control sequences in the laws shown, not obeyed.
    return visible(draft_decision(result, old_doc, new_doc))


def draft_decision(result: DiffResult, old_doc: Document, new_doc: Document) -> str:
    pairs = pair_articles(result, old_doc, new_doc)
    title = law_title(old_doc) or law_title(new_doc)
    olds, news = pairs.old_articles, pairs.new_articles
    renumber = any(olds[i].label != news[j].label for i, j in pairs.pairs + pairs.moved)
    whole: set[int] = set()
    renames = _heading_items(pairs)
    hints = edit_hints(result, pairs)
    republish = _republishes(pairs, renumber)
    items = _with_headings(_items(pairs, renumber, whole, hints), renames)
    for _ in range(3):  # each round redrafts, article by article, what did not come out right
        wrong = _check(pairs, items, title, renumber, republish)
        if not wrong - whole:
            break
        whole |= wrong
        items = _with_headings(_items(pairs, renumber, whole, hints), renames)
    return _document(title, items, renumber, republish)


def _republishes(pairs: ArticlePairs, renumber: bool) -> bool:
    """NEW keeps a deleted article's number vacant (no renumbering): the law is not republished with fresh
    numbers, so the draft orders no republication (``amend`` numbers a republished text afresh)."""
    return renumber or not {a.label for a in pairs.old_articles} - {a.label for a in pairs.new_articles}


def _heading_items(pairs: ArticlePairs) -> list[DraftItem]:
    """将第二章的章名修改为“……” for each 编/章/节 whose title changed (spaces aside)."""
    old, new = headings(pairs.old), headings(pairs.new)
    starts = [i for i, part in enumerate(pairs.new.parts) if isinstance(part, Article)]
    items = []
    for key, heading in new.items():
        before = old.get(key)
        if before is None or without_space(before.title) == without_space(heading.title):
            continue
        book, unit, number = key
        where = f"第{to_cn(book)}{'章' if unit == '节' else '编'}" if book is not None else ""
        following = next((k for k, i in enumerate(starts) if i > heading.part), len(starts))
        items.append(DraftItem(f"将{where}第{to_cn(number)}{unit}的{unit}名修改为“{heading.title.strip()}”。",
                               None, following))
    return items


def _with_headings(items: list[DraftItem], renames: list[DraftItem]) -> list[DraftItem]:
    """Heading items go before the first item on an article under that heading."""
    out = list(items)
    for rename in sorted(renames, key=lambda r: r.new, reverse=True):
        at = next((k for k, item in enumerate(out) if item.new is not None and item.new >= rename.new), len(out))
        out.insert(at, DraftItem(rename.text, None, None))
    return out


def _document(title: str, items: list[DraftItem], renumber: bool, republish: bool) -> str:
    lines = [f"关于修改《{title}》的决定（草案）", f"现决定对《{title}》作如下修改："]
    lines.extend(f"{to_cn(n)}、{item.text}" for n, item in enumerate(items, 1))
    if not items:
        lines.append("（两个文本的条文相同，无需修改。）")
    if renumber:
        lines.append("此外，对条文顺序作相应调整。")
    lines.append("本决定自公布之日起施行。")
    again = "并对条文顺序作相应调整，" if renumber else ""
    if republish:
        lines.append(f"《{title}》根据本决定作相应修改{again}重新公布。" if again else
                     f"《{title}》根据本决定作相应修改，重新公布。")
    return "\n".join(lines) + "\n"


def _end(item: str) -> str:
    """An item ends with 。 unless it ends with a quoted provision that has its own (“……。”)."""
    return item if item.endswith(("。”", "；”", "：”")) else item + "。"


def _quote(paragraphs) -> str:
    """“p1\\n“p2” — each paragraph reopens the quote; inner quotes become ‘……’."""
    inner = [p.replace("“", "‘").replace("”", "’") for p in paragraphs]
    return "“" + "\n“".join(inner) + "”"


def _new_map(pairs: ArticlePairs, renumber: bool):
    if not renumber:
        return lambda key: None
    olds, news = pairs.old_articles, pairs.new_articles
    table = {olds[i].key: news[j].label for i, j in pairs.pairs + pairs.moved}
    return table.get


def _items(pairs: ArticlePairs, renumber: bool, whole: set[int], hints: dict) -> list[DraftItem]:
    olds, news = pairs.old_articles, pairs.new_articles
    old_index = {id(a): i for i, a in enumerate(olds)}
    new_index = {id(a): j for j, a in enumerate(news)}
    new_of = _new_map(pairs, renumber)
    old_of_new = {j: i for i, j in pairs.pairs + pairs.moved}
    # A moved article is drafted 将第X条移至第Y条后 when it follows an old article in NEW and the
    # articles are renumbered anyway; otherwise as a deletion and an addition.
    movable = {j: i for i, j in pairs.moved if renumber and j - 1 in old_of_new and j not in whole}
    moving = set(movable.values())
    items: list[DraftItem] = []
    previous_new: Article | None = None
    for old, new in pairs.rows():
        if new is None:
            if old_index[id(old)] not in moving:
                items.append(DraftItem(_end(f"删去{old.label}"), old_index[id(old)], None))
            continue
        j = new_index[id(new)]
        if old is None and j in movable:
            old = olds[movable[j]]
            move = f"将{old.label}移至{olds[old_of_new[j - 1]].label}后"
            changed = _changed_article(old, new, new_of, renumber, {})
            items.append(DraftItem(_end(f"{move}；{changed}" if changed else move), movable[j], j))
        elif old is None:
            quote = _quote(new.lines)
            if renumber or previous_new is None:
                text = _end(f"增加一条，作为{new.label}：{quote}")
            else:
                text = _end(f"在{previous_new.label}后增加一条，作为{new.label}：{quote}")
            items.append(DraftItem(text, None, j))
        else:
            if j in whole:
                text = _whole_article(old, new, renumber)
            else:
                pair = (old_index[id(old)], j)
                text = _changed_article(old, new, new_of, renumber, hints.get(pair, {}))
            if text:
                items.append(DraftItem(text, old_index[id(old)], j))
        previous_new = new
    return items


def _changed_article(old: Article, new: Article, new_of, renumber: bool, hints: dict) -> str | None:
    """The item for a matched article, or None when the article comes out right by itself."""
    mapped = tuple(renumber_line(line, (), new_of)[0] for line in old.lines) if renumber else old.lines
    if normal_form(Article(None, "", "", mapped)) == normal_form(new):
        return None
    lead = f"将{old.label}改为{new.label}" if renumber and old.label != new.label else None
    added = _added_clause(mapped, new.lines)
    if added is not None:
        position, lines = added
        head = f"{lead}，" if lead else old.label
        return _end(f"{head}增加一款，作为第{to_cn(position)}款：{_quote(lines)}")
    subs = _line_subs(old, mapped, new, hints)
    if subs is None:
        subs = [("", f"修改为：{_quote(new.lines)}")]
    return _join(old.label, lead, subs)


def _clause_ranges(lines: tuple[str, ...]) -> list[tuple[str, ...]]:
    starts = [line.index for line in classify(lines) if line.unit == "clause"] + [len(lines)]
    return [lines[starts[c]:starts[c + 1]] for c in range(len(starts) - 1)]


def _added_clause(old_lines: tuple[str, ...], new_lines: tuple[str, ...]) -> tuple[int, tuple[str, ...]] | None:
    """(position, lines) when NEW is OLD with one 款 (and its 项) added and nothing else changed."""
    old_c, new_c = _clause_ranges(old_lines), _clause_ranges(new_lines)
    if len(new_c) != len(old_c) + 1:
        return None
    for k in range(len(new_c)):
        if new_c[:k] + new_c[k + 1:] == old_c:
            return k + 1, new_c[k]
    return None


def _join(label: str, lead: str | None, subs: list[tuple[str, str]]) -> str:
    """将第X条第一款中的“A”修改为“B”，第二款修改为：“……” — the first names the article, the rest continue it."""
    parts = [lead] if lead else []
    previous = None
    for k, (unit, action) in enumerate(subs):
        absolute = not lead and k == 0
        unit, previous = ("" if k and unit == previous else unit), unit  # the same unit again: 其中的
        if action.startswith("删去"):
            where = f"{label}{unit}" if absolute else unit or "其"
            parts.append(f"删去{where}中的{action[2:]}")
        elif action.startswith("修改为"):
            parts.append(f"将{label}{unit}{action}" if absolute else f"{unit}{action}")
        else:
            where = f"将{label}{unit}中的" if absolute else f"{unit}中的" if unit else "其中的"
            parts.append(where + action)
    return _end("，".join(parts))


def _unit(old: Article, line_index: int) -> tuple[str, Target]:
    lines = classify(old.lines)
    info = next(line for line in lines if line.index == line_index)
    single = sum(1 for line in lines if line.unit == "clause") == 1
    number, zhiyi = old.key
    clause = None if single else info.clause
    ref = "" if single else f"第{to_cn(info.clause)}款"
    if info.unit == "clause":
        return ref, Target(number, zhiyi, clause)
    ref += f"第{to_cn(info.point)}项"
    if info.unit == "subpoint":
        ref += f"第{to_cn(info.subpoint)}目"
    return ref, Target(number, zhiyi, clause, info.point, info.subpoint)


def _line_subs(old: Article, mapped: tuple[str, ...], new: Article, hints: dict) -> list[tuple[str, str]] | None:
    """Word items, or paragraph items, or None for the whole article."""
    if len(mapped) != len(new.lines):
        return _clause_subs(old, mapped, new)
    if [line.unit for line in classify(old.lines)] != [line.unit for line in classify(new.lines)]:
        return None
    subs: list[tuple[str, str]] = []
    quoted_clauses: set[int] = set()
    for k, (a, b) in enumerate(zip(mapped, new.lines)):
        if a == b:
            continue
        ref, target = _unit(old, k)
        clause_of = next(line.clause for line in classify(old.lines) if line.index == k)
        if clause_of in quoted_clauses:
            continue
        words = word_items(old, mapped, k, target, b, hints.get(k, ()) if mapped[k] == old.lines[k] else ())
        if words is not None:
            subs.extend((ref, action) for action in words)
            continue
        info = next(line for line in classify(old.lines) if line.index == k)
        if info.unit == "clause":
            start, end = _span(old, target) if target.clause else (0, len(old.lines))
            if target.clause is None:
                return None  # a single-paragraph article rewritten: quote the article
            subs.append((ref, f"修改为：{_quote(new.lines[start:end])}"))
            quoted_clauses.add(info.clause)
        else:
            start, end = _span(old, target)
            subs.append((ref, f"修改为：{_quote(new.lines[start:end])}"))
    return subs


def _clause_subs(old: Article, mapped: tuple[str, ...], new: Article) -> list[tuple[str, str]] | None:
    """Paragraph counts differ: quote the one 款 whose 项 changed in number, else the article."""
    old_lines, new_lines = classify(old.lines), classify(new.lines)
    old_clauses = [line for line in old_lines if line.unit == "clause"]
    new_clauses = [line for line in new_lines if line.unit == "clause"]
    if len(old_clauses) != len(new_clauses) or len(old_clauses) < 2:
        return None

    def ranges(lines, count, total):
        starts = [line.index for line in lines if line.unit == "clause"] + [total]
        return [(starts[c], starts[c + 1]) for c in range(count)]

    subs = []
    for c, ((a1, a2), (b1, b2)) in enumerate(zip(ranges(old_lines, len(old_clauses), len(old.lines)),
                                                  ranges(new_lines, len(new_clauses), len(new.lines))), 1):
        if mapped[a1:a2] != new.lines[b1:b2]:
            subs.append((f"第{to_cn(c)}款", f"修改为：{_quote(new.lines[b1:b2])}"))
    return subs


def _whole_article(old: Article, new: Article, renumber: bool) -> str:
    lead = f"将{old.label}改为{new.label}，修改为：" if renumber and old.label != new.label else f"将{old.label}修改为："
    return _end(lead + _quote(new.lines))


def _check(pairs: ArticlePairs, items: list[DraftItem], title: str, renumber: bool, republish: bool) -> set[int]:
    """Items whose article does not come out as NEW's when the draft is applied to OLD."""
    if not items:
        return set()
    instrument = read_instrument(_document(title, items, renumber, republish))
    numbers = {f"{to_cn(n)}、": k for n, k in zip(range(1, len(items) + 1), range(len(items)))}
    # Partial: the items that fail and the articles that come out wrong, both in one round.
    amended = apply_instrument(pairs.old, instrument, partial=True)
    failed = {numbers.get(f.split("、", 1)[0] + "、") for f in amended.unapplied}
    wrong = {items[k].new for k in failed if k is not None and items[k].new is not None}
    got = {a.label: normal_form(a) for a in amended.law.articles()}
    return wrong | {j for j, a in enumerate(pairs.new_articles) if got.get(a.label) != normal_form(a)}
