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
