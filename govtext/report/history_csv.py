"""The 提法 ledger as CSV: one row per term, one column per version (pandas reads it as-is)."""

from __future__ import annotations

import csv
import io

from govtext.history.records import History


def render(history: History) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["term"] + [version.label for version in history.versions])
    for row in history.terms:
        writer.writerow([row.term] + list(row.counts))
    return out.getvalue()
