"""The ``govtext`` command: thin click commands over the library.

Only this package prints, exits or reads the environment.  Library errors
(:class:`govtext.errors.GovtextError`) become one line on stderr and exit 2.
"""

from __future__ import annotations

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
    "history": ("govtext.cli.history_cmd", "history"),
}


@click.group(cls=GovtextGroup, lazy_commands=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govtext")
def main() -> None:
    """Read, archive and compare Chinese policy documents and laws.

    Every FILE may be a text file (UTF-8, GB18030/GBK or UTF-16), govtext XML,
    or - for standard input.
    """
