"""Delivery plans: the bundled course's plans fit, bad plans are named precisely, and every page, deck and
card shows the chosen plan's minutes."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.delivery import chosen_plan, discussion_minutes, plan_named, resolve
from generator.load.course import load_course
from generator.model.course import Course
from generator.model.syllabus import Plan, PlanItem, TimingStep
from generator.model.text import Id, Text
from generator.render import render
from generator.schedule import lay_out, taught_per_day
from generator.validate.plan_checks import check_plans

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def course() -> Course:
    loaded = load_course(REPO)
    assert loaded.course is not None
    return loaded.course


def _with_plan(course: Course, plan: Plan) -> Course:
    plans = tuple(plan if old.id == plan.id else old for old in course.syllabus.plans)
    return dataclasses.replace(course, syllabus=dataclasses.replace(course.syllabus, plans=plans))


def _plan(course: Course, name: str) -> Plan:
    plan = plan_named(course.syllabus, name)
    assert plan is not None
    return plan


def _messages(course: Course) -> list[str]:
    return [f"{d.code}: {d.message}" for d in check_plans(course)]


def _core_days(course: Course, name: str) -> dict[int, int]:
    delivery = resolve(_plan(course, name), course.contents, course.roleplays)
    order = [str(chapter.id) for part in course.syllabus.parts for chapter in part.chapters]
    shares = [delivery.shares[chapter] for chapter in order]
    return taught_per_day(lay_out([(chapter, share.minutes) for chapter, share in zip(order, shares, strict=True)
                                   if share.core]))


def test_bundled_plans_fit_their_days_and_answer_the_background(course: Course) -> None:
    assert _messages(course) == []
    assert _core_days(course, "two-day") == {1: 340, 2: 330}
    assert _core_days(course, "one-day") == {1: 310}
    full = _core_days(course, "full")
    assert len(full) == 7 and sum(full.values()) == sum(content.minutes for content in course.contents) == 2215


def test_default_plan_is_the_two_day_class(course: Course) -> None:
    assert _plan(course, None).id == "two-day"  # type: ignore[arg-type]


def test_rendering_never_fails_on_a_plan_name_validate_reported(course: Course) -> None:
    info = dataclasses.replace(course.syllabus.course, plan=Id("nope"))
    syllabus = dataclasses.replace(course.syllabus, course=info)
    assert chosen_plan(syllabus, "nope").id == "two-day"  # the first plan
    assert chosen_plan(dataclasses.replace(syllabus, plans=()), None).id == "full"


def test_a_plan_that_overflows_names_the_day_and_the_chapters(course: Course) -> None:
    plan = dataclasses.replace(_plan(course, "two-day"), others="core", items=())
    found = [d for d in check_plans(_with_plan(course, plan)) if d.code == "plan-overflow"]
    assert len(found) == 1
    assert found[0].loc.line > 0 and found[0].loc.path.endswith("syllabus.yaml")
    assert found[0].message == (
        "授课方案“two-day”的必讲内容排不进 2 天：排到了第 7 天，第 3 天起还有 25 章共 1545 分钟："
        "grow-order-volume（90 分钟）、volume-types（75 分钟）、contract-length（60 分钟）、"
        "purchase-period（45 分钟）、renewal-timing（45 分钟）、delivery-time（60 分钟）……")


def test_one_chapter_too_many_overflows_into_the_next_day(course: Course) -> None:
    plan = _plan(course, "one-day")
    extra = PlanItem(id=Id("complaint-steps"))
    found = _messages(_with_plan(course, dataclasses.replace(plan, items=(*plan.items, extra))))
    assert found == ["plan-overflow: 授课方案“one-day”的必讲内容排不进 1 天：排到了第 2 天，"
                     "第 2 天起还有 2 章共 135 分钟：complaint-steps（90 分钟）、why-loyalty（45 分钟）"]


def test_a_time_split_must_add_up_to_the_minutes(course: Course) -> None:
    content = next(item for item in course.contents if item.chapter == "complaint-steps")
    steps = (*content.timing[:-1], dataclasses.replace(content.timing[-1], minutes=40))
    broken = dataclasses.replace(content, timing=steps)
    contents = tuple(broken if item is content else item for item in course.contents)
    found = _messages(dataclasses.replace(course, contents=contents))
    assert found[0] == "timing-sum: 时间分配合计 5＋8＋14＋7＋6＋7＋3＋5＋40 = 95 分钟，与用时 90 分钟不符"


def test_a_shortened_chapter_needs_its_own_split_and_the_exercise_must_agree(course: Course) -> None:
    plan = _plan(course, "one-day")
    shortened = PlanItem(id=Id("delivery-time"), minutes=45)
    split = PlanItem(id=Id("churn-causes"), minutes=50, timing=(
        TimingStep(step=Text("讲解"), minutes=30), TimingStep(step=Text("练习"), minutes=20, activity="exercise")))
    items = tuple(item for item in plan.items if item.id not in ("delivery-time", "churn-causes"))
    found = _messages(_with_plan(course, dataclasses.replace(plan, items=(*items, shortened, split))))
    assert found == [
        "plan-timing-missing: “delivery-time”在这个方案里是 45 分钟，与原课时 60 分钟不同，却没有写本方案的时间分配",
        "timing-exercise: 时间分配里练习段合计 20 分钟，而练习用时是 25 分钟"]


def test_a_plan_promising_the_background_needs_a_core_chapter_per_question(course: Course) -> None:
    plan = _plan(course, "two-day")
    items = tuple(dataclasses.replace(item, status="optional") if item.id == "loyalty-methods" else item
                  for item in plan.items)
    found = _messages(_with_plan(course, dataclasses.replace(plan, items=items)))
    assert found == ["background-unanswered: 授课方案“two-day”没有回答培训背景第 7 个问题“如何锁住现有的客户，"
                     "不让客户“跑掉”？”：回答它的章（why-loyalty、judge-loyalty、loyalty-methods、lifecycle、"
                     "contract-length）都不是必讲"]


def test_unknown_plan_on_the_command_line_is_a_diagnostic_with_a_suggestion(capsys) -> None:
    status = main(["--course", str(REPO), "validate", "--plan", "two-days"])
    err = capsys.readouterr().err
    assert status == 1
    assert "content/syllabus.yaml:" in err
    assert "error[unknown-plan]: 没有名为“two-days”的授课方案" in err
    assert "你是不是想写“two-day”？" in err


def test_discussion_timer_shares_the_discussion_steps() -> None:
    steps = (TimingStep(step=Text("讲"), minutes=20), TimingStep(step=Text("讨论"), minutes=15, activity="discussion"))
    assert discussion_minutes(steps, 2) == 8
    assert discussion_minutes(steps, 0) is None
    assert discussion_minutes(steps[:1], 2) is None


# --- one timing source: what the pages show agrees with the chosen plan ---

@pytest.fixture(scope="module")
def two_day(course: Course) -> dict[str, str]:
    files = render(course, "trainer", "two-day").files
    return {path: data.decode("utf-8") for path, data in files.items() if path.endswith((".md", ".html"))}


def test_agenda_lists_only_core_chapters_with_the_plans_minutes(two_day: dict[str, str]) -> None:
    agenda = two_day["agenda.md"]
    assert "授课方案：两天公开课，2 天，必讲内容共 670 分钟。" in agenda
    assert "| 15:45–17:00 | [第二章 如何增加客单量？](add-volume/grow-order-volume.md)（增量） | 75 |" in agenda
    assert agenda.count("## 第 ") == 2
    assert "本日课堂时间 340 分钟" in agenda and "本日课堂时间 330 分钟" in agenda
    self_study = next(line for line in agenda.splitlines() if line.startswith("课前或课后自学："))
    assert "(hold-price/how-attack.md)" in self_study and "why-hold-price" not in self_study


def test_trainer_notes_and_guide_show_the_plans_split(two_day: dict[str, str]) -> None:
    chapter = two_day["add-volume/grow-order-volume.md"]
    assert "**时间分配（75 分钟）**" in chapter and "- 讨论（三题选一题）：5 分钟" in chapter
    assert "90 分钟" not in chapter
    guide = two_day["print/facilitator.md"]
    assert "必讲 · 75 分钟 · 讨论计时 2 分钟" in guide


def test_deck_timers_follow_the_plan(two_day: dict[str, str]) -> None:
    deck = two_day["slides/add-volume.html"]
    timers = re.findall(r'data-cw-seconds="(\d+)"', deck)
    assert "120" in timers  # grow-order-volume: 5 discussion minutes shared by three discussions
    assert "900" not in timers  # the old quarter-of-the-chapter default for a 60-minute chapter


def test_handbook_marks_optional_and_self_study_chapters(two_day: dict[str, str]) -> None:
    handbook = two_day["print/handbook.md"]
    assert "如何价值塑造？](#hb-build-value)（选讲）" in handbook
    assert "(#hb-why-referral)（自学）" in handbook
    assert "(#hb-why-hold-price)（" not in handbook


def test_chapter_and_part_pages_label_chapters_outside_the_core(two_day: dict[str, str]) -> None:
    status = '<span class="cw-meta__item cw-meta__item--status">{}</span>'
    assert status.format("自学") in two_day["hold-price/how-attack.md"]
    assert status.format("选讲") in two_day["hold-price/build-value.md"]
    assert "cw-meta__item--status" not in two_day["hold-price/why-hold-price.md"]
    assert two_day["hold-price/index.md"].count("cw-meta__item--status") == 3


def test_roleplay_minutes_come_from_the_plan(course: Course) -> None:
    plan = _plan(course, "two-day")
    item = PlanItem(id=Id("rp-complaint-line-stop"), minutes=20)
    files = render(_with_plan(course, dataclasses.replace(plan, items=(*plan.items, item))), "trainer").files
    page = files["roleplays/rp-complaint-line-stop.md"].decode("utf-8")
    deck = files["slides/win-back.html"].decode("utf-8")
    assert "20 分钟" in page and "30 分钟" not in page.split("\n\n")[2]
    assert 'data-cw-seconds="1200"' in deck


def test_learner_edition_shows_no_split(course: Course) -> None:
    page = render(course, "learner").files["add-volume/grow-order-volume.md"].decode("utf-8")
    assert "时间分配" not in page
