"""One timing source: a delivery plan resolved against the course, and the course as that plan teaches it.

`deliver` rewrites every minute count the render phase shows (chapter, exercise, role-play, time split) to
the chosen plan's, so no page, deck or card can disagree with the agenda.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from generator.diagnostics import UNKNOWN
from generator.locale import UI
from generator.model.content import ChapterContent
from generator.model.course import Course
from generator.model.roleplay import Roleplay
from generator.model.syllabus import Plan, PlanItem, Syllabus, TimingStep
from generator.model.text import Id, Text

FULL = "full"  # the plan a course without `plans:` is taught by: every chapter core, every minute as written


@dataclass(frozen=True)
class Share:
    """What one chapter or role-play gets in a plan."""

    status: str
    minutes: int
    exercise: int | None = None
    timing: tuple[TimingStep, ...] = ()

    @property
    def core(self) -> bool:
        return self.status == "core"


@dataclass(frozen=True)
class Delivery:
    plan: Plan
    shares: dict[str, Share] = field(default_factory=dict)  # chapter and role-play ids

    def share(self, item_id: str) -> Share | None:
        return self.shares.get(item_id)


def plan_named(syllabus: Syllabus, name: str | None) -> Plan | None:
    """The plan called `name`, else the course's default, else the first; None when the name is unknown."""
    wanted = name or (str(syllabus.course.plan) if syllabus.course.plan else None)
    if not syllabus.plans:
        return _full_plan() if wanted in (None, FULL) else None
    if wanted is None:
        return syllabus.plans[0]
    return next((plan for plan in syllabus.plans if plan.id == wanted), None)


def chosen_plan(syllabus: Syllabus, name: str | None) -> Plan:
    """The plan to render with: the one named, else the default, else the first (or the whole course)."""
    return plan_named(syllabus, name) or plan_named(syllabus, None) or (syllabus.plans or (_full_plan(),))[0]


def plan_names(syllabus: Syllabus) -> list[str]:
    return [str(plan.id) for plan in syllabus.plans] or [FULL]


def _full_plan() -> Plan:
    """A course without plans is taught whole; its days are as many as the agenda takes (`days` is a ceiling)."""
    return Plan(id=Id(FULL), title=Text(UI["plan_full"]), days=30, others="core")


def is_implicit(plan: Plan) -> bool:
    return plan.loc is UNKNOWN


def resolve(plan: Plan, contents: tuple[ChapterContent, ...], roleplays: tuple[Roleplay, ...]) -> Delivery:
    items: dict[str, PlanItem] = {str(item.id): item for item in plan.items}
    shares: dict[str, Share] = {}
    for content in contents:
        item = items.get(str(content.chapter))
        shares[str(content.chapter)] = _chapter_share(content, item, str(plan.others))
    for play in roleplays:
        item = items.get(str(play.id))
        status = str(item.status) if item else _roleplay_status(play, contents, shares, str(plan.others))
        shares[str(play.id)] = Share(status, item.minutes if item and item.minutes else play.minutes)
    return Delivery(plan, shares)


def _chapter_share(content: ChapterContent, item: PlanItem | None, others: str) -> Share:
    written_exercise = content.exercise.minutes if content.exercise else None
    if item is None:
        return Share(others, content.minutes, written_exercise, content.timing)
    exercise = item.exercise if item.exercise is not None else written_exercise
    minutes = item.minutes or content.minutes
    timing = item.timing or (content.timing if minutes == content.minutes else ())
    return Share(str(item.status), minutes, exercise, timing)


def _roleplay_status(play: Roleplay, contents: tuple[ChapterContent, ...], shares: dict[str, Share],
                     others: str) -> str:
    """A role-play run as a chapter's exercise shares that chapter's fate; it is homework when the plan
    gives the exercise no class time."""
    for content in contents:
        if content.exercise and content.exercise.roleplay == play.id:
            share = shares[str(content.chapter)]
            return share.status if share.exercise != 0 else "self-study"
    return others


def discussion_minutes(timing: tuple[TimingStep, ...], discussions: int) -> int | None:
    """Minutes per discussion: the split's discussion steps shared among the chapter's discussions."""
    total = sum(step.minutes for step in timing if step.activity == "discussion")
    if not total or not discussions:
        return None
    return max(1, round(total / discussions))


def teach(content: ChapterContent, share: Share) -> ChapterContent:
    exercise = content.exercise
    if exercise is not None and share.exercise is not None:
        exercise = dataclasses.replace(exercise, minutes=share.exercise or None)
    return dataclasses.replace(content, minutes=share.minutes, exercise=exercise, timing=share.timing)


def deliver(course: Course, plan: Plan) -> tuple[Course, Delivery]:
    """The course as `plan` teaches it: every minute count replaced by the plan's."""
    delivery = resolve(plan, course.contents, course.roleplays)
    contents = tuple(teach(content, delivery.shares[str(content.chapter)]) for content in course.contents)
    roleplays = tuple(dataclasses.replace(play, minutes=delivery.shares[str(play.id)].minutes)
                      for play in course.roleplays)
    return dataclasses.replace(course, contents=contents, roleplays=roleplays), delivery
