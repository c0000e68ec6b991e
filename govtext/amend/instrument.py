"""An instrument's text → its title, adoption line, parts and numbered items.

The items' sentences are read by :mod:`govtext.amend.grammar`; this module only
finds where each item begins: a line opening with 一、 (or （一） under an item
that announces sub-items), never a line inside a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govtext.amend.quotes import CLOSE, OPEN
from govtext.amend.vocabulary import LAW_KINDS, SIGNATORIES
from govtext.numerals import CN_DIGITS, cn_value

_CN = f"[{CN_DIGITS}]+"
ITEM = re.compile(rf"^({_CN})、")
SUB_ITEM = re.compile(rf"^[（(]({_CN})[）)]")
# Court decisions number a part's items 1. 2. … (ASCII or full-width point).
ARABIC_ITEM = re.compile(r"^(\d{1,3})[.．](?!\d)")
# The line that dates the instrument: （2024年9月13日第十四届……会议通过） or 2023年12月29日 第十四届……通过.
# Court decisions add their commencement: （2020年12月23日……第1823次会议通过，自2021年1月1日起施行）.
# A city's decision adds the province's approval: （2023年6月28日……会议通过　2023年7月27日……会议批准）.
ADOPTED = re.compile(r"^[（(]?\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*(.*?会议)(?:通过)?(?:[，,]自[^）)]*施行)?"
                     r"(?:[\s\u3000]+(\d{4}年\d{1,2}月\d{1,2}日)\s*(.*?会议)批准)?[）)]?\s*$")
# A part of a decision amending several laws: 一、对《中华人民共和国农业技术推广法》作出修改
PART_HEAD = re.compile(r"^(?:对《([^》]+)》作(?:出|如下)修改|修改《([^》]+)》)[：:。]?$")
# State Council style: every item of an appendix names its regulation in its first clause.
LAW_FIRST = re.compile(r"^(?:将|删去|删除|在)?《([^》]+)》")
# 附件1 / 附件：1．…: a decision whose items are in appendices; a repeal list is no amendment.
APPENDIX = re.compile(r"^附件[：:\s\d１-９]*")
REPEAL_HEAD = re.compile(r"废止的")
# The preamble sentence after which a single unnumbered item follows.
ANNOUNCES = re.compile(r"(?:作如下修改|修改如下|作以下修改)[：:]$")
# The law a decision amends: 关于修改《X》的决定 / 对《X》作如下修改 / 刑法修正案.
LAW_IN_TITLE = re.compile(r"关于修改《([^》]+)》")
LAW_IN_PREAMBLE = re.compile(r"对《([^》]+)》(?:（[^）]*）)?作(?:如下|以下|出)?修改")
# 刑法修正案（十二）; the first of a series and the 宪法's have no number: 中华人民共和国宪法修正案.
AMENDMENT_TITLE = re.compile(r"^(.*?)修正案(?:（[^）]+）)?$")
DOC_NUMBER = re.compile(r"〔\d{4}〕\d+号$")
# The decree (令) that publishes a decision: 中华人民共和国国务院令 / 第752号 / 《……》已经……通过，现予公布…… /
# 总理　李克强 / 2022年3月29日 — the date is the one the republished 题注 cites.  Ministries, 总局 and provincial
# governments publish theirs the same way (交通运输部令 / 2023年第5号 / 部长　…; 示范省人民政府令 / 第160号 / 省长　…).
DECREE_HEAD = re.compile(r"^(?:中华人民共和国)?(\S{2,24}?令)((?:\d{4}年)?第\d+号)?$")
DECREE_NUMBER = re.compile(r"^(?:\d{4}年)?第\d+号$")
ORDER_LINE = re.compile(rf"^(?:{DECREE_HEAD.pattern[1:-1]}|{DECREE_NUMBER.pattern[1:-1]}|"
                        rf"(?:{'|'.join(SIGNATORIES)})[\s\u3000]*\S{{2,4}}|.*现予公布.*)$")
DATE_LINE = re.compile(r"^(\d{4}年\d{1,2}月\d{1,2}日)$")
# Closing sentences (commencement, republication): unnumbered lines after the items.
# 本决定经示范省人民代表大会常务委员会批准后，自……起施行 (a city's decision needs the province's approval);
# 《A》《B》《C》根据本决定作相应修改 (the titles of a package written side by side, or with 、).
CLOSING = re.compile(r"^(?:本(?:决定|修正案|规定)(?:经[^。“”]*?后[，,]?)?自|根据本决定|此外，|《[^》]+》(?:[、和]?《[^》]+》)*根据本决定)")


@dataclass(frozen=True, slots=True)
class RawItem:
    number: str
    """As written, with its parent's: 十八、（三）."""
    text: str


@dataclass(frozen=True, slots=True)
class RawPart:
    law_title: str | None
    items: tuple[RawItem, ...]


@dataclass(frozen=True, slots=True)
class RawInstrument:
    title: str
    adopted: str | None
    preamble: str
    parts: tuple[RawPart, ...]
    closing: tuple[str, ...]
    decree: str | None = None
    """The decree that published it, as its header names it: 国家市场监督管理总局令第88号."""
    approved: str | None = None
    """A city's decision: the date and meeting of the province's approval."""

    @property
    def is_amendment(self) -> bool:
        return bool(AMENDMENT_TITLE.match(self.title))


# 宪法修正案 number their items as articles, continuing the earlier amendments' numbers:
# 第三条　宪法第七条修改为：“……” (the label, a space, then the instruction naming the law).
AMENDMENT_ARTICLE = re.compile(rf"^第{_CN}条[ \u3000]+(?=\S)")

# What an item's first clause starts with: the next item after a quote left open is still an item.
INSTRUCTION = re.compile(r"^(?:将|在|删去|删除|增加|第[^，。“”]{1,12}(?:条|款|项)|对《)")


def _quote_depth(lines: list[str]) -> list[bool]:
    """For each line: does it lie inside a quotation opened on an earlier line (or open one itself)?

    Court drafting quotes several paragraphs with one “ … ” and no mark on the inner
    paragraphs, so a line inside a quote is recognised by the marks before it, not its own.
    A quote never closed (a truncated item) ends where the next item in sequence begins with
    an instruction (六、删去第九条 after 五、…“……): that item is read, the broken one reported.
    """
    inside, depth, last_item = [], 0, 0
    for line in lines:
        content = line.lstrip(" \u3000\t")
        item = ITEM.match(content)
        if item and depth > 0 and cn_value(item.group(1)) == last_item + 1 and INSTRUCTION.match(content[item.end():]):
            depth = 0
        if item and depth == 0 and not content.startswith(OPEN):
            last_item = cn_value(item.group(1))
        inside.append(depth > 0 or content.startswith(OPEN))
        if content.startswith(OPEN) and depth > 0:
            depth = 0  # a paragraph reopening with “ (NPC style) continues the same quote
        depth = max(depth + content.count(OPEN) - content.count(CLOSE), 0)
    return inside


def split_instrument(text: str) -> RawInstrument:
    """Title, adoption line, preamble, parts with items, closing sentences."""
    lines = [line.rstrip("\r") for line in text.split("\n")]
    inside = _quote_depth(lines)
    title_lines: list[str] = []
    adopted = decreed = decree = approved = None
    preamble: list[str] = []
    items: list[tuple[str, list[str]]] = []
    closing: list[str] = []
    appendix = heading_next = repeal = after_closing = False
    for line, in_quote in zip(lines, inside):
        content = line.strip(" \u3000\t")
        if not content:
            continue
        if not in_quote and (content.startswith("附件：") or APPENDIX.fullmatch(content)):
            if APPENDIX.fullmatch(content):
                if not appendix:
                    items = []  # the decision's own items only point at the appendices that hold them
                appendix, heading_next, after_closing = True, True, False
            continue
        if heading_next and not ITEM.match(content):
            repeal, heading_next = bool(REPEAL_HEAD.search(content)), False
            continue  # the appendix's heading line: 国务院决定修改的行政法规
        heading_next = False
        if repeal:
            continue
        m = ITEM.match(content) or (AMENDMENT_ARTICLE.match(content) if AMENDMENT_TITLE.match("".join(title_lines))
                                     else _article_item(content, items, preamble)) or _arabic_item(content, items, preamble)
        if not in_quote and m:
            items.append((m.group().rstrip(" \u3000"), [content[m.end():]]))
            continue
        if not items:
            am = ADOPTED.match(content)
            if ORDER_LINE.match(content):
                decree = _decree(decree, content)
                continue
            if DATE_LINE.match(content) and decreed is None:
                decreed = content  # the decree's date (no meeting line in a State Council decision)
                continue
            if am and adopted is None and title_lines:
                adopted = f"{am.group(1)} {am.group(2)}"
                approved = f"{am.group(3)} {am.group(4)}" if am.group(3) else None
            elif DOC_NUMBER.search(content) or (adopted and re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日\s*施行", content)):
                continue  # 法释〔2022〕5号, 2021年12月1日 施行: neither title nor item
            elif adopted is None and not preamble and not re.search(r"[，。：]", content) and len(title_lines) < 4:
                title_lines.append(content)
            elif preamble and ANNOUNCES.search(preamble[-1]) and not CLOSING.match(content):
                items.append(("", [content]))  # a single unnumbered item right after 作如下修改：
            else:
                preamble.append(content)
            continue
        if not in_quote and CLOSING.match(content):
            closing.append(content)
            after_closing = True
            continue
        if after_closing and not in_quote:
            if DATE_LINE.match(content) and decreed is None:
                decreed = content  # a signature date closing the decision
            continue  # after the commencement sentence: signatures, appendix lists
        items[-1][1].append(content)
    parts = _parts(items)
    return RawInstrument("".join(title_lines), adopted or decreed, "".join(preamble), parts, tuple(closing), decree, approved)


def _arabic_item(content: str, items: list[tuple[str, list[str]]], preamble: list[str]) -> re.Match | None:
    """1．将第3条…… as the decision's own items (a city government's decree numbers them so); elsewhere 1. are
    sub-items."""
    return _numbered_item(ARABIC_ITEM.match(content), ARABIC_ITEM.pattern, items, preamble)


def _article_item(content: str, items: list[tuple[str, list[str]]], preamble: list[str]) -> re.Match | None:
    """第一条　将第三条…… as a decision's own items (drafted as articles, as a 修正案's are); elsewhere 第N条 opens
    a quoted article."""
    return _numbered_item(AMENDMENT_ARTICLE.match(content), rf"第{_CN}条", items, preamble)


def _numbered_item(m: re.Match | None, number: str, items: list[tuple[str, list[str]]],
                   preamble: list[str]) -> re.Match | None:
    """``m``, an item number in an unusual style, as the decision's own item: the first right after 作如下修改：,
    the others while every item so far is numbered so (each number matching ``number`` whole)."""
    if not m:
        return None
    if not items:
        return m if preamble and ANNOUNCES.search(preamble[-1]) else None
    return m if all(re.fullmatch(number, n) for n, _ in items) else None


def _decree(decree: str | None, line: str) -> str | None:
    """The decree named by its header lines (交通运输部令 then 2023年第5号), as the 题注 cites it."""
    head = DECREE_HEAD.match(line)
    if head and decree is None:
        return head.group(1) + (head.group(2) or "")
    if decree and DECREE_NUMBER.match(line) and not re.search(r"第\d+号$", decree):
        return decree + line
    return decree


# A package decision that lists its laws one level down (provincial congresses and governments):
# 一、修改下列地方性法规 ⏎（一）对《示范省消防条例》作出修改 ⏎ 1．将第六条…… — or the law's bare name as the
# sub-heading: 一、对2件省政府规章的部分条款予以修改。⏎（一）示范省城市供水管理办法 ⏎ 1．…….
LAW_HEAD = re.compile(r"^(?:对《([^》]+)》作(?:出|如下)修改|修改《([^》]+)》|《?([^《》，。：；、“”\s]{2,40}?"
                      rf"(?:{'|'.join(LAW_KINDS)}))》?(?:[（(][^）)]*[）)])?)[：:。]?$")
# 二、废止下列地方性法规 ⏎（一）《……》 / 二、对1件省政府规章予以废止。⏎ ……: other laws repealed; the list
# under it names no unit of OLD.
REPEAL_ITEM = re.compile(r"^(?:废止下列|对[^。第]*予以废止)")


def _nested_parts(number: str, body: list[str]) -> list[RawPart]:
    """The laws listed under one item, each with its 1. 2. … items (empty when the item is not such a list)."""
    parts: list[tuple[str, list[tuple[str, list[str]]]]] = []
    for line, in_quote in zip(body[1:], _quote_depth(body[1:])):
        sub = None if in_quote else SUB_ITEM.match(line)
        head = LAW_HEAD.match(line[sub.end():]) if sub else None
        item = None if in_quote else ARABIC_ITEM.match(line)
        if head:
            parts.append((head.group(1) or head.group(2) or head.group(3), []))
            prefix = number + sub.group()
        elif not parts:
            return []
        elif item:
            parts[-1][1].append((prefix + item.group(), [line[item.end():]]))
        elif parts[-1][1]:
            parts[-1][1][-1][1].append(line)
        else:
            return []
    return [RawPart(law, tuple(RawItem(n, "\n".join(b)) for n, b in its)) for law, its in parts]


def _parts(items: list[tuple[str, list[str]]]) -> tuple[RawPart, ...]:
    """Items, split into sub-items, grouped by the law each part amends."""
    parts: list[RawPart] = []
    flat: list[RawItem] = []
    for number, body in items:
        if REPEAL_ITEM.match(body[0]):
            flat.append(RawItem(number, body[0]))
            continue
        nested = _nested_parts(number, body) if len(body) > 1 else []
        if nested:
            parts.extend(nested)
            continue
        head = PART_HEAD.match(body[0])
        subs = _sub_items(number, body)
        named = LAW_FIRST.match(body[0])
        if head:
            law = head.group(1) or head.group(2)
            parts.append(RawPart(law, tuple(subs if subs else [RawItem(number, "\n".join(body[1:]))])))
        elif named and not subs:
            # 将《医疗机构管理条例》第九条修改为……: the regulation named once, its articles after.
            text = "\n".join(body)
            parts.append(RawPart(named.group(1), (RawItem(number, text[:named.start(1) - 1] + text[named.end():]),)))
        else:
            if subs:
                flat.append(RawItem(number, body[0]))
                flat.extend(subs)
            else:
                flat.append(RawItem(number, "\n".join(body)))
    if flat:
        parts.insert(0, RawPart(None, tuple(flat)))
    return tuple(parts)


def _sub_items(number: str, body: list[str]) -> list[RawItem]:
    """（一）（二）… or 1. 2. … lines of an item that announces them (its first line ends with ：or is a part head)."""
    if len(body) < 2 or not (body[0].endswith(("：", ":")) or PART_HEAD.match(body[0])):
        return []
    inside = _quote_depth(body[1:])
    subs: list[tuple[str, list[str]]] = []
    for line, in_quote in zip(body[1:], inside):
        m = SUB_ITEM.match(line) or ARABIC_ITEM.match(line)
        if m and not in_quote:
            subs.append((number + m.group(), [line[m.end():]]))
        elif subs:
            subs[-1][1].append(line)
        else:
            return []
    return [RawItem(n, "\n".join(b)) for n, b in subs]


def law_title_of(raw: RawInstrument) -> str | None:
    """The law a single-law instrument amends."""
    m = AMENDMENT_TITLE.match(raw.title)
    if m:
        return m.group(1)
    m = LAW_IN_PREAMBLE.search(raw.preamble) or LAW_IN_TITLE.search(raw.title)
    return m.group(1) if m else None
