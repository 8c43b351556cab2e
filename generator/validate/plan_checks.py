"""Delivery plans: names resolve, time splits add up, the core of every plan fits its days, and a plan that
promises to answer the course's background questions has a core chapter for each."""

from __future__ import annotations

from collections.abc import Sequence

from generator.delivery import Delivery, plan_named, plan_names, resolve
from generator.diagnostics import Diagnostic, Loc
from generator.locale import suggest
from generator.model.content import ChapterContent
from generator.model.course import Course
from generator.model.syllabus import Plan, PlanItem, Syllabus, TimingStep
from generator.schedule import lay_out, overflow, taught_per_day
from generator.validate.report import duplicates, error, unknown

NAMED = 6  # chapters an overflow names; the count and minutes say how much more


def check_plan_name(syllabus: Syllabus, name: str | None) -> list[Diagnostic]:
    """`--plan NAME` (or course.plan) must name a plan of the course."""
    if name is None or plan_named(syllabus, name) is not None:
        return []
    where = syllabus.locs.get("plans", syllabus.loc)
    return [error(where, "unknown-plan", value=name, suggestion=suggest(name, plan_names(syllabus), "ids"))]


def check_plans(course: Course) -> list[Diagnostic]:
    syllabus = course.syllabus
    problems = [check for content in course.contents for check in _written_split(content)]
    problems += duplicates([plan.id for plan in syllabus.plans], "duplicate-plan")
    default = syllabus.course.plan
    if default is not None and plan_named(syllabus, str(default)) is None:
        problems.append(error(default.loc, "unknown-plan", value=default,
                              suggestion=suggest(default, plan_names(syllabus), "ids")))
    problems += _background_links(course)
    for plan in syllabus.plans:
        problems += _check_plan(course, plan)
    return problems


def _check_plan(course: Course, plan: Plan) -> list[Diagnostic]:
    chapters = {str(content.chapter): content for content in course.contents}
    known = [*chapters, *(str(play.id) for play in course.roleplays)]
    problems = duplicates([item.id for item in plan.items], "duplicate-plan-item")
    problems += [error(item.id.loc, "unknown-plan-item", value=item.id, suggestion=suggest(item.id, known, "ids"))
                 for item in plan.items if item.id not in known]
    delivery = resolve(plan, course.contents, course.roleplays)
    for item in plan.items:
        content = chapters.get(str(item.id))
        if content is not None:
            problems += _item_split(item, content.minutes, delivery)
    problems += _fit(course, plan, delivery)
    if plan.answers_background:
        problems += _answered(course, plan, delivery)
    return problems


def _item_split(item: PlanItem, written: int, delivery: Delivery) -> list[Diagnostic]:
    share = delivery.shares[str(item.id)]
    if item.timing:
        problems = _split(item.timing, share.minutes, item.locs.get("timing", item.loc))
    elif share.minutes != written and share.core:
        return [error(item.locs.get("minutes", item.loc), "plan-timing-missing", value=item.id,
                      minutes=share.minutes, written=written)]
    else:
        problems = []
    return problems + _practice(share.timing, share.exercise, item.locs.get("timing", item.loc))


def _written_split(content: ChapterContent) -> list[Diagnostic]:
    where = content.locs.get("timing", content.loc)
    exercise = content.exercise.minutes if content.exercise else None
    return _split(content.timing, content.minutes, where) + _practice(content.timing, exercise, where)


def _practice(timing: Sequence[TimingStep], exercise: int | None, where: Loc) -> list[Diagnostic]:
    """The split's exercise steps take exactly the exercise's minutes."""
    practice = sum(step.minutes for step in timing if step.activity == "exercise")
    if not practice or exercise is None or practice == exercise:
        return []
    return [error(where, "timing-exercise", total=practice, minutes=exercise)]


def _split(timing: Sequence[TimingStep], minutes: int, where: Loc) -> list[Diagnostic]:
    """A time split, when there is one, adds up to the activity's minutes."""
    total = sum(step.minutes for step in timing)
    if not timing or total == minutes:
        return []
    steps = "＋".join(str(step.minutes) for step in timing)
    return [error(where, "timing-sum", steps=steps, total=total, minutes=minutes)]


def _fit(course: Course, plan: Plan, delivery: Delivery) -> list[Diagnostic]:
    core = [(content.chapter, delivery.shares[str(content.chapter)].minutes) for content in _in_order(course)
            if delivery.shares[str(content.chapter)].core]
    slots = lay_out(core)
    late = overflow(slots, plan.days)
    if not late:
        return []
    used = taught_per_day(slots)
    minutes = dict(core)
    items = "、".join(f"{item}（{minutes[item]} 分钟）" for item in late[:NAMED])
    return [error(plan.locs.get("days", plan.loc), "plan-overflow", plan=plan.id, days=plan.days,
                  day=plan.days + 1, used=len(used), count=len(late), minutes=sum(minutes[item] for item in late),
                  items=items + ("……" if len(late) > NAMED else ""))]


def _in_order(course: Course) -> list[ChapterContent]:
    order = [str(chapter.id) for part in course.syllabus.parts for chapter in part.chapters]
    rank = {chapter: index for index, chapter in enumerate(order)}
    return sorted(course.contents, key=lambda content: rank.get(str(content.chapter), len(rank)))


def _background_links(course: Course) -> list[Diagnostic]:
    info = course.syllabus.course
    if not info.answered_by:
        return []
    problems = []
    if len(info.answered_by) != len(info.background):
        problems.append(error(info.locs.get("answered_by", info.loc), "answered-by-count",
                              count=len(info.answered_by), questions=len(info.background)))
    chapters = [str(content.chapter) for content in course.contents]
    problems += [unknown(chapter, "chapter", chapters) for chapter_ids in info.answered_by
                 for chapter in chapter_ids if chapter not in chapters]
    return problems


def _answered(course: Course, plan: Plan, delivery: Delivery) -> list[Diagnostic]:
    info = course.syllabus.course
    where = plan.locs.get("answers_background", plan.loc)
    if not info.answered_by:
        return [error(where, "background-unlinked", plan=plan.id)]
    problems = []
    for number, (question, chapters) in enumerate(zip(info.background, info.answered_by, strict=False), start=1):
        shares = [delivery.shares.get(str(chapter)) for chapter in chapters]
        if not any(share and share.core for share in shares):
            problems.append(error(where, "background-unanswered", plan=plan.id, number=number, question=question,
                                  chapters="、".join(map(str, chapters))))
    return problems
