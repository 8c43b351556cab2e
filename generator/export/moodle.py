"""Moodle XML: one file per bank, every courseware question type mapped to a core Moodle type.

single/multiple/scenario -> multichoice (partial credit as the site scores it), truefalse -> truefalse,
matching -> matching, ordering -> ordering (core since Moodle 4.4, a plugin before), reflection -> essay.
Markdown fields keep format="markdown" so the text arrives as written; plain texts are plain_text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from generator.export.common import Gap, credit, gap, scenario_text
from generator.locale import zh
from generator.model.quiz import Option, Question, QuestionBank

FORMAT = "Moodle XML"
# Moodle refuses an answer grade outside this list when importing (question/format.php, matchgrades)
FRACTIONS = (100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0, 33.33333, 30.0, 25.0, 20.0,
             16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0, 0.0)


def write_bank(bank: QuestionBank) -> tuple[bytes, list[Gap]]:
    root = ET.Element("quiz")
    root.append(_category(str(bank.title)))
    gaps: list[Gap] = []
    for question in bank.questions:
        element, found = _BUILDERS[question.type](question)
        _common(element, question)
        root.append(element)
        gaps += found
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8"), gaps


def fraction_text(value: float) -> str:
    """Moodle's own spelling of a grade: 33.33333, 50, -25."""
    return f"{value:.7f}".rstrip("0").rstrip(".")


def nearest_fraction(percent: float) -> float:
    sign = -1.0 if percent < 0 else 1.0
    return sign * min(FRACTIONS, key=lambda allowed: (abs(allowed - abs(percent)), allowed))


def _category(title: str) -> ET.Element:
    element = ET.Element("question", type="category")
    _text(ET.SubElement(element, "category"), f"$course$/top/{title}")
    return element


def _text(parent: ET.Element, value: str, fmt: str | None = None) -> ET.Element:
    if fmt:
        parent.set("format", fmt)
    ET.SubElement(parent, "text").text = value
    return parent


def _start(question: Question, kind: str, text: str) -> ET.Element:
    element = ET.Element("question", type=kind)
    _text(ET.SubElement(element, "name"), str(question.id))
    _text(ET.SubElement(element, "questiontext"), text, "markdown")
    _text(ET.SubElement(element, "generalfeedback"), str(question.explanation), "markdown")
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = str(question.id)
    return element


def _common(element: ET.Element, question: Question) -> None:
    """Tags last, as Moodle writes them: skill tags plus the difficulty, so a quiz can filter on both."""
    tags = ET.SubElement(element, "tags")
    for tag in (*question.tags, zh.EXPORT["difficulty_tag"].format(level=question.difficulty)):
        _text(ET.SubElement(tags, "tag"), str(tag))


def _combined(element: ET.Element) -> None:
    """The per-outcome feedback Moodle keeps for choice, matching and ordering questions: written empty (each
    option carries its own feedback) and shownumcorrect set, so the importer infers nothing."""
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(ET.SubElement(element, tag), "", "html")
    ET.SubElement(element, "shownumcorrect").text = "1"


def _answer(parent: ET.Element, fraction: float, text: str, feedback: str, fmt: str = "plain_text") -> None:
    answer = _text(ET.SubElement(parent, "answer", fraction=fraction_text(fraction)), text, fmt)
    _text(ET.SubElement(answer, "feedback"), feedback, fmt)


def _choice(question: Question) -> tuple[ET.Element, list[Gap]]:
    single = question.type != "multiple"
    element = _start(question, "multichoice", scenario_text(question))
    ET.SubElement(element, "single").text = "true" if single else "false"
    ET.SubElement(element, "shuffleanswers").text = "true"
    ET.SubElement(element, "answernumbering").text = "ABCD"
    _combined(element)
    gaps: list[Gap] = []
    for option, fraction in option_fractions(question, FORMAT, gaps):
        _answer(element, fraction, str(option.text), str(option.feedback))
    return element, gaps


def _truefalse(question: Question) -> tuple[ET.Element, list[Gap]]:
    element = _start(question, "truefalse", str(question.stem))
    for value in (True, False):  # Moodle shows an answer's feedback to whoever chose that answer
        right = value == question.answer
        feedback = question.feedback_right if right else question.feedback_wrong
        _answer(element, 100 if right else 0, "true" if value else "false", str(feedback or ""), "moodle_auto_format")
    return element, []


def _matching(question: Question) -> tuple[ET.Element, list[Gap]]:
    element = _start(question, "matching", str(question.stem))
    ET.SubElement(element, "shuffleanswers").text = "true"
    _combined(element)
    for pair in question.pairs:
        sub = _text(ET.SubElement(element, "subquestion"), str(pair.left), "plain_text")
        _text(ET.SubElement(sub, "answer"), str(pair.right))
    return element, []


def _ordering(question: Question) -> tuple[ET.Element, list[Gap]]:
    element = _start(question, "ordering", str(question.stem))
    for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                       ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW"), ("numberingstyle", "none")):
        ET.SubElement(element, tag).text = value
    _combined(element)
    for position, item in enumerate(question.items, start=1):  # the fraction of an ordering answer is its place
        _text(ET.SubElement(element, "answer", fraction=str(position)), str(item), "plain_text")
    return element, [gap(question, FORMAT, "gap_ordering_version")]


def _essay(question: Question) -> tuple[ET.Element, list[Gap]]:
    element = _start(question, "essay", str(question.stem))
    for tag, value in (("responseformat", "editor"), ("responserequired", "1"), ("responsefieldlines", "10"),
                       ("attachments", "0"), ("attachmentsrequired", "0")):
        ET.SubElement(element, tag).text = value
    _text(ET.SubElement(element, "graderinfo"), grader_info(question), "markdown")
    _text(ET.SubElement(element, "responsetemplate"), "", "plain_text")
    return element, []


def grader_info(question: Question) -> str:
    """The model answer, then the self-check rubric as a list: what a marker needs."""
    parts = [str(question.model_answer or "").rstrip()]
    if question.rubric:
        parts.append(zh.EXPORT["rubric_head"] + "\n\n" + "\n".join(f"- {line}" for line in question.rubric))
    return "\n\n".join(part for part in parts if part)


_BUILDERS: dict[str, Callable[[Question], tuple[ET.Element, list[Gap]]]] = {
    "single": _choice, "multiple": _choice, "scenario": _choice, "truefalse": _truefalse,
    "matching": _matching, "ordering": _ordering, "reflection": _essay,
}


def option_fractions(question: Question, format_name: str, gaps: list[Gap]) -> list[tuple[Option, float]]:
    """Each option's grade as both formats allow it; a credit moved to the nearest allowed grade is a gap."""
    right = sum(1 for option in question.options if option.correct) or 1
    found = []
    for option in question.options:
        if question.type == "multiple":  # the site: +1 per right choice, -1 per wrong one, over the right count
            wanted = 100 / right if option.correct else -100 / right
        else:
            wanted = credit(option) if question.type == "scenario" else (100 if option.correct else 0)
        fraction = nearest_fraction(wanted)
        if abs(fraction - wanted) > 0.001:
            gaps.append(gap(question, format_name, "gap_fraction", wanted=round(wanted, 2),
                            used=fraction_text(fraction)))
        found.append((option, fraction))
    return found
