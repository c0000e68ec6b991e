"""Shared test helpers: paths, the corpus (skipped where absent), golden files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
# The real documents and gold answers beside the checkout; GOVTEXT_TEST_SHARED points elsewhere
# (test_fresh_machine.py collects the suite with it pointing nowhere, as on a fresh clone).
SHARED = Path(os.environ.get("GOVTEXT_TEST_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
SAMPLE = ROOT / "seeds" / "000_efddb673e37cdc31.txt"

CORPUS_REASON = f"real documents not found at {CORPUS} (CI provides ../shared/corpus beside the checkout)"


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(CORPUS_REASON)
    return path


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def corpus_cases(paths: list | None = None) -> list:
    """Parameters for a test over corpus documents: the documents, or one case skipped with
    the reason where the corpus is absent (an empty list would skip without saying why)."""
    paths = corpus_files() if paths is None else paths
    return paths or [pytest.param(None, marks=pytest.mark.skip(reason=CORPUS_REASON), id="no-corpus")]


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SOFFICE_REASON = "LibreOffice (soffice) is not installed: .doc/.rtf files cannot be converted"
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason=SOFFICE_REASON)


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.glob("*.txt"))


def assert_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; GOVTEXT_UPDATE_GOLDEN=1 rewrites it and fails.

    Regenerating fails the test on purpose: a run that rewrites goldens must never
    look like a green run, so every regenerated file is inspected before it lands.
    """
    path = GOLDEN / name
    if os.environ.get("GOVTEXT_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        before = path.read_text(encoding="utf-8") if path.is_file() else None
        path.write_text(actual, encoding="utf-8")
        state = "unchanged" if before == actual else "rewritten"
        pytest.fail(f"golden file {path} regenerated ({state}); inspect it, then run again without "
                    "GOVTEXT_UPDATE_GOLDEN", pytrace=False)
    assert path.is_file(), f"missing golden file {path}; run with GOVTEXT_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"output differs from {path}"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """One cache folder for the whole run (the compiled dictionary is built once), never the user's."""
    from govtext import cache

    folder = tmp_path_factory.mktemp("govtext-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv("GOVTEXT_CACHE_DIR", str(folder))  # for the CLI and its subprocesses
    cache.configure(str(folder))
    yield folder
    cache.configure(None)
    patch.undo()
