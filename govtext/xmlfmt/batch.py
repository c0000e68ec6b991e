"""A folder of texts → a folder of XML files, in parallel across cores.

Each file is converted in a worker process (parsing is pure Python, so threads
would share one core); the largest files are started first so the cores finish
together.  A file that fails is reported in its :class:`Result` and the others
go on; every output is written atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

SUFFIXES = {"govtext": ".xml", "akn": ".akn.xml"}


@dataclass(frozen=True, slots=True)
class Task:
    """One file to convert."""

    source: str
    """The text file, as found in the folder."""

    target: str
    """Where its XML goes."""

    fmt: str = "govtext"
    """Export format: ``govtext`` or ``akn``."""

    timestamp: datetime | None = None
    """Time of export to record, or None for reproducible output."""

    lexicon: str | None = None
    """Path of a user lexicon (TOML), or None for the default."""


@dataclass(frozen=True, slots=True)
class Result:
    """How one task went."""

    source: str
    target: str
    error: str | None = None
    """One-line message naming the file, or None when the XML was written."""


def plan_folder(folder: str, outdir: str, fmt: str = "govtext", timestamp: datetime | None = None,
                lexicon: str | None = None) -> list[Task]:
    """A task for every ``.txt`` file directly in ``folder``, largest first."""
    files = [p for p in Path(folder).iterdir() if p.suffix.lower() == ".txt" and p.is_file()]
    files.sort(key=lambda p: (-p.stat().st_size, p.name))
    suffix = SUFFIXES[fmt]
    return [Task(str(p), str(Path(outdir) / (p.stem + suffix)), fmt, timestamp, lexicon) for p in files]


def convert_one(task: Task) -> Result:
    """Convert one file; never raises for a bad input, the Result carries the message."""
    # Imported here: the pipeline sits above this package, and workers import it once.
    from govtext.errors import GovtextError
    from govtext.pipeline import load
    from govtext.textio import write_atomic
    from govtext.xmlfmt import export

    try:
        doc = load(task.source, _lexicon(task.lexicon))
        write_atomic(task.target, export(doc, task.fmt, task.timestamp))
    except GovtextError as exc:
        return Result(task.source, task.target, _named(task.source, str(exc)))
    except Exception as exc:  # a parser bug on one file must not stop the folder
        return Result(task.source, task.target, _named(task.source, f"internal error: {type(exc).__name__}: {exc}"))
    return Result(task.source, task.target)


_LEXICONS: dict[str, object] = {}


def _lexicon(path: str | None):
    if path is None:
        return None
    if path not in _LEXICONS:
        from govtext.lexicon import load_lexicon

        _LEXICONS[path] = load_lexicon(path)
    return _LEXICONS[path]


def _named(source: str, message: str) -> str:
    return message if message.startswith(source) else f"{source}: {message}"


def convert_folder(tasks: list[Task], workers: int | None = None) -> Iterator[Result]:
    """Run ``tasks``, yielding each Result as it completes.

    ``workers`` defaults to one per core; with 1 the tasks run in this process.
    """
    from govtext.executor import run_tasks

    for _, result in run_tasks(convert_one, tasks, workers, on_crash=_crashed):
        yield result


def _crashed(task: Task, exc: BaseException) -> Result:
    """A worker died (killed, out of memory): the file is reported, the rest go on."""
    return Result(task.source, task.target, _named(task.source, f"worker failed: {exc}"))
