"""What a sweep of hostile inputs over every command found (issue: hardening sweep).

Each case ends as a user expects: the right output, or one line on stderr, exit 2,
no traceback and no file — partial or temporary — left behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import click
import pytest
from click.testing import CliRunner

from cli_helpers import one_error_line
from conftest import FIXTURES
from govtext.cli import COMMANDS, main

LAW = FIXTURES / "law-basic.txt"
OTHER = FIXTURES / "law-wrapped-lines.txt"


@pytest.fixture
def runner():
    return CliRunner()


def _commands():
    ctx = click.Context(main)
    return {name: main.get_command(ctx, name) for name in COMMANDS}


# --- one parameter name, one option ------------------------------------------------------


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_no_two_parameters_share_a_name(name):
    # Two options with one destination name are one slot: click hands one's value to the
    # other's type (ledger's --error-table FILE was read as --errors strict|replace).
    names = [param.name for param in _commands()[name].params]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


def test_ledger_error_table_is_written_where_asked(runner, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00junk")
    table, errors = tmp_path / "l.csv", tmp_path / "failed.csv"
    result = runner.invoke(main, ["ledger", str(LAW), str(bad), "-q", "-j", "1", "-o", str(table),
                                  "--error-table", str(errors)])
    assert result.exit_code == 1, result.output
    assert table.exists() and "bad.txt" in errors.read_text(encoding="utf-8")
    assert not (tmp_path / "l.errors.csv").exists()


# --- Word output: a title longer than a core property may be ------------------------------


def test_redline_of_a_document_whose_title_is_a_huge_line(runner, tmp_path):
    # A text of one 5 MB line: its first line is taken as the title, and python-docx
    # refuses a core property over 255 characters (it was a traceback, exit 1).
    pytest.importorskip("docx")
    new = tmp_path / "new.txt"
    new.write_text("第一条 本法适用于全国。" * 400, encoding="utf-8")
    out = tmp_path / "r.docx"
    result = runner.invoke(main, ["diff", str(LAW), str(new), "--format", "redline", "-o", str(out)])
    assert result.exit_code == 0, result.output
    import docx

    title = docx.Document(str(out)).core_properties.title
    assert len(title) == 255 and title.endswith("…") and title.startswith("第一条 本法适用于全国。")


# --- the last resort: an unforeseen exception is still one line and exit 2 -----------------


def _broken_renderer(*args, **kwargs):
    raise ValueError("a bug\nspread over two lines")


def test_an_unforeseen_exception_is_one_line_and_exit_2(runner, monkeypatch, tmp_path):
    # Python's own ending is a traceback and exit 1, which `diff` documents as "changes".
    import govtext.cli.tree_cmd as tree_cmd

    monkeypatch.delenv("GOVTEXT_DEBUG", raising=False)
    monkeypatch.setattr(tree_cmd, "emit", _broken_renderer)
    out = tmp_path / "t.json"
    result = runner.invoke(main, ["tree", str(LAW), "--format", "json", "-o", str(out)])
    line = one_error_line(result, "internal error (ValueError: a bug\\nspread over two lines)", "GOVTEXT_DEBUG=1")
    assert "bug in govtext" in line and not out.exists()


def test_govtext_debug_shows_the_traceback(runner, monkeypatch):
    import govtext.cli.tree_cmd as tree_cmd

    monkeypatch.setenv("GOVTEXT_DEBUG", "1")
    monkeypatch.setattr(tree_cmd, "emit", _broken_renderer)
    result = runner.invoke(main, ["tree", str(LAW), "--format", "json"])
    assert isinstance(result.exception, ValueError)


def test_an_os_error_nobody_foresaw_is_one_line(runner, monkeypatch):
    import govtext.cli.tree_cmd as tree_cmd

    def too_many(*args, **kwargs):
        raise OSError(24, "Too many open files", "/some/file")

    monkeypatch.setattr(tree_cmd, "emit", too_many)
    one_error_line(runner.invoke(main, ["tree", str(LAW), "--format", "json"]), "/some/file: Too many open files")


# --- an empty file name: `-o "$OUT"` with OUT unset --------------------------------------

# The metavars that name a file or a folder; a parameter with one must refuse "".
_PATH_METAVARS = ("FILE", "DIR", "PATH", "OLD", "NEW", "INSTRUMENT", "VERSION", "PUBLISHED")


def _path_params():
    for name, command in sorted(_commands().items()):
        for param in command.params:
            metavar = param.metavar or ""
            if "=" in metavar:  # --match OLD=NEW names nodes, not files
                continue
            if isinstance(param.type, click.Path) or any(word in metavar for word in _PATH_METAVARS):
                yield name, param


def test_every_file_parameter_refuses_an_empty_name_by_type():
    from govtext.cli.params import PathName

    found = list(_path_params())
    assert len(found) >= 20  # every command's inputs, outputs and option files
    for name, param in found:
        assert isinstance(param.type, PathName), (name, param.name)


# A valid command line for each command, with one slot to empty.
_VALID = {"tree": [str(LAW)], "xml": [str(LAW)], "validate": [str(LAW)], "diff": [str(LAW), str(OTHER)],
          "amend": [str(LAW), str(OTHER)], "history": [str(LAW), str(OTHER)], "ledger": [str(LAW)],
          "targets": [str(LAW)]}


@pytest.mark.parametrize("name,param", list(_path_params()), ids=lambda v: getattr(v, "name", v))
def test_an_empty_file_name_is_one_usage_line_and_nothing_written(runner, tmp_path, monkeypatch, name, param):
    monkeypatch.chdir(tmp_path)
    args = list(_VALID[name])
    if isinstance(param, click.Argument):
        args[[p for p in _commands()[name].params if isinstance(p, click.Argument)].index(param)] = ""
        if name in ("tree", "xml", "validate") or not args[0]:
            args = [""] + args[1:]
    else:
        args += [param.opts[-1], ""]
    if name == "ledger":
        args += ["-o", "ok.csv"] if param.name != "output" else []
    result = runner.invoke(main, [name, *args])
    one_error_line(result, "empty file name")
    assert list(tmp_path.iterdir()) == [] and result.stdout == ""


# --- numbers: NaN passes click's range checks ---------------------------------------------


@pytest.mark.parametrize("value", ["nan", "NaN", "-nan"])
def test_threshold_nan_is_refused(runner, value):
    result = runner.invoke(main, ["diff", str(LAW), str(OTHER), "--threshold", value, "-q"])
    one_error_line(result, "--threshold", "is not a number")


def test_no_float_option_takes_nan_unchecked():
    from govtext.cli.params import NumberRange

    for name, command in _commands().items():
        for param in command.params:
            if isinstance(param.type, click.FloatRange) or param.type is click.FLOAT:
                assert isinstance(param.type, NumberRange), (name, param.name)


# --- an output that is one of the inputs ---------------------------------------------------


def test_every_command_is_a_govtext_command():
    from govtext.cli.common import GovtextCommand

    for name, command in _commands().items():
        assert isinstance(command, GovtextCommand), name


def _copy(tmp_path, name="doc.txt"):
    path = tmp_path / name
    path.write_bytes(LAW.read_bytes())
    return path


@pytest.mark.parametrize("argv", [
    ["tree", "{doc}", "-o", "{doc}"],
    ["tree", "{doc}", "-o", "{link}"],
    ["xml", "{doc}", "--format", "govtext", "-o", "{doc}"],
    ["diff", str(OTHER), "{doc}", "-o", "{doc}"],
    ["amend", "{doc}", str(OTHER), "-o", "{doc}"],
    ["history", str(OTHER), "{doc}", "-o", "{doc}"],
    ["targets", "{doc}", "-o", "{doc}"],
    ["ledger", str(LAW), "--terms", "{doc}", "-o", "{doc}"],
    ["tree", str(LAW), "--lexicon", "{doc}", "-o", "{doc}"],
], ids=lambda argv: " ".join(argv[:1] + [a for a in argv[1:] if a.startswith("-")]))
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(runner, tmp_path, argv):
    doc = _copy(tmp_path, "doc.csv" if argv[0] == "ledger" else "doc.txt")
    (tmp_path / "link.txt").hardlink_to(doc)
    before = doc.read_bytes()
    args = [a.replace("{doc}", str(doc)).replace("{link}", str(tmp_path / "link.txt")) for a in argv]
    result = runner.invoke(main, args)
    one_error_line(result, "is also an input", str(doc))
    assert doc.read_bytes() == before and result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([doc.name, "link.txt"])


def test_an_output_beside_its_input_is_written(runner, tmp_path):
    doc = _copy(tmp_path)
    result = runner.invoke(main, ["tree", str(doc), "-o", str(tmp_path / "doc.json")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "doc.json").stat().st_size > 0


# --- an unreadable file is named by the reader, once ---------------------------------------


def test_an_unreadable_lexicon_names_the_reason_once(tmp_path, monkeypatch):
    from govtext.errors import LexiconError
    from govtext.lexicon import load_lexicon

    def denied(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("govtext.lexicon._read", denied)
    with pytest.raises(LexiconError) as caught:
        load_lexicon(str(tmp_path / "lex.toml"))
    assert str(caught.value) == f"{tmp_path / 'lex.toml'}: cannot read lexicon (Permission denied)"


def test_path_parameters_leave_readability_to_the_reader():
    # click's own check says "Invalid value for '[FILE|-]': Path 'a.txt' is not readable.
    # (see --help)" — a usage error for what is no usage error; the readers say "a.txt:
    # permission denied", as for every other unreadable input.
    for name, param in _path_params():
        assert not param.type.readable, (name, param.name)


# --- a FIFO no one writes to: blocks, as cat does, and still ends cleanly on SIGTERM -------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_sigterm_while_blocked_on_a_fifo_input_leaves_nothing(tmp_path):
    # A named FIFO given by name is read (process substitution, <(…), is one); with no
    # writer the open waits, as for cat.  SIGTERM must still unwind: the ledger's tables,
    # open from the start, are removed and the process says "terminated", exit 143.
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "govtext", "ledger", str(fifo), "-j", "1", "-o", str(out / "l.csv")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not any(p.name.endswith(".tmp") for p in out.iterdir()) and time.monotonic() < deadline:
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.01)
        os.killpg(proc.pid, signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 143, err
    assert err.decode().strip() == "govtext: terminated"
    assert list(out.iterdir()) == []


# --- settings files (lexicon, terms, dictionary, pairs) are read whole: bounded first -----

_SETTINGS = {"lexicon", "userdict", "matches_file", "terms_files"}


def _setting_params():
    return [(name, param) for name, param in _path_params() if param.name in _SETTINGS]


def test_every_settings_file_parameter_is_bounded():
    found = _setting_params()
    assert {param.name for _, param in found} == _SETTINGS and len(found) >= 9
    for name, param in found:
        assert param.type.setting, (name, param.name)


def _settings_argv(name, param, value):
    return [name, *_VALID[name][:2 if name in ("diff", "history") else 1], param.opts[-1], value, "-q"][
        : None if name in ("diff", "history", "ledger") else -1]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("name,param", _setting_params(), ids=lambda v: getattr(v, "name", v))
def test_a_device_as_a_settings_file_is_refused_not_read_for_ever(runner, name, param):
    # /dev/zero was read until memory ran out (the process killed, or a hang).
    result = runner.invoke(main, _settings_argv(name, param, "/dev/zero"))
    one_error_line(result, param.opts[-1], "/dev/zero is a device, not a file")


@pytest.mark.parametrize("name,param", _setting_params(), ids=lambda v: getattr(v, "name", v))
def test_a_huge_settings_file_is_refused_before_it_is_read(runner, tmp_path, name, param):
    from govtext.cli.params import SETTING_LIMIT

    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(SETTING_LIMIT + 1)  # sparse: no disk, no time
    result = runner.invoke(main, _settings_argv(name, param, str(huge)))
    one_error_line(result, "too large for a settings file", str(SETTING_LIMIT + 1))


@pytest.mark.parametrize("name,param", _setting_params(), ids=lambda v: getattr(v, "name", v))
def test_a_folder_as_a_settings_file_is_refused_alike_by_every_command(runner, tmp_path, name, param):
    # ledger --terms DIR said "DIR: cannot read terms file (Is a directory)", history --terms DIR the
    # usage error every other settings option gives.
    result = runner.invoke(main, _settings_argv(name, param, str(tmp_path)))
    one_error_line(result, f"Invalid value for '{param.opts[-1]}'", f"'{tmp_path}' is a directory")


@pytest.mark.parametrize("name,param", _setting_params(), ids=lambda v: getattr(v, "name", v))
def test_a_settings_file_that_is_not_utf8_is_named_so_by_every_command(runner, tmp_path, name, param):
    # The lexicons said "cannot read lexicon ('utf-8' codec can't decode byte 0xff in position 0: …)"
    # and "not a valid TOML lexicon ('utf-8' codec …)" where --terms and --userdict say what is wrong.
    if name in ("amend", "history") and param.name == "lexicon":
        pytest.skip("read after the inputs, which these minimal arguments do not get past (the same reader as tree's)")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("café = 1\n".encode("latin-1"))
    result = runner.invoke(main, _settings_argv(name, param, str(latin)))
    line = one_error_line(result, f"{latin}: ", " is not UTF-8 text")
    assert "codec" not in line


@pytest.mark.skipif(not os.path.exists(os.devnull), reason="needs a null device")
def test_dev_null_is_still_an_empty_settings_file(runner):
    result = runner.invoke(main, ["diff", str(LAW), str(LAW), "--userdict", os.devnull, "-q"])
    assert result.exit_code == 0, result.output
