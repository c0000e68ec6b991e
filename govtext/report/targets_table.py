"""The indicator × year table as CSV (pandas reads it as-is) or Parquet (pyarrow, the ``scale`` extra).

Long rather than wide columns for the numbers: one row per indicator, and for each year
the figure as written plus its value (the high end of a range), so a spreadsheet can chart it.
"""

from __future__ import annotations

import csv
import io

from govtext.errors import GovtextError


def _columns(table) -> tuple[list[str], list[list]]:
    head = ["indicator", "core"]
    for label in table.labels:
        head += [label, f"{label}_value", f"{label}_unit"]
    rows = []
    for row in table.rows:
        values: list = [row.indicator, row.core]
        for cell in row.cells:
            values += [cell.figure, cell.number, cell.unit] if cell else ["", None, ""]
        rows.append(values)
    return head, rows


def render_csv(table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    head, rows = _columns(table)
    writer.writerow(head)
    for values in rows:
        writer.writerow(["" if v is None else v for v in values])
    return out.getvalue()


def render_parquet(table) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise GovtextError(".parquet output needs pyarrow: pip install 'govtext[scale]'") from None
    head, rows = _columns(table)
    columns = {name: [values[i] for values in rows] for i, name in enumerate(head)}
    types = {name: pa.float64() if name.endswith("_value") else pa.bool_() if name == "core" else pa.string()
             for name in head}
    arrow = pa.table({name: pa.array(columns[name], type=types[name]) for name in head})
    sink = io.BytesIO()
    pq.write_table(arrow, sink)
    return sink.getvalue()
