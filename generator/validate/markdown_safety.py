"""Author Markdown may link and style, but never run script or reach another host on its own."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from generator.diagnostics import Diagnostic, Loc
from generator.model.course import Course
from generator.model.text import Markdown
from generator.validate.facts_checks import iter_texts
from generator.validate.report import error

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
# [text](target), ![alt](target) and reference definitions [id]: target
_TARGET = re.compile(r"\]\(\s*<?\s*([^)\s>]+)|^[ \t]*\[[^\]]+\]:[ \t]*<?(\S+)", re.MULTILINE)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# attr_list blocks that set event handlers, inline styles or link targets: {onclick=…}, {: style="…" }
_REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?\s*(?:https?:)?//")
_ATTRIBUTES = re.compile(r"\{:?[^{}\n]*?\b(on[a-zA-Z]+|style|href|src|formaction)\s*=", re.IGNORECASE)


def check_markdown_safety(course: Course) -> list[Diagnostic]:
    return [problem for text in markdown_fields(course)
            for problem in find_unsafe(text, functools.partial(position, text))]


def markdown_fields(course: Course) -> Iterator[Markdown]:
    """Every Markdown text an author wrote in content, role-plays, quizzes, worksheets and the glossary."""
    for item in (*course.contents, *course.roleplays, *course.banks, *course.worksheets, course.glossary):
        yield from (text for text in iter_texts(item) if isinstance(text, Markdown))


def find_unsafe(text: str, where: Callable[[int], Loc]) -> list[Diagnostic]:
    """Script links, event-handler or style attributes, and images from other hosts in one Markdown text."""
    problems = [error(where(offset), "unsafe-link", scheme=scheme) for offset, scheme in _bad_links(text)]
    problems += [error(where(m.start()), "unsafe-attribute", name=m.group(1)) for m in _ATTRIBUTES.finditer(text)]
    problems += [error(where(m.start()), "remote-image") for m in _REMOTE_IMAGE.finditer(text)]
    return problems


def _bad_links(text: str) -> Iterator[tuple[int, str]]:
    for match in _TARGET.finditer(text):
        target = match.group(1) or match.group(2) or ""
        scheme = _SCHEME.match(target)
        if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
            yield match.start(), scheme.group(1)


def position(text: Markdown, offset: int) -> Loc:
    """Where an offset inside a scalar was written: a multi-line value is a block scalar (`|`),
    whose first line follows the key's line."""
    loc = text.loc
    lines_before = text.count("\n", 0, offset)
    if "\n" not in text.rstrip("\n"):
        return Loc(loc.path, loc.line, loc.col + offset)
    return Loc(loc.path, loc.line + 1 + lines_before, 1)
