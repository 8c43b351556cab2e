"""What a part or chapter page shows besides its own text, computed before the page is rendered.

The page templates read these views; they call no Python and join nothing themselves. Links are relative
to the page that shows them: part and chapter pages sit one folder deep.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from generator import routes
from generator.model.content import ChapterContent
from generator.model.course import Course
from generator.model.outline import Entry, Outline
from generator.model.worksheet import Worksheet
from generator.render.mindmap import PART_MAP_START, render_foldable, tree_of
from generator.render.quiz_views import QuizCatalog, QuizView
from generator.render.roleplay_views import RoleplayView
from generator.render.worksheets import placed_worksheets


@dataclass(frozen=True)
class PlayLink:
    view: RoleplayView
    page: str
    cards: str


@dataclass(frozen=True)
class SheetLink:
    worksheet: Worksheet
    page: str
    file: str


@dataclass(frozen=True)
class ChapterPlacement:
    check: QuizView | None
    sheet_id: str | None  # the exercise's worksheet, written or not yet
    sheet: SheetLink | None  # ... when it exists
    roleplay_id: str | None  # the exercise's role-play
    plays: tuple[PlayLink, ...]  # the exercise's own first, then those placed under the chapter

    @property
    def pending(self) -> bool:
        """The exercise names a role-play that is not written yet."""
        return bool(self.roleplay_id) and all(link.view.play.id != self.roleplay_id for link in self.plays)


@dataclass(frozen=True)
class PartPlacement:
    map: Markup
    deck: str
    plays: tuple[PlayLink, ...]
    sheets: tuple[SheetLink, ...]


class Placement:
    """Indexes a course once; hands each part and chapter page what it links to."""

    def __init__(self, course: Course, outline: Outline, catalog: QuizCatalog,
                 roleplays: tuple[RoleplayView, ...], env: jinja2.Environment) -> None:
        self.catalog = catalog
        self.roleplays = roleplays
        self.env = env
        self.sheets = {worksheet.id: worksheet for worksheet in course.worksheets}
        self.by_part = placed_worksheets(course, outline)

    def chapter(self, entry: Entry, content: ChapterContent | None) -> ChapterPlacement:
        exercise = content.exercise if content else None
        sheet_id = exercise.worksheet if exercise and exercise.worksheet else None
        wanted = exercise.roleplay if exercise and exercise.roleplay else None
        sheet = self.sheets.get(sheet_id) if sheet_id else None
        return ChapterPlacement(self.catalog.chapter_check(entry), sheet_id, _sheet_link(sheet) if sheet else None,
                                wanted, self._plays(entry, wanted))

    def part(self, entry: Entry) -> PartPlacement:
        tree = tree_of(entry, entry.part.id)
        return PartPlacement(render_foldable(self.env, tree, start=PART_MAP_START),
                             routes.from_folder(routes.deck(entry.node.id)), self._plays(entry, None),
                             tuple(_sheet_link(sheet) for sheet in self.by_part.get(entry.node.id, ())))

    def _plays(self, entry: Entry, first: str | None) -> tuple[PlayLink, ...]:
        """Placed under `entry` by their nodes; `first` (a chapter's exercise role-play) leads, placed or not."""
        placed = [view for view in self.roleplays if view.play.id == first
                  or any(entry.node is place.node for place in (*view.chapters, *view.parts))]
        placed.sort(key=lambda view: view.play.id != first)
        return tuple(PlayLink(view, routes.from_folder(view.page), routes.from_folder(view.cards)) for view in placed)


def _sheet_link(sheet: Worksheet) -> SheetLink:
    return SheetLink(sheet, routes.from_folder(routes.worksheet_page(sheet.id)),
                     routes.from_folder(routes.worksheet_file(sheet.id)))
