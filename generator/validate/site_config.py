"""The author's mkdocs.yml: nothing in it may break the offline promise or the generated parts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic
from generator.load.yamlsource import YNode
from generator.model.course import SiteConfig
from generator.validate.report import error, warning

# Keys courseware writes itself; an author's value would be silently lost, so say so.
RESERVED = ("nav", "docs_dir", "site_dir", "use_directory_urls", "plugins", "markdown_extensions")


def check_site_config(root: Path, site: SiteConfig) -> list[Diagnostic]:
    node = site.node
    if node is None or not isinstance(node.value, dict):
        return []
    problems = [
        warning(node.key_locs[key], "reserved-config", key=key) for key in RESERVED if key in node.value
    ]
    theme = node.value.get("theme")
    if theme is not None and isinstance(theme.value, dict):
        font = theme.value.get("font")
        if font is not None and font.value is not False:
            problems.append(error(font.loc, "offline-font"))
    return problems + _check_extra_pages(root, node.value.get("extra_pages"))


def _check_extra_pages(root: Path, pages: YNode | None) -> list[Diagnostic]:
    if pages is None or not isinstance(pages.value, list):
        return []
    problems = []
    for item in pages.value:
        file = item.value.get("file") if isinstance(item.value, dict) else None
        if file is None:
            problems.append(error(item.loc, "missing-key", key="file", doc="页面 Markdown 文件的相对路径"))
        elif not _inside(root, file.value):
            problems.append(error(file.loc, "path-escape", value=file.value))
        elif not (root / file.value).is_file():
            hint = "检查文件名和路径"
            problems.append(error(file.loc, "unknown-reference", kind="文件", value=file.value, suggestion=hint))
    return problems


def _inside(root: Path, value: Any) -> bool:
    if not isinstance(value, str) or not value or Path(value).is_absolute() or "\\" in value:
        return False
    resolved = (root / value).resolve()
    return resolved.is_relative_to(root.resolve())


