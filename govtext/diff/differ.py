"""``diff_documents``: two parsed documents in, one :class:`DiffResult` out.

units → align → classify each pair → word edits for what changed → 提法.
Only pairs that changed are segmented, so unchanged text never pays for jieba.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import Sequence

from govtext.diff import records as r
from govtext.diff.align import align, default_floor, default_threshold
from govtext.diff.data import modal_scales, protected_terms, read_userdict, variant_spellings
from govtext.diff.edits import unit_edits
from govtext.diff.mechanical import Candidate, classify, core, is_variant, partial_places, renumbering
from govtext.diff.normalize import normalize
from govtext.diff.candidates import pair_score
from govtext.diff.pins import resolve
from govtext.diff.topic import TopicIndex
from govtext.diff.terms import modal_shifts, term_changes
from govtext.diff.roles import unit_roles
from govtext.diff.units import Unit, build_units
from govtext.diff.words import Segmenter
from govtext.model import Document


def diff_documents(old: Document, new: Document, userdict: str | None = None,
                   threshold: float | None = None, segmenter: Segmenter | None = None, *,
                   match: Sequence[tuple[str, str]] = (),
                   unmatch: Sequence[tuple[str, str]] = (),
                   progress: Callable[..., None] | None = None,
                   units: tuple[list[Unit], list[Unit]] | None = None) -> r.DiffResult:
    """Compare two versions.

    ``userdict``: a jieba-format dictionary of extra 提法.  ``threshold``: least
    likeness for two nodes to be one node changed, a hard line; ``None`` takes the
    default of the documents' genre (:func:`~govtext.diff.align.default_threshold`), and
    with it the genre's floor for pairs by place (:data:`~govtext.diff.align.GENRE_FLOORS`).
    ``match``/``unmatch``: pairs
    of node names (id, number or title; see :mod:`govtext.diff.pins`) to pair
    before the automatic alignment, or to keep apart; a name that fits no node
    or several raises :class:`~govtext.diff.pins.PinError`.
    ``progress(phase, done=None, total=None)``, if given, is told how far the work is.
    ``units``: ``(build_units(old), build_units(new))`` when the caller already has them
    (``history`` builds each version's once for its two pairs; their bigram sets, made on
    first use, are then made once too).
    """
    report = progress or _silent
    floor = None  # an explicit threshold is a hard line: nothing is paired below it
    if threshold is None:
        threshold = default_threshold(old.genre, new.genre)
        floor = default_floor(old.genre, new.genre)
    user_words = read_userdict(userdict) if userdict else ()
    protected = protected_terms() + tuple(word for word, _, _ in user_words)
    if segmenter is None:
        segmenter = _segmenter(user_words)
    old_units, new_units = units if units is not None else (build_units(old), build_units(new))
    report("aligning")
    # Policy texts are rewritten year on year: what is left after the wording is paired by
    # topic.  Laws keep their exact, wording-only one-to-one alignment; only merges and splits are
    # also read from content.  An explicit threshold is a hard line: no pairs by topic.
    policy = old.genre == new.genre == "policy"
    topic = TopicIndex(old_units, new_units, segmenter.tokenize_for_search, pairs_by_topic=policy) \
        if floor is not None or not policy else None
    # A reader pairs a review with a review and a task with a task (policy texts only: a law's
    # chapters play no such roles).
    roles = (unit_roles(old_units), unit_roles(new_units)) if policy else None
    alignment = align(old_units, new_units, threshold, pins=resolve(match, old_units, new_units),
                      apart=resolve(unmatch, old_units, new_units), floor=floor, topic=topic, roles=roles)

    ranked: list[tuple[float, int, r.Change]] = []  # (new position, old position) keeps document order
    candidates: list[Candidate] = []  # wording changes that may turn out mechanical
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
            score = alignment.by_topic.get((i, j)) or round(pair_score(a, b), 3)
            if not edits:  # differences were all formatting after all
                kind = r.FORMATTING if a.text != b.text else None
                if kind is None:
                    unchanged += 1
                    continue
                score = 1.0
        pinned = (i, j) in alignment.pinned
        if edits and not pinned:
            candidates.append(Candidate(len(ranked), a.unnumbered, b.unnumbered,
                                        tuple((normalize(e.old), normalize(e.new)) for e in edits if e.op == "replace")))
        ranked.append((j, i, r.Change(kind, _side(a), _side(b), score, edits, pinned=pinned,
                                      by_topic=(i, j) in alignment.by_topic)))
    for i, news, score in alignment.splits:
        whole, parts = old_units[i], [new_units[j] for j in news]
        ranked.append((news[0], i, _parts_change(r.SPLIT, [whole], parts, score, old.text, new.text, segmenter,
                                                 ("split", i) in alignment.parts_by_topic)))
    for olds, j, score in alignment.merges:
        whole, parts = new_units[j], [old_units[i] for i in olds]
        ranked.append((j, olds[0], _parts_change(r.MERGED, parts, [whole], score, old.text, new.text, segmenter,
                                                 ("merge", j) in alignment.parts_by_topic)))
    for i in alignment.removed:
        ranked.append((_new_position(i, alignment.pairs), i, r.Change(r.REMOVED, _side(old_units[i]), None, 0.0)))
    for j in alignment.added:
        ranked.append((j, -1, r.Change(r.ADDED, None, _side(new_units[j]), 0.0)))
    if candidates:
        ranked = _mechanical(ranked, candidates, alignment, old_units, new_units)
    endings = _line_endings(old, new)
    if endings is not None:
        ranked.append((-1, -1, endings))
    ranked.sort(key=lambda row: (row[0], row[1]))
    changes = tuple(change for _, _, change in ranked)

    terms = term_changes(old_units, new_units, protected) if changes else []
    terms += modal_shifts(changes, modal_scales())
    return r.DiffResult(old.source, new.source, changes, tuple(terms), unchanged, old.genre, new.genre)


def _line_endings(old: Document, new: Document) -> r.Change | None:
    """One document-level ``formatting`` record when the line endings changed (CRLF → LF):
    the parser reads both alike, so no node shows it, yet the files differ."""
    a, b = _ending(old.text), _ending(new.text)
    if a == b:
        return None

    def side(doc: Document, name: str) -> r.Side:
        return r.Side(doc.root.id, doc.root.type, None, f"{name} line endings", (), "", (0, 0))

    return r.Change(r.FORMATTING, side(old, a), side(new, b), 1.0)


def _ending(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    return max((crlf, "CRLF"), (lf, "LF"), (cr, "CR"))[1] if crlf or lf or cr else "LF"


def _mechanical(ranked: list, candidates: list[Candidate], alignment, old_units: list[Unit],
                new_units: list[Unit]) -> list:
    """Relabel the wording changes that are references following the renumbering, and
    gather the places of one substitution made throughout into one record."""
    numbers = [(old_units[i].number, new_units[j].number) for i, j in alignment.pairs.items()]
    numbers += [(old_units[i].number, new_units[j].number) for olds, j, _ in alignment.merges for i in olds]
    numbers += [(old_units[i].number, new_units[j].number) for i, news, _ in alignment.splits for j in news]
    found = classify(candidates, renumbering(numbers), _modal_words())
    if not found:
        return ranked
    # A place with other edits besides the substitution still belongs to its one record: the
    # substitution's edits go there, the rest stay a wording change of their own.
    partial = partial_places(candidates, found)
    out = []
    groups: dict[tuple[str, str], list] = {}
    for k, row in enumerate(ranked):
        kind, pair = found.get(k, (None, None))
        if kind == r.REFERENCE_UPDATED:
            out.append((row[0], row[1], replace(row[2], change=kind)))
        elif kind == r.REPLACED_THROUGHOUT:
            groups.setdefault(pair, []).append(row)
        elif k in partial:
            pair, change = partial[k], row[2]
            mine = tuple(e for e in change.edits
                         if e.op == "replace" and core(normalize(e.old), normalize(e.new)) == pair)
            rest = tuple(e for e in change.edits if e not in mine)
            groups.setdefault(pair, []).append((row[0], row[1], replace(change, edits=mine)))
            if rest:
                out.append((row[0], row[1], replace(change, edits=rest)))
        else:
            out.append(row)
    variants = variant_spellings()
    for pair, rows in groups.items():
        rows.sort(key=lambda row: (row[0], row[1]))
        changes = [row[2] for row in rows]
        out.append((rows[0][0], rows[0][1], r.Change(
            r.REPLACED_THROUGHOUT, changes[0].old, changes[0].new, min(c.similarity for c in changes),
            tuple(e for c in changes for e in c.edits), old_parts=tuple(c.old for c in changes),
            new_parts=tuple(c.new for c in changes), substitution=pair, variant=is_variant(pair, variants))))
    return out


@lru_cache(maxsize=1)
def _modal_words() -> frozenset[str]:
    return frozenset(word for scale in modal_scales() for word in scale.words)


def _parts_change(kind: str, olds: list[Unit], news: list[Unit], score: float, old_text: str, new_text: str,
                  segmenter: Segmenter, by_topic: bool = False) -> r.Change:
    """One record for a split or a merge: every part listed, word edits across the parts.

    The parts are read as one text in document order; the numbering of every
    part but the first is left out (it is the renumbering, not the wording).
    Parts that only re-wrap the same text are ``formatting``.
    """
    if "".join(u.norm for u in olds) == "".join(u.norm for u in news):
        kind, edits = r.FORMATTING, ()
    else:
        old_pieces = olds[0].pieces + tuple(p for u in olds[1:] for p in u.content_pieces)
        new_pieces = news[0].pieces + tuple(p for u in news[1:] for p in u.content_pieces)
        edits = unit_edits(old_text, old_pieces, new_text, new_pieces, segmenter.tokenize)
    return r.Change(kind, _side(olds[0]), _side(news[0]), round(score, 3), edits,
                    old_parts=tuple(_side(u) for u in olds) if len(olds) > 1 else (),
                    new_parts=tuple(_side(u) for u in news) if len(news) > 1 else (), by_topic=by_topic)
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
    return r.Side(node.id, node.type, node.number, node.title, unit.path, unit.text, unit.span, unit.top)
