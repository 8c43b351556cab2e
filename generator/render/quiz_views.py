"""Quizzes as the pages show them: chapter checks, defined quizzes, review, and the JSON the script scores with.

Questions are written into the page twice on purpose: as Markdown (readable without JavaScript, answers
in a collapsed block; the script also borrows the rendered stems from it) and as JSON for scoring.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator import routes
from generator.locale import UI
from generator.model.course import Course
from generator.model.outline import Entry, Outline
from generator.model.quiz import Option, Question
from generator.model.quizpool import (
    CHECK_PREFIX,
    QuizPool,
    all_definitions,
    all_questions,
    chapter_quiz,
    definition_quiz,
    questions_under,
)
from generator.render.templates import embed_json

STORAGE_KEY = "cw-progress-v1"  # + ":" + course id; the record carries its version (v), read in place (progress.js)
DEFAULT_CREDIT = {"best": 100, "acceptable": 50, "poor": 0}
KIND_ORDER = ("diagnostic", "part", "final", "chapter")
JS_PREFIX = "quizjs_"  # UI keys the scripts read
PROGRESS_JS_PREFIX = "progressjs_"  # and those only 我的进度 reads (import, actions)


@dataclass(frozen=True)
class QuestionView:
    question: Question
    type_name: str
    link: str  # relative to a page one folder deep, like every chapter and quiz page
    link_label: str
    options: tuple[tuple[Option, str], ...]  # (option, mark shown in the answer block)
    shown_items: tuple[str, ...]  # ordering items and matching right-hand sides, mixed for the static list


@dataclass(frozen=True)
class QuizView:
    pool: QuizPool
    questions: tuple[QuestionView, ...]
    data: Markup
    mode: str = "quiz"

    @property
    def page(self) -> str:
        return routes.quiz_page(self.pool.id)


class QuizCatalog:
    """Every quiz of a course, ready for templates. Cheap to make (it only indexes); views are built on request."""

    def __init__(self, course: Course, outline: Outline) -> None:
        self.course = course
        self.outline = outline
        self.nodes = outline.by_id()
        self.questions = all_questions(course)
        self.storage = f"{STORAGE_KEY}:{course.syllabus.course.id}"
        self.title = str(course.syllabus.course.title)

    def chapter_check(self, entry: Entry) -> QuizView | None:
        """The check on a chapter page, or None without questions."""
        if not self.questions:
            return None
        pool = chapter_quiz(entry, self.questions, f"{UI['quiz_check']}：{entry.heading}")
        return self.view(pool) if pool.questions else None

    def defined(self) -> list[QuizView]:
        quizzes = [definition_quiz(quiz, self.questions, self.nodes) for quiz in all_definitions(self.course)]
        quizzes = [pool for pool in quizzes if pool.questions]  # reported as quiz-empty-pool
        quizzes.sort(key=self._course_order)
        return [self.view(pool) for pool in quizzes]

    def _course_order(self, pool: QuizPool) -> tuple[int, int]:
        """By kind, then by where the quiz's questions sit in the syllabus: file names say nothing about order."""
        places = {node_id: place for place, node_id in enumerate(self.nodes)}
        first = min((places.get(question.node, len(places)) for question in pool.questions), default=len(places))
        return KIND_ORDER.index(pool.kind), first

    def review(self) -> QuizView:
        pool = QuizPool("review", "review", UI["quiz_review"], self.questions, len(self.questions), 0, 0)
        return self.view(pool, mode="review")

    def view(self, pool: QuizPool, mode: str = "quiz") -> QuizView:
        questions = tuple(self._question(question) for question in pool.questions)
        data = {
            "storage": self.storage, "mode": mode, "id": pool.id, "kind": pool.kind, "title": pool.title,
            "draw": pool.draw, "seed": pool.seed, "pass": pool.pass_mark,
            "questions": [self._data(question) for question in pool.questions], "ui": script_strings(),
        }
        return QuizView(pool, questions, embed_json(data), mode)

    def progress_data(self, quizzes: Sequence[QuizView]) -> Markup:
        checked = self.chapters()
        parts = [
            {"id": part.node.id, "title": part.heading,
             "chapters": [f"{CHECK_PREFIX}{chapter.node.id}" for chapter in part.children if chapter in checked],
             "test": next((q.pool.id for q in quizzes if q.pool.kind == "part" and _covers(q, part)), None)}
            for part in self.outline.parts
        ]
        listed = [{"id": q.pool.id, "kind": q.pool.kind, "title": q.pool.title, "pass": q.pool.pass_mark}
                  for q in quizzes]
        ui = {**script_strings(), **script_strings(PROGRESS_JS_PREFIX)}
        return embed_json({"storage": self.storage, "course": self.title, "parts": parts, "quizzes": listed, "ui": ui})

    def chapters(self) -> list[Entry]:
        """Chapters whose page shows a check."""
        return [entry for entry in self.outline.chapters() if questions_under(entry, self.questions)]

    def _question(self, question: Question) -> QuestionView:
        entry = self.nodes.get(question.node)
        link, label = (_link(entry), UI["quiz_review_link"].format(heading=entry.heading)) if entry else ("", "")
        return QuestionView(question, UI[f"quiz_type_{question.type}"], link, label, _marks(question),
                            _mixed(question))

    def _data(self, question: Question) -> dict[str, Any]:
        entry = self.nodes.get(question.node)
        data: dict[str, Any] = {"id": question.id, "type": question.type, "label": UI[f"quiz_type_{question.type}"],
                                "tags": list(question.tags), "part": entry.part.id if entry else ""}
        if question.type == "truefalse":
            data["options"] = [_truefalse(question, value) for value in (True, False)]
        elif question.type == "scenario":
            data["options"] = [{"text": o.text, "feedback": o.feedback, "credit": _credit(o),
                                "rating": UI[f"quiz_rating_{o.rating}"] if o.rating else ""} for o in question.options]
        elif question.options:
            data["options"] = [{"text": o.text, "feedback": o.feedback, "credit": 100 if o.correct else 0}
                               for o in question.options]
        data.update(items=list(question.items), pairs=[[p.left, p.right] for p in question.pairs],
                    rubric=list(question.rubric))
        return data


def script_strings(prefix: str = JS_PREFIX) -> dict[str, str]:
    return {key[len(prefix):]: value for key, value in UI.items() if key.startswith(prefix)}


def _covers(quiz: QuizView, part: Entry) -> bool:
    return bool(quiz.pool.questions) and all(_part_of(q, part) for q in quiz.pool.questions)


def _part_of(question: Question, part: Entry) -> bool:
    return any(entry.node.id == question.node for entry in part.walk())


def _link(entry: Entry) -> str:
    return routes.from_folder(entry.target)


def _credit(option: Option) -> int:
    if option.credit is not None:
        return option.credit
    return DEFAULT_CREDIT.get(option.rating or "poor", 0)


def _truefalse(question: Question, value: bool) -> dict[str, Any]:
    right = value == question.answer
    feedback = question.feedback_right if right else question.feedback_wrong
    text = UI["quiz_true"] if value else UI["quiz_false"]
    return {"text": text, "feedback": feedback or "", "credit": 100 if right else 0}


def _mixed(question: Question) -> tuple[str, ...]:
    """Items in an order that does not give the answer away; seeded by the id so builds repeat."""
    values = [str(item) for item in question.items] or [str(pair.right) for pair in question.pairs]
    shown = values[1:] + values[:1]
    random.Random(str(question.id)).shuffle(shown)
    return tuple(shown)


def _marks(question: Question) -> tuple[tuple[Option, str], ...]:
    """What the answer block says about each option."""
    marks = []
    for option in question.options:
        if question.type == "scenario":
            mark = UI[f"quiz_rating_{option.rating}"] if option.rating else ""
        else:
            mark = UI["quiz_mark_right"] if option.correct else UI["quiz_mark_wrong"]
        marks.append((option, mark))
    return tuple(marks)
