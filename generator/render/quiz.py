"""Quiz pages: one page per defined quiz, the index, 我的进度 and 复习 (chapter checks sit on chapter pages)."""

from __future__ import annotations

from typing import Any

from generator import routes
from generator.locale import UI
from generator.render.tree import DocsTree, RenderContext


def render_quizzes(tree: DocsTree, ctx: RenderContext) -> list[Any]:
    catalog = ctx.catalog
    if not catalog.questions:
        return []
    env = ctx.env
    quizzes = catalog.defined()
    for quiz in quizzes:
        tree.add_page(quiz.page, env.get_template("quiz/page.md.j2").render(quiz=quiz))
    tree.add_page(routes.QUIZZES_INDEX, env.get_template("quiz/index.md.j2").render(
        quizzes=quizzes, chapters=catalog.chapters(), parts=ctx.outline.parts))
    tree.add_page(routes.quiz_page("progress"), env.get_template("quiz/progress.md.j2").render(
        data=catalog.progress_data(quizzes), chapters=catalog.chapters(), course_title=catalog.title,
        actions=[(chapter.entry, chapter.content.actions) for part in ctx.parts for chapter in part.chapters
                 if chapter.content and chapter.content.actions]))
    tree.add_page(routes.quiz_page("review"), env.get_template("quiz/review.md.j2").render(quiz=catalog.review()))
    pages = [{quiz.pool.title: quiz.page} for quiz in quizzes]
    extra = [{UI["quiz_progress"]: routes.quiz_page("progress")}, {UI["quiz_review"]: routes.quiz_page("review")}]
    return [{UI["quiz_nav"]: [routes.QUIZZES_INDEX, *pages, *extra]}]
