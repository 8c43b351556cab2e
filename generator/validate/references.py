"""References from chapters to worksheets, role-plays and quizzes, which live in folders of their own."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from generator.diagnostics import Diagnostic
from generator.locale import kind as kind_word
from generator.model.content import ChapterContent
from generator.model.course import Course
from generator.model.text import Id
from generator.validate.report import warning

# kind -> folder that holds one <id>.yaml per item
FOLDERS = {"worksheet": "content/worksheets", "roleplay": "content/roleplays", "quiz": "quizzes"}


def check_references(course: Course) -> list[Diagnostic]:
    """A reference to an item not written yet is a warning: the chapter can ship before its worksheet."""
    known = known_ids(course)
    return [
        warning(ref.loc, "pending-reference", kind=kind_word(kind), value=ref, folder=FOLDERS[kind])
        for kind, ref in _references(course.contents)
        if ref not in known[kind] and ref not in course.unbound_items
    ]


def known_ids(course: Course) -> dict[str, set[str]]:
    quizzes = {quiz.id for bank in course.banks for quiz in bank.quizzes}
    return {
        "worksheet": {sheet.id for sheet in course.worksheets},
        "roleplay": {play.id for play in course.roleplays},
        "quiz": quizzes | {bank.bank for bank in course.banks},
    }


def _references(contents: Sequence[ChapterContent]) -> Iterator[tuple[str, Id]]:
    for content in contents:
        if content.exercise and content.exercise.worksheet:
            yield "worksheet", content.exercise.worksheet
        if content.exercise and content.exercise.roleplay:
            yield "roleplay", content.exercise.roleplay
        for quiz in content.quizzes:
            yield "quiz", quiz
