"""Decoding: UTF-8 with/without BOM, GB18030/GBK, UTF-16; refusals for bad input."""

from __future__ import annotations

import codecs

import pytest

from govtext import textio
from govtext.errors import InputError, OutputError
from govtext.atomic import write_atomic
from govtext.textio import decode

TEXT = "　　完善社会治理体制\n　　构建党委领导体制。发挥党委总揽全局、协调各方的领导作用。\n" * 3


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-bom", "utf16le-no-bom"],
)
def test_encodings_are_detected(data, encoding):
    text, detected = decode(data, "t.txt")
    assert text == TEXT
    assert detected == encoding


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty input"),
        (b" \n\t\n", "empty input"),
        ("\u3000\u3000\n".encode("utf-8"), "empty input"),
        (bytes(range(256)) * 20, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    ],
    ids=["empty", "whitespace", "fullwidth-space", "bytes", "png"],
)
def test_bad_input_is_refused_with_a_message(data, message):
    with pytest.raises(InputError, match=message):
        decode(data, "bad.bin")


def test_write_atomic_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("os.fsync", boom)
    with pytest.raises(OutputError, match="out.txt: cannot write"):
        write_atomic(target, b"new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_write_atomic_replaces(tmp_path):
    target = tmp_path / "out.txt"
    write_atomic(target, "新".encode("utf-8"))
    assert target.read_text(encoding="utf-8") == "新"


def test_write_atomic_uses_the_umask_not_0600(tmp_path):
    import os

    target = tmp_path / "report.html"
    old = os.umask(0o022)
    try:
        write_atomic(target, b"x")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("text", ["同志们：\n今天开会。\n", "一、总体要求\n", "第一条 本法适用。\n"])
def test_short_gbk_is_not_mistaken_for_another_encoding(text):
    decoded, encoding = decode(text.encode("gbk"), "short.txt")
    assert (decoded, encoding) == (text, "gb18030")


@pytest.mark.parametrize("size", [0, 1, 1000, textio.BUILTIN_SHA256_LIMIT - 1, textio.BUILTIN_SHA256_LIMIT + 1])
def test_sha256_hex_is_hashlibs_on_both_sides_of_the_builtin_limit(size):
    import hashlib

    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    assert textio.sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_sha256_hex_falls_back_to_hashlib_without_a_builtin(monkeypatch):
    import hashlib

    monkeypatch.setattr(textio, "_builtin_sha256", lambda: None)
    assert textio.sha256_hex(b"abc") == hashlib.sha256(b"abc").hexdigest()
