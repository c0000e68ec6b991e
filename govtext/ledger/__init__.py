"""The corpus ledger: how often each 提法 stands in each document, and where.

files and folders → one task per document → (in worker processes, local or on a
Dask cluster) parse, describe, count → rows streamed, in input order, to the
tables.  Counts are plain occurrence counts (``text.count(term)``), so a reader
can check any figure with a search.
"""

from govtext.ledger.count import DocumentCounts, LedgerTask, count_document
from govtext.ledger.inputs import collect_inputs

__all__ = ["DocumentCounts", "LedgerTask", "collect_inputs", "count_document"]
