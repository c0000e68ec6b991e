"""A folder of texts → a folder of XML files, in parallel across cores.

Planning comes first and writes nothing: every document govtext reads (by suffix:
``.txt``, ``.html``, ``.docx``, ``.pdf`` … see :data:`govtext.formats.DOCUMENT_SUFFIXES`)
becomes a :class:`Task` (subfolders too with ``recursive``, mirrored under the output
folder), everything else is listed as a :class:`Skipped` file with the reason, and two
inputs whose outputs would land on one file — ``doc.txt`` and ``doc.TXT``, ``a.html``
and ``a.pdf``, or an output that would overwrite an input — are an
:class:`OutputClash` before anything is written.

Each file is then converted in a worker process (parsing is pure Python, so threads
would share one core); the largest files are started first so the cores finish
together.  A file that fails is reported in its :class:`Result` and the others go
on; every output is written atomically.

This module sits beside :mod:`govtext.pipeline`, which it calls, above the
transform packages it combines (``parse`` and ``xmlfmt``).
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from govtext.errors import GovtextError
from govtext.formats import DOCUMENT_SUFFIXES

if TYPE_CHECKING:
    from govtext.pipeline import ReadOptions

SUFFIXES = {"govtext": ".xml", "akn": ".akn.xml"}


class OutputClash(GovtextError):
    """Two inputs would be written to one output file (or an output would overwrite an input)."""


@dataclass(frozen=True, slots=True)
class Task:
    """One file to convert."""

    source: str
    """The document, as found in the folder."""

    target: str
    """Where its XML goes."""

    fmt: str = "govtext"
    """Export format: ``govtext`` or ``akn``."""

    timestamp: datetime | None = None
    """Time of export to record, or None for reproducible output."""

    lexicon: str | None = None
    """Path of a user lexicon (TOML), or None for the default."""

    options: ReadOptions | None = None
    """How the file is read (size cap, encoding, undecodable bytes, input format, Word
    revisions): the command's read options, or None for the defaults."""


@dataclass(frozen=True, slots=True)
class Result:
    """How one task went."""

    source: str
    target: str
    error: str | None = None
    """One-line message naming the file, or None when the XML was written."""

    warnings: tuple[str, ...] = ()
    """What the reader had to repair (bytes replaced with ``--errors replace``), each naming the file."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or folder the plan leaves alone, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class FolderPlan:
    """What a folder conversion will do, decided before anything is written."""

    tasks: list[Task] = field(default_factory=list)
    """Files to convert, largest first."""

    skipped: list[Skipped] = field(default_factory=list)
    """Everything else found, in path order, with the reason."""

    folders: list[str] = field(default_factory=list)
    """Output folders to create (the output folder itself and mirrored subfolders)."""


def plan_folder(folder: str, outdir: str, fmt: str = "govtext", timestamp: datetime | None = None,
                lexicon: str | None = None, recursive: bool = False,
                options: ReadOptions | None = None) -> FolderPlan:
    """Plan the conversion of every document in ``folder`` (and its subfolders with ``recursive``).

    Raises :class:`OutputClash` naming both files when two outputs would be one file.
    """
    suffix = SUFFIXES[fmt]
    found: list[tuple[Path, int]] = []
    skipped: list[Skipped] = []
    out_real = os.path.realpath(outdir)
    _scan(Path(folder), recursive, out_real, found, skipped)
    tasks, folders = [], {outdir}
    for path, _size in found:
        relative = path.relative_to(folder)
        target = Path(outdir) / relative.parent / (path.stem + suffix)  # a.html → a.xml
        folders.add(str(target.parent))
        tasks.append(Task(str(path), str(target), fmt, timestamp, lexicon, options))
    _refuse_clashes(tasks, {_clash_key(str(p)) for p, _ in found} | {_clash_key(k.path) for k in skipped})
    order = {str(p): size for p, size in found}
    tasks.sort(key=lambda t: (-order[t.source], t.source))
    return FolderPlan(tasks, sorted(skipped, key=lambda s: s.path), sorted(folders))


def _scan(folder: Path, recursive: bool, out_real: str, found: list, skipped: list) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        skipped.append(Skipped(str(folder), f"unreadable folder ({exc.strerror or exc})"))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                if os.path.realpath(path) == out_real:
                    continue  # the output folder inside the input: its XML is ours
                if recursive:
                    _scan(path, recursive, out_real, found, skipped)
                else:
                    skipped.append(Skipped(str(path), "a subfolder (give -r to convert subfolders)"))
                continue
            if entry.is_symlink() and entry.is_dir():
                skipped.append(Skipped(str(path), "a link to a folder (not followed)"))
                continue
            if path.suffix.lower() not in DOCUMENT_SUFFIXES:  # ".txt" alone has no suffix: skipped
                skipped.append(Skipped(str(path), "not a document type govtext reads"))
                continue
            if not entry.is_file():
                skipped.append(Skipped(str(path), "not a regular file"))
                continue
            if not os.access(path, os.R_OK):
                skipped.append(Skipped(str(path), "unreadable (permission denied)"))
                continue
            found.append((path, entry.stat().st_size))
        except OSError as exc:
            skipped.append(Skipped(str(path), f"unreadable ({exc.strerror or exc})"))


def _clash_key(path: str) -> str:
    # Outputs must differ on every file system: case-insensitive ones (macOS, Windows)
    # and ones that normalise Unicode (HFS+) included.
    return unicodedata.normalize("NFC", os.path.abspath(path)).casefold()


def _refuse_clashes(tasks: list[Task], scanned: set[str]) -> None:
    targets: dict[str, str] = {}
    for task in sorted(tasks, key=lambda t: t.source):
        key = _clash_key(task.target)
        if key in targets:
            raise OutputClash(f"{targets[key]} and {task.source} would both be written to {task.target};"
                              " rename one of them")
        if key in scanned:
            # OUTDIR is the input folder and a.xml sits beside a.txt: never overwrite an input.
            raise OutputClash(f"{task.source} would be written to {task.target}, which is a file of the input"
                              " folder; give another -o OUTDIR")
        targets[key] = task.source


def convert_one(task: Task) -> Result:
    """Convert one file; never raises for a bad input, the Result carries the message."""
    # Imported here: the pipeline sits above this package, and workers import it once.
    from govtext.errors import GovtextError
    from govtext.pipeline import load
    from govtext.atomic import write_atomic
    from govtext.xmlfmt import export_pieces

    warnings: list[str] = []
    try:
        doc = load(task.source, _lexicon(task.lexicon), task.options,
                   lambda message: warnings.append(_named(task.source, message)))
        write_atomic(task.target, export_pieces(doc, task.fmt, task.timestamp))
    except GovtextError as exc:
        return Result(task.source, task.target, _named(task.source, str(exc)), tuple(warnings))
    except Exception as exc:  # a parser bug on one file must not stop the folder
        return Result(task.source, task.target, _named(task.source, f"internal error: {type(exc).__name__}: {exc}"),
                      tuple(warnings))
    return Result(task.source, task.target, warnings=tuple(warnings))


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
