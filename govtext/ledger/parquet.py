"""Parquet tables for the ledger (pyarrow, the ``scale`` extra), written in row groups
as documents arrive, so a corpus of any size needs memory for one batch only."""

from __future__ import annotations

from contextlib import contextmanager

from govtext.errors import GovtextError

BATCH_ROWS = 50_000
"""Rows buffered before a row group is written."""

def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise GovtextError(".parquet output needs pyarrow: pip install '.[scale]' in govtext's checkout") from None
    return pyarrow


class ParquetTable:
    def __init__(self, fh, columns: tuple[str, ...], integers: frozenset[int]) -> None:
        pa = _pyarrow()
        self._pa = pa
        fields = [pa.field(c, pa.int64() if i in integers else pa.string()) for i, c in enumerate(columns)]
        self._schema = pa.schema(fields)
        self._writer = pa.parquet.ParquetWriter(fh, self._schema, compression="zstd")
        self._rows: list[tuple] = []

    @classmethod
    @contextmanager
    def atomic(cls, path: str, columns: tuple[str, ...], integers: frozenset[int]):
        """A table that replaces ``path`` when the block ends without an error."""
        from govtext.atomic import atomic_output

        with atomic_output(path) as fh:
            table = cls(fh, columns, integers)
            yield table
            table.close()

    def write(self, rows) -> None:
        self._rows.extend(rows)
        if len(self._rows) >= BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if not self._rows:
            return
        columns = list(zip(*self._rows))
        arrays = [self._pa.array(list(col), type=field.type) for col, field in zip(columns, self._schema)]
        self._writer.write_table(self._pa.Table.from_arrays(arrays, schema=self._schema))
        self._rows = []

    def close(self) -> None:
        if self._writer is not None:
            self._flush()
            self._writer.close()
            self._writer = None

