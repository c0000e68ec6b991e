"""Cross-references in NEW that a renumbering left behind.

Two kinds: ``missing`` — a reference to an article NEW does not have; ``stale`` —
a reference an article carries unchanged from OLD to an article that has since
been renumbered (第四条 became 第五条, the text still says 第四条).  ``govtext amend``
reports the first kind for its own result; this module checks any two versions,
from the diff's article matches.
"""

from __future__ import annotations

from dataclasses import dataclass

from govtext.amend.xrefs import label, own_references
from govtext.diff.records import DiffResult
from govtext.model import Document
from govtext.report.article_pairs import pair_articles

MISSING, STALE = "missing", "stale"


@dataclass(frozen=True, slots=True)
class ReferenceIssue:
    kind: str
    """``missing`` or ``stale``."""
    article: str
    """The NEW article holding the reference, e.g. 第七条."""
    reference: str
    """The reference as written, e.g. 第四条."""
    now: str | None
    """For ``stale``: the number the referred article has in NEW."""

    def __str__(self) -> str:
        if self.kind == MISSING:
            return f"{self.article} refers to {self.reference}, which the new text does not have"
        return f"{self.article} refers to {self.reference}, which is now {self.now}"


def reference_issues(result: DiffResult, old_doc: Document, new_doc: Document) -> list[ReferenceIssue]:
    pairs = pair_articles(result, old_doc, new_doc)
    olds, news = pairs.old_articles, pairs.new_articles
    now = {olds[i].key: news[j].label for i, j in pairs.pairs + pairs.moved}
    have = {a.key for a in news}
    old_of = {j: olds[i] for i, j in pairs.pairs + pairs.moved}
    issues: list[ReferenceIssue] = []
    for j, article in enumerate(news):
        old_refs = set()
        if j in old_of:
            old_refs = {ref.key for line in old_of[j].lines for ref in own_references(line)}
        seen = set()
        for line in article.lines:
            for ref in own_references(line):
                if ref.key in seen:
                    continue
                seen.add(ref.key)
                if ref.key not in have:
                    issues.append(ReferenceIssue(MISSING, article.label, label(ref.key), None))
                elif ref.key in old_refs and ref.key in now and now[ref.key] != label(ref.key):
                    issues.append(ReferenceIssue(STALE, article.label, label(ref.key), now[ref.key]))
    return issues
