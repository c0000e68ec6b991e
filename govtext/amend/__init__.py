"""Amendment instruments (修正案, 修改决定): read them, apply them to a law.

    from govtext.amend import amend_document, read_instrument
    instrument = read_instrument(decision_text, old_title="中华人民共和国统计法")
    result = amend_document(old_doc, instrument)   # result.text, result.warnings

``old_doc`` is a parsed law (:func:`govtext.pipeline.load` or ``parse_text``); the
package itself reads no files and parses no law, it works on the parser's tree.

Layers: ``ops`` (records) ← ``quotes``/``instrument``/``references``/``word_clauses``/``unit_clauses``
← ``grammar`` (reading) ← ``lawtext``/``xrefs``/``apply`` (applying) ← ``api`` (this package's entry points).
"""

from govtext.amend.api import amend_document, read_instrument
from govtext.amend.apply import Amended
from govtext.amend.errors import AmendError

__all__ = ["AmendError", "Amended", "amend_document", "read_instrument"]
