"""Every shell example in README.md and docs/*.md runs as written, from the checkout root.

An example is a fenced code block holding ``$ COMMAND`` lines; the lines after a command, up
to the next one, are its documented output (standard output and standard error together).
The output must match exactly — compared line by line without trailing spaces — except where
the documentation shows a line that is only ``…``: that stands for any number of lines left
out (an abbreviated output). A command shown without output must still succeed (exit 0 or 1,
the diff convention, and no error line).

Each block runs in a fresh folder that looks like the checkout root (``fixtures/`` and
``govtext/`` linked in, ``../shared`` beside it when the real documents are there), so the
files an example writes never land in the repository. Examples that need the real documents,
LibreOffice or pandas skip, saying why, where those are absent.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import CORPUS_REASON, ROOT, SHARED

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
ELLIPSIS = "…"  # a documented output line that is only this stands for lines left out


@dataclass
class Command:
    line: str  # as written after "$ "
    output: list[str]  # documented output lines (may be empty)


@dataclass
class Example:
    page: Path
    lineno: int  # of the block's first command
    commands: list[Command]

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.lineno}"


def _examples(page: Path) -> list[Example]:
    examples, block, in_fence = [], None, False
    for number, line in enumerate(page.read_text("utf-8").split("\n"), 1):
        if line.lstrip().startswith("```"):
            if in_fence and block and block.commands:
                examples.append(block)
            in_fence, block = not in_fence, None
            continue
        if not in_fence:
            continue
        if line.startswith("$ "):
            if block is None:
                block = Example(page, number, [])
            block.commands.append(Command(line[2:], []))
        elif block is not None and block.commands:
            block.commands[-1].output.append(line)
    return examples


EXAMPLES = [example for page in PAGES for example in _examples(page)]


def _needs(example: Example) -> str | None:
    """Why this example cannot run here, or None."""
    text = "\n".join(command.line for command in example.commands)
    if "../shared" in text and not (SHARED / "corpus").is_dir():
        return CORPUS_REASON
    if re.search(r"\.(doc|rtf|wps)\b", text) and not (shutil.which("soffice") or shutil.which("libreoffice")):
        return "needs LibreOffice (soffice) to read .doc/.rtf/.wps, not installed here"
    if "import pandas" in text:
        try:
            import pandas  # noqa: F401
        except ImportError:
            return "needs pandas (pip install pandas), not installed here"
    return None


def _matches(expected: list[str], actual: list[str]) -> bool:
    """``expected`` equals ``actual`` where a line ``…`` may stand for any run of lines."""
    chunks, chunk = [], []
    for line in expected:
        if line == ELLIPSIS:
            chunks.append(chunk)
            chunk = []
        else:
            chunk.append(line)
    chunks.append(chunk)
    if len(chunks) == 1:
        return expected == actual
    first, *middle, last = chunks
    if actual[: len(first)] != first or (last and actual[len(actual) - len(last):] != last):
        return False
    position, end = len(first), len(actual) - len(last)
    if end < position:
        return False
    for chunk in middle:  # each in order, contiguous, leftmost
        for start in range(position, end - len(chunk) + 1):
            if actual[start : start + len(chunk)] == chunk:
                position = start + len(chunk)
                break
        else:
            return False
    return True


def _lines(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def test_the_documentation_has_examples():
    pages = {example.page.name for example in EXAMPLES}
    assert {"README.md", "tree.md", "diff.md", "xml.md", "ledger.md", "amend.md", "history.md"} <= pages


def test_an_abbreviated_output_still_has_to_match():
    assert _matches(["a", "…", "d"], ["a", "b", "c", "d"])
    assert _matches(["a", "…"], ["a", "b"]) and _matches(["…", "c", "…"], ["a", "c", "d"])
    assert not _matches(["a", "…", "e"], ["a", "b", "c", "d"])
    assert not _matches(["a", "b"], ["a", "b", "c"])  # without … the output is exact
    assert not _matches(["…", "x", "…"], ["a", "b"])


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.name)
def test_example_runs_as_documented(example: Example, tmp_path):
    reason = _needs(example)
    if reason:
        pytest.skip(reason)
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    for name in ("fixtures", "govtext", "benchmarks"):
        (checkout / name).symlink_to(ROOT / name)
    if SHARED.is_dir():
        (tmp_path / "shared").symlink_to(SHARED)
    bin_dir = str(Path(sys.executable).parent)  # the govtext script installed beside this Python
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
           "COLUMNS": "80", "LINES": "50", "NO_COLOR": "1", "TERM": "dumb"}
    for command in example.commands:
        result = subprocess.run(["bash", "-c", command.line], cwd=checkout, env=env, timeout=600,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        shown = f"{example.name}: $ {command.line}\n--- got (exit {result.returncode}):\n{result.stdout}"
        if command.output:
            if not _matches(_lines("\n".join(command.output)), _lines(result.stdout)):
                pytest.fail(shown + "--- documented:\n" + "\n".join(command.output), pytrace=False)
        elif result.returncode not in (0, 1) or "error:" in result.stdout:
            pytest.fail(shown, pytrace=False)
