"""The amendment tools keep to their layers: python-docx only in govtext/word (writing) and
govtext/formats/docx.py (reading), the amend
package above the model alone (no parser, differ, reports, CLI or third-party library)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "govtext"


def _imports(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    return set(re.findall(r"^\s*(?:from|import)\s+([\w.]+)", text, re.MULTILINE))


def test_docx_only_in_the_word_package_and_the_docx_reader():
    users = {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
             if any(m == "docx" or m.startswith("docx.") for m in _imports(p))}
    assert "word/redline.py" in users
    assert all(u.startswith("word/") or u == "formats/docx.py" for u in users), users


def test_amend_package_depends_on_the_model_only():
    forbidden = ("govtext.diff", "govtext.report", "govtext.cli", "govtext.pipeline", "govtext.parse",
                 "govtext.xmlfmt", "click", "rich", "lxml", "jieba", "docx")
    for path in (PACKAGE / "amend").glob("*.py"):
        bad = {m for m in _imports(path) if m.startswith(forbidden)}
        assert not bad, f"{path.name} imports {bad}"


def test_amend_does_not_load_heavy_libraries():
    code = ("import sys\n"
            "from govtext.amend import read_instrument\n"
            "read_instrument('关于修改《示例法》的决定\\n一、删去第三条。\\n')\n"
            "assert not {'jieba', 'lxml', 'rich', 'docx'} & set(sys.modules)\n")
    subprocess.run([sys.executable, "-c", code], check=True)
