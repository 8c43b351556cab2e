"""GIFT (Moodle's plain-text question format): one file per bank.

Markdown fields are marked [markdown]; the characters GIFT reserves (~ = # { } : and backslash) are escaped and
line breaks written as \\n, so a paragraph break cannot end a question early. GIFT has no ordering type: those
questions are left out and listed in the report.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.export.common import Gap, gap, scenario_text
from generator.export.moodle import fraction_text, grader_info, option_fractions
from generator.model.quiz import Question, QuestionBank

FORMAT = "GIFT"
_RESERVED = str.maketrans({char: "\\" + char for char in "\\~=#{}:"} | {"\n": "\\n", "\r": ""})


def escape(text: str) -> str:
    return text.strip().translate(_RESERVED)


def markdown(text: str) -> str:
    return "[markdown]" + escape(text)


def write_bank(bank: QuestionBank) -> tuple[bytes, list[Gap]]:
    blocks = [f"$CATEGORY: $course$/top/{escape(str(bank.title))}"]
    gaps: list[Gap] = []
    for question in bank.questions:
        body, found = _WRITERS[question.type](question)
        gaps += found
        if body:
            blocks.append(_head(question) + body)
    return ("\n\n".join(blocks) + "\n").encode("utf-8"), gaps


def _head(question: Question) -> str:
    tags = "".join(f" [tag:{escape(str(tag))}]" for tag in question.tags)
    return f"// [id:{question.id}]{tags}\n::{escape(str(question.id))}::"


def _explain(text: str) -> str:
    return f"\n####{markdown(text)}\n}}" if text.strip() else "\n}"


def _choice(question: Question) -> tuple[str, list[Gap]]:
    lines: list[str] = []
    gaps: list[Gap] = []
    for option, weight in option_fractions(question, FORMAT, gaps):
        mark = "=" if weight == 100 and question.type != "multiple" else f"~%{fraction_text(weight)}%"
        if weight == 0:
            mark = "~"
        feedback = f"#{escape(str(option.feedback))}" if option.feedback.strip() else ""
        lines.append(f"{mark}{escape(str(option.text))}{feedback}")
    body = "\n".join(lines)
    return f"{markdown(scenario_text(question))} {{\n{body}{_explain(question.explanation)}", gaps


def _truefalse(question: Question) -> tuple[str, list[Gap]]:
    """GIFT's order: the answer, then the feedback for a wrong answer, then for a right one."""
    answer = "TRUE" if question.answer else "FALSE"
    feedback = f"#{escape(question.feedback_wrong or '')}#{escape(question.feedback_right or '')}"
    if not (question.feedback_wrong or question.feedback_right or "").strip():
        feedback = ""
    return f"{markdown(question.stem)} {{{answer}{feedback}{_explain(question.explanation)}", []


def _matching(question: Question) -> tuple[str, list[Gap]]:
    gaps = []
    if any("->" in pair.left for pair in question.pairs):  # the first "->" splits a pair, in Moodle too
        gaps.append(gap(question, FORMAT, "gap_arrow"))
    body = "\n".join(f"={escape(str(pair.left))} -> {escape(str(pair.right))}" for pair in question.pairs)
    return f"{markdown(question.stem)} {{\n{body}{_explain(question.explanation)}", gaps


def _ordering(question: Question) -> tuple[str, list[Gap]]:
    return "", [gap(question, FORMAT, "gap_no_ordering", dropped=True)]


def _essay(question: Question) -> tuple[str, list[Gap]]:
    """GIFT's essay has no grader information: the model answer and rubric join the general feedback."""
    feedback = "\n\n".join(part for part in (str(question.explanation).rstrip(), grader_info(question)) if part)
    return f"{markdown(question.stem)} {{{_explain(feedback)}", [gap(question, FORMAT, "gap_grader_info")]


_WRITERS: dict[str, Callable[[Question], tuple[str, list[Gap]]]] = {
    "single": _choice, "multiple": _choice, "scenario": _choice, "truefalse": _truefalse,
    "matching": _matching, "ordering": _ordering, "reflection": _essay,
}
