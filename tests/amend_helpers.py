"""Test helpers for the amendment tools: texts in, texts out."""

from __future__ import annotations

from govtext.amend import amend_document
from govtext.amend.compare import compare_articles
from govtext.pipeline import parse_text


def amend_text(old_text: str, instrument):
    return amend_document(parse_text(old_text), instrument)


def compare_texts(ours: str, theirs: str):
    return compare_articles(parse_text(ours), parse_text(theirs))
