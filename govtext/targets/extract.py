"""text → outline tree → targets: every figure a report sets for the coming period.

For each forward-looking sentence (:mod:`govtext.targets.scope`), each clause (cut at
。！？；：) is searched for figures (:func:`govtext.numerals.find_amounts`).  A figure is a
target when it carries a unit the lexicon knows and nothing around it says otherwise:

- before it in its clause, the nearest time word decides: 今年/全年 keep it; 去年, 今明两年,
  年均, a year before or after the report's, a narrated past (了) or a forecast drop it;
- after it, 提高到… makes it the old value of a change, 部分/的/以下+noun a threshold;
- a figure inside a name (5G, PM2.5) or read from Chinese numerals with a classifier
  (两个维护, 八项行动) is not one.

A later figure equal to one already found for the same indicator restates it (the paragraph
explaining the targets) and is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from govtext.model import Document
from govtext.numerals import CN_DIGITS, Amount, find_amounts, number_value
from govtext.targets.lexicon import TargetLexicon
from govtext.targets.naming import PHRASE_BREAKS, alias_before, derived_name
from govtext.targets.records import Target
from govtext.targets.scope import forward_sentences, year_marks

CLAUSE_ENDS = "。！？；：!?;:"
_CLAUSE = re.compile(rf"[^{CLAUSE_ENDS}]+")
_SPACE = " 　"
_NAME_CHARS = re.compile(r"[A-Za-z0-9.]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_OPENING_CHANGE_VERBS = ("压减", "压缩", "降低", "减少", "提高", "增加", "下降", "缩短", "缩减", "削减")


@lru_cache(maxsize=8)
def _past_markers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    from govtext.lexicon import default_lexicon

    lex = default_lexicon()
    return lex.past_markers, lex.past_exceptions


@lru_cache(maxsize=8)
def _counted_group(lexicon: TargetLexicon) -> re.Pattern:
    """Up to four characters of a group's name, then a word like 人口 (农村人口, 农业转移人口)."""
    words = "|".join(map(re.escape, lexicon["units.counted_after"])) or "(?!)"
    return re.compile(rf"[\u4e00-\u9fff]{{1,4}}(?:{words})")


@lru_cache(maxsize=8)
def _year_spans(lexicon: TargetLexicon) -> re.Pattern:
    """A count of years, then a word making it a span (两年时间, 三年左右的时间, 十年内) — not the end of
    a year (二〇二四年内, 1958年内): one to three numerals, none before them."""
    words = "|".join(map(re.escape, lexicon["time.span_after"])) or "(?!)"
    return re.compile(rf"(?<![{CN_DIGITS}0-9０-９])([{CN_DIGITS}]{{1,3}}|[0-9０-９]{{1,2}})年[多余]?(?:左右)?的?(?:{words})")


def _starts(text: str, words: tuple[str, ...]) -> str:
    return next((w for w in words if text.startswith(w)), "")


def _ends(text: str, words: tuple[str, ...]) -> str:
    return next((w for w in words if text.endswith(w)), "")


class _Clause:
    """One clause and its place in the document."""

    def __init__(self, text: str, start: int) -> None:
        self.text, self.start = text, start


def _counted_follows(after: str) -> bool:
    """Whether what a figure counts or delimits follows it at once (56个民族, 500万沼气用户): a
    Chinese character, not a conjunction on to another figure (3%和5%)."""
    return bool(_CJK.match(after[:1])) and not after.startswith(("和", "与", "及"))


def _unit(amount: Amount, clause: str, lexicon: TargetLexicon, set_by_verb: bool) -> tuple[str, int] | None:
    """The unit after a figure, its scale included, and where it ends; None if none fits
    (``set_by_verb``: a quantity verb stands before it, so what follows may be what it counts)."""
    at = amount.end
    while at < len(clause) and clause[at] in _SPACE:
        at += 1
    rest = clause[at:]
    measure = _starts(rest, lexicon["units.measures"])
    if measure and _starts(rest, lexicon["units.not_units"]):
        return None  # 13亿人口: a word that opens like a unit
    if measure:
        if amount.chinese and not (amount.percent or amount.scale) and measure in lexicon["units.chinese_words"]:
            return None  # 一人一档, 两户, 十分: words, not counts
        unit = "%" if measure in ("％", "%") else measure
        return amount.scale + unit, at + len(measure)
    if amount.percent:
        return "%", amount.end
    if amount.fraction:
        return "", amount.end
    count = _starts(rest, lexicon["units.counts"])
    if count and not amount.chinese:
        return amount.scale + count, at + len(count)
    if amount.scale and not (rest[:1] and _CJK.match(rest[:1]) and not rest.startswith(lexicon["qualifiers.after"])):
        return amount.scale, amount.end  # 1000万以上: of people, as the text leaves it
    if amount.scale and (set_by_verb or _counted_group(lexicon).match(rest)) and not _starts(
            rest, lexicon["units.not_units"]):  # (解决13亿中国人的吃饭问题: the nation, a fact)
        # 6000万农村人口, 增加500万沼气用户: what is counted, named after the figure
        return amount.scale, amount.end
    return None


def _time_says(before: str, lexicon: TargetLexicon, year: int | None) -> str:
    """What the nearest time word before a figure says: forward, multi_year, review, forecast or ''."""
    masked = before
    for base in lexicon["time.change_bases"]:  # 比上年增加: a change, not a look back
        masked = masked.replace(base, "\0" * len(base))
    best, kind = -1, ""
    for key in ("forward", "multi_year", "review", "forecast"):
        for word in lexicon[f"time.{key}"]:
            at = masked.rfind(word)
            if at >= 0 and at + len(word) > best:
                best, kind = at + len(word), key
    for m in _year_spans(lexicon).finditer(masked):
        # 用两年时间, 用三年左右的时间, 十年内 — and 三年内 over the forward 年内 ending with it
        if m.end() >= best and (number_value(m.group(1)) or 2) > 1:
            best, kind = m.end(), "multi_year"
    markers, exceptions = _past_markers()
    for word in markers:
        at = masked.rfind(word)
        if at >= 0 and not any(masked.find(e, max(0, at - len(e) + 1)) in range(at - len(e) + 1, at + 1)
                               for e in exceptions) and at + len(word) > best:
            best, kind = at + len(word), "review"
    for end, y in year_marks(masked):
        if year and end > best:
            best, kind = end, ("forward" if y == year else "review" if y < year else "multi_year")
    return kind


def _bare_change(before: str, lexicon: TargetLexicon) -> bool:
    """A phrase that is only a change verb (地方财政赤字5000亿元，增加1000亿元): the change of the
    figure before it."""
    phrase = before[max(before.rfind(ch) for ch in PHRASE_BREAKS) + 1:].strip("再约近并 ")
    return phrase in lexicon["time.change_verbs"] and len(phrase) > 1


def _is_change(before: str, lexicon: TargetLexicon) -> bool:
    """比上年增加, 比去年预算低 … just before the figure, or a change verb alone in its phrase."""
    if _bare_change(before, lexicon):
        return True
    phrase = before[max(before.rfind(ch) for ch in PHRASE_BREAKS) + 1:]
    for base in lexicon["time.change_bases"]:
        at = phrase.rfind(base)
        if at >= 0 and len(phrase) - at - len(base) <= 10:
            tail = phrase[at + len(base):].rstrip("约近超过 ")
            if _ends(tail, lexicon["time.change_verbs"]):
                return True
    return False


def _figure(amount: Amount, clause: _Clause, lexicon: TargetLexicon, year: int | None) -> dict | None:
    """The target a figure states, as a dict of Target fields (name, node left to fill), or None."""
    text = clause.text
    before, prev = text[:amount.start], text[amount.start - 1: amount.start]
    if prev and (_NAME_CHARS.match(prev) or prev == "每"):
        return None  # PM2.5, 3.0; 每50公斤: the measure of a rate, not a figure
    if _ends(before, lexicon["naming.name_before"]) and not _ends(before, lexicon["naming.not_name_before"]):
        return None  # 第3, 新36条, 新10年纲要: a number inside a name
    # 新增8000万吨标准煤的节能能力, 扩大到1000个县: the figure a verb sets, what it counts after it.
    qualifier_before = _ends(before, lexicon["qualifiers.before"])
    head = before[: len(before) - len(qualifier_before)].rstrip(_SPACE)
    head = head[: len(head) - len(_ends(head, lexicon["time.quantity_scope"]))]  # 扩大到全国40%的县
    set_by_verb = bool(_ends(head, lexicon["time.quantity_verbs"]))
    unit_end = _unit(amount, text, lexicon, set_by_verb)
    if unit_end is None:
        return None
    unit, end = unit_end
    if end < len(text) and re.match(r"[A-Za-z]", text[end]):
        return None  # 5G
    after = text[end:]
    qualifier_after = _starts(after, lexicon["qualifiers.after"])
    after = after[len(qualifier_after):]
    # 增加500万沼气用户, 完成7700多项…标准: a bare number or count, then what it counts — the verb
    # sets a quantity of its own, not the change of a level before it (赤字5000亿元，增加1000亿元).
    counted_follows = _counted_follows(after)
    counts_object = set_by_verb and unit.removeprefix(amount.scale) in ("", *lexicon["units.counts"]) \
        and counted_follows
    if qualifier_after in ("以上", "以下") and counted_follows and not after.startswith("的"):
        return None  # 30万千瓦以下煤电机组: a threshold delimiting a measure
    if unit in lexicon["units.counts"] and counted_follows and not set_by_verb:
        return None  # 56个民族: a count that names what it counts, not a figure to reach
    if before.count("“") > before.count("”"):
        return None  # “最后一公里”: inside a slogan or a name
    delimiter = _starts(text[end:], lexicon["time.delimiter_after"])
    if _starts(after, lexicon["time.old_value_after"]) or (delimiter and not (set_by_verb and delimiter == "的")):
        return None
    phrase_after = re.split(f"[{PHRASE_BREAKS}]", after, maxsplit=1)[0]
    if any(word in phrase_after for word in lexicon["time.standing_after"]):
        return None
    if amount.chinese and amount.value == 1 and not (amount.scale or amount.percent):
        return None  # 一公里, 一元: a word, not a figure
    if amount.fraction and not (_ends(before.rstrip("再"), _OPENING_CHANGE_VERBS) or qualifier_after
                                or before[-1:] in PHRASE_BREAKS or not before):
        return None  # 三分之一的省: a share described, not set
    kind = _time_says(before, lexicon, year)
    if kind in ("multi_year", "review", "forecast"):
        return None
    qualifier = qualifier_after or qualifier_before or amount.more
    figure_start = clause.start + amount.start - len(qualifier_before)
    figure_end = clause.start + end + len(qualifier_after)
    return {"amount": amount, "unit": unit, "qualifier": qualifier, "span": (figure_start, figure_end),
            "before": before[: len(before) - len(qualifier_before)], "after": text[end:],
            "change": _is_change(before, lexicon) and not (counts_object and _bare_change(before, lexicon))}


def extract(doc: Document, lexicon: TargetLexicon, year: int | None) -> list[Target]:
    """Every target ``doc`` sets for its year (``year``: the report's, from its header or name)."""
    line_starts = [0] + [i + 1 for i, ch in enumerate(doc.text) if ch == "\n"]
    found: list[Target] = []
    seen: set[tuple] = set()
    core_figures: set[tuple] = set()
    core = set(lexicon.core)
    for sentence, holder in forward_sentences(doc, lexicon, year):
        for m in _CLAUSE.finditer(sentence.text or ""):
            clause = _Clause(m.group(), sentence.span[0] + m.start())
            figures = [f for a in find_amounts(clause.text) if (f := _figure(a, clause, lexicon, year))]
            has_level = any(not f["change"] for f in figures)
            level_name = None  # the last level's name: what a bare 增加1000亿元 changes
            for f in figures:
                amount: Amount = f["amount"]
                delta = f["change"] and has_level
                name = alias_before(f["before"], lexicon, cross_phrases=f["change"])
                named = name is not None
                if f["change"]:
                    verb = next((v for v in lexicon["time.change_verbs"] if f["before"].rstrip("约近 ").endswith(v)), "")
                    name = level_name or name  # the level it changes, named just before it
                    name = f"{name or derived_name(_before_base(f['before'], lexicon), f['after'], lexicon)}" \
                           f"比上年{_verb_name(verb)}"
                elif name is None:
                    name = derived_name(f["before"], f["after"], lexicon)
                    if len(name) < 3 or any(word in name for word in lexicon["naming.generic"]):
                        name = alias_before(f["before"], lexicon, cross_phrases=True) or name
                        named = name in core
                if not f["change"]:
                    level_name = name
                figure_key = (amount.value, amount.low, amount.high, f["unit"], f["qualifier"])
                key = (name, amount.value, amount.low, amount.high, f["unit"])
                if key in seen and not delta:
                    continue  # restated (提出上述预期目标，……经济增长预期目标为5%左右)
                if not named and figure_key in core_figures and (
                        f["after"].lstrip(f["qualifier"]).startswith("的")
                        or any(word in name for word in lexicon["naming.generic"])):
                    # a core target's figure again, unnamed: explained (7%左右的速度可以实现……就业;
                    # 关于经济增长。……把增长预期目标定在7.5%左右)
                    continue
                seen.add(key)
                if name in core and not delta:
                    core_figures.add(figure_key)
                start, end = f["span"]
                found.append(Target(
                    indicator=name, value=amount.value, low=amount.low, high=amount.high, unit=f["unit"],
                    qualifier=f["qualifier"], delta=delta, figure=doc.text[start:end], text=clause.text.strip(),
                    line=bisect_right(line_starts, start), span=(start, end), node=holder.id))
    return found


def _before_base(before: str, lexicon: TargetLexicon) -> str:
    """The words before 比上年 (基本建设的建筑安装成本将|比上年降低): what the change is of."""
    at = max(before.rfind(base) for base in lexicon["time.change_bases"])
    return before[:at] if at > 0 else before


def _verb_name(verb: str) -> str:
    """比去年预算低 → 降低, 高 → 提高: the change named the way tables name it."""
    return {"低": "降低", "高": "提高", "多": "增加", "少": "减少", "增长": "增加", "扩大": "增加",
            "下降": "降低", "下调": "降低", "上调": "提高"}.get(verb, verb)
