"""What every command shares: error mapping, the input argument, lexicon option, output."""

from __future__ import annotations

import sys
from typing import Iterable

import click

from govtext.errors import GovtextError

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
        except click.exceptions.Abort:
            click.echo("govtext: interrupted", err=True)
            sys.exit(130)
        except _NO_ARGS as exc:  # plain `govtext`: the help, as a successful answer
            click.echo(exc.ctx.get_help())
            sys.exit(0)
        except click.ClickException as exc:
            where = f"{exc.ctx.command_path}: " if getattr(exc, "ctx", None) is not None else ""
            click.echo(f"govtext: error: {where}{exc.format_message()} (see --help)", err=True)
            sys.exit(exc.exit_code)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context):  # noqa: D401 - click API
        try:
            return super().invoke(ctx)
        except GovtextError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            click.echo("govtext: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # Reader went away (| head): not an error worth a traceback.
            sys.stderr.close()
            ctx.exit(0)


def fail(message: str) -> "None":
    click.echo(f"govtext: error: {message}", err=True)
    sys.exit(EXIT_TROUBLE)


input_argument = click.argument("file", required=False, metavar="[FILE|-]")

lexicon_option = click.option(
    "--lexicon",
    type=click.Path(dir_okay=False),
    default=None,
    help="TOML lexicon of kinds and directive openings (replaces the default; "
    "'extends = true' in the file adds to it).",
)


def load_document(file: str | None, lexicon_path: str | None = None):
    """Load FILE (or the bundled sample) with an optional user lexicon."""
    from govtext.lexicon import load_lexicon
    from govtext.pipeline import load

    lexicon = load_lexicon(lexicon_path) if lexicon_path else None
    return load(file, lexicon)


def emit(data: str | bytes | Iterable[str] | Iterable[bytes], output: str | None) -> None:
    """Write to OUT atomically, or to stdout; ``data`` may come in pieces (streamed outputs)."""
    from govtext.textio import write_atomic

    if not isinstance(data, (str, bytes)):
        pieces = (p.encode("utf-8") if isinstance(p, str) else p for p in data)
        if output and output != "-":
            write_atomic(output, pieces)
            return
        for piece in pieces:
            sys.stdout.buffer.write(piece)
        sys.stdout.buffer.flush()
        return
    if output and output != "-":
        write_atomic(output, data.encode("utf-8") if isinstance(data, str) else data)
        return
    if isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        click.echo(data, nl=not data.endswith("\n"))


def emit_rich(renderable, output: str | None) -> None:
    """Print a Rich renderable to the terminal, or its plain text to OUT (atomically)."""
    from govtext.cli.console import make_console

    if output and output != "-":
        console = make_console(file_output=True)
        console.print(renderable)
        emit(console.export_text(), output)
    else:
        make_console().print(renderable)
