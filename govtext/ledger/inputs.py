"""Which files a ledger reads: the paths given, folders walked recursively."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass

from govtext.errors import InputError
from govtext.formats import DOCUMENT_SUFFIXES  # one list for every command that walks a folder


@dataclass(frozen=True, slots=True)
class Inputs:
    files: tuple[str, ...]
    """Documents to read, in a stable order: as given, each folder's files sorted by path."""

    skipped: tuple[tuple[str, str], ...]
    """(path, reason) for what a folder held that is not a document."""

    notes: tuple[str, ...] = ()
    """What a person should hear about: an unreadable subfolder, a FIFO or device passed over."""


def collect_inputs(paths: list[str]) -> Inputs:
    """Every document under ``paths``: files as given, folders recursively (hidden
    entries skipped); a path listed twice is read once."""
    files: list[str] = []
    skipped: list[tuple[str, str]] = []
    notes: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for path in paths:
        if os.path.isdir(path):
            def unreadable(exc: OSError) -> None:
                reason = f"unreadable folder ({exc.strerror or exc})"
                skipped.append((exc.filename, reason))
                notes.append(f"{exc.filename}: skipped, {reason}")

            for folder, dirs, names in os.walk(path, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    full = os.path.join(folder, name)
                    if name.startswith("."):
                        continue
                    if os.path.splitext(name)[1].lower() not in DOCUMENT_SUFFIXES:
                        skipped.append((full, "not a document type govtext reads"))
                    elif not _regular(full):
                        # A FIFO named a.txt would block the read forever; a device never ends.
                        skipped.append((full, "not a regular file"))
                        notes.append(f"{full}: skipped, not a regular file")
                    else:
                        add(full)
        elif os.path.exists(path) or path == "-":
            if path == "-":
                raise InputError("ledger reads files and folders, not standard input")
            add(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return Inputs(tuple(files), tuple(skipped), tuple(notes))


def _regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)  # follows a link to a file
    except OSError:
        return True  # a dangling link: reading it reports the error, among the failures
