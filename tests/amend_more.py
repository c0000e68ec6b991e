"""The amend-more corpus (../shared/corpus/amend-more): its triples and the dev / held-out split.

The split is by instrument and was fixed before any rule was written from these
files: rules are developed looking at DEV only; HELDOUT measures whether they
generalise (both figures are reported, the held-out one first measured before
any held-out failure was looked at).  Each half mixes NPC decisions, single and
multi-interpretation court decisions.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

DEV = ("lifafa", "rendayishiguize", "xingzhengfagui-2022", "minsujieshi", "shipinyaopin-2021", "minshilei-27-2020")
HELDOUT = ("daibiaofa", "jiefangjunxuanju", "renshensunhai-2022", "shanghaijinrong", "zhishichanquanlei-18-2020")


@dataclass(frozen=True)
class Triple:
    instrument_group: str
    """The MANIFEST ``triple`` value: one instrument, maybe several laws."""
    old: str
    decision: str
    new: str

    @property
    def name(self) -> str:
        return self.new.rsplit("-", 2)[0] + "@" + self.instrument_group


def triples(folder: Path) -> list[Triple]:
    """Every (OLD, decision, NEW) of MANIFEST.tsv; old and new pair by their file-name stem."""
    rows = list(csv.DictReader((folder / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
    out = []
    for group in dict.fromkeys(r["triple"] for r in rows):
        mine = [r for r in rows if r["triple"] == group]
        decision = next(r["file"] for r in mine if r["role"] == "decision")
        for old in (r["file"] for r in mine if r["role"] == "old"):
            stem = old.rsplit("-", 2)[0]
            new = next(r["file"] for r in mine if r["role"] == "new" and r["file"].rsplit("-", 2)[0] == stem)
            out.append(Triple(group, old, decision, new))
    return out


def measure(folder: Path, groups) -> str:
    """The three figures docs/amend.md reports for one half: instruments whose every triple applies,
    triples applied, articles equal to the published text (raw: the republication's own differences
    count as unequal; the articles of a triple that fails count as unequal)."""
    from amend_helpers import amend_text, compare_texts
    from govtext.amend import AmendError, read_instrument
    from govtext.amend.api import InstrumentError, head_of
    from govtext.amend.compare import articles_of
    from govtext.pipeline import parse_text

    mine = [t for t in triples(folder) if t.instrument_group in groups]
    applied: dict[str, bool] = {}
    done = equal = total = 0
    for t in mine:
        old = (folder / t.old).read_text(encoding="utf-8")
        published = (folder / t.new).read_text(encoding="utf-8")
        count = len(articles_of(parse_text(published)))
        total += count
        try:
            instrument = read_instrument((folder / t.decision).read_text(encoding="utf-8"), head_of(parse_text(old)))
            text = amend_text(old, instrument).text
        except (AmendError, InstrumentError):
            applied[t.instrument_group] = False
            continue
        applied.setdefault(t.instrument_group, True)
        done += 1
        equal += count - len({d.label for d in compare_texts(text, published)})
    return (f"instruments {sum(applied.values())}/{len(groups)}, triples {done}/{len(mine)}, "
            f"articles {equal}/{total} = {100 * equal / max(total, 1):.1f}%")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "amend-more"
    if len(sys.argv) > 1:
        corpus = Path(sys.argv[1])
    print("dev:     ", measure(corpus, DEV))
    print("held-out:", measure(corpus, HELDOUT))
