"""The per-user cache: private folders, an atomic first build, and no cache is no failure."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from diff_helpers import DIFF_FIXTURES
from govtext import cache
from govtext.segment import dictionary
from govtext.segment.cut import Cutter

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache_at(tmp_path):
    """Point the cache somewhere for one test, then back to the session's."""
    previous = cache._override

    def point(path) -> Path:
        cache.configure(str(path))
        return Path(path)

    yield point
    cache.configure(previous)


def test_folders_are_created_private(cache_at, tmp_path) -> None:
    base = cache_at(tmp_path / "fresh" / "cache")
    folder = cache.private_dir("segment")
    assert folder == base / "segment"
    assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE(base.stat().st_mode) & 0o077 == 0


def test_an_existing_sticky_folder_like_tmp_is_a_usable_parent(cache_at, tmp_path) -> None:
    shared = tmp_path / "tmp-like"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    cache_at(shared)
    folder = cache.private_dir("segment")
    assert folder is not None and stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_platform_default_follows_xdg(monkeypatch, tmp_path) -> None:
    if sys.platform != "linux":
        pytest.skip("XDG_CACHE_HOME is the Linux convention")
    previous = cache._override
    cache.configure(None)
    try:
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
        assert cache.base_dir() == tmp_path / "govtext"
    finally:
        cache.configure(previous)


@pytest.mark.parametrize("home", ["abs", "", "relhome", None])
@pytest.mark.parametrize("xdg", [None, "", "   ", "relative/cache", "/abs/cache", "/abs/cache/", " /abs", "/abs/x "])
def test_linux_default_is_platformdirs_answer_without_importing_it(monkeypatch, tmp_path, xdg, home) -> None:
    if sys.platform != "linux":
        pytest.skip("the shortcut is Linux's XDG rule; elsewhere platformdirs answers")
    import platformdirs

    if home is None:
        monkeypatch.delenv("HOME", raising=False)
    else:
        monkeypatch.setenv("HOME", str(tmp_path / "home") if home == "abs" else home)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache._platform_dir() == platformdirs.user_cache_dir("govtext", appauthor=False)


def test_a_folder_others_can_write_is_not_used(cache_at, tmp_path) -> None:
    base = cache_at(tmp_path / "c")
    (base / "segment").mkdir(parents=True)
    os.chmod(base / "segment", 0o777)
    assert cache.private_dir("segment") is None


def test_a_folder_of_another_user_is_not_used(cache_at, tmp_path) -> None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("only root can give a folder to another user")
    base = cache_at(tmp_path / "c")
    (base / "segment").mkdir(parents=True, mode=0o700)
    os.chown(base / "segment", 65534, 65534)
    assert cache.private_dir("segment") is None


def test_an_unusable_cache_still_segments(cache_at, tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    cache_at(blocker / "cache")  # cannot be created: a file is in the way
    assert cache.private_dir("segment") is None
    words = Cutter(dictionary.load()).cut("推动高质量发展")
    assert list(words) == ["推动", "高质量", "发展"]


def test_cli_works_with_an_unwritable_cache(tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    case = DIFF_FIXTURES / "law-reworded"
    env = {**os.environ, "GOVTEXT_CACHE_DIR": str(blocker / "cache")}
    proc = subprocess.run([sys.executable, "-m", "govtext", "diff", str(case / "old.txt"), str(case / "new.txt")],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout


def test_concurrent_first_builds_are_safe(tmp_path) -> None:
    """Three processes build into one empty cache at once: all succeed, one build stays, no debris."""
    base = tmp_path / "shared-cache"
    case = DIFF_FIXTURES / "law-reworded"
    env = {**os.environ, "GOVTEXT_CACHE_DIR": str(base)}
    cmd = [sys.executable, "-m", "govtext", "diff", str(case / "old.txt"), str(case / "new.txt"), "--format", "json"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(3)]
    outputs = [proc.communicate() for proc in procs]
    assert [proc.returncode for proc in procs] == [1, 1, 1], [err for _, err in outputs]
    assert len({out for out, _ in outputs}) == 1
    assert all(err == b"" for _, err in outputs)
    builds = sorted(p.name for p in (base / "segment").iterdir())
    assert len(builds) == 1 and not builds[0].startswith(".")
    assert sorted(p.name for p in (base / "segment" / builds[0]).iterdir()) == ["logfreq.f64", "meta.json", "words.marisa"]


def test_a_damaged_build_is_rebuilt(cache_at, tmp_path) -> None:
    cache_at(tmp_path / "c")
    first = dictionary.load()
    folder = next((tmp_path / "c" / "segment").iterdir())
    (folder / "logfreq.f64").write_bytes(b"\0" * 8)  # truncated
    again = dictionary.load()
    assert len(again.trie) == len(first.trie)
    assert list(Cutter(again).cut("推动高质量发展")) == ["推动", "高质量", "发展"]
    assert (folder / "logfreq.f64").stat().st_size == 8 * len(first.trie)  # repaired in place
    assert [p.name for p in folder.parent.iterdir()] == [folder.name]


def test_intermediate_cache_folders_are_private_too(cache_at, tmp_path) -> None:
    """Issue 20: every folder the cache creates is 0700, not only the last one."""
    cache_at(tmp_path / "new" / "deeper" / "cache")
    assert cache.private_dir("segment") is not None
    for folder in (tmp_path / "new", tmp_path / "new" / "deeper", tmp_path / "new" / "deeper" / "cache"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


_FINGERPRINT = """
import hashlib, os
from govtext import cache
from govtext.segment import dictionary
cache.configure(os.environ["GOVTEXT_CACHE_DIR"])
d = dictionary.load()
h = hashlib.sha256()
for word, key in sorted(d.trie.iteritems()):
    h.update(f"{word} {key} {d.logfreq[key]!r}\\n".encode())
print(d.total, d.longest, len(d.trie), h.hexdigest())
"""


def _fingerprint(base: Path) -> subprocess.CompletedProcess:
    """Every word, its id and log frequency, and the totals, as a process using ``base`` sees them."""
    env = {**os.environ, "GOVTEXT_CACHE_DIR": str(base)}
    return subprocess.run([sys.executable, "-c", _FINGERPRINT], capture_output=True, env=env, timeout=120, cwd=ROOT)


def _flip(data: bytes, count: int) -> bytes:
    out = bytearray(data)
    for i in range(count):
        out[64 + i * (len(out) - 64) // count] ^= 0x5A
    return bytes(out)


@pytest.mark.parametrize("damage", ["truncated-trie", "flipped-trie", "tampered-logfreq", "tampered-total"])
def test_a_damaged_cache_is_noticed_and_rebuilt(tmp_path, damage) -> None:
    """Issue 20 item 1: damage is found by the digest before marisa maps the file (a damaged
    trie is a RuntimeError or a segfault inside marisa), and what is used equals a clean build."""
    clean = _fingerprint(tmp_path / "clean")
    assert clean.returncode == 0 and clean.stderr == b"", clean.stderr
    base = tmp_path / "damaged"
    _fingerprint(base)
    folder = next(p for p in (base / "segment").iterdir() if not p.name.startswith("."))
    trie, freq, meta = folder / "words.marisa", folder / "logfreq.f64", folder / "meta.json"
    if damage == "truncated-trie":
        trie.write_bytes(trie.read_bytes()[: trie.stat().st_size // 2])
    elif damage == "flipped-trie":
        trie.write_bytes(_flip(trie.read_bytes(), 100))
    elif damage == "tampered-logfreq":
        freq.write_bytes(_flip(freq.read_bytes(), 100))
    else:
        meta.write_text(re.sub(r'"total": \d+', '"total": 1', meta.read_text()), encoding="utf-8")
    for _ in range(2):  # the first run repairs, the second maps the repaired build
        again = _fingerprint(base)
        assert again.returncode == 0, again.stderr[-300:]
        assert again.stderr == b""
        assert again.stdout == clean.stdout
