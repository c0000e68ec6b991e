"""Following one document through its versions: lineages, the 提法 ledger, blame.

The entry point is :func:`build_history`; its result is a tree of immutable records
(:mod:`govtext.history.records`) that the report renderers read.  Successive versions
are compared with the one alignment engine, :func:`govtext.diff.diff_documents`.
"""

from govtext.history.records import History, HistoryError

__all__ = ["build_history", "History", "HistoryError"]


def __getattr__(name: str):
    if name == "build_history":
        from govtext.history.series import build_history

        return build_history
    raise AttributeError(f"module 'govtext.history' has no attribute {name!r}")
