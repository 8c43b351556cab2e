"""Render phase: the validated model becomes a plain docs tree (Markdown, assets, nav) in memory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator import routes
from generator.assets import STYLE_BUNDLE, bundle_styles, minified, script_rank
from generator.delivery import chosen_plan, deliver
from generator.locale import UI
from generator.model.course import Course
from generator.model.outline import build_outline
from generator.profiles import labels_of
from generator.render.classroom import render_classroom
from generator.render.home import collect_moments, progress_meta
from generator.render.placement import Placement
from generator.render.quiz import render_quizzes
from generator.render.quiz_views import QuizCatalog
from generator.render.roleplay_views import build_roleplay_views
from generator.render.roleplays import render_roleplays
from generator.render.templates import make_environment, markdown
from generator.render.tree import DocsTree, RenderContext
from generator.render.views import PartView, build_views
from generator.render.worksheets import render_worksheets
from generator.resources import TOOL_TEMPLATES
from generator.routes import DATAPACK
from generator.workbook.store import WorkbookStore

EDITIONS = ("learner", "trainer")
STANDALONE_ASSETS = "assets/standalone/"
POLYFILL_ASSETS = "assets/polyfills/"  # run before the theme's bundle, e.g. its search worker under file://


# A feature adds its pages and assets to the tree and returns its navigation entries.
Feature = Callable[[DocsTree, RenderContext], list[Any]]
FEATURES: tuple[Feature, ...] = (render_classroom, render_quizzes, render_roleplays, render_worksheets)


def own_templates(course: Course) -> Path:
    """A course's own site_templates/: its pages/ come before the tool's, its assets/ are added to the tool's."""
    return course.root / "site_templates"


def render(course: Course, edition: str = "learner", plan: str | None = None,
           workbooks: WorkbookStore | None = None) -> DocsTree:
    """`plan` names the delivery plan (the course's default when None; pipeline.check has vetted the name)."""
    course, delivery = deliver(course, chosen_plan(course.syllabus, plan))
    own = own_templates(course)
    env = make_environment(own / "pages" if (own / "pages").is_dir() else None)
    ui = labels_of(course.profile)
    env.globals.update(trainer=edition == "trainer", ui=ui, profile=course.profile)
    outline = build_outline(course.syllabus)
    parts = build_views(outline, course.contents, {key: share.status for key, share in delivery.shares.items()})
    context = RenderContext(course, outline, parts, env, edition, QuizCatalog(course, outline),
                            build_roleplay_views(course, outline), delivery, workbooks or WorkbookStore())
    tree = DocsTree(mark=UI["trainer_mark"] if edition == "trainer" else "")
    placement = Placement(course, outline, context.catalog, context.roleplays, env)
    for part in parts:
        _render_part(tree, env, part, course.glossary.terms, placement)
    terms = course.glossary.terms
    if terms:
        tree.add_page(routes.GLOSSARY, env.get_template("glossary.md.j2").render(terms=terms), course.glossary.loc.path)
    if course.facts:
        tree.add_page(DATAPACK, env.get_template("datapack.md.j2").render(sheets=_in_course_order(course)))
    feature_nav = [item for feature in FEATURES for item in feature(tree, context)]
    _add_extra_pages(tree, course)
    _add_assets(tree, (TOOL_TEMPLATES / "assets", own / "assets"))
    # last, so that it links only to pages the features actually made
    tree.add_page(routes.HOME, env.get_template("home.md.j2").render(
        course=course.syllabus.course, parts=parts, total_minutes=sum(p.minutes for p in parts),
        moments=collect_moments(tree, ui), first=parts[0].chapters[0].entry if parts and parts[0].chapters else None))
    tree.progress = progress_meta(context.catalog.storage, parts, ui)
    tree.nav = _nav(parts, bool(terms), course, feature_nav, ui)
    return tree


def _in_course_order(course: Course) -> list[Any]:
    """Fact sheets named after a part follow the syllabus; course-wide and other sheets come first."""
    order = {str(part.id): index for index, part in enumerate(course.syllabus.parts, start=1)}
    return sorted(course.facts, key=lambda sheet: order.get(Path(sheet.loc.path).stem, 0))


def _render_part(tree: DocsTree, env: Any, part: PartView, terms: Any, placement: Placement) -> None:
    tree.add_page(part.entry.page, env.get_template("part.md.j2").render(part=part, place=placement.part(part.entry)))
    chapter_template = env.get_template("chapter.md.j2")
    for chapter in part.chapters:
        text = chapter_template.render(
            entry=chapter.entry, content=chapter.content, sections=chapter.sections, glossary=terms,
            status=chapter.status,
            place=placement.chapter(chapter.entry, chapter.content))
        tree.add_page(chapter.entry.page, text, chapter.content.loc.path if chapter.content else "")


def _add_assets(tree: DocsTree, folders: tuple[Path, ...]) -> None:
    """The tool's assets, then the course's own (a file of the same name replaces the tool's)."""
    files = {"assets/" + path.relative_to(folder).as_posix(): path
             for folder in folders if folder.is_dir() for path in sorted(folder.rglob("*")) if path.is_file()}
    sheets = []
    for relative, path in sorted(files.items()):
        data = path.read_bytes()
        if relative.startswith(STANDALONE_ASSETS):
            tree.files[relative] = minified(relative, data)
        elif path.suffix == ".css":  # served as one file: see generator/assets.py
            sheets.append((relative.removeprefix("assets/"), data))
        else:
            tree.files[relative] = minified(relative, data)
            if relative.startswith(POLYFILL_ASSETS):
                tree.polyfills.append(relative)
            elif path.suffix == ".js":
                tree.extra_js.append(relative)
    if sheets:
        tree.files[STYLE_BUNDLE] = bundle_styles(sheets)
        tree.extra_css.append(STYLE_BUNDLE)
    tree.extra_js.sort(key=script_rank)


def _add_extra_pages(tree: DocsTree, course: Course) -> None:
    for page in course.site.settings.extra_pages:
        source = course.root / page.file
        # raw HTML in an extra page shows as text, like everywhere else an author writes Markdown
        text = markdown(source.read_text(encoding="utf-8")) + "\n"
        tree.add_page(routes.extra_page(source.name), text, str(page.file))


def _nav(parts: tuple[PartView, ...], glossary: bool, course: Course, features: list[Any],
         ui: dict[str, str]) -> list[Any]:
    nav: list[Any] = [{ui["home"]: routes.HOME}]
    for part in parts:
        chapters = [{chapter.entry.heading: chapter.entry.page} for chapter in part.chapters]
        nav.append({part.entry.heading: [part.entry.page, *chapters]})
    nav.extend(features)
    if glossary:
        nav.append({ui["glossary"]: routes.GLOSSARY})
    if course.facts:
        nav.append({ui["datapack"]: DATAPACK})
    for page in course.site.settings.extra_pages:
        nav.append({str(page.title): routes.extra_page(Path(page.file).name)})
    return nav
