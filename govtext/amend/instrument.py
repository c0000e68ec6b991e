"""An instrument's text → its title, adoption line, parts and numbered items.

The items' sentences are read by :mod:`govtext.amend.grammar`; this module only
finds where each item begins: a line opening with 一、 (or （一） under an item
that announces sub-items), never a line inside a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govtext.amend.quotes import OPEN
from govtext.numerals import CN_DIGITS

_CN = f"[{CN_DIGITS}]+"
ITEM = re.compile(rf"^({_CN})、")
SUB_ITEM = re.compile(rf"^[（(]({_CN})[）)]")
# The line that dates the instrument: （2024年9月13日第十四届……会议通过） or 2023年12月29日 第十四届……通过.
ADOPTED = re.compile(r"^[（(]?\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*(.*?会议)(?:通过)?[）)]?\s*$")
# A part of a decision amending several laws: 一、对《中华人民共和国农业技术推广法》作出修改
PART_HEAD = re.compile(r"^对《([^》]+)》作(?:出|如下)修改[：:。]?$")
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


def split_instrument(text: str) -> RawInstrument:
    """Title, adoption line, preamble, parts with items, closing sentences."""
    lines = [line.rstrip("\r") for line in text.split("\n")]
    # Quoted paragraphs open with “ (each one, by convention): such a line never starts an item.
    inside = [line.lstrip(" \u3000\t").startswith(OPEN) for line in lines]
    title_lines: list[str] = []
    adopted = None
    preamble: list[str] = []
    items: list[tuple[str, list[str]]] = []
    closing: list[str] = []
    for line, in_quote in zip(lines, inside):
        content = line.strip(" \u3000\t")
        if not content:
            continue
        m = ITEM.match(content)
        if not in_quote and m:
            items.append((m.group(), [content[m.end():]]))
            continue
        if not items:
            am = ADOPTED.match(content)
            if am and adopted is None and title_lines:
                adopted = f"{am.group(1)} {am.group(2)}"
            elif DOC_NUMBER.search(content):
                continue  # 法释〔2022〕5号: the instrument's document number, not its title
            elif adopted is None and not preamble and not re.search(r"[，。：]", content) and len(title_lines) < 4:
                title_lines.append(content)
            else:
                preamble.append(content)
            continue
        if not in_quote and CLOSING.match(content):
            closing.append(content)
            continue
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
        if head:
            parts.append(RawPart(head.group(1), tuple(subs if subs else [RawItem(number, "\n".join(body[1:]))])))
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
    """（一）（二）… lines of an item that announces them (its first line ends with ：or is a part head)."""
    if len(body) < 2 or not (body[0].endswith(("：", ":")) or PART_HEAD.match(body[0])):
        return []
    subs: list[tuple[str, list[str]]] = []
    for line in body[1:]:
        m = SUB_ITEM.match(line)
        if m and not line.startswith(OPEN):
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
