"""Learners' exported progress files (CONTRACT.md, v1 and v2) for the class report, and the figures expected
of them, computed here from the files and the bank, apart from the page's script.

Thirty learners, not the samples: v1 files (no name, no picked, no actions), blank names, a long Chinese name,
two learners of the same name, a name a spreadsheet would run as a formula, a learner with no attempts,
multiple-choice answers picking several options, and two questions whose wrong answers tie.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.load.course import load_course
from generator.locale import UI
from generator.model.quiz import Question
from generator.model.quizpool import CHECK_PREFIX, all_definitions, all_questions
from generator.render.quiz_views import STORAGE_KEY

LEARNERS = 30
DAY = 20427
# index = learner number % 10; learners 0 and 5 (mod 10) write v1 files, which carry no name
NAMES = ("", "李四", "王芳", "=1+1", "欧阳明月" * 10, "", " ", "赵六", "王芳", "孙八")


@dataclass(frozen=True)
class Bank:
    storage: str
    questions: tuple[Question, ...]
    quizzes: dict[str, str]  # quiz id -> kind
    chapters: tuple[str, ...]  # check ids
    parts: int

    def choice(self) -> list[Question]:
        return [q for q in self.questions if q.type == "single" and len(q.options) >= 3]


def load_bank(course_root: Path) -> Bank:
    course = load_course(course_root).course
    assert course is not None
    quizzes = {str(q.id): str(q.kind) for q in all_definitions(course)}
    chapters = tuple(CHECK_PREFIX + str(c.id) for part in course.syllabus.parts for c in part.chapters)
    return Bank(f"{STORAGE_KEY}:{course.syllabus.course.id}", all_questions(course), quizzes, chapters,
                len(course.syllabus.parts))


def right_indices(question: Question) -> list[int]:
    if question.type == "truefalse":
        return [0 if question.answer else 1]
    if question.type == "scenario":
        return [i for i, o in enumerate(question.options) if o.rating == "best"]
    return [i for i, o in enumerate(question.options) if o.correct]


def wrong_indices(question: Question) -> list[int]:
    count = 2 if question.type == "truefalse" else len(question.options)
    return [i for i in range(count) if i not in right_indices(question)]


def _item(question: Question, rng: random.Random, v: int, forced: int | None) -> dict[str, Any]:
    wrong = wrong_indices(question)
    right = forced in right_indices(question) if forced is not None else not wrong or rng.random() < 0.55
    item: dict[str, Any] = {"part": "", "tags": list(question.tags), "last": 1 if right else rng.choice([0, 0.5]),
                            "best": 1, "box": 1, "due": DAY + 1}
    if v == 2 and (question.options or question.type == "truefalse"):
        picked = right_indices(question) if right else [forced if forced is not None else rng.choice(wrong)]
        if question.type == "multiple" and not right and len(wrong) > 1:
            picked = sorted({*picked, rng.choice(wrong)})  # several options, several of them wrong
        item["picked"] = picked
    return item


def learner_file(bank: Bank, n: int, tied: tuple[Question, Question]) -> dict[str, Any]:
    rng = random.Random(n)
    v = 1 if n % 5 == 0 else 2
    data: dict[str, Any] = {"v": v, "attempts": {}, "items": {}}
    if n == LEARNERS - 1:  # exported before answering anything
        return {**data, "v": 2, "course": bank.storage, "learner": {"name": "未答题的学员", "id": "S999"}}
    for quiz, kind in bank.quizzes.items():
        if kind in ("diagnostic", "final", "part") and rng.random() < 0.7:
            score = rng.choice([0, 33, 50, 67, 67, 80, 100])
            data["attempts"][quiz] = {"kind": kind, "n": 1, "last": score, "best": score, "day": DAY}
    for check in bank.chapters:
        if rng.random() < 0.6:
            data["attempts"][check] = {"kind": "chapter", "n": 1, "last": 100, "best": 100, "day": DAY}
    first, second = tied
    for question in bank.questions:
        forced = _forced(question, n, first, second)
        if forced is not None or question in (first, second) or rng.random() < 0.5:
            data["items"][str(question.id)] = _item(question, rng, v, forced)
    if v == 2:
        data.update(course=bank.storage, learner={"name": NAMES[n % len(NAMES)], "id": f"S{n:03d}" if n % 7 else ""},
                    exported=DAY + 3, read={}, actions={f"ch{i}#0": DAY for i in range(n % 4)})
    return data


def _forced(question: Question, n: int, first: Question, second: Question) -> int | None:
    """Every learner but the last answers both; the first's wrong picks tie 7 to 7 over two options."""
    if question is first:
        return right_indices(question)[0] if n % 3 == 0 or n == LEARNERS - 2 else wrong_indices(question)[n % 2]
    if question is second:
        return right_indices(question)[0] if n % 4 == 0 else wrong_indices(question)[0 if n % 4 in (1, 2) else 1]
    return None


def write_files(bank: Bank, folder: Path) -> tuple[list[Path], list[Path]]:
    """Thirty learners' files and two corrupt ones (truncated JSON, another course's export)."""
    first, second = bank.choice()[:2]
    good = []
    for n in range(LEARNERS):
        path = folder / f"learner-{n + 1:02d}.json"
        path.write_text(json.dumps(learner_file(bank, n, (first, second)), ensure_ascii=False), encoding="utf-8")
        good.append(path)
    broken, other = folder / "截断的文件.json", folder / "other-course.json"
    broken.write_text(good[1].read_text(encoding="utf-8")[:200], encoding="utf-8")
    other.write_text(json.dumps({"v": 2, "course": "cw-progress-v1:another", "attempts": {}, "items": {}}),
                     encoding="utf-8")
    return good, [broken, other]


def miss_rate(files: list[Path], question: str) -> tuple[int, int]:
    """(answered, missed) for a question over the files."""
    lasts = [item["last"] for item in _items(files, question)]
    return len(lasts), sum(1 for last in lasts if last < 1)


def most_wrong(files: list[Path], question: Question) -> str:
    """The cell the page should show: the most picked wrong option(s), ties all named in source order."""
    texts = [str(o.text) for o in question.options]
    if question.type == "truefalse":
        texts = [UI["quiz_true"], UI["quiz_false"]]
    counts = Counter(i for item in _items(files, str(question.id)) for i in set(item.get("picked", []))
                     if i in wrong_indices(question))
    if not counts:
        return "—"
    top = max(counts.values())
    return " / ".join(f"{texts[i]}（{top} 人）" for i in sorted(counts) if counts[i] == top)


def _items(files: list[Path], question: str) -> list[dict[str, Any]]:
    found = []
    for path in files:
        item = json.loads(path.read_text(encoding="utf-8")).get("items", {}).get(question)
        if isinstance(item, dict) and isinstance(item.get("last"), (int, float)):
            found.append(item)
    return found
