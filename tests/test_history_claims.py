"""The claim board the history's workers share: every pair diffed exactly once, each walk
reading its versions once, wherever the walks meet."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govtext.history.claims import ClaimBoard
from govtext.history.series import walks


@pytest.fixture
def board():
    made = []

    def make(pairs: int) -> ClaimBoard:
        made.append(ClaimBoard.create(pairs))
        return made[-1]

    yield make
    for b in made:
        b.remove()


def test_a_pair_is_claimed_once(board) -> None:
    b = board(3)
    assert b.claim(1) and not b.claim(1)
    assert not b.claim(3) and not b.claim(-1)  # out of range


def test_largest_gap_is_the_longest_unclaimed_stretch(board) -> None:
    b = board(10)
    assert b.largest_gap() == (0, 9)
    for pair in (0, 3, 4, 9):
        b.claim(pair)
    assert b.largest_gap() == (5, 8)
    b.claim(6)
    assert b.largest_gap() == (1, 2)  # the first of equal stretches
    for pair in (1, 2, 5, 7, 8):
        b.claim(pair)
    assert b.largest_gap() is None


def test_a_stopped_board_hands_out_nothing(board) -> None:
    b = board(5)
    b.stop()
    assert not b.claim(0)
    assert b.largest_gap() is None
    assert list(b.walk(0, 1)) == []


def test_two_walks_from_both_ends_meet(board) -> None:
    """A walk forward and one backward, taking turns: each pair once, no stealing needed."""
    b = board(7)
    front, back = b.walk(0, 1), b.walk(6, -1)
    seen = [next(front), next(back), next(front), next(back)]
    rest_front, rest_back = list(front), list(back)
    assert seen == [(0, 1), (6, -1), (1, 1), (5, -1)]
    assert sorted(p for p, _ in seen + rest_front + rest_back) == list(range(7))
    assert [p for p, _ in rest_front] == [2, 3, 4] and rest_back == []


def test_a_walk_that_meets_another_takes_the_middle_of_what_is_left(board) -> None:
    b = board(10)
    lone = b.walk(9, -1)
    assert next(lone) == (9, -1)
    for pair in range(3, 9):  # somebody else took these
        b.claim(pair)
    assert list(lone) == [(1, 1), (2, 1), (0, 1)]  # the middle of 0-2 forward, then what remains


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40), st.integers(1, 6), st.integers(0, 10**6))
def test_any_interleaving_diffs_every_pair_exactly_once(pairs, workers, seed) -> None:
    """Walks advanced in a random order: every pair is claimed by exactly one walk, and the
    pairs a walk diffs in a row are contiguous (it re-reads a version only after a jump)."""
    b = ClaimBoard.create(pairs)
    try:
        sizes = [1 + (seed >> k) % 7 for k in range(pairs + 1)]
        active = [b.walk(start, direction) for start, direction in walks(sizes, workers)]
        claimed: list[int] = []
        rng = random.Random(seed)
        while active:
            walk = rng.choice(active)
            try:
                pair, direction = next(walk)
            except StopIteration:
                active.remove(walk)
                continue
            claimed.append(pair)
            b.finish(pair)
        assert sorted(claimed) == list(range(pairs))
        assert b.finished() == pairs
    finally:
        b.remove()


@pytest.mark.parametrize("sizes, workers, expected", [
    ([5] * 10, 1, [(0, 1)]),
    ([5] * 10, 2, [(0, 1), (8, -1)]),
    ([5] * 10, 4, [(0, 1), (4, -1), (5, 1), (8, -1)]),
    ([5] * 10, 3, [(0, 1), (5, -1), (6, 1)]),  # the odd one out walks a third of its own
    ([5, 5, 5], 8, [(0, 1), (1, -1)]),  # no more walks than pairs
])
def test_walks_start_in_twos_from_both_ends(sizes, workers, expected) -> None:
    assert walks(sizes, workers) == expected


def test_the_progress_bar_hears_of_every_pair(board) -> None:
    b = board(4)
    told = []
    with b.watch(told.append, every=0.01):
        for pair, _ in b.walk(0, 1):
            b.finish(pair)
    assert sum(told) == 4


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_walk_that_fails_is_named_and_the_board_is_removed(tmp_path, monkeypatch, jobs) -> None:
    """Every walk fails on the lexicon: the error names it (not a worker's failure), and no claim folder
    stays behind, in this process or with workers."""
    import tempfile

    from conftest import FIXTURES
    from govtext.history import HistoryError, build_history

    folder = tmp_path / "versions"
    folder.mkdir()
    for name in ("report-2021.txt", "report-2022.txt", "report-2023.txt"):
        (folder / name).write_text((FIXTURES / "history" / "policy" / name).read_text(encoding="utf-8"), encoding="utf-8")
    boards = tmp_path / "tmp"
    boards.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(boards))
    lexicon = tmp_path / "bad.toml"
    lexicon.write_text("this is = not [ toml", encoding="utf-8")
    with pytest.raises(HistoryError) as caught:
        build_history([str(folder)], jobs=jobs, lexicon=str(lexicon), advance=lambda n: None)
    assert "bad.toml" in str(caught.value) and "worker failed" not in str(caught.value)
    assert list(boards.iterdir()) == []
