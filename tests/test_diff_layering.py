"""Each third-party library in its corner, and jieba loaded only when words are compared."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from diff_helpers import DIFF_FIXTURES

PACKAGE = Path(__file__).resolve().parents[1] / "govtext"
CORNERS = {
    "jieba": {"segment/reference.py"},  # the reference the port is tested against
    "lxml": set(),  # the XML report builds through govtext.xmlfmt.markup
    "rich": {"report/terminal.py", "report/history_terminal.py", "report/targets_terminal.py"},
    "click": set(),
}


@pytest.mark.parametrize("library", sorted(CORNERS))
def test_library_imported_only_in_its_corner(library: str) -> None:
    pattern = re.compile(rf"^\s*(import|from)\s+{library}\b", re.MULTILINE)
    found = {
        str(path.relative_to(PACKAGE))
        for folder in ("diff", "report", "segment")
        for path in (PACKAGE / folder).rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    }
    assert found <= CORNERS[library]


def test_lxml_only_inside_xmlfmt_and_the_html_reader() -> None:
    # XML is written and read in xmlfmt; web pages are read by formats/html.py (lxml.html),
    # a reader of someone else's markup that never touches govtext's XML.
    pattern = re.compile(r"^\s*(import|from)\s+lxml\b", re.MULTILINE)
    found = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    }
    assert "xmlfmt/writer.py" in found
    assert all(name.startswith("xmlfmt/") or name == "formats/html.py" for name in found), found


def test_xml_illegal_characters_defined_once() -> None:
    # The class always spans the surrogates and U+FFFE; only govtext/xmlfmt/__init__ may spell it.
    spelled = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "\\ud800-\\udfff\\ufffe" in path.read_text(encoding="utf-8")
    }
    assert spelled == {"xmlfmt/__init__.py"}


def test_identical_versions_never_load_jieba() -> None:
    old = DIFF_FIXTURES / "identical" / "old.txt"
    code = (
        "import sys\n"
        "from govtext.pipeline import load\n"
        "from govtext.diff import diff_documents\n"
        f"doc = load({str(old)!r})\n"
        "assert not diff_documents(doc, doc).changes\n"
        "assert 'jieba' not in sys.modules and 'lxml' not in sys.modules and 'rich' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
