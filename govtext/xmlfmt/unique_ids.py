"""Duplicate ids, found exactly in a streaming pass without holding every node's id.

A set of every id of a large archive is the largest thing the pass holds besides the
outline (165,000 ids of a 22 MB archive: ~16 MB).  Most ids extend their parent's by
one step (``s2/i3`` under ``s2``, written so by govtext): two such ids can only be equal
when their parents are — already a duplicate — or when they are siblings with the same
step.  So only the steps of the open nodes' children are held, and ids of containers
and ids that do not extend their parent's are held in full.

The one case this does not see as it reads: an id that does not extend its parent's,
equal to an earlier one that did, under a node already closed (``s1/b1`` written inside
``s2`` after ``s1`` ended).  Then :attr:`UniqueIds.unsure` is set and the caller checks
the file again with every id held.
"""

from __future__ import annotations


class UniqueIds:
    """Ids met in document order: :meth:`enter` at each node's start, :meth:`leave` at its end."""

    def __init__(self) -> None:
        self._held: set[str] = set()  # containers' ids and ids that do not extend their parent's
        self._open: list[str | None] = []  # the open nodes' ids, outermost first
        self._steps: list[set[str] | None] = []  # per open node: its children's steps (made on demand)
        self.unsure = False
        """An id may repeat one this check no longer holds: check again with every id held."""

    def enter(self, node_id: str | None, container: bool) -> bool:
        """Note a node's start; True when its id repeats an earlier one."""
        duplicate = False
        if node_id is not None:
            parent = self._open[-1] if self._open else None
            cut = len(parent) + 1 if parent is not None else 0
            if parent is not None and node_id[:cut] == parent + "/" and len(node_id) > cut \
                    and "/" not in node_id[cut:]:
                steps = self._steps[-1]
                if steps is None:
                    steps = self._steps[-1] = set()
                step = node_id[cut:]
                duplicate = step in steps or node_id in self._held
                steps.add(step)
                if container:
                    self._held.add(node_id)
            else:
                duplicate = node_id in self._held or self._repeats_a_step(node_id)
                self._held.add(node_id)
        self._open.append(node_id)
        self._steps.append(None)
        return duplicate

    def leave(self) -> None:
        """Note the end of the node entered last."""
        self._open.pop()
        self._steps.pop()

    def _repeats_a_step(self, node_id: str) -> bool:
        # Could an earlier child of the container named by the id's head have had this id?
        head, slash, step = node_id.rpartition("/")
        if not slash or not step or head not in self._held:
            return False
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index] == head:  # still open: its children's steps are here
                steps = self._steps[index]
                return steps is not None and step in steps
        self.unsure = True  # closed: its steps are gone
        return False

