"""Progress bars on stderr, only on a terminal: :func:`progress` for work that turns out
to be long (a diff), :func:`progress_bar` for a run over many units (a corpus).

Most diffs finish in a fraction of a second, and a bar that flashes up and
vanishes is noise; so nothing is drawn during the first second, and nothing at
all when stderr is not a terminal (a pipe, a CI log).  The work reports its
phase and, where it can count, how far it is, through a plain callback
(``report(phase, done=None, total=None)``); Rich is imported only once the bar
is due, in the thread that draws it, so fast runs never pay for it.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Report = Callable[..., None]
DELAY = 1.0
"""Seconds of work before the bar appears."""


def _quiet(phase: str, done: int | None = None, total: int | None = None) -> None:
    return None


@contextmanager
def progress(label: str, console=None, delay: float = DELAY, quiet: bool = False) -> Iterator[Report]:
    """Yield a ``report`` callback; draw its latest state on stderr after ``delay`` seconds.

    ``console``: a Rich console to draw on (tests); by default stderr's, when it is a terminal.
    ``quiet``: draw nothing at all (``--quiet``).
    """
    if quiet or (console is None and not _stderr_is_terminal()):
        yield _quiet
        return
    state = {"phase": label, "done": None, "total": None}
    finished = threading.Event()

    def report(phase: str, done: int | None = None, total: int | None = None) -> None:
        state.update(phase=phase, done=done, total=total)  # one dict update: atomic under the GIL

    def draw() -> None:
        if finished.wait(delay):
            return
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        from govtext.cli.console import make_console

        bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                       TimeElapsedColumn(),
                       console=console or make_console(stderr=True), transient=True)
        with bar:
            task = bar.add_task(f"{label}: {state['phase']}", total=None)
            while True:
                bar.update(task, description=f"{label}: {state['phase']}", completed=state["done"] or 0,
                           total=state["total"])
                if finished.wait(0.1):
                    break

    painter = threading.Thread(target=draw, name="govtext-progress", daemon=True)
    painter.start()
    try:
        yield report
    finally:
        finished.set()
        painter.join()


@contextmanager
def progress_bar(label: str, total: int) -> Iterator[Callable[[], None] | None]:
    """Yields a function to call once per finished unit, or None when stderr is not a
    terminal (piped, CI logs): no bar, no cost."""
    if not _stderr_is_terminal() or total <= 1:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from govtext.cli.console import make_console

    bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=make_console(stderr=True), transient=True)
    with bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (ValueError, AttributeError):
        return False
