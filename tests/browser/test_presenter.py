"""The presenter view in a second window, kept in step with the audience deck both ways (BroadcastChannel, or
storage events where there is none), notes only on the trainer's screen, and the timer keys T and R."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from generator import pipeline
from generator.scaffold import SCAFFOLD

pytestmark = pytest.mark.browser
NOTE = "先让学员读出自己的目标"  # the scaffold's trainer note on the visit deck's first chapter


@pytest.fixture(scope="module")
def trainer_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    course = tmp_path_factory.mktemp("presenter") / "course"
    shutil.copytree(SCAFFOLD, course)
    assert not pipeline.build(course, course / "site", "trainer").failed(strict=False)
    return course / "site"


def discussion_number(page) -> int:  # type: ignore[no-untyped-def]
    classes = page.locator(".cw-slide").evaluate_all("slides => slides.map(s => s.className)")
    return next(i for i, name in enumerate(classes, start=1) if "cw-slide--discussion" in name)


@pytest.mark.parametrize("channel", ["broadcast", "storage"])
def test_presenter_window_follows_and_leads_the_audience(browser, trainer_site: Path, channel: str) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 768})
    if channel == "storage":  # an older browser without BroadcastChannel falls back to storage events
        context.add_init_script("delete window.BroadcastChannel")
    context.clock.install()
    audience = context.new_page()
    audience.goto((trainer_site / "slides" / "visit.html").as_uri())  # straight from disk
    total = audience.locator(".cw-slide").count()
    assert audience.locator(".cw-slide__notes").count() == 0 and NOTE not in audience.content()
    expect(audience.locator(".cw-deck__mark")).to_have_text("讲师版")
    audience.keyboard.press("ArrowRight")
    with audience.expect_popup() as opened:
        audience.keyboard.press("p")
    presenter = opened.value
    presenter.wait_for_load_state()
    assert presenter.url.endswith("visit.presenter.html#2")
    counter = lambda page: page.locator("[data-cw-counter]")  # noqa: E731
    expect(counter(presenter)).to_have_text(f"2 / {total}")
    audience.keyboard.press("PageDown")  # audience → presenter
    expect(counter(presenter)).to_have_text(f"3 / {total}")
    notes = presenter.locator("[data-cw-notes] .cw-slide__notes:visible")
    expect(notes).to_contain_text(NOTE)
    assert presenter.locator(".cw-slide--next").get_attribute("aria-label") == \
        audience.locator(".cw-slide").nth(3).get_attribute("aria-label")
    presenter.keyboard.press("ArrowLeft")  # presenter → audience
    expect(counter(audience)).to_have_text(f"2 / {total}")
    expect(notes).to_have_count(0)  # the map slide has no notes
    presenter.keyboard.press("b")
    expect(audience.locator(".cw-deck__black")).to_be_visible()
    presenter.keyboard.press("b")
    expect(audience.locator(".cw-deck__black")).to_be_hidden()

    number = discussion_number(audience)
    audience.keyboard.press("Home")
    for _ in range(number - 1):
        audience.keyboard.press("PageDown")
    expect(counter(presenter)).to_have_text(f"{number} / {total}")
    seconds = int(audience.locator(".cw-slide--current [data-cw-timer]").get_attribute("data-cw-seconds"))
    display = audience.locator(".cw-slide--current .cw-timer__display")
    presenter.keyboard.press("t")  # the presenter starts the activity; the projected timer runs
    context.clock.run_for(61_000)
    left = seconds - 61
    expect(display).to_have_text(f"{left // 60:02d}:{left % 60:02d}")
    expect(presenter.locator("[data-cw-elapsed]")).to_have_text("01:01")
    expect(presenter.locator("[data-cw-remaining]")).to_have_text(f"{left // 60:02d}:{left % 60:02d}")
    expect(presenter.locator("[data-cw-clock]")).to_have_text(re.compile(r"^\d\d:\d\d$"))
    audience.keyboard.press("t")  # and the clicker in the room pauses it on both screens
    context.clock.run_for(30_000)
    expect(presenter.locator("[data-cw-remaining]")).to_have_text(f"{left // 60:02d}:{left % 60:02d}")
    expect(display).to_have_text(f"{left // 60:02d}:{left % 60:02d}")
    presenter.keyboard.press("r")
    expect(display).to_have_text(f"{seconds // 60:02d}:00")
    expect(presenter.locator("[data-cw-elapsed]")).to_have_text("00:00")
    assert audience.locator(".cw-slide__notes").count() == 0 and NOTE not in audience.content()
    context.close()


def test_learner_presenter_view_has_no_notes(page, built_site: Path) -> None:
    page.goto((built_site / "slides" / "hold-price.presenter.html").as_uri() + "#3")
    assert page.locator("[data-cw-counter]").inner_text().startswith("3 / ")
    assert page.locator(".cw-slide--current").count() == 1 and page.locator(".cw-slide--next").count() == 1
    assert page.locator(".cw-slide__notes, [data-cw-notes], .cw-deck__mark").count() == 0


def test_timer_keys_start_pause_and_reset_and_speak_briefly(page, built_site: Path, requests_seen) -> None:
    page.clock.install()
    page.goto((built_site / "slides" / "hold-price.html").as_uri())
    number = discussion_number(page)
    page.keyboard.press("t")  # no timer on the title slide: nothing happens
    for _ in range(number - 1):
        page.keyboard.press("PageDown")
    timer = page.locator(".cw-slide--current [data-cw-timer]")
    seconds = int(timer.get_attribute("data-cw-seconds"))
    display, status = timer.locator(".cw-timer__display"), timer.locator(".cw-timer__status")
    assert display.get_attribute("role") == "timer" and status.get_attribute("aria-live") == "polite"
    page.keyboard.press("t")
    assert status.inner_text() == "计时开始"
    page.clock.run_for(10_000)
    assert status.inner_text() == "计时开始"  # the ticking display is not announced every second
    page.keyboard.press("T")
    assert status.inner_text() == "计时暂停"
    left = seconds - 10
    page.clock.run_for(20_000)
    assert display.inner_text() == f"{left // 60:02d}:{left % 60:02d}"
    page.keyboard.press("t")
    page.clock.run_for(seconds * 1000)
    assert display.inner_text() == "00:00" and status.inner_text() == "时间到"
    page.keyboard.press("r")
    assert display.inner_text() == f"{seconds // 60:02d}:00" and status.inner_text() == "计时已重置"
    assert page.locator("[data-cw-counter]").inner_text().startswith(f"{number} / ")  # T and R never turn slides
    assert requests_seen.off_host() == []
