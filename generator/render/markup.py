"""The one Markdown configuration: the site's engine and the standalone decks read author text alike."""

from __future__ import annotations

import copy
from typing import Any

import markdown as python_markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE
from markupsafe import Markup


class _Accessible(Treeprocessor):
    def run(self, root: Any) -> None:
        for term in root.iter("abbr"):
            term.set("tabindex", "0")
        for item in root.iter("li"):
            if "task-list-item" in item.get("class", ""):
                self._name_checkbox(item)

    def _name_checkbox(self, item: Any) -> None:
        """pymdownx.tasklist stashes the checkbox as raw HTML, its label holding no text: the item's text names it."""
        found = HTML_PLACEHOLDER_RE.search("".join(item.itertext()))
        if found is None:
            return
        name = HTML_PLACEHOLDER_RE.sub("", "".join(item.itertext())).strip()
        blocks = self.md.htmlStash.rawHtmlBlocks
        index = int(found.group(1))
        blocks[index] = str(blocks[index]).replace("<input ", Markup('<input aria-label="{}" ').format(name), 1)


class Accessible(Extension):
    """Glossary terms (<abbr title>) take keyboard focus, and a tap on a phone, so the stylesheet can show the
    definition that otherwise only a hovering mouse sees; task-list checkboxes get their item's text as name."""

    def extendMarkdown(self, md: Any) -> None:  # Python-Markdown names the hook
        md.treeprocessors.register(_Accessible(md), "cw_accessible", 1)  # after abbr (7) and tasklist (25)


EXTENSIONS: list[Any] = [
    "abbr",
    "generator.render.markup:Accessible",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True}},
    "pymdownx.details",
    "pymdownx.superfences",
    {"pymdownx.tasklist": {"custom_checkbox": True}},
]


def site_extensions() -> list[Any]:
    """The list as the engine's configuration takes it (a copy: the engine may annotate it)."""
    return copy.deepcopy(EXTENSIONS)


def _split(extensions: list[Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for item in extensions:
        if isinstance(item, dict):
            (name, config), = item.items()
            names.append(name)
            configs[name] = dict(config)
        else:
            names.append(item)
    return names, configs


def to_html(text: str) -> Markup:
    """Author Markdown to HTML outside the site (decks); raw HTML was already made text by the `md` filter.

    Headings get no permalink here: a slide has no address bar to copy it into.
    """
    names, configs = _split(EXTENSIONS)
    configs["toc"] = {**configs.get("toc", {}), "permalink": False}
    return Markup(python_markdown.markdown(text, extensions=names, extension_configs=configs))
