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


# --- .docx: what is inflated counts, not what the zip declares (issue 20 item 3) ----------------


def _docx_with_part(payload: bytes, declared: int | None = None) -> bytes:
    """A real .docx plus one deflated part holding ``payload``; ``declared`` overwrites the size
    the zip states for that part (central directory and local header), as a zip bomb does."""
    import io
    import struct
    import zipfile

    from formats_helpers import docx_bytes

    base = docx_bytes(lambda d: d.add_paragraph("第一条 正文。"))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr("customXml/item9.xml", payload)
    data = bytearray(out.getvalue())
    if declared is not None:
        name = b"customXml/item9.xml"
        central = data.rindex(b"PK\x01\x02")  # the last entry of the central directory
        assert data[central + 46: central + 46 + len(name)] == name
        struct.pack_into("<I", data, central + 24, declared)
        local = data.rindex(b"PK\x03\x04", 0, central)
        assert data[local + 30: local + 30 + len(name)] == name
        struct.pack_into("<I", data, local + 22, declared)
    return bytes(data)


def test_docx_unpacking_beyond_max_bytes_is_refused(tmp_path):
    """A small .docx holding more XML than --max-bytes: refused as the inflated bytes are counted."""
    path = tmp_path / "big.docx"
    path.write_bytes(_docx_with_part(b"<a>" + b"x" * (3 << 20) + b"</a>"))
    assert path.stat().st_size < (1 << 20)
    result = CliRunner().invoke(main, ["tree", str(path), "--max-bytes", "1M"])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and "unpacks to more than 1,048,576 bytes" in result.stderr
    assert CliRunner().invoke(main, ["tree", str(path), "--max-bytes", "10M"]).exit_code == 0


def test_docx_part_lying_about_its_size_is_refused_without_inflating_it():
    """A part declaring 1,000 bytes that inflates to 64 MB: refused while memory stays small."""
    import tracemalloc

    from govtext.errors import InputError
    from govtext.formats.docx import extract_docx

    data = _docx_with_part(b"\0" * (64 << 20), declared=1000)
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="bomb.docx: not a readable .docx"):
            extract_docx(data, "bomb.docx", max_bytes=1 << 20)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20, peak
