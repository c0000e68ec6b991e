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
from govtext.parse.body import add_sentences, close_line, open_line, skip_space
from govtext.parse.draft import Draft
from govtext.parse.headings import has_sentence_end, is_plain_heading
from govtext.parse.lines import Line
from govtext.numerals import cn_value
from govtext.parse.numbering import ENUMERATION, POLICY_STYLES, match_number
from govtext.parse.wrap import join_wrapped
from govtext.parse.sentences import first_clause, first_sentence, lead_of, marker_number, strip_end

PLAIN = "plain"
_MAX_HEADING = 50  # a numbered line longer than this with no end mark is wrapped text
_DASH = "——"  # the bullet of parallel achievements (——经济总体回升向好。)


def build_policy(text: str, lines: list[Line], lex: Lexicon) -> Draft:
    root = Draft(model.DOCUMENT)
    body_start = _add_header(root, text, lines)
    body = join_wrapped(text, lines[body_start:], _is_heading, _opens_unit)
    stack: list[tuple[str, Draft]] = []  # open units: (style name, draft)

    for line in body:
        parent = stack[-1][1] if stack else root
        if line.is_blank:
            parent.leaf(model.BLANK, line.start, line.end)
            continue
        numbered = match_number(line.content, POLICY_STYLES)
        if numbered:
            style, number = numbered
            unit = _numbered_unit(text, line, number, lex)
            _place(root, stack, style.name, unit)
        elif _plain(line):
            unit = Draft(model.SECTION, title=line.content)
            open_line(unit, line)
            unit.leaf(model.HEADING, line.content_start, line.content_end)
            close_line(unit, line)
            _place(root, stack, PLAIN, unit)
        else:
            if _is_interjection(line.content):
                # 各位代表！ turns from the item at hand back to the whole section.
                while stack and stack[-1][1].type == model.ITEM:
                    stack.pop()
                parent = stack[-1][1] if stack else root
            parent.add(Draft(model.PARAGRAPH, line=line))

    _resolve(root, text, lex, None)
    return root


def _is_interjection(content: str) -> bool:
    return len(content) <= 12 and content.endswith(("！", "!"))


def _is_heading(line: Line) -> bool:
    """A heading line: plain, or numbered with no sentence after the number."""
    if _plain(line):
        return True
    numbered = match_number(line.content, POLICY_STYLES)
    return bool(numbered) and not has_sentence_end(line.content) and len(line.content) <= _MAX_HEADING


def _opens_unit(line: Line) -> bool:
    """Headings, numbered lines and interjections never continue a wrapped paragraph."""
    return _plain(line) or bool(match_number(line.content, POLICY_STYLES)) or _is_interjection(line.content)


def _plain(line: Line) -> bool:
    return not line.is_blank and is_plain_heading(line.content) and not match_number(line.content, POLICY_STYLES)


def _add_header(root: Draft, text: str, lines: list[Line]) -> int:
    """Leading lines before the first sentence or number: title, date, speaker, salutation."""
    header = Draft(model.HEADER)
    index = 0
    content_lines = []
    while index < len(lines):
        line = lines[index]
        if not line.is_blank:
            if has_sentence_end(line.content.rstrip("：:")) or match_number(line.content, POLICY_STYLES):
                break
            if len(line.content) > 80:
                break
            content_lines.append(line)
        index += 1
    # A lone short line right before the body is a section heading, not a title,
    # when the body goes on to use such headings (the bundled sample's style).
    if len(content_lines) == 1 and _plain(content_lines[0]):
        later = sum(1 for ln in lines[index:] if _plain(ln))
        if later >= 1:
            return 0
    if not content_lines:
        return 0
    for line in lines[:index]:
        if line.is_blank:
            header.leaf(model.BLANK, line.start, line.end)
        else:
            open_line(header, line)
            header.leaf(model.LINE, line.content_start, line.content_end)
            close_line(header, line)
    header.title = content_lines[0].content
    root.add(header)
    return index


def _numbered_unit(text: str, line: Line, number: str, lex: Lexicon) -> Draft:
    rest = skip_space(text, line.content_start + len(number), line.content_end)
    rest_text = text[rest : line.content_end]
    if not has_sentence_end(rest_text):
        unit = Draft(model.SECTION, number=number, title=strip_end(rest_text) or None)
        open_line(unit, line)
        unit.leaf(model.HEADING, line.content_start, line.content_end)
        close_line(unit, line)
        return unit
    lead = first_sentence(rest_text) or rest_text
    unit = Draft(model.ITEM, number=number, title=strip_end(lead) or None)
    open_line(unit, line)
    unit.leaf(model.LABEL, line.content_start, line.content_start + len(number))
    unit.leaf(model.BLANK, line.content_start + len(number), rest)
    unit.leaf(model.LEAD, rest, rest + len(lead))
    add_sentences(unit, text, rest + len(lead), line.content_end, lex)
    close_line(unit, line)
    return unit


def _place(root: Draft, stack: list[tuple[str, Draft]], style: str, unit: Draft) -> None:
    names = [name for name, _ in stack]
    if style in names:
        del stack[names.index(style) :]
    parent = stack[-1][1] if stack else root
    if unit.type == model.SECTION:
        unit.level = 1 + sum(1 for _, d in stack if d.type == model.SECTION)
    parent.add(unit)
    stack.append((style, unit))


def _resolve(container: Draft, text: str, lex: Lexicon, inherited: str | None) -> None:
    """Turn deferred paragraphs into items or paragraphs, and assign kinds, top-down."""
    if container.type in (model.SECTION, model.ITEM) and container.title:
        container.kind = lex.kind_of(first_clause(container.title)) or inherited
    kind = container.kind if container.type in (model.SECTION, model.ITEM) else inherited
    _release_trailing(container, lex)
    pending = [c for c in container.children if c.type == model.PARAGRAPH and c.line is not None]
    markers, leads = _leads(pending, lex)
    for child in container.children:
        if child.type == model.PARAGRAPH and child.line is not None:
            _fill_paragraph(child, text, lex, leads.get(id(child)), markers.get(id(child)))
            if child.type == model.ITEM:
                child.kind = lex.kind_of(first_clause(child.title or "")) or kind
        elif child.children and child.type in (model.SECTION, model.ITEM, model.HEADER):
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
    """Hand back to ``container`` what its numbered items swallowed after their sub-items.

    A numbered item runs to the next number, so without an interjection it would
    swallow the closing paragraphs of its section.  Once an item has sub-items,
    the paragraphs after its last sub-item return to the section.
    """
    children: list[Draft] = []
    for child in container.children:
        children.append(child)
        if child.type != model.ITEM or child.number is None:
            continue
        pending = [c for c in child.children if c.type == model.PARAGRAPH and c.line is not None]
        markers, leads = _leads(pending, lex)
        items = set(markers) | set(leads)
        last = max((i for i, c in enumerate(child.children) if id(c) in items), default=None)
        if last is not None and any(c.type == model.PARAGRAPH for c in child.children[last + 1 :]):
            children.extend(child.children[last + 1 :])
            del child.children[last + 1 :]
    container.children = children


def _bullet_markers(paragraphs: list[Draft]) -> dict[int, str]:
    """Paragraphs opened by a bullet (——) or a run of 一是/二是 across paragraphs.

    Each such run of two or more makes its paragraphs items numbered by the bullet.
    """
    found: dict[int, str] = {}
    dashes = [p for p in paragraphs if p.line.content.startswith(_DASH) and len(p.line.content) > len(_DASH)]
    if len(dashes) >= 2:
        found.update({id(p): _DASH for p in dashes})
    run: list[tuple[Draft, str]] = []
    for p in paragraphs + [None]:
        m = ENUMERATION.match(p.line.content) if p is not None else None
        value = cn_value(m.group("a") or m.group("b") or "") if m else None
        if value is not None and value == len(run) + 1:
            run.append((p, m.group()))
            continue
        if len(run) >= 2:
            found.update({id(q): marker for q, marker in run})
        run = [(p, m.group())] if value == 1 else []
    return found


def _fill_paragraph(draft: Draft, text: str, lex: Lexicon, lead: str | None, marker: str | None = None) -> None:
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
    add_sentences(draft, text, start, line.content_end, lex)
    close_line(draft, line)


def _parallel(leads: list[str]) -> bool:
    """Do these lead sentences run in parallel (构建……体制。×5, 发挥……作用。×5)?"""
    if len(leads) < 2:
        return False
    clauses = [first_clause(lead) for lead in leads]
    shared_verb = Counter(c[:2] for c in clauses).most_common(1)[0][1] >= 2
    shared_head = Counter(c[-2:] for c in clauses).most_common(1)[0][1] >= 2
    if shared_verb or shared_head:
        return True
    # Short one-clause leads (推动产业链供应链优化升级。) are parallel by form.
    return all(len(strip_end(lead)) <= 20 and "，" not in lead for lead in leads)
