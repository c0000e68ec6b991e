"""Reading input bytes and decoding them to text, with the encoding detected.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are recognised directly;
text without NUL bytes that decodes cleanly as GB18030 (GBK and GB2312 are its subsets)
is read as GB18030; anything else is handed to charset-normalizer, a maintained
detector, instead of guessing from a list of codecs.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import sys
from dataclasses import dataclass
from typing import Iterable

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


@dataclass(frozen=True, slots=True)
class RawInput:
    """Bytes as read, with the name to report them under."""

    data: bytes
    name: str | None  # path as given, "-" for stdin, None for the bundled sample

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def read_bytes(path: str) -> RawInput:
    """Read a file, or standard input for ``-``; user errors become InputError."""
    if path == "-":
        return RawInput(sys.stdin.buffer.read(), "-")
    # os.path rather than pathlib: this module is on every command's start-up path.
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory, not a file")
    try:
        with open(path, "rb") as fh:
            return RawInput(fh.read(), path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def decode(data: bytes, name: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return (text, encoding).  Raise InputError for binary or empty input."""
    label = name or "input"
    if not data.strip():
        raise InputError(f"{label}: empty input")
    encoding = _detect(data, label)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"{label}: cannot decode as {encoding}") from None
    if text.startswith("\ufeff"):
        text = text[1:]  # a BOM inside utf-16/32 decoding is not content
    if not text.strip():
        raise InputError(f"{label}: empty input (whitespace only)")
    controls = len(_CONTROLS.findall(text))
    if "\x00" in text or controls > max(2, len(text) // 200):
        raise InputError(f"{label}: looks like binary data, not text")
    return text, encoding


def _detect(data: bytes, label: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" not in data:
        # Chinese text that is not UTF-8 is GB18030 (or its subsets GBK/GB2312) far more
        # often than anything else; short texts give a statistical detector too little to go
        # on (同志们： comes out as UTF-16 or cp949), so a clean GB18030 decode wins.
        try:
            data.decode("gb18030")
            return "gb18030"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 input pays for it

    best = from_bytes(data).best()
    if best is None and b"\x00" in data:
        raise InputError(f"{label}: looks like binary data, not text")
    if best is None:
        raise InputError(f"{label}: cannot detect the text encoding (not UTF-8, GB18030 or UTF-16)")
    encoding = best.encoding.lower().replace("-", "_")
    encoding = {"utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be", "utf_8": "utf-8"}.get(encoding, encoding)
    return _SUPERSETS.get(encoding, encoding)


def write_atomic(path: str | os.PathLike[str], data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of them) to ``path`` via a temporary file, then rename.

    An error or interruption never leaves a partial or empty file at ``path``.
    Pieces let a large output be produced while it is written, never whole in memory.
    """
    import tempfile

    target = os.fspath(path)
    folder = os.path.dirname(target) or "."
    if not os.path.isdir(folder):
        raise InputError(f"{target}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes the file 0600; give it the mode a plain open() would have.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            for piece in (data,) if isinstance(data, (bytes, bytearray)) else data:
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
