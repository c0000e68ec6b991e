"""The 提法 summary: terms appearing, disappearing or changing frequency; modal shifts.

Candidate terms are the protected 提法 (shipped and user dictionary) plus the
clauses of every heading and lead sentence — that is where a document names
its tasks (提升社会治理效能, 加强和创新社会治理).  Counting is on normalised
text, so formatting never makes a term appear or disappear.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Sequence

from govtext.diff.data import Scale
from govtext.diff.normalize import bigrams, normalize, similarity
from govtext.diff.records import (
    APPEARED,
    DISAPPEARED,
    FREQUENCY,
    MERGED,
    RENAMED,
    REWORDED,
    SPLIT,
    STRENGTHENED,
    WEAKENED,
    Change,
    Occurrence,
    TermChange,
)
from govtext.diff.units import Unit, node_label
from govtext.term_count import TermCounter

_CLAUSE_BREAK = re.compile(r"[,，、;；:：。.!！?？()（）《》\s]+")
# Quotes end a clause only where they do not pair up inside it: 打好政策“组合拳” is one term.
_QUOTE_BREAK = re.compile(r"[\"'“”‘’]+")
_QUOTE_PAIRS = (("“", "”"), ("‘", "’"))
MIN_CLAUSE, MAX_CLAUSE = 4, 16
MAX_WHERE = 10
"""Occurrences listed per term and side; the count is always complete."""


def title_clauses(title: str) -> list[str]:
    """The clauses of a heading or lead that can name a task: 4–16 characters, no leading digit."""
    clauses = [piece for part in _CLAUSE_BREAK.split(title)
               for piece in ([part] if _quotes_pair(part) else _QUOTE_BREAK.split(part))]
    return [clause for clause in clauses
            if MIN_CLAUSE <= len(clause) <= MAX_CLAUSE and not clause[0].isdigit()]


def _quotes_pair(clause: str) -> bool:
    """Every quote in ``clause`` opens and closes inside it (none at all counts too)."""
    if clause.count('"') % 2 or clause.count("'") % 2:
        return False
    for opening, closing in _QUOTE_PAIRS:
        depth = 0
        for char in clause:
            depth += (char == opening) - (char == closing)
            if depth < 0:
                return False
        if depth:
            return False
    return True


def candidate_clauses(units: Iterable[Unit]) -> set[str]:
    """Clauses of headings and lead sentences, the document's own names for its tasks."""
    found: set[str] = set()
    for unit in units:
        found.update(title_clauses(unit.title_norm or ""))
    return found


def term_changes(old: Sequence[Unit], new: Sequence[Unit], protected: Iterable[str]) -> list[TermChange]:
    """Terms whose use differs between the versions, protected terms first."""
    protected_norm = list(dict.fromkeys(normalize(term) for term in protected))
    clauses = (candidate_clauses(old) | candidate_clauses(new)) - set(protected_norm)
    old_all = "\x1f".join(unit.norm for unit in old)
    new_all = "\x1f".join(unit.norm for unit in new)
    old_rest, new_rest = _unshared(old, new)
    candidates = [(t, True) for t in protected_norm] + [(t, False) for t in sorted(clauses)]
    # Hundreds of clauses: each side's rest is read once for all of them.
    counter = TermCounter(term for term, _ in candidates)
    in_old_rest, in_new_rest = counter.counts(old_rest), counter.counts(new_rest)
    found: list[TermChange] = []
    for (term, is_protected), x, y in zip(candidates, in_old_rest, in_new_rest):
        if term and x == y:
            continue  # the texts both versions share hold it equally often: the same count overall
        a, b = old_all.count(term), new_all.count(term)
        if a == b:
            continue
        if a == 0:
            kind = APPEARED
        elif b == 0:
            kind = DISAPPEARED
        elif is_protected:
            kind = FREQUENCY
        else:
            continue
        # A side that never uses the term has nowhere to look (most terms of unrelated texts).
        found.append((not is_protected, TermChange(kind, term, a, b, _where(old, term) if a else (),
                                                   _where(new, term) if b else ())))
    order = {APPEARED: 0, DISAPPEARED: 1, FREQUENCY: 2}
    found.sort(key=lambda row: (order[row[1].kind], row[0], -max(row[1].old_count, row[1].new_count), row[1].term))
    return [term for _, term in found]


def _unshared(old: Sequence[Unit], new: Sequence[Unit]) -> tuple[str, str]:
    """The normalised texts of each version less those the other version has too (as many
    times as it has them), joined by a separator no term holds (normalising removes it).

    A term is counted unit by unit (it never spans the separator), so its count differs
    between the versions exactly when it differs between these rests: an amended law is
    counted over its few changed articles, not twice over its whole text."""
    waiting = Counter(unit.norm for unit in new)
    old_rest = []
    for unit in old:
        if waiting[unit.norm] > 0:
            waiting[unit.norm] -= 1
        else:
            old_rest.append(unit.norm)
    new_rest = [norm for norm, times in waiting.items() for _ in range(times)]
    return "\x1f".join(old_rest), "\x1f".join(new_rest)


def _where(units: Sequence[Unit], term: str) -> tuple[Occurrence, ...]:
    hits = []
    for unit in units:
        if term in unit.norm:
            hits.append(Occurrence(unit.node.id, unit.path, node_label(unit.node)))
            if len(hits) == MAX_WHERE:
                break
    return tuple(hits)


SUBSTITUTION_REST = 2
"""Characters an edit may change on each side besides its scale word and still read as
one word substituted for another (可以 → 不得, 逐步推进 → 加快推进)."""

SUBSTITUTION_CONTEXT = 0.5
"""Least likeness (Dice over bigrams) of what a longer edit keeps around its scale words:
below it the edit swaps one phrase for another (加快国际物流体系建设 → 稳步扩大制度型开放)
and its scale words are not a shift — unless the words right beside them agree."""

SUBSTITUTION_NEIGHBOURS = 2
"""Characters right before or after both scale words, inside the edit, that agree
(上市公司必须依照 → 上市公司应当依照) make a longer edit a substitution too."""


def modal_shifts(changes: Iterable[Change], scales: Sequence[Scale]) -> list[TermChange]:
    """Scale words substituted for a stronger or weaker word of the same scale, in edited nodes.

    Only a word-level ``replace`` inside a reworded, renamed, split or merged node counts, and only when
    the words around the two scale words stay alike: a whole sentence or phrase replaced
    by an unrelated one is no shift, whatever scale words the two happen to hold.  A word
    in two scales (可以) shifts on the scale holding the word it became.
    """
    shifts: list[TermChange] = []
    for change in changes:
        if change.change not in (REWORDED, RENAMED, SPLIT, MERGED) or change.old is None or change.new is None:
            continue
        for edit in change.edits:
            if edit.op != "replace":
                continue
            old, new = normalize(edit.old), normalize(edit.new)
            for scale in scales:
                before = _strongest(old, scale)
                after = _strongest(new, scale)
                if before is None or after is None or scale.level(before) == scale.level(after):
                    continue
                if not substituted(old, scale.words[before], new, scale.words[after]):
                    continue
                kind = STRENGTHENED if scale.level(after) > scale.level(before) else WEAKENED
                where_old = (Occurrence(change.old.id, change.old.path, change.old.label),)
                where_new = (Occurrence(change.new.id, change.new.path, change.new.label),)
                shifts.append(TermChange(kind, scale.words[after], 1, 1, where_old, where_new,
                                         old_term=scale.words[before], scale=scale.name))
    return shifts


def substituted(old: str, old_word: str, new: str, new_word: str) -> bool:
    """Whether the edit ``old`` → ``new`` reads as ``old_word`` replaced by ``new_word``.

    Text outside the edit is equal by construction and says nothing; what counts is the
    edit's own text around the two words: short, alike, or agreeing right beside them.
    """
    before_old, _, after_old = old.partition(old_word)
    before_new, _, after_new = new.partition(new_word)
    rest_old, rest_new = before_old + after_old, before_new + after_new
    if len(rest_old) <= SUBSTITUTION_REST and len(rest_new) <= SUBSTITUTION_REST:
        return True
    if similarity(bigrams(rest_old), bigrams(rest_new)) >= SUBSTITUTION_CONTEXT:
        return True
    n = SUBSTITUTION_NEIGHBOURS
    return (len(before_old) >= n and before_old[-n:] == before_new[-n:]) or \
        (len(after_old) >= n and after_old[:n] == after_new[:n])


def _strongest(phrase: str, scale: Scale) -> int | None:
    """Index in ``scale.words`` of the strongest scale word in ``phrase`` (the first of equals)."""
    found = [k for k, word in enumerate(scale.words) if word in phrase]
    return max(found, key=lambda k: (scale.level(k), -k)) if found else None


