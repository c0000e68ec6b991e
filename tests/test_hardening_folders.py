"""Issue 20: what a folder holds besides documents, and signals while writing.

A FIFO named a.txt in a folder hung ``ledger DIR`` and ``history DIR`` forever (the
killed ledger left ``.tmp`` files); an unreadable subfolder vanished silently from a
ledger; SIGTERM left ``.NAME.XXXX.tmp`` files where SIGINT cleaned up.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from govtext.cli import main

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


def _govtext(*args: str, cwd=None) -> subprocess.CompletedProcess:
    # A real process with a timeout: on today's main the FIFO blocks the read forever.
    return subprocess.run([sys.executable, "-m", "govtext", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd)


@needs_fifo
def test_ledger_skips_a_fifo_in_a_folder_with_a_note(tmp_path):
    folder = tmp_path / "docs"
    shutil.copytree(FIXTURES / "ledger" / "reports", folder)
    os.mkfifo(folder / "zz-pipe.txt")
    out = tmp_path / "counts.csv"
    proc = _govtext("ledger", str(folder), "-o", str(out), "--terms", str(FIXTURES / "ledger" / "terms.txt"))
    assert proc.returncode == 0, proc.stderr
    assert f"{folder / 'zz-pipe.txt'}: skipped, not a regular file" in proc.stderr
    assert out.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@needs_fifo
def test_history_skips_a_fifo_in_a_folder_with_a_note(tmp_path):
    folder = tmp_path / "versions"
    shutil.copytree(FIXTURES / "history" / "law", folder)
    os.mkfifo(folder / "zz-pipe.txt")
    proc = _govtext("history", str(folder), "--format", "json")
    assert proc.returncode in (0, 1), proc.stderr
    assert f"{folder / 'zz-pipe.txt'}: skipped, not a regular file" in proc.stderr
    assert "zz-pipe" not in proc.stdout


def test_ledger_reports_an_unreadable_subfolder(tmp_path, monkeypatch):
    """Root reads any folder, so the refusal is simulated where os.walk lists it."""
    folder = tmp_path / "docs"
    shutil.copytree(FIXTURES / "ledger" / "reports", folder / "readable")
    (folder / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = CliRunner().invoke(main, ["ledger", str(folder), "-o", str(tmp_path / "c.csv"), "--quiet",
                                       "--terms", str(FIXTURES / "ledger" / "terms.txt")])
    assert result.exit_code == 0, result.output
    assert f"{folder / 'locked'}: skipped, unreadable folder (Permission denied)" in result.stderr


def test_sigterm_unwinds_like_ctrl_c_and_removes_the_temporary_file(tmp_path):
    """In a process with govtext's handler, SIGTERM during a write leaves no .tmp file."""
    target = tmp_path / "out.xml"
    code = f"""
import os, signal, sys
from govtext.interrupt import Terminated, handle_sigterm
from govtext.atomic import write_atomic
handle_sigterm()
def pieces():
    yield b"first piece"
    os.kill(os.getpid(), signal.SIGTERM)
    yield b"never written"
try:
    write_atomic({str(target)!r}, pieces())
except Terminated:
    print("terminated")
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "terminated", proc.stderr
    assert list(tmp_path.iterdir()) == []


def _wait_for_tmp(folder, proc, seconds=60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.name.endswith(".tmp") for p in folder.rglob("*")):
            return True
        time.sleep(0.002)
    return False


@pytest.mark.parametrize("command", ["xml", "xml-dir", "ledger"])
def test_sigterm_to_a_running_command_leaves_no_tmp(tmp_path, command):
    """The CLI installs the handler (and its workers do): terminated while writing, nothing is left."""
    big = tmp_path / "in" / "big.txt"
    big.parent.mkdir()
    law = (FIXTURES / "law-basic.txt").read_text(encoding="utf-8")
    big.write_text(law * 400, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    for k in range(3 if command == "ledger" else 0):  # the ledger's tables are open from the start
        (big.parent / f"more{k}.txt").write_text(law * 400, encoding="utf-8")
    args = {"xml": ["xml", str(big), "-o", str(out / "big.xml")],
            "xml-dir": ["xml", str(big.parent), "-o", str(out), "--jobs", "2"],
            "ledger": ["ledger", str(big.parent), "-o", str(out / "counts.csv"), "--jobs", "2",
                       "--terms", str(FIXTURES / "ledger" / "terms.txt")]}[command]
    proc = subprocess.Popen([sys.executable, "-m", "govtext", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        if not _wait_for_tmp(out, proc):
            proc.wait(timeout=60)
            pytest.skip("the output was written before a temporary file could be seen")
        os.killpg(proc.pid, signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode in (143, -signal.SIGTERM) or proc.returncode == 0, err
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")], list(out.rglob("*"))
    if proc.returncode != 0:
        assert b"terminated" in err and b"Traceback" not in err
