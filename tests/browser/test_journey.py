"""The learner's journey in a real browser (issue #15): chapters read, course percentage and 继续学习 on the home
page, read marks in the navigation, after-class actions ticked, progress exported and merged into a fresh
browser after a preview, malformed files refused, corrupt storage harmless. The bundled course, under a sub-path."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DAY = datetime.datetime(2026, 3, 2, 10, 0)
FIRST, SECOND = "hold-price/why-hold-price.html", "hold-price/price-pressure-causes.html"
KEY = "cw-progress-v1:laokehu"


def new_page(browser, errors: list[str]):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    return page


def read_chapter(page, url: str) -> None:  # type: ignore[no-untyped-def]
    """Open a chapter, scroll to its end and stay 21 s (on the page's fake clock)."""
    page.goto(url)
    page.locator(".cw-read").scroll_into_view_if_needed()
    page.clock.run_for(21_000)
    chapter = url.rsplit("/", 1)[1].removesuffix(".html")
    for _ in range(50):  # the intersection report may come after the timer: either order counts
        if chapter in (stored(page) or {}).get("read", {}):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{chapter} not recorded as read")


def stored(page) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return json.loads(page.evaluate("(key) => localStorage.getItem(key)", KEY) or "null")


def test_read_chapters_show_on_home_and_in_nav(browser, served_site) -> None:
    errors: list[str] = []
    page = new_page(browser, errors)
    page.clock.install(time=DAY)
    page.goto(served_site + FIRST)
    page.clock.run_for(60_000)  # a long stay at the top of a page is not reading it
    assert stored(page)["read"] == {}
    read_chapter(page, served_site + FIRST)
    read_chapter(page, served_site + SECOND)
    data = stored(page)
    assert data["v"] == 2 and sorted(data["read"]) == ["price-pressure-causes", "why-hold-price"]
    assert data["last"]["url"] == SECOND  # relative to the site's root, whatever the sub-path

    page.goto(served_site)
    page.reload()
    journey = page.locator(".cw-journey")
    chapters = json.loads(page.locator("meta[name=cw-progress]").get_attribute("content"))["chapters"]
    counted = [chapter_id for chapter_id, _, counts in chapters if counts]  # the plan's optional chapters do not
    assert 0 < len(counted) < len(chapters)
    read = len({"price-pressure-causes", "why-hold-price"} & set(counted))
    percent = round(read * 100 / len(counted))
    expect(journey.locator(".cw-journey__text")).to_have_text(f"已读 {read} / {len(counted)} 章，课程完成 {percent}%")
    assert journey.locator("progress").evaluate("bar => bar.value") == percent
    assert journey.locator("progress").get_attribute("aria-labelledby") == "cw-journey-text"
    resume = journey.get_by_role("link", name=re.compile("^继续学习："))
    assert resume.inner_text() == "继续学习：第二章 客户压价原因？"
    # every chapter title on the home page is a link
    titles = page.locator(".cw-part-cards li li")
    assert titles.count() == len(chapters) == page.locator(".cw-part-cards li li a").count()

    resume.click()
    page.wait_for_url(served_site + SECOND)
    marked = page.locator(".md-sidebar--primary .cw-nav--read")
    expect(marked).to_have_count(2)
    assert marked.first.locator(".cw-sr").inner_text() == "（已读）"
    assert errors == []


def test_tick_export_and_merge_into_a_fresh_browser(browser, served_site, tmp_path: Path) -> None:
    errors: list[str] = []
    page = new_page(browser, errors)
    page.goto(served_site + FIRST)
    actions = page.locator(".cw-actions input[type=checkbox]")
    assert actions.count() >= 2 and actions.first.is_enabled()
    actions.first.focus()
    page.keyboard.press("Space")  # keyboard only
    page.reload()
    expect(actions.first).to_be_checked()
    assert list(stored(page)["actions"]) == ["why-hold-price#0"]

    page.goto(served_site + "quizzes/progress.html")
    listed = page.locator(".cw-progress__acts .cw-actions[data-cw-actions='why-hold-price'] input")
    expect(listed.first).to_be_checked()
    expect(page.locator(".cw-progress__acted")).to_contain_text("已完成 1 / ")
    page.emulate_media(media="print")  # the result sheet lists the actions done, only those
    expect(page.locator(".cw-progress__acts li:visible")).to_have_count(1)
    page.emulate_media(media="screen")
    page.get_by_label("姓名").fill("张 三")
    page.get_by_label("学号/工号").fill("S001")
    with page.expect_download() as download:
        page.get_by_role("button", name="导出进度").click()
    assert re.fullmatch(r"cw-progress-v1-laokehu-张-三-\d{4}-\d\d-\d\d\.json", download.value.suggested_filename)
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["v"] == 2 and exported["course"] == KEY and exported["learner"] == {"name": "张 三", "id": "S001"}
    assert exported["actions"] == {"why-hold-price#0": exported["exported"]}

    # a fresh browser that already has its own (v1) record of a quiz and another ticked action
    fresh = new_page(browser, errors)
    fresh.goto(served_site + "quizzes/progress.html")
    own = {"v": 1, "attempts": {"final": {"kind": "final", "n": 2, "last": 80, "best": 90, "day": 20000}}, "items": {}}
    fresh.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(own)])
    fresh.reload()
    before = stored(fresh)
    status = fresh.locator(".cw-progress__status")
    other = json.dumps({**exported, "course": "cw-progress-v1:other"})
    for text, message in (("{oops", "无法按 JSON 读取"), (other, "另一门课程"),
                          ('{"v": 2, "attempts": [1]}', "不是本课程的进度记录"), ("[]", "不是本课程的进度记录")):
        bad = tmp_path / "bad.json"
        bad.write_text(text, encoding="utf-8")
        fresh.locator(".cw-progress__file").set_input_files(str(bad))
        expect(status).to_contain_text(message)
        assert stored(fresh) == before
    fresh.locator(".cw-progress__file").set_input_files(str(saved))
    expect(status).to_have_text(re.compile(r"^将合并：.*1 项课后行动"))
    fresh.get_by_role("button", name="取消").click()
    expect(status).to_have_text("已取消，没有导入。")
    assert stored(fresh) == before
    fresh.locator(".cw-progress__file").set_input_files(str(saved))
    expect(fresh.get_by_role("button", name="确认导入")).to_be_focused()
    fresh.get_by_role("button", name="确认导入").click()
    expect(status).to_have_text("已导入进度。")
    merged = stored(fresh)
    assert merged["attempts"]["final"]["best"] == 90  # its own record is kept
    assert merged["actions"] == exported["actions"] and merged["learner"]["name"] == "张 三"
    expect(fresh.locator(".cw-progress__acts [data-cw-actions='why-hold-price'] input").first).to_be_checked()
    fresh.locator(".cw-progress__file").set_input_files(str(saved))
    expect(status).to_have_text("文件里没有比本浏览器更新的进度，不需要导入。")
    fresh.reload()
    expect(fresh.get_by_label("学号/工号")).to_have_value("S001")
    assert errors == []


CORRUPT = (
    "{not json",
    '"text"',
    "[1, 2]",
    '{"__proto__": {"v": 2, "read": {"why-hold-price": 1}}}',
    '{"v": 2, "read": {"__proto__": 1, "constructor": 5, "why-hold-price": "x"}, "actions": {"toString": 1},'
    ' "items": {"constructor": {"tags": ["__proto__", "constructor", "toString"], "best": 1},'
    ' "__proto__": {"tags": "x"}}, "attempts": {"__proto__": {"n": 1}, "final": [1]},'
    ' "learner": {"name": {"x": 1}}, "last": {"url": "javascript:alert(1)", "title": 5}}',
    '{"v": 2, "last": {"url": "//evil.example/x.html"}, "learner": "张三"}',
)


@pytest.mark.parametrize("value", CORRUPT)
def test_corrupt_storage_breaks_nothing(browser, served_site, value: str) -> None:
    errors: list[str] = []
    page = new_page(browser, errors)
    page.goto(served_site)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, value])
    page.reload()
    expect(page.locator(".cw-journey__text")).to_contain_text("已读 ")
    assert page.locator(".cw-journey__go").get_attribute("href") == FIRST
    page.goto(served_site + "quizzes/progress.html")
    assert page.locator(".cw-progress__table").count() == 3
    page.goto(served_site + FIRST)
    page.locator(".cw-actions input").first.check(force=True)  # a click where the box is: on its drawn indicator
    assert stored(page)["actions"]["why-hold-price#0"] > 0
    assert errors == []
