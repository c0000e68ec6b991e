"""The ``govtext`` command: thin click commands over the library.

Only this package prints, exits or reads the environment.  Library errors
(:class:`govtext.errors.GovtextError`) become one line on stderr and exit 2.
"""

from __future__ import annotations

import click

from govtext import __version__
from govtext.cli.common import GovtextGroup


@click.group(cls=GovtextGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govtext")
def main() -> None:
    """Read, archive and compare Chinese policy documents and laws.

    Every FILE may be a text file (UTF-8, GB18030/GBK or UTF-16), govtext XML,
    or - for standard input.
    """


def _register() -> None:
    # Each command lives in its own module; importing them is cheap (no jieba, no lxml).
    from govtext.cli import tree_cmd

    main.add_command(tree_cmd.tree)
    for module_name in ("xml_cmd", "diff_cmd"):
        try:
            module = __import__(f"govtext.cli.{module_name}", fromlist=["COMMANDS"])
        except ModuleNotFoundError as exc:
            if exc.name != f"govtext.cli.{module_name}":
                raise
            continue
        for command in module.COMMANDS:
            main.add_command(command)


_register()
