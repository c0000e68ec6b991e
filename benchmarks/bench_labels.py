"""How reports name ——points and enumerations, measured on documents the rule was not written from.

    python benchmarks/bench_labels.py [-v]

Every ——point and enumeration (一是, 二要, 第一 …) of the work reports in ``../shared/corpus``
is named by :func:`govtext.diff.records.unit_label`, the one rule every report uses.  The
documents are split in two: the rule was written looking at the *dev* part (the gwr series
before 2005, and gwr 2018/2019), and is measured on the *held-out* part (the gwr series from
2005 on, and the three congress reports).  For each part:

- number alone: labels that say only 一是 or —— (nothing a reader can tell the unit by);
- cut: labels cut short with an ellipsis;
- distinct: labels no sibling shares (one parent, so a reader can tell them apart);
- mean length in characters.

Needs ../shared beside the checkout (it says so otherwise).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DEV_BEFORE = 2005
"""Series years before this are the dev part (with the public gwr 2018 and 2019)."""
DEV_EXTRA = ("gwr-2018.txt", "gwr-2019.txt")


def _year(path: Path) -> int:
    found = re.search(r"(\d{4})", path.name)
    return int(found.group(1)) if found else 0


def split() -> tuple[list[Path], list[Path]]:
    series = sorted((CORPUS / "series" / "gwr").glob("gwr-*.txt"))
    dev = [p for p in series if _year(p) < DEV_BEFORE] + [CORPUS / name for name in DEV_EXTRA]
    held = [p for p in series if _year(p) >= DEV_BEFORE and p.name not in DEV_EXTRA]
    held += sorted(CORPUS.glob("cpc-congress-*.txt"))
    return [p for p in dev if p.is_file()], held


def labelled(path: Path) -> list[tuple[int, str]]:
    """(parent, label) for every ——point and enumeration of one document."""
    from govtext.diff.records import unit_label
    from govtext.model import ENUMERATION
    from govtext.pipeline import parse_text

    doc = parse_text(path.read_text(encoding="utf-8"), name=str(path))
    out: list[tuple[int, str]] = []

    def walk(node) -> None:
        for child in node.children:
            number = (child.number or "").strip()
            if child.type == ENUMERATION or (number and not number.strip("—－-")):
                out.append((id(node), unit_label(child.number, child.title, child.type)))
            walk(child)

    walk(doc.root)
    return out


_NUMBER_ONLY = re.compile(r"[—－-]*|[第首其]?[一二三四五六七八九十]*[是要]?")


def figures(paths: list[Path], verbose: bool = False) -> str:
    n = alone = cut = distinct = chars = 0
    for path in paths:
        labels = labelled(path)
        count = Counter(labels)
        for key in labels:
            label = key[1]
            n += 1
            alone += bool(_NUMBER_ONLY.fullmatch(label))
            cut += label.endswith("…")
            distinct += count[key] == 1
            chars += len(label)
            if verbose:
                print(f"  {path.name}  {label}")
    if not n:
        return "no units"
    return (f"{n} units: number alone {alone / n:.1%}, cut {cut / n:.1%}, "
            f"distinct among siblings {distinct / n:.1%}, mean {chars / n:.1f} characters")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every label")
    args = parser.parse_args()
    if not (CORPUS / "series" / "gwr").is_dir():
        print(f"no corpus at {CORPUS}: it lives in ../shared beside the checkout")
        return 0
    dev, held = split()
    print(f"dev ({len(dev)} documents, the rule written looking at them): {figures(dev, args.verbose)}")
    print(f"held-out ({len(held)} documents, measured only): {figures(held, args.verbose)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
