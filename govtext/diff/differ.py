"""``diff_documents``: two parsed documents in, one :class:`DiffResult` out.

units → align → classify each pair → word edits for what changed → 提法.
Only pairs that changed are segmented, so unchanged text never pays for jieba.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from govtext.diff import records as r
from govtext.diff.align import THRESHOLD, align
from govtext.diff.data import modal_scales, protected_terms, read_userdict
from govtext.diff.edits import unit_edits
from govtext.diff.normalize import similarity
from govtext.diff.terms import modal_shifts, term_changes
from govtext.diff.units import Unit, build_units
from govtext.diff.words import Segmenter
from govtext.model import Document


def diff_documents(old: Document, new: Document, userdict: str | None = None,
                   threshold: float = THRESHOLD, segmenter: Segmenter | None = None,
                   progress: Callable[..., None] | None = None) -> r.DiffResult:
    """Compare two versions.  ``userdict``: a jieba-format dictionary of extra 提法.

    ``progress(phase, done=None, total=None)``, if given, is told how far the work is.
    """
    report = progress or _silent
    user_words = read_userdict(userdict) if userdict else ()
    protected = protected_terms() + tuple(word for word, _, _ in user_words)
    if segmenter is None:
        segmenter = _segmenter(user_words)
    old_units, new_units = build_units(old), build_units(new)
    report("aligning")
    alignment = align(old_units, new_units, threshold)

    ranked: list[tuple[int, int, r.Change]] = []  # (new position, old position) keeps document order
    unchanged = 0
    for done, (i, j) in enumerate(alignment.pairs.items()):
        report("comparing words", done, len(alignment.pairs))
        a, b = old_units[i], new_units[j]
        kind = _classify(a, b, i in alignment.moved)
        if kind is None:
            unchanged += 1
            continue
        edits: tuple[r.Edit, ...] = ()
        score = 1.0
        if kind in (r.REWORDED, r.RENAMED):
            edits = unit_edits(old.text, a.pieces, new.text, b.pieces, segmenter.tokenize)
            score = round(similarity(a.grams, b.grams), 3)
            if not edits:  # differences were all formatting after all
                kind = r.FORMATTING if a.text != b.text else None
                if kind is None:
                    unchanged += 1
                    continue
                score = 1.0
        ranked.append((j, i, r.Change(kind, _side(a), _side(b), score, edits)))
    for i, news, score in alignment.splits:
        kind = r.FORMATTING if old_units[i].norm == "".join(new_units[j].norm for j in news) else r.SPLIT
        for j in news:
            ranked.append((j, i, r.Change(kind, _side(old_units[i]), _side(new_units[j]), round(score, 3))))
    for olds, j, score in alignment.merges:
        kind = r.FORMATTING if new_units[j].norm == "".join(old_units[i].norm for i in olds) else r.MERGED
        for i in olds:
            ranked.append((j, i, r.Change(kind, _side(old_units[i]), _side(new_units[j]), round(score, 3))))
    for i in alignment.removed:
        ranked.append((_new_position(i, alignment.pairs), i, r.Change(r.REMOVED, _side(old_units[i]), None, 0.0)))
    for j in alignment.added:
        ranked.append((j, -1, r.Change(r.ADDED, None, _side(new_units[j]), 0.0)))
    ranked.sort(key=lambda row: (row[0], row[1]))
    changes = tuple(change for _, _, change in ranked)

    terms = term_changes(old_units, new_units, protected) if changes else []
    terms += modal_shifts(changes, modal_scales())
    return r.DiffResult(old.source, new.source, changes, tuple(terms), unchanged, old.genre, new.genre)


def _silent(phase: str, done: int | None = None, total: int | None = None) -> None:
    return None


@lru_cache(maxsize=4)
def _segmenter(user_words: tuple) -> Segmenter:
    """One segmenter per dictionary, reused: jieba's load is paid once per process."""
    return Segmenter([(term, None, None) for term in protected_terms()] + list(user_words))


def _classify(a: Unit, b: Unit, moved: bool) -> str | None:
    if a.norm == b.norm:
        if moved:
            return r.MOVED
        return None if a.text == b.text else r.FORMATTING
    if a.unnumbered == b.unnumbered:
        return r.MOVED if moved else r.RENUMBERED
    if a.body_norm == b.body_norm and a.title_norm != b.title_norm:
        return r.RENAMED
    return r.REWORDED


def _new_position(i: int, pairs: dict[int, int]) -> float:
    """A removed unit sorts just after the new counterpart of its nearest matched predecessor."""
    for k in range(i - 1, -1, -1):
        if k in pairs:
            return pairs[k] + 0.5
    return -0.5


def _side(unit: Unit) -> r.Side:
    node = unit.node
    return r.Side(node.id, node.type, node.number, node.title, unit.path, unit.text, unit.span)
