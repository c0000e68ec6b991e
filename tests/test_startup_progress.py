"""The diff's progress bar: drawn on a terminal once work outlasts the delay, never when piped."""

from __future__ import annotations

import io
import time

from click.testing import CliRunner
from rich.console import Console

from conftest import FIXTURES
from govtext.cli import main
from govtext.cli.progress import progress
from govtext.diff import diff_documents
from govtext.pipeline import load


def terminal() -> Console:
    return Console(file=io.StringIO(), force_terminal=True, width=80, color_system=None)


def test_long_work_shows_its_phase_and_goes_away() -> None:
    console = terminal()
    with progress("diff", console=console, delay=0.0) as report:
        report("comparing words", 3, 10)
        time.sleep(0.4)
    out = console.file.getvalue()
    assert "diff: comparing words" in out
    assert out.rstrip().endswith("\x1b[?25h") or "\x1b[2K" in out  # transient: erased at the end


def test_short_work_draws_nothing() -> None:
    console = terminal()
    with progress("diff", console=console, delay=5.0) as report:
        report("aligning")
    assert console.file.getvalue() == ""


def test_quiet_draws_nothing() -> None:
    console = terminal()
    with progress("diff", console=console, delay=0.0, quiet=True) as report:
        report("aligning")
        time.sleep(0.2)
    assert console.file.getvalue() == ""


def test_the_differ_reports_its_phases() -> None:
    case = FIXTURES / "diff" / "law-reworded"
    seen: list[tuple] = []
    diff_documents(load(str(case / "old.txt")), load(str(case / "new.txt")),
                   progress=lambda phase, done=None, total=None: seen.append((phase, done, total)))
    phases = [phase for phase, _, _ in seen]
    assert phases[0] == "aligning" and "comparing words" in phases
    counts = [(done, total) for phase, done, total in seen if phase == "comparing words"]
    assert counts[0][0] == 0 and all(done < total for done, total in counts)


def test_piped_diff_has_no_progress_on_stderr() -> None:
    case = FIXTURES / "diff" / "law-reworded"
    result = CliRunner().invoke(main, ["diff", str(case / "old.txt"), str(case / "new.txt")])
    assert result.exit_code == 1
    assert result.stderr == ""
