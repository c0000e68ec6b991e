"""Targets: the figures a policy sets for the coming period, extracted and followed across years.

``targets_of(doc)`` reads one parsed document; :mod:`govtext.targets.series` lays several out
as an indicator × year table; :mod:`govtext.targets.compare` tells what changed between two
versions (for ``govtext diff``).  Imported only by the commands that need it.
"""

from __future__ import annotations

from govtext.model import Document
from govtext.targets.lexicon import TargetLexicon, load_target_lexicon
from govtext.targets.records import DocumentTargets, Target

__all__ = ["DocumentTargets", "Target", "TargetLexicon", "load_target_lexicon", "targets_of"]


def targets_of(doc: Document, lexicon: TargetLexicon | None = None) -> DocumentTargets:
    """The targets ``doc`` sets, with its title and year (from its header, else its file name)."""
    from govtext.metadata import describe
    from govtext.targets.extract import extract

    meta = describe(doc)
    year = meta.year
    targets = extract(doc, lexicon or load_target_lexicon(None), year)
    return DocumentTargets(doc.source.path or "-", meta.title, year, tuple(targets))
