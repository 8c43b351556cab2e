"""The one module that knows MkDocs: compose mkdocs.yml for a docs tree, and build it.

Everything essential happens before this point, so moving to ProperDocs or Zensical means
rewriting only this file.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import html
import json
import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2

from generator.diagnostics import Diagnostic, Loc, Severity
from generator.load.yamlsource import dump
from generator.locale import LANGUAGE, message
from generator.render.markup import site_extensions
from generator.render.tree import DocsTree

# Not "content.tooltips": Material's tooltips put an element's title (which it also fills in from truncated
# nav and header text) into the page as HTML, so a "<" in any title became markup. Glossary terms keep the
# browser's own tooltip from <abbr title>, which is text.
FEATURES = (
    "navigation.indexes",  # a part's page is its section's index
    "navigation.prune",  # keeps build time linear: Material embeds the nav in every page
    "navigation.top",
    "navigation.footer",
    "search.highlight",
)


# The author's keys that reach MkDocs (validation refuses the rest); Material prints these into HTML
# unescaped, so they are escaped here.
PASSED_KEYS = ("site_name", "site_description", "site_author", "copyright", "site_url", "theme", "extra")
HTML_TEXT_KEYS = ("site_name", "site_description", "site_author", "copyright")


def compose_config(author: dict[str, Any], tree: DocsTree, title: str, has_overrides: bool) -> dict[str, Any]:
    """The emitted mkdocs.yml: the author's settings, with what offline and Chinese need forced on."""
    base = {key: copy.deepcopy(value) for key, value in author.items() if key in PASSED_KEYS}
    base.setdefault("site_name", title)
    for key in HTML_TEXT_KEYS:
        if isinstance(base.get(key), str):
            base[key] = html.escape(base[key])
    theme = dict(base.pop("theme", None) or {})
    theme.update(name="material", language=LANGUAGE, font=False)
    theme["features"] = sorted(set(theme.get("features") or []) | set(FEATURES))
    if has_overrides:
        theme["custom_dir"] = "overrides"
    extra = dict(base.pop("extra", None) or {})
    extra["generator"] = False  # no "Made with" link to an outside host
    extra["cw_mark"] = tree.mark  # overrides/main.html puts it on every page (the trainer edition's 讲师版)
    return {
        "site_name": base.pop("site_name", None) or html.escape(title),
        **base,
        "docs_dir": "docs",
        "site_dir": "site",
        "use_directory_urls": False,  # pages open from file:// and any sub-path alike
        "theme": theme,
        "plugins": [{"search": {"lang": LANGUAGE}}],
        "markdown_extensions": site_extensions(),
        "extra": extra,
        "extra_css": tree.extra_css,
        "extra_javascript": tree.extra_js,
        "nav": _escape_nav(tree.nav),
        "validation": {"links": {"not_found": "warn", "anchors": "warn", "absolute_links": "warn",
                                 "unrecognized_links": "warn"}},
    }


def _escape_nav(items: list[Any]) -> list[Any]:
    """Nav titles come from authors' titles; Material writes them into the page as HTML."""
    escaped: list[Any] = []
    for item in items:
        if isinstance(item, dict):
            escaped.append({html.escape(str(k)): _escape_nav(v) if isinstance(v, list) else v for k, v in item.items()})
        else:
            escaped.append(item)
    return escaped


def write_config(config: dict[str, Any], build_dir: Path) -> Path:
    path = build_dir / "mkdocs.yml"
    path.write_text(dump(config), encoding="utf-8")
    return path


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_site(config_path: Path, site_dir: Path, sources: dict[str, str] | None = None,
               cache_dir: Path | None = None) -> list[Diagnostic]:
    """Run MkDocs on an emitted config; its warnings and failures come back as diagnostics.

    `sources` maps a generated page to the author's file it came from, so a warning about a page
    points at the YAML the author edits, not at the generated tree. `cache_dir` keeps work that
    depends only on its input (Chinese word segmentation) between builds.
    """
    sources = sources or {}
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _quiet_jieba()
    # sitemap dates and gzip headers follow SOURCE_DATE_EPOCH; pinned for this build only, so builds repeat
    saved_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = saved_epoch or "0"
    logger = logging.getLogger("mkdocs")
    collector = _Collector()
    logger.addHandler(collector)
    saved = logger.propagate
    logger.propagate = False
    try:
        config = load_config(config_file=str(config_path), site_dir=str(site_dir))
        with _build_cache(cache_dir, config_path.parent.name):
            build(config)
    except MkDocsException as exc:
        return [*_diagnostics(collector.records, config_path, sources), _failure(str(exc), config_path)]
    except (TypeError, ValueError, KeyError, AttributeError, jinja2.TemplateError) as exc:
        # a setting of a shape the theme's templates did not expect: an error to act on, not a traceback
        failure = _failure(f"{type(exc).__name__}: {exc}", config_path)
        return [*_diagnostics(collector.records, config_path, sources), failure]
    finally:
        logger.removeHandler(collector)
        logger.propagate = saved
        if saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
    return _diagnostics(collector.records, config_path, sources)


def _quiet_jieba() -> None:
    """jieba announces its dictionary on every build; authors need not see it."""
    try:
        import jieba
    except ImportError:  # pragma: no cover - a dependency; search still works, just coarser
        return
    jieba.setLogLevel(logging.WARNING)


class _Store:
    """One JSON file of results keyed by a hash of their whole input; only entries a build used are written
    back, so the file follows the course and never grows without bound. `build/` is safe to delete."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.known = _read_cache(path)
        self.used: dict[str, Any] = {}

    def get(self, key: str) -> Any:
        if key in self.known:
            self.used[key] = self.known[key]
        return self.used.get(key)

    def put(self, key: str, value: Any) -> None:
        self.used[key] = value

    def save(self) -> None:
        if self.used and self.used != self.known:
            _write_cache(self.path, self.used)


def _read_cache(path: Path) -> dict[str, Any]:
    """A missing, truncated or foreign cache file is an empty cache: the build recomputes, never fails."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_cache(path: Path, entries: dict[str, Any]) -> None:
    """Written aside and renamed, so a build stopped half-way leaves the previous cache whole."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        with partial.open("w", encoding="utf-8") as stream:  # streamed: no second copy of every page in memory
            json.dump(entries, stream, ensure_ascii=False, sort_keys=True)
        partial.replace(path)
    except OSError:  # a read-only build/ folder: the site is still right, only the next build is slower
        pass


def _digest(*parts: str) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part.encode("utf-8"))
        hashed.update(b"\0")
    return hashed.hexdigest()


@contextlib.contextmanager
def _build_cache(cache_dir: Path | None, name: str) -> Iterator[None]:
    """Keep, between builds, the two costly steps inside MkDocs whose result depends only on their input."""
    if cache_dir is None:
        yield
        return
    with _segment_cache(cache_dir, name), _render_cache(cache_dir, name):
        yield


@contextlib.contextmanager
def _segment_cache(cache_dir: Path, name: str) -> Iterator[None]:
    """Material's search segments every Chinese run with jieba, the costliest step of a build (~5 s of ~9 s).

    jieba is a pure function of the text and its (fixed) dictionary, so each section's segmentation is kept,
    keyed by a hash of the text; a warm build then never loads jieba at all.
    """
    index = _search_index_class()
    if index is None:
        yield
        return
    import jieba

    store = _Store(cache_dir / f"segments-{name}-{jieba.__version__}.json")
    original = index._segment_chinese

    def segment(self: Any, data: str) -> str:
        key = _digest(data)
        found = store.get(key)
        if found is None:
            found = original(self, data)
            store.put(key, found)
        return str(found)

    index._segment_chinese = segment
    try:
        yield
    finally:
        index._segment_chinese = original
    store.save()


def _search_index_class() -> Any:
    try:
        from material.plugins.search.plugin import SearchIndex, jieba
    except ImportError:  # pragma: no cover - Material without its search plugin: nothing to cache
        return None
    return SearchIndex if jieba is not None else None


@contextlib.contextmanager
def _render_cache(cache_dir: Path, name: str) -> Iterator[None]:
    """Python-Markdown is the other costly step: a page whose Markdown, file list and settings are unchanged
    gets back the HTML, table of contents, anchors and warnings of its last render instead of a new one.

    The key holds everything `Page.render` reads: the page's final Markdown, its path, every file's path and
    URL (links are resolved against them) and the Markdown settings, so any change to those renders again.
    """
    import mkdocs
    from mkdocs.structure.pages import Page

    store = _Store(cache_dir / f"pages-{name}-{mkdocs.__version__}.json")
    original = Page.render
    settings: list[tuple[Any, str]] = []  # (files, key): the same for every page of a build, computed once

    def render(page: Page, config: Any, files: Any) -> None:
        if not settings or settings[0][0] is not files:
            settings[:] = [(files, _settings_key(config, files))]
        key = _digest(str(page.markdown), page.file.src_uri, settings[0][1])
        found = store.get(key)
        if found is not None:
            _restore_page(page, found, files)
            return
        with _warnings_kept() as warnings:
            original(page, config, files)
        store.put(key, _page_entry(page, warnings))

    Page.render = render  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        Page.render = original  # type: ignore[method-assign]
    store.save()


def _settings_key(config: Any, files: Any) -> str:
    listed = sorted((f.src_uri, f.dest_uri, f.url) for f in files)
    settings = (config["markdown_extensions"], config["mdx_configs"], config["use_directory_urls"],
                config["validation"], listed)
    return _digest(json.dumps(settings, sort_keys=True, default=repr))


class _PageWarnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


@contextlib.contextmanager
def _warnings_kept() -> Iterator[list[tuple[str, int, str]]]:
    """What rendering a page logs (broken links and the like) is part of its result: replayed on a cache hit."""
    logger = logging.getLogger("mkdocs")
    handler = _PageWarnings()
    handler.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


def _page_entry(page: Any, warnings: list[tuple[str, int, str]]) -> dict[str, Any]:
    links = page.links_to_anchors
    return {
        "content": page.content,
        "toc": [_toc_token(item) for item in page.toc.items],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": None if links is None else {target.src_uri: dict(found) for target, found in links.items()},
        "warnings": warnings,
    }


def _toc_token(item: Any) -> dict[str, Any]:
    return {"name": item.title, "id": item.id, "level": item.level,
            "children": [_toc_token(child) for child in item.children]}


def _restore_page(page: Any, entry: dict[str, Any], files: Any) -> None:
    from mkdocs.structure.toc import get_toc

    page.content = entry["content"]
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    links = entry["links"]
    if links is not None:
        page.links_to_anchors = {files.get_file_from_path(path): found for path, found in links.items()}
    for name, level, text in entry["warnings"]:
        logging.getLogger(name).log(level, "%s", text)


_PAGE = re.compile(r"Doc file '([^']+)'")


def _diagnostics(records: list[logging.LogRecord], config_path: Path, sources: dict[str, str]) -> list[Diagnostic]:
    result = []
    for record in records:
        text = record.getMessage()
        page = _PAGE.search(text)
        source = sources.get(page.group(1)) if page else None
        where = Loc(source) if source else Loc(config_path.as_posix())
        code, values = _translate(text)
        message_text, hint = message(code, **values)
        result.append(Diagnostic(where, code, message_text, hint, Severity.WARNING, values.get("link", "")))
    return result


_NOT_FOUND = re.compile(r"contains a link '([^']+)', but the target '([^']+)' is not found")
_NO_ANCHOR = re.compile(r"contains a link '([^']+)', but (?:there is no such anchor|the doc '[^']+' does not contain)")


def _translate(text: str) -> tuple[str, dict[str, str]]:
    """MkDocs' most common warnings, said in Chinese; the rest are passed on as they are."""
    found = _NOT_FOUND.search(text)
    if found:
        return "broken-link", {"link": found.group(1)}
    anchor = _NO_ANCHOR.search(text)
    if anchor:
        return "broken-anchor", {"link": anchor.group(1)}
    return "engine-warning", {"text": text}


def _failure(text: str, config_path: Path) -> Diagnostic:
    message_text, hint = message("engine-failed", text=text)
    return Diagnostic(Loc(config_path.as_posix()), "engine-failed", message_text, hint)
