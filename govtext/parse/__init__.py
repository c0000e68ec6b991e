"""Text → outline tree.  :func:`parse` is the only entry point.

Each line is typed once (classify.py); laws and regulations (two 第X条 lines,
or one under a 编/章/节 heading) and policy texts have their own builders over
the typed lines; both produce drafts that :func:`freeze` turns into the model.
"""

from __future__ import annotations

from govtext import model
from govtext.errors import InputError
from govtext.lexicon import Lexicon, default_lexicon
from govtext.parse.classify import is_law, scan, type_lines
from govtext.parse.diagnostics import find_diagnostics
from govtext.parse.draft import freeze
from govtext.parse.law import build_law
from govtext.parse.lines import split_lines
from govtext.parse.policy import build_policy


def parse(text: str, source: model.Source, lexicon: Lexicon | None = None) -> model.Document:
    """Parse ``text`` into a Document whose leaves tile the text exactly."""
    if not text.strip():
        raise InputError(f"{source.path or 'input'}: empty input")
    lex = lexicon or default_lexicon()
    scanned = scan(split_lines(text))
    genre = "law" if is_law(scanned) else "policy"
    lines = type_lines(scanned, genre, lex)  # each line typed once; builders read the kinds
    del scanned
    draft = build_law(text, lines, lex) if genre == "law" else build_policy(text, lines, lex)
    del lines  # not needed any more: freed before the tree is built (peak memory)
    root = freeze(draft, text)
    return model.Document(source=source, text=text, root=root, genre=genre, diagnostics=find_diagnostics(root))
