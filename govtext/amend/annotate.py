"""The annotated text (编注版): after each article an instrument changed, the note lawyers expect.

    （根据2023年12月29日《中华人民共和国刑法修正案（十二）》修改）

``修改`` for an article changed, ``增加`` for one added, ``删去`` for one deleted (（原第X条根据……删去）
stands where it was, after the article before it).  Notes follow articles through
the renumbering of later instruments of a chain.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from govtext.amend.apply import Amended
from govtext.amend.lawtext import Article, LawText
from govtext.amend.ops import Instrument
from govtext.model import ARTICLE, CLAUSE, PARAGRAPH, Document, Node


def note(instrument: Instrument, kind: str) -> str:
    """（根据DATE《TITLE》KIND）, from the instrument's own adoption line and title."""
    date = (instrument.adopted or "").split(" ")[0]
    title = instrument.title.replace("《", "〈").replace("》", "〉")
    return f"（根据{date}《{title}》{kind}）"


@dataclass
class Notes:
    """Notes by the article they follow (its current label), kept across a chain of instruments."""

    by_article: dict[str, list[str]] = field(default_factory=dict)
    records: list[dict] = field(default_factory=list)
    """One per note, for the JSON form: article, change, note."""

    def add(self, before: LawText, result: Amended, instrument: Instrument) -> None:
        moved = dict(result.renumbered)
        self.by_article = {moved.get(label, label): notes for label, notes in self.by_article.items()}
        for record in self.records:
            record["article"] = moved.get(record["article"], record["article"])
        old_order = [a.label for a in before.articles()]
        for label, kind in result.changes:
            text = note(instrument, kind)
            anchor = label
            if kind == "删去":
                # After the nearest earlier article that survived, under its new number.
                earlier = old_order[: old_order.index(label)] if label in old_order else []
                gone = {lab for lab, k in result.changes if k == "删去"}
                anchor = next((moved.get(e, e) for e in reversed(earlier) if e not in gone), "")
                text = f"（原{label}{text[1:]}"
            self.by_article.setdefault(anchor, []).append(text)
            self.records.append({"article": label if kind == "删去" else anchor, "change": kind, "note": text})

    def apply(self, law: LawText) -> LawText:
        """The text with each article's notes on lines after it (before the first article for 删去 of 第一条)."""
        parts: list[Article | str] = []
        for part in law.parts:
            parts.append(part)
            if isinstance(part, Article) and part.label in self.by_article:
                parts.append("".join(n + law.newline for n in self.by_article[part.label]))
        if "" in self.by_article:
            first = next((i for i, p in enumerate(parts) if isinstance(p, Article)), len(parts))
            parts.insert(first, "".join(n + law.newline for n in self.by_article[""]))
        return LawText(tuple(parts), law.newline)



# （根据2023年12月29日《……》修改） / （原第二条根据……删去）: a note line, as :func:`note` writes it.
NOTE_LINE = re.compile(r"^（(?:原第[^条]+条(?:之[^根]+)?)?根据[^）]*?《.+》(?:修改|增加|删去)）$")
NOTE_KIND = "annotation"


def _renamed(node: Node, old: str, new: str) -> Node:
    """``node`` (and its subtree) with the id prefix ``old`` replaced by ``new``."""
    fields = dict(id=new + node.id[len(old):], type=node.type, span=node.span, kind=node.kind, number=node.number,
                  title=node.title, level=node.level)
    if node.is_leaf:
        return Node(text=node.text, **fields)
    return Node(children=tuple(_renamed(c, old, new) for c in node.children), **fields)


def mark_notes(doc: Document) -> Document:
    """The annotated text's outline with each note its own node: the parser reads a note line after an
    article as one more 款 (where 第一条 was deleted, a paragraph of the chapter); here it becomes
    ``paragraph kind="annotation"`` (id ``…/note1``), so the article's 款 are its own and the XML says
    which lines are the editors'."""

    def visit(node: Node) -> Node:
        if node.is_leaf:
            return node
        children, count = [], 0
        for child in node.children:
            # after an article: read as one more 款; where 第一条 was deleted: a paragraph of the chapter
            if child.type in (CLAUSE, PARAGRAPH) and child.kind is None and NOTE_LINE.match(child.content().strip()):
                count += 1
                child = _renamed(child, child.id, f"{node.id}/note{count}")
                child = Node(id=child.id, type=PARAGRAPH, span=child.span, kind=NOTE_KIND, children=child.children)
            else:
                child = visit(child)
            children.append(child)
        return Node(id=node.id, type=node.type, span=node.span, kind=node.kind, number=node.number, title=node.title,
                    level=node.level, children=tuple(children))

    return dataclasses.replace(doc, root=visit(doc.root))


def notes_of(doc: Document) -> list[tuple[str, str]]:
    """Read back: (the article it follows, its number as written — "" outside any article —, note)
    for every annotation node, in document order."""
    found = []

    def visit(node: Node, article: str) -> None:
        for child in node.children:
            if child.type == PARAGRAPH and child.kind == NOTE_KIND:
                found.append((article, child.content().strip()))
            elif not child.is_leaf:
                visit(child, (child.number or "").strip() if child.type == ARTICLE else article)

    visit(doc.root, "")
    return found
