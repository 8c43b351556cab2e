"""The author's mkdocs.yml: nothing in it may break the offline promise or the generated parts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Loc
from generator.load.binder import suggest
from generator.load.yamlsource import YNode
from generator.locale import REFUSED_REASONS
from generator.model.course import SiteConfig
from generator.resources import TOOL_TEMPLATES
from generator.validate.markdown_safety import find_unsafe
from generator.validate.report import error, warning

# What an author may set; everything else is refused, so nothing reaches MkDocs unchecked.
ALLOWED = ("site_name", "site_description", "site_author", "copyright", "site_url", "theme", "extra", "extra_pages")
THEME_ALLOWED = ("name", "palette", "features", "logo", "favicon", "icon", "font", "language")
# Keys courseware writes itself; an author's value would be silently lost, so say so.
RESERVED = ("nav", "docs_dir", "site_dir", "use_directory_urls")
# Keys that would run code, pull in files from elsewhere, or reach another host: refused with a reason.
REFUSED = {
    "hooks": "runs_code", "plugins": "runs_code", "markdown_extensions": "owned", "INHERIT": "outside",
    "extra_css": "assets", "extra_javascript": "assets", "repo_url": "other_host", "repo_name": "other_host",
    "edit_uri": "other_host", "custom_dir": "outside", "analytics": "other_host",
}
_EXTERNAL = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def check_site_config(root: Path, site: SiteConfig) -> list[Diagnostic]:
    problems = _check_overrides(root)
    node = site.node
    if node is None:
        return problems
    return problems + _check_config(root, node)


def _check_overrides(root: Path) -> list[Diagnostic]:
    """Theme overrides are MkDocs templates: they run with the build's full rights, so a course may not bring them."""
    folder = root / "site_templates" / "overrides"
    own = TOOL_TEMPLATES / "overrides"  # the tool's own (bundled course)
    if folder.is_dir() and any(folder.iterdir()) and folder.resolve() != own:
        return [error(Loc("site_templates/overrides"), "refused-overrides")]
    return []


def _check_config(root: Path, node: YNode) -> list[Diagnostic]:
    if not isinstance(node.value, dict):
        return [error(node.loc, "wrong-type", key="mkdocs.yml", expected="映射（键: 值）", actual="列表或文字")]
    problems = _check_keys(node, ALLOWED)
    problems += _check_theme(node.value.get("theme"))
    extra = node.value.get("extra")
    if extra is not None and isinstance(extra.value, dict) and "analytics" in extra.value:
        problems.append(_refused(extra.key_locs["analytics"], "analytics", "extra.analytics"))
    url = node.value.get("site_url")
    if url is not None and not re.match(r"^https?://", str(url.value or "")):
        problems.append(error(url.loc, "site-url-scheme", value=url.value))
    return problems + _check_extra_pages(root, node.value.get("extra_pages"))


def _check_keys(node: YNode, allowed: tuple[str, ...]) -> list[Diagnostic]:
    problems = []
    for key in node.value:
        loc = node.key_locs.get(key, node.loc)
        if key in allowed:
            continue
        if key in RESERVED:
            problems.append(warning(loc, "reserved-config", key=key))
        elif key in REFUSED:
            problems.append(_refused(loc, key))
        else:
            problems.append(error(loc, "unknown-key", key=key, suggestion=suggest(key, allowed)))
    return problems


def _refused(loc: Any, key: str, shown: str = "") -> Diagnostic:
    return error(loc, "refused-config", key=shown or key, reason=REFUSED_REASONS[REFUSED[key]])


def _check_theme(theme: YNode | None) -> list[Diagnostic]:
    if theme is None:
        return []
    if not isinstance(theme.value, dict):
        return [error(theme.loc, "wrong-type", key="theme", expected="映射（键: 值）", actual="文字")]
    problems = _check_keys(theme, THEME_ALLOWED)
    values = theme.value
    font = values.get("font")
    if font is not None and font.value is not False:
        problems.append(error(font.loc, "offline-font"))
    name = values.get("name")
    if name is not None and name.value != "material":
        problems.append(error(name.loc, "invalid-choice", key="name", value=name.value, choices="material"))
    for key in ("logo", "favicon"):
        item = values.get(key)
        if item is not None and _EXTERNAL.match(str(item.value)):
            problems.append(error(item.loc, "refused-config", key=f"theme.{key}", reason=REFUSED_REASONS["other_host"]))
    return problems


def _check_extra_pages(root: Path, pages: YNode | None) -> list[Diagnostic]:
    if pages is None or pages.value is None:
        return []
    if not isinstance(pages.value, list):
        return [error(pages.loc, "wrong-type", key="extra_pages", expected="列表", actual="其他")]
    problems: list[Diagnostic] = []
    names: dict[str, YNode] = {}
    for item in pages.value:
        if not isinstance(item.value, dict):
            problems.append(error(item.loc, "wrong-type", key="extra_pages", expected="映射（title、file）",
                                  actual="其他"))
            continue
        problems += _check_keys(item, ("title", "file"))
        title, file = item.value.get("title"), item.value.get("file")
        if title is None or not isinstance(title.value, str) or not title.value.strip():
            problems.append(error(item.loc, "missing-key", key="title", doc="页面标题（导航里显示）"))
        if file is None:
            problems.append(error(item.loc, "missing-key", key="file", doc="页面 Markdown 文件的相对路径"))
            continue
        first = names.setdefault(Path(str(file.value)).name, file)
        if first is not file:
            problems.append(error(file.loc, "duplicate-id", value=Path(str(file.value)).name, first=first.loc))
            continue
        problems += _check_page_file(root, file)
    return problems


def _check_page_file(root: Path, file: YNode) -> list[Diagnostic]:
    if not _inside(root, file.value):
        return [error(file.loc, "path-escape", value=file.value)]
    if not (root / file.value).is_file():
        hint = "检查文件名和路径"
        return [error(file.loc, "unknown-reference", kind="文件", value=file.value, suggestion=hint)]
    return _check_page_text(root, str(file.value), file.loc)


def _check_page_text(root: Path, relative: str, loc: Loc) -> list[Diagnostic]:
    try:
        text = (root / relative).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [error(loc, "not-utf8-page", value=relative)]
    return find_unsafe(text, lambda offset: Loc(relative, text.count("\n", 0, offset) + 1,
                                                 offset - text.rfind("\n", 0, offset)))


def _inside(root: Path, value: Any) -> bool:
    if not isinstance(value, str) or not value or Path(value).is_absolute() or "\\" in value:
        return False
    resolved = (root / value).resolve()
    return resolved.is_relative_to(root.resolve())


