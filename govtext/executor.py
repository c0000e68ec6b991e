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


WINDOW_PER_WORKER = 4
"""Tasks in flight (running or finished but not yet taken) per worker: enough to keep
every worker busy, few enough that memory stays flat however many tasks there are."""


def run_tasks(fn: Callable[[T], R], tasks: Iterable[T], jobs: int | None = None,
              on_crash: Callable[[T, BaseException], R] | None = None,
              scheduler: str | None = None, size_of: Callable[[T], int] | None = None,
              batch_bytes: int | None = None, cancel: Callable[[], None] | None = None) -> Iterator[tuple[int, R]]:
    """Yield ``(index, fn(task))`` for every task, in the order they complete.

    ``jobs`` is the number of local worker processes (default: one per core);
    with 1, or a single task, the work runs in this process — no pool to start.
    ``scheduler`` sends the tasks to a Dask cluster instead (see
    :mod:`govtext.executor_dask`): ``local`` or a ``tcp://`` address.
    ``size_of`` (a task's input bytes) lets either engine send tasks in batches of about
    ``batch_bytes`` (default :data:`govtext.batching.DEFAULT_BATCH_BYTES`; 0: one task each).
    Sort by index for the input order; results are the same whichever engine ran them.
    ``cancel``, if given, is called when the run is cut short (Ctrl-C, SIGTERM, the caller
    stopping early) before the local pool waits for the tasks still running: a way to ask
    long tasks to return at once (``history``'s walks stop at their next pair).
    """
    tasks = list(tasks)
    if size_of is not None and batch_bytes != 0 and len(tasks) > 1:
        from govtext.batching import run_batched

        def engine(batch_fn, groups, crashed):
            return run_tasks(batch_fn, groups, jobs, crashed, scheduler)

        yield from run_batched(engine, fn, tasks, _workers(jobs, scheduler), on_crash, size_of, batch_bytes)
        return
    if scheduler is not None:
        from govtext.executor_dask import run_on_dask  # optional extra, imported on demand

        workers = jobs or default_jobs()
        yield from run_on_dask(fn, tasks, scheduler, workers, on_crash, _window(workers))
        return
    workers = min(jobs or default_jobs(), max(1, len(tasks)))
    if workers == 1:
        for index, task in enumerate(tasks):
            yield index, fn(task)
        return
    yield from _run_local_pool(fn, tasks, workers, on_crash, cancel)


def run_in_order(fn: Callable[[T], R], tasks: Iterable[T], jobs: int | None = None,
                 on_crash: Callable[[T, BaseException], R] | None = None,
                 scheduler: str | None = None, size_of: Callable[[T], int] | None = None,
                 batch_bytes: int | None = None) -> Iterator[R]:
    """Like :func:`run_tasks`, but yield results in the order of ``tasks``, as soon as
    each one's predecessors are done (what streaming writers want: deterministic output,
    bounded memory — the engines never run more than a window ahead)."""
    pending: dict[int, R] = {}
    next_index = 0
    for index, result in run_tasks(fn, tasks, jobs, on_crash, scheduler, size_of, batch_bytes):
        pending[index] = result
        while next_index in pending:
            yield pending.pop(next_index)
            next_index += 1


def _workers(jobs: int | None, scheduler: str | None) -> int:
    """How many tasks can run at once: local processes, or a running cluster's worker threads."""
    if scheduler is None or scheduler == "local":
        return jobs or default_jobs()
    from govtext.executor_dask import cluster_threads

    return cluster_threads(scheduler)


def _window(workers: int) -> int:
    return max(2, workers * WINDOW_PER_WORKER)


def _run_local_pool(fn, tasks: list, workers: int, on_crash, cancel=None) -> Iterator[tuple[int, Any]]:
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    from govtext.interrupt import handle_sigterm

    # Workers clean up their temporary files on SIGTERM as on Ctrl-C (whatever the start method).
    pool = ProcessPoolExecutor(max_workers=workers, initializer=handle_sigterm)
    window = _window(workers)
    running: dict = {}
    done: dict[int, Any] = {}
    lowest = 0  # the lowest index not yet yielded: never run further ahead than a window
    submitted = 0
    try:
        while lowest < len(tasks):
            while submitted < len(tasks) and submitted < lowest + window:
                try:
                    running[pool.submit(fn, tasks[submitted])] = submitted
                except Exception as exc:  # the pool broke: a worker died earlier
                    if on_crash is None:
                        raise
                    done[submitted] = on_crash(tasks[submitted], exc)
                submitted += 1
            finished, _ = wait(running, return_when=FIRST_COMPLETED) if running else ((), ())
            for future in finished:
                index = running.pop(future)
                try:
                    result = future.result()
                except Exception as exc:  # the worker process died
                    if on_crash is None:
                        raise
                    result = on_crash(tasks[index], exc)
                done[index] = result
            # Hand back everything finished; track the lowest index still outstanding.
            for index in sorted(done):
                yield index, done.pop(index)
            lowest = min(running.values(), default=submitted)
    except BaseException:  # interrupted, or closed by a caller that stopped early
        if cancel is not None and running:
            cancel()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def run_ordered(fn: Callable[[T], R], tasks: Iterable[T], jobs: int | None = None,
                on_crash: Callable[[T, BaseException], R] | None = None,
                scheduler: str | None = None, size_of: Callable[[T], int] | None = None,
                batch_bytes: int | None = None) -> list[R]:
    """All results of :func:`run_tasks`, in the order of ``tasks``."""
    return list(run_in_order(fn, tasks, jobs, on_crash, scheduler, size_of, batch_bytes))
