"""The trainer edition shows 讲师版 on every page, deck and printed sheet; the learner edition never does."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator import pipeline
from generator.scaffold import SCAFFOLD

pytestmark = pytest.mark.browser
MARK = "讲师版"
PAGES = ("index.html", "visit/index.html", "roleplays/rp-visit.html", "404.html")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    built = {}
    for edition in ("learner", "trainer"):
        course = tmp_path_factory.mktemp(edition) / "course"
        shutil.copytree(SCAFFOLD, course)
        assert not pipeline.build(course, course / "site", edition).failed(strict=False)
        built[edition] = course / "site"
    return built


def printed_pages(page, url: str, pdf: Path) -> list[str]:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.pdf(path=str(pdf), format="A4")
    count = int(next(line.split()[-1] for line in subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))
    return ["".join(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                                   capture_output=True, text=True, check=True).stdout.split())
            for n in range(1, count + 1)]


@pytest.mark.parametrize("edition", ["trainer", "learner"])
def test_mark_on_screen_in_decks_and_in_print(page, sites, edition: str, tmp_path: Path, requests_seen) -> None:
    site, marked = sites[edition], edition == "trainer"
    for name in PAGES:
        page.goto((site / name).as_uri())
        mark = page.locator(".cw-mark")
        assert (mark.count() == 1 and mark.is_visible() and mark.inner_text() == MARK) is marked, name
        assert (MARK in page.content()) is marked, name
    for deck in ("visit.html", "visit.presenter.html"):
        page.goto((site / "slides" / deck).as_uri())
        assert page.locator(".cw-deck__mark").is_visible() is marked, deck
    page.goto((site / "index.html").as_uri())
    page.emulate_media(media="print")
    assert page.locator(".cw-mark").is_visible() is marked
    sheets = printed_pages(page, (site / "print" / "handbook.html").as_uri(), tmp_path / "handbook.pdf")
    assert len(sheets) >= 2
    assert [MARK in sheet for sheet in sheets] == [marked] * len(sheets)  # every printed sheet, or none
    assert requests_seen.off_host() == []
