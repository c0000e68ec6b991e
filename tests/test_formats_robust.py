"""Damaged files of every format: read, or refused with InputError — never another exception."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from govtext.errors import InputError
from govtext.formats import extract
from govtext.formats.detect import detect

from conftest import FIXTURES
from formats_helpers import docx_bytes, numbered, add_numbering, level, pdf_bytes


@lru_cache(maxsize=None)
def _originals() -> tuple[bytes, ...]:
    def build(document):
        add_numbering(document, level(0, "chineseCounting", "%1、"))
        numbered(document.add_paragraph("总体要求"), 7)
        document.add_paragraph("要加强党的领导。")

    return (
        docx_bytes(build),
        pdf_bytes([[("First line of the text", 40, 500), ("- 1 -", 190, 20)]]),
        (FIXTURES / "formats" / "govcn-page.html").read_bytes(),
    )


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, 2), cut=st.floats(0.0, 1.0), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)),
                                                                           max_size=4))
@example(which=2, cut=1.0, flips=[(0.171875, 1)])  # a control character in a page: lxml refused the string
def test_damaged_files_are_read_or_refused(which, cut, flips):
    data = bytearray(_originals()[which][: max(1, int(len(_originals()[which]) * (0.2 + 0.8 * cut)))])
    for where, value in flips:
        data[int(where * (len(data) - 1))] = value
    data = bytes(data)
    fmt = detect(data, "damaged")
    if fmt not in ("html", "docx", "pdf"):
        return
    try:
        got = extract(data, fmt, "damaged")
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert got.text == got.text.strip() and "\x00" not in got.text
