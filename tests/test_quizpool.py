"""Which questions each quiz draws from."""

from __future__ import annotations

from pathlib import Path

from generator.load.course import load_course
from generator.model.outline import build_outline
from generator.model.quiz import QuizDefinition
from generator.model.quizpool import (
    all_questions,
    chapter_quiz,
    check_draw,
    definition_pool,
    definition_quiz,
    questions_under,
)
from generator.model.text import Id, Text


def loaded(course_dir: Path):  # type: ignore[no-untyped-def]
    course = load_course(course_dir).course
    assert course is not None
    outline = build_outline(course.syllabus)
    return course, outline, outline.by_id(), all_questions(course)


def test_questions_under_a_node_include_its_descendants(sample_course: Path) -> None:
    _, _, nodes, questions = loaded(sample_course)
    assert [q.id for q in questions_under(nodes["set-goal"], questions)] == [  # its points' questions too
        "vs-goal-as-action", "vs-must-get", "vs-goal-types", "vs-no-time", "vs-nice-to-get"]
    assert len(questions_under(nodes["plan-visit"], questions)) == len(questions) == 8


def test_definition_pool_by_scope_by_ids_or_everything(sample_course: Path) -> None:
    _, _, nodes, questions = loaded(sample_course)
    scoped = QuizDefinition(id=Id("a"), kind="part", title=Text("t"), scope=(Id("must-get"),))
    assert [q.id for q in definition_pool(scoped, questions, nodes)] == ["vs-must-get", "vs-no-time"]
    listed = QuizDefinition(id=Id("b"), kind="part", title=Text("t"), questions=(Id("vs-no-time"), Id("vs-materials")))
    assert [q.id for q in definition_pool(listed, questions, nodes)] == ["vs-no-time", "vs-materials"]
    everything = QuizDefinition(id=Id("c"), kind="final", title=Text("t"), draw=3)
    assert len(definition_pool(everything, questions, nodes)) == 8
    assert definition_quiz(everything, questions, nodes).draw == 3


def test_chapter_check_draws_three_to_five_with_a_stable_seed(sample_course: Path) -> None:
    _, outline, _, questions = loaded(sample_course)
    chapter = next(outline.chapters())
    check = chapter_quiz(chapter, questions, "小测")
    assert check.id == "check-plan-visit"
    assert check.draw == 5
    assert chapter_quiz(chapter, questions[:3], "小测").draw == 3
    assert chapter_quiz(chapter, questions[:6], "小测").draw == 4  # two left over, so a retake differs
    assert check.seed == chapter_quiz(chapter, questions, "小测").seed


def test_check_draw_leaves_two_spare_once_the_pool_allows_it() -> None:
    # below 3 the check shows what there is (and the validator warns); 3–4 cannot spare two without dropping
    # under 3; from 5 on two stay in the pool; never more than 5 on one page
    assert [check_draw(size) for size in range(10)] == [0, 1, 2, 3, 3, 3, 4, 5, 5, 5]
