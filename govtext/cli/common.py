"""What every command shares: error mapping, the input argument and options, output.

Output goes through :func:`emit` / :func:`emit_rich` only, so every command
answers a closed or full standard output, an unwritable folder or a directory
given as ``-o`` the same way: one line on stderr, exit 2.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Iterable

import click

from govtext.cli.params import PathName
from govtext.errors import GovtextError, OutputError
from govtext.escape import one_line

EXIT_TROUBLE = 2
# click ≥ 8.2 raises this for a bare group invocation; older versions print help themselves.
_NO_ARGS = getattr(click.exceptions, "NoArgsIsHelpError", ())


class GovtextGroup(click.Group):
    """Maps library errors to one line on stderr and exit 2 — never a traceback.

    Commands are given as ``name -> (module, attribute)`` and imported on first use.
    """

    def __init__(self, *args, lazy_commands: dict[str, tuple[str, str]] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy_commands))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in self.lazy_commands:
            from importlib import import_module

            module, attribute = self.lazy_commands[name]
            self.add_command(getattr(import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        """Like click's, but a usage error is one line on stderr (exit 2), not a usage block."""
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.Abort as exc:
            from govtext.interrupt import Terminated

            terminated = isinstance(exc.__cause__, Terminated)
            click.echo(f"govtext: {'terminated' if terminated else 'interrupted'}", err=True)
            sys.exit(143 if terminated else 130)
        except _NO_ARGS as exc:  # plain `govtext`: the help, as a successful answer
            click.echo(exc.ctx.get_help())
            sys.exit(0)
        except click.ClickException as exc:
            # "govtext: error: diff: …" — the subcommand, never the program name twice.
            path = exc.ctx.command_path if getattr(exc, "ctx", None) is not None else ""
            where = f"{path.split(' ', 1)[1]}: " if " " in path else ""
            click.echo(f"govtext: error: {where}{one_line(exc.format_message())} (see --help)", err=True)
            sys.exit(exc.exit_code)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context):  # noqa: D401 - click API
        try:
            return super().invoke(ctx)
        except GovtextError as exc:
            fail(str(exc))
        except KeyboardInterrupt as exc:
            from govtext.interrupt import Terminated

            terminated = isinstance(exc, Terminated)
            click.echo(f"govtext: {'terminated' if terminated else 'interrupted'}", err=True)
            ctx.exit(143 if terminated else 130)
        except BrokenPipeError:
            # The reader went away (| head): no message, as cat and git say nothing when
            # SIGPIPE stops them; but not success either, the output is cut short.
            _silence_stdout()
            ctx.exit(EXIT_TROUBLE)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # usage errors and exits: GovtextGroup.main words them
        except MemoryError:
            fail("out of memory (a smaller input, or --max-bytes to refuse large ones)")
        except OSError as exc:
            # The system refused something no library error names (a file vanished mid-run,
            # a descriptor limit): still the user's environment, still one line.
            where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            fail(f"{where}{exc.strerror or exc}")
        except Exception as exc:
            # A bug in govtext.  Python's own ending — a traceback and exit 1 — would read as
            # "changes found" to a script running diff; exit 2 is "trouble", as documented.
            if os.environ.get("GOVTEXT_DEBUG"):
                raise
            fail(f"internal error ({type(exc).__name__}: {str(exc)[:200]}); this is a bug in govtext, "
                 "please report it (GOVTEXT_DEBUG=1 shows the traceback)")


class GovtextCommand(click.Command):
    """Every govtext command: before it runs, an output file that is one of its inputs
    (``tree a.txt -o a.txt``, ``diff old new -o new``) is refused — the atomic write would
    otherwise replace the document with the report, and the document would be gone."""

    def invoke(self, ctx: click.Context):
        _refuse_output_over_input(ctx)
        return super().invoke(ctx)


def _refuse_output_over_input(ctx: click.Context) -> None:
    outputs, inputs = [], []
    for param in ctx.command.params:
        if not isinstance(param.type, PathName):
            continue
        value = ctx.params.get(param.name)
        names = value if isinstance(value, (tuple, list)) else (value,)
        (outputs if param.type.output else inputs).extend(n for n in names if n and n != "-")
    for output in outputs:
        if not os.path.isfile(output):
            continue  # a new file, a folder (xml DIR -o OUTDIR), a device: replaces nothing read
        for source in inputs:
            try:
                same = os.path.samefile(output, source)
            except OSError:
                continue  # a missing input is reported when it is read
            if same:
                fail(f"{output}: is also an input ({source}); write the output to another file")


def fail(message: str) -> "None":
    # File names and input text in messages are shown escaped, never obeyed by the terminal.
    click.echo(f"govtext: error: {one_line(message)}", err=True)
    sys.exit(EXIT_TROUBLE)


def warn(message: str) -> None:
    click.echo(f"govtext: warning: {one_line(message)}", err=True)


input_argument = click.argument("file", required=False, metavar="[FILE|-]", type=PathName())

lexicon_option = click.option(
    "--lexicon",
    type=PathName(dir_okay=False, setting=True),
    default=None,
    help="TOML lexicon of kinds and directive openings (replaces the default; "
    "'extends = true' in the file adds to it).",
)

_READ_OPTIONS = "govtext.read_options"
_SIZES = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def _remember(ctx: click.Context, param: click.Parameter, value):
    # Kept on the context, not passed to the command: every reading command gets the
    # options without its signature (or its module) having to change.
    ctx.meta.setdefault(_READ_OPTIONS, {})[param.name] = value
    return value


def _size(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return _remember(ctx, param, None)
    text = value.strip().lower().removesuffix("b").removesuffix("i")
    scale = _SIZES.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in _SIZES else text
    if not number.isdigit() or int(number) < 1:
        raise click.BadParameter(f"{value!r} is not a size (bytes, or with K, M or G, e.g. 500M)")
    if int(number) * scale > sys.maxsize:  # past what a read or an index can take
        raise click.BadParameter(f"{value!r} is too large a size (at most {sys.maxsize} bytes)")
    return _remember(ctx, param, int(number) * scale)


def _encoding(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is not None:
        from govtext.textio import check_encoding

        try:
            value = check_encoding(value)
        except GovtextError as exc:
            raise click.BadParameter(str(exc)) from None
    return _remember(ctx, param, value)


max_bytes_option = click.option(
    "--max-bytes", type=str, default=None, callback=_size, expose_value=False, metavar="SIZE",
    help="Refuse input larger than this (bytes, or 500K, 50M, 1G) [default: 200M].")
encoding_option = click.option(
    "--encoding", type=str, default=None, callback=_encoding, expose_value=False, metavar="NAME",
    help="Read text input in this encoding (gb18030, utf-16, …) instead of detecting it.")
errors_option = click.option(
    "--errors", type=click.Choice(["strict", "replace"]), default="strict", callback=_remember,
    expose_value=False, show_default=True,
    help="Undecodable bytes: refuse the input, or read them as U+FFFD (a warning says how many and where).")


INPUT_FORMATS = ("auto", "text", "xml", "html", "docx", "pdf", "doc", "rtf")  # govtext.formats.FORMATS, without importing it
input_format_option = click.option(
    "--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True, expose_value=False,
    callback=_remember, help="Read FILE as this format instead of deciding by its content "
    "(HTML, Word .docx/.doc, RTF and PDF are read as the text a reader sees).")
revisions_option = click.option(
    "--revisions", type=click.Choice(["new", "old"]), default="new", show_default=True, expose_value=False,
    callback=_remember, help="Word tracked changes: 'new' reads them accepted, 'old' rejected.")


def input_options(command):
    """How a command reads its documents: ``--max-bytes``, ``--encoding``, ``--errors``,
    ``--input-format`` and ``--revisions``."""
    return max_bytes_option(encoding_option(errors_option(input_format_option(revisions_option(command)))))


# The options every command spells the same way.
jobs_option = click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
                           help="Worker processes [default: one per core].")
quiet_option = click.option("-q", "--quiet", is_flag=True,
                            help="No progress bar, summary or notes on stderr; errors are still shown.")


def output_option(what: str = "Write"):
    """-o FILE, written atomically (a temporary file renamed into place)."""
    return click.option("-o", "--output", type=PathName(dir_okay=False, writable=True, output=True), default=None,
                        help=f"{what} to this file (atomically) instead of standard output.")

# What a file name's extension says it holds: with -o, the extension picks the format.
SUFFIX_KINDS = {".json": "json", ".jsonl": "json", ".xml": "xml", ".html": "html", ".htm": "html",
                ".md": "markdown", ".markdown": "markdown", ".txt": "text", ".csv": "csv", ".docx": "docx",
                ".parquet": "parquet"}


def output_format(fmt: str | None, output: str | None, writes: dict[str, tuple[str, ...]], default: str) -> str:
    """One rule for every command: ``--format`` if given, else what -o's extension says, else
    ``default``.  ``writes`` maps each format to the kinds of file it writes (values of
    :data:`SUFFIX_KINDS`), the preferred format for a kind first.  A format that cannot
    write the file -o names is an error (exit 2) rather than, say, wdiff text in r.html.
    """
    suffix = os.path.splitext(output)[1].lower() if output and output != "-" else ""
    kind = SUFFIX_KINDS.get(suffix)
    if fmt is None:
        if kind is None:
            return default
        for name, kinds in writes.items():
            if kind in kinds:
                return name
        able = sorted({k for kinds in writes.values() for k in kinds})
        fail(f"{output}: cannot write a {suffix} file here; -o takes {_suffixes(able)}")
    if kind is not None and kind not in writes.get(fmt, ()):
        fail(f"--format {fmt} writes {_suffixes(writes.get(fmt, ()))}, not {suffix} (-o {output})")
    return fmt  # type: ignore[return-value]


def _suffixes(kinds) -> str:
    names = [s for s, k in SUFFIX_KINDS.items() if k in kinds and s not in (".jsonl", ".htm", ".markdown")]
    return " or ".join(names) if names else "no file of a known type"


def read_options():
    """The ReadOptions the current command was given."""
    from govtext.pipeline import ReadOptions
    from govtext.textio import DEFAULT_MAX_BYTES

    ctx = click.get_current_context(silent=True)
    given = ctx.meta.get(_READ_OPTIONS, {}) if ctx is not None else {}
    return ReadOptions(max_bytes=given.get("max_bytes") or DEFAULT_MAX_BYTES,
                       encoding=given.get("encoding"), errors=given.get("errors") or "strict",
                       input_format=given.get("input_format") or "auto", revisions=given.get("revisions") or "new")


def load_document(file: str | None, lexicon_path: str | None = None, allow_empty: bool = False):
    """Load FILE (or the bundled sample) with an optional user lexicon and the read options."""
    from govtext.lexicon import load_lexicon
    from govtext.pipeline import load

    lexicon = load_lexicon(lexicon_path) if lexicon_path else None
    return load(file, lexicon, read_options(), warn, allow_empty)


def stdout_is_terminal() -> bool:
    """False when standard output is a file, a pipe — or closed."""
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except (OSError, ValueError):
        return False


def emit(data: str | bytes | Iterable[str] | Iterable[bytes], output: str | None) -> None:
    """Write to OUT (atomically for a file; see :func:`govtext.atomic.write_atomic`), or to
    stdout; ``data`` may come in pieces (streamed outputs, never whole in memory)."""
    from govtext.atomic import write_atomic

    if not isinstance(data, (str, bytes)):
        pieces = (p.encode("utf-8") if isinstance(p, str) else p for p in data)
        if output and output != "-":
            write_atomic(output, pieces)
            return
        with _stdout_errors():
            stream = _stdout()
            stream.flush()
            for piece in pieces:
                _write_all(stream.buffer, piece)
            stream.buffer.flush()
        return
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if output and output != "-":
        write_atomic(output, payload)
        return
    if isinstance(data, str) and not data.endswith("\n"):
        payload += b"\n"  # text on a terminal ends its last line, as echo does
    with _stdout_errors():
        stream = _stdout()
        stream.flush()
        _write_all(stream.buffer, payload)
        stream.buffer.flush()


def emit_rich(renderable, output: str | None) -> None:
    """Print a Rich renderable to the terminal, or its plain text to OUT (atomically)."""
    from govtext.cli.console import make_console

    if output and output != "-":
        console = make_console(file_output=True)
        console.print(renderable)
        emit(console.export_text(), output)
        return
    with _stdout_errors():
        _stdout()
        console = make_console()
        console.print(renderable)
        console.file.flush()


def _write_all(buffer, payload: bytes) -> None:
    # With PYTHONUNBUFFERED, stdout's buffer is the raw file, whose write() may write
    # only part (a pipe whose reader left mid-way) and say so in its return value only.
    view = memoryview(payload)
    while view:
        written = buffer.write(view)
        if written is None:  # a non-blocking descriptor that is full: wait until it drains
            import select

            select.select([], [buffer.fileno()], [])
            continue
        view = view[written:]


def _stdout():
    if sys.stdout is None:  # started with stdout closed (>&-)
        raise OutputError("standard output is closed")
    return sys.stdout


@contextmanager
def _stdout_errors():
    """Turns a failed write to standard output (disk full, > /dev/full) into OutputError."""
    try:
        yield
    except BrokenPipeError:
        raise  # the reader left: GovtextGroup ends quietly
    except (OSError, ValueError) as exc:  # ValueError: written to after being closed
        _silence_stdout()
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OutputError(f"standard output: cannot write ({reason[:1].lower() + reason[1:]})") from None


def _silence_stdout() -> None:
    # Point fd 1 at /dev/null, so the interpreter's own flush at exit finds nothing to
    # fail on (else: "Exception ignored … BrokenPipeError" on stderr).
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError):
        pass  # no real descriptor (CliRunner, or stdout already gone)
