"""Role-play pages, printable card sheets and the 话术库 (script library)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator import routes
from generator.model.content import ChapterContent, Script
from generator.model.course import Course
from generator.model.outline import Entry, Outline
from generator.model.roleplay import Roleplay
from generator.render.roleplay_views import RoleplayView
from generator.render.templates import embed_json
from generator.render.tree import DocsTree, RenderContext

# Labels the practice widget writes itself; they travel in the page's JSON like the script does (with one
# outcome_<kind> label per ending kind of the course profile).
WIDGET_LABELS = ("score", "score_of", "path_taken", "restart", "customer_line", "your_reply")


@dataclass(frozen=True)
class ScriptView:
    script: Script
    part: Entry | None
    sources: tuple[tuple[str, str], ...]  # (label, link relative to the site root): where to read it in context


def render_roleplays(tree: DocsTree, ctx: RenderContext) -> list[Any]:
    views = ctx.roleplays
    ui = ctx.env.globals["ui"]
    scripts = list(collect_scripts(ctx.course, ctx.outline, views))
    nav: list[Any] = []
    if views:
        _render_roleplay_pages(tree, ctx, views)
        nav.append({ui["roleplays"]: [routes.ROLEPLAYS_INDEX, *({v.play.title: v.page} for v in views)]})
    if scripts:
        groups = group_by_situation(scripts)
        tree.add_page(routes.SCRIPTS, ctx.env.get_template("roleplays/scripts.md.j2").render(
            groups=groups, parts=[part for part in ctx.outline.parts if any(s.part is part for s in scripts)]))
        nav.append({ui["script_library"]: "scripts.md"})
    return nav


def _render_roleplay_pages(tree: DocsTree, ctx: RenderContext, views: tuple[RoleplayView, ...]) -> None:
    env = ctx.env
    by_part = [(part, [v for v in views if part in v.parts]) for part in ctx.outline.parts]
    unplaced = [view for view in views if not view.parts]
    tree.add_page(routes.ROLEPLAYS_INDEX, env.get_template("roleplays/index.md.j2").render(
        by_part=[(part, found) for part, found in by_part if found], unplaced=unplaced))
    page = env.get_template("roleplays/roleplay.md.j2")
    sheet = env.get_template("roleplays/cards.md.j2")
    for view in views:
        data = practice_data(view.play, ctx.env.globals["ui"])
        tree.add_page(view.page, page.render(view=view, play=view.play, data=data),
                      view.play.loc.path)
        tree.add_page(view.cards, sheet.render(view=view, play=view.play))


def practice_data(play: Roleplay, ui: dict[str, str]) -> Markup:
    """The branching script for the practice widget; debriefs stay in the page as rendered Markdown."""
    branching = play.branching
    turns = {
        turn.id: {"customer": turn.line,
                  "replies": [{"text": r.text, "feedback": r.feedback, "score": r.score, "next": r.next}
                              for r in turn.replies]}
        for turn in branching.turns
    }
    endings = {ending.id: {"outcome": ending.outcome, "title": ending.title} for ending in branching.endings}
    return embed_json({"start": branching.start, "turns": turns, "endings": endings,
                       "labels": {**{key: ui[key] for key in WIDGET_LABELS},
                                  **{key: text for key, text in ui.items() if key.startswith("outcome_")}}})


def collect_scripts(course: Course, outline: Outline, views: tuple[RoleplayView, ...]) -> Iterator[ScriptView]:
    """Chapter scripts in syllabus order, then each role-play's, each with a link back to its source."""
    contents: dict[str, ChapterContent] = {content.chapter: content for content in course.contents}
    for part in outline.parts:
        for chapter in part.children:
            content = contents.get(chapter.node.id)
            for index, script in enumerate(content.scripts if content else (), start=1):
                yield ScriptView(script, part, ((chapter.heading, f"{chapter.page}#script-{index}"),))
    for view in views:
        first: Entry | None = view.parts[0] if view.parts else None
        chapters = tuple((chapter.heading, chapter.page) for chapter in view.chapters)
        for index, script in enumerate(view.play.scripts, start=1):
            yield ScriptView(script, first, ((view.play.title, f"{view.page}#script-{index}"), *chapters))


def group_by_situation(scripts: list[ScriptView]) -> list[tuple[str, list[ScriptView]]]:
    """Situations in order of first appearance, so the library follows the course."""
    groups: dict[str, list[ScriptView]] = {}
    for item in scripts:
        groups.setdefault(" ".join(item.script.situation.split()), []).append(item)
    return list(groups.items())
