"""Everything one course folder holds, bound together for the validate and render phases."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.model.content import ChapterContent
from generator.model.facts import FactSheet
from generator.model.quiz import QuestionBank
from generator.model.roleplay import Roleplay
from generator.model.syllabus import Located, Syllabus, doc
from generator.model.text import Markdown, Text
from generator.model.worksheet import Worksheet


@dataclass(frozen=True)
class Term(Located):
    term: Text = field(metadata=doc("术语"))
    definition: Text = field(metadata=doc("一句话定义（悬停提示里显示）"))
    explanation: Markdown | None = field(default=None, metadata=doc("展开说明（术语表页显示）"))
    aliases: tuple[Text, ...] = field(default=(), metadata=doc("同义写法，同样显示悬停提示"))


@dataclass(frozen=True)
class Glossary(Located):
    terms: tuple[Term, ...] = field(metadata=doc("术语，按出现顺序"))


@dataclass(frozen=True)
class SiteConfig:
    """The author's mkdocs.yml as plain data, plus the parsed node for positions."""

    values: dict[str, Any]
    node: Any = field(compare=False, repr=False)


@dataclass(frozen=True)
class Course:
    root: Path
    syllabus: Syllabus
    contents: tuple[ChapterContent, ...]
    glossary: Glossary
    site: SiteConfig
    unbound: frozenset[str] = frozenset()  # chapters whose content file has errors: not "missing"
    banks: tuple[QuestionBank, ...] = ()
    roleplays: tuple[Roleplay, ...] = ()
    worksheets: tuple[Worksheet, ...] = ()
    # ids whose files exist but failed to bind: references to them are not "pending"
    unbound_items: frozenset[str] = frozenset()
    facts: tuple[FactSheet, ...] = ()
    facts_used: frozenset[str] = frozenset()  # ids some text references as [[id]]
    # the syllabus had errors, so some outline nodes are missing: references to them are follow-on errors
    syllabus_incomplete: bool = False
