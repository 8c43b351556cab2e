"""The syllabus as a numbered tree: what each node is called, where it lives and how it is addressed."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from generator import routes
from generator.model import numbering
from generator.model.syllabus import Chapter, OutlineNode, Part, Syllabus

KINDS = ("part", "chapter", "section", "point")


@dataclass(frozen=True)
class Entry:
    """One syllabus node with its derived label and address."""

    kind: str
    node: OutlineNode
    label: str
    depth: int
    qid: str  # reference id: chapter.section.point; parts and chapters are global
    part: Part
    chapter: Chapter | None
    children: tuple[Entry, ...]
    position: tuple[int, int] = (0, 0)  # (part, chapter) numbers, 1-based, for full labels
    chapter_label: str = ""

    @property
    def title(self) -> str:
        return self.node.title

    @property
    def anchor(self) -> str:
        """Heading id on the chapter page; parts and chapters have pages of their own."""
        return "--".join(self.qid.split(".")[1:])

    @property
    def page(self) -> str:
        """Docs-tree path of the page that shows this node."""
        if self.kind == "part":
            return routes.part_page(self.part.id)
        assert self.chapter is not None
        return routes.chapter_page(self.part.id, self.chapter.id)

    @property
    def target(self) -> str:
        """Docs-tree path plus the heading anchor for a section or point: where a link to this node goes."""
        return self.page if self.kind in ("part", "chapter") else f"{self.page}#{self.anchor}"

    @property
    def heading(self) -> str:
        gap = "" if self.label.endswith("、") else " "
        return f"{self.label}{gap}{self.title}"

    @property
    def full_label(self) -> str:
        """The label with its part's (and chapter's) in front: chapter numbers restart in every part."""
        if self.kind == "part":
            return self.label
        part = numbering.label("part", self.position[0])
        if self.kind == "chapter":
            return part + self.label
        return f"{part}{self.chapter_label}{self.label}"

    def walk(self) -> Iterator[Entry]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Outline:
    parts: tuple[Entry, ...]

    def walk(self) -> Iterator[Entry]:
        for part in self.parts:
            yield from part.walk()

    def chapters(self) -> Iterator[Entry]:
        for part in self.parts:
            yield from part.children

    def by_qid(self) -> dict[str, Entry]:
        return {entry.qid: entry for entry in self.walk()}

    def by_id(self) -> dict[str, Entry]:
        """Entries by their own id; the first wins where a section id repeats in another chapter."""
        return {node_id: entries[0] for node_id, entries in self._ids.items()}

    def named(self, node_id: str) -> list[Entry]:
        """Every entry with this id: more than one means a reference to it is ambiguous."""
        return list(self._ids.get(node_id, ()))

    @functools.cached_property
    def _ids(self) -> dict[str, list[Entry]]:
        """Made once: checks and pages ask for entries by id a few hundred times, each a walk of the outline."""
        found: dict[str, list[Entry]] = {}
        for entry in self.walk():
            found.setdefault(str(entry.node.id), []).append(entry)
        return found


def build_outline(syllabus: Syllabus) -> Outline:
    parts = tuple(
        _part(part, position) for position, part in enumerate(syllabus.parts, start=1)
    )
    return Outline(parts)


def _part(part: Part, position: int) -> Entry:
    chapters = tuple(
        _entry(chapter, part, chapter, 1, pos, chapter.id, _style(part, 1), (position, pos))
        for pos, chapter in enumerate(part.chapters, start=1)
    )
    return Entry("part", part, numbering.label("part", position), 0, part.id, part, None, chapters, (position, 0))


def _entry(node: OutlineNode, part: Part, chapter: Chapter, depth: int, position: int, qid: str, style: str,
           where: tuple[int, int], chapter_label: str = "") -> Entry:
    label = numbering.label(style, position)
    inner = chapter_label or label
    children = tuple(
        _entry(child, part, chapter, depth + 1, pos, f"{qid}.{child.id}", _style(node, depth + 1), where, inner)
        for pos, child in enumerate(_children(node), start=1)
    )
    kind = KINDS[min(depth, 3)]
    return Entry(kind, node, label, depth, qid, part, chapter, children, where, chapter_label if depth > 1 else "")


def _children(node: OutlineNode) -> tuple[OutlineNode, ...]:
    for name in ("chapters", "sections", "points"):
        children: tuple[OutlineNode, ...] = getattr(node, name, ())
        if children:
            return children
    return ()


def _style(parent: OutlineNode, depth: int) -> str:
    return parent.numbering or numbering.default_style(depth)
