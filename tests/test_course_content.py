"""The bundled course meets the content standard of the content issues, chapter by chapter."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.load.course import load_course
from generator.model.content import ChapterContent, PointContent, SectionContent
from generator.model.outline import Entry, build_outline

REPO = Path(__file__).resolve().parents[1]
HAN = re.compile(r"[\u4e00-\u9fff]")
COURSE = load_course(REPO).course
OUTLINE = build_outline(COURSE.syllabus)
CONTENTS = {content.chapter: content for content in COURSE.contents}
CHAPTERS = list(OUTLINE.chapters())


def han(text: str | None) -> int:
    return len(HAN.findall(text or ""))


def section_chars(node: SectionContent | PointContent) -> int:
    return han(node.body) + sum(section_chars(child) for child in node.points)


@pytest.mark.parametrize("entry", CHAPTERS, ids=[entry.node.id for entry in CHAPTERS])
def test_chapter_is_complete(entry: Entry) -> None:
    content = CONTENTS.get(entry.node.id)
    assert content is not None, f"{entry.heading} has no content file"
    assert 3 <= len(content.key_points) <= 6
    assert content.cases and len(content.scripts) >= 2
    assert len(content.discussions) >= 2 and all(item.listen_for for item in content.discussions)
    assert content.exercise and (content.exercise.worksheet or content.exercise.roleplay)
    assert content.actions and content.trainer_notes and content.reading and content.audience


@pytest.mark.parametrize("entry", CHAPTERS, ids=[entry.node.id for entry in CHAPTERS])
def test_chapter_meets_character_minimums(entry: Entry) -> None:
    content: ChapterContent = CONTENTS[entry.node.id]
    per_section = [section_chars(section) for section in content.sections]
    if entry.children:
        assert sum(per_section) / len(entry.children) >= 400, per_section
        assert sum(per_section) >= 1500, per_section
    else:  # a chapter the outline gives no sections teaches in its intro
        assert han(content.intro) >= 1500


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._depth += 1
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.texts[-1] += data


def test_every_outline_title_on_the_site_in_order(built_site: Path) -> None:
    for chapter in CHAPTERS:
        parser = _Headings()
        parser.feed((built_site / chapter.page.replace(".md", ".html")).read_text(encoding="utf-8"))
        headings = [" ".join(text.replace("¶", "").split()) for text in parser.texts]
        expected = [entry.heading for entry in chapter.walk()]
        found = [h for h in headings if h in expected]
        assert found == expected


def test_glossary_page_lists_every_term(built_site: Path) -> None:
    page = (built_site / "glossary.html").read_text(encoding="utf-8")
    assert COURSE.glossary.terms
    for term in COURSE.glossary.terms:
        assert f"<dt>{term.term}</dt>" in page


def test_print_pages_stay_out_of_search(built_site: Path) -> None:
    """Handbook, facilitator guide and card sheets repeat pages that are indexed already."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"].startswith("roleplays/") for doc in index["docs"])
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("print/")]


def test_bundled_course_passes_strict_validation_with_the_item_lint() -> None:
    """Nothing to game (longest answer, always-false, length of the best reply), no figure written twice
    differently, no unused fact: `courseware validate --strict` gives no warning at all."""
    from generator.validate import validate

    loaded = load_course(REPO)
    problems = [*loaded.problems, *validate(loaded.course)]
    assert [f"{p.loc}: {p.code}" for p in problems] == []
