"""The names the renderer writes at the top of the docs tree are exactly those the id checks keep free."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.course import load_course
from generator.render import EDITIONS, render
from generator.routes import FOLDER_IDS_TAKEN, PART_IDS_TAKEN, TOP_LEVEL
from tests.conftest import copy_bundled_course

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bundled_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled course uses every feature (quizzes, role-plays, worksheets, facts, extra pages)."""
    return copy_bundled_course(tmp_path_factory.mktemp("routes"))


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_generated_top_level_name_is_taken(bundled_course: Path, edition: str) -> None:
    course = load_course(bundled_course).course
    assert course is not None
    tree = render(course, edition)
    parts = {str(part.id) for part in course.syllabus.parts}
    names = {path.split("/")[0].removesuffix(".md") for path in tree.files}
    assert names - parts <= TOP_LEVEL
    assert {"quizzes", "roleplays", "worksheets", "datapack", "index"} <= names  # the course uses every feature


@pytest.mark.parametrize("edition", EDITIONS)
def test_folder_pages_beside_ids_are_taken(bundled_course: Path, edition: str) -> None:
    """Pages a folder holds besides the ids' own pages (index.md, maps/course.svg) are reserved names."""
    course = load_course(bundled_course).course
    assert course is not None
    tree = render(course, edition)
    ids = {str(x.id) for x in (*course.syllabus.parts, *course.roleplays, *course.worksheets)}
    ids |= {str(chapter.id) for part in course.syllabus.parts for chapter in part.chapters}
    folders = {"roleplays", "worksheets", "maps", *(str(part.id) for part in course.syllabus.parts)}
    beside = {Path(path).stem for path in tree.files if path.split("/")[0] in folders and path.count("/") == 1}
    assert beside - ids <= PART_IDS_TAKEN | FOLDER_IDS_TAKEN
    assert "course" in beside - ids
