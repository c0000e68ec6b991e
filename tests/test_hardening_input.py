"""Issue #10, input: size cap, --encoding / --errors, offsets of undecodable bytes,
XML sniffed only for govtext XML, and diff's empty side."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from govtext.cli import main
from govtext.errors import InputError
from govtext.pipeline import looks_like_xml
from govtext.textio import DEFAULT_MAX_BYTES, decode_input, read_bytes

from cli_helpers import one_error_line
from conftest import FIXTURES

LAW = FIXTURES / "law-basic.txt"
TEXT = "一、总体要求\n\n　　要加强党的领导。坚持以人民为中心的发展思想。\n\n二、主要任务\n\n　　推进社会治理现代化。\n" * 4


@pytest.fixture
def runner():
    return CliRunner()


# --- size cap -----------------------------------------------------------------------------


def test_endless_stream_is_cut_at_the_cap_in_a_real_process():
    """govtext tree /dev/zero: one line, exit 2 — read no further than the cap."""
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero on this system")
    proc = subprocess.run([sys.executable, "-m", "govtext", "tree", "/dev/zero", "--max-bytes", "1M"],
                          capture_output=True, timeout=60)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert err.count("\n") == 1 and "/dev/zero: input too large" in err and "1048576" in err


def test_large_regular_file_is_refused_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse: costs no disk
        fh.truncate(DEFAULT_MAX_BYTES + 1)

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr("govtext.textio._read_capped", no_reading)
    with pytest.raises(InputError, match=f"{DEFAULT_MAX_BYTES + 1} bytes; the limit is {DEFAULT_MAX_BYTES}"):
        read_bytes(str(big))


def test_max_bytes_option_for_files_and_stdin(runner, tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    size = path.stat().st_size
    for cmd in (["tree"], ["xml"], ["diff", str(LAW)]):
        one_error_line(runner.invoke(main, [*cmd, str(path), "--max-bytes", str(size - 1)]), "too large")
        assert runner.invoke(main, [*cmd, str(path), "--max-bytes", str(size)]).exit_code in (0, 1)
    result = runner.invoke(main, ["tree", "-", "--max-bytes", "1K"], input=TEXT.encode("utf-8") * 10)
    one_error_line(result, "-: input too large", "1024")
    assert runner.invoke(main, ["tree", "-", "--max-bytes", "1M"], input=TEXT.encode("utf-8")).exit_code == 0


def test_validate_takes_max_bytes(runner, tmp_path):
    archive = tmp_path / "a.xml"
    assert runner.invoke(main, ["xml", str(LAW), "-o", str(archive)]).exit_code == 0
    one_error_line(runner.invoke(main, ["validate", str(archive), "--max-bytes", "100"]), "too large")
    assert runner.invoke(main, ["validate", str(archive), "--max-bytes", "10M"]).exit_code == 0


@pytest.mark.parametrize("value", ["0", "-5", "lots", "1.5M", ""])
def test_bad_max_bytes_is_a_usage_error(runner, value):
    one_error_line(runner.invoke(main, ["tree", str(LAW), "--max-bytes", value]), "--max-bytes")


# --- encodings ---------------------------------------------------------------------------


def _gb18030_with_a_stray_byte(offset: int = 40) -> bytes:
    data = TEXT.encode("gb18030")
    while data[offset] >= 0x80:  # put it between characters, not inside one
        offset += 1
    return data[:offset] + b"\xff" + data[offset:]


def test_stray_byte_in_gb18030_reports_offset_and_encodings_tried(runner, tmp_path):
    data = _gb18030_with_a_stray_byte()
    offset = data.index(b"\xff")
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    line = one_error_line(runner.invoke(main, ["tree", str(path)]), "utf-8", "gb18030", f"byte offset {offset}",
                           "--encoding", "--errors replace")
    assert "report.txt" in line


@pytest.mark.parametrize("extra", [["--encoding", "gb18030"], []], ids=["named", "detected"])
def test_errors_replace_reads_it_and_warns(runner, tmp_path, extra):
    data = _gb18030_with_a_stray_byte()
    offset = data.index(b"\xff")
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    result = runner.invoke(main, ["tree", str(path), "--format", "json", "--errors", "replace", *extra])
    assert result.exit_code == 0, result.output
    outline = json.loads(result.stdout)
    assert outline["source"]["encoding"] == "gb18030"
    warning = result.stderr.strip()
    assert warning.startswith("govtext: warning:") and warning.count("\n") == 0
    assert "1 undecodable byte sequence" in warning and f"byte offset {offset}" in warning


def test_named_encoding_without_replace_reports_the_offset(runner, tmp_path):
    data = _gb18030_with_a_stray_byte()
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    offset = data.index(b"\xff")
    one_error_line(runner.invoke(main, ["tree", str(path), "--encoding", "gb18030"]),
                    "cannot decode as gb18030", f"byte offset {offset}")


def test_encoding_overrides_detection(runner, tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes("一、總體要求\n\n　　要加強黨的領導。\n".encode("big5"))
    result = runner.invoke(main, ["tree", str(path), "--format", "json", "--encoding", "big5"])
    assert result.exit_code == 0, result.output
    outline = json.loads(result.stdout)
    assert outline["source"]["encoding"] == "big5"
    assert "總體要求" in json.dumps(outline, ensure_ascii=False)


@pytest.mark.parametrize("name", ["klingon", "base64", "rot13"])
def test_unknown_or_non_text_encoding_is_a_usage_error(runner, name):
    for cmd in (["tree", str(LAW)], ["xml", str(LAW)], ["diff", str(LAW), str(LAW)]):
        one_error_line(runner.invoke(main, [*cmd, "--encoding", name]), name)


def test_decode_input_counts_every_replacement():
    data = b"\xff" + "一、要求\n".encode("utf-8") + b"\xfe\xfe"
    decoded = decode_input(data, "t", encoding="utf-8", errors="replace")
    assert (decoded.replaced, decoded.first_replaced) == (3, 0)
    assert decoded.text.count("\ufffd") == 3


def test_stdin_closed_is_one_line():
    proc = subprocess.run([sys.executable, "-m", "govtext", "tree", "-"], stdin=None, capture_output=True,
                          timeout=60, preexec_fn=lambda: os.close(0))
    assert proc.returncode == 2 and b"standard input is closed" in proc.stderr and b"Traceback" not in proc.stderr


# --- XML sniffing ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "<标题>\n一、总体要求\n\n　　要加强党的领导。\n",
    "<b>一、总体要求</b>\n\n　　要加强党的领导。\n",
    "  <<中华人民共和国示例法>>\n第一条 为了规范示例活动，制定本法。\n",
])
def test_text_beginning_with_a_bracket_is_text(runner, tmp_path, text):
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["tree", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"]["chars"] == len(text)


@pytest.mark.parametrize("head, xml", [
    (b'<?xml version="1.0"?><govtext xmlns="urn:govtext:xml:1"/>', True),
    (b'\xef\xbb\xbf  <govtext xmlns="urn:govtext:xml:1" format="govtext/xml">', True),
    (b'<!-- archived --><g:govtext xmlns:g="urn:govtext:xml:1">', True),
    (b"<!DOCTYPE govtext [<!ENTITY x 'y'>]><govtext/>", True),
    ('<?xml version="1.0" encoding="UTF-16"?><govtext/>'.encode("utf-16"), True),
    ('<?xml version="1.0" encoding="UTF-16"?><govtext/>'.encode("utf-16-le"), True),
    ("<标题>一、总体要求".encode("utf-8"), False),
    (b"<html><body>", False),
    (b"<govtextual>", False),
    (b"<document><section>unclosed", True),  # issue 20: an archive's <document>, cut down
    (b"<documents>", False),
    ("《中华人民共和国立法法》".encode("utf-8"), False),
])
def test_xml_is_sniffed_only_for_govtext_xml(head, xml):
    assert looks_like_xml(head) is xml


# --- diff with an empty side ------------------------------------------------------------------


def _summary(result) -> dict:
    return json.loads(result.stdout)["summary"]


@pytest.mark.parametrize("empty", ["/dev/null", "file", "blank"])
def test_diff_against_an_empty_side(runner, tmp_path, empty):
    if empty == "/dev/null" and not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null")
    path = "/dev/null" if empty == "/dev/null" else str(tmp_path / "empty.txt")
    if empty != "/dev/null":
        (tmp_path / "empty.txt").write_text("" if empty == "file" else "\n  \n", encoding="utf-8")
    added = runner.invoke(main, ["diff", path, str(LAW), "--format", "json"])
    assert added.exit_code == 1, added.output
    assert _summary(added)["added"] > 0 and _summary(added)["removed"] == 0
    removed = runner.invoke(main, ["diff", str(LAW), path, "--format", "json"])
    assert removed.exit_code == 1, removed.output
    assert _summary(removed)["removed"] > 0 and _summary(removed)["added"] == 0
    both = runner.invoke(main, ["diff", path, path])
    assert both.exit_code == 0, both.output


def test_diff_with_empty_stdin(runner):
    result = runner.invoke(main, ["diff", "-", str(LAW), "--format", "json"], input=b"")
    assert result.exit_code == 1 and _summary(result)["added"] > 0


@pytest.mark.parametrize("cmd", [["tree"], ["xml"]])
def test_other_commands_still_refuse_empty_input(runner, tmp_path, cmd):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    one_error_line(runner.invoke(main, [*cmd, str(path)]), "empty input")


# --- issue 20: codecs that are no character set, and sizes past what an index holds --------


@pytest.mark.parametrize("name", ["undefined", "punycode", "idna", "unicode_escape", "raw_unicode_escape"])
@pytest.mark.parametrize("errors", ["strict", "replace"])
def test_codecs_that_are_no_character_set_are_a_usage_error(runner, name, errors):
    """undefined always raises, idna and punycode refuse any error handler but strict, and the
    escape codecs read backslash syntax, not characters: none is the encoding of a file."""
    for cmd in (["tree", str(LAW)], ["diff", str(LAW), str(LAW)]):
        one_error_line(runner.invoke(main, [*cmd, "--encoding", name, "--errors", errors]), name)


def test_decode_input_turns_any_codec_failure_into_an_input_error(monkeypatch):
    import codecs

    def search(name):
        if name == "always_fails":
            def decode(data, errors="strict"):
                raise UnicodeError("no")
            return codecs.CodecInfo(None, decode, name="always_fails")
        return None

    codecs.register(search)
    try:
        with pytest.raises(InputError, match="x.txt: cannot decode as always_fails"):
            decode_input(b"abc", "x.txt", "always_fails", "replace")
    finally:
        codecs.unregister(search)


@pytest.mark.parametrize("value", ["99999999999G", "9" * 30])
def test_a_size_past_any_index_is_a_usage_error(runner, value):
    one_error_line(runner.invoke(main, ["tree", str(LAW), "--max-bytes", value]), "--max-bytes")


def test_a_limit_far_above_the_file_reads_it(runner):
    assert runner.invoke(main, ["tree", str(LAW), "--max-bytes", "4000000000G"]).exit_code == 0


@pytest.mark.parametrize("content", [b"<document><section>unclosed", b"<govtext><document>", b'<document id="d"/>'])
def test_malformed_archive_opening_with_our_root_is_refused(runner, tmp_path, content):
    """Issue 20 (also measured): it was read as a plain text, exit 0."""
    path = tmp_path / "archive.xml"
    path.write_bytes(content)
    one_error_line(runner.invoke(main, ["tree", str(path)]), "archive.xml")
    plain = tmp_path / "archive.txt"
    plain.write_bytes(content)
    one_error_line(runner.invoke(main, ["tree", str(plain)]), "archive.txt")
