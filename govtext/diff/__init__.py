"""Comparing two versions of a document: alignment, word edits, 提法.

The public entry point is :func:`diff_documents`; its result is a tree of
immutable records (:mod:`govtext.diff.records`) that the report renderers read.
The differ is imported on first use, so importing the records (as every CLI
start-up does) stays cheap.
"""

from govtext.diff.records import CHANGE_KINDS, FAIL_ON_KINDS, DiffResult

__all__ = ["diff_documents", "DiffResult", "CHANGE_KINDS", "FAIL_ON_KINDS"]


def __getattr__(name: str):
    if name == "diff_documents":
        from govtext.diff.differ import diff_documents

        return diff_documents
    raise AttributeError(f"module 'govtext.diff' has no attribute {name!r}")
