"""Policy pairing against readers' judgements: the public gold and a held-out gold.

    python benchmarks/bench_policy_align.py [--govtext CMD] [-v]

Runs the shared scorer (``../shared/gold/policy-align/score.py``) twice with ``govtext diff``:

- on the public gold (gwr 2018→2019 and 2024→2025), the pairs the pairing was developed on;
- on the held-out golds in ``benchmarks/data/policy-align-heldout*.json`` (twenty-nine pairs:
  gwr 1985→1986, 1992→1993, 1993→1994, 1994→1995, 1997→1998, 1998→1999, 1999→2000 to 2014→2015
  year by year, 2015→2018,
  2019→2021, 2021→2022, 2022→2023, 2023→2024 and the congress reports 2012→2017, 2017→2022),
  each judged blind by a reader who did not work on the
  pairing, with the public gold's method (its README). These are the figures that say whether a
  rule generalises: measure on them, never tune on them.  The last line pools them.

Prints each scorer's report; needs ../shared beside the checkout (it says so otherwise).
"""

from __future__ import annotations

import argparse
import re
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
    (DATA / "policy-align-heldout-2003.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2007.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2013.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2019.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2023.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2009.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2010.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2001.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2006.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2004.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2008.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-1999.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2002.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2015.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-2000.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-1998.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-1993.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-1997.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-1994.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-1992.json", SHARED / "corpus" / "series" / "gwr"),
    (DATA / "policy-align-heldout-1985.json", SHARED / "corpus" / "series" / "gwr"),
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
    pooled = {"held-out": [0, 0, 0, 0]}  # primary found, primary, right, reported
    for title, options in runs:
        print(f"### {title}", flush=True)
        out = subprocess.run([sys.executable, str(SCORER), "--govtext", args.govtext, *options, *extra],
                             check=False, capture_output=True, text=True)
        print(out.stdout, end="")
        print(out.stderr, end="", file=sys.stderr)
        if title.startswith("held-out"):
            _pool(out.stdout, pooled["held-out"])
    found, primary, right, reported = pooled["held-out"]
    if primary:
        print(f"### held-out, every pair pooled: primary recall {found}/{primary} = {found / primary:.3f}, "
              f"precision {right}/{reported} = {right / max(reported, 1):.3f}")
    return 0


def _pool(report: str, into: list[int]) -> None:
    """Add one scorer report's overall figures (its last recall and precision lines) to ``into``."""
    recall = re.findall(r"recall, primary links\s+(\d+)/(\d+)", report)
    precision = re.findall(r"precision\s+(\d+)/(\d+)", report)
    if recall and precision:
        for k, value in enumerate((*recall[-1], *precision[-1])):
            into[k] += int(value)


if __name__ == "__main__":
    sys.exit(main())
