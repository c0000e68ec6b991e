"""The amendment package's entry points: read an instrument, apply it to a text."""

from __future__ import annotations

import re
from dataclasses import replace

from govtext.amend.apply import Amended, AmendError, apply_instrument
from govtext.amend.grammar import read_item
from govtext.amend.references import Context
from govtext.amend.instrument import RawInstrument, law_title_of, split_instrument
from govtext.amend.lawtext import LawText, from_document
from govtext.amend.ops import Instrument, Item, Merge, NoChange, Renumber
from govtext.errors import GovtextError
from govtext.model import ARTICLE, Document
from govtext.numerals import CN_DIGITS, to_cn

_HISTORY_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日.*(?:通过|修正|修订|公布|发布|施行|批准)")
_AMENDED = {"修正": re.compile(r"修正$"), "修订": re.compile(r"修订$")}


class InstrumentError(GovtextError):
    """The text is no amendment instrument, or names no part for this law."""


def _norm_title(title: str) -> str:
    return re.sub(r"[\s\u3000]|（[^）]*）$", "", title)


def _bare(text: str) -> str:
    """A title as compared: no spaces, no book-title marks of either level, no 中华人民共和国."""
    return re.sub(r"中华人民共和国", "", re.sub(r"[\s\u3000《》〈〉<>]", "", text))


def read_instrument(text: str, old_title: str | None = None, part: int | None = None) -> Instrument:
    """Parse an instrument; for a decision amending several laws, keep the part for ``old_title``
    (OLD's title, or all of OLD's text before its first article) or the ``part``-th, counting from 1."""
    raw = split_instrument(text)
    if not raw.parts or not any(p.items for p in raw.parts):
        raise InstrumentError("no numbered items (一、二、…) found: is this an amendment instrument?")
    chosen = _choose_part(raw, old_title, part)
    items = []
    ctx_by_item: dict[str, Context] = {}
    for item in chosen.items:
        top = re.split(r"(?<=、)|(?<=[）)])", item.number)[0]
        ctx = ctx_by_item.setdefault(top, Context()) if item.number and not item.number.endswith("、") else Context()
        ops, problem = read_item(item.text, ctx)
        items.append(Item(item.number, item.text, ops, problem))
    for line in raw.closing:
        ops, problem = read_item(line)
        items.append(Item("", line, ops, problem))
    if not re.search(r"修改|修正|修订|决定", raw.title) and not any(i.problem is None for i in items if i.number):
        # A report or a law with 一、二、… headings: refused as a whole, not item by item.
        raise InstrumentError(f"{raw.title[:30] or 'the text'} is no amendment instrument: its title is no "
                              f"修改决定/修正案 and none of its {sum(1 for i in items if i.number)} items reads as an amendment")
    items = _merge_into_clauses(items)
    renumber = any(isinstance(op, NoChange) and op.renumber for item in items for op in item.operations)
    law_title = chosen.law_title or law_title_of(raw)
    return Instrument(raw.title, law_title, raw.adopted, tuple(items), renumber, raw.is_amendment, raw.decree,
                      raw.approved)


def _merge_into_clauses(items: list[Item]) -> list[Item]:
    """将第二十六条改为第二十九条第一款 … 将第二十七条改为第二十九条第二款: the articles merge."""
    groups: dict[int, list[tuple[int, Renumber]]] = {}
    for index, item in enumerate(items):
        for op in item.operations:
            if isinstance(op, Renumber) and op.into_clause:
                groups.setdefault(op.number, []).append((index, op))
    for number, members in groups.items():
        if len(members) < 2:
            continue
        last = max(index for index, _ in members)
        targets = tuple(op.target.article_only() for _, op in sorted(members, key=lambda m: m[1].into_clause))
        item = items[last]
        items[last] = replace(item, operations=item.operations + (Merge(targets),))
    return items


def _choose_part(raw: RawInstrument, old_title: str | None, part: int | None):
    named = [p for p in raw.parts if p.law_title]
    if part is not None:
        if not 1 <= part <= len(raw.parts):
            raise InstrumentError(f"--part {part}: the instrument has {len(raw.parts)} part(s)")
        chosen = raw.parts[part - 1]
        if old_title and chosen.law_title and _bare(_norm_title(chosen.law_title)) not in _bare(old_title):
            raise InstrumentError(f"--part {part} amends 《{chosen.law_title}》, not OLD ({_norm_title(old_title)[:40]})")
        return chosen
    if len(raw.parts) == 1:
        return raw.parts[0]
    if old_title:
        want = _bare(old_title)
        hits = [p for p in named if _bare(_norm_title(p.law_title)) in want]
        if len(hits) > 1:  # 关于审理人身损害赔偿案件… inside a longer title: the longest name wins
            hits.sort(key=lambda p: -len(p.law_title))
        if hits:
            return hits[0]
    titles = "、".join(f"{i}: 《{p.law_title}》" for i, p in enumerate(raw.parts, 1) if p.law_title)
    first_line = (old_title or "unknown").split("\n")[0]
    raise InstrumentError(f"the instrument amends several laws and none is OLD's title "
                          f"({first_line}); choose one with --part ({titles})")


def head_of(doc: Document) -> str:
    """OLD's text before its first article: its title, however many lines it is split over."""
    for node in doc.walk():
        if node.type == ARTICLE:
            return doc.text[:node.span[0]]
    return doc.text


def title_of(doc: Document) -> str:
    """A law's title: its first non-empty line."""
    for line in doc.text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def law_title(doc: Document) -> str:
    """The title as instruments name the law: no spaces, no trailing （…修正） note."""
    return _norm_title(title_of(doc))


def amend_document(doc: Document, instrument: Instrument, partial: bool = False) -> Amended:
    """Apply ``instrument`` to a parsed law; the 题注 gains the instrument's line.

    ``partial``: items that cannot be applied are left out and listed (``Amended.unapplied``)."""
    law = from_document(doc)
    if not law.articles():
        raise InstrumentError("OLD has no articles (第一条 …): amendments apply to laws and regulations")
    check_law(doc, instrument)
    result = apply_instrument(law, instrument, partial)
    return Amended(_with_history(result.law, instrument), result.renumbered, result.xref_updates, result.warnings,
                   result.unapplied, result.changes)


def check_law(doc: Document, instrument: Instrument) -> None:
    """Refuse an instrument that names another law than OLD (its title, split over lines or not)."""
    title = instrument.law_title
    head = head_of(doc)
    if not title or not head.strip():
        return
    want, have = _bare(_norm_title(title)), _bare(head)
    first = _bare(_norm_title(title_of(doc)))
    if want not in have and not (first and first in want):
        raise InstrumentError(f"the instrument amends 《{title}》, not OLD ({_norm_title(title_of(doc))[:40]})")


# 《》 inside a title cited in 《》 become 〈〉, and 〈〉 inside those become 《》 again.
_NESTED_MARKS = str.maketrans("《》〈〉", "〈〉《》")


# OLD's 题注 cites the decree that published it (国家市场监督管理总局令第10号公布): that office cites its
# amending decree too, by number (根据2024年6月10日国家市场监督管理总局令第88号修正).
_CITES_DECREE = re.compile(r"令(?:\d{4}年)?第\d+号(?:公布|发布)")


def history_line(instrument: Instrument, head: str = "") -> str | None:
    """The 题注 line an instrument adds, in the style of the official republication (``head``: OLD's
    text before its first article, whose 题注 tells how its office cites decrees):
    NPC, provincial congress — 2023年3月13日第十四届……会议《关于修改〈……〉的决定》修正 (the issuer left out);
    a city's decision with its approval — ……会议通过、……会议批准的《示范市人民代表大会常务委员会关于修改〈……〉的决定》修正;
    court — 2020年12月23日最高人民法院审判委员会第1823次会议通过的《最高人民法院关于修改〈……〉……的决定》修正;
    State Council — 2022年3月29日《国务院关于修改和废止部分行政法规的决定》修订 (the decree's date);
    a ministry's decree — 2023年3月20日《交通运输部关于修改〈……〉的决定》修正, or by its number where OLD's
    题注 cites its own (2024年6月10日国家市场监督管理总局令第88号修正)."""
    if not instrument.adopted:
        return None
    if instrument.is_amendment:
        return f"{instrument.adopted}通过的《{instrument.title}》"
    full = instrument.title.translate(_NESTED_MARKS)
    if instrument.approved:
        return f"{instrument.adopted}通过、{instrument.approved.replace(' ', '', 1)}批准的《{full}》修正"
    if instrument.title.startswith("国务院"):
        return f"{instrument.adopted.split(' ')[0]}《{full}》修订"
    if instrument.title.startswith("最高人民"):
        return f"{instrument.adopted}通过的《{full}》修正"
    if instrument.decree:
        date = instrument.adopted.split(" ")[0]
        return f"{date}{instrument.decree}修正" if _CITES_DECREE.search(head) else f"{date}《{full}》修正"
    title = re.sub(r"^.*?(?=关于修改)", "", instrument.title).translate(_NESTED_MARKS)
    return f"{instrument.adopted}《{title}》修正"


# 根据1988年……通过的《中华人民共和国宪法修正案》修正: amendments listed in one 根据 with one 修正.
_AMENDMENT_LIST = re.compile(r"(根据\d{4}年.*?通过的《[^》]*修正案[^》]*》)修正$")
_BRACKETED = re.compile(r"^([ \u3000]*[（(]\d{4}年.*?)([）)])([ \u3000\r]*)$")


def _with_bracketed_history(law: LawText, lines: list[str], line: str, instrument: Instrument) -> LawText:
    """The one-line 题注 （……通过　……修订　根据……修正）: the instrument joins it inside the brackets (one that
    records only the revision, （1997年3月14日……修订）, as well)."""
    at = next((i for i, text in enumerate(lines) if _BRACKETED.match(text) and re.search("通过|公布|发布|修订", text)),
              None)
    if at is None:
        return law
    m = _BRACKETED.match(lines[at])
    body = m.group(1)
    entry = "根据" + line.replace(" ", "", 1) if not instrument.is_amendment else line.replace(" ", "", 1)
    joined = _AMENDMENT_LIST.search(body) if instrument.is_amendment else None
    if instrument.is_amendment and not joined:
        # the first 修正案 cited inside brackets: 根据……通过的《示范省城乡规划条例修正案》修正
        entry = f"根据{entry}修正"
    if joined:
        # 宪法: one 根据……《宪法修正案》、……和……《宪法修正案》修正 lists them all; the new one comes last.
        listed = joined.group(1).replace("》和", "》、")
        lines[at] = body[:joined.start()] + f"{listed}和{entry}修正" + m.group(2) + m.group(3)
        return LawText((law.newline.join(lines),) + law.parts[1:], law.newline)
    if not instrument.is_amendment:
        verb = line[-2:]  # 修正 (laws, interpretations) or 修订 (regulations): counted separately
        earlier = re.findall(rf"{verb}(?=[　 ）)]|$)", body)
        if earlier:
            if len(earlier) == 1 and not re.search(rf"第[{CN_DIGITS}]+次{verb}", body):
                body = re.sub(rf"{verb}$|{verb}(?=[　 ])", f"第一次{verb}", body, count=1)
            entry = entry[: -len(verb)] + f"第{to_cn(len(earlier) + 1)}次{verb}"
    lines[at] = body + "\u3000" + entry + m.group(2) + m.group(3)
    return LawText((law.newline.join(lines),) + law.parts[1:], law.newline)


def _with_history(law: LawText, instrument: Instrument) -> LawText:
    """Add the instrument's line after the last dated history line before the first article."""
    line = history_line(instrument, law.parts[0] if law.parts and isinstance(law.parts[0], str) else "")
    if line is None or not law.parts or not isinstance(law.parts[0], str):
        return law
    head = law.parts[0]
    lines = head.split(law.newline)
    dated = [i for i, text in enumerate(lines) if _HISTORY_LINE.match(text.strip())]
    if not dated:
        return _with_bracketed_history(law, lines, line, instrument)
    if not instrument.is_amendment:
        # The republication counts amendments: a second one makes the first 第一次修正.
        verb = line[-2:]
        earlier = [i for i in dated if _AMENDED[verb].search(lines[i].rstrip("）) "))]
        if earlier:
            first = lines[earlier[0]]
            if len(earlier) == 1 and not re.search(rf"第[{CN_DIGITS}]+次{verb}", first):
                lines[earlier[0]] = re.sub(rf"{verb}(?=[）)]?\s*$)", f"第一次{verb}", first)
            line = line[: -len(verb)] + f"第{to_cn(len(earlier) + 1)}次{verb}"
    lines.insert(dated[-1] + 1, line)
    return LawText((law.newline.join(lines),) + law.parts[1:], law.newline)


__all__ = ["AmendError", "Amended", "InstrumentError", "amend_document", "head_of", "read_instrument", "title_of"]
