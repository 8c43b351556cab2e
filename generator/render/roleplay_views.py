"""Role-plays as the pages list them: each with the chapters and parts it practises, in syllabus order."""

from __future__ import annotations

from dataclasses import dataclass

from generator import routes
from generator.model.course import Course
from generator.model.outline import Entry, Outline
from generator.model.roleplay import Roleplay, chapters_of, parts_of


@dataclass(frozen=True)
class RoleplayView:
    play: Roleplay
    chapters: tuple[Entry, ...]
    parts: tuple[Entry, ...]

    @property
    def page(self) -> str:
        return routes.roleplay_page(self.play.id)

    @property
    def cards(self) -> str:
        return routes.roleplay_cards(self.play.id)

    @property
    def places(self) -> str:
        """Where it belongs, for the line at the top of each printed card."""
        return "、".join(entry.heading for entry in self.chapters or self.parts)



def build_roleplay_views(course: Course, outline: Outline) -> tuple[RoleplayView, ...]:
    """Role-plays in syllabus order (by the first chapter they practise), then by id."""
    order = {entry.node.id: index for index, entry in enumerate(outline.walk())}
    views = [RoleplayView(play, tuple(chapters_of(play, outline)), tuple(parts_of(play, outline)))
             for play in course.roleplays]

    def position(view: RoleplayView) -> tuple[int, str]:
        first = (view.chapters or view.parts or (None,))[0]
        return (order[first.node.id] if first else len(order), view.play.id)

    return tuple(sorted(views, key=position))
