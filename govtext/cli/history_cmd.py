"""``govtext history``: follow a document through its versions; exit 0, or 2 for trouble."""

from __future__ import annotations

import click

from govtext.cli.common import emit, emit_rich

FORMATS = ("terminal", "json", "csv", "html")
_BY_SUFFIX = {".json": "json", ".csv": "csv", ".html": "html", ".htm": "html"}


@click.command()
@click.argument("versions", nargs=-1, required=True, metavar="VERSION...")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Report format [default: from -o's extension (.json .csv .html), else terminal].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file (atomically) instead of standard output.")
@click.option("--pairs", is_flag=True,
              help="Print the N-1 successive diffs as govtext/diff JSON, one per line, instead of the history.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes diffing pairs in parallel [default: one per core].")
@click.option("--terms", "terms_file", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="More 提法 for the ledger, one a line (UTF-8; # starts a comment).")
@click.option("--blame", default=None, metavar="LABEL",
              help="Blame this version (its label, file name or date) instead of the last.")
@click.option("--order", "order_mode", type=click.Choice(["date", "given"]), default="date", show_default=True,
              help="Order versions by the date each states (header, 题注, year in the file name), "
              "or as given.")
def history(versions: tuple[str, ...], fmt: str | None, output: str | None, pairs: bool, jobs: int | None,
            terms_file: str | None, blame: str | None, order_mode: str) -> None:
    """Follow a document through two or more VERSIONs (text or govtext XML files, or a
    folder of them).

    Reports each section, item, enumeration and article through the versions
    (lineages), the count of each 提法 in every version (the ledger: protected
    terms, --terms, and terms that appear or disappear between versions), and
    for the last version (or --blame LABEL) the version since which each sentence
    stands in its present wording and the version that last changed each article
    or item.
    """
    from govtext.history import build_history

    result = build_history(list(versions), order_mode=order_mode, jobs=jobs, terms_file=terms_file, blame=blame,
                           keep_diffs=pairs)
    if pairs:
        from govtext.report.history_json import render_pairs

        emit(render_pairs(result), output)
        return
    if fmt is None:
        suffix = output.lower()[output.rfind("."):] if output and "." in output else ""
        fmt = _BY_SUFFIX.get(suffix, "terminal")
    if fmt == "terminal":
        from rich.console import Group

        from govtext.report.history_terminal import render

        emit_rich(Group(render(result), _targets_table(result)), output)
        return
    from importlib import import_module

    emit(import_module(f"govtext.report.history_{fmt}").render(result), output)


def _targets_table(result):
    """The indicator × year table of ``govtext targets`` for the same versions, in series order
    (policy texts only: a law sets no targets)."""
    from rich.console import Group

    from govtext.cli.common import load_document
    from govtext.report.targets_terminal import series_table
    from govtext.targets import load_target_lexicon, targets_of
    from govtext.targets.series import build_table

    lexicon = load_target_lexicon(None)
    docs = [load_document(version.path) for version in result.versions]
    if any(doc.genre != "policy" for doc in docs):
        return Group()
    table = build_table([targets_of(doc, lexicon) for doc in docs], lexicon)
    return series_table(table) if any(cell for row in table.rows for cell in row.cells) else Group()
