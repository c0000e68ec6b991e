"""The 提法 ledger as CSV: one row per term, one column per version (pandas reads it as-is).

A term or version label a spreadsheet would run as a formula (=, +, -, @ first) is
written with a leading ``'`` (:mod:`govtext.csv_table`)."""

from __future__ import annotations

import io

from govtext.csv_table import CsvWriter
from govtext.history.records import History


def render(history: History) -> str:
    out = io.StringIO()
    writer = CsvWriter(out)
    writer.writerow(["term"] + [version.label for version in history.versions])
    for row in history.terms:
        writer.writerow([row.term] + list(row.counts))
    return out.getvalue()
