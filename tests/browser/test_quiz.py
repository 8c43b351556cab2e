"""Quizzes in a real browser: answering, partial credit, keyboard ordering, progress, review, export/import.

The scaffold course is the fixture; its part test is widened to the whole pool so every question type is
on one page, and one question carries hostile author text.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from generator import pipeline
from generator.scaffold import SCAFFOLD

pytestmark = pytest.mark.browser

HOSTILE = 'He said "</script><script>window.cwPwned=1</script>" & <b>bold</b>'
HOSTILE_QUESTION = f"""  - id: vs-hostile
    type: single
    node: prepare-materials
    stem: '{HOSTILE.replace("'", "''")}'
    options:
      - text: '{HOSTILE.replace("'", "''")}'
        correct: true
        feedback: </script>ok
      - text: 普通选项：把同一句话换个说法，长度和正确项差不多，免得学员只靠选项的长短就能猜中答案，所以写得再长一些
        feedback: 不对
    explanation: 作者写什么都不会破坏页面。
quizzes:
"""
DAY = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def quiz_site(tmp_path_factory: pytest.TempPathFactory, serve_site: Callable[[Path, str], str]) -> str:
    course = tmp_path_factory.mktemp("quiz-course")
    shutil.copytree(SCAFFOLD, course, dirs_exist_ok=True)
    bank = course / "quizzes/visit.yaml"
    text = bank.read_text(encoding="utf-8").replace("    draw: 6\n", "").replace("quizzes:\n", HOSTILE_QUESTION)
    bank.write_text(text, encoding="utf-8")
    outcome = pipeline.build(course, course / "site")
    assert not outcome.failed(strict=True), outcome.diagnostics
    return serve_site(course / "site", "training/sample")


def quiz_data(page) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return json.loads(page.locator(".cw-quiz__data").first.get_attribute("data-json"))


def shown(page, data: dict[str, Any]) -> list[tuple[Any, dict[str, Any]]]:  # type: ignore[no-untyped-def]
    by_id = {q["id"]: q for q in data["questions"]}
    items = page.locator(".cw-quiz__item")
    return [(items.nth(i), by_id[items.nth(i).get_attribute("data-q")]) for i in range(items.count())]


def answer(page, item, q: dict[str, Any], right: bool) -> None:  # type: ignore[no-untyped-def]
    """Answer one question entirely right, or so that nothing in it earns credit."""
    kind = q["type"]
    if kind in ("single", "truefalse", "scenario", "multiple"):
        credits = [option["credit"] for option in q["options"]]
        if kind == "multiple":
            wanted = [i for i, c in enumerate(credits) if (c > 0) == right]
        else:
            wanted = [credits.index(max(credits) if right else min(credits))]
        for i in wanted:
            item.locator(f"input[value='{i}']").check()
    elif kind == "ordering":
        count = len(q["items"])
        arrange(page, item, list(range(count)) if right else [(i + 1) % count for i in range(count)])
    elif kind == "matching":
        count = len(q["pairs"])
        for i in range(count):
            item.locator("select").nth(i).select_option(str(i if right else (i + 1) % count))
    else:
        item.locator("textarea").fill("写成客户的一个动作")


def arrange(page, item, target: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Move rows with the keyboard only: focus an up button and press Enter until the row is in place."""
    for position, wanted in enumerate(target):
        row = item.locator(f".cw-quiz__step[data-i='{wanted}']")
        row.locator(".cw-quiz__move").first.focus()
        while order(item).index(wanted) > position:
            page.keyboard.press("Enter")


def order(item) -> list[int]:  # type: ignore[no-untyped-def]
    return [int(v) for v in item.locator(".cw-quiz__step").evaluate_all("rows => rows.map(r => r.dataset.i)")]


def submit_all(page, right: bool) -> str:  # type: ignore[no-untyped-def]
    for item, q in shown(page, quiz_data(page)):
        answer(page, item, q, right)
    page.get_by_role("button", name="提交").click()
    return page.locator(".cw-quiz__result").inner_text()


def test_chapter_check_all_right(page, quiz_site, requests_seen) -> None:
    page.goto(quiz_site + "visit/plan-visit.html")
    assert 3 <= page.locator(".cw-quiz__item").count() <= 5
    assert "得分 100 分" in submit_all(page, right=True)
    for item, q in shown(page, quiz_data(page)):
        verdict = item.locator(".cw-quiz__verdict").inner_text()
        assert verdict.startswith("思考题不计分") if q["type"] == "reflection" else verdict == "答对了"
        assert item.locator(".cw-quiz__explain a").count() == 1  # link back to the teaching section
    assert "已及格" in page.locator(".cw-quiz__result").inner_text()
    assert requests_seen.off_host() == []


def test_chapter_check_all_wrong(page, quiz_site, requests_seen) -> None:
    page.goto(quiz_site + "visit/plan-visit.html")
    result = submit_all(page, right=False)
    assert result.startswith("得分 0 分（0/")
    assert "未及格（60 分及格）" in result
    for item, q in shown(page, quiz_data(page)):
        if q["type"] in ("single", "multiple", "scenario", "truefalse"):
            picked = item.locator(".cw-quiz__option--picked")
            assert picked.count() >= 1
            assert picked.first.locator(".cw-quiz__note").inner_text() != ""  # per-option feedback
            assert item.locator(".cw-quiz__option--correct").count() >= 1
        if q["type"] != "reflection":
            assert item.locator(".cw-quiz__verdict").inner_text() == "答错了"
    assert requests_seen.off_host() == []


def test_partial_credit_on_multiple_choice(page, quiz_site, requests_seen) -> None:
    page.goto(quiz_site + "quizzes/visit-test.html")
    item = page.locator(".cw-quiz__item[data-q='vs-materials']")
    q = next(q for q in quiz_data(page)["questions"] if q["id"] == "vs-materials")
    right = [i for i, o in enumerate(q["options"]) if o["credit"] > 0]
    wrong = [i for i, o in enumerate(q["options"]) if o["credit"] == 0]
    for i in (right[0], right[1], wrong[0]):  # (2 right − 1 wrong) / 3 correct
        item.locator(f"input[value='{i}']").check()
    page.get_by_role("button", name="提交").click()
    page.get_by_role("button", name="仍然提交").click()
    assert item.locator(".cw-quiz__verdict").inner_text() == "部分正确，得 33%"
    assert "cw-quiz__item--partial" in (item.get_attribute("class") or "")
    assert requests_seen.off_host() == []


def test_ordering_by_keyboard(page, quiz_site, requests_seen) -> None:
    page.goto(quiz_site + "quizzes/visit-test.html")
    item = page.locator(".cw-quiz__item[data-q='vs-visit-steps']")
    assert order(item) != [0, 1, 2, 3]
    arrange(page, item, [0, 1, 2, 3])
    assert order(item) == [0, 1, 2, 3]
    assert "移到第" in page.locator(".cw-quiz__live").inner_text()  # the move was announced
    page.get_by_role("button", name="提交").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".cw-quiz__ask p")).to_be_focused()  # the gaps are asked about first
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="继续作答")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # 仍然提交
    assert item.locator(".cw-quiz__verdict").inner_text() == "答对了"
    assert requests_seen.off_host() == []


def test_reload_keeps_progress_and_dashboard_counts_it(page, quiz_site, requests_seen) -> None:
    page.goto(quiz_site + "visit/plan-visit.html")
    submit_all(page, right=True)
    page.reload()
    page.goto(quiz_site + "quizzes/progress.html")
    assert page.locator("[data-cw-check='check-plan-visit']").is_hidden()
    assert page.locator(".cw-progress__all").is_visible()
    parts = page.locator(".cw-progress__table").nth(1)
    assert "1 / 1" in parts.inner_text()
    assert requests_seen.off_host() == []


def test_dashboard_reflects_attempts(page, quiz_site, requests_seen) -> None:
    page.goto(quiz_site + "quizzes/diagnostic.html")
    submit_all(page, right=False)
    page.goto(quiz_site + "quizzes/final.html")
    submit_all(page, right=True)
    page.goto(quiz_site + "quizzes/visit-test.html")
    submit_all(page, right=True)
    page.get_by_role("button", name="再做一次").click()
    submit_all(page, right=False)
    page.goto(quiz_site + "quizzes/progress.html")
    rows = table_rows(page, 0)
    assert rows["第一部分测验：拜访"] == ["100 分", "0 分", "2"]
    assert rows["课前诊断"] == ["0 分", "0 分", "1"]
    assert page.locator(".cw-progress__compare").inner_text() == "课前诊断 0 分 → 结业测评 100 分，变化 100 分。"
    part = table_rows(page, 1)["第一部分 拜访"]
    assert part[0:2] == ["100 分", "0 分"] and part[3:] == ["0 分", "100 分"]
    assert "客户信息" in table_rows(page, 2)
    assert requests_seen.off_host() == []


def table_rows(page, index: int) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    rows = page.locator(".cw-progress__table").nth(index).locator("tbody tr")
    cells = [rows.nth(i).locator("td").all_inner_texts() for i in range(rows.count())]
    return {row[0]: row[1:] for row in cells}


def test_review_schedules_missed_item_for_tomorrow(page, quiz_site, requests_seen) -> None:
    page.clock.set_fixed_time(DAY)
    page.goto(quiz_site + "visit/plan-visit.html")
    scored = sum(1 for _, q in shown(page, quiz_data(page)) if q["type"] != "reflection")
    submit_all(page, right=False)
    page.goto(quiz_site + "quizzes/review.html")
    assert page.locator(".cw-quiz__due").inner_text() == "今天没有要复习的题。"
    assert page.locator(".cw-quiz__plan li").all_inner_texts() == [f"明天：{scored} 题"]
    page.clock.set_fixed_time(DAY + datetime.timedelta(days=1))
    page.reload()
    assert page.locator(".cw-quiz__due").inner_text() == f"今天要复习 {scored} 题。"
    assert page.locator(".cw-quiz__item").count() == scored
    submit_all(page, right=True)  # right again: the next review is 3 days later
    page.reload()
    assert page.locator(".cw-quiz__plan li").all_inner_texts() == [f"2026-03-06：{scored} 题"]
    assert requests_seen.off_host() == []


def test_export_then_import_restores_progress(page, quiz_site, requests_seen, tmp_path: Path) -> None:
    page.goto(quiz_site + "visit/plan-visit.html")
    submit_all(page, right=True)
    page.goto(quiz_site + "quizzes/progress.html")
    with page.expect_download() as download:
        page.get_by_role("button", name="导出进度").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["attempts"]["check-plan-visit"]["n"] == 1
    page.evaluate("localStorage.clear()")
    page.reload()
    assert page.locator("[data-cw-check='check-plan-visit']").is_visible()
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    page.locator(".cw-progress__file").set_input_files(str(bad))
    expect(page.locator(".cw-progress__status")).to_contain_text("无法按 JSON 读取")
    page.locator(".cw-progress__file").set_input_files(str(saved))
    expect(page.locator(".cw-progress__status")).to_contain_text("将合并：1 个测验的成绩")
    page.get_by_role("button", name="确认导入").click()
    expect(page.locator(".cw-progress__status")).to_have_text("已导入进度。")
    expect(page.locator("[data-cw-check='check-plan-visit']")).to_be_hidden()
    assert requests_seen.off_host() == []


def test_corrupt_or_old_progress_never_breaks_the_page(page, quiz_site, requests_seen) -> None:
    page.goto(quiz_site + "visit/plan-visit.html")
    key = quiz_data(page)["storage"]
    for stored in ("{not json", '{"v":0,"attempts":[1,2]}', '{"v":1,"attempts":{"check-plan-visit":7},"items":5}'):
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, stored])
        page.reload()
        assert "得分 100 分" in submit_all(page, right=True)
        page.goto(quiz_site + "quizzes/progress.html")
        assert page.locator(".cw-progress__table").count() == 3
        page.goto(quiz_site + "visit/plan-visit.html")
    assert requests_seen.off_host() == []


def test_draw_is_reproducible_per_attempt(browser, quiz_site) -> None:
    def first_attempt() -> list[str]:
        context = browser.new_context()
        page = context.new_page()
        page.goto(quiz_site + "visit/plan-visit.html")
        seen = page.locator(".cw-quiz__item .cw-quiz__text").all_inner_texts()
        context.close()
        return seen

    assert first_attempt() == first_attempt()


def test_hostile_author_text_stays_text(page, quiz_site, requests_seen) -> None:
    page.goto(quiz_site + "quizzes/visit-test.html")
    item = page.locator(".cw-quiz__item[data-q='vs-hostile']")
    assert item.locator(".cw-quiz__stem").inner_text() == HOSTILE
    assert HOSTILE in item.locator(".cw-quiz__text").all_inner_texts()
    assert page.evaluate("window.cwPwned") is None
    assert requests_seen.off_host() == []


def test_without_javascript_questions_read_as_list(browser, quiz_site) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(quiz_site + "visit/plan-visit.html")
    assert page.locator(".cw-quiz__static .cw-quiz__q").count() == len(quiz_data(page)["questions"])
    answer = page.locator(".cw-quiz__answer").first
    assert answer.locator(".cw-quiz__explain").is_hidden()  # folded until opened
    answer.locator("summary").click()
    assert answer.locator(".cw-quiz__explain").is_visible()
    context.close()


def test_result_sheet_prints_on_one_page(page, quiz_site, requests_seen) -> None:
    page.goto(quiz_site + "visit/plan-visit.html")
    submit_all(page, right=True)
    page.goto(quiz_site + "quizzes/progress.html")
    page.get_by_label("姓名").fill("张伟")
    page.emulate_media(media="print")
    assert page.locator(".cw-progress__actions").is_hidden()
    pdf = page.pdf()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    assert requests_seen.off_host() == []


def stored(page) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return page.evaluate("key => JSON.parse(localStorage.getItem(key))", quiz_data(page)["storage"]) or {}


def given_answers(page) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Every control's state, question by question: what a reload must bring back."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.cw-quiz__item')].map(item => [
      item.dataset.q, [[...item.querySelectorAll('input')].map(i => i.checked),
                       [...item.querySelectorAll('.cw-quiz__step')].map(r => r.dataset.i),
                       [...item.querySelectorAll('select')].map(s => s.value),
                       [...item.querySelectorAll('textarea')].map(t => t.value)]]))""")


def test_answers_in_progress_survive_reload_and_navigation(page, quiz_site, requests_seen) -> None:
    page.goto(quiz_site + "quizzes/visit-test.html")
    for item, q in shown(page, quiz_data(page)):
        answer(page, item, q, right=q["type"] in ("multiple", "ordering", "reflection"))
    item = page.locator(".cw-quiz__item[data-q='vs-reflect-last-visit'] textarea")
    item.fill("周二上午拜访，客户说：“下月的订单先等等”。\n第二行")
    before = given_answers(page)
    page.reload()
    assert given_answers(page) == before
    page.goto(quiz_site + "quizzes/index.html")
    page.go_back()
    assert given_answers(page) == before
    page.get_by_role("button", name="提交").click()  # everything answered: no question asked
    assert page.locator(".cw-quiz__ask").is_hidden()
    assert stored(page)["attempts"]["visit-test"]["n"] == 1
    page.reload()  # submitted: the next attempt starts blank
    assert not page.locator(".cw-quiz__item input:checked").count()
    assert page.locator("textarea").input_value() == ""
    assert requests_seen.off_host() == []


def test_gaps_are_asked_about_and_an_empty_attempt_is_never_recorded(page, quiz_site, requests_seen) -> None:
    page.goto(quiz_site + "quizzes/visit-test.html")
    data = quiz_data(page)
    total = len(shown(page, data))
    page.get_by_role("button", name="提交").click()
    ask = page.locator(".cw-quiz__ask")
    expect(ask).to_contain_text("还没有作答任何一题")
    assert ask.get_by_role("button", name="仍然提交").count() == 0
    assert page.locator(".cw-quiz__live").inner_text() == ask.locator("p").inner_text()  # announced
    assert stored(page) == {}
    item = page.locator(".cw-quiz__item[data-q='vs-goal-as-action']")
    q = next(q for q in data["questions"] if q["id"] == "vs-goal-as-action")
    answer(page, item, q, right=False)
    page.get_by_role("button", name="提交").click()
    expect(ask).to_contain_text(f"还有 {total - 1} 题未作答，仍要提交吗？")
    page.get_by_role("button", name="继续作答").click()
    assert ask.is_hidden()
    focused = page.evaluate("document.activeElement.closest('.cw-quiz__item').dataset.q")
    assert focused != "vs-goal-as-action"  # straight to the first gap
    page.get_by_role("button", name="提交").click()
    page.get_by_role("button", name="仍然提交").click()
    saved = stored(page)
    assert saved["attempts"]["visit-test"]["n"] == 1
    wrong = min(range(len(q["options"])), key=lambda i: q["options"][i]["credit"])
    assert saved["items"]["vs-goal-as-action"]["picked"] == [wrong]  # source order, as the contract says
    assert "picked" not in saved["items"]["vs-visit-steps"]
    page.get_by_role("button", name="再做一次").click()
    assert page.evaluate("document.activeElement.classList.contains('cw-quiz__item')")
    assert page.locator(".cw-quiz__item").first.evaluate("e => e === document.activeElement")
    assert requests_seen.off_host() == []


def test_picked_records_every_choice_type_in_source_order(page, quiz_site, requests_seen) -> None:
    page.goto(quiz_site + "quizzes/visit-test.html")
    submit_all(page, right=True)
    items = stored(page)["items"]
    for q in quiz_data(page)["questions"]:
        credits = [o["credit"] for o in q.get("options", [])]
        if q["type"] == "multiple":
            assert items[q["id"]]["picked"] == [i for i, c in enumerate(credits) if c > 0]
        elif q["type"] in ("single", "truefalse", "scenario"):
            assert items[q["id"]]["picked"] == [credits.index(max(credits))]
        elif q["type"] != "reflection":
            assert "picked" not in items[q["id"]]
    assert requests_seen.off_host() == []


def test_review_comes_in_groups_of_five_on_the_same_schedule(page, quiz_site, requests_seen) -> None:
    page.clock.set_fixed_time(DAY)
    page.goto(quiz_site + "quizzes/visit-test.html")
    scored = sum(1 for _, q in shown(page, quiz_data(page)) if q["type"] != "reflection")
    assert scored > 5
    submit_all(page, right=False)
    page.clock.set_fixed_time(DAY + datetime.timedelta(days=1))
    page.goto(quiz_site + "quizzes/review.html")
    assert page.locator(".cw-quiz__due").inner_text() == f"今天要复习 {scored} 题。每组 5 题，提交后点“下一组”继续。"
    assert page.locator(".cw-quiz__item").count() == 5
    submit_all(page, right=True)
    page.get_by_role("button", name="下一组").click()
    assert page.locator(".cw-quiz__item").count() == scored - 5
    submit_all(page, right=True)
    assert page.get_by_role("button", name="下一组").is_hidden()  # nothing left today
    page.reload()
    assert page.locator(".cw-quiz__due").inner_text() == "今天没有要复习的题。"
    assert page.locator(".cw-quiz__plan li").all_inner_texts() == [f"2026-03-06：{scored} 题"]  # box 2: 3 days
    assert requests_seen.off_host() == []


def test_missed_questions_can_be_practised_now_without_moving_the_schedule(page, quiz_site, requests_seen) -> None:
    """练错题 now: the same day, before anything is due; paged by five; the Leitner dates stay as they were."""
    page.clock.set_fixed_time(DAY)
    page.goto(quiz_site + "quizzes/visit-test.html")
    scored = sum(1 for _, q in shown(page, quiz_data(page)) if q["type"] != "reflection")
    submit_all(page, right=False)
    page.goto(quiz_site + "quizzes/review.html")
    before = page.evaluate("() => JSON.stringify(localStorage)")
    assert page.locator(".cw-quiz__due").inner_text() == "今天没有要复习的题。"
    page.get_by_role("button", name="现在就练做错的题").click()
    assert page.locator(".cw-quiz__due").inner_text().startswith(f"提前练习 {scored} 道做错的题")
    assert page.locator(".cw-quiz__item").count() == 5
    expect(page.locator(".cw-quiz__item").first).to_be_focused()
    submit_all(page, right=True)
    page.get_by_role("button", name="下一组").click()
    assert page.locator(".cw-quiz__item").count() == scored - 5
    submit_all(page, right=True)
    assert page.get_by_role("button", name="下一组").is_hidden()
    assert page.evaluate("() => JSON.stringify(localStorage)") == before  # practice, not a review
    page.reload()
    assert page.locator(".cw-quiz__plan li").all_inner_texts() == [f"明天：{scored} 题"]
    assert requests_seen.off_host() == []
