"""``govtext tree``: the outline in the terminal, or as JSON."""

from __future__ import annotations

import click

from govtext.cli.common import (GovtextCommand, emit, emit_rich, input_argument, input_options,
                                lexicon_option, load_document, output_format, output_option)

# What each format writes (-o's extension picks the format; a mismatch is an error).
WRITES = {"terminal": ("text",), "json": ("json",)}


@click.command(cls=GovtextCommand)
@input_argument
@click.option("--format", "fmt", type=click.Choice(["terminal", "json"]), default=None,
              help="A Rich tree, or the JSON outline (format govtext/outline, version 1) "
              "[default: from -o's extension (.json, .txt), else terminal].")
@click.option("--depth", type=click.IntRange(min=0), default=None,
              help="Show only N levels below the document (JSON too: deeper nodes are left out).")
@click.option("--show", "show", type=click.Choice(["outline", "sentences", "text"]), default="outline",
              show_default=True, help="'sentences' also lists each lead, measure and statement; 'text' prints "
              "the text the outline was parsed from (for HTML, Word and PDF files: the extracted text).")
@output_option()
@click.option("--warnings", "warnings", is_flag=True,
              help="List numbering oddities (duplicates, gaps, going back …) on stderr, one line each.")
@lexicon_option
@input_options
def tree(file: str | None, fmt: str, depth: int | None, show: str, output: str | None, warnings: bool,
         lexicon: str | None) -> None:
    """Show the outline of FILE (default: the bundled sample on 加强和创新社会治理).

    Sections, items and their kinds (体制 system, 方式 method, 层级 tier), measure
    counts; laws as 编/章/节/条/款/项. Plain text when piped; NO_COLOR is respected.
    """
    fmt = output_format(fmt, output, WRITES, default="terminal") if show != "text" else "terminal"
    doc = load_document(file, lexicon)
    if warnings:
        _print_warnings(doc)
    if show == "text":
        emit(doc.text, output)
        return
    if fmt == "json":
        from govtext.outline_json import iter_json

        emit(iter_json(doc, depth), output)
        return
    from govtext.cli.plain import plain_width

    width = plain_width(output)
    if width is not None:  # no colour to draw: the same text without importing Rich
        from govtext.render.labels import outline
        from govtext.render.plain import render

        text = render(outline(doc, depth=depth, sentences=show == "sentences"), width)
        if text is not None:
            emit(text, output)
            return
    from govtext.render.tree import build_tree

    emit_rich(build_tree(doc, depth=depth, sentences=show == "sentences"), output)


def _print_warnings(doc) -> None:
    from govtext.escape import one_line

    name = doc.source.path or "sample"
    line, counted = 1, 0
    for diagnostic in doc.diagnostics:  # in document order: count newlines once, onwards
        line += doc.text.count("\n", counted, diagnostic.span[0])
        counted = diagnostic.span[0]
        click.echo(one_line(f"{name}:{line}: {diagnostic.level}: {diagnostic.message} [{diagnostic.code}]"), err=True)
