"""The segmenter gives jieba's tokens (HMM=False) with the same extra words, without jieba."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, CORPUS_REASON, FIXTURES, SAMPLE
from govtext.diff.data import protected_terms
from govtext.diff.words import Segmenter
from govtext.segment import dictionary
from govtext.segment.cut import Cutter
from govtext.segment.reference import jieba_tokenizer, jieba_tokens

PROTECTED = [(term, None, None) for term in protected_terms()]
# User words as --userdict gives them: a new compound, a known word boosted, a known word
# hidden (frequency 0), a word given twice (the last wins), Latin and digits mixed in.
USER = [("全链条", None, None), ("一网通办", 5, None), ("社会治理", 0, None), ("治理效能", 3, None),
        ("治理效能", 900000, None), ("5G基站", 50, None), ("人民", 0, None)]


def corpus_lines() -> list[str]:
    files = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "series" / "gwr").glob("*.txt"))
    lines = dict.fromkeys(line for path in files for line in path.read_text(encoding="utf-8").splitlines())
    return list(lines)


def local_lines() -> list[str]:
    texts = [SAMPLE.read_text(encoding="utf-8")] + [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    crafted = ["5G基站和AI+应用、C919大飞机 covid-19 1.5%增长 a_b#c&d", "全链条一网通办\r\n提升治理效能。 ",
               "社会治理共同体与市域社会治理现代化", "", "   ", "ｆｕｌｌ　ｗｉｄｔｈ１２３", "𠀀𠀁 emoji 😀 mixed"]
    return list(dict.fromkeys(line for text in texts for line in text.splitlines())) + crafted


@pytest.fixture(scope="module")
def reference():
    """jieba with the diff's words, and jieba with the user words too (each loaded once)."""
    diff_words = Segmenter(PROTECTED).extra
    user_words = Segmenter(PROTECTED + USER).extra
    return {"diff": (jieba_tokenizer(diff_words), Segmenter(PROTECTED)),
            "user": (jieba_tokenizer(user_words), Segmenter(PROTECTED + USER))}


def mismatches(pair, lines: list[str]) -> list[tuple[str, list, list]]:
    jieba, ours = pair
    out = []
    for line in lines:
        expected, actual = jieba_tokens(jieba, line), ours.tokenize(line)
        if expected != actual:
            out.append((line, expected, actual))
    return out


@pytest.mark.parametrize("words", ["diff", "user"])
def test_same_tokens_as_jieba_on_local_texts(reference, words) -> None:
    assert mismatches(reference[words], local_lines()) == []


@pytest.mark.parametrize("words", ["diff", "user"])
def test_search_tokens_as_jieba_search_mode_on_local_texts(reference, words) -> None:
    # The topic index reads words as jieba's search mode gives them: the shorter dictionary
    # words inside each long one, then the word.
    jieba, ours = reference[words]
    for line in local_lines():
        assert ours.tokenize_for_search(line) == list(jieba.tokenize(line, mode="search", HMM=False)), line


def test_same_tokens_as_jieba_on_every_corpus_line(reference) -> None:
    """The acceptance check: every distinct line of the corpus, the differ's words."""
    if not CORPUS.is_dir():
        pytest.skip(CORPUS_REASON)
    lines = corpus_lines()
    assert len(lines) > 1000
    assert mismatches(reference["diff"], lines) == []


def test_user_words_on_corpus_lines(reference) -> None:
    """With user words (boosted, hidden, repeated) too, on the current documents' lines that
    contain one (the historical series only adds time here: the words are the same)."""
    if not CORPUS.is_dir():
        pytest.skip(CORPUS_REASON)
    lines = dict.fromkeys(line for path in sorted(CORPUS.glob("*.txt"))
                          for line in path.read_text(encoding="utf-8").splitlines())
    touched = [line for line in lines if any(word in line for word, _, _ in USER)]
    assert len(touched) > 100
    assert mismatches(reference["user"], touched) == []


def test_user_words_change_the_cut(reference) -> None:
    plain, with_user = Segmenter(PROTECTED), reference["user"][1]
    text = "推进全链条一网通办，一切为了人民"
    words = [w for w, _, _ in with_user.tokenize(text)]
    assert "全链条" in words and "一网通办" in words
    assert "人民" not in words  # hidden by frequency 0
    assert "人民" in [w for w, _, _ in plain.tokenize(text)]


def test_offsets_cover_the_text() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    tokens = Segmenter(PROTECTED).tokenize(text)
    assert "".join(w for w, _, _ in tokens) == text
    assert all(text[s:e] == w for w, s, e in tokens)
    assert [s for _, s, _ in tokens[1:]] == [e for _, _, e in tokens[:-1]]


def test_protected_terms_stay_whole() -> None:
    words = [w for w, _, _ in Segmenter(PROTECTED).tokenize("坚持新发展理念，推动高质量发展和中国式现代化")]
    assert {"新发展理念", "高质量发展", "中国式现代化"} <= set(words)


def test_user_words_need_no_rebuild(monkeypatch) -> None:
    """A --userdict is an overlay: the compiled dictionary is neither rebuilt nor rewritten."""
    base = dictionary.load()
    folder = next(p for p in (Path(d) for d in _build_folders()) if p.is_dir())
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}

    def no_build(*args, **kwargs):
        raise AssertionError("dictionary rebuilt for user words")

    monkeypatch.setattr(dictionary, "build", no_build)
    cutter = Cutter(dictionary.load(), [("吉林一号星座", 100)])
    assert "吉林一号星座" in cutter.cut("发射吉林一号星座卫星")
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before
    assert len(dictionary.load().trie) == len(base.trie)


def _build_folders() -> list[Path]:
    from govtext import cache

    root = cache.base_dir() / "segment"
    return [p for p in root.iterdir() if not p.name.startswith(".")]


PACKAGE = Path(__file__).resolve().parents[1] / "govtext"


@pytest.mark.parametrize("library, corner", [("jieba", "segment/reference.py"), ("marisa_trie", "segment/dictionary.py")])
def test_library_imported_only_in_its_corner(library: str, corner: str) -> None:
    import re

    pattern = re.compile(rf"^\s*(import|from)\s+{library}\b", re.MULTILINE)
    found = {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))}
    assert found == {corner}


def test_a_reworded_diff_never_imports_jieba() -> None:
    """Words are compared (the segmenter is used), yet jieba is never imported: the port does it."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from govtext.pipeline import parse_text\n"
        "from govtext.diff import diff_documents\n"
        "a = parse_text('一、总体要求\\n坚持高质量发展，推进全面依法治国。\\n')\n"
        "b = parse_text('一、总体要求\\n坚持高质量发展，深入推进全面依法治国和社会治理。\\n')\n"
        "result = diff_documents(a, b)\n"
        "assert any(change.edits for change in result.changes), result\n"
        "assert 'jieba' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_jieba_keeps_its_cache_in_ours(reference) -> None:
    """Not /tmp/jieba.cache, which a second user on the machine cannot overwrite."""
    from govtext import cache

    jieba = reference["diff"][0]
    assert Path(jieba.tmp_dir) == cache.base_dir() / "jieba"
    assert (Path(jieba.tmp_dir) / "jieba.cache").is_file()
