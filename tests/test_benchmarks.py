"""The benchmark scripts start as scripts should: --help describes without running, a run
does not crash, and a missing program is reported as skipped (issue 19)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from conftest import CORPUS, CORPUS_REASON, ROOT

SCRIPTS = sorted((ROOT / "benchmarks").glob("bench_*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_help_describes_without_running(script):
    proc = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("usage:") and proc.stderr == ""


def test_bench_amend_runs_to_the_end():
    if not (CORPUS / "law-xingfa-2023.txt").is_file():
        pytest.skip(CORPUS_REASON)
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_amend.py"), "--runs", "1"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "redline .docx" in proc.stdout


def test_bench_formats_reports_missing_libreoffice_as_a_skip(tmp_path, monkeypatch, capsys):
    spec = importlib.util.spec_from_file_location("bench_formats", ROOT / "benchmarks" / "bench_formats.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 not really a Word file")
    (tmp_path / "old.expected.txt").write_text("第一条 示例。\n", "utf-8")
    import govtext.formats.doc

    monkeypatch.setattr(govtext.formats.doc, "find_soffice", lambda: None)
    bench.ours(tmp_path, 1)
    out = capsys.readouterr().out
    assert "skipped: LibreOffice (soffice) is not installed" in out and "DIFFER" not in out
