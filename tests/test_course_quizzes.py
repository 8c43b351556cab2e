"""The bundled course's question banks: a check on every chapter page, and the counts issue #5 asks for."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.load.course import load_course
from generator.model.outline import build_outline
from generator.model.quizpool import all_questions
from generator.render import render
from generator.render.quiz_views import QuizCatalog
from tests.embedded import embedded_json

REPO = Path(__file__).resolve().parents[1]
TYPES = {"single", "multiple", "truefalse", "ordering", "matching", "scenario", "reflection"}


@pytest.fixture(scope="module")
def course():  # type: ignore[no-untyped-def]
    loaded = load_course(REPO)
    assert loaded.course is not None
    return loaded.course


def test_every_chapter_page_shows_a_check_of_three_or_more(course) -> None:  # type: ignore[no-untyped-def]
    tree = render(course)
    short = []
    for chapter in build_outline(course.syllabus).chapters():
        text = tree.files[chapter.page].decode("utf-8")
        found = embedded_json(text, "cw-quiz__data")
        draw = found[0]["draw"] if found else 0
        if "{#check}" not in text or draw < 3:
            short.append(f"{chapter.page}: {draw}")
    assert short == []


def test_each_part_has_twelve_questions_of_every_type(course) -> None:  # type: ignore[no-untyped-def]
    nodes = build_outline(course.syllabus).by_id()
    questions = all_questions(course)
    per_part = Counter(nodes[q.node].part.id for q in questions if q.node in nodes)
    assert len(questions) >= 100
    assert {part.id: per_part[part.id] for part in course.syllabus.parts if per_part[part.id] < 12} == {}
    assert {str(q.type) for q in questions} == TYPES


def test_quizzes_follow_the_syllabus_not_file_names(course) -> None:  # type: ignore[no-untyped-def]
    outline = build_outline(course.syllabus)
    listed = [view.pool for view in QuizCatalog(course, outline).defined()]
    parts = [pool.questions[0].node for pool in listed if pool.kind == "part"]
    owners = [next(p.node.id for p in outline.parts if any(e.node.id == node for e in p.walk())) for node in parts]
    assert owners == [part.node.id for part in outline.parts]
    assert listed[0].kind == "diagnostic" and listed[-1].kind == "final"
    in_files = [str(quiz.id) for bank in course.banks for quiz in bank.quizzes if quiz.kind == "part"]
    assert in_files != [str(pool.id) for pool in listed if pool.kind == "part"]  # file order alone would be wrong
