"""Links between the course's own pages, resolved against the pages a build produces, at the author's line.

The pages come in as plain Markdown (path -> text, what the render phase makes); this module only reads them.
A link is checked on every page that shows the text it is written in, since one text (a script, say) can
appear on a chapter page and on the script library at the site's root.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from urllib.parse import unquote

from markdown.extensions.toc import slugify

from generator.diagnostics import Diagnostic
from generator.model.course import Course
from generator.validate.markdown_safety import markdown_fields, position
from generator.validate.report import warning

_LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+)")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_EXPLICIT_ID = re.compile(r"\{[^}\n]*#([\w-]+)[^}\n]*\}|\bid=\"([^\"]+)\"")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)


def has_internal_links(course: Course) -> bool:
    """Cheap: whether any author Markdown links to a page of the site (so the pages need making at all)."""
    return any(_internal(target) for text in markdown_fields(course) for _, target in _links(text))


def check_internal_links(course: Course, pages: Mapping[str, str]) -> list[Diagnostic]:
    """`pages`: every file of the produced docs tree (path -> text; non-Markdown files may map to "")."""
    anchors = {path: _anchors(text) if path.endswith(".md") else set() for path, text in pages.items()}
    problems: list[Diagnostic] = []
    for text in markdown_fields(course):
        for offset, target in _links(text):
            if not _internal(target):
                continue
            shown_on = [path for path, page in pages.items() if path.endswith(".md") and f"]({target}" in page]
            broken = [found for page in shown_on if (found := _problem(page, target, anchors))]
            if broken:
                problems.append(warning(position(text, offset), broken[0], link=target))
    return problems


def _problem(page: str, target: str, anchors: Mapping[str, set[str]]) -> str | None:
    path, _, anchor = unquote(target).partition("#")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    if resolved not in anchors:
        return "broken-link"
    if anchor and resolved.endswith(".md") and anchor not in anchors[resolved]:
        return "broken-anchor"
    return None


def _anchors(text: str) -> set[str]:
    found = {match.group(1) or match.group(2) for match in _EXPLICIT_ID.finditer(text)}
    found |= {slugify(heading, "-") for heading in _HEADING.findall(text)}
    return found


def _internal(target: str) -> bool:
    """A link to a page of this site: no scheme, not protocol-relative, not a bare in-page anchor."""
    return not (_SCHEME.match(target) or target.startswith(("//", "#")))


def _links(text: str) -> Iterator[tuple[int, str]]:
    for match in _LINK.finditer(text):
        yield match.start(1), match.group(1)


