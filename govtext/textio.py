"""Reading input bytes and decoding them to text, with the encoding detected.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are recognised directly;
text without NUL bytes that decodes cleanly as GB18030 (GBK and GB2312 are its subsets)
is read as GB18030; anything else is handed to charset-normalizer, a maintained
detector, instead of guessing from a list of codecs.  ``encoding`` overrides the
detection; ``errors="replace"`` reads undecodable bytes as U+FFFD and counts them.

Input is capped (:data:`DEFAULT_MAX_BYTES`): a regular file is refused before it is
read, a stream (stdin, a FIFO, /dev/zero) as soon as it passes the cap, so memory
stays bounded whatever is piped in.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import threading
from typing import NamedTuple

from govtext.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Detector names that we decode with a superset codec.
_SUPERSETS = {"gbk": "gb18030", "gb2312": "gb18030", "hz": "gb18030", "ascii": "utf-8"}
# C0 controls other than tab, line breaks and form feeds: a sign of binary data.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")

# Codecs Python counts as text encodings that no file is written in: "undefined" always
# fails, idna and punycode encode host names (and refuse any error handler but strict),
# the escape codecs read backslash syntax.
_NOT_CHARSETS = frozenset({"undefined", "idna", "punycode", "unicode-escape", "raw-unicode-escape"})

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
"""Largest input read (200 MiB): far above any real document, far below what exhausts memory."""
_CHUNK = 1 << 20
ERRORS = ("strict", "replace")
"""What to do with undecodable bytes: refuse the input, or read them as U+FFFD and say so."""


class RawInput(NamedTuple):
    """Bytes as read, with the name to report them under."""

    data: bytes
    name: str | None  # path as given, "-" for stdin, None for the bundled sample

    @property
    def sha256(self) -> str:
        return sha256_hex(self.data)


class Decoded(NamedTuple):
    """Decoded text, the encoding used, and the bytes replaced (``errors="replace"`` only)."""

    text: str
    encoding: str
    replaced: int = 0
    """How many undecodable byte runs became U+FFFD."""
    first_replaced: int | None = None
    """Byte offset of the first of them."""


BUILTIN_SHA256_LIMIT = 1 << 20
"""Inputs smaller than this (1 MiB) are hashed by CPython's built-in SHA-256."""


def sha256_hex(data: bytes) -> str:
    """SHA-256 of ``data``, hex.

    ``hashlib`` loads OpenSSL on import (~4.7 ms, more than the whole parse of a
    report).  CPython's own SHA-256 module, which ``hashlib`` falls back on where
    OpenSSL is absent, loads in 0.3 ms but hashes about five times slower: below
    1 MiB (≤ 3.6 ms) it costs less than loading OpenSSL would.
    """
    if len(data) < BUILTIN_SHA256_LIMIT:
        builtin = _builtin_sha256()
        if builtin is not None:
            return builtin(data).hexdigest()
    import hashlib

    return hashlib.sha256(data).hexdigest()


def new_sha256(size: int):
    """A fresh SHA-256 object to feed about ``size`` bytes, chosen as :func:`sha256_hex`
    chooses: CPython's own below :data:`BUILTIN_SHA256_LIMIT`, ``hashlib``'s above."""
    if size < BUILTIN_SHA256_LIMIT:
        builtin = _builtin_sha256()
        if builtin is not None:
            return builtin()
    import hashlib

    return hashlib.sha256()


def _builtin_sha256():
    try:
        from _sha2 import sha256  # CPython 3.12+
    except ImportError:
        try:
            from _sha256 import sha256  # CPython 3.11
        except ImportError:
            return None
    return sha256


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> RawInput:
    """Read a file, or standard input for ``-``, at most ``max_bytes``; user errors become InputError."""
    if path == "-":
        if sys.stdin is None:  # started with stdin closed (<&-)
            raise InputError("-: standard input is closed")
        try:
            return RawInput(_read_capped(sys.stdin.buffer, max_bytes, "-"), "-")
        except OSError as exc:
            raise InputError(f"-: cannot read standard input ({exc.strerror or exc})") from None
    # os.path rather than pathlib: this module is on every command's start-up path.
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory, not a file")
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            if stat.S_ISREG(info.st_mode):
                if info.st_size > max_bytes:
                    raise InputError(_too_big(path, max_bytes, info.st_size))
                # One allocation, the size being known (never max_bytes: it may be 2**62).
                data = fh.read(min(max_bytes, info.st_size) + 1)
                if len(data) > max_bytes:  # it grew meanwhile
                    raise InputError(_too_big(path, max_bytes, None))
                if len(data) > info.st_size:  # it grew meanwhile: read on, up to the cap
                    try:
                        data += _read_capped(fh, max_bytes - len(data), path)
                    except InputError:
                        raise InputError(_too_big(path, max_bytes, None)) from None
                return RawInput(data, path)
            return RawInput(_read_capped(fh, max_bytes, path), path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def streamable_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bool:
    """True when ``path`` is a regular file :func:`read_bytes` would accept, so a streaming
    reader may read it from disk itself (memory: a chunk, not the file); False for
    standard input and other non-regular files (read them with :func:`read_bytes`).
    Raises the same InputError as :func:`read_bytes` for a missing, unreadable or too large file."""
    if path == "-":
        return False
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
    except (OSError, ValueError):
        read_bytes(path, max_bytes)  # raises the one-line error read_bytes gives
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    if info.st_size > max_bytes:
        raise InputError(_too_big(path, max_bytes, info.st_size))
    return True


def _read_capped(fh, max_bytes: int, label: str) -> bytes:
    """Read to the end, refusing as soon as more than ``max_bytes`` came in (an endless stream)."""
    parts, total = [], 0
    while True:
        chunk = fh.read(min(_CHUNK, max_bytes + 1 - total))
        if chunk is None:  # a non-blocking stream with nothing yet: wait, it is not the end
            import select

            select.select([fh.fileno()], [], [])
            continue
        if not chunk:
            return b"".join(parts)
        total += len(chunk)
        if total > max_bytes:
            raise InputError(_too_big(label, max_bytes, None))
        parts.append(chunk)


def _too_big(label: str, max_bytes: int, size: int | None) -> str:
    if size is None:
        return f"{label}: input too large (more than the limit of {max_bytes} bytes; see --max-bytes)"
    return f"{label}: input too large ({size} bytes; the limit is {max_bytes} bytes, see --max-bytes)"


def check_encoding(name: str) -> str:
    """The codec's canonical name, or InputError when Python has no such text encoding."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise InputError(f"unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        raise InputError(f"{name!r} is not a text encoding")
    return info.name


def decode(data: bytes, name: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return (text, encoding).  Raise InputError for binary or empty input."""
    decoded = decode_input(data, name)
    return decoded.text, decoded.encoding


def decode_input(data: bytes, name: str | None = None, encoding: str | None = None,
                 errors: str = "strict", allow_empty: bool = False) -> Decoded:
    """Decode ``data`` with ``encoding`` (None: detect it).

    ``errors="replace"`` reads undecodable bytes as U+FFFD and reports how many;
    otherwise they are an InputError naming the byte offset and the encodings tried.
    ``allow_empty`` accepts empty or whitespace-only input (diff's empty side).
    """
    label = name or "input"
    if errors not in ERRORS:
        raise InputError(f"unknown error handling {errors!r}; choose from {', '.join(ERRORS)}")
    if not data.strip() and not allow_empty:
        raise InputError(f"{label}: empty input")
    if encoding is not None:
        encoding = check_encoding(encoding)
        decoded = _decode_as(data, encoding, errors, label)
    elif not data:
        decoded = Decoded("", "utf-8")
    else:
        decoded = _detect_and_decode(data, label, errors)
    text = decoded.text
    if text.startswith("\ufeff"):
        text = text[1:]  # a BOM inside utf-16/32 decoding is not content
    if not text.strip() and not allow_empty:
        raise InputError(f"{label}: empty input (whitespace only)")
    controls = len(_CONTROLS.findall(text))
    # A few stray controls (an escape sequence pasted in) are text; many are binary data.
    if "\x00" in text or controls > max(8, len(text) // 200):
        raise InputError(f"{label}: looks like binary data, not text")
    return Decoded(text, decoded.encoding, decoded.replaced, decoded.first_replaced)


# The "govtext-replace" error handler replaces like "replace" and records where, per thread.
_LOG = threading.local()


def _record(exc: UnicodeError):
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _LOG.offsets.append(exc.start)
    return "\ufffd", exc.end


codecs.register_error("govtext-replace", _record)


def _decode_as(data: bytes, encoding: str, errors: str, label: str) -> Decoded:
    if errors == "replace":
        _LOG.offsets = []
        try:
            text = data.decode(encoding, "govtext-replace")
        except UnicodeError as exc:  # a codec that fails outright, whatever the handler
            raise InputError(f"{label}: cannot decode as {encoding} ({exc})") from None
        finally:
            offsets, _LOG.offsets = _LOG.offsets, []
        return Decoded(text, encoding, len(offsets), offsets[0] if offsets else None)
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{label}: cannot decode as {encoding}: {_where(exc)}; "
                         "--errors replace reads it anyway") from None
    except UnicodeError as exc:
        raise InputError(f"{label}: cannot decode as {encoding} ({exc})") from None


def _where(exc: UnicodeDecodeError) -> str:
    bad = exc.object[exc.start : min(exc.end, exc.start + 4)]
    return f"invalid byte{'s' if len(bad) > 1 else ''} {bad.hex(' ')} at byte offset {exc.start}"


def _detect_and_decode(data: bytes, label: str, errors: str) -> Decoded:
    tried: list[str] = []
    encoding = _detect(data, label, tried)
    if encoding is not None:
        try:
            return Decoded(data.decode(encoding), encoding)
        except UnicodeDecodeError as exc:
            if errors == "replace":
                return _decode_as(data, encoding, errors, label)
            tried.append(f"{encoding} ({_where(exc)})")
    if errors == "replace":
        # Read it anyway, with the candidate that loses the fewest bytes (UTF-8 on a tie).
        candidates = [_decode_as(data, enc, "replace", label) for enc in ("utf-8", "gb18030")]
        return min(candidates, key=lambda d: d.replaced)
    raise InputError(f"{label}: cannot decode: tried {', '.join(tried)}; give the encoding with "
                     "--encoding NAME, or read it anyway with --errors replace")


def _detect(data: bytes, label: str, tried: list[str]) -> str | None:
    """The encoding detected, or None; ``tried`` collects each failed candidate and why."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        tried.append(f"utf-8 ({_where(exc)})")
    if b"\x00" not in data:
        # Chinese text that is not UTF-8 is GB18030 (or its subsets GBK/GB2312) far more
        # often than anything else; short texts give a statistical detector too little to go
        # on (同志们： comes out as UTF-16 or cp949), so a clean GB18030 decode wins.
        try:
            data.decode("gb18030")
            return "gb18030"
        except UnicodeDecodeError as exc:
            tried.append(f"gb18030 ({_where(exc)})")
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 input pays for it

    best = from_bytes(data).best()
    if best is None and b"\x00" in data:
        raise InputError(f"{label}: looks like binary data, not text")
    if best is None:
        tried.append("charset-normalizer (no match)")
        return None
    encoding = best.encoding.lower().replace("-", "_")
    encoding = {"utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be", "utf_8": "utf-8"}.get(encoding, encoding)
    return _SUPERSETS.get(encoding, encoding)
