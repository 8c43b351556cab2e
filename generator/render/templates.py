"""The Jinja2 environment for generated pages: autoescaped, strict, with filters that keep data as text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
import jinja2.sandbox
from markupsafe import Markup, escape

from generator import routes
from generator.locale import UI
from generator.render.markup import to_html as markdown_to_html
from generator.resources import TOOL_TEMPLATES

TOOL_PAGES = TOOL_TEMPLATES / "pages"
# Page paths for templates, from routes (a namespace of plain functions: nothing else of Python is reachable).
PATHS = SimpleNamespace(**{name: getattr(routes, name) for name in (
    "part_page", "chapter_page", "quiz_page", "roleplay_page", "roleplay_cards", "worksheet_page", "worksheet_file",
    "part_map", "deck")})

# Characters Python-Markdown treats as syntax and accepts a backslash escape for.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!>|])")


def inline(value: object) -> Markup:
    """Plain text into Markdown: HTML-escaped, then Markdown syntax neutralised, on one line."""
    text = " ".join(str(value).split())
    return Markup(_MARKDOWN_SYNTAX.sub(r"\\\1", str(escape(text))))


def markdown(value: object) -> Markup:
    """Author Markdown: kept as Markdown, but raw HTML shows as text instead of running."""
    text = str(value).strip("\n").replace("&", "&amp;").replace("<", "&lt;")
    # Keep entities an author typed on purpose (&nbsp;, &#8212;) working.
    text = re.sub(r"&amp;(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);", r"&\1;", text)
    return Markup(text)


def to_html(value: object) -> Markup:
    """Author Markdown to HTML for the standalone decks (raw HTML stays text, as on the site)."""
    return markdown_to_html(str(markdown(value)))


def abbreviation(value: object) -> Markup:
    """Text for a `*[term]: definition` line: one line, no brackets, no markup."""
    text = " ".join(str(value).split()).replace("[", "（").replace("]", "）")
    return Markup(str(escape(text)))


# Characters that could end an element, open markup, or break a JavaScript string literal.
_SCRIPT_UNSAFE = (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def embed_json(value: object) -> Markup:
    """JSON for a widget's data-json attribute that survives whatever an author wrote.

    Not a <script type="application/json"> block: Material's instant navigation re-creates inline scripts
    without their attributes and runs them as code. The template still attribute-escapes the quotes.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in _SCRIPT_UNSAFE:
        text = text.replace(char, code)
    return Markup(text)


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates shared by every environment of a process, keyed by name and source checksum:
    `courseware serve` makes a new environment per rebuild, and compiling ~70 templates took 0.7 s of it."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


def make_environment(course_pages: Path | None = None) -> jinja2.Environment:
    """The one template environment of a build: the course's own pages/ first, then the tool's.

    Sandboxed: a course may bring its own page templates, and they must not reach Python internals.
    """
    folders = [course_pages] if course_pages else []
    env = jinja2.sandbox.SandboxedEnvironment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(folder)) for folder in (*folders, TOOL_PAGES)]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown's attr_list writes heading ids as {#id}; Jinja comments move out of its way.
        comment_start_string="{##",
        comment_end_string="##}",
        bytecode_cache=COMPILED,
    )
    env.filters.update(inline=inline, md=markdown, abbr=abbreviation, html=to_html,
                       from_folder=routes.from_folder, as_html=routes.as_html)
    env.globals.update(ui=UI, paths=PATHS)
    return env
