"""Slide decks: one standalone HTML page per part (slides/<part-id>.html), projected in class."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from generator import routes
from generator.delivery import discussion_minutes as discussion_share
from generator.model.outline import Entry
from generator.model.roleplay import Roleplay
from generator.model.worksheet import Worksheet
from generator.render.mindmap import render_svg, tree_of
from generator.render.tree import DocsTree, RenderContext
from generator.render.views import ChapterView, PartView

DECK_MAP_LEVEL = 2  # chapters and sections: points would be unreadable on one projected slide


@dataclass(frozen=True)
class ChapterSlides:
    chapter: ChapterView
    discussion_minutes: int
    roleplays: tuple[Roleplay, ...]
    worksheets: tuple[Worksheet, ...]


def discussion_minutes(chapter: ChapterView) -> int:
    """The timer: the plan's time split for discussions shared among them; a chapter without a split keeps
    a quarter of its time, in steps of 5, between 5 and 20 minutes."""
    content = chapter.content
    planned = discussion_share(content.timing, len(content.discussions)) if content else None
    if planned is not None:
        return planned
    quarter = 5 * round(chapter.minutes / 4 / 5)
    return max(5, min(20, quarter))


def node_ids(entry: Entry) -> set[str]:
    return {str(node.node.id) for node in entry.walk()}


def chapter_slides(chapter: ChapterView, roleplays: tuple[Roleplay, ...],
                   worksheets: tuple[Worksheet, ...]) -> ChapterSlides:
    ids = node_ids(chapter.entry)
    return ChapterSlides(
        chapter,
        discussion_minutes(chapter),
        tuple(item for item in roleplays if ids.intersection(map(str, item.nodes))),
        tuple(item for item in worksheets if ids.intersection(map(str, item.nodes))),
    )


def part_worksheets(part: PartView, worksheets: tuple[Worksheet, ...]) -> tuple[Worksheet, ...]:
    """Worksheets tied to the part itself rather than to one of its chapters."""
    return tuple(item for item in worksheets if str(part.entry.node.id) in map(str, item.nodes))


def add_decks(tree: DocsTree, ctx: RenderContext, env: jinja2.Environment) -> None:
    deck = env.get_template("classroom/deck.html.j2")
    for part in ctx.parts:
        chapters = [chapter_slides(chapter, ctx.course.roleplays, ctx.course.worksheets)
                    for chapter in part.chapters]
        html = deck.render(
            part=part, chapters=chapters, extra_worksheets=part_worksheets(part, ctx.course.worksheets),
            part_map=render_svg(env, tree_of(part.entry, "slides"), DECK_MAP_LEVEL),
            title=ctx.course.syllabus.course.title)
        tree.files[routes.deck(part.entry.node.id)] = html.encode("utf-8")
    tree.add_page(routes.SLIDES_INDEX, env.get_template("classroom/slides.md.j2").render(parts=ctx.parts))
