"""Which questions a quiz draws from: shared by the validator (pool sizes) and the renderer (pages)."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.model.course import Course
from generator.model.outline import Entry
from generator.model.quiz import Question, QuizDefinition

CHECK_MIN = 3  # a chapter check shows 3–5 questions
CHECK_MAX = 5
SPARE = 2  # questions a retake can bring in: a pool of exactly `draw` gives the same test reshuffled
CHECK_PREFIX = "check-"  # progress key of a chapter's implicit check: check-<chapter-id>
RESERVED_IDS = ("index", "progress", "review")  # page names under quizzes/


@dataclass(frozen=True)
class QuizPool:
    """A quiz as the browser runs it: what to draw from, how many, with which seed."""

    id: str
    kind: str
    title: str
    questions: tuple[Question, ...]
    draw: int
    pass_mark: int
    seed: int


def all_questions(course: Course) -> tuple[Question, ...]:
    """Every question in bank-file order, then in the order written."""
    return tuple(question for bank in course.banks for question in bank.questions)


def all_definitions(course: Course) -> tuple[QuizDefinition, ...]:
    return tuple(quiz for bank in course.banks for quiz in bank.quizzes)


def questions_under(entry: Entry, questions: Iterable[Question]) -> tuple[Question, ...]:
    """Questions whose node is the entry or lies beneath it."""
    ids = {str(node.node.id) for node in entry.walk()}
    return tuple(question for question in questions if question.node in ids)


def definition_pool(
    quiz: QuizDefinition, questions: Sequence[Question], nodes: dict[str, Entry]
) -> tuple[Question, ...]:
    """Explicit question ids win; else every node in scope; else the whole course."""
    if quiz.questions:
        by_id = {str(question.id): question for question in questions}
        return tuple(by_id[qid] for qid in quiz.questions if qid in by_id)
    if not quiz.scope:
        return tuple(questions)
    ids: set[str] = set()
    for node_id in quiz.scope:
        if node_id in nodes:
            ids |= {str(node.node.id) for node in nodes[node_id].walk()}
    return tuple(question for question in questions if question.node in ids)


def definition_quiz(quiz: QuizDefinition, questions: Sequence[Question], nodes: dict[str, Entry]) -> QuizPool:
    pool = definition_pool(quiz, questions, nodes)
    draw = min(quiz.draw or len(pool), len(pool))
    return QuizPool(str(quiz.id), str(quiz.kind), str(quiz.title), pool, draw, quiz.pass_mark, quiz.seed)


def chapter_quiz(entry: Entry, questions: Sequence[Question], title: str) -> QuizPool:
    """The implicit check on a chapter page; its seed comes from the chapter id so builds repeat."""
    pool = questions_under(entry, questions)
    seed = zlib.crc32(str(entry.node.id).encode("utf-8")) % 100_000
    return QuizPool(CHECK_PREFIX + str(entry.node.id), "chapter", title, pool, check_draw(len(pool)), 60, seed)


def check_draw(size: int) -> int:
    """How many a chapter check shows: 3–5, leaving SPARE in the pool for a retake once the pool allows it."""
    return min(CHECK_MAX, max(min(CHECK_MIN, size), size - SPARE))
