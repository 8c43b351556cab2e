"""Slide decks and mind maps in Chromium: clicker keys, black screen, timers under a controlled clock, folding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def counter(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator("[data-cw-counter]").inner_text()


def current(page):  # type: ignore[no-untyped-def]
    return page.locator(".cw-slide--current")


def test_deck_keyboard_and_clicker_navigation(page, built_site: Path, requests_seen) -> None:
    page.goto((built_site / "slides" / "hold-price.html").as_uri())  # straight from disk
    total = page.locator(".cw-slide").count()
    assert counter(page) == f"1 / {total}"
    assert page.locator(".cw-slide:visible").count() == 1
    for key, expected in [("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("ArrowDown", 5), ("PageUp", 4),
                          ("ArrowLeft", 3), ("ArrowUp", 2), ("End", total), ("ArrowRight", total), ("Home", 1)]:
        page.keyboard.press(key)
        assert counter(page) == f"{expected} / {total}", key
    assert "第一部分 守价" in page.locator(".cw-deck__corner").inner_text()
    page.keyboard.press("b")
    assert page.locator(".cw-deck__black").is_visible()
    page.keyboard.press("b")
    assert not page.locator(".cw-deck__black").is_visible()
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement !== null")
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement === null")
    page.keyboard.press("n")  # N no longer shows notes on the projector; the learner edition has none anyway
    assert page.locator(".cw-slide__notes").count() == 0
    assert requests_seen.off_host() == []


def test_deck_works_from_a_web_server_and_remembers_the_slide(page, served_site: str, requests_seen) -> None:
    page.goto(served_site + "slides/referral.html#3")
    total = page.locator(".cw-slide").count()
    assert counter(page) == f"3 / {total}"
    page.keyboard.press("ArrowRight")
    assert page.url.endswith("#4")
    assert page.locator("link[rel=stylesheet]").evaluate("link => link.sheet.cssRules.length") > 0
    assert requests_seen.off_host() == []


def test_discussion_timer_counts_down_under_a_controlled_clock(page, built_site: Path, requests_seen) -> None:
    page.clock.install()
    page.goto((built_site / "slides" / "hold-price.html").as_uri())
    slides = page.locator(".cw-slide")
    index = next(i for i in range(slides.count()) if "cw-slide--discussion" in slides.nth(i).get_attribute("class"))
    page.keyboard.press("End")
    page.keyboard.press("Home")
    for _ in range(index):
        page.keyboard.press("PageDown")
    timer = current(page).locator("[data-cw-timer]")
    seconds = int(timer.get_attribute("data-cw-seconds"))
    display = timer.locator(".cw-timer__display")
    assert display.inner_text() == f"{seconds // 60:02d}:00"
    timer.get_by_role("button", name="开始").click()
    page.clock.run_for(61_000)
    assert display.inner_text() == f"{(seconds - 61) // 60:02d}:{(seconds - 61) % 60:02d}"
    timer.get_by_role("button", name="暂停").click()
    page.clock.run_for(30_000)
    assert display.inner_text() == f"{(seconds - 61) // 60:02d}:{(seconds - 61) % 60:02d}"
    page.keyboard.press("Space")  # on a focused timer button, space presses it instead of turning the slide
    assert current(page).locator("[data-cw-timer]").count() == 1
    timer.get_by_role("button", name="开始").click()
    page.clock.run_for(seconds * 1000)
    assert display.inner_text() == "00:00"
    assert timer.locator(".cw-timer__status").inner_text() == "时间到"
    timer.get_by_role("button", name="重置").click()
    assert display.inner_text() == f"{seconds // 60:02d}:00"
    assert requests_seen.off_host() == []


def test_map_folds_by_level_and_links_open_chapters(page, served_site: str, requests_seen) -> None:
    page.goto(served_site + "hold-price/index.html")
    svg = page.locator(".cw-map svg")
    sections = page.locator(".cw-map__node--section")
    full_height = float(svg.get_attribute("height"))
    assert sections.first.is_visible()
    toggle = page.get_by_role("button", name=re.compile("节"))
    assert toggle.get_attribute("aria-expanded") == "true"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.get_by_role("button", name=re.compile("要点")).get_attribute("aria-expanded") == "false"
    assert not sections.first.is_visible()
    assert float(svg.get_attribute("height")) < full_height
    toggle.click()
    assert sections.first.is_visible()
    page.locator(".cw-map__node--chapter").first.click()
    page.wait_for_url(re.compile(r"/training/laokehu/hold-price/why-hold-price\.html$"))
    assert requests_seen.off_host() == []


PINCH = """([from, to]) => {
  const canvas = document.querySelector('.cw-map__canvas'), box = canvas.getBoundingClientRect();
  const y = box.top + 40, x = box.left + box.width / 2;
  const send = (type, id, dx) => canvas.dispatchEvent(new PointerEvent(type, {pointerId: id, clientX: x + dx,
    clientY: y, bubbles: true, pointerType: 'touch'}));
  send('pointerdown', 1, -from); send('pointerdown', 2, from);
  send('pointermove', 2, to); send('pointermove', 1, -to);
  send('pointerup', 1, -to); send('pointerup', 2, to);
}"""


def svg_width(page) -> float:  # type: ignore[no-untyped-def]
    return float(page.locator(".cw-map svg").get_attribute("width"))


def test_map_on_a_phone_starts_folded_to_fit_and_zooms(browser, served_site: str) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(served_site + "hold-price/index.html")
    canvas = page.locator(".cw-map__canvas")
    assert page.locator(".cw-map").get_attribute("data-cw-level") == "1"  # chapters only
    assert svg_width(page) <= canvas.evaluate("c => c.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator(".cw-map__hint").is_visible()  # says how to pan and zoom
    assert canvas.evaluate("c => getComputedStyle(c).touchAction") == "pan-x pan-y"
    fitted = svg_width(page)
    page.get_by_role("button", name="放大").click()
    assert svg_width(page) == pytest.approx(fitted * 1.25, rel=0.01)
    canvas.focus()
    page.keyboard.press("-")
    page.keyboard.press("-")
    assert svg_width(page) == pytest.approx(fitted * 0.8, rel=0.01)
    page.keyboard.press("0")
    assert svg_width(page) == pytest.approx(fitted)
    page.evaluate(PINCH, [40, 80])  # fingers twice as far apart: twice the size
    assert svg_width(page) == pytest.approx(fitted * 2, rel=0.02)
    page.get_by_role("button", name="适合屏幕").click()
    page.get_by_role("button", name=re.compile("节")).click()  # unfolding keeps the chosen scale
    assert page.locator(".cw-map__node--section").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # the map scrolls inside its box
    context.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_map_nodes_take_keyboard_focus_visibly(page, served_site: str, scheme: str) -> None:
    page.goto(served_site + "hold-price/index.html")
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    page.locator(".cw-map__canvas").focus()
    page.keyboard.press("Tab")
    node = page.locator(".cw-map__node:focus")
    assert node.count() == 1
    rect = node.locator("rect")
    accent = page.evaluate("getComputedStyle(document.body).getPropertyValue('--md-accent-fg-color').trim()")
    assert rect.evaluate("r => getComputedStyle(r).strokeWidth") == "5px"
    assert rect.evaluate("r => getComputedStyle(r).stroke") != "rgb(57, 73, 171)"  # not the resting #3949ab
    assert accent
    page.keyboard.press("Tab")
    assert "cw-map__node--chapter" in page.evaluate("document.activeElement.getAttribute('class')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/hold-price/why-hold-price\.html$"))
