"""Large files of every format are refused by the input cap before they are read."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from govtext.cli import main
from formats_helpers import pdf_bytes


@pytest.mark.parametrize("head", [b"%PDF-1.7\n", b"PK\x03\x04word/document.xml", b"<!DOCTYPE html><html>"])
def test_a_file_over_the_cap_is_one_line(tmp_path, head):
    big = tmp_path / "big.bin"
    big.write_bytes(head + b"\0" * (2 << 20))
    result = CliRunner().invoke(main, ["tree", str(big), "--max-bytes", "1M"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert str(big) in result.output


def test_a_200_mb_pdf_is_refused_at_the_default_cap_without_reading_it(tmp_path):
    # A sparse file: 200 MB and one byte on paper, nothing on disk, refused from its size alone.
    huge = tmp_path / "gongbao.pdf"
    with open(huge, "wb") as fh:
        fh.write(pdf_bytes([[("Article 1", 50, 500)]]))
        fh.truncate(200 * (1 << 20) + 1)
    proc = subprocess.run([sys.executable, "-m", "govtext", "tree", str(huge)], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("govtext: error: ") and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr and proc.stdout == ""
