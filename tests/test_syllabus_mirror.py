"""content/syllabus.yaml mirrors the published outline line by line, and its titles reconstruct it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.load.course import load_course
from generator.model.outline import build_outline

REPO = Path(__file__).resolve().parents[1]
OUTLINE = REPO.parent / "shared" / "course-outline.txt"
BULLETS = re.compile(r"^[\s·o§]*")
LABEL = re.compile(
    r"^(第[一二三四五六七八九十\d]+(部份|章|节|步)?|[一二三四五六七八九十]+|\d+|\*\*(部份|章|节|步)?)[、，,.:：]\s*"
)
PUNCT = str.maketrans({"?": "？", ",": "，", ";": "", "；": "", ":": "：", " ": ""})


def outline_lines() -> list[str]:
    text = OUTLINE.read_text(encoding="utf-8")
    body = text.split("课程大纲", 1)[1]
    lines = [BULLETS.sub("", line).strip() for line in body.splitlines()]
    return [line for line in lines if line and line != '""']


@pytest.fixture(scope="module")
def entries():
    return list(build_outline(load_course(REPO).course.syllabus).walk())


@pytest.mark.skipif(not OUTLINE.exists(), reason="shared/course-outline.txt is not beside this checkout")
def test_every_outline_line_in_order(entries) -> None:
    assert [entry.node.original for entry in entries] == outline_lines()


def test_titles_reconstruct_the_original(entries) -> None:
    for entry in entries:
        original = LABEL.sub("", entry.node.original).translate(PUNCT)
        pattern = "^" + ".{1,2}".join(re.escape(part) for part in original.split("**")) + "$"
        assert re.match(pattern, entry.node.title.translate(PUNCT)), (entry.node.original, entry.node.title)


def test_masked_words_are_explained(entries) -> None:
    for entry in entries:
        masked_in_title = "**" in LABEL.sub("", entry.node.original)
        assert not masked_in_title or entry.node.note, entry.node.original
