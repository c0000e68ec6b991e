"""When the outline can be printed without Rich, and how wide: Rich's own rules, read off.

Rich draws colour only on a terminal (or when FORCE_COLOR / TTY_COMPATIBLE say
so); anywhere else its output is plain text, which :mod:`govtext.render.plain`
reproduces without importing Rich.  The width is the one Rich would pick:
COLUMNS, else the size of whichever of stdin, stdout or stderr is a terminal,
else 80; a file written with ``-o`` is 120 wide, as the file console.
"""

from __future__ import annotations

import os
import sys

FILE_WIDTH = 120
"""Width of text written to a file with -o (govtext.cli.console's file console)."""


def plain_width(output: str | None) -> int | None:
    """The width to print plain text in, or None when Rich must print (colour, or unusual output)."""
    if os.name == "nt":
        return None  # legacy Windows consoles change Rich's widths and guides
    if output and output != "-":
        return FILE_WIDTH
    stdout = sys.stdout
    if stdout is None or _rich_sees_terminal(stdout):
        return None
    encoding = (getattr(stdout, "encoding", None) or "utf-8").lower()
    if not encoding.startswith("utf"):
        return None  # Rich would fall back to ASCII guides
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    for fd in (0, 1, 2):
        try:
            return os.get_terminal_size(fd).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def _rich_sees_terminal(stdout) -> bool:
    """rich.console.Console.is_terminal, without importing Rich."""
    tty_compatible = os.environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "1"
    force_color = os.environ.get("FORCE_COLOR")
    if force_color is not None:
        return force_color != ""
    try:
        return bool(stdout.isatty())
    except (ValueError, AttributeError):
        return False
