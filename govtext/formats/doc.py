"""Legacy Word .doc (and WPS 文字 .wps, RTF) → .docx through LibreOffice headless, then
read like any .docx.

LibreOffice keeps Word's automatic numbering (第一章 from a list level), which
antiword and catdoc lose.  The conversion runs in a private temporary folder with its
own LibreOffice profile, so it neither sees nor disturbs a user's running office.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from io import BytesIO

from govtext.errors import InputError
from govtext.formats.docx import extract_docx
from govtext.formats.extraction import Extraction
from govtext.textio import DEFAULT_MAX_BYTES

CONVERT_TIMEOUT = 180  # seconds; a large .doc converts in a few seconds, a hung soffice never ends
_PROGRAMS = ("soffice", "libreoffice")
_APP = re.compile(rb"<Application>([^<$]+)")


def find_soffice() -> str | None:
    for program in _PROGRAMS:
        found = shutil.which(program)
        if found:
            return found
    return None


def extract_doc(data: bytes, name: str | None = None, revisions: str = "new", fmt: str = "doc",
                max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    label = name or "input"
    soffice = find_soffice()
    if soffice is None:
        raise InputError(
            f"{label}: reading .{fmt} files needs LibreOffice (soffice): install it "
            "(e.g. apt install libreoffice-writer-nogui) or save the file as .docx"
        )
    converted = convert_to_docx(data, soffice, label, fmt)
    result = extract_docx(converted, name, revisions=revisions, max_bytes=max_bytes)
    return Extraction(result.text, fmt, f"{_libreoffice_version(converted)} + {result.extractor}", "binary",
                      result.origins, result.metadata)


def extract_rtf(data: bytes, name: str | None = None, revisions: str = "new",
                max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    return extract_doc(data, name, revisions, fmt="rtf", max_bytes=max_bytes)


def convert_to_docx(data: bytes, soffice: str, label: str, fmt: str = "doc") -> bytes:
    with tempfile.TemporaryDirectory(prefix="govtext-doc-") as folder:
        source = os.path.join(folder, f"input.{fmt}")
        with open(source, "wb") as fh:
            fh.write(data)
        profile = "file://" + os.path.join(folder, "profile")
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder, source]
        try:
            subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise InputError(f"{label}: LibreOffice did not convert the .{fmt} file within {CONVERT_TIMEOUT} s") from None
        except OSError as exc:
            raise InputError(f"{label}: cannot run LibreOffice ({exc.strerror or exc})") from None
        target = os.path.join(folder, "input.docx")
        if not os.path.isfile(target):
            raise InputError(f"{label}: LibreOffice could not read this .{fmt} file (corrupt or not a Word file)")
        with open(target, "rb") as fh:
            return fh.read()


def _libreoffice_version(docx: bytes) -> str:
    """LibreOffice names itself (and its version) in the converted file's docProps/app.xml."""
    try:
        with zipfile.ZipFile(BytesIO(docx)) as archive:
            found = _APP.search(archive.read("docProps/app.xml"))
    except (KeyError, zipfile.BadZipFile):
        found = None
    return found.group(1).decode("utf-8", "replace").replace("/", " ") if found else "LibreOffice"
