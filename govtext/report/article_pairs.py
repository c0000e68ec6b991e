"""Which old article became which new one: the diff's article matches, completed.

The differ (:func:`govtext.diff.diff_documents`) lists matched articles that
changed; unchanged ones it only counts, so they are paired here by equal text.
Pairs that cross each other (moves) are dropped, leaving the longest run in
order: the drafting tools then express a move as a deletion and an addition.
Shared by the draft decision, the 对照表 and the redline.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from difflib import SequenceMatcher

from govtext.amend.compare import normal_form
from govtext.amend.lawtext import Article, LawText, from_document
from govtext.diff.records import SPLIT, MERGED, DiffResult
from govtext.diff.runs import longest_increasing
from govtext.model import ARTICLE, Document


@dataclass(frozen=True, slots=True)
class ArticlePairs:
    old: LawText
    new: LawText
    pairs: tuple[tuple[int, int], ...]
    """(old index, new index) into the two article lists, increasing in both."""
    moved: tuple[tuple[int, int], ...] = ()
    """Matches left out of ``pairs`` because they cross it: articles moved (``rows`` shows them
    as a deletion and an addition)."""

    @property
    def old_articles(self) -> list[Article]:
        return self.old.articles()

    @property
    def new_articles(self) -> list[Article]:
        return self.new.articles()

    def rows(self) -> list[tuple[Article | None, Article | None]]:
        """Every article in reading order: (old, new), one side None for a deletion or an addition."""
        olds, news = self.old_articles, self.new_articles
        out: list[tuple[Article | None, Article | None]] = []
        i = j = 0
        for oi, nj in self.pairs + ((len(olds), len(news)),):
            while i < oi:
                out.append((olds[i], None))
                i += 1
            while j < nj:
                out.append((None, news[j]))
                j += 1
            if oi < len(olds):
                out.append((olds[oi], news[nj]))
            i, j = oi + 1, nj + 1
        return out


def pair_articles(result: DiffResult, old_doc: Document, new_doc: Document) -> ArticlePairs:
    old, new = from_document(old_doc), from_document(new_doc)
    olds, news = old.articles(), new.articles()
    old_at = {a.label: i for i, a in enumerate(olds)}
    new_at = {a.label: j for j, a in enumerate(news)}
    candidates: dict[int, int] = {}
    used_new: set[int] = set()
    for change in result.changes:
        if change.change in (SPLIT, MERGED) or not change.old or not change.new:
            continue
        if change.old.type != ARTICLE or change.new.type != ARTICLE:
            continue
        i, j = old_at.get(change.old.number or ""), new_at.get(change.new.number or "")
        if i is not None and j is not None and i not in candidates and j not in used_new:
            candidates[i] = j
            used_new.add(j)
    # Unchanged articles: equal text, in order.
    by_text: dict[str, deque[int]] = defaultdict(deque)
    for j, a in enumerate(news):
        if j not in used_new:
            by_text[normal_form(a)].append(j)
    for i, a in enumerate(olds):
        if i not in candidates and by_text.get(normal_form(a)):
            j = by_text[normal_form(a)].popleft()
            candidates[i] = j
            used_new.add(j)
    ordered = _increasing(sorted(candidates.items()))
    kept = set(ordered)
    return ArticlePairs(old, new, ordered, tuple(p for p in sorted(candidates.items()) if p not in kept))


def _increasing(pairs: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The longest run of pairs increasing in both indexes."""
    return tuple(longest_increasing(pairs))


# Equal runs shorter than this between two edits join them into one phrase.
JOIN_GAP = 3


def char_regions(a: str, b: str) -> list[list[int]]:
    """[a1, a2, b1, b2] for each changed stretch, near ones joined so a phrase reads as one."""
    regions: list[list[int]] = []
    for tag, a1, a2, b1, b2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if regions and a1 - regions[-1][1] < JOIN_GAP and b1 - regions[-1][3] < JOIN_GAP:
            regions[-1][1], regions[-1][3] = a2, b2
        else:
            regions.append([a1, a2, b1, b2])
    return regions
