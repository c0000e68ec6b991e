"""The ``govtext`` command: thin click commands over the library.

Only this package prints, exits or reads the environment.  Library errors
(:class:`govtext.errors.GovtextError`) become one line on stderr and exit 2.
"""

from __future__ import annotations

import gc
import os
import sys

import click

from govtext import __version__
from govtext.cli.common import GovtextGroup

# Each command lives in its own module, imported only when that command runs, so
# `govtext tree` never pays for the differ's or the XML package's imports.
COMMANDS = {
    "tree": ("govtext.cli.tree_cmd", "tree"),
    "xml": ("govtext.cli.xml_cmd", "xml"),
    "validate": ("govtext.cli.xml_cmd", "validate"),
    "diff": ("govtext.cli.diff_cmd", "diff"),
    "ledger": ("govtext.cli.ledger_cmd", "ledger"),
    "amend": ("govtext.cli.amend_cmd", "amend"),
    "history": ("govtext.cli.history_cmd", "history"),
    "targets": ("govtext.cli.targets_cmd", "targets"),
}


@click.group(cls=GovtextGroup, lazy_commands=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govtext")
def main() -> None:
    """Read, archive and compare Chinese policy documents and laws.

    Every FILE may be a text file (UTF-8, GB18030/GBK or UTF-16), govtext XML,
    or - for standard input.
    """
    cache_dir = os.environ.get("GOVTEXT_CACHE_DIR")
    if cache_dir:  # the library never reads the environment: the CLI hands it over
        from govtext import cache

        cache.configure(cache_dir)


def run() -> None:
    """The ``govtext`` console script: :func:`main`, then leave without tearing anything down.

    Freeing a parsed law, a diff and a mapped dictionary object by object costs
    tens of milliseconds that nobody waits for: once the output is flushed the
    process ends with ``os._exit``.  A stream that fails to flush takes the
    ordinary exit instead, so Python reports it as it always has.
    """
    # A command builds thousands of objects that live until exit (tree nodes, rows); the
    # collector's default pass every 700 allocations rescans them for cycles they never form
    # (~9 ms of a piped `govtext tree`).  Cycles are still collected, in larger batches.
    gc.set_threshold(100_000)
    from govtext.interrupt import handle_sigterm

    handle_sigterm()  # SIGTERM unwinds like Ctrl-C: no temporary file left behind
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    try:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
    except (OSError, ValueError, AttributeError):
        raise SystemExit(code) from None
    os._exit(code)
