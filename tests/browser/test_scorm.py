"""The SCORM 1.2 package inside a real SCORM runtime: scorm-again (tests/js) provides window.API in a parent page.

The learner reads every chapter, takes the final test; the runtime must record completion, score and
suspend_data; a relaunch from that suspend_data (fresh browser, empty localStorage) resumes the progress.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.package.scorm import SUSPEND_LIMIT, package_scorm
from generator.scaffold import SCAFFOLD

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
RUNTIME = REPO / "tests/js/node_modules/scorm-again/dist/scorm12.js"
# The LMS side: the runtime, loaded with what a previous session left (passed in the URL's hash).
HARNESS = """<!doctype html><html><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.js"></script>
<script>
window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
if (location.hash.length > 1) API.loadFromJSON(JSON.parse(decodeURIComponent(location.hash.slice(1))));
window.written = {};  // the last value the course set per element, write-only ones (cmi.core.exit) included
API.on("LMSSetValue.cmi.*", (element, value) => { written[element] = value; });
</script></head>
<body><iframe id="sco" name="sco" style="width:1240px;height:860px" src="../course/scorm.html"></iframe></body></html>
"""


@pytest.fixture(scope="module")
def lms(tmp_path_factory: pytest.TempPathFactory, serve_site: Callable[[Path, str], str]) -> Iterator[str]:
    if not RUNTIME.is_file():
        pytest.fail("scorm-again is missing: run `make tests/js/node_modules/.installed` (part of `make test`)")
    course = tmp_path_factory.mktemp("scorm-course")
    shutil.copytree(SCAFFOLD, course, dirs_exist_ok=True)
    outcome, packed = package_scorm(course, course / "course.zip")
    assert packed is not None, outcome.diagnostics
    root = tmp_path_factory.mktemp("lms-root")
    with zipfile.ZipFile(packed.out) as archive:
        archive.extractall(root / "course")
    (root / "lms").mkdir()
    (root / "lms/index.html").write_text(HARNESS, encoding="utf-8")
    shutil.copy(RUNTIME, root / "lms/scorm12.js")
    yield serve_site(root, "company-lms")


def site_frame(page):  # type: ignore[no-untyped-def]
    page.wait_for_function("() => { const f = frames[0] && frames[0].frames[0];"
                           " try { return f && f.document.readyState === 'complete' &&"
                           " f.location.href !== 'about:blank'; }"
                           " catch (e) { return false; } }")
    return page.frame(name="cw-site")


def cmi(page, element: str) -> Any:  # type: ignore[no-untyped-def]
    return page.evaluate("(e) => API.getCMIValue(e)", element)


def launch(page, lms: str, saved: dict[str, Any] | None = None):  # type: ignore[no-untyped-def]
    page.goto(lms + "lms/index.html" + ("#" + json.dumps(saved) if saved else ""))
    return site_frame(page)


def open_in_frame(page, lms: str, path: str):  # type: ignore[no-untyped-def]
    frame = page.frame(name="cw-site")
    frame.goto(lms + "course/" + path)
    page.wait_for_function("(p) => frames[0].frames[0].location.pathname.endsWith(p) &&"
                           " frames[0].frames[0].document.readyState === 'complete'", arg=path)
    return page.frame(name="cw-site")


def take_final(page, frame, right: bool) -> None:  # type: ignore[no-untyped-def]
    from test_quiz import answer, quiz_data, shown

    for item, q in shown(frame, quiz_data(frame)):
        answer(page, item, q, right)
    frame.get_by_role("button", name="提交").click()


def chapters(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.evaluate("() => JSON.parse(frames[0].document.getElementById('cw-scorm').dataset.json).chapters")


def recorded(browser, requests_seen):  # type: ignore[no-untyped-def]
    """A context of our own (two are needed for a relaunch) that logs every request like the `page` fixture."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    context.on("request", lambda request: requests_seen.urls.append(request.url))
    return context


def test_reading_and_final_are_recorded_and_resume_after_relaunch(browser, lms, requests_seen) -> None:
    context = recorded(browser, requests_seen)
    page = context.new_page()
    frame = launch(page, lms)
    assert frame.locator("h1").first.is_visible()
    assert page.evaluate("API.isInitialized()")
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"
    pages = chapters(page)
    assert pages
    for path in pages:
        assert cmi(page, "cmi.core.lesson_status") == "incomplete"  # a chapter is still unread
        open_in_frame(page, lms, path)
    page.wait_for_function("API.getCMIValue('cmi.core.lesson_status') === 'completed'")
    assert cmi(page, "cmi.core.lesson_location") == pages[-1]

    frame = open_in_frame(page, lms, "quizzes/final.html")
    take_final(page, frame, right=False)
    page.wait_for_function("API.getCMIValue('cmi.core.score.raw') === '0'")
    assert cmi(page, "cmi.core.lesson_status") == "completed"  # read everything: a failed final does not undo it
    frame.get_by_role("button", name="再做一次").click()
    take_final(page, frame, right=True)
    page.wait_for_function("API.getCMIValue('cmi.core.score.raw') === '100'")
    assert cmi(page, "cmi.core.lesson_status") == "passed"
    assert (cmi(page, "cmi.core.score.min"), cmi(page, "cmi.core.score.max")) == ("0", "100")

    page.evaluate("document.getElementById('sco').src = 'about:blank'")  # the LMS closes the course
    page.wait_for_function("API.isTerminated()")
    written = page.evaluate("written")
    assert written["cmi.core.exit"] == "suspend"
    assert written["cmi.core.session_time"].count(":") == 2
    saved = {"core": {"lesson_location": cmi(page, "cmi.core.lesson_location")},
             "suspend_data": cmi(page, "cmi.suspend_data")}
    assert 0 < len(saved["suspend_data"]) <= SUSPEND_LIMIT
    context.close()

    again = recorded(browser, requests_seen)  # another computer: nothing in localStorage
    page = again.new_page()
    frame = launch(page, lms, saved)
    assert frame.url.endswith("quizzes/final.html")  # back where the learner left off
    page.wait_for_function("API.getCMIValue('cmi.core.lesson_status') === 'passed'")
    frame = open_in_frame(page, lms, "quizzes/progress.html")
    row = frame.locator(".cw-progress__table").first.locator("tr", has_text="结业测评")
    assert row.locator("td").nth(1).inner_text() == "100 分"  # best
    assert row.locator("td").nth(3).inner_text() == "2"  # attempts
    assert cmi(page, "cmi.core.score.raw") == "100"
    again.close()
    assert any(url.endswith("/course/scorm.html") for url in requests_seen.urls)
    assert requests_seen.off_host() == []


def test_final_only_completion_fails_below_pass(browser, lms) -> None:
    """completion: final is set in the package's config; here the launcher's data is changed in place."""
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.route("**/course/scorm.html", lambda route: route.fulfill(
        body=route.fetch().text().replace("&#34;completion&#34;:&#34;chapters&#34;",
                                          "&#34;completion&#34;:&#34;final&#34;"), content_type="text/html"))
    frame = launch(page, lms)
    for path in chapters(page):
        open_in_frame(page, lms, path)
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"  # reading alone is not enough
    frame = open_in_frame(page, lms, "quizzes/final.html")
    take_final(page, frame, right=False)
    page.wait_for_function("API.getCMIValue('cmi.core.lesson_status') === 'failed'")
    context.close()


def full_history(config: dict[str, Any]) -> dict[str, Any]:
    """Every quiz taken and every question answered, with odd values: partial credit, a part left out."""
    parts = config["parts"]
    attempts = {quiz: {"kind": kind, "n": 3 + k, "last": 40 + k, "best": 90 - k, "day": 20450 + k,
                       "parts": {part: 50 + j for j, part in enumerate(parts[:-1] or parts)}}
                for k, (quiz, kind) in enumerate(config["quizzes"])}
    items = {}
    for k, (question, part, tags) in enumerate(config["questions"]):
        items[question] = {"part": part, "tags": tags, "last": round(k % 3 / 3, 2), "best": 1}
        if k % 2:
            items[question].update(box=1 + k % 4, due=20460 + k)
    return {"v": 1, "attempts": attempts, "items": items}


def prefill(page, lms: str, limit: int | None = None) -> tuple[dict[str, Any], dict[str, Any]]:  # type: ignore[no-untyped-def]
    if limit is not None:
        page.route("**/course/scorm.html", lambda route: route.fulfill(
            body=route.fetch().text().replace("&#34;limit&#34;:4096", f"&#34;limit&#34;:{limit}"),
            content_type="text/html"))
    page.goto(lms + "course/index.html")
    config = page.evaluate("fetch('scorm.html').then((r) => r.text()).then((t) => JSON.parse(new DOMParser()"
                           ".parseFromString(t, 'text/html').getElementById('cw-scorm').dataset.json))")
    history = full_history(config)
    page.evaluate("([k, v]) => localStorage.setItem(k, JSON.stringify(v))", [config["storage"], history])
    return config, history


def test_suspend_data_carries_a_full_history_to_another_browser(browser, lms) -> None:
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    config, history = prefill(page, lms)
    launch(page, lms)
    page.wait_for_function("API.getCMIValue('cmi.suspend_data').length > 0")
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("API.isTerminated()")
    saved = {"suspend_data": cmi(page, "cmi.suspend_data")}
    assert len(saved["suspend_data"]) <= SUSPEND_LIMIT
    context.close()

    again = browser.new_context(locale="zh-CN")
    page = again.new_page()
    frame = launch(page, lms, saved)
    restored = frame.evaluate("(k) => JSON.parse(localStorage.getItem(k))", config["storage"])
    assert restored == history
    again.close()


def test_suspend_data_over_the_limit_keeps_what_matters_most(browser, lms) -> None:
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    config, history = prefill(page, lms, limit=95)
    launch(page, lms)
    page.wait_for_function("API.getCMIValue('cmi.suspend_data').length > 0")
    data = cmi(page, "cmi.suspend_data")
    assert len(data) <= 95, data
    kept = json.loads(data)
    final = [quiz for quiz, _ in config["quizzes"]].index("final")
    best = history["attempts"]["final"]["best"]
    newest = 20450 + len(config["quizzes"]) - 1  # suspend_data counts days back from the latest attempt
    n, last, kept_best, days_back, parts = kept["a"][final]
    assert kept["i"] == "" and (n, last, kept_best) == (history["attempts"]["final"]["n"], 40 + final, best)
    assert int(days_back, 36) == newest - (20450 + final) and parts == "50"  # the final keeps its part split
    assert not any(kept["a"][k] for k, (_, kind) in enumerate(config["quizzes"]) if kind == "chapter")
    assert cmi(page, "cmi.core.score.raw") == str(best)
    context.close()


def test_without_an_lms_the_package_is_a_plain_site(browser, lms) -> None:
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(lms + "course/scorm.html")
    page.wait_for_function("() => { try { return frames[0].document.readyState === 'complete' &&"
                           " frames[0].location.pathname.endsWith('index.html'); } catch (e) { return false; } }")
    assert page.frame(name="cw-site").locator("h1").first.is_visible()
    page.goto(lms + "course/quizzes/final.html")
    take_final(page, page.main_frame, right=True)
    assert "100" in page.locator(".cw-quiz__result").inner_text()
    assert errors == []
    context.close()
