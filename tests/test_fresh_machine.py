"""The README's test line on a fresh clone: no ../shared beside it, no LibreOffice.

The suite must collect and skip (saying why) what needs the real documents; a collection
error there stops pytest before any test runs, which CI on a machine with ../shared never sees.
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def test_the_suite_collects_without_the_corpus(tmp_path):
    env = dict(os.environ, GOVTEXT_TEST_SHARED=str(tmp_path / "no-shared"))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", str(ROOT / "tests")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "error" not in result.stdout.splitlines()[-1], result.stdout[-3000:]
