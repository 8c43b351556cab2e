"""The one Markdown configuration: the site's engine and the standalone decks read author text alike."""

from __future__ import annotations

import copy
from typing import Any

import markdown as python_markdown
from markupsafe import Markup

EXTENSIONS: list[Any] = [
    "abbr",
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
