"""The ledger's tables, written as documents arrive (memory stays flat).

* long: one row per document × term × place (tidy; pandas, R and spreadsheets read it as is);
* wide: one row per document, one column per term (its count in the whole document);
* errors: one row per document that could not be read.

CSV here; Parquet in :mod:`govtext.ledger.parquet` (pyarrow, the ``scale`` extra).
Every table goes to a temporary file renamed into place when the run ends, so an
interrupted run leaves no partial table.
"""

from __future__ import annotations

import io
from contextlib import ExitStack
from typing import BinaryIO

from govtext.csv_table import CsvWriter
from govtext.ledger.count import DocumentCounts

META_COLUMNS = ("path", "title", "date", "year", "genre", "issuer", "sha256", "chars")
LONG_COLUMNS = META_COLUMNS + ("term", "place", "section", "section_label", "count")
ERROR_COLUMNS = ("path", "error")
_INTEGERS = frozenset({"year", "chars", "count"})


def _integer_columns(columns: tuple[str, ...], counts_from: int | None) -> frozenset[int]:
    """Indices of integer columns: year, chars, count, and (wide table) every term column."""
    if counts_from is None:
        return frozenset(i for i, c in enumerate(columns) if c in _INTEGERS)
    return frozenset(i for i, c in enumerate(columns) if i >= counts_from or c in _INTEGERS)


def meta_values(doc: DocumentCounts) -> tuple:
    return (doc.path, doc.title, doc.date, doc.year, doc.genre, doc.issuer, doc.sha256, doc.chars)


def long_rows(doc: DocumentCounts):
    meta = meta_values(doc)
    for c in doc.counts:
        yield meta + (c.term, c.place, c.section, c.section_label, c.count)


def wide_row(doc: DocumentCounts, terms: tuple[str, ...]) -> tuple:
    totals = {c.term: c.count for c in doc.counts if c.place == "document"}
    return meta_values(doc) + tuple(totals.get(term, 0) for term in terms)


class CsvTable:
    """A CSV table streamed into an open binary file (UTF-8, header row first).

    Text cells that a spreadsheet would run as a formula get a leading ``'``, and a
    row with a carriage return in a cell is quoted whole (:mod:`govtext.csv_table`);
    Parquet keeps every value as it is.
    """

    def __init__(self, fh: BinaryIO, columns: tuple[str, ...]) -> None:
        self._text = io.TextIOWrapper(fh, encoding="utf-8", newline="", write_through=False)
        self._writer = CsvWriter(self._text)
        self._writer.writerow(columns)

    def write(self, rows) -> None:
        self._writer.writerows(rows)

    def close(self) -> None:
        self._text.flush()
        self._text.detach()  # the binary file stays open for the atomic writer to finish


class LedgerWriter:
    """Routes each document's result to the tables asked for."""

    def __init__(self, stack: ExitStack, terms: tuple[str, ...], long_path: str | None,
                 wide_path: str | None, errors_path: str | None, stdout: BinaryIO | None = None) -> None:
        self.terms = terms
        self._tables: list[tuple[str, object]] = []
        if long_path is not None:
            self._tables.append(("long", _open(stack, long_path, LONG_COLUMNS, None, stdout)))
        if wide_path is not None:
            wide = META_COLUMNS + terms
            self._tables.append(("wide", _open(stack, wide_path, wide, len(META_COLUMNS), stdout)))
        self._errors = _open(stack, errors_path, ERROR_COLUMNS, None, stdout) if errors_path else None
        stack.callback(self._close)

    def add(self, doc: DocumentCounts) -> None:
        if doc.error is not None:
            if self._errors is not None:
                self._errors.write([(doc.path, doc.error)])
            return
        for kind, table in self._tables:
            table.write(long_rows(doc) if kind == "long" else [wide_row(doc, self.terms)])

    def _close(self) -> None:
        for _, table in self._tables:
            table.close()
        if self._errors is not None:
            self._errors.close()


def _open(stack: ExitStack, path: str, columns: tuple[str, ...], counts_from: int | None,
          stdout: BinaryIO | None):
    """A table at ``path`` (``-``: standard output), CSV or — by its suffix — Parquet.
    ``counts_from``: the first term column of a wide table (all integer counts)."""
    if path == "-":
        return CsvTable(stdout, columns)
    if path.lower().endswith(".parquet"):
        from govtext.ledger.parquet import ParquetTable

        return stack.enter_context(ParquetTable.atomic(path, columns, _integer_columns(columns, counts_from)))
    from govtext.atomic import atomic_output

    return CsvTable(stack.enter_context(atomic_output(path)), columns)
