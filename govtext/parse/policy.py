"""The outline of a policy text: header, heading styles, items, paragraphs.

Headings nest by a style stack: the first numbering style met is level 1, a new
style opens the next level, a style already open closes everything below it.
Unnumbered short lines are one more style (``plain``).  A numbered line with a
sentence is an item (（一）着力扩大国内需求。…); unnumbered paragraphs become
items when their lead sentences run in parallel with their siblings'.
"""

from __future__ import annotations

from collections import Counter

from govtext import model
from govtext.lexicon import Lexicon
from govtext.parse import classify as k
from govtext.parse.body import add_sentences, close_line, open_line
from govtext.parse.classify import TypedLine
from govtext.parse.draft import Draft
from govtext.parse.lines import Line
from govtext.parse.series import one_type_per_series, place, series
from govtext.parse.numbering import ENUMERATION
from govtext.parse.punct import COLONS, EXCLAMATIONS, has_sentence_end
from govtext.parse.sentences import first_clause, first_sentence, lead_of, marker_number, member, strip_end
from govtext.parse.wrap import join_wrapped

PLAIN = "plain"
MAX_NUMBERED_HEADING = 50
"""A numbered line longer than this with no end mark is wrapped text, not a heading."""

MAX_HEADER_LINE = 80
"""Title, date and speaker lines are short; a longer first line is already the body."""

MAX_PARALLEL_LEAD = 20
"""Short one-clause leads (推动产业链供应链优化升级。) run in parallel by form alone."""

_DASH = "——"  # the bullet of parallel achievements (——经济总体回升向好。)


def build_policy(text: str, lines: list[TypedLine], lex: Lexicon) -> Draft:
    root = Draft(model.DOCUMENT)
    body_start = _add_header(root, lines)
    body = join_wrapped(text, lines[body_start:], _is_heading, _opens_unit)
    closing = _closing_start(body)
    lone_plain = sum(1 for t in body if t.kind == k.PLAIN_HEADING) == 1
    stack: list[tuple[str, Draft]] = []  # open units: (style name, draft)

    for index, t in enumerate(body):
        line = t.line
        if index == closing:
            # The closing (各位代表！……, 让我们……) speaks for the whole text:
            # it leaves every numbered unit, down to an unnumbered section (结束语).
            while stack and stack[-1][1].number is not None:
                stack.pop()
        parent = stack[-1][1] if stack else root
        if t.is_blank:
            parent.leaf(model.BLANK, line.start, line.end)
        elif t.number is not None:
            if lone_plain and t.kind == k.NUMBERED_HEADING and stack and stack[0][0] == PLAIN:
                # One unnumbered heading in a whole text (首先报告２００１年的工作) is a
                # lead-in, not a part: the numbered parts after it stand beside it.
                stack.clear()
            place(root, stack, t.style.name, _numbered_unit(text, t, lex))
        elif t.kind in k.PLAIN_KINDS:
            if t.kind == k.CLOSING_HEADING:
                stack.clear()  # 结束语 stands beside 一、…十、, not under the last of them
            unit = Draft(model.SECTION, title=line.content)
            open_line(unit, line)
            unit.leaf(model.HEADING, line.content_start, line.content_end)
            close_line(unit, line)
            place(root, stack, PLAIN, unit)
        else:
            if t.kind in (k.INTERJECTION, k.CLOSING):
                # 各位代表！ turns from the item at hand back to the whole section.
                while stack and stack[-1][1].type == model.ITEM:
                    stack.pop()
                parent = stack[-1][1] if stack else root
            parent.add(Draft(model.PARAGRAPH, line=line))

    one_type_per_series(root, text)
    _resolve(root, text, lex, None)
    return root


def _closing_start(body: list[TypedLine]) -> int | None:
    """Index of the line that opens the closing, or None.

    After the last number or heading, a report may still turn to the audience
    several times (各位代表！ before 国防, 港澳, 外交 in a work report); only the
    last address opens the closing.  With no address, the last call (让我们……) does.
    """
    last_unit = max((i for i, t in enumerate(body) if t.number is not None or t.kind in k.PLAIN_KINDS), default=-1)
    turns = [i for i in range(last_unit + 1, len(body)) if body[i].kind in (k.INTERJECTION, k.CLOSING)]
    addresses = [i for i in turns if _is_address(body[i])]
    start = (addresses or turns or [None])[-1]
    # Right under the last heading (四 / 各位代表，……), the address is that part's text.
    heading = last_unit >= 0 and body[last_unit].kind in (k.NUMBERED_HEADING, *k.PLAIN_KINDS)
    if start is not None and heading and all(t.is_blank for t in body[last_unit + 1 : start]):
        return None
    return start


def _is_address(t: TypedLine) -> bool:
    """各位代表！ / 同志们！…… address the audience; 让我们…… calls on it."""
    return t.kind == k.INTERJECTION or any(mark in t.content[: k.MAX_INTERJECTION] for mark in EXCLAMATIONS)


def _is_heading(t: TypedLine) -> bool:
    """A heading line: plain, or numbered with no sentence after the number."""
    if t.kind in k.PLAIN_KINDS:
        return True
    return t.kind == k.NUMBERED_HEADING and len(t.content) <= MAX_NUMBERED_HEADING


def _opens_unit(t: TypedLine) -> bool:
    """Headings, numbered lines, interjections and closings never continue a wrapped paragraph."""
    return t.kind != k.BODY


def _add_header(root: Draft, lines: list[TypedLine]) -> int:
    """Leading lines before the first sentence or number: title, date, speaker, salutation."""
    header = Draft(model.HEADER)
    index = 0
    content_lines: list[TypedLine] = []
    while index < len(lines):
        t = lines[index]
        if not t.is_blank:
            if has_sentence_end(t.content.rstrip(COLONS)) or t.number is not None:
                break
            if len(t.content) > MAX_HEADER_LINE:
                break
            content_lines.append(t)
        index += 1
    # A lone short line right before the body is a section heading, not a title,
    # when the body goes on to use such headings (the bundled sample's style).
    if len(content_lines) == 1 and content_lines[0].kind == k.PLAIN_HEADING:
        if any(t.kind == k.PLAIN_HEADING for t in lines[index:]):
            return 0
    if not content_lines:
        return 0
    for t in lines[:index]:
        line = t.line
        if t.is_blank:
            header.leaf(model.BLANK, line.start, line.end)
        else:
            open_line(header, line)
            header.leaf(model.LINE, line.content_start, line.content_end)
            close_line(header, line)
    header.title = content_lines[0].content
    root.add(header)
    return index


def _numbered_unit(text: str, t: TypedLine, lex: Lexicon) -> Draft:
    line = t.line
    rest = t.rest_start(text)
    rest_text = text[rest : line.content_end]
    if t.kind == k.NUMBERED_HEADING:
        unit = Draft(model.SECTION, number=t.number, title=strip_end(rest_text) or None, style=t.style.name)
        open_line(unit, line)
        unit.leaf(model.HEADING, line.content_start, line.content_end)
        close_line(unit, line)
        return unit
    lead = first_sentence(rest_text) or rest_text
    unit = Draft(model.ITEM, number=t.number, title=strip_end(lead) or None, style=t.style.name)
    open_line(unit, line)
    unit.leaf(model.LABEL, line.content_start, line.content_start + len(t.number))
    unit.leaf(model.BLANK, line.content_start + len(t.number), rest)
    unit.leaf(model.LEAD, rest, rest + len(lead))
    add_sentences(unit, text, rest + len(lead), line.content_end, lex)
    close_line(unit, line)
    return unit


def _resolve(container: Draft, text: str, lex: Lexicon, inherited: str | None) -> None:
    """Turn deferred paragraphs into items or paragraphs, and assign kinds, top-down."""
    if container.type in (model.SECTION, model.ITEM) and container.title:
        container.kind = lex.kind_of(first_clause(container.title)) or inherited
    kind = container.kind if container.type in (model.SECTION, model.ITEM) else inherited
    _release_trailing(container, lex)
    pending = [c for c in container.children if c.type == model.PARAGRAPH and c.line is not None]
    markers, leads = _leads(pending, lex)
    seconds = _second_members(container.children)
    run = None  # (value, style) of the enumeration run the paragraphs before ended with
    outer = None  # the run of another style that ``run`` stands inside (一是…, 一要…二要…, 二是…)
    for child in container.children:
        if child.type == model.PARAGRAPH and child.line is not None:
            lead, marker = leads.get(id(child)), markers.get(id(child))
            opens = None if marker else _opening(child.line.content)
            if outer is not None and opens == _next(outer) and opens != _next(run):
                run, outer = outer, None  # 二是… after a nested 一要…二要…: the outer run goes on
            if run is not None and opens == _next(run):
                lead = None  # 二是… after 实施积极的财政政策。一是…: the run's next member, no item's lead
            ended = _fill_paragraph(child, text, lex, lead, marker, run, seconds.get(id(child)))
            if marker:
                outer = None
            elif ended is not None and run is not None and ended[1] != run[1]:
                outer = run  # a run of another style opened inside this one, which stays open
            # A paragraph of details between two members leaves the run open (as at line starts),
            # even one whose first sentence reads as a lead (建设保障性住房300万套…。 after 一是…).
            run = ended if ended is not None or marker else run
            if child.type == model.ITEM:
                child.kind = lex.kind_of(first_clause(child.title or "")) or kind
        else:
            if child.type != model.BLANK:
                run = outer = None
            if child.children and child.type in (model.SECTION, model.ITEM, model.HEADER):
                _resolve(child, text, lex, kind)


def _leads(pending: list[Draft], lex: Lexicon) -> tuple[dict[int, str], dict[int, str]]:
    """Bullet markers and lead sentences of the paragraphs that are items, by ``id``."""
    markers = _bullet_markers(pending)
    leads = {id(p): lead_of(p.line.content, lex) for p in pending if id(p) not in markers}
    if not _parallel([lead for lead in leads.values() if lead]):
        return markers, {}
    # Among parallel items, a short one-clause first sentence is a lead too (丰富……生活。).
    for p in pending:
        if id(p) in leads and not leads[id(p)]:
            leads[id(p)] = lead_of(p.line.content, lex, relaxed=True)
    return markers, {k: v for k, v in leads.items() if v}


def _release_trailing(container: Draft, lex: Lexicon) -> None:
    """Hand back to ``container`` what the last item of a series swallowed.

    A numbered item runs to the next number or heading, so body paragraphs
    between （X） and （X+1） stay in （X）, even descriptive ones (生命高于一切。…).
    The last item of a series has no next number to stop it, so it keeps only
    what reads as its own: after its sub-items, or — in a series whose items are
    one line each — after its line, the paragraphs return to the section.
    """
    release: dict[int, int] = {}  # id of a last item → index of its first released child
    for run in series(container.children):
        last = run[-1]
        if last.type != model.ITEM:
            continue
        pending = [c for c in last.children if _is_deferred(c)]
        if not pending:
            continue
        markers, leads = _leads(pending, lex)
        items = set(markers) | set(leads)
        if items:
            cut = 1 + max(i for i, c in enumerate(last.children) if id(c) in items)
        elif len(run) >= 2 and not any(_is_deferred(c) for m in run[:-1] for c in m.children):
            cut = last.children.index(pending[0])
        else:
            continue
        if any(c.type == model.PARAGRAPH for c in last.children[cut:]):
            release[id(last)] = cut
    children: list[Draft] = []
    for child in container.children:
        children.append(child)
        cut = release.get(id(child))
        if cut is not None:
            children.extend(child.children[cut:])
            del child.children[cut:]
    container.children = children


def _is_deferred(draft: Draft) -> bool:
    """A paragraph not yet resolved into an item or a paragraph."""
    return draft.type == model.PARAGRAPH and draft.line is not None


def _bullet_markers(paragraphs: list[Draft]) -> dict[int, str]:
    """Paragraphs opened by a bullet (——) or a run of 一是/二是 across paragraphs.

    Each such run of two or more makes its paragraphs items numbered by the bullet.  An
    enumeration's run may have other paragraphs between its members (一是… then a paragraph of
    its details, then 二是…), as long as the numbers count up in one style (一是, 二是 — not 二要).
    """
    found: dict[int, str] = {}
    dashes = [p for p in paragraphs if p.line.content.startswith(_DASH) and len(p.line.content) > len(_DASH)]
    if len(dashes) >= 2:
        found.update({id(p): _DASH for p in dashes})
    run: list[tuple[Draft, str]] = []
    style = None
    for p in paragraphs + [None]:
        m = ENUMERATION.match(p.line.content) if p is not None else None
        if p is not None and m is None:
            continue  # a paragraph between two members of a run leaves it open
        value, kind = member(m) if m else (None, None)
        if value is not None and value == len(run) + 1 and kind == style:
            run.append((p, m.group()))
            continue
        if len(run) >= 2:
            found.update({id(q): marker for q, marker in run})
        run, style = ([(p, m.group())], kind) if value == 1 else ([], None)
    return found


def _opening(content: str) -> tuple[int | None, str] | None:
    """The (value, style) of the enumeration member a paragraph opens with (二是 → (2, 是)), or None."""
    m = ENUMERATION.match(content)
    return member(m) if m else None


def _next(run: tuple[int, str]) -> tuple[int, str]:
    """The member that carries run ``(value, style)`` on: 一要 → 二要."""
    return run[0] + 1, run[1]


def _second_members(children: list[Draft]) -> dict[int, str]:
    """Deferred paragraphs (by ``id``) whose lone inline 一X opens a run, with X: the next
    paragraph opening with a member, before anything but paragraphs, opens with 二X (2009:
    实施积极的财政政策。一是大幅度增加政府支出… then, at line starts, 二是… and 三是…)."""
    out: dict[int, str] = {}
    waiting: list[Draft] = []
    for child in children:
        if child.type == model.BLANK:
            continue
        if not _is_deferred(child):
            waiting = []
            continue
        opens = _opening(child.line.content)
        if opens is None:
            waiting.append(child)
            continue
        if opens[0] == 2:
            out.update({id(p): opens[1] for p in waiting})
        waiting = [child]
    return out


def _fill_paragraph(draft: Draft, text: str, lex: Lexicon, lead: str | None, marker: str | None = None,
                    after: tuple[int, str] | None = None, lone: str | None = None) -> tuple[int, str] | None:
    """Fill a deferred paragraph; returns the end of the enumeration run it ends with (see
    :func:`~govtext.parse.body.add_sentences`), which the next paragraph may carry on."""
    line: Line = draft.line
    draft.line = None
    open_line(draft, line)
    start = line.content_start
    if marker:
        draft.type, draft.number = model.ITEM, marker_number(marker)
        draft.leaf(model.LABEL, start, start + len(marker))
        start += len(marker)
        rest = text[start : line.content_end]
        lead = first_sentence(rest) or rest
    if lead:
        draft.type = model.ITEM
        draft.title = strip_end(lead)
        draft.leaf(model.LEAD, start, start + len(lead))
        start += len(lead)
    # An item's lead closes the run before it, unless the item still holds the run's next member.
    run = add_sentences(draft, text, start, line.content_end, lex, None if marker else after, lone)
    close_line(draft, line)
    return run


def _parallel(leads: list[str]) -> bool:
    """Do these lead sentences run in parallel (构建……体制。×5, 发挥……作用。×5)?"""
    if len(leads) < 2:
        return False
    clauses = [first_clause(lead) for lead in leads]
    shared_verb = max(Counter(c[:2] for c in clauses).values()) >= 2
    shared_head = max(Counter(c[-2:] for c in clauses).values()) >= 2
    if shared_verb or shared_head:
        return True
    # Short one-clause leads (推动产业链供应链优化升级。) are parallel by form.
    return all(len(strip_end(lead)) <= MAX_PARALLEL_LEAD and "，" not in lead for lead in leads)
