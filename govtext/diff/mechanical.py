"""Mechanical edits: changes a drafter makes by rule, named for what they are.

A legislative drafter reading a diff wants the amendments, not the knock-on
effects of them.  Two kinds of knock-on edit are recognised here, each only
when it explains a pair's *whole* difference:

- ``reference-updated``: every difference is a cross-reference (第十六条,
  第十六条第二款, 本法第十六条) that now names the article's new number under
  the renumbering of this same diff.  A reference that does not follow the
  renumbering stays a wording change — it is a real amendment, or an error
  worth seeing.  References after a title in book-title marks (《刑法》第十条)
  name another law and are left alone.
- ``replaced-throughout``: the same substitution (帐 → 账) in at least
  ``MIN_PLACES`` nodes, possibly together with updated references; the places
  become one record.

Everything is checked on normalised text, so formatting never decides.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from govtext.diff.normalize import normalize
from govtext.numerals import CN_DIGITS

MIN_PLACES = 3
"""Fewest nodes with the same substitution for it to be a replacement throughout."""

MAX_CORE = 6
"""Longest substitution (in characters, each side) considered mechanical: a word, not a clause."""

_REFERENCE = re.compile(rf"(?<!》)第[{CN_DIGITS}]+条(?:之[{CN_DIGITS}]+)?")
ARTICLE_NUMBER = re.compile(rf"^第[{CN_DIGITS}]+条(?:之[{CN_DIGITS}]+)?$")


@dataclass(slots=True)
class Candidate:
    """A matched pair that changed in wording: its texts without numbering, and its word edits."""

    key: object
    """The caller's handle on the pair."""
    old: str
    """Old text without its own number, normalised."""
    new: str
    """New text without its own number, normalised."""
    replacements: tuple[tuple[str, str], ...]
    """(old words, new words) of each ``replace`` edit, normalised."""


def renumbering(pairs: list[tuple[str | None, str | None]]) -> dict[str, str]:
    """The article map of a diff: old 第X条 → new 第Y条, from every matched pair of articles."""
    out: dict[str, str] = {}
    for old, new in pairs:
        if old and new:
            a, b = normalize(old).rstrip("、"), normalize(new).rstrip("、")
            if ARTICLE_NUMBER.match(a) and ARTICLE_NUMBER.match(b):
                out.setdefault(a, b)
    return out


def follow_references(text: str, renumbered: dict[str, str]) -> str:
    """``text`` with every own-law article reference renumbered by the map."""
    return _REFERENCE.sub(lambda m: renumbered.get(m[0], m[0]), text)


def core(old: str, new: str) -> tuple[str, str]:
    """The differing middle of a replacement: 会计帐簿 → 会计账簿 gives 帐 → 账."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return old[start:len(old) - end], new[start:len(new) - end]


def classify(candidates: list[Candidate], renumbered: dict[str, str],
             substantive: frozenset[str] = frozenset()) -> dict[object, tuple[str, tuple[str, str] | None]]:
    """For each candidate explained mechanically: (kind, substitution or None), by key.

    Kinds are ``reference-updated`` and ``replaced-throughout``; candidates not
    in the result are wording changes.  A substitution touching a word of
    ``substantive`` (the modal scales: 可以 → 应当 in ten articles is policy, not
    spelling) is never mechanical.
    """
    out: dict[object, tuple[str, tuple[str, str] | None]] = {}
    places: Counter[tuple[str, str]] = Counter()
    cores: dict[object, set[tuple[str, str]]] = defaultdict(set)
    for cand in candidates:
        followed = follow_references(cand.old, renumbered) if renumbered else cand.old
        if followed == cand.new and followed != cand.old:
            out[cand.key] = ("reference-updated", None)
            continue
        for old, new in cand.replacements:
            pair = core(old, new)
            if pair[0] and pair[1] and len(pair[0]) <= MAX_CORE and len(pair[1]) <= MAX_CORE \
                    and not _REFERENCE.fullmatch(old) and not _touches(old, new, substantive):
                cores[cand.key].add(pair)
        places.update(cores[cand.key])
    explained: dict[object, tuple[str, str]] = {}
    for cand in candidates:
        if cand.key in out:
            continue
        for pair in sorted(cores[cand.key], key=lambda p: (-places[p], p)):
            if places[pair] < MIN_PLACES:
                break
            replaced = cand.old.replace(pair[0], pair[1])
            if renumbered:
                replaced = follow_references(replaced, renumbered)
            if replaced == cand.new:
                explained[cand.key] = pair
                break
    counts = Counter(explained.values())
    for key, pair in explained.items():
        if counts[pair] >= MIN_PLACES:
            out[key] = ("replaced-throughout", pair)
    return out


def is_variant(pair: tuple[str, str], variants: frozenset[tuple[str, str]]) -> bool:
    """Whether a substitution only respells: its old words turn into its new ones by
    variant pairs of the table alone (帐 → 账; 会计帐簿 → 会计账簿).  A word put for
    another (其他组织 → 非法人组织) is not."""
    old, new = pair
    if (old, new) in variants:
        return True
    if len(old) != len(new):
        return False
    return all(a == b or (a, b) in variants for a, b in zip(old, new))


def partial_places(candidates: list[Candidate], found: dict[object, tuple[str, tuple[str, str] | None]]
                   ) -> dict[object, tuple[str, str]]:
    """Candidates not wholly explained that still carry a substitution made throughout:
    the key → that substitution, so that every place of it belongs to its one record."""
    throughout = {pair for kind, pair in found.values() if kind == "replaced-throughout" and pair}
    out: dict[object, tuple[str, str]] = {}
    if not throughout:
        return out
    for cand in candidates:
        if cand.key in found:
            continue
        for old, new in cand.replacements:
            pair = core(old, new)
            if pair in throughout:
                out[cand.key] = pair
                break
    return out


def _touches(old: str, new: str, words: frozenset[str]) -> bool:
    return any(word in old or word in new for word in words)
