"""String values that remember where the author wrote them."""

from __future__ import annotations

from generator.diagnostics import UNKNOWN, Loc


class Text(str):
    """A plain-text value (titles, options): rendered as text, never as markup."""

    loc: Loc

    def __new__(cls, value: str, loc: Loc = UNKNOWN) -> Text:
        obj = super().__new__(cls, value)
        obj.loc = loc
        return obj


class Id(Text):
    """A stable ASCII identifier used in URLs and references."""


class Markdown(Text):
    """Prose in Markdown (Material's standard extensions); raw HTML is shown as text."""
