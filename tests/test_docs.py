"""Every command has help and is documented (README.md and docs/); the examples are true."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from govtext.cli import main

from conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")
# The README is the front door; each command's reference is a page in docs/.
DOCS = "\n".join(path.read_text("utf-8") for path in sorted((ROOT / "docs").glob("*.md")))
ALL_DOCS = README + "\n" + DOCS


COMMAND_NAMES = main.list_commands(None)


def _command(name):
    return main.get_command(None, name)


def test_all_commands_are_listed():
    from govtext.cli import COMMANDS

    assert COMMAND_NAMES == sorted(COMMANDS)
    assert {"amend", "diff", "history", "ledger", "tree", "validate", "xml"} <= set(COMMAND_NAMES)
    result = CliRunner().invoke(main, ["--help"])
    assert all(name in result.stdout for name in COMMAND_NAMES)


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_command_has_help_and_readme_section(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert len(_command(name).help or "") > 20
    assert f"govtext {name}" in README
    assert f"govtext {name}" in DOCS


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_every_option_is_in_the_readme(name):
    for param in _command(name).params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert opt in DOCS, f"{name} {opt} is not documented in docs/"


def test_quick_start_matches_ci():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    for line in ("pip install . && govtext tree", "pip install '.[test]' && python -m pytest -q"):
        assert line in README and line in ci


def _readme_block(command: str) -> str:
    """The output shown under ``$ COMMAND`` in a code block of the README or docs/."""
    start = ALL_DOCS.index(f"$ {command}\n") + len(command) + 3
    return ALL_DOCS[start : ALL_DOCS.index("```", start)]


def test_readme_tree_output_is_current():
    result = CliRunner().invoke(main, ["tree", "--depth", "2"], terminal_width=80)
    assert result.stdout == _readme_block("govtext tree --depth 2")
