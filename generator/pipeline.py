"""load → validate → render → engine, with the rule that a failed build changes nothing on disk."""

from __future__ import annotations

import ctypes
import ctypes.util
import dataclasses
import functools
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from generator.cpu import idle_cores
from generator.diagnostics import Diagnostic, Loc, has_errors
from generator.engine import build_site, compose_config, start_search_worker, write_config
from generator.load.course import load_course, newest_source
from generator.locale import cli, message, os_reason
from generator.model.course import Course
from generator.render import render
from generator.render.tree import DocsTree
from generator.resources import TOOL_TEMPLATES
from generator.validate import validate
from generator.validate.internal_links import check_internal_links, has_internal_links
from generator.validate.plan_checks import check_plan_name
from generator.workbook import build_workbook
from generator.workbook.bundle import blank_workbook
from generator.workbook.store import WorkbookStore

Progress = Callable[[str], None]
# Written into every site courseware builds: only such a folder (or the default site/) may be replaced.
MARKER = ".courseware-site"
OWN_FOLDERS = ("content", "quizzes", "pages", "site_templates", "build", "schema", "generator", "tests")


@dataclass
class Outcome:
    course: Course | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    pages: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def failed(self, strict: bool) -> bool:
        return has_errors(self.diagnostics) or (strict and bool(self.diagnostics))


def check(root: Path, progress: Progress = lambda _: None, plan: str | None = None) -> Outcome:
    """Load and validate; never writes anything. `plan` is a delivery plan the caller asked for by name."""
    started = time.perf_counter()
    progress(cli("step_load"))
    loaded = load_course(root)
    outcome = Outcome(loaded.course, list(loaded.problems), loaded.files)
    outcome.timings["load"] = time.perf_counter() - started
    if loaded.course is not None:  # semantic checks too, so an author sees everything in one run
        progress(cli("step_validate"))
        started = time.perf_counter()
        outcome.diagnostics += _without_follow_on(validate(loaded.course), loaded.problems)
        outcome.diagnostics += check_plan_name(loaded.course.syllabus, plan)
        if not has_errors(outcome.diagnostics) and has_internal_links(loaded.course):
            outcome.diagnostics += check_internal_links(loaded.course, _produced_pages(loaded.course))
        outcome.timings["validate"] = time.perf_counter() - started
    outcome.diagnostics.sort(key=Diagnostic.sort_key)
    return outcome


LINK_CODES = ("broken-link", "broken-anchor")


def _produced_pages(course: Course) -> dict[str, str]:
    """The learner edition's docs tree as text: what author links must resolve against."""
    tree = render(course, workbooks=WorkbookStore(background=True))  # workbooks listed, never made: links only
    files = {**dict.fromkeys(tree.late, b""), **tree.files}
    return {path: data.decode("utf-8") if path.endswith(".md") else "" for path, data in files.items()}


# What a file's own load error already explains: a case or question dropped while binding leaves its chapter
# "incomplete" or its pool "too small", a dropped role-play turn leaves the script's graph broken; saying so
# again buries the one real error (the rest shows once that one is fixed).
FILE_FOLLOW_ON = frozenset({"incomplete-chapter", "missing-section", "quiz-empty-pool", "quiz-pool-too-small",
                            "unknown-reference", "dangling-next", "unreachable-turn", "endless-loop", "dead-end",
                            "no-winning-ending", "roleplay-start-not-turn", "quiz-pool-no-spare"})


# A question bank that failed to load leaves chapter checks short of questions wherever the chapter is.
BANK_FOLLOW_ON = frozenset({"quiz-chapter-few-questions", "quiz-check-no-spare", "quiz-pool-no-spare"})


def _without_follow_on(found: list[Diagnostic], loading: list[Diagnostic]) -> list[Diagnostic]:
    broken = {problem.loc.path for problem in loading if problem.is_error}
    bank_broken = any(path.startswith("quizzes/") for path in broken)
    return [d for d in found if not (d.code in FILE_FOLLOW_ON and d.loc.path in broken)
            and not (bank_broken and d.code in BANK_FOLLOW_ON)]


def build(root: Path, site: Path, edition: str = "learner", strict: bool = False,
          progress: Progress = lambda _: None, plan: str | None = None, parallel: bool | None = None) -> Outcome:
    """`parallel`: workbooks and search indexing run in worker processes meanwhile; the same bytes as serial.
    Not given: only when a CPU core is idle."""
    refused = check_output(root, site)
    if refused is not None:
        return Outcome(None, [refused])
    if parallel is None:
        parallel = has_idle_core()
    if parallel:  # jieba loads meanwhile, when pages will need indexing
        start_search_worker(root / "build" / "cache", edition, newest_source(root))
    outcome = check(root, progress, plan)
    if outcome.failed(strict) or outcome.course is None:
        return outcome
    workbooks = WorkbookStore(root / "build" / "cache" / "workbooks", background=parallel)
    try:
        return _build_checked(root, site, edition, strict, progress, plan, outcome, workbooks)
    finally:
        workbooks.close()


def has_idle_core() -> bool:
    """Workers pay off only on a core nobody else is using: on a 2-core machine busy with other work, a cold build
    with them took 18.0 s against 15.3 s without (starting them, importing, handing pages over costs CPU too)."""
    return idle_cores() >= 0.8


def _build_checked(root: Path, site: Path, edition: str, strict: bool, progress: Progress, plan: str | None,
                   outcome: Outcome, workbooks: WorkbookStore) -> Outcome:
    assert outcome.course is not None
    workbooks.prefetch(outcome.course.worksheets, {"sample": build_workbook, "blank": blank_workbook})
    started = time.perf_counter()
    try:
        build_dir, tree = _emit(outcome.course, root / "build" / edition, edition, plan, workbooks)
        workbooks.prune()
    except jinja2.TemplateError as exc:  # a course's own page template: sandboxed, but may still be wrong
        outcome.diagnostics.append(_template_problem(exc))
        return outcome
    except OSError as exc:
        outcome.diagnostics.append(_unwritable(exc, root / "build" / edition))
        return outcome
    outcome.pages = tree.pages
    outcome.timings["render"] = time.perf_counter() - started
    progress(cli("step_render", pages=outcome.pages))
    progress(cli("step_engine"))
    started = time.perf_counter()
    late = functools.cache(lambda: tree.finish(build_dir / "docs"))  # the workbooks, once they are made
    # under --strict, warnings already found (or the engine's) keep the previous site too
    try:
        engine = _build_atomically(build_dir / "mkdocs.yml", site, tree.sources, root / "build" / "cache",
                                   keep_on_warning=strict, warned=bool(outcome.diagnostics),
                                   parallel=workbooks.background, late_files=late)
        late()  # the emitted tree is whole even when the engine failed
    except OSError as exc:  # an output folder under a file, a read-only place: staging is gone already
        engine = [_unwritable(exc, site)]
    checked = {d.message for d in outcome.diagnostics if d.code in LINK_CODES}  # said already, at the YAML line
    engine = [d for d in engine if not (d.code in LINK_CODES and d.message in checked)]
    outcome.diagnostics += [_locate_link(root, d) for d in engine]
    outcome.timings["engine"] = time.perf_counter() - started
    return outcome


def _locate_link(root: Path, diagnostic: Diagnostic) -> Diagnostic:
    """Point an engine warning about a link at the line of the author's file that writes it."""
    path = root / diagnostic.loc.path
    if not diagnostic.subject or diagnostic.loc.line or not path.is_file():
        return diagnostic
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        column = line.find("(" + diagnostic.subject)
        if column >= 0:
            return dataclasses.replace(diagnostic, loc=Loc(diagnostic.loc.path, number, column + 2))
    return diagnostic


def _unwritable(exc: OSError, path: Path) -> Diagnostic:
    text, hint = message("output-unwritable", path=exc.filename or path, reason=os_reason(exc))
    return Diagnostic(Loc(str(path)), "output-unwritable", text, hint)


def _template_problem(exc: jinja2.TemplateError) -> Diagnostic:
    name = getattr(exc, "filename", None) or getattr(exc, "name", None) or "site_templates/pages"
    line = getattr(exc, "lineno", None) or 0
    text, hint = message("template-error", text=exc.message or type(exc).__name__)
    return Diagnostic(Loc(str(name), line, 1 if line else 0), "template-error", text, hint)


def check_output(root: Path, site: Path) -> Diagnostic | None:
    """The output folder is deleted and replaced: refuse anything that is not a courseware site."""
    root, site = root.resolve(), site.resolve()
    reason = None
    if root.is_relative_to(site):
        reason = "contains_course"
    elif any(site.is_relative_to(root / name) for name in OWN_FOLDERS):
        reason = "course_folder"
    elif site.exists() and not _replaceable(site):
        reason = "foreign_folder"
    if reason is None:
        return None
    text, hint = message("unsafe-output", path=site, reason=cli(f"unsafe_{reason}"))
    return Diagnostic(Loc(str(site)), "unsafe-output", text, hint)


def _replaceable(site: Path) -> bool:
    """An empty folder or a site courseware built (marker); even site/ is someone's folder without the marker."""
    if not site.is_dir():
        return False
    return not any(site.iterdir()) or (site / MARKER).is_file()


def emit_docs(course: Course, build_dir: Path, edition: str,
              plan: str | None = None, workbooks: WorkbookStore | None = None) -> tuple[Path, int, dict[str, str]]:
    """Write the plain docs tree and its mkdocs.yml; replaces the previous tree in one rename."""
    build_dir, tree = _emit(course, build_dir, edition, plan, workbooks)
    tree.finish(build_dir / "docs")
    return build_dir, tree.pages, tree.sources


def _emit(course: Course, build_dir: Path, edition: str, plan: str | None,
          workbooks: WorkbookStore | None) -> tuple[Path, DocsTree]:
    """The docs tree written, but for its late files (workbooks still being made): `tree.finish` writes them."""
    tree = render(course, edition, plan, workbooks)
    overrides = TOOL_TEMPLATES / "overrides"  # a course's own theme overrides are refused by validation
    has_overrides = overrides.is_dir() and any(overrides.iterdir())
    config = compose_config(_site_values(course), tree, course.syllabus.course.title, has_overrides)
    build_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{build_dir.name}-", dir=build_dir.parent))
    try:
        tree.write(staging / "docs")
        tree.files.clear()  # on disk now: MkDocs reads it there, so no second copy of every page stays in memory
        if has_overrides:
            shutil.copytree(overrides, staging / "overrides")
        write_config(config, staging)
        _swap(staging, build_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already after a swap; left by a crash otherwise
    return build_dir, tree


def _site_values(course: Course) -> dict[str, object]:
    """The author's settings as bound (`copyright: 2024` is the text "2024"), over theme and extra as written."""
    settings = course.site.settings
    typed = {spec.name: str(getattr(settings, spec.name)) for spec in dataclasses.fields(settings)
             if isinstance(getattr(settings, spec.name), str)}
    return {**course.site.values, **typed}


def _build_atomically(config_path: Path, site: Path, sources: dict[str, str], cache_dir: Path | None = None,
                      keep_on_warning: bool = False, warned: bool = False, parallel: bool = False,
                      late_files: Callable[[], dict[str, bytes]] | None = None) -> list[Diagnostic]:
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
    try:
        diagnostics = build_site(config_path, staging, sources, cache_dir, parallel, late_files)
        if not has_errors(diagnostics) and not (keep_on_warning and (warned or diagnostics)):
            (staging / MARKER).write_text("courseware\n", encoding="utf-8")
            staging.chmod(0o755)  # mkdtemp makes it private; a web server must read it
            _swap(staging, site)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return diagnostics


def _swap(staging: Path, target: Path) -> None:
    """Put staging in target's place so that target never stops existing.

    Linux exchanges two folders in one step (renameat2 RENAME_EXCHANGE); elsewhere the old folder is
    renamed aside first, which leaves a moment without one.
    """
    if not target.exists():
        staging.rename(target)
        return
    if not _exchange(staging, target):
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(old)
        staging.rename(target)
        staging = old
    shutil.rmtree(staging, ignore_errors=True)  # after an exchange, staging holds the old site


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return bool(done == 0)



@functools.cache
def _renameat2() -> Any:
    """Looked up once per process: `find_library` runs ldconfig, a child process as large as this one."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return None
    return getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None)
