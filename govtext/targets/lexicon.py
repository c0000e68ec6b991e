"""The targets lexicon: units, qualifiers, scope markers and indicator names, from TOML data.

The default ships as ``govtext/data/targets.toml``; ``--lexicon FILE`` replaces it, or adds
to it when the file says ``extends = true`` (lists are appended, indicators merged by name).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from govtext.errors import LexiconError

DEFAULT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "targets.toml")

# table → keys holding lists of words; every one must be present in the merged lexicon.
_LISTS = {
    "units": ("measures", "counts", "not_units", "chinese_words", "counted_after"),
    "qualifiers": ("after", "before"),
    "scope": ("review_headings", "plan_headings", "review_openings", "forward_openings", "restatement_openings"),
    "time": ("forward", "multi_year", "review", "forecast", "change_bases", "change_verbs", "old_value_after",
             "delimiter_after", "standing_after", "quantity_verbs", "quantity_scope", "span_after"),
    "naming": ("leading", "trailing", "generic", "fillers", "name_before", "not_name_before"),
}
# Lists added after lexicons were in users' hands: a lexicon that replaces the default may leave
# them out and gets the default's, so an older file keeps loading and behaving as before.
_OPTIONAL = {"units.chinese_words", "units.counted_after", "time.quantity_verbs", "time.quantity_scope", "time.span_after",
             "naming.name_before", "naming.not_name_before"}


@dataclass(frozen=True, slots=True)
class Indicator:
    name: str
    aliases: tuple[str, ...]
    core: bool = False


@dataclass(frozen=True, slots=True)
class TargetLexicon:
    words: dict[str, tuple[str, ...]]
    """``"table.key"`` → its words, longest first (so a prefix never shadows a longer word)."""

    indicators: tuple[Indicator, ...]

    def __getitem__(self, key: str) -> tuple[str, ...]:
        return self.words[key]

    @property
    def core(self) -> tuple[str, ...]:
        return tuple(ind.name for ind in self.indicators if ind.core)

    def __hash__(self) -> int:  # used as a cache key
        return id(self)


def _read(path: str) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: lexicon is not UTF-8 text") from None  # as --terms, --userdict say it
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: not a valid TOML lexicon ({exc})") from None


def _word_list(value, where: str, path: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise LexiconError(f"{path}: {where} must be a list of non-empty strings")
    return value


def _indicators(data: dict, path: str) -> list[Indicator]:
    entries = data.get("indicator", [])
    if not isinstance(entries, list):
        raise LexiconError(f"{path}: [[indicator]] must be an array of tables")
    found = []
    for entry in entries:
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name:
            raise LexiconError(f"{path}: every [[indicator]] needs a name")
        aliases = _word_list(entry.get("aliases", []), f"indicator {name} aliases", path)
        core = entry.get("core", False)
        if not isinstance(core, bool):
            raise LexiconError(f"{path}: indicator {name}: core must be true or false")
        found.append(Indicator(name, tuple(dict.fromkeys([name, *aliases])), core))
    return found


def _build(data: dict, path: str, base: dict | None = None) -> TargetLexicon:
    words: dict[str, tuple[str, ...]] = {}
    for table, keys in _LISTS.items():
        section = data.get(table, {})
        if not isinstance(section, dict):
            raise LexiconError(f"{path}: [{table}] must be a table")
        for key in keys:
            if key not in section and not base and path != DEFAULT and f"{table}.{key}" in _OPTIONAL:
                words[f"{table}.{key}"] = default_lexicon()[f"{table}.{key}"]
                continue
            given = _word_list(section.get(key, []), f"{table}.{key}", path)
            merged = list(base.words[f"{table}.{key}"]) + given if base else given
            if not merged and not base:
                raise LexiconError(f"{path}: [{table}] {key} is missing")
            words[f"{table}.{key}"] = tuple(sorted(dict.fromkeys(merged), key=len, reverse=True))
    indicators = {ind.name: ind for ind in (base.indicators if base else ())}
    for ind in _indicators(data, path):
        old = indicators.get(ind.name)
        if old:  # extending an indicator: more aliases, core if either says so
            ind = Indicator(ind.name, tuple(dict.fromkeys(old.aliases + ind.aliases)), ind.core or old.core)
        indicators[ind.name] = ind
    return TargetLexicon(words, tuple(indicators.values()))


@lru_cache(maxsize=1)
def default_lexicon() -> TargetLexicon:
    return _build(_read(DEFAULT), DEFAULT)


def load_target_lexicon(path: str | None) -> TargetLexicon:
    """The default lexicon, or the one in ``path`` (``extends = true``: added to the default)."""
    if path is None:
        return default_lexicon()
    data = _read(path)
    extends = data.get("extends", False)
    if not isinstance(extends, bool):
        raise LexiconError(f"{path}: extends must be true or false")
    return _build(data, path, default_lexicon() if extends else None)
