"""Question banks: each item is answerable as written, linked to the outline, and every pool is big enough."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from generator.diagnostics import Diagnostic
from generator.locale import ui
from generator.model.course import Course
from generator.model.outline import Entry, Outline
from generator.model.quiz import Question, QuizDefinition
from generator.model.quizpool import (
    CHECK_MIN,
    RESERVED_IDS,
    SPARE,
    all_definitions,
    all_questions,
    check_draw,
    definition_pool,
    questions_under,
)
from generator.model.text import Text
from generator.validate.report import duplicates, error, unknown, warning

# Which optional fields each type reads; the rest are reported as unused.
TYPE_FIELDS: dict[str, tuple[str, ...]] = {
    "single": ("options",),
    "multiple": ("options",),
    "truefalse": ("answer", "feedback_right", "feedback_wrong"),
    "ordering": ("items",),
    "matching": ("pairs",),
    "scenario": ("situation", "options"),
    "reflection": ("model_answer", "rubric"),
}
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "truefalse": ("answer", "feedback_right", "feedback_wrong"),
    "reflection": ("model_answer",),
}
TYPED_FIELDS = sorted({name for names in TYPE_FIELDS.values() for name in names})
MIN_OPTIONS = 2
ONCE = ("diagnostic", "final")  # quiz kinds a course has at most one of
MIN_ITEMS = 3
NO_SPARE = ("quiz-check-no-spare", "quiz-pool-no-spare")
RETAKEN = ("part",)  # defined quiz kinds a learner retakes for practice; a diagnostic and a final are taken once


def check_quizzes(course: Course, outline: Outline) -> list[Diagnostic]:
    questions = all_questions(course)
    nodes = outline.by_id()
    problems: list[Diagnostic] = []
    for question in questions:
        problems += check_question(question)
        if question.node not in nodes:
            problems.append(unknown(question.node, "outline_node", nodes))
    problems += check_unique_ids(questions)
    problems += duplicates(bank.bank for bank in course.banks)  # two banks with one id: one would shadow the other
    problems += check_stems(questions)
    problems += check_definitions(all_definitions(course), questions, nodes)
    if questions:  # a course without banks has no checks to warn about
        problems += check_chapter_pools(outline, questions)
    if any(question.node not in nodes for question in questions):  # pools counted without it: fix the node first
        problems = [problem for problem in problems if problem.code not in NO_SPARE]
    return problems


def check_question(question: Question) -> list[Diagnostic]:
    """Type rules for one question: required parts present, answers well-formed, nothing ignored."""
    kind = str(question.type)
    problems = _fields(question, kind)
    if kind in ("single", "multiple", "scenario"):
        problems += _options(question, kind)
    elif kind == "ordering":
        problems += _ordering(question)
    elif kind == "matching":
        problems += _matching(question)
    return problems


def _fields(question: Question, kind: str) -> list[Diagnostic]:
    problems = []
    name = _type_name(kind)
    for key in REQUIRED_FIELDS.get(kind, ()):
        if getattr(question, key) is None:
            problems.append(error(question.loc, "quiz-missing-field", type=name, id=question.id, key=key))
    for key in TYPED_FIELDS:
        if key not in TYPE_FIELDS[kind] and getattr(question, key) not in (None, ()):
            loc = question.locs.get(key, question.loc)
            problems.append(warning(loc, "quiz-unused-field", type=name, id=question.id, key=key))
    return problems


def _options(question: Question, kind: str) -> list[Diagnostic]:
    name, options = _type_name(kind), question.options
    where = question.locs.get("options", question.loc)
    if len(options) < MIN_OPTIONS:
        return [error(where, "quiz-few-options", type=name, id=question.id, count=len(options), least=MIN_OPTIONS)]
    correct = sum(1 for option in options if option.correct)
    if kind == "single" and correct != 1:
        return [error(where, "quiz-single-correct", id=question.id, count=correct)]
    if kind == "multiple" and correct == 0:
        return [error(where, "quiz-multiple-correct", id=question.id)]
    if kind != "scenario":
        return [
            warning(option.locs.get(key, option.loc), "quiz-unused-field", type=name, id=question.id, key=key)
            for option in options
            for key in ("rating", "credit")
            if getattr(option, key) is not None
        ]
    problems = [error(option.loc, "quiz-unrated-option", id=question.id) for option in options if not option.rating]
    if not problems and not any(option.rating == "best" for option in options):
        problems.append(error(where, "quiz-no-best", id=question.id))
    return problems


def _ordering(question: Question) -> list[Diagnostic]:
    where = question.locs.get("items", question.loc)
    if len(question.items) < MIN_ITEMS:
        return [error(where, "quiz-few-items", id=question.id, count=len(question.items), least=MIN_ITEMS)]
    return [error(item.loc, "quiz-repeated-item", id=question.id, value=item) for item in _repeats(question.items)]


def _matching(question: Question) -> list[Diagnostic]:
    where = question.locs.get("pairs", question.loc)
    if len(question.pairs) < MIN_ITEMS:
        return [error(where, "quiz-few-pairs", id=question.id, count=len(question.pairs), least=MIN_ITEMS)]
    sides = [pair.left for pair in question.pairs], [pair.right for pair in question.pairs]
    return [
        error(value.loc, "quiz-pairs-not-one-to-one", id=question.id, value=value)
        for side in sides
        for value in _repeats(side)
    ]


def _repeats(values: Iterable[Text]) -> list[Text]:
    seen: set[str] = set()
    repeats = []
    for value in values:
        key = " ".join(value.split())
        if key in seen:
            repeats.append(value)
        seen.add(key)
    return repeats


def check_unique_ids(questions: Sequence[Question]) -> list[Diagnostic]:
    return duplicates(question.id for question in questions)


def check_stems(questions: Sequence[Question]) -> list[Diagnostic]:
    """The same stem twice is one question counted twice, or a copy left unedited."""
    seen: dict[str, Question] = {}
    problems = []
    for question in questions:
        key = "".join(question.stem.split())
        first = seen.setdefault(key, question)
        if first is not question:
            problems.append(error(question.stem.loc, "quiz-duplicate-stem", other=first.id, first=first.stem.loc))
    return problems


def check_definitions(
    quizzes: Sequence[QuizDefinition], questions: Sequence[Question], nodes: dict[str, Entry]
) -> list[Diagnostic]:
    problems: list[Diagnostic] = _once_per_course(quizzes)
    seen: dict[str, QuizDefinition] = {}
    known = {str(question.id) for question in questions}
    for quiz in quizzes:
        first = seen.setdefault(str(quiz.id), quiz)
        if first is not quiz:
            problems.append(error(quiz.id.loc, "duplicate-id", value=quiz.id, first=first.id.loc))
        if quiz.id in RESERVED_IDS:
            problems.append(error(quiz.id.loc, "quiz-reserved-id", value=quiz.id))
        refs = _definition_refs(quiz, known, nodes)
        problems += refs
        pool = definition_pool(quiz, questions, nodes)
        if refs:  # a bad reference explains a small pool
            continue
        if not pool:  # questions not written yet: like a missing chapter, the course still builds
            problems.append(warning(quiz.loc, "quiz-empty-pool", id=quiz.id))
        elif quiz.draw is not None and quiz.draw > len(pool):
            loc = quiz.locs.get("draw", quiz.loc)
            problems.append(error(loc, "quiz-pool-too-small", id=quiz.id, draw=quiz.draw, pool=len(pool)))
        elif quiz.kind in RETAKEN and quiz.draw is not None and len(pool) < quiz.draw + SPARE:
            loc = quiz.locs.get("draw", quiz.loc)
            problems.append(warning(loc, "quiz-pool-no-spare", id=quiz.id, draw=quiz.draw, pool=len(pool),
                                    least=quiz.draw + SPARE, more=quiz.draw + SPARE - len(pool)))
    return problems


def _once_per_course(quizzes: Sequence[QuizDefinition]) -> list[Diagnostic]:
    """One diagnostic and one final: the progress page compares the two, a second of either has no place."""
    first: dict[str, QuizDefinition] = {}
    problems = []
    for quiz in quizzes:
        if quiz.kind in ONCE and first.setdefault(quiz.kind, quiz) is not quiz:
            loc = quiz.locs.get("kind", quiz.loc)
            problems.append(error(loc, "quiz-kind-twice", kind=quiz.kind, id=quiz.id, first=first[quiz.kind].id,
                                  where=first[quiz.kind].loc))
    return problems


def _definition_refs(quiz: QuizDefinition, known: set[str], nodes: dict[str, Entry]) -> list[Diagnostic]:
    problems = [unknown(node_id, "outline_node", nodes) for node_id in quiz.scope if node_id not in nodes]
    problems += [unknown(qid, "question", known) for qid in quiz.questions if qid not in known]
    if quiz.scope and quiz.questions:
        problems.append(error(quiz.locs.get("questions", quiz.loc), "quiz-scope-and-questions", id=quiz.id))
    return problems


def check_chapter_pools(outline: Outline, questions: Sequence[Question]) -> list[Diagnostic]:
    """Every chapter page shows a check of at least three questions, with SPARE more so a retake differs."""
    problems = []
    chapters = [str(entry.node.id) for entry in outline.chapters()]
    for entry in outline.chapters():
        if chapters.count(entry.node.id) > 1:  # a repeated id is reported already
            continue
        count = len(questions_under(entry, questions))
        least = check_draw(count) + SPARE
        if count < CHECK_MIN:
            problems.append(warning(entry.node.id.loc, "quiz-chapter-few-questions", label=entry.full_label,
                                    title=entry.title, count=count, least=CHECK_MIN))
        elif count < least:
            problems.append(warning(entry.node.id.loc, "quiz-check-no-spare", label=entry.full_label,
                                    title=entry.title, draw=check_draw(count), count=count, least=least,
                                    more=least - count))
    return problems


def _type_name(kind: str) -> str:
    return ui(f"quiz_type_{kind}")

