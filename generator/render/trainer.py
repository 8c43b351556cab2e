"""Trainer edition pages: the timing plan (agenda.md), answer keys (answers.md), facilitator guide."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jinja2

from generator import routes
from generator.locale import UI
from generator.model.outline import Entry, Outline
from generator.model.quiz import Question
from generator.render.slides import chapter_slides
from generator.render.tree import DocsTree, RenderContext
from generator.render.views import ChapterView, PartView

SESSIONS = ((9 * 60, 12 * 60), (13 * 60 + 30, 17 * 60))  # morning and afternoon, minutes after midnight
BREAK = 15
BREAK_AFTER = 90  # teaching minutes before a break is due
SHORTEST_CLASS = 10  # a chapter squeezed into the agenda still gets this many minutes


@dataclass(frozen=True)
class Slot:
    day: int
    start: int
    end: int
    chapter: ChapterView | None
    kind: str = "chapter"  # or "break", "lunch"

    @property
    def time(self) -> str:
        return f"{clock(self.start)}–{clock(self.end)}"


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def plan_agenda(chapters: list[ChapterView], length: Callable[[Any], int] = lambda chapter: chapter.minutes,
                ) -> list[Slot]:
    """Chapters in order over days of two sessions; a 15-minute break after about 90 minutes.

    A chapter never straddles lunch or the evening; one longer than a whole session gets a session alone.
    `length` gives the class minutes of a chapter (its full minutes unless the course is compressed).
    """
    slots: list[Slot] = []
    day, session, since_break = 1, 0, 0
    now = SESSIONS[0][0]
    for chapter in (item for item in chapters if item.minutes):
        minutes = length(chapter)
        while True:
            start, end = SESSIONS[session]
            if since_break >= BREAK_AFTER and now + BREAK + minutes <= end:
                slots.append(Slot(day, now, now + BREAK, None, "break"))
                now, since_break = now + BREAK, 0
            if now + minutes <= end or now == start:
                slots.append(Slot(day, now, now + minutes, chapter))
                now, since_break = now + minutes, since_break + minutes
                break
            session = (session + 1) % len(SESSIONS)
            if session:
                slots.append(Slot(day, SESSIONS[session - 1][1], SESSIONS[session][0], None, "lunch"))
            day += session == 0
            now, since_break = SESSIONS[session][0], 0
    return slots


def fit_agenda(chapters: list[ChapterView], days: int) -> tuple[int, list[Slot]]:
    """The plan for a course of `days` days: chapters keep their full minutes when they fit; otherwise every
    chapter's class time shrinks by one common percentage (in 5-minute steps) until the plan fits.

    Returns the percentage used and the slots. A course too long even at the shortest class time keeps
    the shortest plan, which then runs over: the page says how many days it takes.
    """
    slots: list[Slot] = []
    for percent in range(100, 0, -1):
        slots = plan_agenda(chapters, functools.partial(_squeezed, percent=percent))
        if not slots or slots[-1].day <= days:
            return percent, slots
    return 1, slots


def _squeezed(chapter: ChapterView, percent: int) -> int:
    return class_minutes(chapter.minutes, percent)


def class_minutes(minutes: int, percent: int) -> int:
    if percent >= 100:
        return minutes
    return max(SHORTEST_CLASS, 5 * round(minutes * percent / 500))


def group_days(slots: list[Slot]) -> list[tuple[int, list[Slot]]]:
    days: dict[int, list[Slot]] = {}
    for slot in slots:
        days.setdefault(slot.day, []).append(slot)
    return sorted(days.items())


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


def add_trainer_pages(tree: DocsTree, ctx: RenderContext, env: jinja2.Environment) -> list[Any]:
    chapters = [chapter for part in ctx.parts for chapter in part.chapters]
    planned = ctx.course.syllabus.course.days
    percent, slots = fit_agenda(chapters, planned)
    days = group_days(slots)
    taught = sum(chapter.minutes for chapter in chapters)
    tree.add_page(routes.AGENDA, env.get_template("classroom/agenda.md.j2").render(
        days=days, taught=taught, sessions=[(clock(a), clock(b)) for a, b in SESSIONS], pagebreaks=False,
        planned=planned, percent=percent))
    tree.add_page(routes.ANSWERS, env.get_template("classroom/answers.md.j2").render(
        banks=ctx.course.banks, answer_text=answer_text, node_link=_node_links(ctx.outline)))
    tree.add_page(routes.FACILITATOR, env.get_template("classroom/facilitator.md.j2").render(
        parts=_guide(ctx.parts, ctx), days=days, taught=taught, info=ctx.course.syllabus.course,
        sessions=[(clock(a), clock(b)) for a, b in SESSIONS], planned=planned, percent=percent))
    return [{UI["agenda_title"]: routes.AGENDA}, {UI["answers_title"]: routes.ANSWERS},
            {UI["facilitator_title"]: routes.FACILITATOR}]


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
