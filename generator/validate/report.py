"""A small collector so each check reads as a list of findings."""

from __future__ import annotations

from generator.diagnostics import Diagnostic, Loc, Severity
from generator.locale import message


def error(loc: Loc, code: str, **values: object) -> Diagnostic:
    text, hint = message(code, **values)
    return Diagnostic(loc, code, text, hint)


def warning(loc: Loc, code: str, **values: object) -> Diagnostic:
    text, hint = message(code, **values)
    return Diagnostic(loc, code, text, hint, Severity.WARNING)
