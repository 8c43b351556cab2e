"""model: numbering labels derive from position and honour a parent's numbering style."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.course import load_course
from generator.model.numbering import chinese_number, label
from generator.model.outline import build_outline

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("n", "text"), [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (37, "三十七"),
                                        (99, "九十九"), (100, "一百"), (105, "一百零五"), (110, "一百一十"),
                                        (119, "一百一十九"), (999, "九百九十九"), (1000, "1000")])
def test_chinese_numbers(n: int, text: str) -> None:
    assert chinese_number(n) == text


def test_labels() -> None:
    assert label("chapter", 100) == "第一百章"  # not 第100章 after 第九十九章
    assert label("part", 8) == "第八部分"
    assert label("step", 2) == "第二步"
    assert label("cn", 3) == "三、"


def test_bundled_outline_shape_and_renumbering() -> None:
    outline = build_outline(load_course(REPO).course.syllabus)
    assert [len(part.children) for part in outline.parts] == [6, 5, 3, 4, 4, 5, 5, 5]
    lock_in = outline.parts[7]
    assert lock_in.children[3].label == "第四章"  # printed as 第五章 in the outline
    assert lock_in.children[3].node.original.startswith("第五章")
    steps = outline.by_qid()["contract-length.long-term-method"].children
    assert [entry.label for entry in steps] == ["第一步", "第二步", "第三步", "第四步"]


def test_entries_by_id_and_link_targets(sample_course: Path) -> None:
    loaded = load_course(sample_course)
    assert loaded.course is not None
    outline = build_outline(loaded.course.syllabus)
    by_id = outline.by_id()
    assert by_id["visit"].target == "visit/index.md"
    assert by_id["plan-visit"].target == "visit/plan-visit.md"
    assert by_id["must-get"].target == "visit/plan-visit.md#set-goal--must-get"
    assert [entry.kind for entry in outline.named("set-goal")] == ["section"]
    assert outline.named("no-such-node") == []


def test_full_labels_name_the_part_because_chapters_restart() -> None:
    outline = build_outline(load_course(REPO).course.syllabus)
    second = outline.parts[1].children[0]
    assert second.label == "第一章" and second.full_label == "第二部分第一章"
    section = second.children[0]
    assert section.full_label == f"第二部分第一章{section.label}"
    assert outline.parts[0].full_label == "第一部分"
