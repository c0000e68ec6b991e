"""The one way govtext runs work in parallel: a function over many tasks.

Every command that fans out (``xml DIR``, ``history``, ``ledger``) hands its
tasks to :func:`run_tasks`.  The function and its tasks must be picklable
(module-level functions, plain data), because they go to worker processes —
local ones by default, or the workers of a Dask cluster (``scheduler``).

The worker function must not raise for a bad input: it returns a result that
says what went wrong, so one failing document never stops the run.  A worker
that dies (killed, out of memory) is reported through ``on_crash``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def run_tasks(fn: Callable[[T], R], tasks: Iterable[T], jobs: int | None = None,
              on_crash: Callable[[T, BaseException], R] | None = None,
              scheduler: str | None = None) -> Iterator[tuple[int, R]]:
    """Yield ``(index, fn(task))`` for every task, in the order they complete.

    ``jobs`` is the number of local worker processes (default: one per core);
    with 1, or a single task, the work runs in this process — no pool to start.
    ``scheduler`` sends the tasks to a Dask cluster instead (see
    :mod:`govtext.executor_dask`): ``local`` or a ``tcp://`` address.
    Sort by index for the input order; results are the same whichever engine ran them.
    """
    tasks = list(tasks)
    if scheduler is not None:
        from govtext.executor_dask import run_on_dask  # optional extra, imported on demand

        yield from run_on_dask(fn, tasks, scheduler, on_crash)
        return
    workers = min(jobs or default_jobs(), max(1, len(tasks)))
    if workers == 1:
        for index, task in enumerate(tasks):
            yield index, fn(task)
        return
    yield from _run_local_pool(fn, tasks, workers, on_crash)


def _run_local_pool(fn, tasks: list, workers: int, on_crash) -> Iterator[tuple[int, Any]]:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        futures = {pool.submit(fn, task): index for index, task in enumerate(tasks)}
        for future in as_completed(futures):
            index = futures[future]
            try:
                yield index, future.result()
            except Exception as exc:  # the worker process died
                if on_crash is None:
                    raise
                yield index, on_crash(tasks[index], exc)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def run_ordered(fn: Callable[[T], R], tasks: Iterable[T], jobs: int | None = None,
                on_crash: Callable[[T, BaseException], R] | None = None,
                scheduler: str | None = None) -> list[R]:
    """All results of :func:`run_tasks`, in the order of ``tasks``."""
    results = dict(run_tasks(fn, tasks, jobs, on_crash, scheduler))
    return [results[i] for i in range(len(results))]
