"""Amendment instruments (修正案, 修改决定): read them, apply them to a law.

    from govtext.amend import read_instrument, amend_text
    instrument = read_instrument(decision_text, old_title="中华人民共和国统计法")
    result = amend_text(old_text, instrument)      # result.text, result.warnings

Layers: ``ops`` (records) ← ``quotes``/``instrument``/``grammar`` (reading) ←
``lawtext``/``xrefs``/``apply`` (applying) ← ``api`` (this package's entry points).
"""

from govtext.amend.api import amend_text, read_instrument
from govtext.amend.apply import Amended
from govtext.amend.errors import AmendError

__all__ = ["AmendError", "Amended", "amend_text", "read_instrument"]
