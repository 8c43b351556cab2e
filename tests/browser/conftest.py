"""Playwright driving Debian's chromium (never a downloaded browser), recording every request."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator import pipeline
from tests.conftest import copy_bundled_course

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class RequestLog:
    urls: list[str] = field(default_factory=list)

    def off_host(self) -> list[str]:
        return [url for url in self.urls if not _local(url)]


def _local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("data", "blob", "about", "file") or parsed.hostname in ("127.0.0.1", "localhost")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    path = chromium_path()
    if path is None:
        pytest.fail("chromium is not installed: run `make test`, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def requests_seen() -> RequestLog:
    return RequestLog()


@pytest.fixture
def page(browser, requests_seen: RequestLog):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    context.on("request", lambda request: requests_seen.urls.append(request.url))
    # Anything leaving the host is refused, so a forgotten CDN shows up as a failure, not a hang.
    context.route(lambda url: not _local(url), lambda route: route.abort())
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def built_trainer_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled course's trainer edition, built once for the tests that walk every page of both editions."""
    course = copy_bundled_course(tmp_path_factory.mktemp("trainer-course"))
    outcome = pipeline.build(course, course / "site", "trainer")
    assert not outcome.failed(strict=False), outcome.diagnostics
    return course / "site"


@pytest.fixture(scope="session", params=["learner", "trainer"])
def edition_site(request: pytest.FixtureRequest) -> Path:
    """Each edition's built site in turn."""
    return Path(request.getfixturevalue("built_site" if request.param == "learner" else "built_trainer_site"))


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, relative to it (decks and the 404 page included)."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def answer_every_question(form) -> None:  # type: ignore[no-untyped-def]
    """The first choice, the second option of each select, a sentence in each text box: a full, mostly wrong attempt."""
    for group in form.locator("[role=group]").all():
        choice = group.locator("input[type=radio], input[type=checkbox]")
        if choice.count():
            choice.first.check()
        for select in group.locator("select").all():
            select.select_option(index=1)
        if group.locator("textarea").count():
            group.locator("textarea").fill("先核对订单和交期，再约客户面谈。")
