"""The one error type every phase reports with, and where it points."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Loc:
    """A position in an author's file: 1-based line and column, as editors count."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col}"
        return self.path


UNKNOWN = Loc("<unknown>")


@dataclass(frozen=True)
class Diagnostic:
    """One problem an author can act on: where, a stable code, what, and how to fix it."""

    loc: Loc
    code: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR
    subject: str = ""  # the text the problem is about (a link, say), so a later phase can find its line

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.loc.path, self.loc.line, self.loc.col, self.code)


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)
