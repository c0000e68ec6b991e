"""Blame: how old each sentence and each article or item of one version is.

A sentence's age is the earliest version from which it stands, without a break,
in the same wording (normalised for formatting only: width, spacing, quote forms;
compared by fingerprint).
An article's or item's is read off its lineage: the start of its present run, and
the last event in that run that changed its words.
"""

from __future__ import annotations

from govtext.diff.units import LABEL_CHARS
from govtext.history.digest import Digest
from govtext.history.records import BlameEntry, Lineage

KEEPS_WORDING = frozenset({"moved", "renumbered", "formatting"})
"""Events that leave a node's words as they were: they do not count as changing it."""


def build_blame(digests: list[Digest], lineages: tuple[Lineage, ...], t: int) -> tuple[BlameEntry, ...]:
    target = digests[t]
    entries: list[BlameEntry] = []
    earlier = [frozenset(digest.sentence_norms) for digest in digests[:t]]
    for sentence in target.sentences():
        since = t
        while since > 0 and sentence.norm in earlier[since - 1]:
            since -= 1
        words = target.text[sentence.span[0] : sentence.span[1]].strip()
        label = words if len(words) <= LABEL_CHARS else words[: LABEL_CHARS - 1] + "…"
        entries.append(BlameEntry(sentence.id, sentence.type, label, since, since, sentence.span))

    nodes = {node.id: node for node in target.nodes}
    for lineage in lineages:
        ref = lineage.nodes[t]
        if ref is None:
            continue
        since = t
        while since > 0 and lineage.nodes[since - 1] is not None:
            since -= 1
        changed = max((event.version for event in lineage.events
                       if since <= event.version <= t and event.change not in KEEPS_WORDING), default=since)
        node = nodes[ref.id]
        entries.append(BlameEntry(node.id, node.type, node.label, since, changed, node.span, node.title))
    entries.sort(key=lambda entry: (entry.span[0], -entry.span[1]))
    return tuple(entries)
