"""Tasks batched by bytes: the plan, the order of results, crashes reported per document."""

from __future__ import annotations

import operator
import os
from functools import partial

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from govtext.batching import BATCHES_PER_WORKER, parse_batch_size, plan_batches
from govtext.cli import main
from govtext.executor import run_ordered


def test_batches_are_consecutive_and_cover_every_task():
    sizes = [300, 500, 200, 900, 100, 100, 400] * 10
    batches = plan_batches(sizes, 1_000, workers=1)
    assert [i for b in batches for i in b] == list(range(len(sizes)))
    for batch in batches:
        assert len(batch) == 1 or sum(sizes[i] for i in batch) <= 1_000


def test_a_document_larger_than_a_batch_is_a_batch_of_its_own():
    batches = plan_batches([10, 5_000, 10], 100, workers=1)
    assert [list(b) for b in batches] == [[0], [1], [2]]


def test_a_small_corpus_still_reaches_every_worker():
    # 40 documents of 1 kB with a 2 MB batch would be one batch: one busy worker, one idle.
    batches = plan_batches([1_000] * 40, 2_000_000, workers=2)
    assert len(batches) >= 2 * BATCHES_PER_WORKER


def test_no_tasks_no_batches():
    assert plan_batches([], 1_000, workers=2) == []


@pytest.mark.parametrize("text, expected", [("2M", 2_000_000), ("500k", 500_000), ("0", 0), ("1.5MB", 1_500_000),
                                            ("123", 123)])
def test_batch_size_spellings(text, expected):
    assert parse_batch_size(text) == expected


@pytest.mark.parametrize("text", ["", "2X", "-1", "M"])
def test_batch_size_rejects_nonsense(text):
    with pytest.raises(ValueError):
        parse_batch_size(text)


def test_batched_results_come_back_in_input_order():
    tasks = list(range(-60, 0))
    sizes = {t: (t * 37) % 11 + 1 for t in tasks}  # uneven, so batches differ in length
    got = run_ordered(abs, tasks, jobs=2, size_of=sizes.__getitem__, batch_bytes=8)
    assert got == [abs(t) for t in tasks]


def test_bad_batch_size_is_one_line_exit_2():
    result = CliRunner().invoke(main, ["ledger", str(FIXTURES / "ledger" / "reports"), "--batch-size", "lots"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "--batch-size" in result.output


def test_ledger_rows_identical_with_and_without_batching(tmp_path):
    source = FIXTURES / "ledger" / "reports"
    tables = []
    for size in ("0", "1", "2M"):
        out = tmp_path / f"b{size}.csv"
        result = CliRunner().invoke(main, ["ledger", str(source), "-o", str(out), "-q", "-j", "2",
                                           "--batch-size", size])
        assert result.exit_code == 0, result.output
        tables.append(out.read_bytes())
    assert tables[0] == tables[1] == tables[2]


def test_a_batch_that_kills_its_dask_worker_twice_reports_its_documents():
    pytest.importorskip("distributed", reason="the scale extra (dask[distributed]) is not installed")
    # Tasks are callables, run by operator.call (importable in the workers, unlike this module);
    # the one that calls os._exit kills whichever worker runs its batch.
    tasks = [partial(abs, -k) for k in range(16)]
    tasks[5] = partial(os._exit, 1)
    got = run_ordered(operator.call, tasks, jobs=2, scheduler="local", size_of=lambda task: 1, batch_bytes=2,
                      on_crash=lambda task, exc: "failed")
    # Batches of two: [4, 5] is lost (after one retry on the other worker); the rest are counted.
    assert got == [0, 1, 2, 3, "failed", "failed", *range(6, 16)]
