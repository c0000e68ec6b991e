"""Word .docx → one line per paragraph as Word displays it (python-docx opens the package).

Automatic list numbers are written out (docx_numbering), tables are read cell by cell,
headers, footers, footnotes and text boxes stay out of the body, and tracked changes
are read accepted (``revisions="new"``) or rejected (``"old"``).
"""

from __future__ import annotations

import re
from collections import Counter
from io import BytesIO

from govtext.errors import InputError
from govtext.formats.docx_numbering import W, Numbering, to_int
from govtext.formats.extraction import Extraction, build, clean_line, missing_library
from govtext.textio import DEFAULT_MAX_BYTES

# Runs whose text belongs to one side of a tracked change.
_INSERTED = (f"{W}ins", f"{W}moveTo")
_DELETED = (f"{W}del", f"{W}moveFrom")
# Inside a paragraph, never body text: field instructions, text boxes, footnote marks, properties.
_SKIP = frozenset(f"{W}{tag}" for tag in ("instrText", "delInstrText", "txbxContent", "pPr", "rPr", "footnoteReference",
                                          "endnoteReference", "commentReference", "drawing", "pict", "object",
                                          "rt"))  # rt: a ruby's phonetic guide, not the text
_LINE_BREAK = "\n"
# Four or more spaces inside a paragraph push the rest to the next line on screen
# (附件 lists and 落款 typed into one paragraph): a reader sees separate lines.
_PADDING = re.compile("[ \u00a0]{4,}|\u3000{4,}")
_ENDS = tuple("。；：:，,！？!?")
_OPENS = tuple("（(〔[《")


# A .docx is a zip: its parts are inflated in memory, so a small file could hold
# gigabytes (a zip bomb).  Real 公文 and laws unpack to a few megabytes.
_CHUNK = 1 << 20


def open_docx(data: bytes, label: str, max_bytes: int = DEFAULT_MAX_BYTES):
    try:
        import docx
    except ImportError:
        raise missing_library(".docx files", "python-docx") from None
    _check_unzipped_size(data, label, max_bytes)
    try:
        return docx.Document(BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - a damaged package fails in many ways (zip, XML, missing part)
        kind = type(exc).__name__
        raise InputError(f"{label}: not a readable .docx file (corrupt or truncated: {kind})") from None


def _check_unzipped_size(data: bytes, label: str, max_bytes: int) -> None:
    """Inflate every part a chunk at a time, counting what actually comes out against
    ``max_bytes`` (the --max-bytes cap), before python-docx inflates them whole.

    The sizes a zip declares are not trusted: python-docx reads a part in one call, which
    inflates up to 2 GB before the declared size cuts it and the checksum fails.  Here a part
    that inflates to other than its declared size fails its checksum after one chunk.
    """
    import zipfile

    too_big = InputError(f"{label}: the .docx unpacks to more than {max_bytes:,} bytes (the limit; see --max-bytes)")
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
            if sum(info.file_size for info in members) > max_bytes:
                raise too_big  # declared already too big: nothing to inflate
            total = 0
            for info in members:
                with archive.open(info) as part:
                    while chunk := part.read(_CHUNK):
                        total += len(chunk)
                        if total > max_bytes:
                            raise too_big
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - zipfile fails in many ways on a damaged archive
        kind = type(exc).__name__
        raise InputError(f"{label}: not a readable .docx file (corrupt or truncated: {kind})") from None


def extract_docx(data: bytes, name: str | None = None, revisions: str = "new",
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    label = name or "input"
    document = open_docx(data, label, max_bytes)
    import docx as docx_module

    reader = _Reader(document, revisions)
    reader.block(document.element.body)
    lines = reader.joined_lines()
    if not any(line for line, _ in lines):
        raise InputError(f"{label}: the Word document has no text")
    version = getattr(docx_module, "__version__", "?")
    props = document.core_properties
    # The file's own properties, named for what they are: a template's title and the
    # typist's name are often all they hold, so they are not offered as the document's.
    metadata = {"file_title": props.title or "", "author": props.author or "",
                "created": props.created.date().isoformat() if props.created else ""}
    return build(lines, "docx", f"python-docx {version}", "binary", metadata)


class _Reader:
    def __init__(self, document, revisions: str) -> None:
        self.revisions = revisions
        self.lines: list[tuple[str, str]] = []
        self.looks: list[int | None] = []  # type size of a centred, unnumbered one-line paragraph
        self.sizes: Counter[int] = Counter()  # characters per type size: the body's size is the commonest
        self.paragraphs = 0
        try:
            numbering_root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering_root = None
        self.numbering = Numbering.from_xml(numbering_root)
        self.style_numbering = _style_numbering(document.styles.element)

    def block(self, container) -> None:
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child)
            elif tag == f"{W}tbl":
                for cell in child.iter(f"{W}tc"):
                    # Nested tables are reached by iter(); read only this cell's own paragraphs.
                    self.block(cell)
            elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag") or tag in _INSERTED:
                content = child.find(f"{W}sdtContent") if tag == f"{W}sdt" else child
                if content is not None:
                    self.block(content)
            elif tag in _DELETED and self.revisions == "old":
                self.block(child)

    def paragraph(self, p) -> None:
        self.paragraphs += 1
        where = f"paragraph {self.paragraphs}"
        label, suffix = self._label(p)
        text = _PADDING.sub(_LINE_BREAK, "".join(self._text(p)).strip(" \t\u00a0"))
        if label:
            text = label + (" " if suffix in ("tab", "space") else "") + text
        parts = [clean_line(line) for line in text.split(_LINE_BREAK)]
        title_like = not label and len(parts) == 1 and _centered(p)
        size = _size(p)
        if size:
            self.sizes[size] += len(text)
        for line in parts:
            self.lines.append((line, where))
            self.looks.append(size if title_like else None)

    def joined_lines(self) -> list[tuple[str, str]]:
        """Join a title Word wraps by hand over centred paragraphs (…成员履职 / 评价办法（试行））.

        Title paragraphs are centred, in the same type size and larger than the body's
        most common size; a line ending a sentence or one opening with a bracket (the
        （…通过） note under a title) is not a continuation.
        """
        body_size = max(self.sizes, key=self.sizes.get) if self.sizes else None
        out: list[tuple[str, str]] = []
        previous_size = None
        for (line, where), size in zip(self.lines, self.looks):
            if not line:
                previous_size = None
                continue
            joins = (size is not None and size == previous_size and body_size is not None and size > body_size
                     and out and not out[-1][0].endswith(_ENDS) and not line.startswith(_OPENS))
            if joins:
                out[-1] = (out[-1][0] + line, out[-1][1])
            else:
                out.append((line, where))
            previous_size = size
        return out

    def _label(self, p) -> tuple[str, str]:
        ppr = p.find(f"{W}pPr")
        num_id, ilvl = None, None
        if ppr is not None:
            numpr = ppr.find(f"{W}numPr")
            if numpr is not None:
                num_id = _val(numpr.find(f"{W}numId"))
                ilvl = _val(numpr.find(f"{W}ilvl"))
            style = _val(ppr.find(f"{W}pStyle"))
            if num_id is None and style in self.style_numbering:
                num_id, style_ilvl = self.style_numbering[style]
                ilvl = ilvl or style_ilvl
        if num_id is None:
            return "", "nothing"
        return self.numbering.label(num_id, to_int(ilvl, 0))

    def _text(self, el):
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag in _DELETED and self.revisions == "new":
                continue
            if tag in _INSERTED and self.revisions == "old":
                continue
            if tag == f"{W}r" and _hidden(child):
                continue  # hidden text (w:vanish): not on the page a reader sees
            if tag == f"{W}t" or (tag == f"{W}delText" and self.revisions == "old"):
                yield child.text or ""
            elif tag in (f"{W}tab", f"{W}ptab"):
                yield "\t"
            elif tag in (f"{W}br", f"{W}cr"):
                if child.get(f"{W}type") in (None, "textWrapping"):
                    yield _LINE_BREAK
            elif tag == f"{W}noBreakHyphen":
                yield "-"
            else:
                yield from self._text(child)


def _val(el) -> str | None:
    return el.get(f"{W}val") if el is not None else None


def _style_numbering(styles) -> dict[str, tuple[str, str | None]]:
    """Paragraph styles that number their paragraphs (Heading 1 → 第一章 …), basedOn followed."""
    own: dict[str, tuple[str, str | None]] = {}
    based: dict[str, str] = {}
    for style in styles.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        parent = _val(style.find(f"{W}basedOn"))
        if parent:
            based[style_id] = parent
        numpr = style.find(f"{W}pPr/{W}numPr")
        if numpr is not None and _val(numpr.find(f"{W}numId")) is not None:
            own[style_id] = (_val(numpr.find(f"{W}numId")), _val(numpr.find(f"{W}ilvl")))
    resolved = {}
    for style_id in set(own) | set(based):
        seen, current = set(), style_id
        while current and current not in own and current not in seen:
            seen.add(current)
            current = based.get(current)
        if current in own:
            resolved[style_id] = own[current]
    return resolved


def _centered(p) -> bool:
    return _val(p.find(f"{W}pPr/{W}jc")) == "center"


def _size(p) -> int | None:
    """The paragraph's largest direct type size in half-points (None when it sets none)."""
    sizes = [int(el.get(f"{W}val")) for el in p.iter(f"{W}sz") if (el.get(f"{W}val") or "").isdigit()]
    return max(sizes) if sizes else None


def _hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(f"{W}val", "true") not in ("false", "0", "off")
