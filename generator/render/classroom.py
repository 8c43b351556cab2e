"""Classroom feature: mind maps, slide decks, the printable handbook and the trainer edition's pages."""

from __future__ import annotations

from typing import Any

import jinja2

from generator import routes
from generator.locale import UI
from generator.render.handbook import add_handbook
from generator.render.mindmap import course_tree, render_foldable, svg_file, tree_of
from generator.render.slides import add_decks
from generator.render.trainer import add_trainer_pages
from generator.render.tree import DocsTree, RenderContext

# The page shows parts and chapters (an overview that stays small as courses grow);
# maps/course.svg and each part's map carry every level.
COURSE_MAP_LEVEL = 2


def render_classroom(tree: DocsTree, ctx: RenderContext) -> list[Any]:
    env = ctx.env
    _add_maps(tree, ctx, env)
    add_decks(tree, ctx, env)
    add_handbook(tree, ctx, env)
    items: list[Any] = [{UI["maps_title"]: routes.MAPS_INDEX}, {UI["slides_title"]: routes.SLIDES_INDEX},
                        {UI["handbook_title"]: routes.HANDBOOK}]
    if ctx.edition == "trainer":
        items += add_trainer_pages(tree, ctx, env)
    return [{UI["classroom"]: items}]


def _add_maps(tree: DocsTree, ctx: RenderContext, env: jinja2.Environment) -> None:
    title = ctx.course.syllabus.course.title
    tree.files[routes.COURSE_MAP] = svg_file(env, course_tree(title, ctx.outline.parts, "maps"))
    for part in ctx.outline.parts:
        tree.files[routes.part_map(part.node.id)] = svg_file(env, tree_of(part, "maps"))
    course_map = render_foldable(env, course_tree(title, ctx.outline.parts, "maps"), max_level=COURSE_MAP_LEVEL)
    tree.add_page(routes.MAPS_INDEX, env.get_template("classroom/maps.md.j2").render(
        course_map=course_map, parts=ctx.outline.parts))
