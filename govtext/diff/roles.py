"""The role of a unit of a policy text: review of work done, guidance, or tasks.

A reader pairs last year's tasks with this year's tasks and last year's review with this
year's review, whatever words they share: an end-of-term report reviews five years in items
（一）…（九） whose titles echo next year's task items （一）…（九）, yet the task carries on as a
task.  The role is read from structure, not from the unit's own words: the top-level heading
the unit stands under (一、过去五年工作回顾, 三、2019年政府工作任务), or, in a report without such
headings, the opening words of the paragraphs (过去一年… starts a review, 今年… the tasks).
The words are data (``data/roles.toml``).  A unit whose role is unknown pairs as before.
"""

from __future__ import annotations

import re

from govtext.diff.data import Role, roles as shipped_roles
from govtext.diff.units import HEADING_FAMILY, Unit


def unit_roles(units: list[Unit], table: tuple[Role, ...] | None = None) -> list[str | None]:
    """Each unit's role name (by ``unit.index``), None where the structure does not tell."""
    table = shipped_roles() if table is None else table
    headings = {u.node.id: u for u in units if u.family == HEADING_FAMILY}
    named = _top_roles(units, table)
    out: list[str | None] = [None] * len(units)
    headed = False
    for unit in units:
        # The outermost heading above the unit (or the unit itself) that names a role.
        node_id, chain = unit.node.id, []
        while True:
            if node_id in headings:
                chain.append(headings[node_id])
            if "/" not in node_id:
                break
            node_id = node_id.rsplit("/", 1)[0]
        for head in reversed(chain):
            role = named.get(head.index) or heading_role(head.title_norm, table)
            if role is not None:
                out[unit.index] = role
                headed = True
                break
    # Only a report with no top-level headings at all reads roles from paragraph openings: under
    # headings that name no role (a 一号文件's 一、二、), a paragraph opening 过去一年 is a preamble.
    if not headed and not any(u.family == HEADING_FAMILY and "/" not in u.node.id for u in units):
        _roles_by_openings(units, table, out)
    return out


def heading_role(title: str, table: tuple[Role, ...]) -> str | None:
    """The role whose heading words the title holds, None for none or for several."""
    found = _heading_roles(title, table)
    return found.pop() if len(found) == 1 else None


def names_a_part(title: str, table: tuple[Role, ...] | None = None) -> bool:
    """Whether a heading holds the words of a role (2007年工作总体部署, 过去五年工作回顾): it names
    a part of the report, not a topic."""
    return bool(_heading_roles(title, shipped_roles() if table is None else table))


def _heading_roles(title: str, table: tuple[Role, ...]) -> set[str]:
    return {role.name for role in table if any(word in title for word in role.headings)}


def _top_roles(units: list[Unit], table: tuple[Role, ...]) -> dict[int, str]:
    """Top-level headings without role words that take a role from the section before them
    (``follows``): once a report looks ahead, an unnamed section is one of its tasks."""
    out: dict[int, str] = {}
    previous: str | None = None
    lead_in: Unit | None = None
    numbered = False
    for unit in units:
        if unit.family != HEADING_FAMILY or "/" in unit.node.id:
            if unit.family != HEADING_FAMILY and not unit.node.id.startswith("hd"):
                lead_in = unit
            continue
        found = _heading_roles(unit.title_norm, table)
        numbered = numbered or bool(found and unit.number)
        if found:
            previous = found.pop() if len(found) == 1 else None
            lead_in = None
            continue
        # The paragraph just before the first numbered section may announce what the numbered
        # sections are (2002: 按照这个总体要求，今年要着重做好以下八个方面工作。 then 一、…八、 are
        # the year's tasks); later paragraphs end a section, they announce nothing.
        announced = None
        if unit.number and not numbered and lead_in is not None:
            announced = _announced_role(lead_in, table)
        numbered = numbered or bool(unit.number)
        role = announced or next((r.name for r in table if previous is not None and previous in r.follows), None)
        if role is not None:
            out[unit.index] = role
        previous = role
        lead_in = None
    return out


def _announced_role(unit: Unit, table: tuple[Role, ...]) -> str | None:
    """The one role whose opening words start a clause of the paragraph's last sentence (…，今年要
    做好以下几个方面工作): the sentence that leads into the sections after it."""
    sentences = [s for s in re.split(r"[。！？!?]", unit.norm) if s.strip()]  # norm writes ！？ as !?
    if not sentences:
        return None
    clauses = [c.strip() for c in re.split(r"[，；：,;:]", sentences[-1])]
    found = {role.name for role in table if role.openings and any(c.startswith(role.openings) for c in clauses)}
    return found.pop() if len(found) == 1 else None


def clash(a: str | None, b: str | None, table: tuple[Role, ...] | None = None) -> bool:
    """Two known roles one of which is apart from the other (review and task): a reader never
    pairs such units.  Unknown roles clash with nothing."""
    if a is None or b is None or a == b:
        return False
    for role in shipped_roles() if table is None else table:
        if (role.name == a and b in role.apart_from) or (role.name == b and a in role.apart_from):
            return True
    return False


def _roles_by_openings(units: list[Unit], table: tuple[Role, ...], out: list[str | None]) -> None:
    """A report without role headings: a paragraph opening with a role's words starts a
    stretch of that role, which runs until another role's opening (header lines take none)."""
    current: str | None = None
    for unit in units:
        if unit.node.id.startswith("hd"):
            continue
        if unit.family != HEADING_FAMILY:
            opening = unit.norm.lstrip()
            for role in table:
                if opening.startswith(role.openings):
                    current = role.name
                    break
        out[unit.index] = current
