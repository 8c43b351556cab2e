"""render phase: golden docs tree for the sample course; data stays text whatever an author types."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.engine import compose_config
from generator.load.course import load_course
from generator.render import render

PAGES = ["index.md", "visit/index.md", "visit/plan-visit.md", "glossary.md"]


def rendered(course_dir: Path, edition: str = "learner"):
    loaded = load_course(course_dir)
    assert loaded.problems == []
    return render(loaded.course, edition)


@pytest.mark.parametrize("page", PAGES)
def test_golden_pages(sample_course: Path, page: str, check_golden: Callable[[str, str], None]) -> None:
    check_golden(page, rendered(sample_course).files[page].decode("utf-8"))


def test_nav_mirrors_syllabus(sample_course: Path) -> None:
    nav = rendered(sample_course).nav
    # feature sections (classroom, quizzes, ...) sit between the parts and the glossary and data pack
    assert nav[:2] == [
        {"课程首页": "index.md"},
        {"第一部分 拜访": ["visit/index.md", {"第一章 如何准备一次拜访？": "visit/plan-visit.md"}]},
    ]
    assert nav[-2:] == [{"术语表": "glossary.md"}, {"课程数据包": "datapack.md"}]


def test_trainer_notes_only_in_trainer_edition(sample_course: Path) -> None:
    note = "先让学员读出自己的目标"
    assert note not in rendered(sample_course).files["visit/plan-visit.md"].decode()
    assert note in rendered(sample_course, "trainer").files["visit/plan-visit.md"].decode()


def test_html_in_titles_and_bodies_renders_as_text(sample_course: Path) -> None:
    syllabus = sample_course / "content/syllabus.yaml"
    syllabus.write_text(syllabus.read_text(encoding="utf-8").replace(
        "title: 如何准备一次拜访？", "title: '<script>alert(1)</script> [链接](http://x) **粗**'"), encoding="utf-8")
    module = sample_course / "content/modules/plan-visit.yaml"
    module.write_text(module.read_text(encoding="utf-8").replace(
        "body: 带上客户", "body: <img src=x onerror=alert(1)> 带上客户"), encoding="utf-8")
    page = rendered(sample_course).files["visit/plan-visit.md"].decode()
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[链接\\]\\(http://x\\) \\*\\*粗\\*\\*" in page
    assert "&lt;img src=x onerror=alert\\(1\\)&gt;" not in page  # bodies stay Markdown
    assert "&lt;img src=x onerror=alert(1)> 带上客户" in page


def test_config_forces_offline_and_chinese(sample_course: Path) -> None:
    loaded = load_course(sample_course)
    tree = render(loaded.course)
    config = compose_config({"theme": {"font": {"text": "Roboto"}, "palette": {"primary": "teal"}}}, tree, "t", False)
    assert config["theme"]["font"] is False
    assert config["theme"]["language"] == "zh"
    assert config["theme"]["palette"] == {"primary": "teal"}
    assert "navigation.prune" in config["theme"]["features"]
    assert config["use_directory_urls"] is False
    assert config["extra"]["generator"] is False
    assert all("offline" not in str(plugin) for plugin in config["plugins"])


def test_home_links_only_pages_that_were_built() -> None:
    from generator.locale import UI
    from generator.render.home import collect_moments
    from generator.render.tree import DocsTree

    tree = DocsTree()
    assert collect_moments(tree, UI) == []
    tree.add_page("scripts.md", "# 示范库")
    [(title, _, links)] = collect_moments(tree, {**UI, "way_scripts": "话术库"})
    assert title == "课后" and [(label, link) for label, link, _ in links] == [("话术库", "scripts.md")]


def test_progress_meta_lists_chapters_and_what_counts(sample_course: Path) -> None:
    """progress.js reads this on every page: optional chapters of the plan do not count towards the percentage."""
    import dataclasses

    from generator.locale import UI
    from generator.render.home import progress_meta
    from generator.render.views import ChapterView

    tree = rendered(sample_course)
    assert tree.progress["key"].startswith("cw-progress-v1:")  # the key quiz pages carry, so old records stay
    assert tree.progress["chapters"] == [["plan-visit", "visit/plan-visit", 1]]
    assert compose_config({}, tree, "t", False)["extra"]["cw_progress"] == tree.progress
    part = render_parts(sample_course)[0]
    chapters: tuple[ChapterView, ...] = tuple(dataclasses.replace(c, status="optional") for c in part.chapters)
    optional = dataclasses.replace(part, chapters=chapters)
    meta = progress_meta("k", (part, optional), UI)
    assert [counts for _, _, counts in meta["chapters"]] == [1, 0]
    assert (meta["read"], meta["done"]) == ("（已读）", "（已做章节小测）")


def render_parts(course_dir: Path):  # type: ignore[no-untyped-def]
    from generator.model.outline import build_outline
    from generator.render.views import build_views

    course = load_course(course_dir).course
    return build_views(build_outline(course.syllabus), course.contents)


def test_learner_journey_hooks_in_pages(sample_course: Path) -> None:
    """Chapter titles on the home page link; a chapter ends with the read marker and its actions can be ticked;
    我的进度 lists every chapter's actions, linked to the chapter, with name and ID fields."""
    files = rendered(sample_course).files
    home, chapter = files["index.md"].decode(), files["visit/plan-visit.md"].decode()
    progress = files["quizzes/progress.md"].decode()
    assert "    - [第一章 如何准备一次拜访？](visit/plan-visit.md)" in home
    assert "[开始学习：第一章 如何准备一次拜访？](visit/plan-visit.md)" in home
    assert '<div class="cw-actions" data-cw-actions="plan-visit" markdown>\n\n- [ ] 下周每次拜访前' in chapter
    marker = '<div class="cw-read" data-cw-read="plan-visit" data-title="第一章 如何准备一次拜访？"></div>'
    assert marker in chapter and chapter.index(marker) > chapter.index("cw-actions")  # after all content
    assert '[拜访 · 第一章 如何准备一次拜访？](../visit/plan-visit.md#actions)' in progress
    assert '<div class="cw-actions" data-cw-actions="plan-visit" markdown>' in progress
    assert 'data-key="name"' in progress and 'data-key="id"' in progress
