"""Every page of both editions on a 360 px phone and opened from disk; the 404 page under a sub-path."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import site_pages

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}

# Elements sticking out past the right edge that no scrolling box of their own holds: what widens the page.
OFFENDERS = """() => {
  const width = document.documentElement.clientWidth, found = [];
  const held = (node) => {
    for (let up = node.parentElement; up && up !== document.body; up = up.parentElement)
      if (getComputedStyle(up).overflowX !== "visible") return true;
    return false;
  };
  const past = (node) => node.getBoundingClientRect().right > width + 0.5;
  for (const node of document.body.querySelectorAll("*"))
    if (past(node) && !held(node) && ![...node.children].some(past))
      found.push(node.tagName.toLowerCase() + (node.className && node.className.baseVal === undefined
        ? "." + node.className.trim().split(/\\s+/).join(".") : ""));
  return {scroll: document.documentElement.scrollWidth, width, found: [...new Set(found)].slice(0, 5)};
}"""


def test_every_page_on_a_phone_opened_from_disk(browser, edition_site: Path) -> None:
    """A double-clicked site/index.html on a 360 px phone: every page over file://, none wider than the screen
    and none with a script error. One crawl checks both, as each walk of ~135 pages takes minutes."""
    context = browser.new_context(locale="zh-CN", viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    pages = site_pages(edition_site)
    wide = {}
    for relative in pages:
        page.goto((edition_site / relative).as_uri())
        page.wait_for_load_state("load")
        measured = page.evaluate(OFFENDERS)
        if measured["scroll"] > measured["width"]:
            wide[relative] = f"{measured['scroll']} px > {measured['width']} px: {measured['found']}"
    context.close()
    assert len(pages) > 100
    assert wide == {}, "\n".join(f"{name}: {why}" for name, why in wide.items())
    assert errors == []


def test_search_works_from_disk(browser, built_site: Path) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((built_site / "hold-price" / "why-hold-price.html").as_uri())
    search = page.locator("input.md-search__input")
    search.click()
    search.fill("转介绍")
    search.press("End")  # Material reads the query on keyup (a typing learner's keys); fill() alone sends none
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=20000)
    links = [results.nth(i).get_attribute("href") or "" for i in range(min(results.count(), 10))]
    assert any("referral/" in link for link in links), links
    results.first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(built_site.as_uri()), page.url
    context.close()
    assert errors == []


class _MissingPages(http.server.SimpleHTTPRequestHandler):
    """Like a web server set up with `ErrorDocument 404 /training/laokehu/404.html`."""

    error_page = b""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.error_page)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(self.error_page)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def error_page_server(built_site: Path, tmp_path: Path) -> Iterator[str]:
    shutil.copytree(built_site, tmp_path / "training" / "laokehu")
    handler = type("Handler", (_MissingPages,), {"error_page": (built_site / "404.html").read_bytes()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/training/laokehu/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("missing", ["old-page.html", "hold-price/gone/deeper/chapter.html"])
def test_404_page_works_under_a_sub_path(page, error_page_server: str, requests_seen, missing: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(error_page_server + missing)
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text().strip() == "找不到这个页面"
    # Material's stylesheet applied (the header sticks) and the site's own loaded from the site's folder
    assert page.locator(".md-header").evaluate("node => getComputedStyle(node).position") == "sticky"
    loaded = page.evaluate("[...document.styleSheets].map(sheet => sheet.href || '')")
    assert error_page_server + "assets/site.css" in loaded
    home = page.locator(".md-content a", has_text="课程首页")
    assert home.evaluate("link => link.href") == error_page_server + "index.html"
    assert all(link.startswith(error_page_server) for link in page.eval_on_selector_all(
        ".md-nav a[href]", "links => links.map(link => link.href)")), "a navigation link leaves the site folder"
    home.click()
    page.wait_for_url(error_page_server + "index.html")
    assert page.locator("h1").first.inner_text().replace("¶", "").strip() == "老客户维护与深度开发"
    assert errors == []
    assert requests_seen.off_host() == []
