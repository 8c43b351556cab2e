"""The home page's three ways in: before class, in class, after class, linking whatever the features built."""

from __future__ import annotations

from generator import routes
from generator.render.tree import DocsTree

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
