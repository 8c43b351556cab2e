"""Chapter contents against the syllabus: every content node points at a real node, every node gets content."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.diagnostics import Diagnostic, Loc
from generator.model.content import ChapterContent, PointContent, SectionContent
from generator.model.outline import Entry, Outline
from generator.validate.report import error, unknown, warning

ContentNode = SectionContent | PointContent


@dataclass(frozen=True)
class ChapterRules:
    """What a course's profile asks of every chapter: the audience tags it may use, the parts --strict wants."""

    roles: tuple[str, ...]
    strict: tuple[str, ...] = ChapterContent.EXPECTED


def check_coverage(
    outline: Outline, contents: Sequence[ChapterContent], rules: ChapterRules, unbound: frozenset[str] = frozenset()
) -> list[Diagnostic]:
    chapters = {entry.node.id: entry for entry in outline.chapters()}
    problems: list[Diagnostic] = []
    written: dict[str, ChapterContent] = {}
    for content in contents:
        entry = chapters.get(content.chapter)
        if entry is None:
            problems.append(unknown(content.chapter, "chapter", chapters))
        elif content.chapter in written:
            first = written[content.chapter].loc.path
            problems.append(
                error(content.chapter.loc, "duplicate-module", label=entry.full_label, title=entry.title, first=first)
            )
        else:
            written[content.chapter] = content
            problems += _check_chapter(entry, content, rules)
    for chapter_id, entry in chapters.items():
        if chapter_id not in written and chapter_id not in unbound:
            problems.append(warning(entry.node.id.loc, "missing-content", label=entry.full_label, title=entry.title))
    return problems


def _check_chapter(entry: Entry, content: ChapterContent, rules: ChapterRules) -> list[Diagnostic]:
    problems = _match(entry.children, content.sections, content.locs.get("sections", content.loc))
    problems += [
        error(tag.loc, "unknown-role", value=tag, choices="、".join(rules.roles))
        for tag in content.audience
        if tag not in rules.roles
    ]
    expected = [name for name in rules.strict if entry.children or name != "sections"]
    missing = [name for name in expected if not getattr(content, name)]
    if missing:
        problems.append(warning(content.loc, "incomplete-chapter", label=entry.full_label, title=entry.title,
                                missing="、".join(missing)))
    return problems


def _match(entries: Sequence[Entry], nodes: Sequence[ContentNode], where: Loc) -> list[Diagnostic]:
    """Pair content nodes with syllabus children by id; recurse into points."""
    by_id = {entry.node.id: entry for entry in entries}
    problems: list[Diagnostic] = []
    seen: dict[str, ContentNode] = {}
    for node in nodes:
        if node.id not in by_id:
            problems.append(unknown(node.id, "outline_node", by_id))
            continue
        if node.id in seen:
            problems.append(error(node.id.loc, "duplicate-id", value=node.id, first=seen[node.id].id.loc))
            continue
        seen[node.id] = node
        problems += _match(by_id[node.id].children, node.points, node.loc)
    for node_id, entry in by_id.items():
        written = seen.get(node_id)
        if written is None or not written.body:
            loc = written.loc if written else where
            problems.append(warning(loc, "missing-section", label=entry.full_label, title=entry.title, id=node_id))
    return problems
