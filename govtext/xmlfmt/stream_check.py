"""One streaming pass over govtext XML, for ``validate`` and for reading an archive back:
memory near the input's size, not lxml's tree of it.

The file is read with ``iterparse`` through the same hardened options as
:func:`govtext.xmlfmt.reader.make_parser`, from disk in chunks when given a path.
Each node inside ``<document>`` is checked against the schema (a grammar derived
from ``govtext.rng`` whose start is ``node``) as soon as it is complete — its
children were checked and dropped before it — and then dropped itself; the root,
``meta`` and an emptied ``document`` are checked against the whole schema at the end.  Ids,
offsets, text lengths, the source's sha256 and the outline digest are computed on
the way.  The problems reported are those of the whole-tree check.  Given a builder
(:class:`govtext.xmlfmt.reader.OutlineBuilder`), the pass hands it each node as it
completes, before its element is dropped (:func:`read_stream`).
"""

from __future__ import annotations

import codecs
import io
import os
from dataclasses import dataclass, field
from typing import Iterator

from lxml import etree

from govtext.errors import XmlInputError
from govtext.model import LEAF_TYPES
from govtext.textio import new_sha256
from govtext.xmlfmt import FORMAT, NAMESPACE, VERSION, schema_path
from govtext.xmlfmt.digest import OutlineDigest
from govtext.xmlfmt.elements import (PARSER_OPTIONS, VOCABULARY, InconsistentXml, Problem, attribute, first_line,
                                     leaf_text, refuse_declarations, make_parser)
from govtext.xmlfmt.unique_ids import UniqueIds

_CHAR = f"{{{NAMESPACE}}}char"
_DOCUMENT = f"{{{NAMESPACE}}}document"
_OUTLINE = f"{{{NAMESPACE}}}outline"
_SOURCE = f"{{{NAMESPACE}}}source"
_RNG = "http://relaxng.org/ns/structure/1.0"
_SCHEMAS: dict[str, etree.RelaxNG] = {}


def schemas() -> tuple[etree.RelaxNG, etree.RelaxNG]:
    """The whole schema, and the same grammar started at ``node``."""
    if not _SCHEMAS:
        with schema_path().open("rb") as fh:
            grammar = etree.parse(fh, make_parser())
        _SCHEMAS["whole"] = etree.RelaxNG(grammar)
        start = grammar.getroot().find(f"{{{_RNG}}}start")
        for child in list(start):
            start.remove(child)
        etree.SubElement(start, f"{{{_RNG}}}ref", name="node")
        _SCHEMAS["node"] = etree.RelaxNG(grammar)
    return _SCHEMAS["whole"], _SCHEMAS["node"]


Source = "bytes | str"
"""What the checks read: the archive's bytes, or the path of a file (read in chunks)."""

_CHUNK = 1 << 20


def _open(source) -> io.BufferedIOBase:
    return io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else open(source, "rb")


def _refuse(source, label: str) -> None:
    """The declaration scan of :func:`refuse_declarations`, a chunk at a time for a file."""
    if isinstance(source, (bytes, bytearray)):
        refuse_declarations(source, label)
        return
    overlap = len(b"<!DOCTYPE") - 1  # a declaration split across two chunks is still seen
    with open(source, "rb") as fh:
        tail = b""
        while chunk := fh.read(_CHUNK):
            refuse_declarations(tail + chunk, label)
            tail = chunk[-overlap:]


def _events(source, label: str, events=("start", "end")) -> Iterator[tuple[str, etree._Element]]:
    with _open(source) as fh:
        context = etree.iterparse(fh, events=events, **PARSER_OPTIONS)
        try:
            for event, element in context:
                # The first event is the root's start: a DOCTYPE has been read by then (one
                # in UTF-16 slips past the byte scan of _refuse).
                info = element.getroottree().docinfo
                if info.doctype or info.internalDTD is not None:
                    raise XmlInputError(
                        f"{label}: refused: XML with a DOCTYPE declaration (DTDs and entities are not allowed)")
                yield event, element
                break
            yield from context
        except etree.XMLSyntaxError as exc:
            line = f"line {exc.lineno}: " if exc.lineno else ""
            raise XmlInputError(f"{label}: malformed XML: {line}{first_line(exc.msg)}") from None


def _root_problem(root) -> Problem | None:
    qname = etree.QName(root)
    if qname.namespace != NAMESPACE or qname.localname != "govtext":
        found = f"{{{qname.namespace}}}{qname.localname}" if qname.namespace else qname.localname
        return Problem(root.sourceline,
                       f"not govtext XML: the root element is <{found}>, expected <govtext xmlns=\"{NAMESPACE}\">")
    if root.get("format") != FORMAT or root.get("version") != VERSION:
        return Problem(root.sourceline,
                       f"unsupported govtext XML: format {root.get('format')!r} version {root.get('version')!r}"
                       f" (this govtext reads {FORMAT} version {VERSION})")
    return None


_LOCAL_NAMES = {f"{{{NAMESPACE}}}{name}": name for name in VOCABULARY}
"""govtext's own tags and their local names: most elements are known by one dict lookup."""


def _unknown(element) -> Problem | None:
    if element.tag in _LOCAL_NAMES:
        return None
    qname = etree.QName(element)
    if qname.namespace != NAMESPACE or qname.localname not in VOCABULARY:
        where = f"{{{qname.namespace}}}" if qname.namespace and qname.namespace != NAMESPACE else ""
        return Problem(element.sourceline, f"unknown element <{where}{qname.localname}>")
    return None


def _record(element, depth: int) -> tuple:
    """The node's canonical record (:mod:`~govtext.xmlfmt.digest`); TypeError or ValueError
    when an offset or level is missing or no number."""
    get = element.get
    level = get("level")
    if get("escaped") is None:  # nearly always: the values are as written
        node_id, kind, number, title = get("id"), get("kind"), get("number"), get("title")
    else:
        node_id, kind, number, title = (attribute(element, name) for name in ("id", "kind", "number", "title"))
    return (depth, node_id, _LOCAL_NAMES[element.tag], kind, number, title,
            int(level) if level is not None else None, int(get("start")), int(get("end")))


class _TextHash:
    """The sha256 of every faithful re-encoding of the text, fed piece by piece."""

    _ENCODINGS = {"utf-16": ("\ufeff", ("utf-16-le", "utf-16-be")), "utf-32": ("\ufeff", ("utf-32-le", "utf-32-be"))}

    def __init__(self, encoding: str, size: int) -> None:
        prefix, codecs_ = self._ENCODINGS.get(encoding, ("", (encoding,)))
        self.lenient = False  # an encoding Python cannot re-encode with: benefit of the doubt
        self.replaced = False  # the text holds U+FFFD: perhaps bytes read with --errors replace
        self.candidates = []
        for codec in codecs_:
            try:
                self.candidates.append((codecs.getincrementalencoder(codec)(), new_sha256(size)))
            except LookupError:
                self.lenient = True
        self.feed(prefix)

    def feed(self, text: str, final: bool = False) -> None:
        if self.lenient:
            return
        if "\ufffd" in text:
            self.replaced = True
        try:
            for encoder, digest in self.candidates:
                digest.update(encoder.encode(text, final))
        except UnicodeEncodeError:
            self.lenient = True

    def matches(self, sha256: str) -> bool:
        self.feed("", final=True)
        return self.lenient or any(digest.hexdigest() == sha256 for _, digest in self.candidates)


@dataclass(slots=True)
class Reading:
    """What one streaming pass found in an archive."""

    foreign: Problem | None = None
    """Not govtext XML, or another version of it: nothing else was checked."""

    problems: list[Problem] = field(default_factory=list)
    """Why the file is not valid govtext XML (schema, ids, offsets, lengths), in the order
    ``validate`` reports them; empty when it is sound."""

    fixity: Problem | None = None
    """The text no longer hashes to the source's recorded sha256."""

    outline: dict | None = None
    """When the archive records an outline digest: ``{"recorded": (nodes, sha256),
    "computed": (nodes, sha256), "line": outline line}``."""

    document: object = None
    """What the builder made of a sound file (:meth:`OutlineBuilder.finish`), when one was given."""


def stream_problems(data, name: str | None = None) -> tuple[list[Problem], dict | None]:
    """(problems, outline facts) of ``data`` (bytes, or a file's path: then read in chunks,
    never whole); raises XmlInputError when it cannot be read.

    The facts, when the file is otherwise valid and records an outline digest, are
    ``{"recorded": (nodes, sha256), "computed": (nodes, sha256), "line": outline line}``.
    """
    reading = read_stream(data, name)
    if reading.foreign is not None:
        return [reading.foreign], None
    if reading.problems:
        return reading.problems, None
    if reading.fixity is not None:
        return [reading.fixity], None
    return [], reading.outline


def outline_changed(outline: dict) -> Problem:
    """The problem of an outline whose digest no longer matches (the node unnamed)."""
    nodes, recorded = outline["computed"][0], outline["recorded"][0]
    return Problem(outline["line"], "outline edited after export: its ids, types, kinds, numbers, titles, levels"
                   f" or offsets no longer match the recorded sha256 ({nodes} nodes, {recorded} recorded)")


def read_stream(data, name: str | None = None, builder=None) -> Reading:
    """Check ``data`` (bytes, or a file's path: then read in chunks, never whole) in one
    pass and, given a ``builder`` (:class:`govtext.xmlfmt.reader.OutlineBuilder`), hand it
    each node as its element completes; raises XmlInputError when it cannot be read.

    Building stops at the first problem: a file that is not sound is refused, never half read.
    """
    label = name or "input"
    _refuse(data, label)
    whole, node_schema = schemas()
    reading = Reading()
    schema: list[Problem] = []
    unknown: list[Problem] = []
    consistency: Problem | None = None
    # [element, record, first child start, last child end]; record None: the schema names what is wrong
    stack: list[list] = []
    unique = UniqueIds()
    size = len(data) if isinstance(data, (bytes, bytearray)) else os.path.getsize(data)
    digest = OutlineDigest(size)
    root = source = outline = None
    text_hash: _TextHash | None = None
    pos = 0
    in_document = False

    consistency_at = (0, 0)  # when the first was met: (nodes started, 0 at a start / 1 at an end)

    def inconsistent(problem: Problem, at_start: bool = False) -> None:
        nonlocal consistency, consistency_at, builder
        builder = None
        if consistency is None:
            consistency, consistency_at = problem, (digest.nodes, 0 if at_start else 1)

    events = _events(data, label)
    for event, element in events:
        if root is None:
            root = element
            reading.foreign = _root_problem(root)
            if reading.foreign is not None:
                # Read on (dropping what was read) so a malformed file is called malformed,
                # as it would be however it began.
                for event, element in events:
                    parent = element.getparent() if event == "end" else None
                    if parent is not None:
                        parent.remove(element)
                return reading
        if event == "start":
            problem = _unknown(element)
            if problem is not None:
                unknown.append(problem)
                builder = None
                continue
            if element.tag == _DOCUMENT:
                in_document = True
            if not in_document or element.tag == _CHAR:
                continue
            try:
                record = _record(element, len(stack))
            except (TypeError, ValueError):  # the schema names what is missing or malformed
                stack.append([element, None, None, None])
                unique.enter(None, True)
                builder = None
                continue
            node_id, start, end = record[1], record[7], record[8]
            digest.add(record)
            if unique.enter(node_id, record[2] not in LEAF_TYPES):
                inconsistent(Problem(element.sourceline, f"duplicate id {node_id!r}"), at_start=True)
            if end < start:
                inconsistent(Problem(element.sourceline, f"{node_id}: end {end} is before start {start}"),
                             at_start=True)
            stack.append([element, record, None, None])
            if builder is not None and record[2] not in LEAF_TYPES:
                builder.open(record)
            continue
        # end events
        if element.tag == _SOURCE:
            source = element
            text_hash = _TextHash(element.get("encoding") or "utf-8", size)
        elif element.tag == _OUTLINE:
            outline = element
        if not in_document or element.tag == _CHAR or not stack or stack[-1][0] is not element:
            continue
        _, record, first, last = stack.pop()
        unique.leave()
        if record is not None:
            node_id, start, end = record[1], record[7], record[8]
            if record[2] in LEAF_TYPES:
                try:
                    text = leaf_text(element)
                except InconsistentXml as exc:  # a <char> that is no character
                    inconsistent(exc.problem)
                    text = "\ufffd" * (end - start)  # stands in, so the checks after it still run
                if len(text) != end - start:
                    inconsistent(Problem(element.sourceline,
                                         f"{node_id}: text has {len(text)} characters, start..end says {end - start}"))
                if start != pos:
                    inconsistent(Problem(element.sourceline, f"offsets do not add up: leaf {node_id} at "
                                         f"({start}, {end}) breaks the tiling at {pos}"))
                pos = end
                if text_hash is not None:
                    text_hash.feed(text)
                if builder is not None:
                    builder.leaf(record, text)
            else:
                if first is not None and (first != start or last != end):
                    inconsistent(Problem(element.sourceline, f"offsets do not add up: node {node_id} span "
                                         f"({start}, {end}) does not cover its children"))
                if builder is not None:
                    builder.close(record)
            if stack:
                parent = stack[-1]
                if parent[2] is None:
                    parent[2] = start
                parent[3] = end
        if stack:  # a node inside <document> is complete, its own children already checked and dropped
            if not unknown and not node_schema.validate(element):
                schema.extend(Problem(err.line or None, err.message) for err in node_schema.error_log)
                builder = None
            # Checked: dropped, so memory holds the open nodes only, however large one
            # section is (an emptied container is still a valid one for its parent's check).
            stack[-1][0].remove(element)
        if element.tag == _DOCUMENT:
            in_document = False
    if unknown:
        reading.problems = unknown
        return reading
    if not whole.validate(root.getroottree()):
        schema = [Problem(err.line or None, err.message) for err in whole.error_log] + schema
    if schema:
        reading.problems = schema
        return reading
    if unique.unsure:  # an id may repeat one the pass no longer held: a second pass holds them all
        duplicate = _first_duplicate(data, label)
        if duplicate is not None and (consistency is None or duplicate[0] < consistency_at):
            consistency = duplicate[1]
    if consistency is not None:
        reading.problems = [consistency]
        return reading
    chars = int(source.get("chars"))
    if chars != pos:
        reading.problems = [Problem(source.sourceline, f"source has {chars} characters, the leaves join to {pos}")]
        return reading
    # Text extracted from HTML/Word/PDF: the sha256 names the original file, not the text.
    extracted = source.get("format", "text") != "text"
    if not extracted and not text_hash.matches(source.get("sha256")):
        # U+FFFD where the input had bytes it could not decode (--errors replace) cannot give
        # them back: say so rather than only suspect an edit (the mismatch stands either way).
        why = ("edited after export? or read with --errors replace: it holds U+FFFD" if text_hash.replaced
               else "edited after export?")
        reading.fixity = Problem(source.sourceline, f"the text no longer matches the source's sha256 ({why})")
    if outline is not None:
        reading.outline = {"recorded": (int(outline.get("nodes")), outline.get("sha256")),
                           "computed": (digest.nodes, digest.hexdigest()), "line": outline.sourceline}
    if builder is not None:
        reading.document = builder.finish(root, source)
    return reading


def _first_duplicate(data, label: str) -> tuple[tuple[int, int], Problem] | None:
    """When and where the first id that repeats an earlier one is, every id held."""
    seen: set[str] = set()
    in_document = False
    for event, element in _events(data, label):
        if event == "end":
            if element.tag == _DOCUMENT:
                break
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        if element.tag == _DOCUMENT:
            in_document = True
        if not in_document or element.tag == _CHAR or element.tag not in _LOCAL_NAMES:
            continue
        try:
            node_id = _record(element, 0)[1]
        except (TypeError, ValueError):  # as the first pass: such a node is the schema's to name
            continue
        if node_id in seen:
            return (len(seen) + 1, 0), Problem(element.sourceline, f"duplicate id {node_id!r}")
        seen.add(node_id)
    return None


def archived_outline(data, name: str | None = None) -> tuple[str, list[tuple[tuple, int]]]:
    """The text and the (record, line) of every node of a valid archive (for naming a difference)."""
    texts: list[str] = []
    records: list[tuple[tuple, int]] = []
    depth = -1
    in_document = False
    for event, element in _events(data, name or "input"):
        if element.tag == _DOCUMENT:
            in_document = event == "start"
            if not in_document:
                break
        if not in_document or element.tag == _CHAR:
            continue
        if event == "start":
            depth += 1
            records.append((_record(element, depth), element.sourceline))
        else:
            depth -= 1
            if _LOCAL_NAMES[element.tag] in LEAF_TYPES:
                texts.append(leaf_text(element))
            element.clear(keep_tail=True)
    return "".join(texts), records
