"""Ledger benchmark: the corpus copied 1×, 5× and 20× (about 1,900 files at 20×),
counted with local --jobs 1, --jobs 2 and a two-worker Dask LocalCluster.

Prints wall time and the peak memory (RSS) of the *main* process — the one that
collects and writes rows; workers come and go — for each engine and size.  The
ledger streams, so the main process's memory should not grow with the corpus.

Run: python benchmarks/bench_ledger.py [--sizes 1,5,20] [--engines jobs1,jobs2,dask]
(needs ../shared/corpus beside the checkout; Dask rows need govtext[scale]).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

# Runs govtext in this interpreter and reports the main process's own peak RSS
# (RUSAGE_SELF: the worker processes are not counted).
RUNNER = """
import resource, sys
from govtext.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print("PEAK_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""

ENGINES = {
    "jobs1": ["-j", "1"],
    "jobs2": ["-j", "2"],
    "dask": ["--scheduler", "local", "-j", "2"],
}


def make_corpus(root: Path, copies: int) -> int:
    files = sorted(CORPUS.rglob("*.txt"))
    for k in range(copies):
        for f in files:
            target = root / f"copy{k:02d}" / f.relative_to(CORPUS)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, target)
    return len(files) * copies


def run(folder: Path, out: Path, engine: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", RUNNER, "ledger", str(folder), "-o", str(out), "-q", *engine],
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"ledger failed: {proc.stderr.strip()[-500:]}")
    peak = next(int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("PEAK_KB"))
    return elapsed, peak / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5,20")
    parser.add_argument("--engines", default="jobs1,jobs2,dask")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    engines = [e for e in args.engines.split(",") if e]
    if "dask" in engines:
        try:
            import distributed  # noqa: F401
        except ImportError:
            print("dask not installed (pip install 'govtext[scale]'): skipping the Dask engine", file=sys.stderr)
            engines.remove("dask")
    print(f"{'copies':>6} {'files':>6} {'engine':>6} {'wall s':>8} {'files/s':>8} {'main RSS MB':>12}")
    for copies in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            n = make_corpus(root / "in", copies)
            for engine in engines:
                wall, peak = run(root / "in", root / f"{engine}.csv", ENGINES[engine])
                print(f"{copies:>6} {n:>6} {engine:>6} {wall:>8.2f} {n / wall:>8.1f} {peak:>12.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
