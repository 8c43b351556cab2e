"""The home page's three ways in: before class, in class, after class, linking whatever the features built."""

from __future__ import annotations

from typing import Any

from generator import routes
from generator.render.tree import DocsTree
from generator.render.views import PartView

# moment -> the pages it points to, by the URL conventions the features share; a page the course
# does not have (no quizzes, no role-plays ...) is simply left out
MOMENTS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("before", (("diagnostic", routes.quiz_page("diagnostic")), ("handbook", routes.HANDBOOK),
                ("glossary", routes.GLOSSARY), ("datapack", routes.DATAPACK))),
    ("in_class", (("maps", routes.MAPS_INDEX), ("slides", routes.SLIDES_INDEX), ("roleplays", routes.ROLEPLAYS_INDEX),
                  ("worksheets", routes.WORKSHEETS_INDEX), ("agenda", routes.AGENDA))),
    ("after", (("quizzes", routes.QUIZZES_INDEX), ("review", routes.quiz_page("review")),
               ("progress", routes.quiz_page("progress")), ("scripts", routes.SCRIPTS),
               ("final", routes.quiz_page("final")))),
)


def collect_moments(tree: DocsTree, ui: dict[str, str]) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """(title, lead, [(label, link, description)]) for each moment that has at least one page."""
    moments = []
    for moment, links in MOMENTS:
        found = [(ui[f"way_{key}"], path, ui[f"way_{key}_text"]) for key, path in links if path in tree.files]
        if found:
            moments.append((ui[f"moment_{moment}"], ui[f"moment_{moment}_text"], found))
    return moments


def progress_meta(storage: str, parts: tuple[PartView, ...], ui: dict[str, str]) -> dict[str, Any]:
    """What progress.js reads on every page (overrides/main.html): the storage key and the chapters as
    [id, page path without .md, 1 when it counts towards the course percentage]. Optional chapters of the
    delivery plan do not count; self-study ones do, since the learner reads them on their own."""
    chapters = [[str(chapter.entry.node.id), chapter.entry.page.removesuffix(".md"), int(chapter.status != "optional")]
                for part in parts for chapter in part.chapters]
    return {"key": storage, "chapters": chapters, "read": ui["progress_nav_read"], "done": ui["progress_nav_done"]}
