"""A ledger run, start to end: tasks out to the executor, results in order to the tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import BinaryIO

from govtext.batching import file_size
from govtext.executor import run_in_order
from govtext.ledger.count import DocumentCounts, LedgerTask, count_document, document_clauses
from govtext.ledger.tables import LedgerWriter
from govtext.ledger.terms import terms_that_change


@dataclass
class LedgerSummary:
    """What the run found: enough for the terminal summary and the exit status."""

    terms: tuple[str, ...]
    documents: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    documents_with: Counter = field(default_factory=Counter)
    """Term → number of documents it occurs in."""
    occurrences: Counter = field(default_factory=Counter)
    """Term → occurrences in all documents."""

    def add(self, doc: DocumentCounts) -> None:
        if doc.error is not None:
            self.failed.append((doc.path, doc.error))
            return
        self.documents += 1
        for c in doc.counts:
            if c.place == "document" and c.count:
                self.documents_with[c.term] += 1
                self.occurrences[c.term] += c.count


@dataclass(frozen=True)
class LedgerPlan:
    files: tuple[str, ...]
    terms: tuple[str, ...]
    lexicon: str | None = None
    jobs: int | None = None
    scheduler: str | None = None
    options: object = None
    """How documents are read (size cap, encoding, input format): a ReadOptions, or None."""
    batch_bytes: int | None = None
    """Input bytes per executor task (None: the measured default; 0: one document per task)."""


def terms_from_corpus(plan: LedgerPlan, progress: Callable[[], None] | None = None) -> tuple[str, ...]:
    """First pass for ``--terms-from-diff``: clauses that name tasks in some documents, not all."""
    tasks = [LedgerTask(path, (), plan.lexicon, plan.options) for path in plan.files]
    documents_with: Counter = Counter()
    readable = 0
    for doc in _run(document_clauses, tasks, plan):
        if doc.error is None:
            readable += 1
            documents_with.update(doc.clauses)
        if progress:
            progress()
    return terms_that_change(documents_with, readable)


def run_ledger(plan: LedgerPlan, long_path: str | None, wide_path: str | None, errors_path: str | None,
               stdout: BinaryIO | None = None, progress: Callable[[], None] | None = None) -> LedgerSummary:
    """Count every term in every document, writing rows as results arrive (input order)."""
    summary = LedgerSummary(plan.terms)
    tasks = [LedgerTask(path, plan.terms, plan.lexicon, plan.options) for path in plan.files]
    with ExitStack() as stack:
        writer = LedgerWriter(stack, plan.terms, long_path, wide_path, errors_path, stdout)
        for doc in _run(count_document, tasks, plan):
            writer.add(doc)
            summary.add(doc)
            if progress:
                progress()
    return summary


def _run(fn, tasks: list[LedgerTask], plan: LedgerPlan):
    """The documents through the executor in batches of about ``plan.batch_bytes``, results in input order."""
    return run_in_order(fn, tasks, plan.jobs, _crashed, plan.scheduler, _task_bytes, plan.batch_bytes)


def _task_bytes(task: LedgerTask) -> int:
    return file_size(task.path)


def _crashed(task: LedgerTask, exc: BaseException) -> DocumentCounts:
    """A worker died on this document (killed, out of memory): reported, the run goes on."""
    return DocumentCounts(task.path, error=f"{task.path}: worker failed: {type(exc).__name__}: {exc}")
