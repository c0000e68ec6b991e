"""The parameter types every command's options use: file names and numbers checked as
they are read, so a bad value is one usage line before any work is done."""

from __future__ import annotations

import os

import click


class PathName(click.Path):
    """A file or folder name, refused when empty: ``-o "$OUT"`` with OUT unset would
    otherwise write to standard output (or, for ledger, a partial set of tables), and
    ``--lexicon ""`` would silently be no lexicon at all.  Every path parameter is one."""

    def __init__(self, *, output: bool = False, setting: bool = False, **kwargs) -> None:
        kwargs.setdefault("allow_dash", True)
        kwargs.setdefault("readable", False)  # an unreadable file is the reader's to name: "a.txt: permission denied"
        super().__init__(**kwargs)
        self.output = output  # written by the command: GovtextCommand keeps it off the inputs
        self.setting = setting  # a settings file (lexicon, terms, dictionary, pairs), read whole, uncapped

    def convert(self, value, param, ctx):
        if isinstance(value, (str, bytes)) and not value:
            self.fail("empty file name (an unset variable?)", param, ctx)
        if self.setting and isinstance(value, str):
            _check_setting_file(value, lambda message: self.fail(message, param, ctx))
        return super().convert(value, param, ctx)


SETTING_LIMIT = 64 << 20
"""The largest settings file read (a lexicon, --terms, --userdict, --matches): they are read
whole, not through --max-bytes, so /dev/zero or a video given by mistake would fill memory."""


def _check_setting_file(path: str, refuse) -> None:
    import stat

    try:
        info = os.stat(path)
    except OSError:
        return  # missing or unreadable: the reader says so
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
        if not os.path.samefile(path, os.devnull):  # /dev/null: the empty file, as for documents
            refuse(f"{path} is a device, not a file")
    elif stat.S_ISREG(info.st_mode) and info.st_size > SETTING_LIMIT:
        refuse(f"{path} is too large for a settings file ({info.st_size} bytes; at most {SETTING_LIMIT})")


class NumberRange(click.FloatRange):
    """click.FloatRange that also refuses NaN: every comparison with NaN is false, so
    click's bounds let ``--threshold nan`` through, and the run then means nothing."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if number != number:
            self.fail(f"{value!r} is not a number", param, ctx)
        return number
