"""The built site in a real browser: Chinese titles, Chinese search, nothing fetched from elsewhere."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_home_shows_course_and_parts(page, served_site, requests_seen) -> None:
    page.goto(served_site)
    assert heading(page.locator("h1").first) == "老客户维护与深度开发"
    cards = page.locator(".cw-part-cards a")
    assert cards.count() >= 8
    assert "第一部分 守价" in cards.first.inner_text()
    assert requests_seen.off_host() == []


def test_chapter_page_shows_title_and_sections(page, served_site, requests_seen) -> None:
    page.goto(served_site + "hold-price/why-hold-price.html")
    assert heading(page.locator("h1")) == "第一章 为什么要守价？"
    assert heading(page.locator("h2#pursue-profit")) == "第一节 追求利润"
    assert requests_seen.off_host() == []


def test_part_link_from_home_works_under_subpath(page, served_site, requests_seen) -> None:
    page.goto(served_site)
    page.locator(".cw-part-cards a").first.click()
    page.wait_for_url(re.compile(r"/training/laokehu/hold-price/index\.html$"))
    assert heading(page.locator("h1")) == "第一部分 守价"
    assert requests_seen.off_host() == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [("降价", "第一部分"), ("转介绍", "第五部分"), ("投诉", "第六部分")],
)
def test_chinese_search_finds_chapters(page, served_site, requests_seen, query, expected) -> None:
    page.goto(served_site)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill(query)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    links = [results.nth(i).locator("a").first.get_attribute("href") or "" for i in range(min(results.count(), 10))]
    assert any(_part_of(link) == expected for link in links), links
    assert requests_seen.off_host() == []


def heading(locator) -> str:  # type: ignore[no-untyped-def]
    """Heading text without the permalink sign the toc extension appends."""
    return locator.inner_text().replace("¶", "").strip()


PART_FOLDERS = {
    "hold-price": "第一部分", "add-items": "第二部分", "add-volume": "第三部分", "terms": "第四部分",
    "referral": "第五部分", "win-back": "第六部分", "benchmark": "第七部分", "lock-in": "第八部分",
}


def _part_of(link: str) -> str:
    for folder, label in PART_FOLDERS.items():
        if f"/{folder}/" in link or link.startswith(f"{folder}/"):
            return label
    return ""
