"""The Dask engine behind :func:`govtext.executor.run_tasks` (the ``scale`` extra).

The same picklable function and tasks as the local engine, sent to the workers
of a Dask distributed cluster: ``local`` starts an in-process LocalCluster (to
try it out), anything else is a scheduler address (``tcp://host:8786``).
Workers import govtext themselves, so it must be installed on every worker.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from govtext.errors import GovtextError

CONNECT_TIMEOUT = "10s"
"""How long to wait for a scheduler before saying it cannot be reached."""
LOG_LENGTH = 100
"""Entries an in-process scheduler keeps in its logs (``--scheduler local``)."""
ALLOWED_FAILURES = 1
"""Workers a task may lose before it is reported as failed (``--scheduler local``; a remote
scheduler keeps its own ``distributed.scheduler.allowed-failures``)."""


FORK_SERVER_PRELOAD = ("distributed", "govtext.pipeline")
"""Imported once by a ``local`` cluster's fork server, so workers start with them loaded:
Dask itself, and the parse pipeline every task that reads a document needs."""


def _dask():
    try:
        import distributed
    except ImportError:
        raise GovtextError("--scheduler needs Dask: pip install '.[scale]' in govtext's checkout") from None
    return distributed


def run_on_dask(fn: Callable, tasks: list, scheduler: str, jobs: int,
                on_crash: Callable | None, window: int) -> Iterator[tuple[int, Any]]:
    """Yield ``(index, fn(task))`` as the cluster finishes them, never more than
    ``window`` tasks ahead of the lowest one not yet done.  ``jobs``: the workers of a
    ``local`` cluster (a remote scheduler has its own)."""
    forked = scheduler == "local" and _start_fork_server(fn)  # first: it boots while Dask imports here
    distributed = _dask()
    cluster = None
    try:
        if scheduler == "local":
            # The scheduler then runs in this process: keep its event logs short, or its
            # memory grows with every task (about 10 kB each at the default lengths).
            import dask

            dask.config.set({"distributed.admin.low-level-log-length": LOG_LENGTH,
                             "distributed.admin.log-length": LOG_LENGTH,
                             # A task whose worker dies is retried once elsewhere, then reported
                             # (Dask's default tries it three more times: a poison batch would
                             # take down three more workers).
                             "distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
                             # One batch at a time per worker thread: a worker that dies then
                             # takes only the batch it was running with it, not a queued one
                             # (which would count a lost worker against an innocent batch).
                             "distributed.scheduler.worker-saturation": 1.0,
                             # The workers' statistical profiler samples their stacks every 10 ms
                             # for the dashboard's profile page (which needs bokeh, not installed
                             # by the scale extra): ~3 % of a local run's time for nothing.
                             "distributed.worker.profile.enabled": False})
            if forked:
                _use_fork_server(dask)
            cluster = distributed.LocalCluster(n_workers=jobs, threads_per_worker=1,
                                               processes=True, dashboard_address=":0",
                                               silence_logs=logging.ERROR)
            client = distributed.Client(cluster)
        else:
            _check_reachable(scheduler)
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
    except GovtextError:
        raise
    except (OSError, TimeoutError, ValueError) as exc:
        raise GovtextError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    _announce_dashboard(client)
    run = uuid.uuid4().hex[:12]  # keys unique to this run: a shared cluster may hold others' results
    try:
        yield from _stream(distributed, client, fn, tasks, run, on_crash, window)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _start_fork_server(fn: Callable) -> bool:
    """Start the fork server a ``local`` cluster's workers will be forked from (False where
    the platform has none: they are spawned, Dask's default).

    Workers are never forked from this process: the in-process scheduler runs threads, and
    a fork taken while one held a lock hung the cluster's start (seen once in the test
    suite).  A fork server is a fresh, single-threaded interpreter that imports
    :data:`FORK_SERVER_PRELOAD` and the task function's modules once, then forks each
    worker from itself: safe, and two workers are up in about 0.1 s instead of 0.45 s,
    each without importing Dask and govtext again.
    """
    import importlib.util
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    if importlib.util.find_spec("distributed") is None:
        return False  # _dask() says what to install
    from multiprocessing import forkserver

    # Takes effect when the server starts: a second run in this process reuses the first's server.
    multiprocessing.get_context("forkserver").set_forkserver_preload(
        list(dict.fromkeys([*FORK_SERVER_PRELOAD, *_modules_of(fn)])))
    forkserver.ensure_running()
    return True


def _use_fork_server(dask) -> None:
    """Have Dask's nannies start workers from the fork server :func:`_start_fork_server` started."""
    import distributed.utils

    dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"})
    # Dask would otherwise import numpy and pandas here, on the critical path, to name them
    # to the fork server; the server is already running with what govtext's workers use.
    if hasattr(distributed.utils, "_forkserver_preload_set"):
        distributed.utils._forkserver_preload_set = True


def _modules_of(fn: Callable) -> list[str]:
    """The modules a task function (or a ``functools.partial`` of one) is defined in."""
    modules = []
    while isinstance(fn, partial):
        modules += [getattr(arg, "__module__", None) for arg in fn.args if callable(arg)]
        fn = fn.func
    modules.append(getattr(fn, "__module__", None))
    return [m for m in modules if m and m != "__main__" and not m.startswith("_")]


def cluster_threads(scheduler: str) -> int:
    """Worker threads a running cluster has (at least 1): how many batches it can run at once,
    which batching plans for (a big cluster must get enough batches to keep every worker busy)."""
    distributed = _dask()
    _check_reachable(scheduler)
    try:
        with distributed.Client(scheduler, timeout=CONNECT_TIMEOUT) as client:
            workers = client.scheduler_info().get("workers", {})
    except (OSError, TimeoutError, ValueError) as exc:
        raise GovtextError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    return max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))


def _announce_dashboard(client) -> None:
    """Say where the Dask dashboard is, when the scheduler runs one (on stderr: stdout may be a table)."""
    import sys

    try:
        services = client.scheduler_info().get("services", {})
        link = client.dashboard_link if "dashboard" in services else None
    except Exception:  # an old or unusual scheduler: the dashboard is a convenience
        link = None
    if link:
        print(f"Dask dashboard: {link}", file=sys.stderr, flush=True)


def _check_reachable(address: str) -> None:
    """Fail at once when nothing listens at a tcp:// address (Dask would retry until its timeout)."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme != "tcp" or not parts.hostname:
        return  # tls://, ucx:// …: let Dask judge
    try:
        with socket.create_connection((parts.hostname, parts.port or 8786), timeout=5):
            pass
    except OSError as exc:
        raise GovtextError(f"cannot reach the Dask scheduler at {address}: {exc.strerror or exc}") from None


def _stream(distributed, client, fn, tasks, run, on_crash, window) -> Iterator[tuple[int, Any]]:
    index_of: dict[str, int] = {}
    submitted = 0
    outstanding: set[int] = set()

    def submit(i: int):
        future = client.submit(fn, tasks[i], key=f"govtext-{run}-{i}", pure=False, retries=1)
        index_of[future.key] = i
        outstanding.add(i)
        return future

    first = []
    while submitted < len(tasks) and submitted < window:
        first.append(submit(submitted))
        submitted += 1
    queue = distributed.as_completed(first)
    for future in queue:
        i = index_of.pop(future.key)
        outstanding.discard(i)
        try:
            result = future.result()
        except Exception as exc:  # a worker died twice on it, or the function raised
            if on_crash is None:
                raise
            result = on_crash(tasks[i], exc)
        future.release()
        yield i, result
        lowest = min(outstanding, default=submitted)
        while submitted < len(tasks) and submitted < lowest + window:
            queue.add(submit(submitted))
            submitted += 1
