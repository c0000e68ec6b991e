"""Tasks grouped into batches sized by bytes, for :mod:`govtext.executor`.

A scheduler pays a fixed cost per task (Dask: a few milliseconds of bookkeeping,
serialisation and a network round trip; a process pool: a pickle and a pipe), so
one task per 40 kB document spends much of a cluster on overhead.  Grouping
consecutive documents until they hold about ``batch_bytes`` makes each task about
a second of work; results come back per batch and are unpacked in input order.

Two bounds keep batching from hurting:
- never fewer than :data:`BATCHES_PER_WORKER` batches per worker, so a small
  corpus is still spread over every worker (and the last batch does not leave the
  others idle for long);
- a document larger than ``batch_bytes`` is a batch of its own.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any

DEFAULT_BATCH_BYTES = 4_000_000
"""Bytes of input per task by default: about a second of work.  Measured on the corpus
copied five times (800 files, 33 MB; benchmarks/bench_scale.py): the ledger counts about
4.8 MB of text per CPU second; a two-worker LocalCluster took 0.74x the time at 4 MB
batches that it took at 500 kB, and 4 MB against 2 MB was within the noise (0.95x).
Dask's per-task cost (a few ms) is then far below 1 %, while a task's memory (its
texts and results) stays a few MB."""

BATCHES_PER_WORKER = 4
"""The least number of batches each worker gets: load balance beats per-task savings
once a batch would otherwise hold more than a quarter of a worker's share."""


def plan_batches(sizes: Sequence[int], batch_bytes: int, workers: int) -> list[range]:
    """Split task indices ``0..len(sizes)-1`` into consecutive ranges of about
    ``batch_bytes`` each (fewer bytes where the corpus is small; see the module doc)."""
    if not sizes:
        return []
    share = sum(sizes) // max(1, workers * BATCHES_PER_WORKER)
    limit = max(1, min(batch_bytes, share))
    batches, start, held = [], 0, 0
    for index, size in enumerate(sizes):
        if index > start and held + size > limit:
            batches.append(range(start, index))
            start, held = index, 0
        held += size
    batches.append(range(start, len(sizes)))
    return batches


def run_batch(fn: Callable, tasks: list) -> list:
    """The worker's side: ``fn`` over a batch's tasks, in order (module-level: picklable)."""
    return [fn(task) for task in tasks]


def run_batched(engine: Callable, fn: Callable, tasks: list, workers: int, on_crash: Callable | None,
                size_of: Callable[[Any], int], batch_bytes: int | None) -> Iterator[tuple[int, Any]]:
    """Yield ``(index, fn(task))`` like ``engine`` (:func:`govtext.executor.run_tasks`
    with its engine chosen), but hand the engine batches of tasks.

    A batch whose worker is lost (after the engine's own retry) reports every task in
    it through ``on_crash``: one lost worker costs its batch, never the run."""
    batches = plan_batches([size_of(task) for task in tasks], batch_bytes or DEFAULT_BATCH_BYTES, workers)
    groups = [[tasks[i] for i in batch] for batch in batches]
    crashed = None if on_crash is None else (lambda group, exc: [on_crash(task, exc) for task in group])
    for b, results in engine(partial(run_batch, fn), groups, crashed):
        yield from zip(batches[b], results)


def file_size(path: str) -> int:
    """A document's weight for batching: its size on disk (1 if it cannot be read —
    the worker reports why)."""
    try:
        return max(1, os.path.getsize(path))
    except OSError:
        return 1


_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}


def parse_batch_size(text: str) -> int:
    """``--batch-size``: bytes, with an optional k/M/G suffix (``2M``, ``500k``); 0 turns batching off."""
    match = _SIZE.fullmatch(text)
    if not match:
        raise ValueError(f"{text!r} is not a size (e.g. 2M, 500k, 0 for one document per task)")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])
