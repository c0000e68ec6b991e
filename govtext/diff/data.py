"""The differ's domain data: protected 提法, modal scales, user dictionaries.

Kept as files a reader can scan and a user can extend (``data/``); this module
only reads them.  Nothing here imports jieba.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from govtext.errors import LexiconError


@dataclass(frozen=True, slots=True)
class Scale:
    """Words from weakest to strongest, e.g. 可以 → 应当 → 必须."""

    name: str
    words: tuple[str, ...]
    """The scale's words, weakest first."""

    levels: tuple[int, ...] = ()
    """Each word's rank (parallel to ``words``); words of equal strength (不得, 禁止) share one.
    Empty means every word has its own rank, in order."""

    def level(self, k: int) -> int:
        """The rank of ``words[k]``."""
        return self.levels[k] if self.levels else k


_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
"""The shipped tables, beside this module (as :mod:`govtext.lexicon` finds its own): importing
``importlib.resources`` to read them cost a diff ~11 ms, more than the reading."""


def _data_text(name: str) -> str:
    with open(os.path.join(_DATA, name), encoding="utf-8") as fh:
        return fh.read()


@lru_cache(maxsize=1)
def protected_terms() -> tuple[str, ...]:
    """The shipped protected 提法 (data/protected_terms.txt)."""
    return _parse_term_lines(_data_text("protected_terms.txt"))


@lru_cache(maxsize=1)
def modal_scales() -> tuple[Scale, ...]:
    """The shipped modal scales (data/modal_scale.toml)."""
    table = tomllib.loads(_data_text("modal_scale.toml"))
    return tuple(_scale(row["name"], row["words"]) for row in table.get("scale", ()))


def _scale(name: str, ranks: list) -> Scale:
    """A scale from its TOML list, weakest first; a nested list holds words of equal strength."""
    words: list[str] = []
    levels: list[int] = []
    for rank, entry in enumerate(ranks):
        for word in [entry] if isinstance(entry, str) else entry:
            words.append(word)
            levels.append(rank)
    return Scale(name, tuple(words), tuple(levels))


@dataclass(frozen=True, slots=True)
class Role:
    """A role a part of a policy text plays (review, guidance, task) and the words that tell it."""

    name: str
    headings: tuple[str, ...]
    """Words of a top-level heading that give its section this role."""
    openings: tuple[str, ...]
    """Opening words of a paragraph that start a stretch of this role (reports without headings)."""
    follows: tuple[str, ...] = ()
    """Roles after whose section a top-level heading without role words takes this role."""
    apart_from: tuple[str, ...] = ()
    """Roles whose units a unit of this role is never paired with."""


@lru_cache(maxsize=1)
def roles() -> tuple[Role, ...]:
    """The shipped roles (data/roles.toml), in the file's order."""
    table = tomllib.loads(_data_text("roles.toml"))
    return tuple(Role(name, tuple(row.get("headings", ())), tuple(row.get("openings", ())),
                      tuple(row.get("follows", ())), tuple(row.get("apart_from", ())))
                 for name, row in table.items())


@lru_cache(maxsize=1)
def variant_spellings() -> frozenset[tuple[str, str]]:
    """The shipped variant spellings (data/variant_spellings.txt): (old form, standard form)
    pairs, both ways round."""
    pairs = set()
    for line in _data_text("variant_spellings.txt").splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) == 2:
            pairs.update({(fields[0], fields[1]), (fields[1], fields[0])})
    return frozenset(pairs)


def _parse_term_lines(text: str) -> tuple[str, ...]:
    terms = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            terms.append(line.split()[0])
    return tuple(dict.fromkeys(terms))


def read_user_file(path: str, what: str) -> str:
    """A user's UTF-8 list file (BOM allowed); a missing or unreadable one is a LexiconError."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return fh.read()
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such {what}") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: {what} is not UTF-8 text") from None
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read {what} ({exc.strerror or exc})") from None


def read_term_list(path: str) -> tuple[str, ...]:
    """Terms one a line (UTF-8, BOM allowed); blank lines and ``#`` comments skipped; each once.

    The ``--terms FILE`` of ``history`` and ``ledger``.
    """
    text = read_user_file(path, "terms file")
    terms = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    return tuple(dict.fromkeys(term for term in terms if term))


def read_userdict(path: str) -> tuple[tuple[str, int | None, str | None], ...]:
    """Entries of a jieba-format dictionary: ``word [freq] [tag]`` a line.

    Raises LexiconError with the file and line for anything else.
    """
    text = read_user_file(path, "dictionary")
    entries = []
    for lineno, line in enumerate(text.splitlines(), 1):
        fields = line.strip().split()
        if not fields or fields[0].startswith("#"):
            continue
        if len(fields) > 3 or (len(fields) > 1 and not fields[1].isdigit()):
            raise LexiconError(f"{path}:{lineno}: expected 'word [frequency] [tag]', got {line.strip()!r}")
        freq = int(fields[1]) if len(fields) > 1 else None
        tag = fields[2] if len(fields) > 2 else None
        entries.append((fields[0], freq, tag))
    return tuple(entries)
