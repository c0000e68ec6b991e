"""``govtext history``: follow a document through its versions; exit 0, or 2 for trouble."""

from __future__ import annotations

import click

from govtext.cli.common import (GovtextCommand, emit, emit_rich, input_options, jobs_option, lexicon_option,
                                output_format, output_option, quiet_option, read_options, warn)
from govtext.cli.params import PathName

FORMATS = ("terminal", "json", "csv", "html")
# What each format writes (-o's extension picks the format; a mismatch is an error).
WRITES = {"terminal": ("text",), "json": ("json",), "csv": ("csv",), "html": ("html",)}


@click.command(cls=GovtextCommand)
@click.argument("versions", type=PathName(), nargs=-1, required=True, metavar="VERSION...")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Report format [default: from -o's extension (.json .csv .html .txt), else terminal].")
@output_option("Write the report")
@click.option("--pairs", is_flag=True,
              help="Print the N-1 successive diffs as govtext/diff JSON, one per line, instead of the history.")
@jobs_option
@click.option("--terms", "terms_files", multiple=True, type=PathName(dir_okay=False, setting=True), metavar="FILE",
              help="More 提法 for the ledger, one a line (UTF-8; # starts a comment); repeatable.")
@click.option("--blame", default=None, metavar="LABEL",
              help="Blame this version (its label, file name or date) instead of the last.")
@click.option("--order", "order_mode", type=click.Choice(["date", "given"]), default="date", show_default=True,
              help="Order versions by the date each states (header, 题注, year in the file name), "
              "or as given.")
@quiet_option
@lexicon_option
@input_options
def history(versions: tuple[str, ...], fmt: str | None, output: str | None, pairs: bool, jobs: int | None,
            terms_files: tuple[str, ...], blame: str | None, order_mode: str, quiet: bool,
            lexicon: str | None) -> None:
    """Follow a document through two or more VERSIONs (any document govtext reads —
    text, govtext XML, Word, PDF, web pages — or a folder of them).

    Reports each section, item, enumeration and article through the versions
    (lineages), the count of each 提法 in every version (the ledger: protected
    terms, --terms, and terms that appear or disappear between versions), and
    for the last version (or --blame LABEL) the version since which each sentence
    stands in its present wording and the version that last changed each article
    or item.  Versions that do not look like one document (a law among policy
    texts, another title) are named in a warning.
    """
    from govtext.cli.progress import progress_bar
    from govtext.history import build_history
    from govtext.history.order import expand

    fmt = "json" if pairs else output_format(fmt, output, WRITES, default="terminal")
    steps = max(len(expand(list(versions))) - 1, 0)
    with progress_bar("diffing versions", 0 if quiet else steps) as advance:
        result = build_history(list(versions), order_mode=order_mode, jobs=jobs, blame=blame, keep_diffs=pairs,
                               terms_files=terms_files, options=read_options(), lexicon=lexicon,
                               advance=(lambda n: [advance() for _ in range(n)]) if advance else None,
                               warn=warn, targets=fmt == "terminal" and not pairs)
    for message in result.warnings:
        warn(message)
    if pairs:
        from govtext.report.history_json import render_pairs

        emit(render_pairs(result), output)
    elif fmt == "terminal":
        from rich.console import Group

        from govtext.report.history_terminal import render

        emit_rich(Group(render(result), _targets_table(result)), output)
    else:
        from importlib import import_module

        emit(import_module(f"govtext.report.history_{fmt}").render(result), output)
    if output and output != "-" and not quiet:
        click.echo(f"written: {output}", err=True)  # on stderr: with -o, stdout stays empty


def _targets_table(result):
    """The indicator × year table of ``govtext targets`` for the same versions, in series order
    (policy texts only: a law sets no targets), from the targets the workers read."""
    from rich.console import Group

    from govtext.report.targets_terminal import series_table
    from govtext.targets import load_target_lexicon
    from govtext.targets.series import build_table

    if not result.targets or any(doc is None for doc in result.targets):
        return Group()
    table = build_table(list(result.targets), load_target_lexicon(None))
    return series_table(table) if any(cell for row in table.rows for cell in row.cells) else Group()
