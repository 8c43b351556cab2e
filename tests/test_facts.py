"""The course fact sheet: [[id]] references resolve everywhere, and figures are checked against it."""

from __future__ import annotations

from pathlib import Path

from generator.load.course import load_course
from generator.render import render
from generator.validate import validate


def _write_fact(course: Path, body: str) -> None:
    (course / "content/facts/visit.yaml").write_text(
        "title: 拜访案例数据\nfacts:\n" + body, encoding="utf-8")


def test_reference_becomes_fact_text_in_pages(sample_course: Path) -> None:
    page = render(load_course(sample_course).course).files["visit/plan-visit.md"].decode()
    assert "业务员聊了两小时" in page
    assert "[[visit" not in page


def test_data_pack_page_lists_every_fact(sample_course: Path) -> None:
    page = render(load_course(sample_course).course).files["datapack.md"].decode()
    assert "拜访案例数据" in page
    assert "| 写下目标后拿到预测量用了多久 | 十五分钟 | 同一位客户的第二次拜访 |" in page


def test_references_resolve_in_roleplays_and_quizzes(sample_course: Path) -> None:
    roleplay = sample_course / "content/roleplays/rp-visit.yaml"
    roleplay.write_text(roleplay.read_text(encoding="utf-8").replace(
        "title:", "title: 拜访 [[visit-talk-hours]] 以后 #", 1), encoding="utf-8")
    course = load_course(sample_course).course
    assert course is not None
    assert course.roleplays[0].title.startswith("拜访 两小时 以后")


def test_contradicting_figure_is_flagged(sample_course: Path) -> None:
    _write_fact(sample_course, "  - id: visit-talk-hours\n    label: 时长\n    text: 两小时\n"
                "  - id: visit-goal-minutes\n    label: 时长\n    text: 十五分钟\n"
                "  - id: sample-days\n    label: 送样周期\n    text: 7 天\n    watch: [送样]\n")
    module = sample_course / "content/modules/plan-visit.yaml"
    module.write_text(module.read_text(encoding="utf-8").replace(
        "例如确认下一次送样的日期。", "例如确认送样要 10 天的那一批。送样一般 7 天。"), encoding="utf-8")
    problems = [p for p in validate(load_course(sample_course).course) if p.code == "fact-contradiction"]
    assert len(problems) == 1
    assert "“10 天”" in problems[0].message and "sample-days" in problems[0].message


def test_fact_without_unit_never_flags(sample_course: Path) -> None:
    _write_fact(sample_course, "  - id: visit-talk-hours\n    label: 时长\n    text: 两小时\n"
                "  - id: visit-goal-minutes\n    label: 时长\n    text: 十五分钟\n"
                "  - id: brand\n    label: 品牌\n    text: 示例\n    watch: [送样]\n")
    course = load_course(sample_course).course
    assert not [p for p in validate(course) if p.code == "fact-contradiction"]


def test_unused_fact_is_a_warning(sample_course: Path) -> None:
    _write_fact(sample_course, "  - id: visit-talk-hours\n    label: 时长\n    text: 两小时\n"
                "  - id: visit-goal-minutes\n    label: 时长\n    text: 十五分钟\n"
                "  - id: spare\n    label: 备用\n    text: 3 天\n")
    problems = validate(load_course(sample_course).course)
    unused = [p for p in problems if p.code == "unused-fact"]
    assert [str(p.loc) for p in unused] == ["content/facts/visit.yaml:9:9"]
    assert not unused[0].is_error
