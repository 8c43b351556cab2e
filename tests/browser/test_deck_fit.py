"""Every slide of every deck of the bundled course fits the screen at three projector sizes, reached by clicker keys."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SIZES = ((1024, 768), (1366, 768), (1920, 1080))
FLOOR = 0.65  # slides.js shrinks a slide's type no further than this share of the deck's

MEASURE = """() => {
  const slide = document.querySelector(".cw-slide--current"), page = document.documentElement;
  const size = (node) => parseFloat(getComputedStyle(node).fontSize);
  return {
    page: [page.scrollWidth - innerWidth, page.scrollHeight - innerHeight],
    slide: [slide.scrollWidth - slide.clientWidth, slide.scrollHeight - slide.clientHeight],
    height: slide.getBoundingClientRect().height - innerHeight,
    scale: size(slide) / size(document.body),
    label: slide.getAttribute("aria-label"),
  };
}"""


def test_every_slide_fits_three_screens_without_scrolling(browser, built_site: Path, requests_seen) -> None:
    decks = sorted(path for path in (built_site / "slides").glob("*.html")
                   if path.name != "index.html" and not path.name.endswith(".presenter.html"))
    assert len(decks) == 8
    measured, problems, smallest = 0, [], 1.0
    for width, height in SIZES:
        context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": height})
        context.on("request", lambda request: requests_seen.urls.append(request.url))
        page = context.new_page()
        for deck in decks:
            page.goto(deck.as_uri())
            total = page.locator(".cw-slide").count()
            for number in range(1, total + 1):
                if number > 1:
                    page.keyboard.press("PageDown")  # a clicker is all the trainer has: no scrolling
                assert page.locator("[data-cw-counter]").inner_text() == f"{number} / {total}"
                seen = page.evaluate(MEASURE)
                measured += 1
                smallest = min(smallest, seen["scale"])
                if max(*seen["page"], *seen["slide"], seen["height"]) > 0 or seen["scale"] < FLOOR - 0.001:
                    problems.append((width, height, deck.stem, number, seen))
        context.close()
    print(f"slides measured: {measured} ({measured // len(SIZES)} slides × {len(SIZES)} sizes); "
          f"smallest type {smallest:.0%}")
    assert problems == []
    assert measured >= 3 * 150  # every deck, every slide, each size
    assert requests_seen.off_host() == []
