"""Policy pairing against readers' judgements: the public gold and a held-out gold.

    python benchmarks/bench_policy_align.py [--govtext CMD] [-v]

Runs the shared scorer (``../shared/gold/policy-align/score.py``) twice with ``govtext diff``:

- on the public gold (gwr 2018→2019 and 2024→2025), the pairs the pairing was developed on;
- on ``benchmarks/data/policy-align-heldout.json`` (gwr 2021→2022 and 2022→2023), judged by a
  reader who did not work on the pairing, with the public gold's method (its README). These are
  the figures that say whether a rule generalises: measure on them, never tune on them.

Prints each scorer's report; needs ../shared beside the checkout (it says so otherwise).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "gold" / "policy-align" / "score.py"
DATA = ROOT / "benchmarks" / "data"
HELDOUT = (
    # (gold, corpus folder its files are in)
    (DATA / "policy-align-heldout.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-cpc.json", SHARED / "corpus"),
    (DATA / "policy-align-heldout-cpc18.json", SHARED / "corpus"),
    (DATA / "policy-align-heldout-2011.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2014.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2005.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2012.json", SHARED / "corpus" / "series" / "gwr"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--govtext", default=shutil.which("govtext") or "govtext",
                        help="the govtext command to score (default: govtext on PATH)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every pair, right and wrong")
    args = parser.parse_args()
    if not SCORER.is_file():
        print(f"no scorer at {SCORER}: the public gold lives in ../shared beside the checkout")
        return 0
    extra = ["-v"] if args.verbose else []
    runs = [("public gold (developed on)", [])]
    runs += [(f"held-out gold (measured only): {gold.name}", ["--gold", str(gold), "--corpus", str(corpus)])
             for gold, corpus in HELDOUT if gold.is_file()]
    for title, options in runs:
        print(f"### {title}", flush=True)
        subprocess.run([sys.executable, str(SCORER), "--govtext", args.govtext, *options, *extra], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
