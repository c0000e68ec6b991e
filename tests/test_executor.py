"""The one executor: a run cut short asks its long tasks to stop before waiting for them."""

from __future__ import annotations

import os
import time

from govtext.executor import run_tasks


def _quick_or_until_stopped(task: tuple[int, str]) -> str:
    """Task 0 returns at once; task 1 waits (up to 10 s) for the stop file and says whether it saw it."""
    index, folder = task
    if index == 0:
        return "done"
    stop = os.path.join(folder, "stop")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if os.path.exists(stop):
            return "stopped"
        time.sleep(0.01)
    return "timed out"


def test_a_run_cut_short_calls_cancel_before_waiting(tmp_path):
    seen = []

    def cancel() -> None:
        seen.append("cancel")
        (tmp_path / "stop").touch()

    results = run_tasks(_quick_or_until_stopped, [(0, str(tmp_path)), (1, str(tmp_path))], jobs=2, cancel=cancel)
    first = next(results)
    assert first == (0, "done")
    results.close()  # the caller stops early (as Ctrl-C in its loop would): task 1 still running
    assert seen == ["cancel"]


def test_a_finished_run_does_not_cancel(tmp_path):
    seen = []
    done = list(run_tasks(_quick_or_until_stopped, [(0, str(tmp_path)), (0, str(tmp_path))], jobs=2,
                          cancel=lambda: seen.append("cancel")))
    assert sorted(done) == [(0, "done"), (1, "done")]
    assert seen == []
