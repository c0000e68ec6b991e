"""Operations applied to a law's text: the consolidated text after an instrument.

Which applier runs for which operation (:data:`APPLIERS`: articles and their units in
:mod:`~govtext.amend.apply_units`, headings in :mod:`~govtext.amend.apply_headings`, words in
:mod:`~govtext.amend.edit_words`), the order the items run in, and what follows them:
renumbering, the 目录, warnings.

Targets are looked up by their OLD numbers (drafters write 将第九条改为第十一条 and go on
calling it 第九条).  Every item is tried; the ones that cannot apply are collected and raised
together, so the user sees every failing item at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from govtext.amend.lawtext import Article, LawText
from govtext.amend.ops import (
    AT_END, AddArticle, AddHeading, AddUnit, Delete, Detach, InsertWords, Instrument, Merge, Modify, ModifyPart, ModifyText,
    DeleteHeading, Move, NoChange, RenameHeading, Renumber, RenumberHeading, ReplaceWords, Transfer, article_label,
)
from govtext.amend.apply_headings import (add_heading, close_heading_gaps, delete_heading, emptied_divisions, place_headings,
                                          rename_heading, renumber_heading)
from govtext.amend.apply_units import (add_article, add_unit, delete, detach, merge, modify, move, renumber, transfer,
                                       units_in)
from govtext.amend.contents import follow_body
from govtext.amend.edit_words import insert_words, modify_part, modify_text, replace_words
from govtext.amend.errors import AmendError, item_name
from govtext.amend.clause_refs import follow_unit_numbers
from govtext.amend.renumber import dangling_references, renumber_articles
from govtext.amend.shifts import Shifts, target_of
from govtext.amend.vocabulary import CN  # a run of Chinese numerals (第一百零一条 has a 零)
from govtext.amend.work import Failure, Work
from govtext.amend.xrefs import label as ref_label



@dataclass(frozen=True, slots=True)
class Amended:
    """The result of applying an instrument."""

    law: LawText
    renumbered: tuple[tuple[str, str], ...]
    """(old label, new label) for every article whose number changed."""
    xref_updates: tuple[tuple[str, str, str], ...]
    """(article, old reference, new reference) for references renumbered without an item saying so."""
    warnings: tuple[str, ...]
    """Explicit renumbering that disagrees with the result, dangling references."""
    unapplied: tuple[str, ...] = ()
    """With ``partial``: every item left out, one line each (as AmendError would name them)."""
    changes: tuple[tuple[str, str], ...] = ()
    """(article, 修改 / 增加 / 删去) for each article the instrument changed: its new label, or for 删去 its old one."""

    @property
    def text(self) -> str:
        return self.law.text()


APPLIERS = {RenumberHeading: renumber_heading, InsertWords: insert_words, ModifyPart: modify_part, ModifyText: modify_text, AddHeading: add_heading,
            Detach: detach, Modify: modify, AddUnit: add_unit, AddArticle: add_article, Delete: delete,
            ReplaceWords: replace_words, Merge: merge, Move: move, Renumber: renumber, Transfer: transfer,
            RenameHeading: rename_heading, DeleteHeading: delete_heading,
            NoChange: lambda work, op: None}


def _place_by_stated_numbers(work: Work, instrument: Instrument) -> None:
    """No 条文顺序作相应调整: the numbers the instrument states are the order (将第二条修改为第六条
    moves the article to sixth place), as with the articles it adds.  A number the plain count already
    gives (将第八条改为第十一条 after three articles added before it) is no move: the article keeps its
    place under its chapter heading."""
    try:
        counted = dict(renumber_articles(list(work.parts), list(work.pending), instrument,
                                         dict(work.moved_clauses), first_number(work.law))[0])
    except AmendError:
        counted = {}
    for item in instrument.items:
        for op in item.operations:
            if isinstance(op, Renumber) and op.unit == "article" and op.into_clause is None and item.understood:
                try:
                    i, art = work.article(op.target)
                except Failure:
                    continue
                if art.label != article_label(op.number) and \
                        counted.get(ref_label(art.old_key) if art.old_key else art.label) != article_label(op.number):
                    del work.parts[i]
                    work.pending.append(replace(art, label=article_label(op.number)))


def _renumbers(instrument: Instrument, work: Work) -> bool:
    """Whether the articles are numbered afresh: ordered (对条文顺序作相应调整, an article renumbered), or
    needed by what the items did."""
    every = [op for item in instrument.items for op in item.operations]
    understood = [op for item in instrument.items if item.understood for op in item.operations]
    # A whole article deleted leaves no gap in the text the decision orders republished (……根据本决定作相应修改，
    # 重新公布/重新发布: the republication numbers afresh); without that sentence the numbers stay as they are.
    republished = any(isinstance(op, NoChange) and op.what == "republication" for op in every)
    deleted = republished and any(
        isinstance(op, Delete) and op.target.clause is None and op.target.point is None for op in understood)
    # An article whose number the instrument does not state (pending, or placed by 在第X条后 alone) is numbered
    # by renumbering, ordered or not: otherwise it would share the number of the article it pushes along.
    unnumbered = any(isinstance(op, AddArticle) and not op.stated for op in understood)
    return instrument.renumber or bool(work.pending) or deleted or unnumbered or any(
        isinstance(op, Renumber) and op.unit == "article" for op in every)


def first_number(law: LawText) -> int:
    """The number OLD's articles start from (a code's 编 printed alone starts at its own first article)."""
    articles = law.articles()
    return articles[0].old_key[0] if articles and articles[0].old_key else 1


def _article_of(work: Work, op) -> Article | None:
    target = target_of(op)
    if target is None:
        return None
    try:
        return work.article(target)[1]
    except Failure:
        return None


def _apply_item(work: Work, item) -> None:
    """One item's operations, targets in the item's own (OLD) numbering; raises Failure."""
    shifts = Shifts()
    for op in item.operations:
        op = shifts.adjust(op)
        if isinstance(op, AddUnit) and op.position == AT_END:
            op = replace(op, position=units_in(work, op) + 1)
        before = _article_of(work, op)
        APPLIERS[type(op)](work, op)
        shifts.record(op, before, _article_of(work, op))


def apply_instrument(law: LawText, instrument: Instrument, partial: bool = False) -> Amended:
    """The law after ``instrument``; raises :class:`AmendError` naming every item that cannot apply.

    ``partial``: apply the items that can be, leave the others out (each as a 【未适用：…】 note
    after the article it names) and list them in ``Amended.unapplied``.
    """
    articles = law.articles()
    work = Work(law, articles[0].sep if articles else " ")
    work.law_title = instrument.law_title
    failures: list[str] = []
    skipped = []
    for item in instrument.items:
        if not item.understood:
            failures.append(f"{item_name(item)} : {item.problem}")
            skipped.append(item)
            continue
        saved = work.snapshot()
        try:
            _apply_item(work, item)
        except Failure as exc:
            failures.append(f"{item_name(item)} : {exc}")
            skipped.append(item)
            work.restore(saved)  # an item applies whole or not at all
    if failures and not partial:
        raise AmendError(failures)
    changed = _changed_keys(law, work)
    # 款 and 项 the instrument added: set aside when the units around them are matched to OLD's.
    added = {op.lines[0] for item in instrument.items if item.understood for op in item.operations
             if isinstance(op, AddUnit) and op.unit in ("clause", "point") and op.lines}
    clause_updates, clause_warnings = follow_unit_numbers(work.parts, law.articles(), work.rewritten,
                                                          work.moved_clauses, added)
    if not instrument.renumber:
        _place_by_stated_numbers(work, instrument)
    renumbered, updates, warnings = (), (), []
    if _renumbers(instrument, work):
        renumbered, updates, warnings = renumber_articles(work.parts, work.pending, instrument, work.moved_clauses,
                                                         first_number(law))
    else:
        for added in work.pending:  # unreachable: pending implies renumbering
            work.parts.append(added)
    # The 款/项 updates were made under OLD's article labels: name each article as it is now numbered.
    now_labelled = dict(renumbered)
    updates = tuple((now_labelled.get(label, label), was, now) for label, was, now in clause_updates) + tuple(updates)
    warnings = clause_warnings + list(warnings)
    close_heading_gaps(work)
    place_headings(work)
    work.parts = follow_body(law.parts, work.parts, law.newline)  # the 目录 lists the body as it now is
    _mark_unapplied(work, skipped, law.newline)
    warnings.extend(work.notes)
    amended = LawText(tuple(work.parts), law.newline)
    warnings.extend(emptied_divisions(law, amended))
    labels = [a.label for a in amended.articles()]
    warnings.extend(f"two articles are numbered {label} (an article added under a number the text keeps; "
                    "does the instrument order renumbering?)" for label in dict.fromkeys(labels) if labels.count(label) > 1)
    # A reference to a deleted article that renumbering already reported ("… which the amendment deleted") once.
    reported = {w.split(", which ")[0] for w in warnings}
    warnings.extend(w for w in dangling_references(amended) if w.split(", which ")[0] not in reported)
    changes = [(a.label, "增加" if a.old_key is None else "修改") for a in amended.articles()
               if a.old_key is None or a.old_key in changed]
    present = {a.old_key for a in amended.articles()}
    changes += [(ref_label(a.old_key), "删去") for a in law.articles() if a.old_key not in present]
    return Amended(amended, renumbered, updates, tuple(warnings), tuple(failures), tuple(changes))


def _changed_keys(law: LawText, work: Work) -> set[tuple[int, int]]:
    """OLD articles whose text an item changed (before renumbering moves references along)."""
    before = {a.old_key: a.lines for a in law.articles()}
    return {p.old_key for p in list(work.parts) + work.pending
            if isinstance(p, Article) and p.old_key is not None and before.get(p.old_key) != p.lines}


_NAMED_ARTICLE = re.compile(rf"第({CN})条")


def _mark_unapplied(work: Work, skipped, newline: str) -> None:
    """A 【未适用：…】 line after the article an unapplied item names first (else before the first article)."""
    for item in skipped:
        text = item.text.replace("\n", "")
        note = f"【未适用：{item.number}{text[:60]}{'…' if len(text) > 60 else ''}】{newline}"
        m = _NAMED_ARTICLE.search(text)
        at = None
        if m:
            label = m.group()
            at = next((i for i, p in enumerate(work.parts) if isinstance(p, Article)
                       and p.old_key is not None and ref_label(p.old_key) == label), None)
        if at is None:
            at = next((i - 1 for i, p in enumerate(work.parts) if isinstance(p, Article)), len(work.parts) - 1)
        work.parts.insert(at + 1, note)
