"""The one Rich console the CLI prints through, with govtext's theme.

Rich itself decides colour: none when piped, none when NO_COLOR is set.
"""

from __future__ import annotations

import io

from rich.console import Console

from govtext.render.theme import THEME


def make_console(file_output: bool = False, stderr: bool = False) -> Console:
    """The terminal console, or with ``file_output`` a recording one whose text goes to a file."""
    if file_output:
        return Console(theme=THEME, file=io.StringIO(), record=True, width=120, color_system=None)
    return Console(theme=THEME, stderr=stderr, highlight=False)
