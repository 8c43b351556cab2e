"""The one module that knows MkDocs: compose mkdocs.yml for a docs tree, and build it.

Everything essential happens before this point, so moving to ProperDocs or Zensical means
rewriting only this package (this module; cache.py, which keeps MkDocs' repeated work between builds; and
search.py, which indexes pages for Material's search in a worker process).
"""

from __future__ import annotations

import copy
import html
import logging
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from generator.diagnostics import Diagnostic, Loc, Severity
from generator.engine.cache import build_cache, reuse_compiled_theme, search_store
from generator.engine.search import (
    SearchAhead,
    keep_worker,
    start_worker,
    stop_worker,
    streamed_search_index,
    worker_running,
)
from generator.load.yamlsource import dump
from generator.locale import LANGUAGE, UI, message
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
    extra["cw_progress"] = tree.progress  # overrides/main.html gives it to progress.js on every page
    extra["cw_mark"] = tree.mark  # overrides/main.html puts it on every page (the trainer edition's 讲师版)
    extra["polyfills"] = [*tree.polyfills, *(extra.get("polyfills") or [])]
    extra["cw_ui"] = {key: UI[key] for key in ("not_found_title", "not_found_text", "home")}  # overrides/404.html
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
               cache_dir: Path | None = None, parallel: bool = True,
               late_files: Callable[[], dict[str, bytes]] | None = None) -> list[Diagnostic]:
    """Run MkDocs on an emitted config; its warnings and failures come back as diagnostics.

    `sources` maps a generated page to the author's file it came from, so a warning about a page
    points at the YAML the author edits, not at the generated tree. `cache_dir` keeps work that
    depends only on its input (rendering, search indexing) between builds. `parallel` indexes pages for
    search in a worker process (the same bytes as a serial build). `late_files` gives files of the docs tree
    that were still being made when MkDocs started (the tree holds a stand-in): they are written over the
    site's copies before the site is complete.
    """
    sources = sources or {}
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
        _run_mkdocs(config_path, site_dir, cache_dir, parallel)
        _write_late_files(site_dir, late_files)
        _inline_search_index(site_dir)
        _relocatable_error_page(site_dir)
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


def _run_mkdocs(config_path: Path, site_dir: Path, cache_dir: Path | None, parallel: bool) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with streamed_search_index():  # entered first: MkDocs binds each plugin's event methods as the config loads
        config = load_config(config_file=str(config_path), site_dir=str(site_dir))
        reuse_compiled_theme(config)
        name = config_path.parent.name
        ahead = SearchAhead() if parallel and start_search_worker(cache_dir, name) else None
        with build_cache(cache_dir, name, config_path, ahead):
            build(config)


def start_search_worker(cache_dir: Path | None, edition: str, newest_source: float = 0.0) -> bool:
    """Start the search worker when pages will need indexing: no search entries kept (a cold build), or a
    course file changed since the last build (`newest_source`, a modification time), or when it runs already
    (`serve`). Early, so that jieba's dictionary (0.6 s) loads while the course is read, not when MkDocs
    reaches the changed page."""
    store = search_store(cache_dir, edition) if cache_dir is not None else None
    if worker_running() or store is None or not store.is_file() or store.stat().st_mtime < newest_source:
        start_worker()
        return True
    return False


def stop_search_worker() -> None:
    stop_worker()


def keep_search_worker() -> None:
    """For a process that builds again and again (`courseware serve`): the worker stays between builds."""
    keep_worker()


def _write_late_files(site_dir: Path, late_files: Callable[[], dict[str, bytes]] | None) -> None:
    """Files that are not pages keep their path in the site (MkDocs copies them as they are)."""
    for relative, data in sorted((late_files() if late_files else {}).items()):
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _inline_search_index(site_dir: Path) -> None:
    """Material's search reads search/search_index.js when the site is opened from disk (file:// refuses the
    .json it fetches over HTTP): the same index, as a script. Its worker then runs via assets/polyfills/."""
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        # copied in pieces: a large course's index is tens of MB, and the build's peak memory is at its end
        with index.open("rb") as source, index.with_suffix(".js").open("wb") as target:
            target.write(b"var __index = ")
            shutil.copyfileobj(source, target)


# MkDocs writes an error page's URLs from the server root (site_url's path, or "/"), as the page is shown for
# missing addresses in any folder. Without site_url that root is wrong for a site in a sub-folder: the URLs are
# made relative to the site folder instead, which overrides/404.html moves the address bar to before they load.
_ROOT_URL = re.compile(r'((?:href|src)="|"search": ")/(?!/)(")?')
_ROOT_SCOPE = ('"base": "/"', 'new URL("/",location)')


def _relocatable_error_page(site_dir: Path) -> None:
    page = site_dir / "404.html"
    if not page.is_file():
        return
    text = page.read_text(encoding="utf-8")
    if _ROOT_SCOPE[0] not in text:  # site_url names the folder: MkDocs' absolute URLs are right
        return
    text = _ROOT_URL.sub(lambda found: found.group(1) + ("./\"" if found.group(2) else ""), text)
    for root in _ROOT_SCOPE:
        text = text.replace(root, root.replace('"/"', '"."'))
    page.write_text(text, encoding="utf-8")


def _quiet_jieba() -> None:
    """jieba announces its dictionary on every build; authors need not see it."""
    try:
        import jieba
    except ImportError:  # pragma: no cover - a dependency; search still works, just coarser
        return
    jieba.setLogLevel(logging.WARNING)


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
