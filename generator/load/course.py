"""Find a course's files and load them into one model, keeping every problem found."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Loc
from generator.load.binder import Binder, bindable_fields
from generator.load.yamlsource import YNode, load_file, parsed_files_kept
from generator.locale import message
from generator.model.content import ChapterContent
from generator.model.course import Course, Extra, Glossary, SiteConfig, SiteSettings, Theme
from generator.model.facts import FactSheet
from generator.model.profile import Profile
from generator.model.quiz import QuestionBank
from generator.model.roleplay import Roleplay
from generator.model.syllabus import Syllabus
from generator.model.worksheet import Worksheet
from generator.profiles import resolve

SYLLABUS = "content/syllabus.yaml"
GLOSSARY = "content/glossary.yaml"
PROFILE = "content/profile.yaml"
MODULES = "content/modules"
FACTS = "content/facts"
SITE_CONFIG = "mkdocs.yml"
# field of Course -> (folder of one item per file, model)
COLLECTIONS: dict[str, tuple[str, type]] = {
    "banks": ("quizzes", QuestionBank),
    "roleplays": ("content/roleplays", Roleplay),
    "worksheets": ("content/worksheets", Worksheet),
}
_FOLDERS = tuple(folder for folder, _ in COLLECTIONS.values())


@dataclass
class LoadResult:
    course: Course | None
    problems: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    unbound: set[str] = field(default_factory=set)  # chapters whose content file failed to bind
    unbound_items: set[str] = field(default_factory=set)  # worksheets, role-plays, banks that failed
    facts: dict[str, str] = field(default_factory=dict)  # fact id -> text, for [[id]] references
    facts_used: set[str] = field(default_factory=set)


def load_course(root: Path) -> LoadResult:
    """Load syllabus, chapter contents, glossary and site config from a course folder."""
    result = LoadResult(None)
    syllabus_path = root / SYLLABUS
    if not syllabus_path.is_file():
        text, hint = message("course-missing", what=SYLLABUS)
        result.problems.append(Diagnostic(Loc(SYLLABUS), "course-missing", text, hint))
        return result
    result.problems += _misnamed(root) + _escaping_links(root)
    sheets = _load_facts(root, result)
    syllabus = _load_one(root, syllabus_path, Syllabus, result)
    contents = []
    for path in sorted((root / MODULES).glob("*.yaml")):
        content = _load_one(root, path, ChapterContent, result)
        if content is not None:
            contents.append(content)
    glossary = _load_optional(root, GLOSSARY, Glossary, result)
    profile = resolve(_load_optional(root, PROFILE, Profile, result))
    site = _load_site_config(root, result)
    collections = {name: _load_folder(root, folder, cls, result) for name, (folder, cls) in COLLECTIONS.items()}
    if any(p.is_error and p.loc.path.startswith(FACTS) for p in result.problems):
        # a fact that failed to load is not "unknown" where it is used: its own error is the one to fix
        result.problems = [p for p in result.problems if p.code != "unknown-fact"]
    if syllabus is not None:
        result.course = Course(root, syllabus, tuple(contents), glossary or Glossary(terms=()), site,
                               unbound=frozenset(result.unbound), unbound_items=frozenset(result.unbound_items),
                               facts=sheets, facts_used=frozenset(result.facts_used), profile=profile,
                               syllabus_incomplete=any(p.is_error and p.loc.path == SYLLABUS for p in result.problems),
                               **collections)
    return result


def _load_folder(root: Path, folder: str, cls: type, result: LoadResult) -> tuple[Any, ...]:
    items = []
    for path in sorted((root / folder).glob("*.yaml")):
        item = _load_one(root, path, cls, result)
        if item is None:
            result.unbound_items.add(path.stem)
        else:
            items.append(item)
    return tuple(items)


def _misnamed(root: Path) -> list[Diagnostic]:
    """A YAML file the loader would skip (.yml, .YAML, a sub-folder) would vanish without a word: say so."""
    read = {SYLLABUS, GLOSSARY, PROFILE} | {f"{folder}/{{}}.yaml" for folder in (MODULES, FACTS, *_FOLDERS)}
    problems = []
    for top in ("content", "quizzes"):
        for path in sorted((root / top).rglob("*")):
            shown = path.relative_to(root).as_posix()
            if path.suffix.lower() not in (".yml", ".yaml") or not path.is_file() or _is_read(shown, read):
                continue
            code = "yml-extension" if path.suffix != ".yaml" else "unread-yaml"
            text, hint = message(code, value=shown)
            problems.append(Diagnostic(Loc(shown), code, text, hint))
    return problems


def _is_read(shown: str, read: set[str]) -> bool:
    folder, _, name = shown.rpartition("/")
    return shown in read or (name.endswith(".yaml") and f"{folder}/{{}}.yaml" in read)


# Everything a build reads from the course: a symlink in here that leaves the course is refused unread.
SOURCES = ("content", "quizzes", "pages", "site_templates", SITE_CONFIG)


def source_stamps(root: Path) -> dict[str, float]:
    """Every file a build reads from the course, with its modification time (`serve` watches these)."""
    stamps: dict[str, float] = {}
    for name in SOURCES:
        path = root / name
        files = [path] if path.is_file() else path.rglob("*") if path.is_dir() else []
        stamps.update({str(file): file.stat().st_mtime for file in files if file.is_file()})
    return stamps


def newest_source(root: Path) -> float:
    """When anything a build reads from the course last changed (0 for an empty course)."""
    return max(source_stamps(root).values(), default=0.0)


def _escaping_links(root: Path) -> list[Diagnostic]:
    """Symlinks (to files or folders) that leave the course: templates, assets and pages are read too."""
    problems = []
    inside = root.resolve()
    for link in sorted(_links(root)):
        if not link.resolve().is_relative_to(inside):
            shown = link.relative_to(root).as_posix()
            text, hint = message("path-escape", value=shown)
            problems.append(Diagnostic(Loc(shown), "path-escape", text, hint))
    return problems


def _links(root: Path) -> list[Path]:
    found = []
    for name in SOURCES:
        top = root / name
        if top.is_symlink():
            found.append(top)
        elif top.is_dir():  # os.walk does not descend into symlinked folders: each is checked once, here
            for folder, dirs, files in os.walk(top):
                found += [Path(folder) / entry for entry in (*dirs, *files) if (Path(folder) / entry).is_symlink()]
    return found


def _escapes(root: Path, path: Path) -> bool:
    return not path.resolve().is_relative_to(root.resolve())


def _load_facts(root: Path, result: LoadResult) -> tuple[FactSheet, ...]:
    """Fact files load first and unsubstituted: every other file's [[id]] resolves against them."""
    sheets = []
    for path in sorted((root / FACTS).glob("*.yaml")):
        sheet = _load_one(root, path, FactSheet, result, substitute=False)
        if sheet is not None:
            sheets.append(sheet)
    for sheet in sheets:
        for fact in sheet.facts:
            result.facts.setdefault(str(fact.id), str(fact.text))
    return tuple(sheets)


def _load_one(root: Path, path: Path, cls: type, result: LoadResult, substitute: bool = True) -> Any:
    shown = path.relative_to(root).as_posix()
    if _escapes(root, path):  # a symlink out of the course (reported by _escaping_links): never read it
        return None
    node, problems = load_file(path, shown)
    result.files += 1
    result.problems.extend(problems)
    if node is None:
        if cls is ChapterContent:
            result.unbound.add(path.stem)  # files are named after their chapter by convention
        return None
    value = _bind(shown, node, cls, result, substitute)
    if value is None and cls is ChapterContent and isinstance(node.value, dict) and "chapter" in node.value:
        result.unbound.add(str(node.value["chapter"].value))
    return value


# shown path -> (tree, class, facts, value, problems, facts used) of its last binding; kept with parsed files
_BOUND: dict[str, tuple[YNode, type, tuple[tuple[str, str], ...], Any, list[Diagnostic], set[str]]] = {}


def _bind(shown: str, node: YNode, cls: type, result: LoadResult, substitute: bool) -> Any:
    """Bind a file's tree to the model; in `courseware serve`, an unchanged file (the same parsed tree, the same
    facts) gets its last result again: binding every file on each save was most of the loading time."""
    facts = tuple(sorted(result.facts.items())) if substitute else ()
    known = _BOUND.get(shown) if parsed_files_kept() else None
    if known is None or known[0] is not node or known[1] is not cls or known[2] != facts:
        binder = Binder(result.facts, set()) if substitute else Binder()
        value = binder.bind(node, cls)
        known = (node, cls, facts, value, binder.problems, binder.used)
        if parsed_files_kept():
            _BOUND[shown] = known
    result.problems.extend(known[4])
    result.facts_used.update(known[5])
    return known[3]


def _load_optional(root: Path, relative: str, cls: type, result: LoadResult) -> Any:
    path = root / relative
    return _load_one(root, path, cls, result) if path.is_file() else None


def _load_site_config(root: Path, result: LoadResult) -> SiteConfig:
    """mkdocs.yml is MkDocs' own format: its plain keys and extra pages bind to SiteSettings; theme and extra
    keep their node (validate checks them key by key); refused keys are left to validate, with their reasons."""
    path = root / SITE_CONFIG
    if not path.is_file() or _escapes(root, path):
        return SiteConfig(values={}, node=None)
    node, problems = load_file(path, SITE_CONFIG)
    result.files += 1
    result.problems.extend(problems)
    if node is None or not isinstance(node.value, dict):  # validate says what is wrong with the shape
        return SiteConfig(values={}, node=node)
    binder = Binder()
    settings = binder.bind(_typed_part(node, SiteSettings), SiteSettings, SITE_CONFIG)
    result.problems.extend(binder.problems)
    return SiteConfig(values=_plain(node), node=node, settings=settings or SiteSettings())


def _typed_part(node: YNode, cls: type) -> YNode:
    """The keys of mkdocs.yml that bind to cls; the others (refused, unknown) are validate's to report."""
    typed = {}
    for key, child in node.value.items():
        if key not in bindable_fields(cls):
            continue
        if key in _NESTED and isinstance(child.value, dict):
            child = _typed_part(child, _NESTED[key])
        if key == "palette" and isinstance(child.value, dict):  # one palette or a list of them
            child = YNode([child], child.loc)
        typed[key] = child
    return dataclasses.replace(node, value=typed)


_NESTED: dict[str, type] = {"theme": Theme, "extra": Extra}


def _plain(node: YNode) -> Any:
    if isinstance(node.value, dict):
        return {key: _plain(child) for key, child in node.value.items()}
    if isinstance(node.value, list):
        return [_plain(child) for child in node.value]
    return node.value
