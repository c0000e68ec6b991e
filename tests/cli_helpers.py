"""Test helpers for the command line: what a user-caused error must look like."""

from __future__ import annotations


def one_error_line(result, *needles: str) -> str:
    """The one ``govtext: error:`` line of a run that exited 2 with no traceback, holding every needle."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("govtext: error:"), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]
