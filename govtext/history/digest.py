"""What the history needs of one parsed version, small enough to send between processes.

A worker parses a version, diffs it against the one before and keeps only this
digest: the tracked nodes (sections, items, enumerations, articles …) with their
comparison forms, the sentences with theirs, and which node owns each stretch of
text (for the ledger's paths).  The tree itself never leaves the worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from hashlib import blake2b

from govtext.diff.normalize import normalize  # the one definition of "formatting only"
from govtext.diff.records import DiffResult
from govtext.diff.units import node_label  # the one way a path names a node, as in the diff
from govtext.history.records import Step
from govtext.model import (
    ARTICLE,
    BLANK,
    BOOK,
    CHAPTER,
    ENUMERATION,
    HEADING,
    ITEM,
    LEAD,
    LINE,
    MEASURE,
    SECTION,
    STATEMENT,
    Document,
    Node,
)

TRACKED = frozenset({BOOK, CHAPTER, SECTION, ITEM, ENUMERATION, ARTICLE})
"""Node types followed through the versions (lineages, node blame)."""

HEADED = frozenset({BOOK, CHAPTER, SECTION})
"""Tracked types known by their heading; the others by their whole text."""

SENTENCES = frozenset({LEAD, MEASURE, STATEMENT, HEADING, LINE})
"""Leaves blamed one by one: sentences, headings and header lines."""

KEY_CHARS = 4
"""Shortest heading or lead that identifies a node on its return (shorter ones recur by chance)."""


def fingerprint(norm: str) -> int:
    """A stable 64-bit stand-in for a normalised text: digests cross processes, where
    ``hash()`` differs, and sets of integers weigh far less than sets of sentences."""
    return int.from_bytes(blake2b(norm.encode("utf-8"), digest_size=8).digest(), "big")


@dataclass(frozen=True, slots=True)
class NodeInfo:
    """A tracked node of one version."""

    id: str
    type: str
    number: str | None
    title: str | None
    label: str
    """Its number as written (三、 （四） 第二章), else its title (cut short), else its type:
    :func:`govtext.diff.units.node_label`, as the diff names it."""

    path: tuple[str, ...]
    """Labels of its tracked ancestors and itself, from the top (三、 › （四）)."""

    norm: int
    """Fingerprint of the comparison form: the heading for 编/章/节/sections, the whole
    text otherwise (normalised)."""

    key: int | None
    """Fingerprint of the normalised heading or lead (None when shorter than KEY_CHARS):
    how a node that vanished is recognised when it returns."""

    top: bool
    """A top-level division (no tracked ancestor, and a division rather than an item)."""

    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    """A sentence, heading or header line of one version."""

    id: str
    type: str
    norm: int
    """Fingerprint of the normalised sentence."""

    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Digest:
    label: str
    path: str
    sha256: str
    genre: str
    text: str
    nodes: tuple[NodeInfo, ...]
    # The sentences column by column, not as SentenceInfo records: a history's workers send
    # some 26,000 sentences of the 50 work reports to the main process, and columns of plain
    # values are pickled in C (records: ~0.25 s, most of it on the critical path after the
    # last pair).  :meth:`sentences` gives the records.
    sentence_ids: tuple[str, ...]
    sentence_types: tuple[str, ...]
    sentence_norms: tuple[int, ...]
    """Fingerprint of each normalised sentence."""
    sentence_spans: tuple[tuple[int, int], ...]
    leaf_starts: tuple[int, ...]
    """Start offset of every leaf, in order (for bisecting an offset to its leaf)."""

    leaf_owner: tuple[int, ...]
    """For each leaf, the index in ``nodes`` of its innermost tracked ancestor, or -1."""

    def sentences(self) -> list[SentenceInfo]:
        """The sentences, headings and header lines, in document order."""
        return list(map(SentenceInfo, self.sentence_ids, self.sentence_types, self.sentence_norms,
                        self.sentence_spans))


def digest(doc: Document, label: str, path: str) -> Digest:
    nodes: list[NodeInfo] = []
    sentences: list[tuple[str, str, int, tuple[int, int]]] = []
    starts: list[int] = []
    owners: list[int] = []

    def visit(node: Node, owner: int, path_labels: tuple[str, ...]) -> None:
        if node.is_leaf:
            starts.append(node.span[0])
            owners.append(owner)
            if node.type in SENTENCES:
                norm = normalize(node.text or "")
                if norm:
                    sentences.append((node.id, node.type, fingerprint(norm), node.span))
            return
        if node.type in TRACKED:
            own = node_label(node)
            path_labels = path_labels + (own,)
            nodes.append(_info(node, own, path_labels, top=owner < 0 and node.type in HEADED))
            owner = len(nodes) - 1
        for child in node.children:
            visit(child, owner, path_labels)

    visit(doc.root, -1, ())
    ids, types, norms, spans = zip(*sentences) if sentences else ((), (), (), ())
    return Digest(label, path, doc.source.sha256, doc.genre, doc.text, tuple(nodes), ids, types, norms, spans,
                  tuple(starts), tuple(owners))


def _info(node: Node, label: str, path: tuple[str, ...], top: bool) -> NodeInfo:
    if node.type in HEADED:
        heading = next((child for child in node.children if child.type == HEADING), None)
        norm = normalize(heading.text or "") if heading is not None else normalize(node.title or "")
    else:
        # Leaf by leaf, as the differ does: its cache holds leaves, which recur from version
        # to version; whole items would fill it with texts seen once.
        norm = "".join(normalize(leaf.text or "") for leaf in node.leaves() if leaf.type != BLANK)
    key = normalize(node.title or "")
    return NodeInfo(node.id, node.type, node.number, node.title, label, path, fingerprint(norm),
                    fingerprint(key) if len(key) >= KEY_CHARS else None, top, node.span)


def step(result: DiffResult, keep: bool = False) -> Step:
    """The step record of a diff: ids and kinds only, unless ``keep``."""
    changes = tuple((c.change, c.old.id if c.old else None, c.new.id if c.new else None) for c in result.changes)
    terms = tuple((t.kind, t.term) for t in result.terms)
    return Step(result.summary, changes, terms, result if keep else None)
