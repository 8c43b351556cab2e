"""Worksheet pages in a real browser: downloads work under a sub-path, previews fit a phone screen."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_downloads_page_links_to_previews_and_workbooks(page, served_site, requests_seen) -> None:
    page.goto(served_site + "worksheets/index.html")
    assert page.locator("h1").inner_text().replace("¶", "").strip() == "工作表下载"
    page.locator("a", has_text="客户分级表").first.click()
    page.wait_for_url("**/worksheets/customer-grading.html")
    link = page.locator("a.md-button", has_text="下载 Excel")
    href = link.get_attribute("href")
    assert href == "customer-grading.xlsx"
    response = page.request.get(page.url.rsplit("/", 1)[0] + "/" + href)
    assert response.ok and response.body()[:2] == b"PK"  # an xlsx is a zip archive
    assert requests_seen.off_host() == []


def test_preview_scrolls_inside_its_box_on_a_phone(browser, served_site) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(served_site + "worksheets/customer-grading.html")
    box = page.locator(".cw-ws__scroll").first
    assert box.locator("th").first.inner_text() == "客户名称"
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")  # the wide table scrolls in its box...
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # ...not the page
    box.focus()  # keyboard users can scroll it too
    page.keyboard.press("ArrowRight")
    # scrolling may be animated: wait for it rather than reading the position at once
    page.wait_for_function("document.querySelector('.cw-ws__scroll').scrollLeft > 0", timeout=5000)
    context.close()
