"""对条文顺序作相应调整: articles numbered afresh, cross-references following them.

The official republication renumbers references in the text the instrument did
not write (text it quoted is already in the new numbering); afterwards every
reference to the law's own articles must land on one that exists.
"""

from __future__ import annotations

from dataclasses import replace

from govtext.amend.errors import AmendError, item_name
from govtext.amend.lawtext import Article, LawText
from govtext.amend.ops import Instrument, Renumber, article_label
from govtext.amend.xrefs import label as ref_label, own_references, renumber_line


def renumber_articles(parts: list[Article | str], pending: list[Article], instrument: Instrument,
                      moved_clauses: dict | None = None, first: int = 1):
    """Place the articles added as 第N条, number every article afresh, move references along.

    ``first``: the number OLD's first article has — 1, or where a part of a code printed alone starts
    (第九百九十八条): the articles are counted on from it, not from 第一条.
    ``parts`` is changed in place; returns (renumbered, reference updates, warnings).
    """
    for added in sorted(pending, key=lambda a: a.key):
        positions = [i for i, p in enumerate(parts) if isinstance(p, Article)]
        n = added.key[0] - first + 1
        if n < 1 or n - 1 > len(positions):
            raise AmendError([f"增加一条，作为{added.label} : the law has only {len(positions)} articles"
                              + (f", from {article_label(first)}" if first != 1 else "")])
        at = positions[0] if n == 1 else positions[n - 2] + 1
        parts.insert(at, added)
    new_of: dict[tuple[int, int], str] = {}
    number = first - 1
    for i, part in enumerate(parts):
        if isinstance(part, Article):
            number += 1
            label = article_label(number)
            if part.old_key is not None:
                new_of[part.old_key] = label
            parts[i] = replace(part, label=label)
    renumbered = tuple((ref_label(k), v) for k, v in new_of.items() if ref_label(k) != v)
    updates, stale = [], []
    for i, part in enumerate(parts):
        if isinstance(part, Article) and part.old_key is not None:
            lines = []
            for line in part.lines:
                if line not in part.protected:
                    # A reference to a deleted article is left as written, and names whichever article took
                    # its number: the final check for numbers the result lacks cannot see it, so it is said here.
                    stale.extend(f"{part.label} refers to {ref_label(ref.key)}, which the amendment deleted "
                                 "(left as written)" for ref in own_references(line) if ref.key not in new_of)
                new_line, changed = renumber_line(line, part.protected, lambda key: new_of.get(key), moved_clauses)
                if changed:
                    updates.append((part.label, line, new_line))
                lines.append(new_line)
            parts[i] = replace(part, lines=tuple(lines))
    warnings = stale
    for item in instrument.items:
        for op in item.operations:
            if isinstance(op, Renumber) and op.unit == "article":
                got = new_of.get(op.target.key)
                if got is not None and got != article_label(op.number):
                    warnings.append(f"{item_name(item)} : says {op.target.label()} becomes "
                                    f"{article_label(op.number)}, the result numbers it {got}")
    return renumbered, tuple(updates), warnings


def dangling_references(law: LawText) -> list[str]:
    """References to articles the law does not have."""
    keys = {a.key for a in law.articles()}
    out = []
    for art in law.articles():
        for line in art.lines:
            for ref in own_references(line):
                if ref.key not in keys:
                    out.append(f"{art.label} refers to {ref_label(ref.key)}, which the amended text does not have")
    return out
