"""SIGTERM handled as Ctrl-C is: unwinding, so every temporary file is removed.

Python dies on SIGTERM at once, with no ``finally`` run: an output being written
(``.out.xml.1a2b.tmp``, see :func:`govtext.atomic.atomic_output`) stays behind.
SIGINT raises KeyboardInterrupt instead, which every writer already cleans up
after; raising :class:`Terminated` (a KeyboardInterrupt) on SIGTERM gives it the
same path.  Installed by the console script and in each worker process.
"""

from __future__ import annotations

import signal
import threading


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: stop as for Ctrl-C (exit 143 instead of 130)."""


def _raise_terminated(signum, frame) -> None:
    raise Terminated()


def handle_sigterm() -> None:
    """From now on SIGTERM raises :class:`Terminated` in the main thread (elsewhere: no-op)."""
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _raise_terminated)
