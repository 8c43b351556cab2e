"""The glossary: one definition per term, so a term means the same thing on every page."""

from __future__ import annotations

from generator.diagnostics import Diagnostic
from generator.model.course import Glossary
from generator.model.text import Text
from generator.validate.report import error


def check_glossary(glossary: Glossary) -> list[Diagnostic]:
    seen: dict[str, Text] = {}
    problems = []
    for term in glossary.terms:
        for name in (term.term, *term.aliases):
            first = seen.setdefault(str(name), name)
            if first is not name:
                problems.append(error(name.loc, "duplicate-id", value=name, first=first.loc))
    return problems
