"""The one Markdown configuration: the site's engine and the standalone decks read author text alike."""

from __future__ import annotations

import copy
from typing import Any

import markdown as python_markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup


class _FocusableTerms(Treeprocessor):
    def run(self, root: Any) -> None:
        for term in root.iter("abbr"):
            term.set("tabindex", "0")


class FocusableTerms(Extension):
    """Glossary terms (<abbr title>) take keyboard focus, and a tap on a phone: the stylesheet then shows the
    definition, which otherwise only a mouse hovering long enough would see."""

    def extendMarkdown(self, md: Any) -> None:  # Python-Markdown names the hook
        md.treeprocessors.register(_FocusableTerms(md), "cw_focusable_terms", 1)  # after abbr's (7)


EXTENSIONS: list[Any] = [
    "abbr",
    "generator.render.markup:FocusableTerms",
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
