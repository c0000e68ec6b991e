"""``govtext diff``: compare two versions; exit 0 no change, 1 changes, 2 trouble."""

from __future__ import annotations

import sys

import click

from govtext.cli.common import emit, emit_rich, lexicon_option, load_document
from govtext.diff.records import FAIL_ON_KINDS
from govtext.report import FORMATS


def _fail_on(ctx, param, value: str | None) -> frozenset[str] | None:
    if value is None:
        return None
    kinds = frozenset(part.strip() for part in value.split(",") if part.strip())
    unknown = sorted(kinds - set(FAIL_ON_KINDS))
    if unknown or not kinds:
        raise click.BadParameter(f"unknown kind {', '.join(unknown) or '(none)'}; choose from {', '.join(FAIL_ON_KINDS)}")
    return kinds


@click.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default=None,
              help="Report format [default: terminal on a terminal, text when piped or with -o].")
@click.option("--side-by-side", is_flag=True, help="Show old and new text in two columns instead of inline.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file (atomically) instead of standard output.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing; only the exit status tells.")
@click.option("--fail-on", "fail_on", callback=_fail_on, default=None, metavar="KINDS",
              help="Exit 1 only for these comma-separated kinds, e.g. removed,weakened "
              f"(any of: {', '.join(FAIL_ON_KINDS)}).")
@click.option("--userdict", type=click.Path(dir_okay=False), default=None,
              help="Extra protected 提法 in jieba's dictionary format (word [freq] [tag] a line).")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=0.5, show_default=True,
              help="Least similarity for two nodes to count as one node changed.")
@lexicon_option
def diff(old: str, new: str, fmt: str | None, side_by_side: bool, output: str | None, quiet: bool,
         fail_on: frozenset[str] | None, userdict: str | None, threshold: float, lexicon: str | None) -> None:
    """Compare OLD and NEW (text files, govtext XML, or - for one of them).

    Reports nodes added, removed, moved, renumbered, renamed, reworded, split,
    merged or changed only in formatting, the words changed inside them, and
    the 提法 that appear, disappear or shift in strength (鼓励 → 支持 → 要求).

    Exit status: 0 no changes; 1 changes (with --fail-on: changes of those
    kinds); 2 trouble (unreadable input, bad option).
    """
    if old == "-" and new == "-":
        raise click.BadParameter("only one of OLD and NEW can be standard input", param_hint="OLD/NEW")
    from govtext.cli.progress import progress
    from govtext.diff import diff_documents
    from govtext.report import renderer

    with progress("diff", quiet=quiet) as report:  # a bar on stderr only if this takes over a second on a terminal
        report("reading")
        result = diff_documents(load_document(old, lexicon), load_document(new, lexicon),
                                userdict=userdict, threshold=threshold, progress=report)
    code = result.return_code(fail_on)
    if quiet and not output:
        sys.exit(code)
    if fmt is None:
        fmt = "terminal" if sys.stdout.isatty() and not output else "text"
    report = renderer(fmt).render(result, side_by_side=side_by_side)
    if fmt == "terminal":
        emit_rich(report, output)
    else:
        emit(report, output)
    sys.exit(code)


