"""Checks on the syllabus itself: ids are unique where they must be, titles carry no typed labels."""

from __future__ import annotations

from collections.abc import Iterable

from generator.diagnostics import Diagnostic
from generator.model.numbering import LABEL_PREFIX
from generator.model.outline import Entry, Outline
from generator.validate.report import error

# Top-level names the generated site uses; a part with one of these ids would overwrite its pages.
RESERVED_PART_IDS = frozenset({
    "quizzes", "roleplays", "worksheets", "maps", "slides", "print", "pages", "assets", "search", "index",
    "glossary", "datapack", "scripts", "agenda", "answers", "404", "sitemap", "stylesheets", "javascripts",
})


def check_outline(outline: Outline) -> list[Diagnostic]:
    # every outline id is a reference target (quiz nodes, scopes, role-play nodes): unique course-wide
    problems = _unique(list(outline.walk()))
    problems += [error(part.node.id.loc, "reserved-id", value=part.node.id)
                 for part in outline.parts if part.node.id in RESERVED_PART_IDS]
    problems += [error(chapter.node.id.loc, "reserved-id", value=chapter.node.id)
                 for chapter in outline.chapters() if chapter.node.id == "index"]
    for entry in outline.walk():
        problems += _typed_label(entry)
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
