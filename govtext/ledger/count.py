"""One document's ledger: its metadata and the count of every term, by place.

Runs in worker processes (local or Dask), so its task and result are plain,
picklable data, and a bad document is a result carrying its error — never an
exception that would stop the run.
"""

from __future__ import annotations

from dataclasses import dataclass

from govtext.diff.units import heading_label  # the one way to name a section, as the diff does
from govtext.model import (
    APPENDIX,
    BOOK,
    CHAPTER,
    HEADER,
    LEAD,
    MEASURE,
    SECTION,
    STATEMENT,
    Document,
    Node,
)

# Places a term is counted in (the ``place`` column of the long table).
DOCUMENT, IN_SECTION, IN_MEASURES, IN_STATEMENTS = "document", "section", "measure", "statement"
PLACES = (DOCUMENT, IN_SECTION, IN_MEASURES, IN_STATEMENTS)

# Top-level nodes that are sections of their own; other top-level nodes (opening
# paragraphs, articles of a law without chapters) are counted together as the body.
_OWN_SECTION = frozenset({HEADER, BOOK, CHAPTER, SECTION, APPENDIX})
BODY_ID = "body"
# Sentences that direct (a lead names a measure) and sentences that describe.
_DIRECTIVE = frozenset({MEASURE, LEAD})
_SEPARATOR = "\x1f"  # joins sentences so that no term is counted across two


@dataclass(frozen=True, slots=True)
class LedgerTask:
    """One document to count (picklable: it travels to the workers)."""

    path: str
    terms: tuple[str, ...]
    lexicon: str | None = None
    options: object = None
    """How to read it (:class:`govtext.pipeline.ReadOptions`), None for the defaults."""


@dataclass(frozen=True, slots=True)
class Count:
    """One row of the long table, less the document's metadata."""

    term: str
    place: str
    section: str
    """The top-level node's id for ``place == "section"`` (``body`` for the rest), else ""."""
    section_label: str
    """Its number and title as written (一、2023年工作回顾, 第二章 法律), else ""."""
    count: int


@dataclass(frozen=True, slots=True)
class DocumentCounts:
    """What a worker sends back for one document."""

    path: str
    error: str | None = None
    """One line saying why the document could not be read; nothing else is set then."""
    title: str = ""
    date: str = ""
    year: int | None = None
    genre: str = ""
    issuer: str = ""
    sha256: str = ""
    chars: int = 0
    counts: tuple[Count, ...] = ()
    clauses: tuple[str, ...] = ()
    """Heading and lead clauses (only when asked for: ``--terms-from-diff``'s first pass)."""


def count_document(task: LedgerTask) -> DocumentCounts:
    """Parse and count one document; a failure is reported in the result, never raised."""
    from govtext.errors import GovtextError

    try:
        doc = _load(task)
        return _counted(doc, task)
    except GovtextError as exc:
        return DocumentCounts(task.path, error=_named(task.path, str(exc)))
    except RecursionError:
        return DocumentCounts(task.path, error=_named(task.path, "document nested too deeply"))
    except Exception as exc:  # a parser bug on one document must not stop a corpus run
        return DocumentCounts(task.path, error=_named(task.path, f"internal error: {type(exc).__name__}: {exc}"))


def document_clauses(task: LedgerTask) -> DocumentCounts:
    """First pass of ``--terms-from-diff``: the clauses that head this document's sections and items."""
    from govtext.diff.terms import title_clauses
    from govtext.errors import GovtextError

    try:
        doc = _load(task)
    except GovtextError as exc:
        return DocumentCounts(task.path, error=_named(task.path, str(exc)))
    except Exception as exc:
        return DocumentCounts(task.path, error=_named(task.path, f"internal error: {type(exc).__name__}: {exc}"))
    clauses = {c for node in doc.walk() if node.title and node.type != HEADER for c in title_clauses(node.title)}
    return DocumentCounts(task.path, clauses=tuple(sorted(clauses)))


def _load(task: LedgerTask) -> Document:
    from govtext.pipeline import load

    return load(task.path, _lexicon(task.lexicon), task.options)


_LEXICONS: dict[str, object] = {}


def _lexicon(path: str | None):
    if path is None:
        return None
    if path not in _LEXICONS:  # each worker reads a user lexicon once
        from govtext.lexicon import load_lexicon

        _LEXICONS[path] = load_lexicon(path)
    return _LEXICONS[path]


def _counted(doc: Document, task: LedgerTask) -> DocumentCounts:
    from govtext.metadata import describe

    meta = describe(doc)
    return DocumentCounts(
        path=task.path, title=meta.title, date=meta.date, year=meta.year, genre=doc.genre,
        issuer=meta.issuer, sha256=doc.source.sha256, chars=doc.source.chars,
        counts=tuple(count_terms(doc, task.terms)),
    )


def count_terms(doc: Document, terms: tuple[str, ...]) -> list[Count]:
    """Every term's count in the whole document (a row even when 0), then — where it
    occurs — per top-level section, in directive sentences and in descriptive ones."""
    text = doc.text
    sections = _top_sections(doc)
    directive = _SEPARATOR.join(leaf.text for leaf in doc.leaves() if leaf.type in _DIRECTIVE)
    descriptive = _SEPARATOR.join(leaf.text for leaf in doc.leaves() if leaf.type == STATEMENT)
    rows: list[Count] = []
    for term in terms:
        total = text.count(term)
        rows.append(Count(term, DOCUMENT, "", "", total))
        if not total:
            continue
        for section_id, label, section_text in sections:
            n = section_text.count(term)
            if n:
                rows.append(Count(term, IN_SECTION, section_id, label, n))
        for place, joined in ((IN_MEASURES, directive), (IN_STATEMENTS, descriptive)):
            n = joined.count(term)
            if n:
                rows.append(Count(term, place, "", "", n))
    return rows


def _top_sections(doc: Document) -> list[tuple[str, str, str]]:
    """(id, label, text) of each top-level section, the other top-level nodes joined as the body."""
    text = doc.text
    sections: list[tuple[str, str, str]] = []
    body: list[str] = []
    for node in doc.root.children:
        start, end = node.span
        if node.type in _OWN_SECTION:
            sections.append((node.id, _label(node), text[start:end]))
        elif node.children:  # blank lines between sections are nobody's
            body.append(text[start:end])
    if body:
        sections.append((BODY_ID, "", _SEPARATOR.join(body)))
    return sections


def _label(node: Node) -> str:
    """The section_label column: number and title as written, the whole title (the CSV
    contract), named as the diff's contents list names it."""
    if node.type == HEADER:
        return "header"
    return heading_label(node, limit=None)


def _named(path: str, message: str) -> str:
    return message if message.startswith(path) else f"{path}: {message}"
