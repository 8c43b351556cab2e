"""The question-bank rules, as pure functions over hand-built questions."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Loc
from generator.load.course import load_course
from generator.model.outline import build_outline
from generator.model.quiz import Option, Pair, Question, QuizDefinition
from generator.model.text import Id, Markdown, Text
from generator.validate.quiz_checks import (
    check_chapter_pools,
    check_definitions,
    check_question,
    check_stems,
    check_unique_ids,
)


def question(kind: str = "single", qid: str = "q1", stem: str = "题干", **fields: object) -> Question:
    return Question(id=Id(qid, Loc("bank.yaml", 1, 1)), type=kind, node=Id("set-goal"),  # type: ignore[arg-type]
                    stem=Markdown(stem, Loc("bank.yaml", 2, 1)), explanation=Markdown("解析"), **fields)


def options(*correct: bool, rating: str | None = None) -> tuple[Option, ...]:
    return tuple(Option(text=Text(f"选项{i}"), feedback=Text("反馈"), correct=flag, rating=rating)  # type: ignore[arg-type]
                 for i, flag in enumerate(correct))


def codes(problems: list) -> list[str]:  # type: ignore[type-arg]
    return [problem.code for problem in problems]


def test_single_choice_needs_exactly_one_correct() -> None:
    assert codes(check_question(question(options=options(True, False)))) == []
    assert codes(check_question(question(options=options(True, True)))) == ["quiz-single-correct"]
    assert codes(check_question(question(options=options(False, False)))) == ["quiz-single-correct"]
    assert codes(check_question(question(options=options(True)))) == ["quiz-few-options"]


def test_multiple_choice_needs_a_correct_option() -> None:
    assert codes(check_question(question("multiple", options=options(True, True, False)))) == []
    assert codes(check_question(question("multiple", options=options(False, False)))) == ["quiz-multiple-correct"]


def test_scenario_options_all_rated_with_a_best() -> None:
    rated = tuple(Option(text=Text(r), feedback=Text("反馈"), rating=r) for r in ("best", "poor"))  # type: ignore[arg-type]
    assert codes(check_question(question("scenario", options=rated))) == []
    assert codes(check_question(question("scenario", options=options(False, False)))) == ["quiz-unrated-option"] * 2
    poor = options(False, False, rating="poor")
    assert codes(check_question(question("scenario", options=poor))) == ["quiz-no-best"]


def test_ordering_needs_three_distinct_items() -> None:
    items = tuple(Text(t) for t in ("稳", "问", "动", "传", "换"))
    assert codes(check_question(question("ordering", items=items))) == []
    assert codes(check_question(question("ordering", items=items[:2]))) == ["quiz-few-items"]
    assert codes(check_question(question("ordering", items=(*items, Text("问"))))) == ["quiz-repeated-item"]


def test_matching_pairs_are_one_to_one() -> None:
    pairs = tuple(Pair(left=Text(f"投诉{i}"), right=Text(f"处理{i}")) for i in range(3))
    assert codes(check_question(question("matching", pairs=pairs))) == []
    twice = (*pairs[:2], Pair(left=Text("投诉9"), right=Text("处理0")))
    assert codes(check_question(question("matching", pairs=twice))) == ["quiz-pairs-not-one-to-one"]
    assert codes(check_question(question("matching", pairs=pairs[:2]))) == ["quiz-few-pairs"]


def test_truefalse_and_reflection_need_their_parts() -> None:
    assert codes(check_question(question("truefalse"))) == ["quiz-missing-field"] * 3
    done = question("truefalse", answer=True, feedback_right=Text("对"), feedback_wrong=Text("错"))
    assert codes(check_question(done)) == []
    assert codes(check_question(question("reflection"))) == ["quiz-missing-field"]


def test_fields_of_another_type_are_reported_unused() -> None:
    found = check_question(question("single", options=options(True, False), items=(Text("多余"),)))
    assert codes(found) == ["quiz-unused-field"]
    assert found[0].message == "单选题“q1”用不到“items”，它会被忽略"


def test_duplicate_ids_and_stems() -> None:
    first, second = question(qid="a", stem="同一个 题干"), question(qid="a", stem="同一个题干")
    assert codes(check_unique_ids([first, second])) == ["duplicate-id"]
    assert codes(check_stems([first, second])) == ["quiz-duplicate-stem"]
    assert check_stems([first, question(qid="b", stem="另一个")]) == []


def test_pool_must_cover_the_draw(sample_course: Path) -> None:
    course = load_course(sample_course).course
    assert course is not None
    outline = build_outline(course.syllabus)
    nodes = {str(e.node.id): e for e in outline.walk()}
    questions = [question(qid=f"q{i}", stem=f"题{i}") for i in range(3)]
    quiz = QuizDefinition(id=Id("t"), kind="part", title=Text("测验"), scope=(Id("visit"),), draw=1)
    assert check_definitions([quiz], questions, nodes) == []
    bigger = QuizDefinition(id=Id("t"), kind="part", title=Text("测验"), scope=(Id("visit"),), draw=4)
    assert codes(check_definitions([bigger], questions, nodes)) == ["quiz-pool-too-small"]
    assert codes(check_definitions([bigger], [], nodes)) == ["quiz-empty-pool"]  # not written yet: a warning


def test_chapter_with_too_few_questions_warns(sample_course: Path) -> None:
    course = load_course(sample_course).course
    assert course is not None
    outline = build_outline(course.syllabus)
    found = check_chapter_pools(outline, [question(qid="a"), question(qid="b")])
    assert [(d.code, d.severity.value) for d in found] == [("quiz-chapter-few-questions", "warning")]
    assert found[0].message == "第一部分第一章“如何准备一次拜访？”只有 2 道题，章节小测至少需要 3 道"
    assert check_chapter_pools(outline, [question(qid=q) for q in "abcde"]) == []


def test_part_test_without_spare_questions_warns(sample_course: Path) -> None:
    course = load_course(sample_course).course
    assert course is not None
    nodes = build_outline(course.syllabus).by_id()
    questions = [question(qid=f"q{i}", stem=f"题{i}") for i in range(5)]
    part = QuizDefinition(id=Id("t"), kind="part", title=Text("测验"), scope=(Id("visit"),), draw=4)
    found = check_definitions([part], questions, nodes)
    assert [(d.code, d.severity.value) for d in found] == [("quiz-pool-no-spare", "warning")]
    assert (found[0].message, found[0].hint) == ("测验“t”每次抽 4 题，题池只有 5 题，重做时还是同一组题",
                                                 "至少需要 6 题，现有 5 题；再写 1 题或减少 draw")
    assert check_definitions([part], [*questions, question(qid="q5", stem="题5")], nodes) == []
    # a final is taken once: drawing the whole pool is how it is meant to work
    final = QuizDefinition(id=Id("f"), kind="final", title=Text("结业"), draw=5)
    assert check_definitions([final], questions, nodes) == []


def test_chapter_check_without_spare_questions_warns(sample_course: Path) -> None:
    course = load_course(sample_course).course
    assert course is not None
    outline = build_outline(course.syllabus)
    for count, more in ((3, 2), (4, 1)):
        found = check_chapter_pools(outline, [question(qid=f"q{i}") for i in range(count)])
        assert [(d.code, d.severity.value) for d in found] == [("quiz-check-no-spare", "warning")]
        assert found[0].message == (f"第一部分第一章“如何准备一次拜访？”的章节小测每次抽 3 题，题池只有 {count} 题，"
                                    "重做时还是同一组题")
        assert found[0].hint.startswith(f"至少需要 5 题，现有 {count} 题；再写 {more} 题")
    assert check_chapter_pools(outline, [question(qid=f"q{i}") for i in range(6)]) == []  # draws 4, two spare
