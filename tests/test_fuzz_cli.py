"""Fuzzing the command line (issue #10): whatever the input, an exit status of 0, 1 or 2,
never a traceback, and no file touched but the named output.

Inputs: random bytes, mixes of real fixture lines with control characters in
assorted encodings, damaged govtext XML, and random read options.  300 examples in
all by default (derandomised, so CI is repeatable); for a long local run::

    GOVTEXT_FUZZ_EXAMPLES=10000 python -m pytest -q tests/test_fuzz_cli.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govtext.cli import main

from conftest import FIXTURES

TOTAL = int(os.environ.get("GOVTEXT_FUZZ_EXAMPLES", "300"))
LONG_RUN = "GOVTEXT_FUZZ_EXAMPLES" in os.environ
# Shares of the total per test; they add up to 1.
SHARES = {"bytes": 0.2, "lines": 0.3, "diff": 0.2, "xml": 0.12, "options": 0.15, "process": 0.03}


def fuzz(share: str):
    return settings(max_examples=max(1, round(TOTAL * SHARES[share])), deadline=None, derandomize=not LONG_RUN,
                    database=None, suppress_health_check=list(HealthCheck))


def _lines() -> list[str]:
    lines: set[str] = set()
    for path in sorted(FIXTURES.rglob("*.txt")):
        lines.update(path.read_text("utf-8", "replace").splitlines())
    return sorted(line for line in lines if line.strip())


LINES = _lines()
CONTROLS = ["\x1b[2J", "\x1b]0;title\x07", "\u202e", "\u2066", "\x00", "\r", "\x9b", "\x0c", "\ufeff", "\x7f",
            "\t", "<", "<?xml", "《", "\u3000"]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "big5"]

line_mix = st.lists(
    st.one_of(st.sampled_from(LINES), st.sampled_from(CONTROLS), st.text(max_size=20)), min_size=0, max_size=40
).map("\n".join)
encoded_mix = st.tuples(line_mix, st.sampled_from(ENCODINGS)).map(lambda t: t[0].encode(t[1], "replace"))
output = st.sampled_from([None, "out.txt", "out.xml"])


def _archive() -> bytes:
    result = CliRunner().invoke(main, ["xml", str(FIXTURES / "law-basic.txt")])
    assert result.exit_code == 0
    return result.stdout_bytes


ARCHIVE = _archive()


class Folder:
    """A private folder holding the inputs, and the working folder while in use (so a stray
    file written beside "the current folder" shows too); checks only the named output appeared."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.path = Path(tempfile.mkdtemp(prefix="govtext-fuzz-"))
        self.files = files
        for name, data in files.items():
            (self.path / name).write_bytes(data)

    def __enter__(self) -> "Folder":
        self.previous = os.getcwd()
        os.chdir(self.path)
        return self

    def __exit__(self, *exc) -> None:
        os.chdir(self.previous)
        shutil.rmtree(self.path, ignore_errors=True)

    def __truediv__(self, name: str) -> str:
        return str(self.path / name)

    def check(self, out: str | None) -> None:
        listing = set(os.listdir(self.path))
        assert listing - set(self.files) <= ({out} if out else set()), listing
        for name, data in self.files.items():
            assert (self.path / name).read_bytes() == data, f"{name} was changed"


def _check(result, out: str | None, folder: Folder) -> None:
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr
    if result.exit_code == 2:
        assert result.stderr.startswith("govtext: error:"), result.stderr
    folder.check(out)


def _run(folder: Folder, args: list[str], out: str | None, stdin: bytes | None = None):
    if out:
        args = args + ["-o", folder / out]
    result = CliRunner().invoke(main, args, input=stdin)
    _check(result, out, folder)
    return result


@fuzz("bytes")
@given(data=st.binary(max_size=3000), command=st.sampled_from(["tree", "tree-json", "xml"]), out=output)
def test_random_bytes(data, command, out):
    args = {"tree": ["tree"], "tree-json": ["tree", "--format", "json"], "xml": ["xml"]}[command]
    with Folder({"in.txt": data}) as folder:
        _run(folder, args + [folder / "in.txt"], out)


@fuzz("lines")
@given(data=encoded_mix, command=st.sampled_from(["tree", "tree-json", "xml", "akn", "stdin"]), out=output)
def test_mixes_of_real_lines(data, command, out):
    with Folder({"in.txt": data}) as folder:
        if command == "stdin":
            _run(folder, ["tree", "--show", "sentences", "-"], out, stdin=data)
            return
        args = {"tree": ["tree", "--show", "sentences"], "tree-json": ["tree", "--format", "json"], "xml": ["xml"],
                "akn": ["xml", "--format", "akn"]}[command]
        _run(folder, args + [folder / "in.txt"], out)


@fuzz("diff")
@given(old=encoded_mix, new=encoded_mix, fmt=st.sampled_from(["text", "json", "markdown", "html", "terminal", "xml"]),
       out=output)
def test_diff(old, new, fmt, out):
    with Folder({"old.txt": old, "new.txt": new}) as folder:
        result = _run(folder, ["diff", folder / "old.txt", folder / "new.txt", "--format", fmt], out)
        if fmt in ("text", "markdown", "html", "terminal") and not out:
            assert "\x1b" not in result.stdout  # colourless runner: any ESC would be the input's


@fuzz("xml")
@given(cut=st.integers(0, len(ARCHIVE)), flips=st.lists(st.tuples(st.integers(0, len(ARCHIVE) - 1),
                                                                     st.integers(0, 255)), max_size=4),
       command=st.sampled_from(["tree", "validate", "diff"]))
def test_damaged_archives(cut, flips, command):
    data = bytearray(ARCHIVE[:cut] if cut < len(ARCHIVE) - 10 else ARCHIVE)
    for at, value in flips:
        if at < len(data):
            data[at] = value
    with Folder({"a.xml": bytes(data), "b.txt": (FIXTURES / "law-basic.txt").read_bytes()}) as folder:
        args = {"tree": ["tree", folder / "a.xml"], "validate": ["validate", folder / "a.xml"],
                "diff": ["diff", folder / "a.xml", folder / "b.txt"]}[command]
        _run(folder, args, None)


@fuzz("options")
@given(data=encoded_mix, encoding=st.sampled_from([None, "utf-8", "gb18030", "utf-16", "latin-1", "nonsense", "rot13"]),
       errors=st.sampled_from([None, "strict", "replace", "ignore"]),
       max_bytes=st.sampled_from([None, "1", "100", "2K", "1M", "0", "x"]), out=output)
def test_read_options(data, encoding, errors, max_bytes, out):
    args = ["tree", "--format", "json"]
    for name, value in (("--encoding", encoding), ("--errors", errors), ("--max-bytes", max_bytes)):
        if value is not None:
            args += [name, value]
    with Folder({"in.txt": data}) as folder:
        _run(folder, args + [folder / "in.txt"], out)


@fuzz("process")
@given(data=st.one_of(encoded_mix, st.binary(max_size=500)), command=st.sampled_from(["tree", "xml", "diff"]))
def test_real_processes(data, command):
    """A few real processes: the interpreter's own start-up and shutdown are in the test too."""
    with Folder({"in.txt": data}) as folder:
        args = {"tree": ["tree", folder / "in.txt"], "xml": ["xml", folder / "in.txt"],
                "diff": ["diff", folder / "in.txt", str(FIXTURES / "law-basic.txt")]}[command]
        proc = subprocess.run([sys.executable, "-m", "govtext", *args], capture_output=True, timeout=120,
                              cwd=folder.path)
        err = proc.stderr.decode("utf-8", "replace")
        assert proc.returncode in (0, 1, 2), err
        assert "Traceback" not in err and "Exception ignored" not in err, err
        folder.check(None)
