"""Render phase: the validated model becomes a plain docs tree (Markdown, assets, nav) in memory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator import routes
from generator.assets import script_rank
from generator.locale import UI
from generator.model.course import Course
from generator.model.outline import build_outline
from generator.render.classroom import render_classroom
from generator.render.home import collect_moments
from generator.render.mindmap import part_map
from generator.render.quiz import quiz_globals, render_quizzes
from generator.render.roleplays import render_roleplays, roleplay_globals
from generator.render.templates import make_environment, markdown
from generator.render.tree import DocsTree, RenderContext
from generator.render.views import PartView, build_views
from generator.render.worksheets import render_worksheets, worksheet_globals
from generator.resources import TOOL_TEMPLATES
from generator.routes import DATAPACK

EDITIONS = ("learner", "trainer")
STANDALONE_ASSETS = "assets/standalone/"


# A feature adds its pages and assets to the tree and returns its navigation entries.
Feature = Callable[[DocsTree, RenderContext], list[Any]]
FEATURES: tuple[Feature, ...] = (render_classroom, render_quizzes, render_roleplays, render_worksheets)


def templates_folder(course: Course) -> Path:
    """A course may carry its own site_templates/; otherwise the tool's are used."""
    own = course.root / "site_templates"
    return own if (own / "pages").is_dir() else TOOL_TEMPLATES


def render(course: Course, edition: str = "learner") -> DocsTree:
    folder = templates_folder(course)
    env = make_environment(folder / "pages")
    env.globals["trainer"] = edition == "trainer"
    outline = build_outline(course.syllabus)
    parts = build_views(outline, course.contents)
    # chapter and part pages include optional blocks (blocks/*.md.j2) that read these
    env.globals.update(course=course, outline=outline)
    env.globals.update(roleplay_globals(course, outline))
    env.globals.update(quiz_globals(course, outline))
    env.globals.update(worksheet_globals(course, outline))
    env.globals["mind_map"] = part_map  # classroom: blocks/part_top.md.j2
    tree = DocsTree()
    terms = course.glossary.terms
    for part in parts:
        _render_part(tree, env, part, terms)
    if terms:
        tree.add_page(routes.GLOSSARY, env.get_template("glossary.md.j2").render(terms=terms), course.glossary.loc.path)
    if course.facts:
        tree.add_page(DATAPACK, env.get_template("datapack.md.j2").render(sheets=_in_course_order(course)))
    context = RenderContext(course, outline, parts, env, edition)
    feature_nav = [item for feature in FEATURES for item in feature(tree, context)]
    _add_extra_pages(tree, course)
    _add_assets(tree, folder / "assets")
    # last, so that it links only to pages the features actually made
    tree.add_page(routes.HOME, env.get_template("home.md.j2").render(
        course=course.syllabus.course, parts=parts, total_minutes=sum(p.minutes for p in parts),
        moments=collect_moments(tree)))
    tree.nav = _nav(parts, bool(terms), course, feature_nav)
    return tree


def _in_course_order(course: Course) -> list[Any]:
    """Fact sheets named after a part follow the syllabus; course-wide and other sheets come first."""
    order = {str(part.id): index for index, part in enumerate(course.syllabus.parts, start=1)}
    return sorted(course.facts, key=lambda sheet: order.get(Path(sheet.loc.path).stem, 0))


def _render_part(tree: DocsTree, env: Any, part: PartView, terms: Any) -> None:
    tree.add_page(part.entry.page, env.get_template("part.md.j2").render(part=part))
    chapter_template = env.get_template("chapter.md.j2")
    for chapter in part.chapters:
        text = chapter_template.render(
            entry=chapter.entry, content=chapter.content, sections=chapter.sections, glossary=terms)
        tree.add_page(chapter.entry.page, text, chapter.content.loc.path if chapter.content else "")


def _add_assets(tree: DocsTree, folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            relative = "assets/" + path.relative_to(folder).as_posix()
            tree.files[relative] = path.read_bytes()
            if relative.startswith(STANDALONE_ASSETS):
                continue
            if path.suffix == ".css":
                tree.extra_css.append(relative)
            elif path.suffix == ".js":
                tree.extra_js.append(relative)
    tree.extra_js.sort(key=script_rank)


def _add_extra_pages(tree: DocsTree, course: Course) -> None:
    for page in course.site.settings.extra_pages:
        source = course.root / page.file
        # raw HTML in an extra page shows as text, like everywhere else an author writes Markdown
        text = markdown(source.read_text(encoding="utf-8")) + "\n"
        tree.add_page(routes.extra_page(source.name), text, str(page.file))


def _nav(parts: tuple[PartView, ...], glossary: bool, course: Course, features: list[Any]) -> list[Any]:
    nav: list[Any] = [{UI["home"]: routes.HOME}]
    for part in parts:
        chapters = [{chapter.entry.heading: chapter.entry.page} for chapter in part.chapters]
        nav.append({part.entry.heading: [part.entry.page, *chapters]})
    nav.extend(features)
    if glossary:
        nav.append({UI["glossary"]: routes.GLOSSARY})
    if course.facts:
        nav.append({UI["datapack"]: DATAPACK})
    for page in course.site.settings.extra_pages:
        nav.append({str(page.title): routes.extra_page(Path(page.file).name)})
    return nav
