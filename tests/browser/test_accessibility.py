"""axe-core on every page of both editions, light and dark: no serious or critical violation.

axe-core is the npm package pinned in tests/js (installed by `make test`), injected into each page. The dark
pass reruns only the rules colours decide, on the same loaded page with Material's slate scheme.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import answer_every_question, site_pages

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "axe-core" / "axe.min.js"
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
SEVERE = """options => axe.run(document, options).then(result => result.violations
  .filter(rule => rule.impact === "serious" || rule.impact === "critical")
  .map(rule => rule.id + ": " + rule.nodes.slice(0, 3).map(node => node.target.join(" ")).join(", ")))"""


def _audit(page: Any) -> dict[str, list[str]]:
    """Both schemes of the page loaded in `page`; transitions off, so colours are final when measured."""
    page.add_style_tag(content="*, ::before, ::after { transition: none !important; }")
    page.add_script_tag(path=str(AXE))
    found = {"light": page.evaluate(SEVERE, {"resultTypes": ["violations"]})}
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    found["dark"] = page.evaluate(SEVERE, {"runOnly": COLOUR_RULES, "resultTypes": ["violations"]})
    return {scheme: rules for scheme, rules in found.items() if rules}


@pytest.fixture(scope="module")
def axe() -> Path:
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run `make test` (npm ci in tests/js)")
    return AXE


def test_every_page_passes_axe_light_and_dark(browser, edition_site: Path, axe: Path) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    pages = site_pages(edition_site)
    failures = {}
    for relative in pages:
        page.goto((edition_site / relative).as_uri())
        found = _audit(page)
        if found:
            failures[relative] = found
    context.close()
    assert len(pages) > 100
    assert failures == {}, "\n".join(f"{name}: {found}" for name, found in failures.items())


def test_answered_quiz_passes_axe_light_and_dark(browser, built_site: Path, axe: Path) -> None:
    """Feedback, notes and the 显示答案 / 再做一次 buttons exist only after submitting: audited then too."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto((built_site / "quizzes" / "add-items-test.html").as_uri())
    form = page.locator(".cw-quiz__form").first
    answer_every_question(form)
    form.locator("button[type=submit]").click()
    ask = form.locator(".cw-quiz__ask")
    if ask.is_visible():  # an ordering question left as drawn counts as unanswered: the inline question is audited too
        found = _audit(page)
        assert found == {}
        ask.get_by_role("button", name="仍然提交").click()
    page.locator(".cw-quiz__feedback").first.wait_for()
    found = _audit(page)
    context.close()
    assert found == {}
