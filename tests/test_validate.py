"""validate phase: pure checks over a loaded course."""

from __future__ import annotations

from pathlib import Path

from generator.load.course import load_course
from generator.validate import validate


def codes(course_dir: Path) -> list[tuple[str, str]]:
    loaded = load_course(course_dir)
    assert loaded.problems == []
    return [(d.code, d.severity.value) for d in validate(loaded.course)]


def edit(course: Path, relative: str, old: str, new: str) -> None:
    path = course / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_sample_course_is_clean(sample_course: Path) -> None:
    assert codes(sample_course) == []


def test_missing_module_is_a_warning(sample_course: Path) -> None:
    (sample_course / "content/modules/plan-visit.yaml").unlink()
    (sample_course / "content/facts/visit.yaml").unlink()  # only that chapter used them: they would be unused
    assert codes(sample_course) == [("missing-content", "warning")]


def test_missing_section_and_unknown_section(sample_course: Path) -> None:
    edit(sample_course, "content/modules/plan-visit.yaml", "id: prepare-materials", "id: prepare-material")
    assert sorted(codes(sample_course)) == [("missing-section", "warning"), ("unknown-reference", "error")]


def test_typed_label_in_title(sample_course: Path) -> None:
    edit(sample_course, "content/syllabus.yaml", "title: 拜访\n", "title: 第一部分、拜访\n")
    assert codes(sample_course) == [("label-in-title", "error")]


def test_pending_worksheet_reference_is_a_warning(sample_course: Path) -> None:
    module = "content/modules/plan-visit.yaml"
    edit(sample_course, module, "  worksheet: visit-card\n", "  worksheet: visit-log\n")
    assert codes(sample_course) == [("pending-reference", "warning")]
    (sample_course / "content/worksheets/visit-log.yaml").write_text("title: 拜访记录\n", encoding="utf-8")
    loaded = load_course(sample_course)
    assert {d.code for d in loaded.problems} == {"missing-key"}  # reported where the worksheet is broken
    assert validate(loaded.course) == []  # ...and not again as a pending reference


def test_unknown_audience_role(sample_course: Path) -> None:
    edit(sample_course, "content/modules/plan-visit.yaml", "audience: [销售]", "audience: [销售, 财务]")
    assert codes(sample_course) == [("unknown-role", "error")]


def test_glossary_term_defined_twice(sample_course: Path) -> None:
    second = "    definition: 另一个定义\n  - term: 拜访卡\n    definition: 拜访前"
    edit(sample_course, "content/glossary.yaml", "    definition: 拜访前", second)
    assert codes(sample_course) == [("duplicate-id", "error")]


def test_the_tools_own_theme_override_is_not_refused_for_the_bundled_course() -> None:
    from generator.load.course import load_course
    from generator.validate.site_config import check_site_config

    repo = Path(__file__).resolve().parents[1]
    course = load_course(repo).course
    assert course is not None
    assert [d.code for d in check_site_config(repo, course.site)] == []


def test_part_and_chapter_ids_that_generated_pages_use_are_refused(sample_course: Path) -> None:
    edit(sample_course, "content/syllabus.yaml", "  - id: visit\n", "  - id: quizzes\n")
    edit(sample_course, "content/syllabus.yaml", "      - id: plan-visit\n", "      - id: index\n")
    found = codes(sample_course)
    assert found.count(("reserved-id", "error")) == 2


def test_a_part_named_like_the_course_map_is_refused(sample_course: Path) -> None:
    """maps/<part>.svg sits beside maps/course.svg: a part called `course` would overwrite the course map."""
    edit(sample_course, "content/syllabus.yaml", "  - id: visit\n", "  - id: course\n")
    assert ("reserved-id", "error") in codes(sample_course)
