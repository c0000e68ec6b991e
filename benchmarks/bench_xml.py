"""XML benchmarks: export and read-back of the largest corpus file; folder conversion
of the whole corpus with 1 and 2 workers, and the speedup.

Run: python benchmarks/bench_xml.py  (needs ../shared/corpus beside the checkout)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from govtext.pipeline import load
from govtext.xmlfmt import export
from govtext.batch import convert_folder, plan_folder
from govtext.xmlfmt.reader import read_document

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
LARGEST = "law-xingfa-2023.txt"


def best_of(n: int, fn) -> tuple[float, float]:
    """(best, median) wall time in seconds over ``n`` runs."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> int:
    import argparse

    # --help describes the run instead of starting it (the module's docstring is the help).
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    path = CORPUS / LARGEST
    doc = load(str(path))
    data = export(doc, "govtext")
    akn = export(doc, "akn")
    print(f"{LARGEST}: {len(doc.text):,} characters, {sum(1 for _ in doc.walk()):,} nodes, "
          f"XML {len(data):,} bytes, AKN {len(akn):,} bytes")
    for label, fn in (
        ("parse text", lambda: load(str(path))),
        ("export govtext XML", lambda: export(doc, "govtext")),
        ("read back govtext XML", lambda: read_document(data, LARGEST)),
        ("export Akoma Ntoso", lambda: export(doc, "akn")),
    ):
        best, median = best_of(7, fn)
        print(f"  {label:<24} best {best * 1000:7.1f} ms   median {median * 1000:7.1f} ms")

    files = sorted(CORPUS.glob("*.txt"))
    size = sum(p.stat().st_size for p in files)
    print(f"folder conversion: {len(files)} files, {size / 1e6:.2f} MB")
    # Interleaved runs, best of each: other processes on a shared machine add noise.
    runs: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(5):
        for workers in (1, 2):
            with tempfile.TemporaryDirectory() as out:
                tasks = plan_folder(str(CORPUS), out).tasks
                start = time.perf_counter()
                failed = [r for r in convert_folder(tasks, workers) if r.error]
                runs[workers].append(time.perf_counter() - start)
                assert not failed, failed
    timings = {workers: min(times) for workers, times in runs.items()}
    for workers, times in runs.items():
        print(f"  {workers} worker{'s' if workers > 1 else ' '}   best {timings[workers]:6.2f} s   "
              f"median {statistics.median(times):6.2f} s")
    print(f"  speedup 2 vs 1 worker: {timings[1] / timings[2]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
