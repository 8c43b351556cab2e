"""Trainer edition pages: the timing plan (agenda.md), answer keys (answers.md), facilitator guide."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import jinja2

from generator import routes
from generator.delivery import is_implicit
from generator.locale import UI
from generator.model.outline import Entry, Outline
from generator.model.quiz import Question
from generator.render.report import add_report
from generator.render.slides import chapter_slides
from generator.render.tree import DocsTree, RenderContext
from generator.render.views import ChapterView, PartView
from generator.schedule import Slot, group_days, lay_out, session_times, taught_per_day


def answer_text(question: Question) -> list[str]:
    """The correct answer as lines of plain text, whatever the question type."""
    if question.type in ("single", "multiple"):
        return [str(option.text) for option in question.options if option.correct]
    if question.type == "scenario":
        return [f"{UI['rating_' + (option.rating or 'poor')]}：{option.text}" for option in question.options]
    if question.type == "truefalse":
        return [UI["answer_true"] if question.answer else UI["answer_false"]]
    if question.type == "ordering":
        return [f"{index}. {item}" for index, item in enumerate(question.items, start=1)]
    if question.type == "matching":
        return [f"{pair.left} → {pair.right}" for pair in question.pairs]
    return [str(item) for item in question.rubric]


def plan_agenda(chapters: list[ChapterView]) -> list[Slot]:
    """The chosen plan's core chapters over its days, each with the minutes the plan gives it."""
    return lay_out([(chapter, chapter.minutes) for chapter in chapters if chapter.status == "core"])


def add_trainer_pages(tree: DocsTree, ctx: RenderContext, env: jinja2.Environment) -> list[Any]:
    chapters = [chapter for part in ctx.parts for chapter in part.chapters]
    slots = plan_agenda(chapters)
    chosen = ctx.delivery.plan
    if is_implicit(chosen):  # no plans written: the whole course, over as many days as it takes
        chosen = dataclasses.replace(chosen, days=max((slot.day for slot in slots), default=1))
    plan = {"plan": chosen, "days": group_days(slots), "used": taught_per_day(slots),
            "sessions": session_times(), "taught": sum(slot.minutes for slot in slots if slot.item),
            "optional": [chapter for chapter in chapters if chapter.status == "optional"],
            "self_study": [chapter for chapter in chapters if chapter.status == "self-study"]}
    tree.add_page(routes.AGENDA, env.get_template("classroom/agenda.md.j2").render(pagebreaks=False, **plan))
    tree.add_page(routes.ANSWERS, env.get_template("classroom/answers.md.j2").render(
        banks=ctx.course.banks, answer_text=answer_text, node_link=_node_links(ctx.outline)))
    tree.add_page(routes.FACILITATOR, env.get_template("classroom/facilitator.md.j2").render(
        parts=_guide(ctx.parts, ctx), info=ctx.course.syllabus.course, **plan))
    return [{UI["agenda_title"]: routes.AGENDA}, {UI["answers_title"]: routes.ANSWERS},
            {UI["facilitator_title"]: routes.FACILITATOR}, *add_report(tree, ctx)]


def _guide(parts: tuple[PartView, ...], ctx: RenderContext) -> list[tuple[PartView, list[Any]]]:
    return [(part, [chapter_slides(chapter, ctx.course.roleplays, ctx.course.worksheets)
                    for chapter in part.chapters]) for part in parts]


def _node_links(outline: Outline) -> Callable[[str], tuple[Entry, str] | None]:
    """For answers.md: the entry that teaches a node id and its page (relative to the site root)."""
    by_id = outline.by_id()

    def link(node_id: str) -> tuple[Entry, str] | None:
        entry = by_id.get(node_id)
        return (entry, entry.target) if entry else None

    return link
