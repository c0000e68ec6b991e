"""Start-up: `govtext tree` piped prints Rich's text without importing Rich, and exits fast."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rich.cells import cell_len
from rich.console import Console

from conftest import FIXTURES, corpus_cases, corpus_files, fixture_files
from govtext.cli import main
from govtext.pipeline import load, parse_text
from govtext.render import plain
from govtext.render.labels import outline
from govtext.render.theme import THEME
from govtext.render.tree import build_tree

LOCAL = [None] + [str(p) for p in fixture_files()]


def rich_text(doc, width: int, **options) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, theme=THEME, highlight=False)
    console.print(build_tree(doc, **options))
    return console.file.getvalue()


def _check_same(source, widths, variants) -> None:
    doc = load(source)
    for width in widths:
        for options in variants:
            text = plain.render(outline(doc, **options), width)
            if width >= 60:
                assert text is not None, (width, options)  # the fast path serves every real document
            if text is not None:  # too narrow for the guides: Rich draws it
                assert text == rich_text(doc, width, **options), (width, options)


@pytest.mark.parametrize("source", LOCAL, ids=lambda s: os.path.basename(s or "sample"))
def test_plain_text_is_exactly_rich_text(source) -> None:
    _check_same(source, (20, 37, 60, 80, 120), ({}, {"sentences": True}, {"depth": 1}))


@pytest.mark.parametrize("source", corpus_cases([str(p) for p in corpus_files()]), ids=os.path.basename)
def test_plain_text_is_exactly_rich_text_on_the_corpus(source) -> None:
    _check_same(source, (80,), ({}, {"sentences": True}))


@pytest.mark.parametrize("width", [1, 2, 3, 5, 8, 9, 12])
def test_narrow_widths_match_or_hand_over_to_rich(width) -> None:
    doc = load(str(FIXTURES / "law-books-zhiyi.txt"))
    text = plain.render(outline(doc, sentences=True), width)
    assert text is None or text == rich_text(doc, width, sentences=True)


def test_known_characters_have_rich_widths() -> None:
    """Every character the plain renderer measures, measured by Rich too."""
    known = [chr(c) for c in range(0x20, 0x10000) if plain.known(chr(c))]
    assert len(known) > 29000  # ASCII, Latin-1, punctuation, CJK ideographs and forms
    wrong = [(hex(ord(c)), plain.cells(c), cell_len(c)) for c in known if plain.cells(c) != cell_len(c)]
    assert wrong == []
    assert plain.cells("".join(known)) == sum(cell_len(c) for c in known)


def test_an_unknown_character_hands_over_to_rich() -> None:
    doc = parse_text("一、完善社会治理体制 😀\n推进社会治理现代化。\n")
    assert plain.render(outline(doc), 80) is None
    result = CliRunner().invoke(main, ["tree", "-"], input="一、完善社会治理体制 😀\n推进社会治理现代化。\n",
                                env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "😀" in result.stdout


def test_control_characters_are_shown_not_sent() -> None:
    text = "一、完善\x1b[2J社会治理体制\n推进\u202e社会治理现代化。\n"
    result = CliRunner().invoke(main, ["tree", "-", "--show", "sentences"], input=text)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "\\x1b[2J" in result.stdout and "\\u202e" in result.stdout


def test_width_follows_columns_and_files_are_120_wide(tmp_path) -> None:
    doc = load(None)
    narrow = CliRunner().invoke(main, ["tree"], env={"COLUMNS": "50"})
    assert narrow.stdout == rich_text(doc, 50)
    out = tmp_path / "tree.txt"
    assert CliRunner().invoke(main, ["tree", "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == rich_text(doc, 120)




def test_piped_tree_never_imports_rich() -> None:
    clean = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    code = ("import sys\nfrom govtext.cli import main\ntry: main(['tree'])\nexcept SystemExit: pass\n"
            "sys.stderr.write(' '.join(sorted(m for m in ('rich', 'lxml', 'jieba', 'marisa_trie', 'click') if m in sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=clean)
    assert proc.returncode == 0 and proc.stderr == "click"
    assert "完善社会治理体制" in proc.stdout


def test_piped_tree_loads_neither_openssl_nor_the_toml_parser() -> None:
    # Each costs ~5 ms of a ~20 ms start-up: the sample is small enough for the built-in
    # SHA-256, and the default lexicon comes from its parsed snapshot.
    code = ("import sys\nfrom govtext.cli import main\ntry: main(['tree'])\nexcept SystemExit: pass\n"
            "sys.stderr.write(' '.join(sorted(m for m in ('hashlib', '_hashlib', 'tomllib') if m in sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stderr == ""


def test_piped_tree_compiles_no_amount_pattern() -> None:
    # Only the targets read amounts; the pattern costs re ~1.4 ms of a law's start-up.
    law = str(FIXTURES / "law-basic.txt")
    code = ("import sys\nfrom govtext.cli import main\nimport govtext.numerals as n\n"
            f"try: main(['tree', {law!r}])\nexcept SystemExit: pass\n"
            "sys.stderr.write(str(n._amount_patterns.cache_info().currsize))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stderr == "0"
    assert "第一条" in proc.stdout


def test_forced_colour_still_goes_through_rich() -> None:
    proc = subprocess.run([sys.executable, "-m", "govtext", "tree"], capture_output=True, text=True,
                          env={**os.environ, "FORCE_COLOR": "1", "COLUMNS": "80"})
    assert proc.returncode == 0
    assert "\x1b[" in proc.stdout


def test_fast_exit_keeps_output_and_exit_status(tmp_path) -> None:
    """os._exit after flushing: the whole output arrives and the exit status survives."""
    law = str(FIXTURES / "law-books-zhiyi.txt")
    proc = subprocess.run([sys.executable, "-m", "govtext", "tree", law, "--show", "sentences"],
                          capture_output=True, env={**os.environ, "COLUMNS": "90"})
    assert proc.returncode == 0 and proc.stderr == b""
    assert proc.stdout.decode("utf-8") == rich_text(load(law), 90, sentences=True)
    missing = subprocess.run([sys.executable, "-m", "govtext", "tree", str(tmp_path / "nope.txt")],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and missing.stderr.startswith("govtext: error:")
    diff_case = FIXTURES / "diff" / "law-reworded"
    changed = subprocess.run([sys.executable, "-m", "govtext", "diff", str(diff_case / "old.txt"),
                              str(diff_case / "new.txt"), "-q"], capture_output=True)
    assert changed.returncode == 1


def test_reader_going_away_is_quiet() -> None:
    law = str(FIXTURES / "law-books-zhiyi.txt")
    proc = subprocess.Popen([sys.executable, "-m", "govtext", "tree", law, "--show", "sentences"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()
    _, err = proc.communicate()
    assert b"Traceback" not in err
