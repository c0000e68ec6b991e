"""An indicator's name: a lexicon alias just before the figure, else the words themselves.

The nearest alias wins (单位国内生产总值能耗降低3%: 能耗降低, not 国内生产总值), the longest on a
tie (退税减税, not 减税).  A level's alias must stand in the figure's own phrase (no comma
between); a change (比上年增加1.6万亿元) may reach back across commas to the level it changes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from govtext.targets.lexicon import TargetLexicon

PHRASE_BREAKS = "，,、；;：:。！？"
MAX_GAP = 10
"""Most characters between an alias and its figure (经济增长预期目标为7%左右: 5)."""

MAX_NAME = 24
_FIGURE = re.compile(r"[0-9０-９]")
_OLD_VALUE = re.compile(r"[从由][^从由]*[0-9０-９].*$")
"""From 从/由 with a figure on: the old value of a change (起征点从月销售额15万元提高到…), not the name."""


@lru_cache(maxsize=8)
def _aliases(lexicon: TargetLexicon) -> tuple[tuple[str, str], ...]:
    return tuple((_compact(alias, lexicon), ind.name) for ind in lexicon.indicators for alias in ind.aliases)


def alias_before(before: str, lexicon: TargetLexicon, cross_phrases: bool = False) -> str | None:
    """The indicator an alias in ``before`` (the clause up to the figure) names, or None."""
    best: tuple[int, int, str] | None = None
    before = _compact(before, lexicon)
    for alias, name in _aliases(lexicon):
        at = before.rfind(alias)
        if at < 0:
            continue
        end = at + len(alias)
        gap = before[end:]
        if not cross_phrases and (len(gap) > MAX_GAP or any(ch in PHRASE_BREAKS for ch in gap)):
            continue
        key = (end, len(alias), name)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None


def _compact(words: str, lexicon: TargetLexicon) -> str:
    """Without the fillers that wording varies by (再提高 and 提高 name one thing)."""
    for filler in lexicon["naming.fillers"]:
        words = words.replace(filler, "")
    return words


def _trim(words: str, lexicon: TargetLexicon) -> str:
    words = words.strip(" 　“”\"")
    changed = True
    while changed and words:
        changed = False
        for lead in lexicon["naming.leading"]:
            if words.startswith(lead) and len(words) > len(lead):
                words, changed = words[len(lead):], True
                break
        # The area a verb's figure reaches over is no part of its name (扩大到全国40%的县).
        for trail in (*lexicon["naming.trailing"], *lexicon["time.quantity_scope"]):
            if words.endswith(trail) and len(words) > len(trail):
                words, changed = words[: -len(trail)], True
                break
    return words.strip("的 　“”\"")


def derived_name(before: str, after: str, lexicon: TargetLexicon) -> str:
    """The figure's phrase as a name when no alias names it: the words before it, trimmed
    of time and modal words; the words after it when nothing is left (将2.8万亿元中央财政资金…)."""
    cut = max(before.rfind(ch) for ch in PHRASE_BREAKS)
    words = _OLD_VALUE.sub("", before[cut + 1:])
    figure = _FIGURE.search(words)
    if figure:  # 排放要分别减少3%左右和|5%左右: the second figure shares the first one's words
        words = words[:figure.start()]
    name = _compact(_trim(words, lexicon), lexicon)
    if len(name) < 2 or name in lexicon["time.quantity_verbs"]:
        # 将2.8万亿元中央财政资金…; 新增8000万吨标准煤的节能能力: what is counted follows the figure
        # 、 joins what is counted (完成700多项食品、药品安全标准的修订) rather than ending it;
        # a qualifier and 的 after the figure are not (使全国80%以上的人口地区普及…)
        qualifier = next((q for q in lexicon["qualifiers.after"] if after.startswith(q)), "")
        after = after[len(qualifier):].removeprefix("的") or after
        end = min((i for i in (after.find(ch) for ch in PHRASE_BREAKS.replace("、", "")) if i >= 0),
                  default=len(after))
        counted = _trim(after[:end], lexicon)
        if counted:  # the verb and the head of what it counts name it best
            return (name + counted if len(name) >= 2 else counted)[:MAX_NAME]
    return name[-MAX_NAME:] if len(name) > MAX_NAME else name
