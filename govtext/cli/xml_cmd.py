"""``govtext xml`` and ``govtext validate``: the XML archive format and Akoma Ntoso."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

import click

from govtext.cli.common import (GovtextCommand, emit, fail, input_argument, input_options, jobs_option,
                                lexicon_option, load_document, max_bytes_option, output_format,
                                quiet_option, read_options, warn)
from govtext.cli.params import PathName
from govtext.escape import one_line

FORMATS = ("govtext", "akn")


@click.command("xml", cls=GovtextCommand)
@input_argument
@click.option("-o", "--output", type=PathName(writable=True, output=True), default=None,
              help="Write to this file (atomically); for a folder FILE, the folder to write into.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="govtext", show_default=True,
              help="govtext: the archive format (govtext/xml version 1, lossless, read back by every command); "
              "akn: Akoma Ntoso 3.0 (OASIS LegalDocML).")
@click.option("--timestamp", is_flag=True, help="Record the time of export (the output is then no longer reproducible).")
@jobs_option
@click.option("-r", "--recursive", is_flag=True,
              help="Folder mode: convert subfolders too, mirrored under OUTDIR.")
@quiet_option
@lexicon_option
@input_options
def xml(file: str | None, output: str | None, fmt: str, timestamp: bool, jobs: int | None, recursive: bool,
        quiet: bool, lexicon: str | None) -> None:
    """Export FILE (default: the bundled sample) as XML.

    The output is UTF-8, indented and deterministic: the same input gives
    byte-identical XML.  It keeps every character of the text and validates
    against the schema shipped with govtext (see `govtext validate`).

    FILE may be a folder: every document in it (.txt, .html, .docx, .doc, .rtf,
    .wps, .pdf, .xml) is converted, in parallel, with the read options given, to
    OUTDIR/NAME.xml (-o OUTDIR is required; -r for subfolders).  Other files are
    listed as skipped with the reason; two inputs that would write one output are
    an error before anything is written.  A file that fails is reported by name
    and the others still converted; the exit status is then 1.
    """
    when = datetime.now(timezone.utc) if timestamp else None
    if file and file != "-" and Path(file).is_dir():
        _convert_folder(file, output, fmt, when, jobs, lexicon, recursive, quiet)
        return
    output_format(fmt, output, {"govtext": ("xml",), "akn": ("xml",)}, default="govtext")  # -o r.json: an error
    doc = load_document(file, lexicon)
    from govtext.xmlfmt import export_pieces

    emit(export_pieces(doc, fmt, when), output)


def _convert_folder(folder: str, output: str | None, fmt: str, when, jobs: int | None, lexicon: str | None,
                    recursive: bool, quiet: bool = False) -> None:
    from govtext.batch import convert_folder, plan_folder

    if not output:
        fail(f"{folder} is a folder: give -o OUTDIR to write the XML files into")
    if Path(output).exists() and not Path(output).is_dir():
        fail(f"{output}: exists and is not a folder")
    # OutputClash: exit 2, nothing written.  The read options travel in each Task to the workers.
    plan = plan_folder(folder, output, fmt, when, lexicon, recursive, read_options())
    for skip in () if quiet else plan.skipped:
        click.echo(f"govtext: skipped {one_line(skip.path)}: {one_line(skip.reason)}", err=True)
    tasks = plan.tasks
    if not tasks:
        fail(f"{folder}: no documents to convert")
    for made in plan.folders:
        try:
            Path(made).mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            fail(f"{made}: exists and is not a folder")
        except OSError as exc:
            fail(f"{made}: cannot create the folder ({exc.strerror or exc})")
    from govtext.cli.progress import progress_bar

    failed = 0
    with progress_bar("converting", 0 if quiet else len(tasks)) as advance:
        for result in convert_folder(tasks, jobs):
            if advance is not None:
                advance()
            for message in result.warnings:
                warn(message)
            if result.error:
                failed += 1
                click.echo(f"govtext: error: {one_line(result.error)}", err=True)
    done = len(tasks) - failed
    if not quiet:
        click.echo(f"govtext: {done} of {len(tasks)} files converted to {one_line(output)}", err=True)
    if failed:
        sys.exit(1)


@click.command(cls=GovtextCommand)
@click.argument("file", type=PathName(), metavar="FILE.xml")
@max_bytes_option
def validate(file: str) -> None:
    """Check FILE.xml against govtext's XML schema (format govtext/xml, version 1).

    Exit status: 0 valid; 1 invalid (each problem on stderr with its line
    number); 2 unreadable (missing, malformed or hostile XML).
    """
    from govtext.textio import read_bytes, streamable_file
    from govtext.xmlfmt.validate import validate_bytes, validate_file

    max_bytes = read_options().max_bytes
    if streamable_file(file, max_bytes):  # read from disk as it is checked: memory stays near a chunk
        problems = validate_file(file, reparse=_reparse)
    else:
        raw = read_bytes(file, max_bytes)
        problems = validate_bytes(raw.data, raw.name, reparse=_reparse)
    if problems:
        for problem in problems:
            click.echo(one_line(f"{file}: {problem}"), err=True)
        plural = "s" if len(problems) > 1 else ""
        click.echo(f"govtext: {one_line(file)}: invalid govtext XML ({len(problems)} problem{plural})", err=True)
        sys.exit(1)
    emit(f"{one_line(file)}: valid govtext XML\n", None)




def _reparse(text: str):
    """The outline govtext gives ``text`` today (to name the first node an archive changed)."""
    from govtext.errors import GovtextError
    from govtext.pipeline import parse_text

    try:
        return parse_text(text).root
    except GovtextError:  # e.g. an empty text: only the hint is lost, the verdict stands
        return None
