"""``build_history``: files in, one :class:`History` out.

expand folders → date and order the versions → parse and diff successive pairs in
parallel (each worker walks the series pair by pair from one end of a stretch, the
workers of a stretch towards each other, so each version is parsed once, and once
more only where two walks meet; see :mod:`govtext.history.claims`; the differ's
segmenter loads once per worker) → lineages, ledger, blame.
"""

from __future__ import annotations

from dataclasses import dataclass

from govtext.errors import GovtextError
from govtext.executor import default_jobs, run_tasks
from govtext.history.claims import ClaimBoard
from govtext.history.blame import build_blame
from govtext.history.digest import Digest, digest, step
from govtext.diff.data import read_term_list
from govtext.history.ledger import build_ledger
from govtext.history.lineage import build_lineages
from govtext.history.order import expand, labels, order
from govtext.history.records import History, HistoryError, Step, Version
from govtext.history.unity import unity_warnings


@dataclass(frozen=True, slots=True)
class _Walk:
    """A worker's task: walk the series from pair ``start`` in ``direction`` (+1 or -1), diffing
    each pair it claims on ``board``, then take over the middle of what nobody has claimed."""

    paths: tuple[str, ...]
    labels: tuple[str, ...]
    board: ClaimBoard
    start: int
    direction: int
    keep_diffs: bool = False
    options: object = None
    """The ReadOptions every version is read with (None: the defaults)."""
    lexicon: str | None = None
    """A lexicon file, loaded in the worker."""
    targets: bool = False
    """Also read each policy version's targets (``govtext targets``)."""


@dataclass(frozen=True, slots=True)
class _Read:
    """What a worker keeps of a version it parsed: its digest, the title its header states ('' where
    none, to tell whether the versions are one document), and its targets (only when asked)."""

    digest: Digest
    title: str
    targets: object = None


@dataclass(frozen=True, slots=True)
class _WalkResult:
    versions: tuple[tuple[int, _Read], ...] = ()
    """(version index, what was read), for every version the walk parsed."""
    steps: tuple[tuple[int, Step], ...] = ()
    """(pair index, its step), for every pair the walk diffed."""
    error: tuple[int, str] | None = None
    """(version index, message): the version that could not be read (-1: before any)."""


class _Unreadable(Exception):
    """A version that could not be read: which, and why."""

    def __init__(self, index: int, message: str):
        super().__init__(message)
        self.index, self.message = index, message


def _walk(task: _Walk) -> _WalkResult:
    """Diff the pairs this worker claims, each version parsed once per walk: the version the walk
    stands on, and its units (with the bigram sets they cache), serve the next pair too."""
    from govtext.diff import diff_documents
    from govtext.diff.units import build_units
    from govtext.lexicon import load_lexicon
    from govtext.metadata import describe
    from govtext.pipeline import load

    board = task.board
    try:
        lexicon = load_lexicon(task.lexicon) if task.lexicon else None
    except GovtextError as exc:
        board.stop()
        return _WalkResult(error=(-1, str(exc)))
    if task.targets:
        from govtext.targets import load_target_lexicon, targets_of

        target_lexicon = load_target_lexicon(None)
    versions: list[tuple[int, _Read]] = []
    steps: list[tuple[int, Step]] = []

    def read(k: int):
        try:
            doc = load(task.paths[k], lexicon, task.options)
        except GovtextError as exc:  # reported by the caller, the other walks called off
            board.stop()
            raise _Unreadable(k, str(exc)) from None
        targets = targets_of(doc, target_lexicon) if task.targets and doc.genre == "policy" else None
        versions.append((k, _Read(digest(doc, task.labels[k], task.paths[k]), describe(doc).title, targets)))
        return k, doc, build_units(doc)

    held = None
    try:
        for pair, direction in board.walk(task.start, task.direction):
            near, far = (pair, pair + 1) if direction > 0 else (pair + 1, pair)
            if held is None or held[0] != near:
                held = read(near)
            other = read(far)
            old, new = (held, other) if direction > 0 else (other, held)
            result = diff_documents(old[1], new[1], units=(old[2], new[2]))
            steps.append((pair, step(result, task.keep_diffs)))
            board.finish(pair)
            held = other
    except _Unreadable as exc:
        return _WalkResult(error=(exc.index, exc.message))
    return _WalkResult(tuple(versions), tuple(steps))


def _crashed(task: _Walk, exc: BaseException) -> _WalkResult:
    task.board.stop()
    return _WalkResult(error=(-1, f"{task.paths[0]} … {task.paths[-1]}: a worker failed ({exc})"))


def walks(sizes: list[int], workers: int) -> list[tuple[int, int]]:
    """Where each worker's walk starts: ``(pair, direction)``.

    Workers go in twos, one from each end of a stretch of the series, the stretches of about
    equal size per worker (an odd one out walks a stretch of its own, forward); where they
    meet depends on what the pairs really cost, not on the estimate.  One worker walks the
    whole series."""
    pairs = len(sizes) - 1
    workers = max(1, min(workers, pairs))
    teams = [2] * (workers // 2) + [1] * (workers % 2)
    out: list[tuple[int, int]] = []
    for (a, b), team in zip(split_runs(sizes, [team / workers for team in teams]), teams):
        out.append((a, 1))
        if team == 2:
            out.append((b - 1, -1))
    return out


def split_runs(sizes: list[int], parts: int | list[float]) -> list[tuple[int, int]]:
    """Runs ``[start, end]`` (inclusive, each next one starting where the last ended) covering
    all versions: ``parts`` runs of about equal total size, or one per share of ``parts`` (in
    order, each about that share of the total size; at most one per pair)."""
    n = len(sizes)
    shares = [1.0 / parts] * parts if isinstance(parts, int) else list(parts)
    if len(shares) > n - 1:  # fewer pairs than runs: one pair each
        shares = [1.0 / max(1, n - 1)] * max(1, n - 1)
    total = sum(sizes[1:]) or 1
    runs, start, acc, target = [], 0, 0, 0.0
    for k in range(1, n):
        acc += sizes[k]
        if len(runs) < len(shares) - 1 and k < n - 1:
            if acc >= total * (target + shares[len(runs)]):
                target += shares[len(runs)]
                runs.append((start, k))
                start = k
    runs.append((start, n - 1))
    return runs


def resolve_label(spec: str, versions: list[Version]) -> int:
    """The index of the version a user names by label, file name, path or date."""
    for k, version in enumerate(versions):
        if spec in (version.label, version.path, version.date) or version.path.endswith("/" + spec):
            return k
    raise HistoryError(f"no version {spec!r}; versions are {', '.join(v.label for v in versions)}")


def build_history(paths: list[str], order_mode: str = "date", jobs: int | None = None,
                  terms_file: str | None = None, blame: str | None = None, keep_diffs: bool = False,
                  terms_files: tuple[str, ...] = (), options=None, lexicon: str | None = None,
                  advance=None, warn=None, targets: bool = False) -> History:
    """The history of the versions in ``paths`` (files or folders).

    ``keep_diffs`` keeps each step's whole :class:`~govtext.diff.records.DiffResult`
    (``History.steps[k].result``), as ``--pairs`` needs; otherwise only ids and kinds.
    ``options`` (a :class:`~govtext.pipeline.ReadOptions`) and ``lexicon`` (a file) read
    every version as ``govtext tree`` would; ``terms_files`` add 提法 from several files;
    ``advance(n)`` is called as n more steps are diffed; ``warn`` receives what the reader
    repaired (undecodable bytes replaced) and what a folder held that was passed over
    (a FIFO, a device).  ``targets`` also reads each policy version's targets
    (``History.targets``).
    """
    files = expand(list(paths), warn)
    if len(files) < 2:
        raise HistoryError(f"history needs at least two versions, got {len(files)}")
    lists = [read_term_list(path) for path in ((terms_file,) if terms_file else ()) + tuple(terms_files)]
    user_terms = tuple(dict.fromkeys(term for terms in lists for term in terms))
    from govtext.pipeline import read_text

    texts = [read_text(path, options, warn) for path in files]  # for dating
    ranked, dates = order(files, texts, order_mode)
    names = labels(files)
    files = [files[k] for k in ranked]
    texts = [texts[k] for k in ranked]
    names = [names[k] for k in ranked]
    dates = [dates[k] for k in ranked]

    read, diffed = _diff_series(files, names, [len(text) for text in texts], jobs, advance,
                                keep_diffs, options, lexicon, targets)
    digests = [read[k].digest for k in range(len(files))]
    titles = [read[k].title for k in range(len(files))]
    version_targets = [read[k].targets for k in range(len(files))] if targets else []
    steps = [diffed[k] for k in range(len(files) - 1)]

    versions = [Version(d.label, d.path, date, d.sha256, len(d.text)) for d, date in zip(digests, dates)]
    target = resolve_label(blame, versions) if blame else len(versions) - 1
    lineages = build_lineages(digests, steps)
    return History(
        versions=tuple(versions),
        steps=tuple(steps),
        lineages=lineages,
        terms=build_ledger(digests, steps, user_terms),
        blame_version=target,
        blame=build_blame(digests, lineages, target),
        blame_text=digests[target].text,
        warnings=unity_warnings(names, [d.genre for d in digests], titles),
        targets=tuple(version_targets),
    )


def _diff_series(files, names, sizes, jobs, advance, keep_diffs, options, lexicon, targets):
    """Every version read and every successive pair diffed, by the walks of :func:`walks`:
    ``({version: _Read}, {pair: Step})``."""
    board = ClaimBoard.create(len(files) - 1)
    tasks = [_Walk(tuple(files), tuple(names), board, start, direction, keep_diffs, options, lexicon, targets)
             for start, direction in walks(sizes, jobs or default_jobs())]
    read: dict[int, _Read] = {}
    diffed: dict[int, Step] = {}
    errors: list[tuple[int, str]] = []
    try:
        with board.watch(advance):
            for _, result in run_tasks(_walk, tasks, jobs=jobs, on_crash=_crashed, cancel=board.stop):
                if result.error:
                    errors.append(result.error)
                read.update(result.versions)  # a version two walks met on is read alike by both
                diffed.update(result.steps)
    finally:
        board.remove()
    if errors:  # the first version in series order that could not be read (a worker's failure first)
        raise HistoryError(min(errors)[1])
    if len(diffed) != len(files) - 1 or len(read) != len(files):
        raise RuntimeError(f"history: {len(diffed)} of {len(files) - 1} pairs diffed")
    return read, diffed
