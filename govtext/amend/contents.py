"""The 目录 follows its body: after 增加一章, 章名修改 or renumbered chapters the table of contents
at the top of a law lists the body's headings as they now stand.

A 目录 is a line 目录 (目　　录) before the first article followed by 编/章/节 heading lines; it ends at
the first other line or where its first heading comes again (the body's first chapter).
It is rewritten only when the amendment changed the body's headings, in its own layout (indentation
and separator per unit), listing the units it listed (a 目录 of chapters only stays so), each title
as the body writes it.
"""

from __future__ import annotations

import re

from govtext.amend.lawtext import HEADING, Article
from govtext.numerals import cn_value, to_cn

_TITLE_LINE = re.compile(r"^[ \u3000]*目[ \u3000]*录[ \u3000]*$")


def _body_headings(parts, skip: tuple[int, int] | None) -> list[tuple[str, int, str]]:
    """(unit, number, title) of every heading line in order, the 目录's own lines (``skip``) aside."""
    out = []
    for i, part in enumerate(parts):
        if not isinstance(part, str):
            continue
        for m in HEADING.finditer(part):
            if i == 0 and skip and skip[0] <= m.start() < skip[1]:
                continue
            out.append((m.group("unit"), cn_value(m.group("num")), m.group("title").strip()))
    return out


def find_contents(parts) -> tuple[int, int, list[re.Match]] | None:
    """The 目录's heading lines in the text before the first article: (start, end) offsets and matches."""
    if not parts or not isinstance(parts[0], str) or not any(isinstance(p, Article) for p in parts):
        return None
    text = parts[0]
    title = next((m for m in re.finditer(r"^.*$", text, re.M) if _TITLE_LINE.match(m.group())), None)
    if title is None:
        return None
    pos = title.end() + (2 if text.startswith("\r\n", title.end()) else 1)
    listed = []
    while pos < len(text):
        m = HEADING.match(text, pos)
        # the body begins where the 目录's first line comes again (第一节 may recur under each 章)
        if not m or listed and (m.group("unit"), m.group("num")) == (listed[0].group("unit"), listed[0].group("num")):
            break
        listed.append(m)
        pos = m.end() + (2 if text.startswith("\r\n", m.end()) else 1)
    if not listed:
        return None
    return listed[0].start(), listed[-1].end(), listed


def _bare(title: str) -> str:
    return re.sub(r"[ \u3000]", "", title)


def follow_body(old_parts, parts, newline: str) -> list:
    """``parts`` with its 目录 rewritten from its body, when the body's headings differ from ``old_parts``'."""
    found = find_contents(parts)
    if found is None:
        return parts
    start, end, listed = found
    before = [(u, n, _bare(t)) for u, n, t in _body_headings(old_parts, find_contents(old_parts)[:2])]
    after = _body_headings(parts, (start, end))
    if before == [(u, n, _bare(t)) for u, n, t in after]:
        return parts
    layout = {m.group("unit"): m for m in listed}  # each unit's indentation and separator as the 目录 writes it
    if not any(u in layout for u, _, _ in after):
        return parts
    lines = []
    for unit, number, title in after:
        if unit not in layout:
            continue
        m = layout[unit]
        lead = m.group("lead")
        head = lead[:lead.index("第")] + "第" + to_cn(number) + unit + m.group("sep")
        lines.append(head + title)
    sep = "\r\n" if newline == "\r\n" else "\n"
    out = list(parts)
    out[0] = parts[0][:start] + sep.join(lines) + parts[0][end:]
    return out
