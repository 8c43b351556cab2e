"""Work MkDocs repeats on every build although its input did not change, kept in build/cache/ between builds.

Each store is one JSON file of results keyed by a hash of their whole input, so a cached build is byte for byte
a fresh one (tests/test_build_cache.py). Three steps are kept: Markdown rendering, the search entries of a page
(Chinese word segmentation included) and the theme's HTML of a page. `build/` is safe to delete.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.engine.search import SearchAhead
from generator.render.templates import CompiledTemplates


class _Store:
    """One JSON file of results keyed by a hash of their whole input; only entries a build used are written
    back, so the file follows the course and never grows without bound. `build/` is safe to delete."""

    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: kept for this build only
        self.known = _read_cache(path) if path else {}
        self.used: dict[str, Any] = {}

    def get(self, key: str) -> Any:
        if key in self.known:
            self.used[key] = self.known[key]
        return self.used.get(key)

    def put(self, key: str, value: Any) -> None:
        self.used[key] = value

    def save(self) -> None:
        if self.path and self.used and self.used != self.known:
            _write_cache(self.path, self.used)

    def touch(self) -> None:
        """Only a file a build wrote: an empty one made here would read as entries kept (a warm build)."""
        if self.path and self.path.is_file():
            with contextlib.suppress(OSError):
                self.path.touch()


class _FileStore:
    """One file per result, for results as large as a whole page: a JSON store would hold every page of a
    big course in memory at once. Files this build did not use are removed when it ends."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def get(self, key: str) -> bytes | None:
        self.used.add(key)
        try:
            return (self.folder / key).read_bytes()
        except OSError:
            return None

    def put(self, key: str, value: bytes) -> None:
        self.used.add(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = self.folder / f".{key}.{os.getpid()}"
            partial.write_bytes(value)
            partial.replace(self.folder / key)
        except OSError:  # a read-only build/ folder: only the next build is slower
            pass

    def save(self) -> None:
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.name not in self.used:
                    path.unlink(missing_ok=True)


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

THEME_COMPILED = CompiledTemplates()  # the theme's templates, compiled once per process (serve rebuilds often)


def reuse_compiled_theme(config: Any) -> None:
    """MkDocs makes a new theme environment every build; its templates need not be compiled again, nor its
    ~14,000 files (Material's icons) listed again to find the theme's static files."""
    theme = config.theme
    original = theme.get_env

    def get_env() -> Any:
        env = original()
        env.bytecode_cache = THEME_COMPILED
        env.list_templates = functools.partial(_listed_templates, env.list_templates, theme)
        return env

    theme.get_env = get_env


_LISTED: dict[tuple[Any, ...], list[str]] = {}


def _listed_templates(listing: Any, theme: Any, extensions: Any = None, filter_func: Any = None) -> list[str]:
    """The theme folders' files, once per process for the same folders, filter and (small) custom folder."""
    custom = sorted(str(path) for path in Path(theme.custom_dir).rglob("*")) if theme.custom_dir else []
    key = (tuple(theme.dirs), tuple(theme.static_templates), extensions, getattr(filter_func, "__code__", None),
           tuple(custom))
    if key not in _LISTED:
        _LISTED[key] = listing(extensions=extensions, filter_func=filter_func)
    return list(_LISTED[key])


@contextlib.contextmanager
def build_cache(cache_dir: Path | None, name: str, config_path: Path,
                ahead: SearchAhead | None = None) -> Iterator[None]:
    """Keep, between builds, the costly steps inside MkDocs whose result depends only on their input;
    with `ahead`, pages are indexed for search in a worker process (engine/search.py)."""
    if cache_dir is None:
        with _search_entry_cache(None, name, ahead):
            yield
        return
    with (_render_cache(cache_dir, name),
          _search_entry_cache(cache_dir, name, ahead), _html_cache(cache_dir, name, config_path)):
        yield


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

    store = _FileStore(cache_dir / f"pages-{name}-{mkdocs.__version__}")
    original = Page.render
    settings: list[tuple[Any, str]] = []  # (files, key): the same for every page of a build, computed once

    def render(page: Page, config: Any, files: Any) -> None:
        if not settings or settings[0][0] is not files:
            settings[:] = [(files, _settings_key(config, files))]
        key = _digest(str(page.markdown), page.file.src_uri, settings[0][1])
        found = _json_entry(store.get(key))
        if found is not None:
            _restore_page(page, found, files)
            return
        with _warnings_kept() as warnings:
            original(page, config, files)
        store.put(key, _json(_page_entry(page, warnings)).encode("utf-8"))

    Page.render = render  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        Page.render = original  # type: ignore[method-assign]
    store.save()


def _json_entry(data: bytes | None) -> dict[str, Any] | None:
    """A damaged entry is a miss: the page renders again."""
    try:
        found = json.loads(data) if data is not None else None
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


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


@contextlib.contextmanager
def _search_entry_cache(cache_dir: Path | None, name: str, ahead: SearchAhead | None) -> Iterator[None]:
    """Material's search parses every page's HTML into sections: the same page gives the same entries.

    A page whose entries are not kept is handed to `ahead`'s worker as soon as its Markdown is rendered."""
    index = _search_index_class()
    if index is None or (cache_dir is None and ahead is None):
        yield
        return
    import mkdocs.commands.build as builder

    store = _Store(search_store(cache_dir, name) if cache_dir else None)
    original, populate = index.add_entry_from_context, builder._populate_page
    released: list[bool] = []

    def populate_page(page: Any, config: Any, files: Any, dirty: bool = False) -> None:
        populate(page, config, files, dirty)
        toc = [_toc_token(item) for item in page.toc.items]
        key = _entry_key(page, toc)
        if ahead is not None and store.get(key) is None:
            ahead.submit(key, page, toc)

    def add_entry(self: Any, page: Any) -> None:
        if ahead is not None and not released:  # MkDocs writes pages only once every page has been read
            released.append(True)
            ahead.release()
        key = _entry_key(page, [_toc_token(item) for item in page.toc.items])
        found = store.get(key)
        if found is None:
            found = ahead.take(key) if ahead is not None else None
            if found is None:
                before = len(self.entries)
                original(self, page)
                # kept as pairs: the store writes sorted keys, and the index must keep Material's key order
                found = [list(entry.items()) for entry in self.entries[before:]]
                del self.entries[before:]
            store.put(key, found)
        self.entries.extend(dict(pairs) for pairs in found)

    index.add_entry_from_context, builder._populate_page = add_entry, populate_page
    try:
        yield
    finally:
        index.add_entry_from_context, builder._populate_page = original, populate
        if ahead is not None:
            ahead.cancel()
    store.save()
    store.touch()  # its time marks the course files indexed so far (start_search_worker)


def search_store(cache_dir: Path, name: str) -> Path:
    return cache_dir / f"search-{name}.json"


def _entry_key(page: Any, toc: list[dict[str, Any]]) -> str:
    return _digest(str(page.content), str(page.url), str(page.title), _json(page.meta), _json(toc))


@contextlib.contextmanager
def _html_cache(cache_dir: Path, name: str, config_path: Path) -> Iterator[None]:
    """The theme renders each page from the page, the whole navigation and the settings; when none of these
    changed, the page's last output is written again. Plugins still see every page (search indexes it)."""
    import mkdocs.commands.build as builder

    store = _FileStore(cache_dir / f"html-{name}")
    original = builder._build_page
    site: list[str] = []  # the navigation and settings: one key part for every page of a build

    def build_page(page: Any, config: Any, doc_files: Any, nav: Any, env: Any, dirty: bool = False,
                   excluded: bool = False) -> None:
        if dirty or excluded:
            original(page, config, doc_files, nav, env, dirty, excluded)
            return
        if not site:
            site.append(_site_key(nav, config_path))
        key = _digest(site[0], page.file.src_uri, str(page.content), str(page.title), _json(page.meta),
                      _json([_toc_token(item) for item in page.toc.items]))
        found = store.get(key)
        if found is None or not found.rstrip().endswith(b"</html>"):  # missing, or cut short by a full disk
            original(page, config, doc_files, nav, env, dirty, excluded)
            store.put(key, Path(page.file.abs_dest_path).read_bytes())
            return
        _replay_page(builder, page, config, doc_files, nav, found)

    builder._build_page = build_page
    try:
        yield
    finally:
        builder._build_page = original
    store.save()


def _replay_page(builder: Any, page: Any, config: Any, doc_files: Any, nav: Any, output: bytes) -> None:
    """What `_build_page` does around the template: the page is active while plugins see its context."""
    config._current_page, page.active = page, True
    try:
        context = builder.get_context(nav, doc_files, config, page)
        config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        path = Path(page.file.abs_dest_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(output)
    finally:
        page.active, config._current_page = False, None


def _site_key(nav: Any, config_path: Path) -> str:
    """Everything a page's HTML shows besides the page: every nav entry, the settings, the theme's versions and
    the templates that override it."""
    import material
    import mkdocs

    overrides = config_path.parent / "overrides"
    templates = [(path.relative_to(overrides).as_posix(), path.read_text(encoding="utf-8", errors="replace"))
                 for path in sorted(overrides.rglob("*")) if path.is_file()] if overrides.is_dir() else []
    return _digest(mkdocs.__version__, getattr(material, "__version__", ""), config_path.read_text(encoding="utf-8"),
                   _json(templates), _json(_nav_items(nav.items)))


def _nav_items(items: Any) -> list[Any]:
    return [[str(item.title), str(getattr(item, "url", "") or ""), _nav_items(getattr(item, "children", None) or [])]
            for item in items]


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)
