"""One row of the .xlsx bank's 题目 sheet into one question, as plain data in the YAML's key order."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostic, Loc
from generator.export import sheet as layout
from generator.load.binder import ID_PATTERN
from generator.locale import message, suggest

Data = dict[str, Any]
_CHOICE = ("single", "multiple", "scenario")
_SEPARATORS = re.compile(r"[\s,，、;；/]+")


@dataclass
class Cells:
    """One row of a sheet by header, reporting at the cell it read."""

    shown: str
    sheet: str
    row: int
    values: dict[str, Any]
    letters: dict[str, str]
    problems: list[Diagnostic] = field(default_factory=list)

    def loc(self, header: str) -> Loc:
        return Loc(f"{self.shown}:{self.sheet}!{self.letters.get(header, 'A')}{self.row}")

    def error(self, header: str, code: str, **values: object) -> None:
        text, hint = message(code, column=header, **values)
        self.problems.append(Diagnostic(self.loc(header), code, text, hint))

    def text(self, header: str) -> str | None:
        """The cell as text (numbers as written: 3, not 3.0); blank cells are None."""
        value = self.values.get(header)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return value if isinstance(value, str) else str(value)

    def required(self, header: str) -> str:
        value = self.text(header)
        if value is None:
            self.error(header, "bank-blank-cell")
        return value or ""

    def number(self, header: str, low: int, high: int) -> int | None:
        value = self.values.get(header)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        number = _integer(value)
        if number is None or not low <= number <= high:
            self.error(header, "bank-not-number", value=value, low=low, high=high)
        return number


def _integer(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+(\.0*)?\s*", value):
        return int(float(value))
    return None




def bank_id(cells: Cells, header: str) -> str | None:
    bank = cells.required(header).strip()
    if bank and not ID_PATTERN.match(bank):
        cells.error(header, "bank-bad-id", value=bank)
        return None
    return bank or None


def split_list(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(layout.LIST_SEPARATOR) if part.strip()]


def read_question(cells: Cells) -> tuple[str | None, Data]:
    """The bank id and the question; problems go to cells.problems, each at its cell."""
    bank = bank_id(cells, "题库")
    kind = _type(cells)
    qid = (cells.text("题目ID") or f"{bank or 'bank'}-{cells.row}").strip()
    if not ID_PATTERN.match(qid):
        cells.error("题目ID", "bank-bad-id", value=qid)
    question: Data = {"id": qid, "type": kind or "single", "node": cells.required("大纲节点").strip(),
                      "difficulty": _difficulty(cells)}
    if tags := split_list(cells.text("标签")):
        question["tags"] = tags
    if (situation := cells.text("情境")) is not None:
        question["situation"] = situation
    question["stem"] = cells.required("题干")
    _score(cells)  # exam systems need it; courseware weighs questions alike
    if kind is not None:
        question |= _BODIES[kind](cells, _options(cells), kind)
    question["explanation"] = cells.required("解析")
    return bank, question


def _score(cells: Cells) -> None:
    """Any number of points (exam systems use 0.5 too); text such as “两分” is an error."""
    value = cells.values.get("分值")
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return
    try:
        float(str(value).strip())
    except ValueError:
        if str(value).strip():
            cells.error("分值", "bank-score", value=value)


def _type(cells: Cells) -> str | None:
    word = (cells.text("题型") or "").strip()
    name = layout.TYPE_OF.get(word) or layout.TYPE_OF.get(word + "题")
    if name is None and word in layout.TYPES:
        name = word
    if name is None:
        if not word:
            cells.error("题型", "bank-blank-cell")
        else:
            cells.error("题型", "bank-unknown-type", value=word,
                        suggestion=suggest(word, layout.TYPE_OF, "question_types"))
    return name


def _difficulty(cells: Cells) -> int:
    word = (cells.text("难度") or "").strip()
    if not word:
        return 2
    level = layout.DIFFICULTY_OF.get(word) or (int(word) if word in ("1", "2", "3") else None)
    if level is None:
        cells.error("难度", "bank-difficulty", value=word)
    return level or 2


def _options(cells: Cells) -> list[str]:
    """The letters that have an option, in order; a blank between two options is an error."""
    letters = [letter for letter in layout.SLOTS if cells.text(f"选项{letter}") is not None]
    if letters and letters != list(layout.SLOTS[: len(letters)]):
        gap = next(letter for letter in layout.SLOTS if letter not in letters)
        cells.error(f"选项{gap}", "bank-option-gap", letter=gap)
    return letters


def _letters(cells: Cells, options: list[str]) -> list[str]:
    """The 答案 cell as letters (A、C, a c, AC all read as A C); letters without an option are errors."""
    raw = cells.text("答案")
    if raw is None:
        cells.error("答案", "bank-blank-cell")
        return []
    letters = list(_SEPARATORS.sub("", unicodedata.normalize("NFKC", raw)).upper())  # full-width Ａ reads as A
    wrong = [letter for letter in letters if letter not in options]
    if wrong:
        shown = f"A–{options[-1]}" if options else "—"
        cells.error("答案", "bank-answer-letter", value="".join(wrong), options=shown)
    return [letter for letter in letters if letter in options]


def _choice(cells: Cells, options: list[str], kind: str) -> Data:
    if len(options) < 2:
        cells.error("选项A" if not options else "选项B", "bank-few-options", count=len(options))
    answer = _letters(cells, options)
    if kind == "single" and len(answer) > 1:
        cells.error("答案", "bank-single-answer", value="".join(answer))
    result = []
    for letter in options:
        option: Data = {"text": cells.text(f"选项{letter}") or ""}
        if kind == "scenario":
            option |= _rating(cells, letter, letter in answer)
        elif letter in answer:
            option["correct"] = True
        option["feedback"] = cells.text(f"反馈{letter}") or ""
        result.append(option)
    return {"options": result}


def _rating(cells: Cells, letter: str, best: bool) -> Data:
    word = (cells.text(f"评级{letter}") or "").strip()
    rating = layout.RATING_OF.get(word) or (word if word in layout.RATINGS else None)
    if rating is None and word:
        cells.error(f"评级{letter}", "bank-rating", value=word)
    found: Data = {"rating": rating or ("best" if best else "poor")}
    if (credit := cells.number(f"得分{letter}", 0, 100)) is not None:
        found["credit"] = credit
    return found


def _truefalse(cells: Cells, options: list[str], kind: str) -> Data:
    word = (cells.text("答案") or "").strip().upper()
    found: Data = {}
    if word in layout.TRUE_WORDS or word in layout.FALSE_WORDS:
        found["answer"] = word in layout.TRUE_WORDS
    else:
        cells.error("答案", "bank-truefalse-answer", value=cells.text("答案") or "")
    for header, key in (("答对反馈", "feedback_right"), ("答错反馈", "feedback_wrong")):
        if (text := cells.text(header)) is not None:
            found[key] = text
    return found


def _ordering(cells: Cells, options: list[str], kind: str) -> Data:
    order = _letters(cells, options)
    if order and sorted(order) != sorted(options):
        cells.error("答案", "bank-ordering-answer", value="".join(order), count=len(options))
    return {"items": [cells.text(f"选项{letter}") or "" for letter in order]}


def _matching(cells: Cells, options: list[str], kind: str) -> Data:
    pairs = []
    for letter in options:
        right = cells.text(f"配对{letter}")
        if right is None:
            cells.error(f"配对{letter}", "bank-blank-cell")
        pairs.append({"left": cells.text(f"选项{letter}") or "", "right": right or ""})
    return {"pairs": pairs}


def _reflection(cells: Cells, options: list[str], kind: str) -> Data:
    found: Data = {}
    if (model := cells.text("答案")) is not None:
        found["model_answer"] = model
    if rubric := [line for line in (cells.text("自评标准") or "").split("\n") if line.strip()]:
        found["rubric"] = rubric
    return found


_BODIES = {"single": _choice, "multiple": _choice, "scenario": _choice, "truefalse": _truefalse,
           "ordering": _ordering, "matching": _matching, "reflection": _reflection}
