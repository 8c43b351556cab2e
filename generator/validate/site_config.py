"""The author's mkdocs.yml: nothing in it may break the offline promise or the generated parts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Loc
from generator.load.yamlsource import YNode
from generator.locale import REFUSED_REASONS, TYPE_NAMES, kind, os_reason, suggest, zh
from generator.model.course import ExtraPage, SiteConfig, SiteSettings
from generator.model.text import Text
from generator.resources import TOOL_TEMPLATES
from generator.validate.markdown_safety import find_unsafe
from generator.validate.report import error, warning

# What an author may set; everything else is refused, so nothing reaches MkDocs unchecked.
ALLOWED = ("site_name", "site_description", "site_author", "copyright", "site_url", "theme", "extra", "extra_pages",
           "scorm")
# Material features that would undo a promise: its tooltips render every title (author text) as HTML.
REFUSED_FEATURES = {"content.tooltips": "title_html"}
THEME_ALLOWED = ("name", "palette", "features", "logo", "favicon", "icon", "font")
EXTRA_ALLOWED = ("homepage", "social", "alternate")
# Keys courseware writes itself; an author's value would be silently lost, so say so.
RESERVED = ("nav", "docs_dir", "site_dir", "use_directory_urls", "theme.language", "extra.generator")
# Keys that would run code, pull in files from elsewhere, or reach another host: refused with a reason.
REFUSED = {
    "hooks": "runs_code", "plugins": "runs_code", "markdown_extensions": "owned", "INHERIT": "outside",
    "extra_css": "assets", "extra_javascript": "assets", "repo_url": "other_host", "repo_name": "other_host",
    "edit_uri": "other_host", "custom_dir": "outside", "analytics": "other_host",
}
_EXTERNAL = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//)")
SAFE_SCHEMES = ("http:", "https:", "mailto:", "//")


def check_site_config(root: Path, site: SiteConfig) -> list[Diagnostic]:
    problems = _check_overrides(root)
    node = site.node
    if node is None:
        return problems
    return problems + _check_config(root, node, site.settings)


def _check_overrides(root: Path) -> list[Diagnostic]:
    """Theme overrides are MkDocs templates: they run with the build's full rights, so a course may not bring them."""
    folder = root / "site_templates" / "overrides"
    own = TOOL_TEMPLATES / "overrides"  # the tool's own (bundled course)
    if folder.is_dir() and any(folder.iterdir()) and folder.resolve() != own:
        return [error(Loc("site_templates/overrides"), "refused-overrides")]
    return []


def _check_config(root: Path, node: YNode, settings: SiteSettings) -> list[Diagnostic]:
    if not isinstance(node.value, dict):
        return [error(node.loc, "wrong-type", key="mkdocs.yml", expected=TYPE_NAMES["dict"],
                      actual=TYPE_NAMES["list_or_str"])]
    problems = _check_keys(node, ALLOWED)
    problems += _check_theme(node.value.get("theme"))
    extra = node.value.get("extra")
    if extra is not None and isinstance(extra.value, dict):  # its types are the loader's (Extra)
        problems += _check_keys(extra, EXTRA_ALLOWED, "extra.")
    url = node.value.get("site_url")
    if url is not None and not re.match(r"^https?://", str(url.value or "")):
        problems.append(error(url.loc, "site-url-scheme", value=url.value))
    return problems + _check_links(node) + _check_extra_pages(root, settings.extra_pages)


def _check_keys(node: YNode, allowed: tuple[str, ...], prefix: str = "") -> list[Diagnostic]:
    problems = []
    for key in node.value:
        loc = node.key_locs.get(key, node.loc)
        if key in allowed:
            continue
        if prefix + key in RESERVED:
            problems.append(warning(loc, "reserved-config", key=prefix + key))
        elif key in REFUSED:
            problems.append(_refused(loc, key, prefix + key))
        else:
            problems.append(error(loc, "unknown-key", key=key, suggestion=suggest(key, allowed)))
    return problems


def _refused(loc: Any, key: str, shown: str = "") -> Diagnostic:
    return error(loc, "refused-config", key=shown or key, reason=REFUSED_REASONS[REFUSED[key]])


def _check_theme(theme: YNode | None) -> list[Diagnostic]:
    if theme is None or not isinstance(theme.value, dict):  # a theme that is not a mapping: the loader says so
        return []
    problems = _check_keys(theme, THEME_ALLOWED, "theme.")
    values = theme.value
    font = values.get("font")
    if font is not None and font.value is not False:
        problems.append(error(font.loc, "offline-font"))
    for key in ("logo", "favicon"):
        item = values.get(key)
        if item is not None and _EXTERNAL.match(str(item.value)):
            problems.append(error(item.loc, "refused-config", key=f"theme.{key}", reason=REFUSED_REASONS["other_host"]))
    return problems + _check_features(values.get("features"))


def _check_features(features: YNode | None) -> list[Diagnostic]:
    if features is None or not isinstance(features.value, list):
        return []
    return [error(item.loc, "refused-config", key=f"theme.features: {item.value}", reason=REFUSED_REASONS[reason])
            for item in features.value for name, reason in REFUSED_FEATURES.items() if item.value == name]


def _check_extra_pages(root: Path, pages: tuple[ExtraPage, ...]) -> list[Diagnostic]:
    """Bound pages (title and file present, both text); each file once, inside the course, UTF-8."""
    problems: list[Diagnostic] = []
    seen: dict[str, Text] = {}
    for page in pages:
        name = Path(page.file).name  # pages publish as pages/<file name>: two files with one name collide
        first = seen.setdefault(name, page.file)
        if first is not page.file:
            problems.append(error(page.file.loc, "duplicate-id", value=name, first=first.loc))
        else:
            problems += _check_page_file(root, page.file)
    return problems


def _check_links(node: YNode) -> list[Diagnostic]:
    """theme and extra keep MkDocs' shapes; any address in them (extra.homepage, social links, icons) must be
    http(s), mailto or relative: a `javascript:` one would land in the header's href."""
    problems = []
    for key in ("theme", "extra"):
        for leaf in _leaves(node.value.get(key)):
            scheme = _EXTERNAL.match(str(leaf.value))
            if isinstance(leaf.value, str) and scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
                problems.append(error(leaf.loc, "unsafe-link", scheme=scheme.group(1).rstrip(":")))
    return problems


def _leaves(node: YNode | None) -> list[YNode]:
    if node is None:
        return []
    if isinstance(node.value, dict):
        return [leaf for child in node.value.values() for leaf in _leaves(child)]
    if isinstance(node.value, list):
        return [leaf for child in node.value for leaf in _leaves(child)]
    return [node]


def _check_page_file(root: Path, file: Text) -> list[Diagnostic]:
    if not _inside(root, file):
        return [error(file.loc, "path-escape", value=file)]
    if not (root / file).is_file():
        return [error(file.loc, "unknown-reference", kind=kind("file"), value=file, suggestion=zh.CHECK_PATH)]
    return _check_page_text(root, str(file), file.loc)


def _check_page_text(root: Path, relative: str, loc: Loc) -> list[Diagnostic]:
    try:
        text = (root / relative).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [error(loc, "not-utf8-page", value=relative)]
    except OSError as exc:
        return [error(loc, "file-unreadable", reason=os_reason(exc))]
    return find_unsafe(text, lambda offset: Loc(relative, text.count("\n", 0, offset) + 1,
                                                 offset - text.rfind("\n", 0, offset)))


def _inside(root: Path, value: Any) -> bool:
    if not isinstance(value, str) or not value or Path(value).is_absolute() or "\\" in value:
        return False
    resolved = (root / value).resolve()
    return resolved.is_relative_to(root.resolve())


def check_scorm(settings: SiteSettings, kinds: set[str]) -> list[Diagnostic]:
    """completion: final needs a final test, or the LMS would never see the course completed."""
    scorm = settings.scorm
    if scorm is None or scorm.completion != "final" or "final" in kinds:
        return []
    return [warning(scorm.locs.get("completion", scorm.loc), "scorm-no-final")]
