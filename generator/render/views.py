"""Pair outline entries with their written content, in the shape the page templates read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.model.content import ChapterContent, PointContent, SectionContent
from generator.model.outline import Entry, Outline
from generator.model.text import Markdown


@dataclass(frozen=True)
class NodeView:
    entry: Entry
    body: Markdown | None
    children: tuple[NodeView, ...]


@dataclass(frozen=True)
class ChapterView:
    entry: Entry
    content: ChapterContent | None
    sections: tuple[NodeView, ...]
    status: str = "core"  # in the chosen delivery plan: core, optional or self-study

    @property
    def link(self) -> str:
        """Relative to its part's page, which sits in the same folder."""
        assert self.entry.chapter is not None
        return f"{self.entry.chapter.id}.md"

    @property
    def minutes(self) -> int:
        return self.content.minutes if self.content else 0


@dataclass(frozen=True)
class PartView:
    entry: Entry
    chapters: tuple[ChapterView, ...]

    @property
    def link(self) -> str:
        return self.entry.page

    @property
    def minutes(self) -> int:
        """Class minutes in the chosen plan: optional and self-study chapters take none."""
        return sum(chapter.minutes for chapter in self.chapters if chapter.status == "core")


def build_views(outline: Outline, contents: Sequence[ChapterContent],
                statuses: Mapping[str, str] | None = None) -> tuple[PartView, ...]:
    by_chapter = {content.chapter: content for content in contents}
    statuses = statuses or {}
    return tuple(
        PartView(part, tuple(_chapter(chapter, by_chapter.get(chapter.node.id), statuses.get(str(chapter.node.id)))
                             for chapter in part.children))
        for part in outline.parts
    )


def _chapter(entry: Entry, content: ChapterContent | None, status: str | None) -> ChapterView:
    sections = _nodes(entry.children, content.sections if content else ())
    return ChapterView(entry, content, sections, status or "core")


def _nodes(entries: Sequence[Entry], written: Sequence[SectionContent | PointContent]) -> tuple[NodeView, ...]:
    by_id = {node.id: node for node in written}
    views = []
    for entry in entries:
        node = by_id.get(entry.node.id)
        children = _nodes(entry.children, node.points if node else ())
        views.append(NodeView(entry, node.body if node else None, children))
    return tuple(views)
