"""The amendment package's error: every item that cannot be applied, one line each."""

from __future__ import annotations

from govtext.amend.ops import Item
from govtext.errors import GovtextError


class AmendError(GovtextError):
    """Items of the instrument that cannot be applied; one line per item."""

    def __init__(self, failures: list[str]) -> None:
        super().__init__("\n".join(failures))
        self.failures = tuple(failures)


def item_name(item: Item) -> str:
    excerpt = item.text.replace("\n", "")
    return f"{item.number}{excerpt[:14]}…" if len(excerpt) > 14 else f"{item.number}{excerpt}"
