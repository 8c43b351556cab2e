"""Checks on the syllabus itself: ids are unique where they must be, titles carry no typed labels."""

from __future__ import annotations

from collections.abc import Iterable

from generator.diagnostics import Diagnostic
from generator.model.numbering import LABEL_PREFIX
from generator.model.outline import Entry, Outline
from generator.validate.report import error, warning


def check_outline(outline: Outline) -> list[Diagnostic]:
    # every outline id is a reference target (quiz nodes, scopes, role-play nodes): unique course-wide
    problems = _unique(list(outline.walk()))
    for entry in outline.walk():
        problems += _typed_label(entry)
    problems += [warning(part.node.id.loc, "empty-part", label=part.label, title=part.title)
                 for part in outline.parts if not part.children]
    return problems


def _unique(entries: Iterable[Entry]) -> list[Diagnostic]:
    seen: dict[str, Entry] = {}
    problems = []
    for entry in entries:
        first = seen.setdefault(entry.node.id, entry)
        if first is not entry:
            problems.append(error(entry.node.id.loc, "duplicate-id", value=entry.node.id, first=first.node.id.loc))
    return problems


def _typed_label(entry: Entry) -> list[Diagnostic]:
    match = LABEL_PREFIX.match(entry.node.title)
    if not match:
        return []
    return [error(entry.node.title.loc, "label-in-title", value=entry.node.title, label=match.group(0).strip())]
