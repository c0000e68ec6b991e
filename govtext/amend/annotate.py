"""The annotated text (编注版): after each article an instrument changed, the note lawyers expect.

    （根据2023年12月29日《中华人民共和国刑法修正案（十二）》修改）

``修改`` for an article changed, ``增加`` for one added, ``删去`` for one deleted (（原第X条根据……删去）
stands where it was, after the article before it).  Notes follow articles through
the renumbering of later instruments of a chain.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from govtext.amend.apply import Amended
from govtext.amend.lawtext import Article, LawText
from govtext.amend.ops import Instrument


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

