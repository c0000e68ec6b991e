"""Every command has help and is documented in the README; the README's examples are true."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from govtext.cli import main

from conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


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


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_every_option_is_in_the_readme(name):
    for param in _command(name).params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert opt in README, f"{name} {opt} is not documented in README.md"


def test_quick_start_matches_ci():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    for line in ("pip install . && govtext tree", "pip install '.[test]' && python -m pytest -q"):
        assert line in README and line in ci


def _readme_block(command: str) -> str:
    """The output shown under ``$ COMMAND`` in the README's code block."""
    start = README.index(f"$ {command}\n") + len(command) + 3
    return README[start : README.index("```", start)]


def test_readme_tree_output_is_current():
    result = CliRunner().invoke(main, ["tree", "--depth", "2"], terminal_width=80)
    assert result.stdout == _readme_block("govtext tree --depth 2")
