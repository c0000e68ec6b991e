"""Headings of 编, 章 and 节 as an instrument changes them: renamed, renumbered, deleted with
what they hold (the later ones closing up), and added before the article that opens them."""

from __future__ import annotations

import re

from govtext.amend.lawtext import Article, LawText, headings
from govtext.amend.errors import AmendError
from govtext.amend.ops import AddHeading, DeleteHeading, RenameHeading, RenumberHeading, article_label, container_label
from govtext.amend.vocabulary import CN  # a run of Chinese numerals (第一百零一条 has a 零)
from govtext.amend.work import Failure, Work
from govtext.numerals import cn_value, to_cn



def renumber_heading(work: Work, op: RenumberHeading) -> None:
    h = _find_heading(work, op.unit, op.number, op.within)
    part = work.parts[h.part]
    line_start = part.rfind("\n", 0, h.start) + 1
    head = part[line_start:h.start].replace(f"第{to_cn(op.number)}{op.unit}", f"第{to_cn(op.new_number)}{op.unit}", 1)
    work.parts[h.part] = part[:line_start] + head + part[h.start:]


def rename_heading(work: Work, op: RenameHeading) -> None:
    h = _find_heading(work, op.unit, op.number, op.within)
    part = work.parts[h.part]
    work.parts[h.part] = part[:h.start] + op.title + part[h.end:]


def _find_heading(work: Work, unit: str, number: int, within: int | None):
    """The body's heading 第N章 (in 第M编) / 第N节 (in 第M章): found by its key, or by number alone when
    unique (第三章 with no 编 named: the law has no 编, or one 第三章 across them)."""
    key = (None if unit == "编" else within, unit, number)
    found = headings(LawText(tuple(work.parts)))
    if key in found:
        return found[key]
    matches = [h for k, h in found.items() if k[1:] == key[1:]] if within is None else []
    if len(matches) == 1:
        return matches[0]
    where = f"{container_label(unit, within)}第{to_cn(number)}{unit}"
    raise Failure(f"{where} {'is ambiguous' if matches else 'not found'}")


# How high each heading stands, highest first (a code's 分编 sits in its 编, above its 章).
_LEVEL = {"编": 0, "分编": 0.5, "章": 1, "节": 2}
# What a heading of each unit runs until: the next heading of its own level or a higher one (章: 编|分编|章).
# A code's 分编 ends a 章 but does not number it: 章 run through their 编 (see close_heading_gaps).
_ENDS_AT = {unit: "|".join(u for u, up in _LEVEL.items() if up <= level) for unit, level in _LEVEL.items()}


def delete_heading(work: Work, op: DeleteHeading) -> None:
    """The heading's line and everything after it up to the next heading of its level or above."""
    h = _find_heading(work, op.unit, op.number, op.within)
    part = work.parts[h.part]
    line_start = part.rfind("\n", 0, h.start) + 1
    line_end = part.find("\n", h.start)
    stop = re.compile(rf"^[ \u3000]*第{CN}(?:{_ENDS_AT[op.unit]})", re.M)
    following = stop.search(part, line_end + 1) if line_end >= 0 else None
    if following:  # the next heading is in the same stretch of text: only the lines between go
        work.parts[h.part] = part[:line_start] + part[following.start():]
        work.closed_headings.append(op.unit)
        return
    work.parts[h.part] = part[:line_start]
    end = h.part + 1
    while end < len(work.parts):
        later = work.parts[end]
        if isinstance(later, str):
            m = stop.search(later)
            if m:
                work.parts[end] = later[m.start():]
                break
        end += 1
    del work.parts[h.part + 1:end]
    work.closed_headings.append(op.unit)


def close_heading_gaps(work: Work) -> None:
    """After 删去第四章, 第五章 becomes 第四章 and so on: each unit deleted is numbered afresh within its
    container (章 within 编, 节 within 章), in the body only (the 目录 then follows the body)."""
    line_head = re.compile(rf"^([ \u3000]*第)({CN})(分编|编|章|节)")
    for unit in dict.fromkeys(work.closed_headings):
        outer = [u for u in _ENDS_AT[unit].split("|")[:-1] if u != "分编"]
        count = 0
        for i, part in enumerate(work.parts):
            if not isinstance(part, str):
                continue
            # Only the text before everything else (title, 题注, 目录) holds lines that are not the body's:
            # after 删去第一章 the next chapter's heading opens a stretch of its own, all body.
            start = _body_start(part, line_head) if i == 0 else 0
            lines = part[start:].split("\n")
            for n, line in enumerate(lines):
                m = line_head.match(line)
                if m and m.group(3) in outer:
                    count = 0
                elif m and m.group(3) == unit:
                    count += 1
                    lines[n] = m.group(1) + to_cn(count) + unit + line[m.end():]
            work.parts[i] = part[:start] + "\n".join(lines)


def _body_start(head: str, line_head: re.Pattern[str]) -> int:
    """Where the body's first headings begin in the text before the first article (after title, 题注, 目录):
    the run of 第一编 / 第一章 / 第一节 lines that ends it (the 目录 before them lists later numbers too)."""
    lines = head.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    n = len(lines) - 1
    while n >= 0 and not lines[n].strip():
        n -= 1
    while n >= 0 and (m := line_head.match(lines[n])) and m.group(2) == "一":
        n -= 1
    return offsets[n + 1]


def add_heading(work: Work, op: AddHeading) -> None:
    work.headings.append(op)


def place_headings(work: Work) -> None:
    """New chapters go before the article that, in the new numbering, opens them."""
    for op in work.headings:
        label = article_label(op.first_article)
        at = next((i for i, p in enumerate(work.parts) if isinstance(p, Article) and p.label == label), None)
        if at is None:
            raise AmendError([f"增加第{to_cn(op.number)}{op.unit} : its first article {label} is not in the result"])
        sample = next((h for h in headings(LawText(tuple(work.parts))).values() if h.key[1] == op.unit), None)
        sep = "\u3000" if sample is None or "\u3000" in work.parts[sample.part][:sample.start][-3:] else " "
        line = f"第{to_cn(op.number)}{op.unit}{sep}{op.title}{work.newline}"
        _shift_later_headings(work, at, op)
        if at > 0 and isinstance(work.parts[at - 1], str):
            work.parts[at - 1] = work.parts[at - 1] + line
        else:
            work.parts.insert(at, line)


def _shift_later_headings(work: Work, at: int, op: AddHeading) -> None:
    """增加一章，作为第三章 where the body already has a 第三章: it and the later ones move up one
    (对章……序号作相应调整). The 目录, before the first article, is left as it is."""
    pattern = re.compile(rf"^([ \u3000]*第)({CN}){op.unit}", re.M)
    later = [i for i in range(at, len(work.parts)) if isinstance(work.parts[i], str)]
    if op.unit == "节":  # 节 are numbered within their 章: the shift ends at the next 章 (or 编)
        outer = re.compile(rf"^[ \u3000]*第{CN}(?:章|编)", re.M)
        end = next((n for n, i in enumerate(later) if outer.search(work.parts[i])), len(later))
        later = later[:end]
    if not any(cn_value(m.group(2)) == op.number for i in later for m in pattern.finditer(work.parts[i])):
        return
    for i in later:
        work.parts[i] = pattern.sub(lambda m: m.group(1) + (to_cn(cn_value(m.group(2)) + 1) if cn_value(m.group(2))
                                    >= op.number else m.group(2)) + op.unit, work.parts[i])


def emptied_divisions(before: LawText, after: LawText) -> list[str]:
    """Warnings for each 编, 章 or 节 that held articles before the instrument and holds none after
    it (删去第九条 on a chapter's only article): a law has no empty chapter, so the instrument
    most likely meant to delete the chapter too, or to move the article elsewhere."""
    held_before = _articles_under(before)
    return [f"{label} has no article left after the amendment (does the instrument also delete it?)"
            for key, (label, count) in _articles_under(after).items()
            if count == 0 and held_before.get(key, (label, 0))[1] > 0]


def _articles_under(law: LawText) -> dict[tuple[int | None, str, int], tuple[str, int]]:
    """Each body heading's key → (its line as written, how many articles it holds, down to the
    next heading of its level or above)."""
    ordered = sorted(headings(law).values(), key=lambda h: (h.part, h.start))
    out: dict[tuple[int | None, str, int], tuple[str, int]] = {}
    for k, h in enumerate(ordered):
        level = _LEVEL[h.key[1]]
        end = next((later.part for later in ordered[k + 1:] if _LEVEL[later.key[1]] <= level), len(law.parts))
        held = sum(isinstance(part, Article) for part in law.parts[h.part + 1:end])
        text = law.parts[h.part]
        line = text[text.rfind("\n", 0, h.start) + 1:h.end].strip()
        out[h.key] = (line, held)
    return out
