"""Ids that become file names must not take a name the generated site already uses (routes)."""

from __future__ import annotations

from collections.abc import Iterable

from generator.diagnostics import Diagnostic
from generator.model.course import Course
from generator.model.outline import Outline
from generator.model.text import Id
from generator.routes import FOLDER_IDS_TAKEN, PART_IDS_TAKEN
from generator.validate.report import error


def check_page_names(course: Course, outline: Outline) -> list[Diagnostic]:
    problems = _taken((part.node.id for part in outline.parts), PART_IDS_TAKEN)
    problems += _taken((chapter.node.id for chapter in outline.chapters()), FOLDER_IDS_TAKEN)
    problems += _taken((play.id for play in course.roleplays), FOLDER_IDS_TAKEN)
    problems += _taken((sheet.id for sheet in course.worksheets), FOLDER_IDS_TAKEN)
    return problems


def _taken(ids: Iterable[Id], names: frozenset[str]) -> list[Diagnostic]:
    return [error(value.loc, "reserved-id", value=value) for value in ids if value in names]
