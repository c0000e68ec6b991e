"""Shared by the benchmarks: fresh processes measured interleaved, medians reported.

The machine is shared, so its load drifts during a run: each round runs every
command once, in turn, and each figure is the median over rounds.  A ratio is
taken pair by pair, as issue 11 defines its figures: each round's time over the
anchor's time in that same round, then the median of those ratios (a slow
minute slows both sides of a pair), never against a number from elsewhere.
CPU time (user + system of the child) is reported beside wall time: it suffers
less from other people's work on the machine.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


@dataclass
class Figure:
    wall: float
    """Median wall seconds."""
    cpu: float
    """Median CPU seconds (user + system)."""
    peak_mb: float
    """Largest peak RSS seen, MB."""
    walls: list[float]
    """Wall seconds, round by round."""
    cpus: list[float]
    """CPU seconds, round by round."""

    def ratios(self, anchor: Figure, cpu: bool = False) -> list[float]:
        """The round-by-round ratios to ``anchor`` (each round's pair shares the machine's load)."""
        mine, theirs = (self.cpus, anchor.cpus) if cpu else (self.walls, anchor.walls)
        return [a / b for a, b in zip(mine, theirs)]

    def ratio(self, anchor: Figure, cpu: bool = False) -> float:
        """The median of the round-by-round ratios to ``anchor``."""
        return statistics.median(self.ratios(anchor, cpu))


def once(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed with {code}: {proc.stderr.read().decode()}")
    proc.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


LOADS: list[float] = []
"""The one-minute load average at the start of every round run so far (see :func:`load_note`)."""


def interleaved(commands: dict[str, list[str]], runs: int, env: dict[str, str] | None = None) -> dict[str, Figure]:
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    peaks = {name: 0.0 for name in commands}
    for _ in range(runs):
        LOADS.append(os.getloadavg()[0])
        for name, cmd in commands.items():
            wall, cpu, peak = once(cmd, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
            peaks[name] = max(peaks[name], peak)
    return {name: Figure(statistics.median(walls[name]), statistics.median(cpus[name]), peaks[name],
                         walls[name], cpus[name])
            for name in commands}


def compile_bytecode() -> None:
    """Installed packages run from bytecode; a checkout under PYTHONDONTWRITEBYTECODE would not."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "govtext")], check=True)


def govtext_command() -> list[str]:
    script = Path(sys.executable).with_name("govtext")
    return [str(script)] if script.exists() else [sys.executable, "-m", "govtext"]


def ratio_line(label: str, figure: Figure, anchor: Figure, goal: float | None) -> str:
    """One figure beside its goal: the median wall ratio (the goal's measure), the range of the
    round ratios it is the median of, and the CPU ratio (less sensitive to other people's work)."""
    ratio, walls = figure.ratio(anchor), figure.ratios(anchor)
    goal_text = f"  goal ≤ {goal:.2f}x {'ok' if ratio <= goal else 'OVER'}" if goal is not None else ""
    spread = f"[{min(walls):.2f}–{max(walls):.2f}, {len(walls)} rounds]"
    return (f"{label:<34} wall {figure.wall * 1000:7.0f} ms = {ratio:5.2f}x {spread}   "
            f"cpu {figure.cpu * 1000:7.0f} ms = {figure.ratio(anchor, cpu=True):5.2f}x   "
            f"peak {figure.peak_mb:5.1f} MB{goal_text}")


def load_note() -> str:
    """What the machine was doing besides: a parallel figure (two workers on two cores) measures
    free cores, so a load average near the core count makes its wall ratio meaningless."""
    if not LOADS:
        return ""
    cores = os.cpu_count() or 1
    worst = max(LOADS)
    note = f"load average at the rounds' start {min(LOADS):.1f}–{worst:.1f} on {cores} cores"
    return note + (" — busy: parallel wall ratios are not the machine's" if worst >= cores / 2 else "")
