"""The pairs of a series, claimed one at a time by the workers that diff them.

A worker walks the series from a starting pair in one direction and keeps the
version it read last for the next pair, so a version is parsed once unless two
walks meet on it.  Two workers walking towards each other from both ends meet
where the work is halved, however unevenly the reports' costs are spread: no
estimate of a run's cost is needed, and no small runs at the end to even it out
(each run boundary costs a version parsed twice).  A worker whose walk meets a
claimed pair takes the middle of the largest stretch nobody has claimed
(:meth:`ClaimBoard.largest_gap`) and walks forward from there; with none left,
it is done.

A claim is a file created with ``O_EXCL`` in a private folder: atomic on every
platform, for every way a worker process starts (forked, spawned, or this
process itself with ``-j 1``), with nothing to hand a worker but the folder's
name.  Each claim costs a few microseconds; a pair costs tens of milliseconds.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

_DONE = "done"
_STOP = "stop"


@dataclass(frozen=True, slots=True)
class ClaimBoard:
    """Pairs ``0 … pairs-1`` (pair ``k`` diffs versions ``k`` and ``k + 1``) and who took them."""

    folder: str
    pairs: int

    @classmethod
    def create(cls, pairs: int) -> "ClaimBoard":
        folder = tempfile.mkdtemp(prefix="govtext-claims-")  # 0700: only this user's workers
        os.mkdir(os.path.join(folder, _DONE))
        return cls(folder, pairs)

    def claim(self, pair: int) -> bool:
        """Take ``pair`` if it is in range, nobody holds it and the walk is not called off."""
        if not 0 <= pair < self.pairs or os.path.exists(os.path.join(self.folder, _STOP)):
            return False
        try:
            os.close(os.open(os.path.join(self.folder, str(pair)), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            return False
        return True

    def walk(self, start: int, direction: int) -> Iterator[tuple[int, int]]:
        """``(pair, direction)`` for each pair this walker claims, in the order it must diff
        them: from ``start`` on in ``direction`` (+1 or -1) until a pair is taken, then from
        the middle of the largest unclaimed stretch forward, until none is left."""
        pair = start
        while True:
            while self.claim(pair):
                yield pair, direction
                pair += direction
            gap = self.largest_gap()
            if gap is None:
                return
            pair, direction = (gap[0] + gap[1]) // 2, 1

    def finish(self, pair: int) -> None:
        """Mark ``pair`` diffed (what a progress bar counts)."""
        os.close(os.open(os.path.join(self.folder, _DONE, str(pair)), os.O_CREAT | os.O_WRONLY, 0o600))

    def finished(self) -> int:
        """How many pairs are diffed so far."""
        try:
            return len(os.listdir(os.path.join(self.folder, _DONE)))
        except OSError:
            return 0

    def stop(self) -> None:
        """Call every walk off (a version failed to read): no pair is claimed from now on."""
        try:
            os.close(os.open(os.path.join(self.folder, _STOP), os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError:
            pass

    def largest_gap(self) -> tuple[int, int] | None:
        """The longest stretch ``(first, last)`` of pairs nobody has claimed (the first of
        equals), or None when every pair is taken or the walk is called off."""
        names = os.listdir(self.folder)
        if _STOP in names:
            return None
        taken = sorted(int(name) for name in names if name.isdigit())
        best, start = None, 0
        for end in taken + [self.pairs]:
            if end > start and (best is None or end - start > best[1] - best[0] + 1):
                best = (start, end - 1)
            start = end + 1
        return best

    @contextmanager
    def watch(self, advance: Callable[[int], None] | None, every: float = 0.1) -> Iterator[None]:
        """Tell ``advance(n)`` of the pairs diffed, as the workers finish them (a progress bar
        moves while the walks, which report only at their end, are under way)."""
        if advance is None:
            yield
            return
        shown = 0
        stop = threading.Event()

        def report() -> None:
            nonlocal shown
            done = self.finished()
            if done > shown:
                advance(done - shown)
                shown = done

        def poll() -> None:
            while not stop.wait(every):
                report()

        watcher = threading.Thread(target=poll, name="govtext-claims", daemon=True)
        watcher.start()
        try:
            yield
        finally:
            stop.set()
            watcher.join()
            report()

    def remove(self) -> None:
        """Delete the board; walks still under way (Ctrl-C, a failed version) stop at their next claim."""
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
