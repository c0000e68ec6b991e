"""An instrument's text → its title, adoption line, parts and numbered items.

The items' sentences are read by :mod:`govtext.amend.grammar`; this module only
finds where each item begins: a line opening with 一、 (or （一） under an item
that announces sub-items), never a line inside a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govtext.amend.quotes import CLOSE, OPEN
from govtext.numerals import CN_DIGITS

_CN = f"[{CN_DIGITS}]+"
ITEM = re.compile(rf"^({_CN})、")
SUB_ITEM = re.compile(rf"^[（(]({_CN})[）)]")
# Court decisions number a part's items 1. 2. … (ASCII or full-width point).
ARABIC_ITEM = re.compile(r"^(\d{1,3})[.．](?!\d)")
# The line that dates the instrument: （2024年9月13日第十四届……会议通过） or 2023年12月29日 第十四届……通过.
ADOPTED = re.compile(r"^[（(]?\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*(.*?会议)(?:通过)?[）)]?\s*$")
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
AMENDMENT_TITLE = re.compile(r"^(.*?)修正案（[^）]+）$")
DOC_NUMBER = re.compile(r"〔\d{4}〕\d+号$")
# Closing sentences (commencement, republication): unnumbered lines after the items.
CLOSING = re.compile(r"^(?:本(?:决定|修正案|规定)自|根据本决定|此外，|《[^》]+》(?:、《[^》]+》)*根据本决定)")


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

    @property
    def is_amendment(self) -> bool:
        return bool(AMENDMENT_TITLE.match(self.title))


def _quote_depth(lines: list[str]) -> list[bool]:
    """For each line: does it lie inside a quotation opened on an earlier line (or open one itself)?

    Court drafting quotes several paragraphs with one “ … ” and no mark on the inner
    paragraphs, so a line inside a quote is recognised by the marks before it, not its own.
    """
    inside, depth = [], 0
    for line in lines:
        content = line.lstrip(" \u3000\t")
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
    adopted = None
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
        m = ITEM.match(content)
        if not in_quote and m:
            items.append((m.group(), [content[m.end():]]))
            continue
        if not items:
            am = ADOPTED.match(content)
            if am and adopted is None and title_lines:
                adopted = f"{am.group(1)} {am.group(2)}"
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
            continue  # after the commencement sentence: signatures, appendix lists
        items[-1][1].append(content)
    parts = _parts(items)
    return RawInstrument("".join(title_lines), adopted, "".join(preamble), parts, tuple(closing))


def _parts(items: list[tuple[str, list[str]]]) -> tuple[RawPart, ...]:
    """Items, split into sub-items, grouped by the law each part amends."""
    parts: list[RawPart] = []
    flat: list[RawItem] = []
    for number, body in items:
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
