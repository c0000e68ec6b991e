"""``govtext amend``: apply a 修正案 / 修改决定 to a law; exit 2 naming every item that fails."""

from __future__ import annotations

import json
import sys

import click

from govtext.cli.common import (EXIT_TROUBLE, emit, input_options, lexicon_option, load_document, output_format,
                                read_options, warn)


@click.command()
@click.argument("old", metavar="OLD")
@click.argument("instrument", metavar="INSTRUMENT")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "xml"]), default=None,
              help="The amended text, its JSON outline (govtext/outline) or govtext XML "
              "[default: from -o's extension (.txt .json .xml), else text].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file (atomically) instead of standard output.")
@click.option("--explain", is_flag=True,
              help="Print how each item of the instrument was read, one line each, and apply nothing.")
@click.option("--part", type=click.IntRange(min=1), default=None,
              help="For a decision amending several laws: the part to apply (default: the part whose law is OLD's title).")
@click.option("--check", "published", type=click.Path(dir_okay=False), default=None, metavar="PUBLISHED",
              help="Compare the result with a published text article by article (spaces and width forms aside) "
              "instead of printing it; exit 1 when articles differ.")
@lexicon_option
@input_options
def amend(old: str, instrument: str, fmt: str | None, output: str | None, explain: bool, part: int | None,
          published: str | None, lexicon: str | None) -> None:
    """Apply INSTRUMENT (a 修正案 or 修改决定) to OLD and print the amended law.

    Items are read as operations: modify, add or delete an article, 款, 项 or 目;
    insert with 之一 numbering or renumber (对条文顺序作相应调整, cross-references
    follow); replace or delete words in listed articles or throughout; merge,
    move. An item that cannot be applied is an error: exit 2, every failing
    item named on stderr, nothing written. Warnings (a reference to an article
    that no longer exists, an explicit new number the result disagrees with)
    go to stderr.
    """
    from govtext.amend.api import AmendError, amend_document, read_instrument, title_of
    from govtext.pipeline import read_text

    fmt = output_format(fmt, output, {"text": ("text", "markdown"), "json": ("json",), "xml": ("xml",)}, "text")
    doc = load_document(old, lexicon)
    text = read_text(instrument, read_options(), warn)  # read as OLD is: --encoding, --input-format …
    parsed = read_instrument(text, title_of(doc), part)
    if explain:
        for item in parsed.items:
            number = item.number or "(closing)"
            reading = "; ".join(op.describe() for op in item.operations) if item.understood else item.problem
            click.echo(f"{number} {reading}")
        sys.exit(0 if all(item.understood for item in parsed.items) else 1)
    try:
        result = amend_document(doc, parsed)
    except AmendError as exc:
        for failure in exc.failures:
            click.echo(f"govtext: error: {failure}", err=True)
        sys.exit(EXIT_TROUBLE)
    for warning in result.warnings:
        click.echo(f"govtext: warning: {warning}", err=True)
    if published is not None:
        _check(result.text, load_document(published, lexicon), output, fmt)
    if fmt == "text":
        emit(result.text, output)
        return
    from govtext.pipeline import parse_text

    amended = parse_text(result.text, name=output)
    if fmt == "xml":
        from govtext.xmlfmt import export

        emit(export(amended), output)
        return
    from govtext.outline_json import document_to_dict

    data = document_to_dict(amended)
    data["amendment"] = {
        "instrument": parsed.title,
        "renumbered": [{"old": a, "new": b} for a, b in result.renumbered],
        "references_updated": [{"article": a, "old": b, "new": c} for a, b, c in result.xref_updates],
        "warnings": list(result.warnings),
    }
    emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)


def _check(amended_text: str, published, output: str | None, fmt: str) -> None:
    """Article by article: the amended text against the published one."""
    from govtext.amend.compare import compare_articles
    from govtext.pipeline import parse_text

    if output and fmt == "text":
        emit(amended_text, output)
    differences = compare_articles(parse_text(amended_text), published)
    if not differences:
        click.echo(f"the amended text equals {published.source.path} article by article")
        sys.exit(0)
    click.echo(f"{len(differences)} article{'s' if len(differences) > 1 else ''} differ from {published.source.path}:")
    for d in differences:
        ours, theirs = d.excerpts()
        click.echo(d.label)
        click.echo(f"  amended:   {ours if d.ours is not None else '(no such article)'}")
        click.echo(f"  published: {theirs if d.theirs is not None else '(no such article)'}")
    sys.exit(1)
