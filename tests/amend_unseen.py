"""The held-back check: instruments written in real drafting styles for texts the grammar
was not developed on (fixtures/amend/unseen/<case>/: old.txt, instrument.txt, new.txt).

``measure`` gives the three figures reported for them: instruments applied, items
understood, articles equal to the expected text (articles of a failing case count as unequal).
"""

from __future__ import annotations

from dataclasses import dataclass

from amend_helpers import amend_text, compare_texts
from conftest import FIXTURES
from govtext.amend import AmendError, read_instrument
from govtext.amend.api import InstrumentError, head_of
from govtext.amend.compare import articles_of
from govtext.pipeline import parse_text

UNSEEN = FIXTURES / "amend" / "unseen"
# Round 7 (provincial and city congress decisions, ministry and provincial government orders,
# a 宪法修正案, 节 and 目录 changes) is its own folder so its figures can be given apart.
UNSEEN7 = FIXTURES / "amend" / "unseen7"
# Round 8 (global replacements, 项 added and deleted, moves, a court decision merging articles, a
# provincial 修正案 with 第一条 items, words placed by their neighbours, Arabic numbers, an 附件, a
# 宪法 序言's paragraphs) likewise.
UNSEEN8 = FIXTURES / "amend" / "unseen8"


def cases_in(folder):
    return sorted(p for p in folder.iterdir() if (p / "instrument.txt").is_file()) if folder.is_dir() else []


CASES = cases_in(UNSEEN)
CASES7 = cases_in(UNSEEN7)
CASES8 = cases_in(UNSEEN8)
# Round 9 (a 刑法修正案 adding 之二 articles, a code with 编 and 分编, items numbered 第一条, a whole
# chapter quoted, a 款 added before one its article cites, a 条文序号对照 table, tabs and full-width
# numbers, words inside a 项 of a law with no separator after its article numbers) likewise.
UNSEEN9 = FIXTURES / "amend" / "unseen9"
CASES9 = cases_in(UNSEEN9)
# Round 9's second probe, written after the first fixes and measured before and after its own.
PROBE9 = cases_in(FIXTURES / "amend" / "unseen9-probe")
# Round 8's second probe, written after the first fixes and measured before and after its own.
PROBE8 = cases_in(FIXTURES / "amend" / "unseen8-probe")


@dataclass
class Outcome:
    applied: bool
    items: int
    understood: int
    articles: int
    equal: int
    text: str | None


def run(folder) -> Outcome:
    old = (folder / "old.txt").read_text(encoding="utf-8")
    expected = (folder / "new.txt").read_text(encoding="utf-8")
    total = len(articles_of(parse_text(expected)))
    try:
        instrument = read_instrument((folder / "instrument.txt").read_text(encoding="utf-8"), head_of(parse_text(old)))
    except InstrumentError:  # not read as an instrument at all: no item understood
        return Outcome(False, 0, 0, total, 0, None)
    items = [i for i in instrument.items if i.number]
    understood = sum(1 for i in items if i.problem is None)
    try:
        text = amend_text(old, instrument).text
    except AmendError:
        return Outcome(False, len(items), understood, total, 0, None)
    unequal = {d.label for d in compare_texts(text, expected)}
    # Counted over the expected articles: ours under labels the expected text lacks are not subtracted twice.
    equal = sum(1 for label in articles_of(parse_text(expected)) if label not in unequal)
    return Outcome(True, len(items), understood, total, equal, text)


def measure(cases=CASES) -> str:
    outcomes = [run(c) for c in cases]
    return (f"instruments {sum(o.applied for o in outcomes)}/{len(outcomes)}, "
            f"items {sum(o.understood for o in outcomes)}/{sum(o.items for o in outcomes)}, "
            f"articles {sum(o.equal for o in outcomes)}/{sum(o.articles for o in outcomes)}")


if __name__ == "__main__":
    for name, cases in (("rounds 1-6", CASES), ("round 7", CASES7), ("round 8", CASES8), ("round 8 probe", PROBE8),
                        ("round 9", CASES9), ("round 9 probe", PROBE9)):
        for case in cases:
            o = run(case)
            print(case.name, o.applied, f"{o.understood}/{o.items}", f"{o.equal}/{o.articles}")
        print(name + ":", measure(cases))
