"""The printable participant handbook (print/handbook.md): one page the browser or `courseware pdf` prints."""

from __future__ import annotations

import jinja2

from generator import routes
from generator.render.tree import DocsTree, RenderContext


def add_handbook(tree: DocsTree, ctx: RenderContext, env: jinja2.Environment) -> None:
    text = env.get_template("classroom/handbook.md.j2").render(
        info=ctx.course.syllabus.course, parts=ctx.parts, terms=ctx.course.glossary.terms)
    tree.add_page(routes.HANDBOOK, text)
