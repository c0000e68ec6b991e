"""`govtext validate` notices text edited after export: the source sha256 no longer matches."""

from __future__ import annotations

import pytest

from govtext.pipeline import load
from govtext.xmlfmt.validate import validate_bytes
from govtext.xmlfmt.writer import to_xml

from conftest import FIXTURES


def test_edited_leaf_text_is_invalid():
    xml = to_xml(load(None))
    assert validate_bytes(xml) == []
    tampered = xml.replace("构建党委领导体制。".encode(), "构建党委领导机制。".encode(), 1)
    problems = validate_bytes(tampered)
    assert len(problems) == 1 and "sha256" in problems[0].message


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk", "utf-16-le", "utf-16-be", "utf-16"])
def test_every_detected_encoding_still_validates(tmp_path, encoding):
    text = (FIXTURES / "numbered-items.txt").read_text("utf-8").replace("\n", "\r\n")
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + text).encode(encoding)  # a BOM in either byte order
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    assert validate_bytes(to_xml(load(str(path)))) == []
