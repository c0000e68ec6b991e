"""Issue #10, output: devices, FIFOs, symlinks, modes, unwritable places, full or closed stdout.

Every case ends the same way: the right bytes where they belong, or one line on
stderr naming the path, exit 2, no traceback and no temporary file left behind.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

from govtext.cli import main
from govtext.errors import OutputError
from govtext.atomic import write_atomic

from cli_helpers import one_error_line
from conftest import FIXTURES

LAW = FIXTURES / "law-basic.txt"
OTHER = FIXTURES / "law-wrapped-lines.txt"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def runner():
    return CliRunner()


def _tree_json(path) -> str:
    return CliRunner().invoke(main, ["tree", str(path), "--format", "json"]).stdout


# --- not a regular file: written directly, never replaced --------------------------------


def _release(fifo, reader: threading.Thread) -> None:
    """If the command never opened the FIFO, open it ourselves so the reader thread ends."""
    if reader.is_alive():
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
    reader.join(timeout=30)


def test_fifo_output_is_written_into_not_replaced(runner, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = runner.invoke(main, ["tree", str(LAW), "--format", "json", "-o", str(fifo)])
    _release(fifo, reader)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(received[0].decode("utf-8"))["format"] == "govtext/outline"
    assert sorted(os.listdir(tmp_path)) == ["pipe"]


def test_fifo_whose_reader_leaves_is_one_line(runner, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(LAW.read_bytes() * 100)  # its XML is far more than a pipe holds
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def read_a_little() -> None:
        with open(fifo, "rb", buffering=0) as fh:
            fh.read(10)

    reader = threading.Thread(target=read_a_little, daemon=True)
    reader.start()
    result = runner.invoke(main, ["xml", str(big), "-o", str(fifo)])
    _release(fifo, reader)
    one_error_line(result, str(fifo), "broken pipe")
    assert sorted(os.listdir(tmp_path)) == ["big.txt", "pipe"]


def test_character_device_output_stays_a_device(runner, tmp_path):
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a character device here ({exc.strerror}); needs root with CAP_MKNOD")
    try:
        with open(null, "wb") as fh:
            fh.write(b"probe")
    except OSError as exc:
        pytest.skip(f"the device made cannot be opened here (nodev mount?): {exc.strerror}")
    for args in (["tree", str(LAW)], ["xml", str(LAW)], ["diff", str(LAW), str(LAW)]):
        result = runner.invoke(main, args + ["-o", str(null)])
        assert result.exit_code in (0, 1), result.output
        assert stat.S_ISCHR(os.lstat(null).st_mode), args
    assert sorted(os.listdir(tmp_path)) == ["null"]


def test_dev_stdout_is_written_directly(tmp_path):
    out = tmp_path / "captured.json"
    with open(out, "wb") as fh:
        proc = subprocess.run([sys.executable, "-m", "govtext", "tree", str(LAW), "--format", "json",
                               "-o", "/dev/stdout"], stdout=fh, stderr=subprocess.PIPE, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(out.read_text("utf-8"))["format"] == "govtext/outline"
    assert sorted(os.listdir(tmp_path)) == ["captured.json"]


# --- symlinks and existing files -------------------------------------------------------------


def test_symlink_is_followed_and_kept(runner, tmp_path):
    elsewhere = tmp_path / "archive"
    elsewhere.mkdir()
    target = elsewhere / "law.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    result = runner.invoke(main, ["tree", str(LAW), "--format", "json", "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text("utf-8"))["format"] == "govtext/outline"
    assert sorted(os.listdir(elsewhere)) == ["law.json"]  # the temporary file went next to the target


def test_dangling_symlink_is_refused(runner, tmp_path):
    link = tmp_path / "out.xml"
    link.symlink_to(tmp_path / "nowhere" / "x.xml")
    result = runner.invoke(main, ["xml", str(LAW), "-o", str(link)])
    one_error_line(result, "out.xml", "dangling")
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()


def test_existing_file_keeps_its_mode(runner, tmp_path):
    out = tmp_path / "private.xml"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    result = runner.invoke(main, ["xml", str(LAW), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text("utf-8").startswith("<?xml")


def test_read_only_file_is_not_replaced(runner, tmp_path, monkeypatch):
    out = tmp_path / "sealed.xml"
    out.write_text("keep", encoding="utf-8")
    out.chmod(0o444)
    if os.access(out, os.W_OK):  # root may write anything: answer as the system would anyone else
        real_access = os.access
        monkeypatch.setattr("os.access", lambda p, mode, **kw: False if mode == os.W_OK else real_access(p, mode))
    one_error_line(runner.invoke(main, ["xml", str(LAW), "-o", str(out)]), "sealed.xml")
    with pytest.raises(OutputError, match="sealed.xml: cannot write .permission denied"):
        write_atomic(out, b"new")
    assert out.read_text("utf-8") == "keep" and sorted(os.listdir(tmp_path)) == ["sealed.xml"]


@pytest.mark.skipif(not IS_ROOT, reason="only root can make a file owned by someone else")
def test_existing_file_keeps_its_owner_when_root(tmp_path):
    out = tmp_path / "theirs.txt"
    out.write_text("old", encoding="utf-8")
    os.chown(out, 4321, 4321)
    out.chmod(0o640)
    write_atomic(out, b"new")
    info = out.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4321, 4321, 0o640)
    assert out.read_bytes() == b"new"


def test_write_atomic_new_file_is_not_0600(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.txt", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


# --- places that cannot be written --------------------------------------------------------------


def test_output_naming_an_existing_directory(runner, tmp_path):
    folder = tmp_path / "existing"
    folder.mkdir()
    one_error_line(runner.invoke(main, ["xml", str(LAW), "-o", str(folder)]), str(folder), "is a directory")
    # tree and diff refuse it already at option parsing (dir_okay=False): still one line, exit 2.
    one_error_line(runner.invoke(main, ["tree", str(LAW), "-o", str(folder)]), "existing")
    assert os.listdir(folder) == []


def test_output_folder_missing(runner, tmp_path):
    result = runner.invoke(main, ["xml", str(LAW), "-o", str(tmp_path / "no" / "out.xml")])
    one_error_line(result, "does not exist")


def test_unwritable_folder(runner, tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            # root ignores the mode bits: let the system call say what it says to anyone else.
            def denied(*args, **kwargs):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

            monkeypatch.setattr("tempfile.mkstemp", denied)
        result = runner.invoke(main, ["tree", str(LAW), "--format", "json", "-o", str(folder / "out.json")])
        one_error_line(result, str(folder / "out.json"), "permission denied")
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EIO])
def test_failure_while_writing_leaves_nothing(runner, tmp_path, monkeypatch, code):
    out = tmp_path / "out.xml"
    out.write_text("previous", encoding="utf-8")

    def fails(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("os.fsync", fails)
    result = runner.invoke(main, ["xml", str(LAW), "-o", str(out)])
    one_error_line(result, str(out), os.strerror(code).lower())
    assert out.read_text("utf-8") == "previous"
    assert sorted(os.listdir(tmp_path)) == ["out.xml"]


def test_write_atomic_raises_output_error_for_a_directory(tmp_path):
    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(tmp_path, b"x")


# --- standard output full or closed (real processes: the descriptors must be real) -------


COMMANDS = {
    "tree": ["tree", str(LAW)],
    "tree-json": ["tree", str(LAW), "--format", "json"],
    "xml": ["xml", str(LAW)],
    "diff": ["diff", str(LAW), str(LAW)],  # identical: no segmentation to load, still a report
    "validate": ["validate", "{xml}"],
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("archive") / "law.xml"
    assert CliRunner().invoke(main, ["xml", str(LAW), "-o", str(path)]).exit_code == 0
    return path


def _run(args, archive, **kwargs):
    args = [str(archive) if a == "{xml}" else a for a in args]
    return subprocess.run([sys.executable, "-m", "govtext", *args], stderr=subprocess.PIPE, timeout=120, **kwargs)


def _assert_one_line(proc, *needles: str) -> None:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("govtext: error:"), err
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("name", list(COMMANDS))
def test_stdout_full(name, archive):
    with open("/dev/full", "wb") as full:
        proc = _run(COMMANDS[name], archive, stdout=full)
    _assert_one_line(proc, "standard output", "no space left")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_output_option_to_dev_full(runner):
    one_error_line(runner.invoke(main, ["tree", str(LAW), "-o", "/dev/full"]), "/dev/full", "no space left")


@pytest.mark.parametrize("name", list(COMMANDS))
def test_stdout_closed(name, archive):
    proc = _run(COMMANDS[name], archive, stdout=None, preexec_fn=lambda: os.close(1))
    _assert_one_line(proc, "standard output is closed")


def test_reader_going_away_is_quiet(tmp_path):
    """| head: no traceback, no message; not success either."""
    big = tmp_path / "big.txt"
    big.write_bytes(LAW.read_bytes() * 200)
    proc = subprocess.Popen([sys.executable, "-m", "govtext", "xml", str(big)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, bufsize=0)
    os.read(proc.stdout.fileno(), 10)  # unbuffered: a buffered read may drain the whole pipe
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert proc.returncode == 2 and err == ""


def test_no_stray_files_in_the_working_folder(tmp_path):
    shutil.copy(LAW, tmp_path / "law.txt")
    proc = subprocess.run([sys.executable, "-m", "govtext", "xml", "law.txt", "-o", "law.xml"], cwd=tmp_path,
                          capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert sorted(os.listdir(tmp_path)) == ["law.txt", "law.xml"]


# --- issue 20: atomic or direct is decided by what the path is, not how it is spelt --------


@pytest.mark.skipif(not os.path.isdir("/proc/self/cwd"), reason="no /proc on this system")
def test_a_regular_file_reached_through_proc_is_still_replaced_atomically(runner, tmp_path, monkeypatch):
    """-o /proc/self/cwd/out.xml names a regular file: an interrupted write must leave the
    previous one whole (it was written in place, truncated)."""
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out.xml"
    out.write_text("previous", encoding="utf-8")

    def fails(*args, **kwargs):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr("os.fsync", fails)
    result = runner.invoke(main, ["xml", str(LAW), "-o", "/proc/self/cwd/out.xml"])
    assert result.exit_code == 2
    assert out.read_text("utf-8") == "previous"
    assert sorted(os.listdir(tmp_path)) == ["out.xml"]


def test_a_regular_file_under_dev_is_replaced_atomically(tmp_path, monkeypatch):
    """/dev/shm holds regular files: the /dev/ prefix alone says nothing."""
    from govtext import atomic

    assert not atomic._is_fd_alias("/dev/shm/out.xml")
    assert not atomic._is_fd_alias("/proc/self/cwd/out.xml")
    for alias in ("/dev/stdout", "/dev/stderr", "/dev/fd/1", "/proc/self/fd/1", "/proc/123/fd/4",
                  "/proc/thread-self/fd/2", "/dev/../dev/stdout"):
        assert atomic._is_fd_alias(alias), alias
