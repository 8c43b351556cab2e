"""Moodle XML export read back with ElementTree and checked against what Moodle's importer expects."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.export import moodle
from generator.export.common import credit, scenario_text
from generator.model.quiz import Question, QuestionBank
from tests.bank_samples import RESERVED, bundled_course, odd_bank

MOODLE_TYPES = {"single": "multichoice", "multiple": "multichoice", "scenario": "multichoice",
                "truefalse": "truefalse", "matching": "matching", "ordering": "ordering", "reflection": "essay"}
ALLOWED = {round(value, 5) for value in moodle.FRACTIONS} | {-round(value, 5) for value in moodle.FRACTIONS}


def _banks() -> list[QuestionBank]:
    return [bank for bank in bundled_course().banks if bank.questions] + [odd_bank()]


def _questions(bank: QuestionBank) -> list[ET.Element]:
    data, _ = moodle.write_bank(bank)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    root = ET.fromstring(data)
    category, *questions = root.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text") == f"$course$/top/{bank.title}"
    return questions


def _fractions(element: ET.Element) -> list[float]:
    return [float(answer.get("fraction", "nan")) for answer in element.findall("answer")]


def _check_choice(question: Question, element: ET.Element) -> None:
    fractions = _fractions(element)
    assert len(fractions) == len(question.options)
    assert all(round(value, 5) in ALLOWED for value in fractions), fractions
    assert [a.findtext("text") for a in element.findall("answer")] == [o.text for o in question.options]
    assert [a.findtext("feedback/text") for a in element.findall("answer")] == [o.feedback for o in question.options]
    if question.type == "multiple":
        assert element.findtext("single") == "false"
        assert sum(value for value in fractions if value > 0) == pytest.approx(100, abs=0.001)
        assert sum(1 for value in fractions if value < 0) == sum(1 for o in question.options if not o.correct)
    else:
        assert element.findtext("single") == "true"
        assert max(fractions) == 100
    if question.type == "scenario":
        assert fractions == [moodle.nearest_fraction(credit(option)) for option in question.options]


def _check(question: Question, element: ET.Element) -> None:
    assert element.get("type") == MOODLE_TYPES[question.type]
    assert element.findtext("name/text") == question.id == element.findtext("idnumber")
    assert element.find("questiontext").get("format") == "markdown"  # type: ignore[union-attr]
    assert element.findtext("questiontext/text") == scenario_text(question)
    assert element.findtext("generalfeedback/text") == question.explanation
    assert [tag.findtext("text") for tag in element.findall("tags/tag")][:-1] == list(question.tags)
    if question.type not in ("truefalse", "reflection"):
        assert element.findtext("shownumcorrect") == "1" and element.find("incorrectfeedback/text") is not None
    if question.type in ("single", "multiple", "scenario"):
        assert element.findtext("answernumbering") in ("abc", "ABCD", "123", "iii", "IIII", "none")
        _check_choice(question, element)
    elif question.type == "truefalse":
        answers = {a.findtext("text"): a for a in element.findall("answer")}
        right, wrong = answers[str(question.answer).lower()], answers[str(not question.answer).lower()]
        assert (right.get("fraction"), wrong.get("fraction")) == ("100", "0")
        assert right.findtext("feedback/text") == question.feedback_right
        assert wrong.findtext("feedback/text") == question.feedback_wrong
    elif question.type == "matching":
        subs = element.findall("subquestion")
        assert [(s.findtext("text"), s.findtext("answer/text")) for s in subs] == [
            (pair.left, pair.right) for pair in question.pairs]
        assert len(subs) >= 2
    elif question.type == "ordering":
        assert [a.findtext("text") for a in element.findall("answer")] == list(question.items)
        assert _fractions(element) == list(range(1, len(question.items) + 1))
    else:
        info = element.findtext("graderinfo/text") or ""
        assert question.model_answer and question.model_answer.rstrip() in info
        assert all(line in info for line in question.rubric)


def test_every_question_maps_to_a_moodle_type_with_its_answers_and_feedback() -> None:
    checked: dict[str, int] = {}
    for bank in _banks():
        elements = _questions(bank)
        assert len(elements) == len(bank.questions)
        for question, element in zip(bank.questions, elements, strict=True):
            _check(question, element)
            checked[question.type] = checked.get(question.type, 0) + 1
    assert set(checked) == set(MOODLE_TYPES)
    assert sum(checked.values()) == 191 + 7


def test_odd_values_survive_escaping_and_unlisted_credits_are_reported() -> None:
    bank = odd_bank()
    elements = {e.findtext("name/text"): e for e in _questions(bank)}
    assert elements["odd-single"].findtext("generalfeedback/text") == RESERVED
    assert "\n\n第二段" in (elements["odd-single"].findtext("questiontext/text") or "")
    assert _fractions(elements["odd-multiple"]) == [33.33333] * 3 + [-33.33333] * 4
    assert _fractions(elements["odd-scenario"]) == [100, 40, 0]  # 45 is not a grade Moodle accepts
    _, gaps = moodle.write_bank(bank)
    assert [(g.question, "45" in g.reason and "40" in g.reason) for g in gaps if "45" in g.reason] == [
        ("odd-scenario", True)]


def test_the_same_bank_gives_the_same_bytes() -> None:
    bank = odd_bank()
    assert moodle.write_bank(bank)[0] == moodle.write_bank(bank)[0]


@pytest.mark.parametrize(("wanted", "used"), [(100, 100), (45, 40), (-25, -25), (33.3333333, 33.33333), (2, 0)])
def test_nearest_fraction(wanted: float, used: float) -> None:
    assert moodle.nearest_fraction(wanted) == used
