"""load → validate → render → engine, with the rule that a failed build changes nothing on disk."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostic, has_errors
from generator.engine import build_site, compose_config, write_config
from generator.load.course import load_course
from generator.locale import cli
from generator.model.course import Course
from generator.render import render, templates_folder
from generator.validate import validate

Progress = Callable[[str], None]


@dataclass
class Outcome:
    course: Course | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    pages: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def failed(self, strict: bool) -> bool:
        return has_errors(self.diagnostics) or (strict and bool(self.diagnostics))


def check(root: Path, progress: Progress = lambda _: None) -> Outcome:
    """Load and validate; never writes anything."""
    started = time.perf_counter()
    progress(cli("step_load"))
    loaded = load_course(root)
    outcome = Outcome(loaded.course, list(loaded.problems), loaded.files)
    outcome.timings["load"] = time.perf_counter() - started
    if loaded.course is not None:  # semantic checks too, so an author sees everything in one run
        progress(cli("step_validate"))
        started = time.perf_counter()
        outcome.diagnostics += validate(loaded.course)
        outcome.timings["validate"] = time.perf_counter() - started
    outcome.diagnostics.sort(key=Diagnostic.sort_key)
    return outcome


def build(root: Path, site: Path, edition: str = "learner", strict: bool = False,
          progress: Progress = lambda _: None) -> Outcome:
    outcome = check(root, progress)
    if outcome.failed(strict) or outcome.course is None:
        return outcome
    started = time.perf_counter()
    build_dir, outcome.pages = emit_docs(outcome.course, root / "build" / edition, edition)
    outcome.timings["render"] = time.perf_counter() - started
    progress(cli("step_render", pages=outcome.pages))
    progress(cli("step_engine"))
    started = time.perf_counter()
    outcome.diagnostics += _build_atomically(build_dir / "mkdocs.yml", site)
    outcome.timings["engine"] = time.perf_counter() - started
    return outcome


def emit_docs(course: Course, build_dir: Path, edition: str) -> tuple[Path, int]:
    """Write the plain docs tree and its mkdocs.yml; replaces the previous tree in one rename."""
    tree = render(course, edition)
    overrides = templates_folder(course) / "overrides"
    has_overrides = overrides.is_dir() and any(overrides.iterdir())
    config = compose_config(course.site.values, tree, course.syllabus.course.title, has_overrides)
    build_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{build_dir.name}-", dir=build_dir.parent))
    tree.write(staging / "docs")
    if has_overrides:
        shutil.copytree(overrides, staging / "overrides")
    write_config(config, staging)
    _swap(staging, build_dir)
    return build_dir, tree.pages


def _build_atomically(config_path: Path, site: Path) -> list[Diagnostic]:
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
    _pin_source_date()
    diagnostics = build_site(config_path, staging)
    if has_errors(diagnostics):
        shutil.rmtree(staging, ignore_errors=True)
        return diagnostics
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    _swap(staging, site)
    return diagnostics


def _swap(staging: Path, target: Path) -> None:
    """Put staging in target's place; the old target exists until the new one is there."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(old)
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _pin_source_date() -> None:
    """Dates in sitemap.xml and gzip headers follow SOURCE_DATE_EPOCH; unset, pin it so builds repeat."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")

