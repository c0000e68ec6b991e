"""Word-level appliers: words replaced, inserted or deleted inside units, in the title or in one
sentence, and a unit's part (条首, 末尾, 第N句) or the text outside articles rewritten."""

from __future__ import annotations

import re
from dataclasses import replace

from govtext.amend import annex
from govtext.amend.lawtext import END_MARKS, POINT, Article
from govtext.amend.ops import InsertWords, ModifyPart, ModifyText, ReplaceWords, Target, text_part_name
from govtext.amend.work import Failure, Work, line_edit, replacing, unit_span
from govtext.numerals import to_cn


def _title_lines(work: Work) -> tuple[int, int] | None:
    """Lines [start, end) of the text before the first article that hold the law's title, split or not."""
    if not work.parts or not isinstance(work.parts[0], str) or not work.law_title:
        return None
    lines = work.parts[0].split("\n")
    want = _bare(work.law_title)
    for span in (1, 2, 3):
        for k in range(len(lines) - span + 1):
            if _bare("".join(lines[k:k + span])) == want:
                return k, k + span
    return None


def _bare(text: str) -> str:
    return re.sub(r"[\s\u3000《》〈〉]|（[^）]*）$", "", text)


def _replace_in_title(work: Work, op: ReplaceWords) -> int:
    span = _title_lines(work)
    if span is None:
        raise Failure("the title is not found in the text before the first article")
    lines = work.parts[0].split("\n")
    found = sum(line.count(op.old) for line in lines[span[0]:span[1]])
    lines[span[0]:span[1]] = [line.replace(op.old, op.new) for line in lines[span[0]:span[1]]]
    work.parts[0] = "\n".join(lines)
    return found


def _text_line(work: Work, part: str) -> tuple[list[str], int]:
    """The lines of the text before the first article, and which of them is ``part``: ``preamble`` the 引言
    (the last sentence-ending paragraph, not a dated history line), ``preamble:N`` the N-th paragraph
    (自然段) after a 序言 heading line."""
    if not work.parts or not isinstance(work.parts[0], str):
        raise Failure("no text before the first article")
    lines = work.parts[0].split("\n")
    kind, _, n = part.partition(":")
    if kind == "preamble" and n:
        # the last 序言 line: a 目录 before it lists 序 言 too
        head = next((k for k in range(len(lines) - 1, -1, -1) if re.sub(r"[\s\u3000]", "", lines[k]) == "序言"), None)
        if head is None:
            raise Failure("no 序言 heading before the first article")
        paragraphs = [k for k in range(head + 1, len(lines)) if lines[k].strip(" \u3000\r")]
        # the 序言 ends at the first heading (第一章　总纲) or the end of the text before the first article
        end = next((j for j, k in enumerate(paragraphs) if re.match(r"^[ \u3000]*第[^　 ]{1,6}[编章]", lines[k])),
                   len(paragraphs))
        if not 1 <= int(n) <= end:
            raise Failure(f"the 序言 has {end} paragraphs, no 第{to_cn(int(n))}自然段")
        return lines, paragraphs[int(n) - 1]
    if kind == "preamble":
        for k in range(len(lines) - 1, -1, -1):
            content = lines[k].strip(" \u3000\r")
            # a sentence (it has a comma; titles and headings do not), ending 。 or 作如下解释：
            if content.endswith(("。", "：", ":")) and "，" in content and not _DATED.match(content):
                return lines, k
        raise Failure("no 引言 (a paragraph before the first article) found")
    raise Failure(f"cannot find the {part}")


def _edit_text_line(work: Work, part: str, change, sought: str | None = None) -> None:
    """``change`` applied to the text part's line (an appendix's: to each of its lines). ``sought``: the words
    the change works on; when no line holds them, that is the failure reported (not the part's own)."""
    found: list[bool] = []

    def tracked(line: str) -> str:
        if sought is not None:
            found.append(sought in line)
        return change(line)
    try:
        _edit_part_lines(work, part, line_edit(tracked))
    except Failure:
        if sought is None or any(found):
            raise
    if sought is not None and not any(found):
        raise Failure(f"“{sought}” not found in the {text_part_name(part)}")


def _edit_part_lines(work: Work, part: str, change) -> None:
    if part.startswith("annex:"):
        annex.edit_words(work, part, change)
        return
    lines, k = _text_line(work, part)
    lines[k] = change(lines[k])
    work.parts[0] = "\n".join(lines)


def replace_words(work: Work, op: ReplaceWords) -> None:
    if op.text_part:
        _edit_text_line(work, op.text_part, lambda line: _substitute(line, op.old, op.new), sought=op.old)
        return
    if op.in_title:
        found = _replace_in_title(work, op)
        if not op.targets:
            if not found:
                raise Failure(f"“{op.old}” not found in the title")
            return
    if not op.targets:
        found = 0
        for i, part in enumerate(work.parts):
            if isinstance(part, Article):
                count = sum(line.count(op.old) for line in part.lines)
                if count:
                    found += count
                    work.parts[i] = replace(part, lines=tuple(_substitute(line, op.old, op.new) for line in part.lines),
                                            protected=part.protected + ((op.new,) if op.new else ()))
        if not found:
            # Not in any article: a heading or other text between them (将“一、买卖合同的成立及效力”修改为).
            for i, part in enumerate(work.parts):
                if isinstance(part, str) and op.old in part:
                    found += part.count(op.old)
                    work.parts[i] = part.replace(op.old, op.new)
        if not found:
            raise Failure(f"“{op.old}” not found in the law")
        return
    missing = []
    for target in op.targets:
        i, art = work.article(target)
        start, end = unit_span(art, target)
        if op.sentence:
            start, end = start, start + 1  # the sentences are those of the unit's first line
        if not any(op.old in line for line in art.lines[start:end]):
            if len(op.old) == len(op.new) == 1 and op.old in END_MARKS and op.new in END_MARKS \
                    and art.lines[end - 1].endswith(op.new):
                # 第三项末尾的句号修改为分号 after an earlier item added a 项 after it: the mark is already there
                continue
            missing.append(target.label())
            continue
        if op.sentence:
            try:
                line = _in_sentence(art.lines[start], op.sentence, op.old, lambda s: _substitute(s, op.old, op.new))
            except Failure:
                missing.append(f"{target.label()}第{to_cn(op.sentence)}句")
                continue
            lines = art.lines[:start] + (line,) + art.lines[end:]
            work.parts[i] = replace(art, lines=lines, protected=art.protected + ((op.new,) if op.new else ()))
            continue
        lines = art.lines[:start] + tuple(_substitute(line, op.old, op.new) for line in art.lines[start:end]) + art.lines[end:]
        work.parts[i] = replace(art, lines=lines, protected=art.protected + ((op.new,) if op.new else ()))
    if missing and (not op.anywhere or len(missing) == len(op.targets)):
        raise Failure(f"“{op.old}” not found in {'、'.join(missing)}")


_PUNCT = "，。；、："


def _in_sentence(line: str, n: int, words: str, change) -> str:
    """``line`` with ``change`` applied to its N-th sentence, which must hold ``words``."""
    sentences = [s for s in _SENTENCE_END.split(line) if s]
    if n > len(sentences) or words not in sentences[n - 1]:
        raise Failure(f"“{words}” not in sentence {n}")
    sentences[n - 1] = change(sentences[n - 1])
    return "".join(sentences)


def _substitute(line: str, old: str, new: str) -> str:
    """Replace every ``old``; a deleted phrase takes one of the two marks around it along."""
    if new:
        return line.replace(old, new)
    out, pos = [], 0
    while (at := line.find(old, pos)) >= 0:
        out.append(line[pos:at])
        after = line[at + len(old):at + len(old) + 1]
        if after and after in _PUNCT and out and out[-1] and out[-1][-1] in _PUNCT:
            out[-1] = out[-1][:-1]  # 工作。[同级……指导]。同级 → 工作。同级: the sentence's own mark stays
        pos = at + len(old)
    out.append(line[pos:])
    return "".join(out)


def insert_words(work: Work, op: InsertWords) -> None:
    if op.text_part:
        def change(line: str) -> str:
            if op.anchor:
                return _insert_beside(line, op.anchor, op.words, op.before)
            if op.at_end:
                mark = len(line) - (1 if line[-1:] in END_MARKS else 0)
                # 末尾增加“人民成为国家的主人。”: a whole sentence follows the paragraph's own mark
                return line + op.words if op.words[-1:] in "。！？" else line[:mark] + op.words + line[mark:]
            return op.words + line
        _edit_text_line(work, op.text_part, change, sought=op.anchor or None)
        return
    targets = op.targets or tuple(Target(*a.key) for a in work.parts if isinstance(a, Article))
    missing = []
    for target in targets:
        i, art = work.article(target)
        start, end = unit_span(art, target)
        lines = list(art.lines)
        if not op.anchor and op.at_end:
            last = end - 1
            mark = len(lines[last]) - (1 if lines[last][-1:] in END_MARKS else 0)
            lines[last] = lines[last][:mark] + op.words + lines[last][mark:]
        elif not op.anchor:
            label = POINT.match(lines[start])
            at = label.end() if label else 0
            lines[start] = lines[start][:at] + op.words + lines[start][at:]
        elif op.sentence:
            try:
                lines[start] = _in_sentence(lines[start], op.sentence, op.anchor,
                                            lambda s: _insert_beside(s, op.anchor, op.words, op.before))
            except Failure:
                missing.append(f"{target.label()}第{to_cn(op.sentence)}句")
                continue
        elif any(op.anchor in line for line in lines[start:end]):
            lines[start:end] = [_insert_beside(line, op.anchor, op.words, op.before) for line in lines[start:end]]
        else:
            if op.targets:
                missing.append(target.label())
            continue
        work.parts[i] = replace(art, lines=tuple(lines), protected=art.protected + (op.words,))
    if missing:
        raise Failure(f"“{op.anchor}” not found in {'、'.join(missing)}")


_LIST_MARKS = "、，"
_CONTINUATIONS = ("的", "和", "及", "或", "并", "等", "以及", "或者", "、", "，", "。", "；", "：")


def _insert_beside(line: str, anchor: str, words: str, before: bool) -> str:
    """在“A”后增加“B”: when A is a member of a list (A、… / A，…) and B a phrase of its own,
    B becomes a member too, with the list's mark, as the republication writes it."""
    member = not words.startswith(_CONTINUATIONS) and not words.endswith(_CONTINUATIONS)
    out, pos = [], 0
    while (at := line.find(anchor, pos)) >= 0:
        end = at + len(anchor)
        out.append(line[pos:at])
        if before:
            mark = line[at - 1] if at > 0 and line[at - 1] in _LIST_MARKS and member else ""
            out.append(words + mark + anchor)
        else:
            mark = line[end] if line[end:end + 1] in _LIST_MARKS and member else ""
            out.append(anchor + mark + words)
        pos = end
    out.append(line[pos:])
    return "".join(out)


_SENTENCE_END = re.compile(r"(?<=[。！？])")


def modify_part(work: Work, op: ModifyPart) -> None:
    """条首部分: the unit's first line (the words before its 项); 第N句: one sentence of its first line."""
    i, art = work.article(op.target)
    start, _ = unit_span(art, op.target)
    lines = list(art.lines)
    label = POINT.match(lines[start])
    prefix = label.group() if label and not POINT.match(op.lines[0]) else ""
    if op.part == "head":
        lines[start:start + 1] = [prefix + op.lines[0], *op.lines[1:]]
    elif op.part.startswith("sentence:"):
        n = int(op.part.split(":")[1])
        sentences = [s for s in _SENTENCE_END.split(lines[start]) if s]
        if n > len(sentences):
            raise Failure(f"{op.target.label()} has {len(sentences)} sentences, no 第{to_cn(n)}句")
        sentences[n - 1] = "".join(op.lines)
        lines[start] = "".join(sentences)
    elif op.part.startswith("after-sentence:"):
        n = int(op.part.split(":")[1])
        sentences = [s for s in _SENTENCE_END.split(lines[start]) if s]
        if n > len(sentences):
            raise Failure(f"{op.target.label()} has {len(sentences)} sentences, none 第{to_cn(n)}句")
        at = len(sentences) if n < 0 else n
        lines[start] = "".join(sentences[:at] + ["".join(op.lines)] + sentences[at:])
    else:
        raise Failure(f"cannot modify the {op.part} of a unit")
    work.parts[i] = replace(art, lines=tuple(lines), protected=art.protected + op.lines)


_DATED = re.compile(r"^[（(]?\d{4}年")


def modify_text(work: Work, op: ModifyText) -> None:
    """引言: the paragraph before the first article; 名称: the title; part:N: the heading 一、… of part N."""
    if op.part.startswith("annex:"):
        annex.modify_item(work, op.part, op.lines)
        return
    first = next((i for i, p in enumerate(work.parts) if isinstance(p, Article)), len(work.parts))
    if op.part.startswith("part:"):
        number = to_cn(int(op.part.split(":")[1]))
        for i in range(len(work.parts) - 1, -1, -1):
            part = work.parts[i]
            if isinstance(part, str):
                m = re.search(rf"^[ \u3000]*{number}、[^\n]*$", part, re.M)
                if m:
                    work.parts[i] = part[:m.start()] + "".join(op.lines) + part[m.end():]
                    return
        raise Failure(f"no part heading {number}、 in the text")
    if first == 0 or not isinstance(work.parts[0], str):
        raise Failure(f"no text before the first article for the {op.part}")
    head = work.parts[0]
    lines = head.split("\n")
    if op.part.startswith("preamble"):
        lines, k = _text_line(work, op.part)
        lines[k:k + 1] = replacing(lines[k], op.lines)
        work.parts[0] = "\n".join(lines)
        return
    if op.part == "title":
        span = _title_lines(work) or (0, 1)
        if span == (0, 1) and _title_lines(work) is None:
            work.notes.append("名称: the title was not found as such; the first line was taken for it")
        lines[span[0]:span[1]] = replacing(lines[span[0]], op.lines)
        work.parts[0] = "\n".join(lines)
        return
    raise Failure(f"cannot modify the {op.part}")
