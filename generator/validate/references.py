"""References from chapters to worksheets, role-plays and quizzes, which live in folders of their own."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.model.content import ChapterContent
from generator.model.text import Id
from generator.validate.report import warning

# kind shown to authors -> folder that holds one <id>.yaml per item
FOLDERS = {"工作表": "content/worksheets", "角色扮演": "content/roleplays", "测验": "quizzes"}


def check_references(root: Path, contents: Sequence[ChapterContent]) -> list[Diagnostic]:
    """A reference to an item not written yet is a warning: the chapter can ship before its worksheet."""
    known = {kind: _ids(root / folder) for kind, folder in FOLDERS.items()}
    return [
        warning(ref.loc, "pending-reference", kind=kind, value=ref, folder=FOLDERS[kind])
        for kind, ref in _references(contents)
        if ref not in known[kind]
    ]


def _references(contents: Sequence[ChapterContent]) -> Iterator[tuple[str, Id]]:
    for content in contents:
        if content.exercise and content.exercise.worksheet:
            yield "工作表", content.exercise.worksheet
        if content.exercise and content.exercise.roleplay:
            yield "角色扮演", content.exercise.roleplay
        for quiz in content.quizzes:
            yield "测验", quiz


def _ids(folder: Path) -> set[str]:
    return {path.stem for path in folder.glob("*.yaml")} if folder.is_dir() else set()
