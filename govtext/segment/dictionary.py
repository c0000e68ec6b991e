"""jieba's dictionary compiled to a marisa trie, built once per user and memory-mapped.

Loading jieba's dictionary (a 5 MB text, or jieba's pickled cache of it) costs
about half a second per process and ~60 MB; mapping a compiled trie costs a few
milliseconds, and its pages are shared by every process that maps it.

The source is jieba's own ``dict.txt`` (read as a file, without importing
jieba), parsed exactly as jieba parses it.  A build is a folder named after a
digest of what went into it (format, source path, size and mtime, the
marisa-trie library file), written under a temporary name and renamed into place, so processes
racing to build it never see half a dictionary: the first rename wins and the
others' identical builds are thrown away.

A build is checked before marisa sees it: ``meta.json`` carries a SHA-256 of
both files and of its own fields, verified on every map (about 2 ms for the
4 MB, pages the trie needs anyway).  marisa trusts its file — a truncated trie
raises, flipped bytes can crash the process — and a changed frequency or total
would silently change every segmentation; a build that fails the check is
discarded and built again, identical to a clean one.
"""

from __future__ import annotations

import array
import hashlib
import json
import math
import mmap
import os
import sys
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import marisa_trie

from govtext import cache

FORMAT = 3
"""Bumped whenever the files' layout or meaning changes: old builds are then ignored."""

_TRIE, _FREQ, _META = "words.marisa", "logfreq.f64", "meta.json"


@dataclass(frozen=True)
class Dictionary:
    """Words with a positive frequency, and their natural logs (jieba's scoring unit)."""

    trie: marisa_trie.Trie
    """Every word with frequency > 0; ``trie[word]`` is its index into ``logfreq``."""

    logfreq: "memoryview | array.array"
    """``math.log(frequency)`` of each word, by the trie's key id."""

    total: int
    """Sum of the frequencies of every entry, duplicates included (jieba's ``total``)."""

    longest: int
    """Length of the longest word: no prefix search needs to look further."""


def jieba_dict_path() -> Path:
    """jieba's bundled ``dict.txt``, found without importing (and paying for) jieba."""
    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba is not installed; it provides the segmentation dictionary")
    return Path(list(spec.submodule_search_locations)[0]) / "dict.txt"


def parse(lines) -> tuple[dict[str, int], int]:
    """``{word: freq}`` (the last entry of a word wins) and the total, as jieba's ``gen_pfdict``."""
    freqs: dict[str, int] = {}
    total = 0
    for lineno, raw in enumerate(lines, 1):
        line = raw.strip().decode("utf-8") if isinstance(raw, bytes) else raw.strip()
        try:
            word, freq_text = line.split(" ")[:2]
            freq = int(freq_text)
        except ValueError:
            raise ValueError(f"invalid dictionary entry at line {lineno}: {line}") from None
        freqs[word] = freq
        total += freq
    return freqs, total


def build(source: Path) -> Dictionary:
    """Compile ``source`` in memory."""
    with open(source, "rb") as fh:
        freqs, total = parse(fh)
    trie = marisa_trie.Trie([word for word, freq in freqs.items() if freq > 0])
    logfreq = array.array("d", bytes(8 * len(trie)))
    for word, key in trie.iteritems():
        logfreq[key] = math.log(freqs[word])
    return Dictionary(trie, logfreq, total, max(map(len, trie.iterkeys()), default=1))


def load(source: Path | None = None) -> Dictionary:
    """The compiled dictionary: mapped from the user cache, built there first if missing.

    Without a usable cache folder it is built in memory (slower, same words).
    """
    source = source or jieba_dict_path()
    root = cache.private_dir("segment")
    if root is None:
        return build(source)
    folder = root / _build_key(source)
    try:
        return _open(folder)
    except FileNotFoundError:
        pass  # not built yet
    except (OSError, ValueError, KeyError, TypeError, RuntimeError):  # RuntimeError: marisa's own
        _discard(folder)  # damaged: out of the way (atomically), then built again
    dictionary = build(source)
    try:
        _save(dictionary, source, folder)
        return _open(folder)
    except (OSError, ValueError, KeyError, RuntimeError):
        return dictionary  # cache full or gone: the in-memory build serves this process


def _build_key(source: Path) -> str:
    info = source.stat()
    library = os.stat(marisa_trie.__file__)  # a reinstalled marisa-trie may write another layout
    parts = [FORMAT, str(source.resolve()), info.st_size, info.st_mtime_ns, marisa_trie.__file__,
             library.st_mtime_ns, sys.byteorder]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:20]


def _digest(meta: dict, trie: bytes | mmap.mmap, logfreq: bytes | mmap.mmap) -> str:
    """SHA-256 over the metadata's fields (but the digest itself) and both files' bytes."""
    fields = {key: value for key, value in meta.items() if key != "digest"}
    h = hashlib.sha256(json.dumps(fields, sort_keys=True).encode())
    for data in (trie, logfreq):
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _mapped(path: Path) -> mmap.mmap:
    with open(path, "rb") as fh:
        if os.fstat(fh.fileno()).st_size == 0:
            raise ValueError("damaged build")  # an empty file cannot be mapped
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)


def _open(folder: Path) -> Dictionary:
    meta = json.loads((folder / _META).read_text(encoding="utf-8"))
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ValueError("stale build")
    trie_bytes, freq_bytes = _mapped(folder / _TRIE), _mapped(folder / _FREQ)
    if _digest(meta, trie_bytes, freq_bytes) != meta.get("digest"):
        raise ValueError("damaged build")  # before marisa reads a byte of it
    trie = marisa_trie.Trie()
    trie.mmap(str(folder / _TRIE))  # the same pages just checked; marisa keeps its own mapping
    trie_bytes.close()
    if len(freq_bytes) != 8 * len(trie) or len(trie) != meta.get("words"):
        raise ValueError("damaged build")
    return Dictionary(trie, memoryview(freq_bytes).cast("d"), int(meta["total"]), int(meta["longest"]))


def _discard(folder: Path) -> None:
    import shutil  # building and discarding are rare: every diff would pay for these imports
    import tempfile

    try:
        doomed = Path(tempfile.mkdtemp(prefix=".damaged-", dir=folder.parent))
        os.rename(folder, doomed / "build")  # processes still mapping the old files keep them
        shutil.rmtree(doomed, ignore_errors=True)
    except OSError:
        pass


def _save(dictionary: Dictionary, source: Path, folder: Path) -> None:
    import shutil
    import tempfile

    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=folder.parent))  # 0700, private name
    try:
        dictionary.trie.save(str(staging / _TRIE))
        (staging / _FREQ).write_bytes(memoryview(dictionary.logfreq).cast("B"))
        meta = {"format": FORMAT, "total": dictionary.total, "longest": dictionary.longest,
                "words": len(dictionary.trie), "source": str(source)}
        meta["digest"] = _digest(meta, (staging / _TRIE).read_bytes(), (staging / _FREQ).read_bytes())
        (staging / _META).write_text(json.dumps(meta), encoding="utf-8")
        try:
            os.rename(staging, folder)
        except OSError:
            if not (folder / _META).is_file():
                raise  # not a lost race: a real failure
    finally:
        shutil.rmtree(staging, ignore_errors=True)
