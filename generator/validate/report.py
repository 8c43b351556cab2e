"""A small collector so each check reads as a list of findings."""

from __future__ import annotations

from collections.abc import Iterable

from generator.diagnostics import Diagnostic, Loc, Severity
from generator.locale import kind as kind_word
from generator.locale import message, suggest
from generator.model.text import Text


def error(loc: Loc, code: str, **values: object) -> Diagnostic:
    text, hint = message(code, **values)
    return Diagnostic(loc, code, text, hint)


def warning(loc: Loc, code: str, **values: object) -> Diagnostic:
    text, hint = message(code, **values)
    return Diagnostic(loc, code, text, hint, Severity.WARNING)


def unknown(value: Text, kind: str, known: Iterable[str], listing: str = "ids") -> Diagnostic:
    """A reference to an id nobody wrote, with the closest id or the list of those that exist."""
    return error(value.loc, "unknown-reference", kind=kind_word(kind), value=value,
                 suggestion=suggest(value, known, listing))


def duplicates(ids: Iterable[Text], code: str = "duplicate-id") -> list[Diagnostic]:
    """Every id written a second time, pointing back at the first place it was written."""
    seen: dict[str, Text] = {}
    problems = []
    for value in ids:
        first = seen.setdefault(str(value), value)
        if first is not value:
            problems.append(error(value.loc, code, value=value, first=first.loc))
    return problems
