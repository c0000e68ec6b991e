"""The default lexicon's parsed-ahead snapshot: current, equal to the TOML, and
ignored (not trusted) once the TOML changes."""

from __future__ import annotations

import tomllib

from govtext import lexicon, lexicon_snapshot
from tests.conftest import ROOT

TOML = ROOT / "govtext" / "data" / "lexicon.toml"
STALE = "lexicon_snapshot.py is stale: run `python -m govtext.lexicon` after editing data/lexicon.toml"


def test_snapshot_holds_the_shipped_toml_exactly():
    assert lexicon_snapshot.SOURCE == TOML.read_text(encoding="utf-8"), STALE


def test_snapshot_data_is_what_the_toml_parser_reads():
    assert lexicon_snapshot.DATA == tomllib.loads(lexicon_snapshot.SOURCE)


def test_snapshot_file_is_what_the_generator_writes():
    written = (ROOT / "govtext" / "lexicon_snapshot.py").read_text(encoding="utf-8")
    assert written == lexicon.snapshot_source(TOML.read_text(encoding="utf-8")), STALE


def test_default_lexicon_reads_an_edited_toml_not_the_stale_snapshot(monkeypatch, tmp_path):
    text = TOML.read_text(encoding="utf-8")
    assert "\ntier = [" in text
    edited = tmp_path / "lexicon.toml"
    edited.write_text(text.replace("\ntier = [", "\ntier = [\"试验区\", ", 1), encoding="utf-8")
    monkeypatch.setattr(lexicon, "_DEFAULT", str(edited))
    lexicon.default_lexicon.cache_clear()
    try:
        tiers = dict(lexicon.default_lexicon().kinds)["tier"]
    finally:
        lexicon.default_lexicon.cache_clear()
    assert "试验区" in tiers


def test_default_lexicon_equals_the_one_parsed_from_toml():
    lexicon.default_lexicon.cache_clear()
    assert lexicon.default_lexicon() == lexicon._from_mapping(tomllib.loads(TOML.read_text(encoding="utf-8")), "x")
