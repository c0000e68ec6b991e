"""The domain lexicon — kinds, directive openings, modal markers — loaded from TOML data.

The default ships as ``govtext/data/lexicon.toml``; users pass their own with
``--lexicon``.  Code never hard-codes a term: a new term is a line in the file.

Start-up: the default is also kept parsed ahead of time in ``lexicon_snapshot.py``
(``python -m govtext.lexicon`` writes it), which is used only while it holds
exactly the text of ``lexicon.toml``: importing and running the TOML parser costs
every command ~7 ms, loading the snapshot's bytecode well under one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from govtext.errors import LexiconError

_DEFAULT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "lexicon.toml")


def _read(path: str | os.PathLike[str]) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.read()


@dataclass(frozen=True, slots=True)
class Lexicon:
    kinds: tuple[tuple[str, tuple[str, ...]], ...]
    """(kind, terms) in priority order, e.g. ("system", ("体制", "机制", …))."""

    directive_starts: tuple[str, ...]
    """Openings that make a sentence a measure (加强, 推进, 要 …), longest first."""

    modals: tuple[str, ...]
    """Modal markers that make a sentence a measure wherever they stand (要, 必须, 应当 …)."""

    modal_exceptions: tuple[str, ...]
    """Words that contain a modal marker without being one (重要, 主要 …)."""

    copulas: tuple[str, ...]
    """Copulas (是) whose presence in a first clause makes a sentence descriptive."""

    copula_exceptions: tuple[str, ...]
    """Words containing a copula that are not one (是否, 但是, 一是 …)."""

    past_markers: tuple[str, ...]
    """Aspect markers (了) that make a sentence a narration of what was done."""

    past_exceptions: tuple[str, ...]
    """Words containing a past marker that are not one (为了, 了解 …)."""

    lead_excludes: tuple[str, ...]
    """Words that mark a first sentence as argument rather than a lead (我们, 这 …)."""

    closing_openers: tuple[str, ...] = ()
    """Openings of an address or a call that closes a text (同志们, 各位代表, 让我们 …)."""

    closing_headings: tuple[str, ...] = ()
    """Unnumbered headings of a text's closing part (结束语), beside its numbered parts."""

    def kind_of(self, phrase: str) -> str | None:
        """The kind whose term ends ``phrase`` (longest term wins), or None."""
        best: tuple[int, str] | None = None
        for kind, terms in self.kinds:
            for term in terms:
                if phrase.endswith(term) and (best is None or len(term) > best[0]):
                    best = (len(term), kind)
        return best[1] if best else None


KINDS = ("system", "method", "tier")
"""The kinds the outline formats know (体制, 方式, 层级)."""

_SENTENCE_LISTS = (
    "directive_starts", "modals", "modal_exceptions", "copulas", "copula_exceptions",
    "past_markers", "past_exceptions", "lead_excludes", "closing_openers",
    "closing_headings",
)
_REQUIRED = ("directive_starts", "modals")
_TABLES = {"kinds": KINDS, "sentences": _SENTENCE_LISTS}
_TOP_LEVEL = ("extends", *_TABLES)


def _did_you_mean(name: str, valid: tuple[str, ...], shown=lambda n: n) -> str:
    import difflib  # only a faulty lexicon pays for it

    close = difflib.get_close_matches(name, valid, n=1, cutoff=0.6)
    return f" (did you mean {shown(close[0])}?)" if close else ""


def _check_names(data: dict, origin: str) -> None:
    """Refuse unknown tables and keys: a misspelt name would otherwise be ignored silently."""
    for key, value in data.items():
        if key in _TOP_LEVEL:
            continue
        if isinstance(value, dict):
            hint = _did_you_mean(key, tuple(_TABLES), lambda n: f"[{n}]")
            raise LexiconError(f"{origin}: unknown table [{key}]{hint} (tables are [kinds] and [sentences])")
        # A list at the top level is usually a key written above its table header.
        qualified = tuple(f"{table}.{name}" for table, names in _TABLES.items() for name in names)
        hint = _did_you_mean(key, _TOP_LEVEL) or _did_you_mean(
            key, tuple(q.split(".", 1)[1] for q in qualified),
            lambda n: next(q for q in qualified if q.endswith("." + n)))
        raise LexiconError(f"{origin}: unknown key {key}{hint}")
    for table, names in _TABLES.items():
        values = data.get(table)
        if not isinstance(values, dict):
            continue
        for key in values:
            if key not in names:
                if table == "kinds":
                    hint = _did_you_mean(key, names)
                    raise LexiconError(
                        f"{origin}: unknown kind {key}{hint} (kinds are {', '.join(KINDS)})")
                hint = _did_you_mean(key, names)
                raise LexiconError(f"{origin}: unknown key {table}.{key}{hint}")


def _words(value: object, where: str, origin: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(f"{origin}: {where} must be a list of non-empty strings")
    return tuple(value)


def _from_mapping(data: dict, origin: str) -> Lexicon:
    kinds, sentences = data.get("kinds"), data.get("sentences")
    if not isinstance(kinds, dict) or not isinstance(sentences, dict):
        raise LexiconError(f"{origin}: not a govtext lexicon (needs [kinds] and [sentences] tables)")
    _check_names(data, origin)
    missing = [key for key in _REQUIRED if key not in sentences]
    if missing:
        raise LexiconError(f"{origin}: [sentences] lacks {', '.join(missing)}")
    lists = {key: _words(sentences.get(key, []), f"sentences.{key}", origin) for key in _SENTENCE_LISTS}
    lists["directive_starts"] = tuple(sorted(lists["directive_starts"], key=len, reverse=True))
    return Lexicon(
        kinds=tuple((kind, _words(terms, f"kinds.{kind}", origin)) for kind, terms in kinds.items()),
        **lists,
    )


def _read_toml(text: str, origin: str) -> dict:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{origin}: invalid TOML ({exc})") from None


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    text = _read(_DEFAULT)
    from govtext import lexicon_snapshot as snapshot

    # A snapshot that no longer matches the file (an edited lexicon.toml) is ignored.
    data = snapshot.DATA if snapshot.SOURCE == text else _read_toml(text, "default lexicon")
    return _from_mapping(data, "default lexicon")


SNAPSHOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lexicon_snapshot.py")


def snapshot_source(text: str) -> str:
    """The Python source of ``lexicon_snapshot.py`` for the TOML ``text``."""
    return (
        '"""The default lexicon (data/lexicon.toml), parsed ahead of time: generated by\n'
        "``python -m govtext.lexicon``; edit lexicon.toml and rerun that, never this file.\n"
        '"""\n\n'
        f"SOURCE = {text!r}\n\n"
        f"DATA = {_read_toml(text, 'default lexicon')!r}\n"
    )


def load_lexicon(path: str | os.PathLike[str]) -> Lexicon:
    """A user's lexicon file; with ``extends = true`` its lists add to the default's."""
    try:
        text = _read(path)
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: lexicon is not UTF-8 text") from None  # as --terms, --userdict say it
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon ({exc.strerror or exc})") from None  # not "[Errno 13] …"
    data = _read_toml(text, str(path))
    _check_names(data, str(path))
    extends = data.get("extends", False)
    if not isinstance(extends, bool):
        raise LexiconError(f"{path}: extends must be true or false")
    if extends:
        base = _read_toml(_read(_DEFAULT), "default lexicon")
        for table in ("kinds", "sentences"):
            extra = data.get(table, {})
            if not isinstance(extra, dict):
                raise LexiconError(f"{path}: [{table}] must be a table")
            for key, values in extra.items():
                words = _words(values, f"{table}.{key}", str(path))
                base[table][key] = list(base[table].get(key, [])) + list(words)
        data = base
    return _from_mapping(data, str(path))


if __name__ == "__main__":  # python -m govtext.lexicon: rewrite the snapshot of the default
    with open(SNAPSHOT, "w", encoding="utf-8") as out:
        out.write(snapshot_source(_read(_DEFAULT)))
