"""`courseware serve` in Chromium: a save reloads the page by itself; a bad save shows the build's errors over
the page, which keeps showing the last good site; fixing the error reloads again."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import serve

pytestmark = pytest.mark.browser
CHAPTER = "content/modules/plan-visit.yaml"
SUMMARY = "summary: 拜访前先写下目标和资料清单，拜访才不会变成闲聊。"


@pytest.fixture
def serving(sample_course: Path) -> Iterator[tuple[str, Path]]:
    state = serve.State()
    site = sample_course / "site"
    serve.rebuild(sample_course, site, "learner", state)
    server = serve.start_server(site, state, 0)
    stop = threading.Event()
    watcher = threading.Thread(target=serve.watch, args=(sample_course, site, "learner", state, 0.1, stop))
    watcher.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", sample_course
    stop.set()
    watcher.join()
    server.shutdown()
    server.server_close()


def _save(course: Path, old: str, new: str) -> None:
    path = course / CHAPTER
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_save_reloads_and_errors_show_over_the_last_good_page(page, serving, requests_seen) -> None:
    url, course = serving
    page.goto(url + "visit/plan-visit.html")
    page.get_by_text("拜访才不会变成闲聊").first.wait_for()
    page.wait_for_function("() => performance.getEntriesByType('resource')"
                           ".some(e => e.name.includes('__courseware__'))")  # the script has its first status
    page.evaluate("window.cwBeforeSave = true")

    _save(course, SUMMARY, "summary: 拜访前先写下目标和资料清单，再约客户。")
    page.get_by_text("再约客户").first.wait_for(timeout=60_000)
    assert page.evaluate("window.cwBeforeSave === undefined")  # a real reload, not a patched page
    page.evaluate("window.cwBeforeSave = true")

    _save(course, "summary: 拜访前", "summary: 拜访: 前")  # a YAML syntax error
    overlay = page.locator(".cw-serve-overlay")
    overlay.wait_for(timeout=60_000)
    assert "content/modules/plan-visit.yaml:3:" in overlay.inner_text()
    assert "error[yaml-syntax]" in overlay.inner_text()
    assert overlay.get_attribute("role") == "alert"
    assert page.evaluate("window.cwBeforeSave === true")  # no reload: the last good page stays
    assert page.get_by_text("再约客户").first.is_visible()

    _save(course, "summary: 拜访: 前", "summary: 拜访前，三件事")
    page.get_by_text("三件事").first.wait_for(timeout=60_000)
    assert page.locator(".cw-serve-overlay").count() == 0
    assert requests_seen.off_host() == []

