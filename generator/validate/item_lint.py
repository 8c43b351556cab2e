"""Item-writing lint: practice a learner cannot pass by picking the longest answer or always "false".

Course-agnostic cues that item-writing guides warn about. Thresholds are documented in the README;
every finding is a warning (an error under --strict) with the position to fix.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from generator.diagnostics import Diagnostic, Loc
from generator.locale import zh
from generator.model.quiz import Option, Question, QuestionBank
from generator.model.roleplay import Roleplay, Turn
from generator.validate.report import warning

LONGEST_SHARE = 0.40  # correct option strictly the longest in at most this share of a bank's items
LENGTH_RATIO = 1.3  # correct option at most this many times the mean length of the others
POSITION_SHARE = 0.40  # no option position holds more than this share of correct answers
POSITION_MIN_ITEMS = 8
TRUE_RANGE_BANK = (0.30, 0.70)
TRUE_RANGE_COURSE = (0.40, 0.60)
TRUEFALSE_MIN_ITEMS = 4
BRANCH_SHARE = 0.50  # best reply strictly the longest in at most half of a role-play's turns
BRANCH_MIN_TURNS = 3
CHOICE_TYPES = ("single", "multiple", "scenario")

_MARKUP = re.compile(r"[*_`>#|\s]|\]\([^)]*\)|\[")
_ALL_OF_ABOVE = re.compile(zh.TEXT_PATTERNS["all_of_above"], re.IGNORECASE)
_QUESTION = re.compile(zh.TEXT_PATTERNS["question"])
_NEGATIVE = re.compile(zh.TEXT_PATTERNS["negative"])
_BOLD = re.compile(r"\*\*[^*]+\*\*")


def lint_items(banks: Sequence[QuestionBank], roleplays: Sequence[Roleplay]) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for bank in banks:
        problems += _longest_correct(bank)
        problems += _answer_position(bank)
        problems += _truefalse_bank(bank)
        problems += [p for question in bank.questions for p in _wording(question)]
    problems += _truefalse_course(banks)
    problems += [p for roleplay in roleplays for p in _branching_length(roleplay)]
    return problems


def text_length(text: str) -> int:
    """Characters a reader sees: Markdown markup and white space do not count."""
    return len(_MARKUP.sub("", text))


def _is_right(question: Question, option: Option) -> bool:
    return option.rating == "best" if question.type == "scenario" else option.correct


def _choice_items(bank: QuestionBank) -> list[Question]:
    return [q for q in bank.questions if q.type in CHOICE_TYPES and len(q.options) >= 2]


def _longest_is_right(question: Question) -> bool:
    lengths = [text_length(o.text) for o in question.options]
    longest = max(lengths)
    if lengths.count(longest) > 1:
        return False
    return _is_right(question, question.options[lengths.index(longest)])


def _longest_correct(bank: QuestionBank) -> list[Diagnostic]:
    items = _choice_items(bank)
    problems = [p for q in items for p in _too_long(q)]
    hits = sum(_longest_is_right(q) for q in items)
    if items and hits / len(items) > LONGEST_SHARE:
        problems.append(warning(bank.bank.loc, "lint-longest-correct", bank=bank.bank, hits=hits, total=len(items),
                                share=f"{hits / len(items):.0%}", limit=f"{LONGEST_SHARE:.0%}"))
    return problems


def _too_long(question: Question) -> list[Diagnostic]:
    others = [text_length(o.text) for o in question.options if not _is_right(question, o)]
    if not others:
        return []
    mean = sum(others) / len(others)
    return [warning(o.text.loc, "lint-long-option", length=text_length(o.text), mean=f"{mean:.0f}",
                    ratio=LENGTH_RATIO)
            for o in question.options if _is_right(question, o) and text_length(o.text) > LENGTH_RATIO * mean]


def _answer_position(bank: QuestionBank) -> list[Diagnostic]:
    items = [q for q in _choice_items(bank) if q.type != "multiple"]
    if len(items) < POSITION_MIN_ITEMS:
        return []
    positions = Counter(i + 1 for q in items for i, o in enumerate(q.options) if _is_right(q, o))
    position, count = min(positions.items(), key=lambda pair: (-pair[1], pair[0]))
    if count / len(items) <= POSITION_SHARE:
        return []
    return [warning(bank.bank.loc, "lint-answer-position", bank=bank.bank, position=position, count=count,
                    total=len(items), limit=f"{POSITION_SHARE:.0%}")]


def _true_share(questions: Iterable[Question]) -> tuple[int, int]:
    answers = [q.answer for q in questions if q.type == "truefalse" and q.answer is not None]
    return sum(answers), len(answers)


def _truefalse_bank(bank: QuestionBank) -> list[Diagnostic]:
    true, total = _true_share(bank.questions)
    return _balance(bank.bank.loc, str(bank.bank), true, total, TRUE_RANGE_BANK)


def _truefalse_course(banks: Sequence[QuestionBank]) -> list[Diagnostic]:
    true, total = _true_share(q for bank in banks for q in bank.questions)
    first = next((q.id.loc for bank in banks for q in bank.questions if q.type == "truefalse"), None)
    return _balance(first, zh.WHOLE_COURSE, true, total, TRUE_RANGE_COURSE) if first else []


def _balance(loc: Loc, scope: str, true: int, total: int, bounds: tuple[float, float]) -> list[Diagnostic]:
    if total < TRUEFALSE_MIN_ITEMS or bounds[0] <= true / total <= bounds[1]:
        return []
    return [warning(loc, "lint-truefalse-balance", scope=scope, true=true, total=total,
                    low=f"{bounds[0]:.0%}", high=f"{bounds[1]:.0%}")]


def _wording(question: Question) -> list[Diagnostic]:
    problems = [warning(o.text.loc, "lint-all-of-above", text=o.text)
                for o in question.options if _ALL_OF_ABOVE.search(o.text)]
    for clause in _QUESTION.findall(_BOLD.sub("", question.stem)):
        negative = _NEGATIVE.search(clause)
        if negative:
            problems.append(warning(question.stem.loc, "lint-negative-stem", word=negative.group(0)))
            break
    return problems


def _best_is_longest(turn: Turn) -> bool:
    best = max(reply.score for reply in turn.replies)
    tops = [reply for reply in turn.replies if reply.score == best]
    lengths = [text_length(reply.text) for reply in turn.replies]
    longest = max(lengths)
    return lengths.count(longest) == 1 and any(text_length(r.text) == longest for r in tops)


def _branching_length(roleplay: Roleplay) -> list[Diagnostic]:
    branching = roleplay.branching
    turns = [turn for turn in branching.turns if len(turn.replies) >= 2] if branching else []
    if len(turns) < BRANCH_MIN_TURNS:
        return []
    hits = sum(_best_is_longest(turn) for turn in turns)
    if hits / len(turns) <= BRANCH_SHARE:
        return []
    return [warning(roleplay.id.loc, "lint-branching-length", roleplay=roleplay.id, hits=hits, total=len(turns),
                    limit=f"{BRANCH_SHARE:.0%}")]
