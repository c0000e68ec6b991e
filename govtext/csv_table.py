"""CSV rows as spreadsheets and CSV readers take them, whatever the cells hold.

Two things Python's csv writer leaves to the caller: a text cell opening with
``= + - @`` is a formula to Excel, LibreOffice and Google Sheets (prefixed with
``'``, :func:`govtext.escape.csv_cell`); and with ``\\n`` line ends a lone carriage
return in a cell (a title or file name) is written unquoted, where readers see a
new row — such a row is written with every cell quoted.
"""

from __future__ import annotations

import csv
from typing import Any, Iterable, TextIO

from govtext.escape import csv_cell


class CsvWriter:
    """``writerow`` / ``writerows`` like ``csv.writer(stream, lineterminator="\\n")``, made safe."""

    def __init__(self, stream: TextIO) -> None:
        self._minimal = csv.writer(stream, lineterminator="\n")
        self._quoted = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def writerow(self, row: Iterable[Any]) -> None:
        cells = ["" if value is None else csv_cell(value) if isinstance(value, str) else value for value in row]
        carriage = any(isinstance(value, str) and "\r" in value for value in cells)
        (self._quoted if carriage else self._minimal).writerow(cells)

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)
