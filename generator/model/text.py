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


class Value:
    """A scalar cell value (text, number, true/false) that remembers where it was written."""

    __slots__ = ("loc", "value")

    def __init__(self, value: str | int | float | bool, loc: Loc = UNKNOWN) -> None:
        self.value = value
        self.loc = loc

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Value) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)

    def __repr__(self) -> str:
        return f"Value({self.value!r})"
