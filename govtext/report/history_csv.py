"""The 提法 ledger as CSV: one row per term, one column per version (pandas reads it as-is).

A term or version label a spreadsheet would run as a formula (=, +, -, @ first) is
written with a leading ``'`` (:func:`govtext.escape.csv_cell`)."""

from __future__ import annotations

import csv
import io

from govtext.escape import csv_cell
from govtext.history.records import History


def render(history: History) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["term"] + [csv_cell(version.label) for version in history.versions])
    for row in history.terms:
        writer.writerow([csv_cell(row.term)] + list(row.counts))
    return out.getvalue()
