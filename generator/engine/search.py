"""Material's search entries of each page, made in a second process while MkDocs renders the other pages.

Indexing a page (parsing its HTML into sections, segmenting every Chinese run with jieba) is nearly half of
MkDocs' work on a Chinese course, and it depends only on the page's HTML, address, title, metadata and table
of contents. MkDocs renders every page's Markdown before it writes any page, so each page is handed to the
worker as soon as it is rendered and its entries are ready when MkDocs reaches it. The worker runs Material's
own indexing code, so the entries are the ones MkDocs would make itself (tests/test_build_cache.py compares
a parallel build with a serial one byte for byte). jieba's dictionary is loaded once per worker, which a
long-running `courseware serve` keeps between builds.
"""

from __future__ import annotations

import contextlib
import json
import logging
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import SimpleNamespace
from typing import Any

Entries = list[list[tuple[str, Any]]]  # each entry as (key, value) pairs, in Material's key order
_POOL: list[ProcessPoolExecutor] = []  # one worker per process, started on first use


def start_worker() -> None:
    """Start the worker and load jieba's dictionary now, while the caller does other work."""
    _pool()


def stop_worker() -> None:
    """Wait for the worker to end (a process that measures its children's memory and time)."""
    while _POOL:
        _POOL.pop().shutdown(wait=True)


def worker_running() -> bool:
    return bool(_POOL)


_KEEP: list[bool] = []  # `courseware serve`: every build needs the worker (and jieba's dictionary) again


def keep_worker() -> None:
    _KEEP.append(True)


def _pool() -> ProcessPoolExecutor:
    if not _POOL:
        # spawn, not fork: `courseware serve` forks from a process with threads (watcher, web server)
        _POOL.append(ProcessPoolExecutor(1, multiprocessing.get_context("spawn"), initializer=_load_jieba))
        _POOL[0].submit(int)  # starts the process (and its initializer) without waiting for a page
    return _POOL[0]


def _load_jieba() -> None:
    try:
        import jieba
    except ImportError:  # pragma: no cover - a dependency; search still works, just coarser
        return
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()


class SearchAhead:
    """Pages handed to the worker, by the key of their indexing input; `take` waits for one's entries."""

    def __init__(self) -> None:
        self.pending: dict[str, Future[Entries]] = {}

    def submit(self, key: str, page: Any, toc: list[dict[str, Any]]) -> None:
        if key in self.pending:
            return
        try:
            self.pending[key] = _pool().submit(page_entries, str(page.content), toc, str(page.url),
                                               str(page.title), dict(page.meta))
        except (BrokenProcessPool, RuntimeError, OSError):  # no worker: MkDocs indexes the page itself
            _POOL.clear()

    def take(self, key: str) -> Entries | None:
        found = self.pending.pop(key, None)
        if found is None:
            return None
        try:
            return found.result()
        except (BrokenProcessPool, OSError):
            _POOL.clear()
            return None

    def release(self) -> None:
        """Every page is handed over: once the worker has indexed them all, a one-off build lets it end, so that
        it does not hold its memory (jieba's dictionary, ~130 MB in all) beside MkDocs' peak at the end."""
        if not _KEEP and _POOL:
            wait(self.pending.values())
            stop_worker()

    def cancel(self) -> None:
        """A build that stopped half-way leaves no work queued for the next one."""
        for future in self.pending.values():
            future.cancel()
        self.pending.clear()


def page_entries(content: str, toc: list[Any], url: str, title: str, meta: dict[str, Any]) -> Entries:
    """Runs in the worker: Material's indexing of one page, on a page that holds just what indexing reads."""
    from material.plugins.search.plugin import SearchIndex
    from mkdocs.structure.toc import get_toc

    index = SearchIndex()
    index.add_entry_from_context(SimpleNamespace(content=content, toc=get_toc(toc), url=url, title=title, meta=meta))
    return [list(entry.items()) for entry in index.entries]


@contextlib.contextmanager
def streamed_search_index() -> Iterator[None]:
    """Material writes its search index by making the whole JSON text and then its bytes, two copies of an index
    that holds every page's text (90 MB of the peak at 16 times the course); written as it is made instead. The
    same bytes: `json.dump` and `json.dumps` give the same text, and it is ASCII."""
    try:
        from material.plugins.search.plugin import SearchPlugin
    except ImportError:  # pragma: no cover - Material without its search plugin
        yield
        return
    original = SearchPlugin.on_post_build

    def on_post_build(self: Any, *, config: Any) -> None:
        if not self.config.enabled or self.search_index_prev is not None:  # a dirty reload: Material's own way
            original(self, config=config)
            return
        index = self.search_index
        settings = {key: self.config[key] for key in ("lang", "separator", "pipeline", "fields")}
        path = Path(config.site_dir) / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as stream:
            json.dump({"config": settings, "docs": index.entries}, stream, separators=(",", ":"), default=str)

    SearchPlugin.on_post_build = on_post_build
    try:
        yield
    finally:
        SearchPlugin.on_post_build = original
