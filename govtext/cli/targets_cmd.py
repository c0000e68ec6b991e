"""``govtext targets``: the figures a policy sets, per document and across a series; exit 0, or 2."""

from __future__ import annotations

import click

from govtext.cli.common import (GovtextCommand, emit, emit_rich, fail, input_options, load_document,
                                output_format, output_option)
from govtext.cli.params import PathName

FORMATS = ("terminal", "json", "csv", "parquet", "html")
# What each format writes (-o's extension picks the format; a mismatch is an error).
WRITES = {"terminal": ("text",), "json": ("json",), "csv": ("csv",), "parquet": ("parquet",), "html": ("html",)}


@click.command(cls=GovtextCommand)
@click.argument("paths", type=PathName(), nargs=-1, required=True, metavar="FILE|DIR...")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format [default: from -o's extension (.json .csv .parquet .html), else terminal].")
@output_option()
@click.option("--lexicon", type=PathName(dir_okay=False, setting=True), default=None,
              help="TOML targets lexicon (indicator names and aliases, units, markers); replaces the default, "
              "or adds to it with 'extends = true'.")
@click.option("--all", "show_all", is_flag=True,
              help="Over a series: every indicator in the table, not only those set in two or more years.")
@input_options
def targets(paths: tuple[str, ...], fmt: str | None, output: str | None, lexicon: str | None,
            show_all: bool) -> None:
    """List the numeric targets each FILE sets for the coming period (国内生产总值增长5%左右,
    赤字率3%, 地方政府专项债券3.9万亿元 …), with normalised indicator names; over several files
    or a DIR, a table of indicators by year.

    The review of past years, multi-year goals, forecasts and restatements are left out.
    """
    from govtext.history.order import expand
    from govtext.history.records import HistoryError
    from govtext.targets import load_target_lexicon, targets_of

    fmt = output_format(fmt, output, WRITES, default="terminal")
    lex = load_target_lexicon(lexicon)
    try:
        files = expand(list(paths)) if any(p != "-" for p in paths) else list(paths)
    except HistoryError as exc:
        fail(str(exc))
    documents = [targets_of(load_document(path), lex) for path in files]
    table = None
    if len(documents) > 1 or fmt in ("csv", "parquet", "html"):
        from govtext.targets.series import build_table

        table = build_table(documents, lex, every=show_all)
    if fmt == "json":
        from govtext.report.targets_json import render

        emit(render(documents, table), output)
    elif fmt == "terminal":
        from govtext.report.targets_terminal import render

        emit_rich(render(documents, table), output)
    elif fmt == "csv":
        from govtext.report.targets_table import render_csv

        emit(render_csv(table), output)
    elif fmt == "parquet":
        from govtext.report.targets_table import render_parquet

        if not output or output == "-":
            fail("parquet is written to a file: give -o FILE.parquet")
        emit(render_parquet(table), output)
    else:
        from govtext.report.targets_html import render

        emit(render(documents, table), output)
