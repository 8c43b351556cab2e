"""The docs tree the render phase produces: files, navigation and assets, independent of any engine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.delivery import Delivery
from generator.model.course import Course
from generator.model.outline import Outline
from generator.render.quiz_views import QuizCatalog
from generator.render.roleplay_views import RoleplayView
from generator.render.views import PartView
from generator.workbook.store import WorkbookStore


@dataclass
class DocsTree:
    """Files of the docs folder (path -> content) plus the navigation, independent of any engine."""

    files: dict[str, bytes] = field(default_factory=dict)
    nav: list[Any] = field(default_factory=list)
    extra_css: list[str] = field(default_factory=list)
    extra_js: list[str] = field(default_factory=list)
    polyfills: list[str] = field(default_factory=list)  # scripts that must run in <head>, before the theme's
    pages: int = 0
    sources: dict[str, str] = field(default_factory=dict)  # page -> the author's file it comes from
    mark: str = ""  # shown on every page and every print (the trainer edition's 讲师版), or nothing
    progress: dict[str, Any] = field(default_factory=dict)  # what progress.js reads on every page (render/home.py)
    late: dict[str, Callable[[], bytes]] = field(default_factory=dict)  # files still being made (workbooks)

    def add_page(self, path: str, text: str, source: str = "") -> None:
        self.files[path] = text.encode("utf-8")
        self.pages += 1
        if source:
            self.sources[path] = source

    def add_file(self, path: str, make: Callable[[], bytes], late: bool = False) -> None:
        """A file made by `make`; a `late` one is made only when `finish` asks (it is being made elsewhere)."""
        if late:
            self.late[path] = make
        else:
            self.files[path] = make()

    def write(self, docs_dir: Path) -> None:
        """Late files get an empty stand-in, so that the tree lists them until `finish` writes them."""
        for relative, data in sorted([*self.files.items(), *((path, b"") for path in self.late)]):
            target = docs_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    def finish(self, docs_dir: Path) -> dict[str, bytes]:
        """Wait for the late files and write them over their stand-ins; they become ordinary files."""
        for relative, make in sorted(self.late.items()):
            self.files[relative] = make()
            (docs_dir / relative).write_bytes(self.files[relative])
        done = {relative: self.files[relative] for relative in self.late}
        self.late.clear()
        return done


@dataclass(frozen=True)
class RenderContext:
    """What a feature renderer (quizzes, role-plays, worksheets, classroom) needs to add its pages."""

    course: Course
    outline: Outline
    parts: tuple[PartView, ...]
    env: Any
    edition: str
    catalog: QuizCatalog  # built once: chapter checks and quiz pages read the same
    roleplays: tuple[RoleplayView, ...]
    delivery: Delivery  # the plan every minute count on every page comes from
    workbooks: WorkbookStore = field(default_factory=WorkbookStore)  # with a folder, kept between builds
