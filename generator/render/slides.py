"""Slide decks: per part, a standalone audience deck (slides/<part-id>.html, projected in class, never any notes)
and its presenter view (slides/<part-id>.presenter.html: the same slides, next slide, timers, clock and, in the
trainer edition only, the trainer notes)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from math import ceil
from typing import TypeVar

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
# Characters of list text one slide shows at full type on a 1024×768 projector (about 31 per line, 13 lines);
# longer lists go on continued slides, the deck's script shrinks what is left (down to a floor) to fit.
SLIDE_CHARACTERS = 360
ITEM_OVERHEAD = 12  # a list item's margin and its last, part-filled line
Item = TypeVar("Item")


@dataclass(frozen=True)
class ChapterSlides:
    chapter: ChapterView
    discussion_minutes: int
    roleplays: tuple[Roleplay, ...]
    worksheets: tuple[Worksheet, ...]
    point_groups: tuple[tuple[str, ...], ...] = ((),)  # the key points, one group per slide


def discussion_minutes(chapter: ChapterView) -> int:
    """The timer: the plan's time split for discussions shared among them; a chapter without a split keeps
    a quarter of its time, in steps of 5, between 5 and 20 minutes."""
    content = chapter.content
    planned = discussion_share(content.timing, len(content.discussions)) if content else None
    if planned is not None:
        return planned
    quarter = 5 * round(chapter.minutes / 4 / 5)
    return max(5, min(20, quarter))


def split_for_slides(items: Sequence[Item], size: Callable[[Item], int] = lambda item: len(str(item)),
                     budget: int = SLIDE_CHARACTERS) -> tuple[tuple[Item, ...], ...]:
    """Items in order, cut into as few slides as the budget allows, each about equally full."""
    weights = [size(item) + ITEM_OVERHEAD for item in items]
    target = sum(weights) / max(1, ceil(sum(weights) / budget))
    groups: list[list[Item]] = [[]]
    filled = 0
    for item, weight in zip(items, weights, strict=True):
        if groups[-1] and filled + weight / 2 > target:
            groups.append([])
            filled = 0
        groups[-1].append(item)
        filled += weight
    return tuple(tuple(group) for group in groups)


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
        split_for_slides(chapter.content.key_points) if chapter.content else ((),),
    )


def part_worksheets(part: PartView, worksheets: tuple[Worksheet, ...]) -> tuple[Worksheet, ...]:
    """Worksheets tied to the part itself rather than to one of its chapters."""
    return tuple(item for item in worksheets if str(part.entry.node.id) in map(str, item.nodes))


def summary_size(chapter: ChapterView) -> int:
    return len(chapter.entry.heading) + (len(str(chapter.content.summary)) if chapter.content else 0)


def add_decks(tree: DocsTree, ctx: RenderContext, env: jinja2.Environment) -> None:
    deck = env.get_template("classroom/deck.html.j2")
    for part in ctx.parts:
        chapters = [chapter_slides(chapter, ctx.course.roleplays, ctx.course.worksheets)
                    for chapter in part.chapters]
        values = dict(
            part=part, chapters=chapters, extra_worksheets=part_worksheets(part, ctx.course.worksheets),
            summary_groups=split_for_slides(part.chapters, summary_size),
            part_map=render_svg(env, tree_of(part.entry, "slides"), DECK_MAP_LEVEL),
            title=ctx.course.syllabus.course.title)
        audience, presenter = routes.deck(part.entry.node.id), routes.presenter_deck(part.entry.node.id)
        for path, peer, is_presenter in ((audience, presenter, False), (presenter, audience, True)):
            html = deck.render(values, presenter=is_presenter, peer=peer.removeprefix("slides/"))
            tree.files[path] = html.encode("utf-8")
    tree.add_page(routes.SLIDES_INDEX, env.get_template("classroom/slides.md.j2").render(parts=ctx.parts))
