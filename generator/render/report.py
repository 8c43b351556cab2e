"""班级报告 (trainer edition): the learners' exported progress files read together in the browser.

The page carries, as data-json built here, what the script cannot learn from the files: the course's
storage key (a file from another course is refused by it), which quizzes are the diagnostic and the final,
the chapter checks and parts, and every question's options, wrong options, tags and chapter. Its script and
style live outside site_templates/assets (they are not the site's front end, nor in its budget) and are
written beside this page only, which links them itself.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from generator import routes
from generator.assets import minified
from generator.locale import UI
from generator.model.outline import Entry
from generator.model.quiz import Question
from generator.model.quizpool import CHECK_PREFIX
from generator.render.quiz_views import DEFAULT_CREDIT, QuizView
from generator.render.templates import embed_json
from generator.render.tree import DocsTree, RenderContext
from generator.resources import TOOL_TEMPLATES

REPORT_SOURCES = TOOL_TEMPLATES / "report"
JS_PREFIX = "reportjs_"  # UI keys the report script reads
STEM_CHARS = 40  # the question tables show the start of the stem; the full text is on 测验答案
CHOICE_TYPES = ("single", "multiple", "truefalse", "scenario")  # the types whose files carry `picked`


def add_report(tree: DocsTree, ctx: RenderContext) -> list[Any]:
    """The page and its own two files; nothing when the course has no questions."""
    if not ctx.catalog.questions:
        return []
    for target in routes.REPORT_ASSETS:
        tree.files[target] = minified(target, (REPORT_SOURCES / target.rsplit("/", 1)[1]).read_bytes())
    tree.add_page(routes.REPORT, ctx.env.get_template("classroom/report.md.j2").render(
        data=report_data(ctx, ctx.catalog.defined()), style=routes.REPORT_ASSETS[-1],
        scripts=[path for path in routes.REPORT_ASSETS if path.endswith(".js")]))
    return [{UI["report_title"]: routes.REPORT}]


def report_data(ctx: RenderContext, quizzes: list[QuizView]) -> Markup:
    catalog = ctx.catalog
    checked = catalog.chapters()
    parts = [{"id": part.node.id, "title": part.heading,
              "checks": [CHECK_PREFIX + chapter.node.id for chapter in part.children if chapter in checked],
              "test": next((q.pool.id for q in quizzes if q.pool.kind == "part" and _all_in(q, part)), None)}
             for part in ctx.outline.parts]
    by_id = ctx.outline.by_id()
    return embed_json({
        "storage": catalog.storage, "course": catalog.title,
        "diagnostic": [q.pool.id for q in quizzes if q.pool.kind == "diagnostic"],
        "final": [q.pool.id for q in quizzes if q.pool.kind == "final"],
        "parts": parts, "questions": [_question(q, by_id) for q in catalog.questions],
        "ui": {key[len(JS_PREFIX):]: value for key, value in UI.items() if key.startswith(JS_PREFIX)},
    })


def _all_in(quiz: QuizView, part: Entry) -> bool:
    inside = {entry.node.id for entry in part.walk()}
    return bool(quiz.pool.questions) and all(q.node in inside for q in quiz.pool.questions)


def _question(question: Question, by_id: dict[str, Entry]) -> dict[str, Any]:
    entry = by_id.get(question.node)
    chapter = by_id.get(entry.chapter.id, entry) if entry and entry.chapter else entry
    options, wrong = option_texts(question)
    return {"id": question.id, "stem": plain_start(str(question.stem)), "tags": list(question.tags),
            "chapter": f"{chapter.part.title} · {chapter.heading}" if chapter else "",
            "link": routes.as_html(chapter.page) if chapter else "", "options": options, "wrong": wrong}


def option_texts(question: Question) -> tuple[list[str], list[int]]:
    """Option texts in source order (the indices `picked` uses) and the indices of the wrong ones."""
    if question.type not in CHOICE_TYPES:
        return [], []
    if question.type == "truefalse":
        return [UI["quiz_true"], UI["quiz_false"]], [1 if question.answer else 0]
    if question.type == "scenario":
        credits = [o.credit if o.credit is not None else DEFAULT_CREDIT.get(o.rating or "poor", 0)
                   for o in question.options]
        return [str(o.text) for o in question.options], [i for i, c in enumerate(credits) if c < max(credits)]
    return [str(o.text) for o in question.options], [i for i, o in enumerate(question.options) if not o.correct]


def plain_start(markdown: str) -> str:
    """The first characters of a stem as plain text: emphasis, code marks and link targets dropped
    (facts' [[id]] are already their text: the loader substitutes them)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = " ".join(re.sub(r"[*_`#>]", "", text).split())
    return text if len(text) <= STEM_CHARS else text[:STEM_CHARS] + "…"
