"""Writing output files atomically: a temp file beside the target, renamed into place, so a
failed or interrupted write never leaves a partial file (and keeps the target's owner and
mode).  Names of an already open descriptor (``/dev/stdout``, ``/proc/self/fd/N``) are written
in place.  Errors a user can cause become one :class:`~govtext.errors.OutputError` line."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO, Iterable

from govtext.errors import OutputError

def write_atomic(path: str | os.PathLike[str], data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of them) to ``path`` as :func:`atomic_output` does.
    Pieces let a large output be produced while it is written, never whole in memory."""
    with atomic_output(path) as fh:
        for piece in (data,) if isinstance(data, (bytes, bytearray)) else data:
            fh.write(piece)


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to write (or stream) into, safely as careful Unix tools do; any
    failure is an OutputError.

    * a regular file (new or existing) is written to a temporary file in the same
      folder, synced and renamed into place when the block ends without an error, so an
      error or interruption never leaves a partial file; an existing file keeps its mode
      (and owner, where allowed), and one we may not write is refused, not renamed over;
    * a symbolic link is followed: its target is replaced, the link kept; a link
      to nothing is refused (cp refuses to write through a dangling link);
    * anything else — a device, a FIFO, /dev/stdout — is opened and written directly.
    """
    target = os.fspath(path)
    try:
        info = os.stat(target)  # follows links
    except FileNotFoundError:
        info = None
        if os.path.islink(target):
            raise OutputError(f"{target}: not writing through a dangling symbolic link") from None
    except OSError as exc:
        raise OutputError(_cannot_write(target, exc)) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{target}: is a directory")
    if info is not None and not stat.S_ISREG(info.st_mode) or _is_fd_alias(target):
        with _written_directly(target) as fh:
            yield fh
        return
    real = os.path.realpath(target) if info is not None else target
    if info is not None and not os.access(real, os.W_OK):
        # A read-only file says "keep me": refuse, as cp does, though renaming over it would work.
        raise OutputError(f"{target}: cannot write (permission denied)")
    folder = os.path.dirname(real) or "."
    if not os.path.isdir(folder):
        raise OutputError(f"{target}: folder {folder} does not exist")
    with _replaced(target, real, folder, info) as fh:
        yield fh


# Names of an open descriptor.  Resolving them gives whatever the descriptor is open on
# (a regular file when stdout is redirected), so they are recognised by name.
_FD_ALIAS = re.compile(r"/dev/(?:std(?:in|out|err)|fd/\d+)|/proc/(?:self|thread-self|\d+)/fd/\d+")


def _is_fd_alias(path: str) -> bool:
    # /dev/stdout, /dev/fd/N and /proc/self/fd/N name an open descriptor: renaming a
    # file over them would redirect nothing, and would drop a `>>` append.  Anything else
    # under /dev or /proc (/dev/shm/a.xml, /proc/self/cwd/a.xml) is what it resolves to.
    return _FD_ALIAS.fullmatch(os.path.abspath(path)) is not None


@contextmanager
def _written_directly(target: str) -> Iterator[BinaryIO]:
    try:
        with open(target, "wb") as fh:
            yield fh
    except OSError as exc:
        raise OutputError(_cannot_write(target, exc)) from None


@contextmanager
def _replaced(target: str, real: str, folder: str, info: os.stat_result | None) -> Iterator[BinaryIO]:
    import tempfile

    tmp = None
    try:
        # Ctrl-C or SIGTERM (govtext.interrupt) between creating the file and knowing its
        # name would leave it behind: they are held until the name is known, inside the try.
        with _signals_held():
            fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(real)}.", suffix=".tmp", dir=folder)
        if info is None:
            # mkstemp makes the file 0600; give it the mode a plain open() would have.
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)
        else:
            _keep_owner_and_mode(fd, info)
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, real)
    except BaseException as exc:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        if isinstance(exc, OSError):
            raise OutputError(_cannot_write(target, exc)) from None
        raise


@contextmanager
def _signals_held() -> Iterator[None]:
    import signal

    held = {getattr(signal, name) for name in ("SIGINT", "SIGTERM") if hasattr(signal, name)}
    if not hasattr(signal, "pthread_sigmask") or not held:
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _keep_owner_and_mode(fd: int, info: os.stat_result) -> None:
    # Owner first: chown clears setuid/setgid bits, chmod then restores what may be kept.
    mode = stat.S_IMODE(info.st_mode)
    try:
        os.fchown(fd, info.st_uid, info.st_gid)
    except OSError:
        # Only root may give a file away; like cp -p, keep our own, without set-id bits.
        mode &= ~(stat.S_ISUID | stat.S_ISGID)
    os.fchmod(fd, mode)


def _cannot_write(target: str, exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    if isinstance(exc, IsADirectoryError):
        return f"{target}: is a directory"
    return f"{target}: cannot write ({reason[:1].lower() + reason[1:]})"
