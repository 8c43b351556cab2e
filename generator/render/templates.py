"""The Jinja2 environment for generated pages: autoescaped, strict, with filters that keep data as text."""

from __future__ import annotations

import contextlib
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
    """Compiled templates, keyed by name and source checksum, shared by every environment of a process
    (`courseware serve` makes a new one per rebuild) and kept for the next process in Jinja's own per-user
    folder, as Python keeps .pyc files: compiling ~70 templates took 0.7 s of every build. Not in the course's
    build/: compiled code is run as it is, and a course folder from elsewhere must not bring any."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}
        self.disk: list[jinja2.FileSystemBytecodeCache | None] = []  # empty: not looked for yet

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        """Jinja's key, told apart by sandbox: a sandboxed template is compiled to other code."""
        key = self.get_cache_key(name, filename) + ("-sandboxed" if environment.sandboxed else "-plain")
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])
            return
        disk = self._disk()
        if disk is not None:
            disk.load_bytecode(bucket)  # Jinja drops a file of another source, version or a cut-short one
            if bucket.code is not None:
                self.kept[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()
        disk = self._disk()
        if disk is not None:
            with contextlib.suppress(OSError):  # a full or read-only temp folder: the next process compiles again
                disk.dump_bytecode(bucket)

    def _disk(self) -> jinja2.FileSystemBytecodeCache | None:
        if not self.disk:
            try:  # a private folder (0700, owned by this user) in the temp folder; refused if anyone else's
                self.disk.append(jinja2.FileSystemBytecodeCache(pattern="courseware-%s.jinja"))
            except (OSError, RuntimeError):
                self.disk.append(None)
        return self.disk[0]


COMPILED = CompiledTemplates()


def make_environment(course_pages: Path | None = None) -> jinja2.Environment:
    """The one template environment of a build: the course's own pages/ first, then the tool's.

    Sandboxed when a course brings its own page templates: they must not reach Python internals. The tool's
    own templates are trusted (authors' text reaches them as values, never as template code), and the sandbox's
    check of every attribute was a third of the time of rendering a course.
    """
    folders = [course_pages] if course_pages else []
    kind = jinja2.sandbox.SandboxedEnvironment if course_pages else jinja2.Environment
    env = kind(
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
