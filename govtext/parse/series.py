"""Numbered series in policy texts: where a numbered unit opens, one node type per series.

Units nest by a style stack: the first numbering style met is level 1, a new
style opens the next level, a style already open closes what it holds.  Values
(numerals.py) settle what the style alone cannot: a list that restarts at 1
under a heading of its own style is one level down (older reports reuse 一、).
"""

from __future__ import annotations

from govtext import model
from govtext.numerals import number_value
from govtext.parse.draft import Draft, leaf_draft
from govtext.parse.punct import WHITESPACE


def place(root: Draft, stack: list[tuple[str, Draft]], style: str, unit: Draft) -> None:
    """Open ``unit`` under the right parent: a style already open closes what it holds."""
    same = _sibling_of(stack, style, unit)
    if same is not None:
        del stack[same:]
    parent = stack[-1][1] if stack else root
    if unit.type == model.SECTION:
        unit.level = 1 + sum(1 for _, d in stack if d.type == model.SECTION)
    parent.add(unit)
    stack.append((style, unit))


def _sibling_of(stack: list[tuple[str, Draft]], style: str, unit: Draft) -> int | None:
    """Index of the open unit that ``unit`` follows in its series, or None to nest it.

    A style may be open twice when older reports reuse it inside their own
    headings (一、关于…  then 一、我国人民……。二、…… as a list under it): the unit
    continues the innermost open member it follows by value (三、 after 二、); a
    series that restarts at 1 under a member of its own style is a new level.
    """
    open_ = [i for i, (name, _) in enumerate(stack) if name == style]
    if not open_:
        return None
    value = number_value(unit.number) if unit.number else None
    if value is None:
        return open_[0]
    for i in reversed(open_):
        if number_value(stack[i][1].number or "") == value - 1:
            return i
    innermost = stack[open_[-1]][1]
    if value == 1 and innermost.type == model.SECTION:
        return None  # a list restarting under a heading numbered in its own style
    return open_[-1]


def one_type_per_series(container: Draft, text: str) -> None:
    """Heading-only members of an item series are items with a title and no lead.

    （二）工作原则 between （一）……。 and （三）……。 numbers the same series: as a
    section it would split the series across two node types, and counting the
    items would miss it.  A series decides by majority (ties go to items): in a
    series of headings, a member whose heading runs on into its text (三、深入
    改革经济体制和扩大对外开放国民经济的……。 where the source lost a line
    break) is a section too, its lead serving as the heading.
    """
    for members in series(container.children) + _across_sections(container.children):
        items = [m for m in members if m.type == model.ITEM]
        sections = [m for m in members if m.type == model.SECTION]
        if items and len(items) * 2 >= len(members):
            for m in sections:
                _heading_to_item(m, text)
        elif items:
            for m in items:
                m.type, m.level = model.SECTION, sections[0].level
    for child in container.children:
        if child.children and child.type in (model.SECTION, model.ITEM):
            one_type_per_series(child, text)


def _across_sections(children: list[Draft]) -> list[list[Draft]]:
    """Runs that continue from one section into the next: an 意见 numbers （一）…（二十八）
    straight through 一、…八、, and （一）–（四） under 一、总体要求 are the same series as
    （五） under 二、.  Only runs that span two sections or more (a run that restarts under
    each section is that section's own, judged there)."""
    sections = [child for child in children if child.type == model.SECTION and child.children]
    if len(sections) < 2:
        return []
    owner = {id(grandchild): k for k, section in enumerate(sections) for grandchild in section.children}
    runs = series([grandchild for section in sections for grandchild in section.children])
    return [run for run in runs if len({owner[id(member)] for member in run}) > 1]


def series(children: list[Draft]) -> list[list[Draft]]:
    """Runs of siblings numbered in one style, a run ending where numbering restarts."""
    runs: dict[str, list[list[Draft]]] = {}
    last: dict[str, int] = {}
    for child in children:
        if child.style is None:
            continue
        value = number_value(child.number) or 0
        if child.style not in runs or value <= last[child.style]:
            runs.setdefault(child.style, []).append([])
        runs[child.style][-1].append(child)
        last[child.style] = value
    return [run for style_runs in runs.values() for run in style_runs]


def _heading_to_item(unit: Draft, text: str) -> None:
    """Re-cut a section's heading leaf into the label and title words of an item."""
    children: list[Draft] = []
    for child in unit.children:
        if child.type == model.HEADING:
            start, end = child.span
            after = start + len(unit.number)
            rest = after
            while rest < end and text[rest] in WHITESPACE:
                rest += 1
            children.append(leaf_draft(model.LABEL, start, after))
            if rest > after:
                children.append(leaf_draft(model.BLANK, after, rest))
            if end > rest:
                children.append(leaf_draft(model.HEADING, rest, end))
        else:
            children.append(child)
    unit.children = children
    unit.type, unit.level = model.ITEM, None
