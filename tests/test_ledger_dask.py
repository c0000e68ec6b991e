"""The ledger on a Dask cluster gives exactly the local result (skipped without the scale extra)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from conftest import CORPUS, CORPUS_REASON, FIXTURES
from govtext.cli import main

pytest.importorskip("distributed", reason="the scale extra (dask[distributed]) is not installed")

LEDGER = FIXTURES / "ledger"


def _ledger(tmp_path, name: str, *extra: str) -> bytes:
    source = CORPUS / "series" if CORPUS.is_dir() else LEDGER / "reports"
    out = tmp_path / name
    result = CliRunner().invoke(main, ["ledger", str(source), "-o", str(out), "-q", *extra])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def test_local_cluster_matches_local_processes(tmp_path):
    assert _ledger(tmp_path, "dask.csv", "--scheduler", "local", "-j", "2") == _ledger(tmp_path, "local.csv", "-j", "1")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dask_command() -> list[str]:
    dask = shutil.which("dask", path=os.path.dirname(sys.executable)) or shutil.which("dask")
    if dask is None:
        pytest.skip("the dask command-line tool is not installed")
    return [dask]


@pytest.mark.skipif(not CORPUS.is_dir(), reason=CORPUS_REASON)
def test_real_scheduler_and_two_workers(tmp_path):
    """A `dask scheduler` and two `dask worker` processes on localhost, as on a cluster, with batching on."""
    dask = _dask_command()
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = open(tmp_path / "dask.log", "wb")
    procs = [subprocess.Popen(dask + ["scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                              stdout=logs, stderr=subprocess.STDOUT)]
    try:
        for _ in range(2):
            procs.append(subprocess.Popen(dask + ["worker", address, "--nworkers", "1", "--nthreads", "1",
                                                  "--no-dashboard", "--host", "127.0.0.1"],
                                          stdout=logs, stderr=subprocess.STDOUT))
        from distributed import Client

        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        from govtext.executor_dask import cluster_threads

        assert cluster_threads(address) == 2  # batches are planned for the cluster's workers, not this machine's cores
        # Batching on (several batches per worker, so both workers take some), against
        # local processes one document per task.
        remote = _ledger(tmp_path, "remote.csv", "--scheduler", address, "--batch-size", "200k")
        assert remote == _ledger(tmp_path, "local.csv", "-j", "2", "--batch-size", "0")
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        logs.close()


def test_unreachable_scheduler_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["ledger", str(LEDGER / "reports"), "--scheduler", f"tcp://127.0.0.1:{_free_port()}"])
    assert result.exit_code == 2
    assert result.output.startswith("govtext: error: cannot reach the Dask scheduler")


def test_the_dashboard_address_goes_to_stderr(capsys):
    from govtext.executor_dask import _announce_dashboard

    class Client:
        dashboard_link = "http://127.0.0.1:8787/status"

        def __init__(self, services):
            self.services = services

        def scheduler_info(self):
            return {"services": self.services}

    _announce_dashboard(Client({"dashboard": 8787}))
    _announce_dashboard(Client({}))  # no dashboard running: nothing said
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "Dask dashboard: http://127.0.0.1:8787/status\n"


def _worker_facts(_task) -> tuple[int, bool]:
    """Where a worker came from: its parent process, and whether it started with the parse pipeline."""
    return os.getppid(), "govtext.pipeline" in sys.modules


@pytest.mark.skipif(sys.platform != "linux", reason="the fork server's threads are read from /proc (Linux)")
def test_local_workers_come_from_a_single_threaded_fork_server():
    # Never forked from this process, whose scheduler runs threads (a fork taken while one held a
    # lock once hung the cluster's start); forked from a server that has the pipeline loaded.
    # The server is found from the workers' side (their parent) and read in /proc: no private
    # attribute of multiprocessing is needed.
    from govtext.executor import run_ordered

    facts = run_ordered(_worker_facts, range(4), jobs=2, scheduler="local")
    parents = {parent for parent, _ in facts}
    assert len(parents) == 1, "the workers come from more than one parent"
    server = parents.pop()
    assert server != os.getpid()
    with open(f"/proc/{server}/cmdline", "rb") as fh:
        assert b"multiprocessing.forkserver" in fh.read(), "the workers' parent is no fork server"
    assert all(preloaded for _, preloaded in facts)
    assert os.listdir(f"/proc/{server}/task") == [str(server)]  # one thread: a fork from it is safe
