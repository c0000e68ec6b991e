"""``govtext ledger``: a 提法 table over a whole corpus, on local cores or a Dask cluster."""

from __future__ import annotations

import os
import sys

import click

from govtext.cli.common import (GovtextCommand, fail, input_options, lexicon_option, read_options, warn)
from govtext.cli.params import PathName

TOP_TERMS = 10
"""Terms listed in the summary."""


@click.command(cls=GovtextCommand)
@click.argument("paths", type=PathName(), nargs=-1, required=True, metavar="PATH...")
@click.option("-o", "--output", default=None, type=PathName(output=True), metavar="FILE",
              help="The long table (document × term × place): FILE.csv, FILE.parquet, or - for CSV on "
              "standard output. Without it, only the summary.")
@click.option("--wide", "wide", default=None, type=PathName(output=True), metavar="FILE",
              help="Also a wide table: one row per document, one count column per term (.csv or .parquet).")
@click.option("--error-table", "error_table", default=None, type=PathName(output=True), metavar="FILE",
              help="Where the documents that failed are listed (default: beside -o as NAME.errors.csv).")
@click.option("--terms", "terms_files", multiple=True, type=PathName(dir_okay=False, setting=True), metavar="FILE",
              help="Count these terms (one a line); repeatable. Default: the protected 提法 govtext ships.")
@click.option("--terms-from-diff", is_flag=True,
              help="Also count every heading/lead clause that names a task in some documents but not all "
              "(a first pass over the corpus finds them).")
@click.option("--protected/--no-protected", "with_protected", default=None,
              help="Count the shipped protected 提法 too (default: only when no other terms are given).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Local worker processes (default: one per core).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run on a Dask cluster: its scheduler address (tcp://host:8786), or 'local' for an "
              "in-process LocalCluster. Needs dask[distributed] (pip install '.[scale]' in the checkout), "
              "and govtext installed on every worker.")
@click.option("--batch-size", "batch_size", default=None, metavar="BYTES",
              help="Input per task sent to a worker (e.g. 4M, 500k; 0: one document per task). "
              "Default 4M, about a second of work: Dask's per-task cost then vanishes.")
@click.option("-q", "--quiet", is_flag=True, help="No summary; only the exit status tells.")
@lexicon_option
@input_options
def ledger(paths: tuple[str, ...], output: str | None, wide: str | None, error_table: str | None,
           terms_files: tuple[str, ...], terms_from_diff: bool, with_protected: bool | None, jobs: int | None,
           scheduler: str | None, batch_size: str | None, quiet: bool, lexicon: str | None) -> None:
    """Count 提法 in every document under PATH... (files, folders walked recursively).

    For each document: its metadata (title, date and issuer as its header states
    them, genre, sha256, characters) and each term's plain occurrence count in the
    whole document, per top-level section, in directive sentences (measures and
    leads) and in descriptive ones (statements).

    Exit status: 0 all documents read; 1 some failed (listed in the errors table
    and the summary; the others are all counted); 2 trouble (bad option, no documents).
    """
    from govtext.ledger.inputs import collect_inputs
    from govtext.ledger.run import LedgerPlan, run_ledger, terms_from_corpus
    from govtext.ledger.terms import combine, protected, read_terms_file
    from govtext.batching import parse_batch_size
    from govtext.cli.progress import progress_bar

    errors = error_table  # not named "errors" as a parameter: that is --errors, the decoding policy
    for target in (output, wide, errors):
        _check_target(target)
    try:
        batch_bytes = None if batch_size is None else parse_batch_size(batch_size)
    except ValueError as exc:
        fail(f"--batch-size: {exc}")
    if errors is None and output and output != "-":
        stem, suffix = os.path.splitext(output)
        errors = f"{stem}.errors{'.parquet' if suffix.lower() == '.parquet' else '.csv'}"
    inputs = collect_inputs(list(paths))
    for note in inputs.notes:
        warn(note)
    if not inputs.files:
        fail(f"no documents under {', '.join(paths)}")
    if lexicon:
        from govtext.lexicon import load_lexicon

        load_lexicon(lexicon)  # a bad lexicon is one error now, not one per document
    user_terms = combine(*(read_terms_file(path) for path in terms_files))
    if with_protected is None:
        with_protected = not user_terms and not terms_from_diff
    plan = LedgerPlan(inputs.files, (), lexicon, jobs, scheduler, read_options(), batch_bytes)
    corpus_terms: tuple[str, ...] = ()
    if terms_from_diff:
        with progress_bar("finding terms", len(plan.files)) as advance:
            corpus_terms = terms_from_corpus(plan, advance)
    terms = combine(protected() if with_protected else (), user_terms, corpus_terms)
    if not terms:
        fail("no terms to count")
    plan = LedgerPlan(inputs.files, terms, lexicon, jobs, scheduler, plan.options, batch_bytes)

    with progress_bar("counting", len(plan.files)) as advance:
        summary = run_ledger(plan, output, wide, errors, sys.stdout.buffer if "-" in (output, wide) else None,
                             advance)
    if not quiet:
        _print_summary(summary, inputs.skipped, output, wide, errors, to_stderr=output == "-" or wide == "-")
    if summary.failed:
        sys.exit(1)


def _check_target(target: str | None) -> None:
    if target and target != "-":
        suffix = os.path.splitext(target)[1].lower()
        if suffix not in (".csv", ".parquet"):
            fail(f"{target}: tables are written as .csv or .parquet")
        if suffix == ".parquet":
            try:
                import pyarrow  # noqa: F401
            except ImportError:
                fail(".parquet output needs pyarrow: pip install pyarrow (or '.[scale]' in govtext's checkout)")


def _print_summary(summary, skipped, output, wide, errors, to_stderr: bool) -> None:
    from rich.table import Table
    from rich.text import Text  # a term holding [/x] is text, not Rich markup

    from govtext.cli.console import make_console
    from govtext.escape import one_line, visible

    console = make_console(stderr=to_stderr)
    failed = len(summary.failed)
    console.print(f"{summary.documents} documents counted, {failed} failed, {len(skipped)} files skipped; "
                  f"{len(summary.terms)} terms", markup=False, highlight=False)
    table = Table(title=None, show_edge=False, pad_edge=False)
    table.add_column("term")
    table.add_column("documents", justify="right")
    table.add_column("occurrences", justify="right")
    top = sorted(summary.terms, key=lambda t: (-summary.documents_with[t], -summary.occurrences[t], t))[:TOP_TERMS]
    for term in top:
        table.add_row(Text(visible(term)), str(summary.documents_with[term]), str(summary.occurrences[term]))
    if top:
        console.print(table)
    for path, message in summary.failed[:TOP_TERMS]:
        console.print(f"failed: {one_line(message)}", markup=False, highlight=False)
    if failed > TOP_TERMS:
        console.print(f"… and {failed - TOP_TERMS} more", markup=False, highlight=False)
    for path, reason in skipped[:TOP_TERMS]:  # "1 files skipped" alone leaves the reader guessing which
        console.print(f"skipped: {visible(path)}: {visible(reason)}", markup=False, highlight=False, soft_wrap=True)
    if len(skipped) > TOP_TERMS:
        console.print(f"… and {len(skipped) - TOP_TERMS} more skipped", markup=False, highlight=False)
    written = [p for p in (output, wide) if p and p != "-"] + ([errors] if errors and errors != "-" else [])
    if written:
        console.print("written: " + ", ".join(visible(p) for p in written), markup=False, highlight=False)
