"""The home page's three ways in: before class, in class, after class, linking whatever the features built."""

from __future__ import annotations

from generator.locale import UI
from generator.render.tree import DocsTree

# moment -> the pages it points to, by the URL conventions the features share; a page the course
# does not have (no quizzes, no role-plays ...) is simply left out
MOMENTS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("before", (("diagnostic", "quizzes/diagnostic.md"), ("handbook", "print/handbook.md"),
                ("glossary", "glossary.md"),
                ("datapack", "datapack.md"))),
    ("in_class", (("maps", "maps/index.md"), ("slides", "slides/index.md"), ("roleplays", "roleplays/index.md"),
                  ("worksheets", "worksheets/index.md"), ("agenda", "agenda.md"))),
    ("after", (("quizzes", "quizzes/index.md"), ("review", "quizzes/review.md"), ("progress", "quizzes/progress.md"),
               ("scripts", "scripts.md"), ("final", "quizzes/final.md"))),
)


def collect_moments(tree: DocsTree) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """(title, lead, [(label, link, description)]) for each moment that has at least one page."""
    moments = []
    for moment, links in MOMENTS:
        found = [(UI[f"way_{key}"], path, UI[f"way_{key}_text"]) for key, path in links if path in tree.files]
        if found:
            moments.append((UI[f"moment_{moment}"], UI[f"moment_{moment}_text"], found))
    return moments
