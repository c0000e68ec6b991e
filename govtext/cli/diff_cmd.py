"""``govtext diff``: compare two versions; exit 0 no change, 1 changes, 2 trouble."""

from __future__ import annotations

import sys

import click

from govtext.cli.common import (GovtextCommand, emit, emit_rich, fail, input_options, lexicon_option,
                                load_document, output_format, output_option, stdout_is_terminal)
from govtext.cli.params import NumberRange, PathName
from govtext.diff.records import FAIL_ON_KINDS
from govtext.report import DOCUMENT_FORMATS, FORMATS

TARGETS = "targets"
"""--fail-on kind: a target figure changed, appeared or went (govtext.targets.compare)."""


# What each format can write (-o's extension picks the format; a mismatch is an error).
# The first format for a kind of file is the one its extension chooses.
WRITES = {"text": ("text",), "terminal": ("text",), "json": ("json",), "xml": ("xml",), "html": ("html",),
          "markdown": ("markdown",), "redline": ("docx",), "table": ("markdown", "html", "docx"),
          "decision": ("text", "markdown")}
# The lawyers' formats read articles: on texts without any they would say "no change".
ARTICLE_FORMATS = ("decision", "table")


def _fail_on(ctx, param, value: str | None) -> frozenset[str] | None:
    if value is None:
        return None
    kinds = frozenset(part.strip() for part in value.split(",") if part.strip())
    unknown = sorted(kinds - set(FAIL_ON_KINDS) - {TARGETS})
    if unknown or not kinds:
        raise click.BadParameter(f"unknown kind {', '.join(unknown) or '(none)'}; "
                                 f"choose from {', '.join((*FAIL_ON_KINDS, TARGETS))}")
    return kinds


@click.command(cls=GovtextCommand)
@click.argument("old", type=PathName(), metavar="OLD")
@click.argument("new", type=PathName(), metavar="NEW")
@click.option("--format", "fmt", type=click.Choice([*FORMATS, *DOCUMENT_FORMATS]), default=None,
              help="Report format [default: from -o's extension (.txt .json .xml .html .md .docx), else terminal "
              "on a terminal and text when piped].")
@click.option("--side-by-side", is_flag=True, help="Show old and new text in two columns instead of inline.")
@output_option("Write the report")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing; only the exit status tells.")
@click.option("--fail-on", "fail_on", callback=_fail_on, default=None, metavar="KINDS",
              help="Exit 1 only for these comma-separated kinds, e.g. removed,weakened "
              f"(any of: {', '.join(FAIL_ON_KINDS)}, {TARGETS}).")
@click.option("--userdict", type=PathName(dir_okay=False, setting=True), default=None,
              help="Extra protected 提法 in jieba's dictionary format (word [freq] [tag] a line).")
@click.option("--threshold", type=NumberRange(0.0, 1.0), default=None,
              help="Least similarity for two nodes to count as one node changed, a hard line "
              "[default: 0.35 for policy texts, 0.5 for laws].")
@click.option("--match", "match", multiple=True, metavar="OLD=NEW",
              help="Pair these two nodes whatever the alignment thinks (by id, number or title; repeatable).")
@click.option("--matches", "matches_file", type=PathName(dir_okay=False, setting=True), default=None,
              help="A file of OLD=NEW pairs to pin, one a line (# starts a comment).")
@click.option("--unmatch", "unmatch", multiple=True, metavar="OLD=NEW",
              help="Never pair these two nodes (repeatable).")
@click.option("--all", "show_all", is_flag=True,
              help="List every renumbered-only and mechanical change instead of summarising them; "
              "with --format table, every article (unchanged ones as 同左).")
@lexicon_option
@input_options
def diff(old: str, new: str, fmt: str | None, side_by_side: bool, output: str | None, quiet: bool,
         fail_on: frozenset[str] | None, userdict: str | None, threshold: float | None, match: tuple[str, ...],
         matches_file: str | None, unmatch: tuple[str, ...], show_all: bool, lexicon: str | None) -> None:
    """Compare OLD and NEW (text files, govtext XML, or - for one of them).

    Nodes are paired by content, wherever they sit.  Reports nodes added,
    removed, moved, renumbered, renamed, reworded, split or merged, the words
    changed inside them, and the 提法 that appear, disappear or shift in strength
    (鼓励 → 支持 → 要求).  Mechanical edits — formatting, a word replaced
    throughout, references following the renumbering — are summarised, as are
    nodes only renumbered (--all lists them).

    Exit status: 0 no changes, or only mechanical ones; 1 changes (with
    --fail-on: changes of those kinds); 2 trouble (unreadable input, bad option).
    """
    if old == "-" and new == "-":
        raise click.BadParameter("only one of OLD and NEW can be standard input", param_hint="OLD/NEW")
    from govtext.cli.progress import progress
    from govtext.diff import diff_documents
    from govtext.diff.pins import parse_pair
    from govtext.report import render_report, renderer

    fmt = output_format(fmt, output, WRITES, default="")  # "": no -o, or one that names no format
    pins = [parse_pair(text) for text in match] + (_read_matches(matches_file) if matches_file else [])
    # An empty side (/dev/null, a new file in CI) is the empty document: all added or removed.
    with progress("diff", quiet=quiet) as report:  # a bar on stderr only if this takes over a second on a terminal
        report("reading")
        old_doc = load_document(old, lexicon, allow_empty=True)
        new_doc = load_document(new, lexicon, allow_empty=True)
        result = diff_documents(old_doc, new_doc, userdict=userdict, threshold=threshold, match=pins,
                                unmatch=[parse_pair(text) for text in unmatch], progress=report)
    if fmt in ARTICLE_FORMATS:
        _require_articles(fmt, ((old, old_doc), (new, new_doc)))
    wanted = not quiet or output or (fail_on and TARGETS in fail_on)  # -q alone: only the exit status
    targets = _compare_targets(old_doc, new_doc) if wanted and fmt not in DOCUMENT_FORMATS else None
    code = result.return_code(fail_on - {TARGETS} if fail_on else None) if fail_on != {TARGETS} else 0
    if fail_on and TARGETS in fail_on:  # the targets kind is judged here, the others by the diff
        code = max(code, int(bool(targets and targets.changed)))
    if fmt in DOCUMENT_FORMATS and output and output != "-" and fail_on is None:
        code = 0  # the document asked for was written: success, unless --fail-on says what fails
    if quiet and not output:
        sys.exit(code)
    on_terminal = stdout_is_terminal() and not output
    if not fmt or (fmt == "terminal" and not on_terminal):
        # Colours are the terminal report's only marks: off a terminal, the text
        # format's [-deleted-]{+inserted+} keep old and new words apart.
        fmt = "terminal" if on_terminal else "text"
    if fmt in DOCUMENT_FORMATS:  # decision, 对照表, redline: drawn from both documents too
        report = renderer(fmt).render_documents(result, old_doc, new_doc, output=output, all_articles=show_all)
    else:
        report = render_report(fmt, result, side_by_side=side_by_side, show_all=show_all, targets=targets)
    if fmt == "terminal":
        emit_rich(report, output)
    else:
        emit(report, output)
    sys.exit(code)


def _require_articles(fmt: str, sides) -> None:
    from govtext.model import ARTICLE

    for name, doc in sides:
        if not any(node.type == ARTICLE for node in doc.root.walk()):
            fail(f"--format {fmt} compares laws article by article, and {name} has no articles (第X条); "
                 "use --format text, html or markdown")


def _compare_targets(old_doc, new_doc):
    from govtext.targets.compare import compare_targets

    return compare_targets(old_doc, new_doc)


def _read_matches(path: str) -> list[tuple[str, str]]:
    from govtext.diff.data import read_user_file
    from govtext.diff.pins import read_pairs

    return read_pairs(read_user_file(path, "matches file").splitlines())
