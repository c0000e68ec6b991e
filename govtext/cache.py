"""The per-user cache folder: where derived data (the compiled dictionary) is kept.

The platform's user cache directory (``$XDG_CACHE_HOME/govtext`` or
``~/.cache/govtext`` on Linux, via platformdirs elsewhere), or a folder the
caller names (the CLI passes ``GOVTEXT_CACHE_DIR``).  Never a shared file in
/tmp: each folder govtext uses is created 0700 and used only while it belongs
to the current user and nobody else can write to it — otherwise another user
could swap the files we load.  A cache that cannot be used is no error: the
caller just works without one (slower, same results).
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

_override: str | None = None


def configure(path: str | None) -> None:
    """Use ``path`` as the cache folder from now on (None: the platform's default)."""
    global _override
    _override = path or None


def base_dir() -> Path:
    """The cache folder in force, whether or not it exists yet."""
    if _override:
        return Path(_override).expanduser()
    return Path(_platform_dir())


def _platform_dir() -> str:
    if sys.platform.startswith("linux") and "ANDROID_DATA" not in os.environ:
        # The XDG base directory rule, as platformdirs applies it here: importing it (it
        # brings tempfile, shutil and random) costs every diff ~7 ms.  The variable counts
        # only when it holds an absolute path; a HOME that is not absolute counts as unset.
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        if os.path.isabs(xdg):
            return os.path.join(xdg, "govtext")
        return os.path.join(_home(), ".cache", "govtext")
    import platformdirs  # macOS, Windows, Android: their own rules

    return platformdirs.user_cache_dir("govtext", appauthor=False)


def _home() -> str:
    home = os.environ.get("HOME")
    if home is None or not os.path.isabs(home):
        try:
            import pwd

            home = pwd.getpwuid(os.getuid()).pw_dir
        except (ImportError, KeyError):
            home = None
    if not home or not os.path.isabs(home):
        raise RuntimeError("no home directory")  # caught by private_dir: no cache, no error
    return home.rstrip("/") or "/"


def private_dir(*parts: str) -> Path | None:
    """``base_dir()/parts``, created 0700 if missing; None if it cannot be used safely."""
    try:
        folder = base_dir().joinpath(*parts)
        _make_private(folder)
        return folder if is_private(folder) and _guarded(folder.parent) else None
    except (OSError, RuntimeError):  # RuntimeError: no home directory to expand
        return None


def _make_private(folder: Path) -> None:
    """Create ``folder`` and every missing folder above it 0700 (``mkdir(parents=True)``
    would make the ones above with the default mode, readable by all)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)  # exist_ok: another process may race us


def is_private(folder: Path) -> bool:
    """Ours alone: a real folder owned by this user, writable by no one else, writable by us."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _guarded(parent: Path) -> bool:
    """Others cannot rename our folder away: the parent is not writable by them, or is sticky (/tmp)."""
    try:
        mode = os.stat(parent).st_mode
    except OSError:
        return False
    return not mode & (stat.S_IWGRP | stat.S_IWOTH) or bool(mode & stat.S_ISVTX)
