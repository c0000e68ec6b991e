"""Lineages: each tracked node followed through the pairwise alignments.

The diff of each pair of successive versions (the one alignment engine,
``govtext.diff``) says which nodes changed and into what; nodes it leaves out
are unchanged, so they pair with the node of identical text on the other side.
Three rules are the history's own, all by the normalised heading or lead (the
name a reader knows a measure by):

* a node that vanishes and comes back later is one lineage with a gap;
* a node the diff reports removed while a node with the same lead is added in the
  same step is one lineage reworded;
* and an enumeration (which the diff compares as part of its item) whose text
  changed keeps its lineage when its lead did.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field

from govtext.history.digest import HEADED, Digest, NodeInfo
from govtext.history.records import Event, Lineage, NodeRef, Step

ADDED, REMOVED, REWORDED = "added", "removed", "reworded"


@dataclass(slots=True)
class _Row:
    id: str
    type: str
    nodes: list
    events: list = field(default_factory=list)
    top: bool = False
    order: tuple[int, int] = (0, 0)

    def last_seen(self, before: int) -> int:
        for v in range(before - 1, -1, -1):
            if self.nodes[v] is not None:
                return v
        return -1


def _family(node: NodeInfo) -> str:
    return "heading" if node.type in HEADED else "block"


def _key(node: NodeInfo) -> tuple[str, int] | None:
    return (_family(node), node.key) if node.key is not None else None


def _ref(node: NodeInfo) -> NodeRef:
    return NodeRef(node.id, node.number, node.title)


class _Builder:
    def __init__(self, digests: list[Digest]) -> None:
        self.digests = digests
        self.rows: list[_Row] = []
        self.vanished: dict[tuple[str, int], _Row] = {}

    def new_row(self, v: int, k: int, event: str | None) -> _Row:
        node = self.digests[v].nodes[k]
        row = _Row(f"{self.digests[v].label}/{node.id}", node.type, [None] * len(self.digests),
                   top=node.top, order=(v, k))
        row.nodes[v] = _ref(node)
        if event:
            row.events.append(Event(v, event))
        self.rows.append(row)
        return row

    def place(self, row: _Row, v: int, k: int) -> None:
        node = self.digests[v].nodes[k]
        row.nodes[v] = _ref(node)
        row.top = row.top or node.top

    def step(self, v: int, current: dict[int, _Row], diff: Step) -> dict[int, _Row]:
        """Carry the rows of version v-1 (``current``: node index → row) into version v."""
        old, new = self.digests[v - 1], self.digests[v]
        old_pos = {node.id: k for k, node in enumerate(old.nodes)}
        new_pos = {node.id: k for k, node in enumerate(new.nodes)}
        touched_old: set[int] = set()
        touched_new: set[int] = set()
        links: list[tuple[int, int, str]] = []
        added: list[int] = []
        removed: list[int] = []
        for kind, old_id, new_id in diff.changes:
            o = old_pos.get(old_id) if old_id is not None else None
            w = new_pos.get(new_id) if new_id is not None else None
            if o is not None:
                touched_old.add(o)
            if w is not None:
                touched_new.add(w)
            if o is not None and w is not None:
                links.append((o, w, kind))
            elif w is not None:  # added, or grown out of an untracked node (a paragraph become an item)
                added.append(w)
            elif o is not None:
                removed.append(o)

        nxt: dict[int, _Row] = {}
        continued: set[int] = set()
        for o, w, kind in sorted(links, key=lambda link: (link[1], link[0])):
            row = current.get(o)
            if row is None:  # never expected: every tracked node of v-1 has a row
                nxt.setdefault(w, self.new_row(v, w, kind))
                continue
            if w in nxt:  # merged: a second old node into one new node ends here
                row.events.append(Event(v, kind))
            elif o in continued:  # split: the second and later pieces start their own lineage
                nxt[w] = self.new_row(v, w, kind)
            else:
                self.place(row, v, w)
                row.events.append(Event(v, kind))
                nxt[w] = row
                continued.add(o)

        self._pair_unchanged(v, current, nxt, touched_old, touched_new, removed, added)
        for o in removed:
            if o in continued or o not in current:
                continue
            row = current[o]
            row.events.append(Event(v, REMOVED))
            key = _key(old.nodes[o])
            if key is not None:
                self.vanished[key] = row
        for w in sorted(set(added)):
            if w in nxt:
                continue
            nxt[w] = self._return_or_new(v, w)
        return nxt

    def _pair_unchanged(self, v, current, nxt, touched_old, touched_new, removed, added) -> None:
        """Nodes no change mentions: identical text pairs (in order); then same lead."""
        old, new = self.digests[v - 1], self.digests[v]
        by_text: dict[tuple[str, int], deque[int]] = defaultdict(deque)
        for w, node in enumerate(new.nodes):
            if w not in touched_new:
                by_text[(_family(node), node.norm)].append(w)
        left_old = []
        for o, node in enumerate(old.nodes):
            if o in touched_old:
                continue
            queue = by_text.get((_family(node), node.norm))
            if queue:
                w = queue.popleft()
                self.place(current[o], v, w)
                nxt[w] = current[o]
            else:
                left_old.append(o)
        by_key: dict[tuple[str, int], deque[int]] = defaultdict(deque)
        for queue in by_text.values():
            for w in queue:
                key = _key(new.nodes[w])
                if key is not None:
                    by_key[key].append(w)
        taken = set()
        for o in left_old:
            key = _key(old.nodes[o])
            queue = by_key.get(key) if key is not None else None
            if queue:
                w = queue.popleft()
                taken.add(w)
                self.place(current[o], v, w)
                current[o].events.append(Event(v, REWORDED))
                nxt[w] = current[o]
            else:
                removed.append(o)
        for queue in by_text.values():
            added.extend(w for w in queue if w not in taken)

    def _return_or_new(self, v: int, w: int) -> _Row:
        node = self.digests[v].nodes[w]
        key = _key(node)
        row = self.vanished.pop(key, None) if key is not None else None
        if row is None or row.nodes[v] is not None:
            return self.new_row(v, w, ADDED)
        if row.last_seen(v) == v - 1 and row.events and row.events[-1] == Event(v, REMOVED):
            # Removed and added in one step with the same lead: the diff saw two nodes, a
            # reader sees one reworded.
            row.events.pop()
            row.events.append(Event(v, REWORDED))
        else:
            row.events.append(Event(v, ADDED))
        self.place(row, v, w)
        return row


def build_lineages(digests: list[Digest], steps: list[Step]) -> tuple[Lineage, ...]:
    """Every tracked node of every version in exactly one lineage, in order of first appearance."""
    builder = _Builder(digests)
    current = {k: builder.new_row(0, k, None) for k in range(len(digests[0].nodes))}
    for v in range(1, len(digests)):
        current = builder.step(v, current, steps[v - 1])
    rows = sorted(builder.rows, key=lambda row: row.order)
    return tuple(Lineage(row.id, row.type, tuple(row.nodes), tuple(row.events), row.top) for row in rows)
