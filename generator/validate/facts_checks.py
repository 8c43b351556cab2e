"""The fact sheet: each figure defined once, used somewhere, and not written differently elsewhere."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from generator.diagnostics import Diagnostic
from generator.locale import zh
from generator.model.course import Course
from generator.model.facts import Fact
from generator.model.text import Text
from generator.validate.report import duplicates, warning

# A written amount, digits or Chinese numerals, optionally a range (两到四, 3-6); the unit is the fact's own.
NUMBER = zh.TEXT_PATTERNS["number"]
AMOUNT = NUMBER + r"(?:\s*" + zh.TEXT_PATTERNS["range_joiner"] + r"\s*" + NUMBER + r")?"
UNIT = re.compile(zh.TEXT_PATTERNS["unit"])
SENTENCE = re.compile(zh.TEXT_PATTERNS["sentence"])
COUNTER = zh.TEXT_PATTERNS["counter"]


def check_facts(course: Course) -> list[Diagnostic]:
    facts = [fact for sheet in course.facts for fact in sheet.facts]
    problems = duplicates((fact.id for fact in facts), "duplicate-fact")
    if not (course.unbound or course.unbound_items):  # a file that failed to load may hold the reference
        problems += [warning(fact.id.loc, "unused-fact", value=fact.id)
                     for fact in facts if str(fact.id) not in course.facts_used]
    watched = [fact for fact in facts if fact.watch]
    if watched:
        texts = [text for item in _documents(course) for text in iter_texts(item)]
        problems += [problem for fact in watched for problem in _contradictions(fact, texts)]
    return problems


def _documents(course: Course) -> Iterator[Any]:
    yield from course.contents
    yield from course.roleplays
    yield from course.banks
    yield from course.worksheets
    yield course.glossary


def iter_texts(value: Any) -> Iterator[Text]:
    """Every text value inside a model object, depth first."""
    if isinstance(value, Text):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from iter_texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from iter_texts(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for spec in dataclasses.fields(value):
            if spec.name not in ("loc", "locs"):
                yield from iter_texts(getattr(value, spec.name))


def _figure(fact: Fact) -> re.Pattern[str]:
    """Amounts written in the fact's unit (月, 天, %, 元/件 …); a fact with no unit matches none."""
    unit = UNIT.search(str(fact.text).strip())
    if unit is None or not unit.group(1).strip(COUNTER):
        return re.compile(r"(?!)")
    return re.compile(AMOUNT + r"\s*" + COUNTER + "?" + re.escape(unit.group(1).lstrip(COUNTER)))


def _contradictions(fact: Fact, texts: list[Text]) -> list[Diagnostic]:
    problems = []
    for text in texts:
        for sentence in SENTENCE.findall(text):
            keyword = next((word for word in fact.watch if word in sentence), None)
            if keyword is None or fact.text in sentence:
                continue
            written = _figure(fact).search(sentence)
            if written and written.group(0) != fact.text:
                problems.append(warning(text.loc, "fact-contradiction", keyword=keyword, written=written.group(0),
                                        text=fact.text, fact=fact.id))
    return problems
