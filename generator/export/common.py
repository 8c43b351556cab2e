"""What every export format shares: credits as the site scores them, and the list of what could not map."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.diagnostics import Loc
from generator.locale import zh
from generator.model.quiz import Option, Question, QuestionBank

DEFAULT_CREDIT = {"best": 100, "acceptable": 50, "poor": 0}  # as the site scores a scenario option


@dataclass(frozen=True, order=True)
class Gap:
    """One thing a format could not carry: where the question was written, which format, what was lost."""

    loc: Loc
    question: str
    format: str
    reason: str
    dropped: bool = False  # the question is left out of this format altogether

    def line(self) -> str:
        return zh.EXPORT["gap_line"].format(loc=self.loc, question=self.question, format=self.format,
                                            reason=self.reason)


def credit(option: Option) -> int:
    if option.credit is not None:
        return option.credit
    return DEFAULT_CREDIT.get(option.rating or "poor", 0)


def gap(question: Question, format: str, key: str, dropped: bool = False, **values: object) -> Gap:
    return Gap(question.loc, str(question.id), format, zh.EXPORT[key].format(**values), dropped)


def exported_banks(banks: Iterable[QuestionBank]) -> tuple[QuestionBank, ...]:
    """Banks that hold questions (the course bank only defines quizzes drawn from the others)."""
    return tuple(bank for bank in banks if bank.questions)


def scenario_text(question: Question) -> str:
    """A scenario's situation comes before its question, as on the site."""
    return f"{question.situation.rstrip()}\n\n{question.stem}" if question.situation else str(question.stem)


def format_report(gaps: Iterable[Gap]) -> str:
    lines = [gap.line() for gap in sorted(gaps)]
    return "\n".join([zh.EXPORT["report_head"].format(count=len(lines)), *lines]) + "\n"
