"""Material's instant navigation, which an author may switch on once site_url is set: pages change without a
reload, and every widget must still start on the new page, once."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Callable

import pytest

from generator import pipeline
from generator.scaffold import SCAFFOLD

pytestmark = pytest.mark.browser
SUBPATH = "training/instant"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory: pytest.TempPathFactory, serve_site: Callable[..., str]) -> str:
    course = tmp_path_factory.mktemp("instant") / "course"
    shutil.copytree(SCAFFOLD, course)
    port = _free_port()
    config = course / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("theme:\n", "theme:\n  features: [navigation.instant]\n", 1)
    config.write_text(text + f"site_url: http://127.0.0.1:{port}/{SUBPATH}/\n", encoding="utf-8")
    outcome = pipeline.build(course, course / "site")
    assert not outcome.failed(strict=True), outcome.diagnostics
    return serve_site(course / "site", SUBPATH, port)


def test_widgets_start_after_instant_navigation(page, instant_site: str, requests_seen) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(instant_site + "visit/index.html")
    # Material intercepts links only once it has fetched sitemap.xml; on a busy machine that comes late.
    page.wait_for_load_state("networkidle")
    page.evaluate("window.cwSamePage = true")  # survives only if the next pages load without a reload
    page.locator("a[href$='plan-visit.html']").first.click()
    page.wait_for_url("**/visit/plan-visit.html")
    page.locator(".cw-quiz[data-cw-ready]").wait_for()
    assert page.evaluate("window.cwSamePage === true")
    page.locator(".cw-quiz__form input").first.check()  # an answer in progress
    page.locator("a[href$='roleplays/rp-visit.html']").first.click()
    page.wait_for_url("**/roleplays/rp-visit.html")
    widget = page.locator("[data-cw-play][data-cw-ready]")
    widget.wait_for()
    assert page.evaluate("window.cwSamePage === true")
    widget.locator(".cw-play__stage button").first.click()
    assert widget.locator(".cw-play__path li").count() == 1
    page.go_back()
    page.wait_for_url("**/visit/plan-visit.html")
    page.locator(".cw-quiz[data-cw-ready]").wait_for()
    assert page.locator(".cw-quiz").count() == 1
    assert page.get_by_role("button", name="提交").count() == 1  # started once, not twice
    assert page.locator(".cw-quiz__form input").first.is_checked()  # the answer in progress came back
    assert errors == []  # e.g. data blocks run as scripts, or SVG links Material cannot rewrite
    assert requests_seen.off_host() == []


def test_read_marks_survive_instant_navigation(page, instant_site: str) -> None:
    """The nav of a page reached without a reload shows the chapters read (progress.js re-applies on document$)."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(instant_site + "glossary.html")
    page.wait_for_load_state("networkidle")
    key = page.evaluate("JSON.parse(document.querySelector('meta[name=cw-progress]').content).key")
    page.evaluate("(key) => localStorage.setItem(key, JSON.stringify({v: 2, read: {'plan-visit': 20000}}))", key)
    page.evaluate("window.cwSamePage = true")
    page.locator("a[href$='visit/index.html']").first.click()
    page.wait_for_url("**/visit/index.html")
    mark = page.locator(".md-sidebar--primary a.cw-nav--read[href$='plan-visit.html']")
    mark.wait_for(state="attached")
    assert mark.locator(".cw-sr").inner_text() == "（已读）"
    assert page.evaluate("window.cwSamePage === true")
    assert errors == []
