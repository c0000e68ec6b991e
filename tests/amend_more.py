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
