"""``govtext amend``: apply a 修正案 / 修改决定 to a law; exit 2 naming every item that fails."""

from __future__ import annotations

import json
import sys

import click

from govtext.cli.common import (EXIT_TROUBLE, GovtextCommand, emit, input_options, lexicon_option,
                                load_document, output_format, output_option, read_options, warn)
from govtext.cli.params import PathName
from govtext.escape import one_line, visible  # document text and names shown, never obeyed


@click.command(cls=GovtextCommand)
@click.argument("old", type=PathName(), metavar="OLD")
@click.argument("instruments", type=PathName(), metavar="INSTRUMENT...", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "xml"]), default=None,
              help="The amended text, its JSON outline (govtext/outline) or govtext XML "
              "[default: from -o's extension (.txt .json .xml), else text].")
@output_option()
@click.option("--explain", is_flag=True,
              help="Print how each item of the instrument was read, one line each, and apply nothing.")
@click.option("--part", type=click.IntRange(min=1), default=None,
              help="For a decision amending several laws: the part to apply (default: the part whose law is OLD's title).")
@click.option("--check", "published", type=PathName(dir_okay=False), default=None, metavar="PUBLISHED",
              help="Compare the result with a published text article by article (spaces and width forms aside) "
              "instead of printing it; exit 1 when articles differ.")
@click.option("--partial", is_flag=True,
              help="Apply the items that can be applied, mark each other one in the text (【未适用：…】) and on "
              "stderr, exit 1.")
@click.option("--annotate", is_flag=True,
              help="The annotated text (编注版): after each changed article （根据DATE《INSTRUMENT》修改/增加/删去）.")
@lexicon_option
@input_options
def amend(old: str, instruments: tuple[str, ...], fmt: str | None, output: str | None, explain: bool, part: int | None,
          published: str | None, partial: bool, annotate: bool, lexicon: str | None) -> None:
    """Apply INSTRUMENT (a 修正案 or 修改决定) to OLD and print the amended law; several
    INSTRUMENTs apply in order (a law and its successive amendments).

    Items are read as operations: modify, add or delete an article, 款, 项 or 目;
    insert with 之一 numbering or renumber (对条文顺序作相应调整, cross-references
    follow); replace, insert or delete words in listed articles or throughout;
    merge, split, move. Items that cannot be applied are an error: exit 2, every
    failing item named on stderr, nothing written (with --partial: applied
    without them, exit 1). Warnings (a reference to an article that no longer
    exists, an explicit new number the result disagrees with) go to stderr.
    """
    from govtext.amend.annotate import Notes
    from govtext.amend.api import AmendError, amend_document, head_of, read_instrument
    from govtext.amend.lawtext import from_document
    from govtext.pipeline import parse_text, read_text

    fmt = output_format(fmt, output, {"text": ("text", "markdown"), "json": ("json",), "xml": ("xml",)}, "text")
    doc = load_document(old, lexicon)
    parsed_all, notes, unapplied, result = [], Notes(), [], None
    for path in instruments:
        text = read_text(path, read_options(), warn)  # read as OLD is: --encoding, --input-format …
        parsed = read_instrument(text, head_of(doc), part)
        parsed_all.append(parsed)
        if explain:
            for item in parsed.items:
                number = item.number or "(closing)"
                reading = "; ".join(op.describe() for op in item.operations) if item.understood else item.problem
                click.echo(one_line(f"{number} {reading}"))
            continue
        try:
            result = amend_document(doc, parsed, partial)
        except AmendError as exc:
            prefix = f"{path}: " if len(instruments) > 1 else ""
            for failure in exc.failures:
                click.echo(f"govtext: error: {one_line(f'{prefix}{failure}')}", err=True)
            sys.exit(EXIT_TROUBLE)
        if annotate:
            notes.add(from_document(doc), result, parsed)
        for warning in result.warnings:
            click.echo(f"govtext: warning: {one_line(str(warning))}", err=True)
        for failure in result.unapplied:
            click.echo(f"govtext: not applied: {one_line(str(failure))}", err=True)
        unapplied.extend(result.unapplied)
        doc = parse_text(result.text, name=output)
    if explain:
        sys.exit(0 if all(item.understood for p in parsed_all for item in p.items) else 1)
    amended_text = notes.apply(result.law).text() if annotate else result.text
    if published is not None:
        _check(result.text, load_document(published, lexicon), output, fmt, parsed_all)
    if fmt == "text":
        emit(amended_text, output)
        sys.exit(1 if unapplied else 0)
    amended = parse_text(amended_text, name=output)
    if fmt == "xml":
        from govtext.xmlfmt import export

        if annotate:
            from govtext.amend.annotate import mark_notes

            amended = mark_notes(amended)  # the notes as their own nodes, not 款 of the article
        emit(export(amended), output)
        sys.exit(1 if unapplied else 0)
    from govtext.outline_json import document_to_dict

    data = document_to_dict(amended)
    data["amendment"] = {
        "instrument": parsed_all[-1].title,
        "instruments": [p.title for p in parsed_all],
        "renumbered": [{"old": a, "new": b} for a, b in result.renumbered],
        "references_updated": [{"article": a, "old": b, "new": c} for a, b, c in result.xref_updates],
        "warnings": list(result.warnings),
        "not_applied": unapplied,
        "annotations": notes.records if annotate else [],
    }
    emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    sys.exit(1 if unapplied else 0)


def _check(amended_text: str, published, output: str | None, fmt: str, instruments) -> None:
    """Article by article: the amended text against the published one; every difference the
    instruments do not explain is listed (exit 1), explained ones are counted apart."""
    from govtext.amend.compare import compare_articles, explanation
    from govtext.pipeline import parse_text

    if output and fmt == "text":
        emit(amended_text, output)
    differences = compare_articles(parse_text(amended_text), published)
    explained = [(d, explanation(d, instruments)) for d in differences]
    unexplained = [d for d, why in explained if why is None]
    if not differences:
        click.echo(f"the amended text equals {one_line(published.source.path)} article by article")
        sys.exit(0)
    for d, why in explained:
        if why is not None:
            click.echo(one_line(f"{d.label}: differs as the instrument says ({why})"))
    if not unexplained:
        click.echo(f"the amended text equals {one_line(published.source.path)} article by article, "
                   f"except {len(differences)} difference(s) the instrument explains")
        sys.exit(0)
    count = len(unexplained)
    click.echo(f"{count} article{'s' if count > 1 else ''} differ from {one_line(published.source.path)} "
               "in ways no item explains (review them):")
    for d in unexplained:
        ours, theirs = d.excerpts()
        click.echo(visible(d.label))
        click.echo(f"  amended:   {visible(ours) if d.ours is not None else '(no such article)'}")
        click.echo(f"  published: {visible(theirs) if d.theirs is not None else '(no such article)'}")
    sys.exit(1)
