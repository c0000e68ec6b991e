"""``build_history``: files in, one :class:`History` out.

expand folders → date and order the versions → parse and diff successive pairs in
parallel (each worker takes a run of consecutive versions, so each version is
parsed once, and once more only where two runs meet; the differ's segmenter loads
once per worker) → lineages, ledger, blame.
"""

from __future__ import annotations

from dataclasses import dataclass

from govtext.errors import GovtextError
from govtext.executor import default_jobs, run_in_order
from govtext.history.blame import build_blame
from govtext.history.digest import Digest, digest, step
from govtext.diff.data import read_term_list
from govtext.history.ledger import build_ledger
from govtext.history.lineage import build_lineages
from govtext.history.order import expand, labels, order
from govtext.history.records import History, HistoryError, Step, Version
from govtext.history.unity import unity_warnings


@dataclass(frozen=True, slots=True)
class _Run:
    """A worker's task: consecutive versions of the series (paths and labels)."""

    paths: tuple[str, ...]
    labels: tuple[str, ...]
    keep_diffs: bool = False
    options: object = None
    """The ReadOptions every version is read with (None: the defaults)."""
    lexicon: str | None = None
    """A lexicon file, loaded in the worker."""
    targets: bool = False
    """Also read each policy version's targets (``govtext targets``)."""


@dataclass(frozen=True, slots=True)
class _RunResult:
    digests: tuple[Digest, ...] = ()
    steps: tuple[Step, ...] = ()
    error: str | None = None
    titles: tuple[str, ...] = ()
    """The title each version's header states ('' where none), to tell whether they are one document."""
    targets: tuple = ()
    """Per version, its targets or None (only when the task asks)."""


def _run(task: _Run) -> _RunResult:
    """Parse each version of the run once and diff it with the one before (in a worker),
    building its diff units once for both pairs it is in."""
    from govtext.diff import diff_documents
    from govtext.diff.units import build_units
    from govtext.lexicon import load_lexicon
    from govtext.metadata import describe
    from govtext.pipeline import load

    digests, steps, titles, targets, previous, previous_units = [], [], [], [], None, None
    try:
        lexicon = load_lexicon(task.lexicon) if task.lexicon else None
    except GovtextError as exc:
        return _RunResult(error=str(exc))
    if task.targets:
        from govtext.targets import load_target_lexicon, targets_of

        target_lexicon = load_target_lexicon(None)
    for path, label in zip(task.paths, task.labels):
        try:
            doc = load(path, lexicon, task.options)
        except GovtextError as exc:  # reported by the caller, with the others still run
            return _RunResult(error=str(exc))
        digests.append(digest(doc, label, path))
        titles.append(describe(doc).title)
        if task.targets:
            targets.append(targets_of(doc, target_lexicon) if doc.genre == "policy" else None)
        # Each version's units (and the bigram sets they cache) serve both of its pairs.
        units = build_units(doc)
        if previous is not None:
            steps.append(step(diff_documents(previous, doc, units=(previous_units, units)), task.keep_diffs))
        previous, previous_units = doc, units
    return _RunResult(tuple(digests), tuple(steps), titles=tuple(titles), targets=tuple(targets))


def _crashed(task: _Run, exc: BaseException) -> _RunResult:
    return _RunResult(error=f"{task.paths[0]} … {task.paths[-1]}: worker failed ({exc})")


ROUNDS = (0.7, 0.2, 0.1)
"""Shares of the series' estimated work handed out round by round, each round's share split
among the workers: big runs first, then smaller ones to whichever worker frees up first.
A run's cost is only estimated (by size; later reports cost more per character), so two equal
runs can end a second apart on the 50 reports; the later rounds' runs absorb that, and the
tail is at most one of them.  See :data:`MIN_RUN_PAIRS` for what bounds the rounds."""

MIN_RUN_PAIRS = 2
"""Fewest pairs (estimated) a run of a later round may hold; a round that would give its runs
fewer joins the round before.  Each run boundary parses and segments a version twice (about a
third of a pair's work), so runs of one pair cost more than they balance: on each half of the
50 reports, where size predicts cost well, six runs took 2–10 % longer than one per worker.
A short series gets one run per worker, as before; the 50 reports three rounds."""


def run_shares(workers: int, pairs: int | None = None) -> list[float]:
    """The share of the work each run gets, in the order the runs are handed out (``pairs``:
    how many pairs the series has; None: every round)."""
    if workers <= 1:
        return [1.0]
    rounds = [ROUNDS[0]]
    for share in ROUNDS[1:]:
        if pairs is not None and share / workers * pairs < MIN_RUN_PAIRS:
            rounds[-1] += share  # too few pairs a run: the round before takes it
        else:
            rounds.append(share)
    if len(rounds) == 1:
        rounds = [1.0]
    return [share / workers for share in rounds for _ in range(workers)]


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

    workers = jobs or default_jobs()
    # Runs handed out largest first, in series order, as workers free up (the pool takes tasks
    # in the order given): the small last ones even out the workers, and move the progress bar.
    runs = split_runs([len(text) for text in texts], run_shares(min(workers, len(files) - 1), len(files) - 1))
    tasks = [_Run(tuple(files[a : b + 1]), tuple(names[a : b + 1]), keep_diffs, options, lexicon, targets)
             for a, b in runs]
    digests: list[Digest] = []
    steps: list[Step] = []
    titles: list[str] = []
    version_targets: list = []
    for result in run_in_order(_run, tasks, jobs=jobs, on_crash=_crashed):
        if result.error:
            raise HistoryError(result.error)
        digests.extend(result.digests[1:] if digests else result.digests)
        titles.extend(result.titles[1:] if titles else result.titles)
        version_targets.extend(result.targets[1:] if version_targets else result.targets)
        steps.extend(result.steps)
        if advance is not None:
            advance(len(result.steps))

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
