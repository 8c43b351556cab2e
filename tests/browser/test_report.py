"""班级报告 in Chromium from file://: thirty learners' files and two corrupt ones, a .zip, drag and drop, CSV, print."""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
import socket
import subprocess
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from generator import pipeline
from generator.scaffold import SCAFFOLD
from tests.browser.conftest import answer_every_question
from tests.report_learners import LEARNERS, Bank, load_bank, miss_rate, most_wrong, write_files

pytestmark = pytest.mark.browser
SUBPATH = "training/report"


@pytest.fixture(scope="module")
def bank(built_trainer_site: Path) -> Bank:
    return load_bank(built_trainer_site.parent)


@pytest.fixture
def files(bank: Bank, tmp_path: Path) -> tuple[list[Path], list[Path]]:
    return write_files(bank, tmp_path)


def open_report(page, site: Path):  # type: ignore[no-untyped-def]
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site / "report.html").as_uri())
    page.locator("[data-cw-report][data-cw-ready]").wait_for()
    return errors


LEARNERS_CAPTION = "每名学员：诊断与结业成绩（最近一次）、完成的章节小测、部分和课后行动"


def learner_rows(page):  # type: ignore[no-untyped-def]
    return page.locator(f"table:has(caption:text-is('{LEARNERS_CAPTION}')) tbody tr")


def question_cells(page, question: str) -> list[str]:  # type: ignore[no-untyped-def]
    row = page.locator("tbody tr", has=page.locator(f"th:text-is('{question}')"))
    return [cell.strip() for cell in row.locator("th, td").all_inner_texts()]


def percent(answered: int, missed: int) -> str:
    return f"{math.floor(100 * missed / answered + 0.5)}%"  # JavaScript's Math.round, not Python's round


def test_thirty_learners_and_two_skipped_files(page, built_trainer_site: Path, bank: Bank, files,
                                               requests_seen) -> None:
    good, bad = files
    errors = open_report(page, built_trainer_site)
    page.get_by_label("选择文件").set_input_files([*good, *bad])
    page.locator(".cw-report__tools:not([hidden])").wait_for()
    assert learner_rows(page).count() == LEARNERS
    skipped = page.locator(".cw-report__skipped li").all_inner_texts()
    assert len(skipped) == 2
    assert any(line.startswith("截断的文件.json：") and "JSON" in line for line in skipped)
    assert any(line.startswith("other-course.json：") and "另一门课程" in line for line in skipped)
    assert page.locator(".cw-report__status").inner_text() == f"已读取 {LEARNERS} 名学员的文件，跳过 2 个。"
    for question in bank.choice()[:2]:  # the first one's wrong answers tie: both options are named
        answered, missed = miss_rate(good, str(question.id))
        cells = question_cells(page, str(question.id))
        assert cells[3:6] == [str(answered), percent(answered, missed), most_wrong(good, question)]
    assert " / " in question_cells(page, str(bank.choice()[0].id))[5]
    empty = page.locator("tbody tr", has=page.locator("th:text-is('未答题的学员')")).locator("td").all_inner_texts()
    assert empty[:4] == ["S999", "—", "—", "—"] and empty[4:6] == [f"0 / {len(bank.chapters)}", f"0 / {bank.parts}"]
    names = page.locator("table").first.locator("tbody th").all_inner_texts()
    assert "learner-01" in names and "=1+1" in names and "欧阳明月" * 10 in names  # v1: the file's name
    assert page.locator("caption").count() == 3 and page.locator("thead th:not([scope=col])").count() == 0
    assert page.locator(".cw-report__reteach li").count() >= 5
    assert page.locator(".cw-report__reteach a").first.get_attribute("href").endswith(".html")
    assert not errors and not requests_seen.off_host()


def download_report(page, site: Path, files: list[Path], button: str):  # type: ignore[no-untyped-def]
    """Read the files into the report, then press one export button: the download."""
    open_report(page, site)
    page.get_by_label("选择文件").set_input_files(files)
    page.locator(".cw-report__tools:not([hidden])").wait_for()
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    return info.value


def test_csv_download_opens_in_excel_and_runs_no_formula(page, built_trainer_site: Path, bank: Bank,
                                                          files) -> None:
    good, bad = files
    download = download_report(page, built_trainer_site, [*good, *bad], "导出 CSV")
    assert download.suggested_filename == "班级报告.csv"
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    start = rows.index(["学员"]) + 2
    learners = rows[start:rows.index([], start)]
    assert len(learners) == LEARNERS
    assert [row[0] for row in learners if "1+1" in row[0]][:1] == ["'=1+1"]
    question = bank.choice()[1]
    answered, missed = miss_rate(good, str(question.id))
    line = next(row for row in rows if row and row[0] == str(question.id))
    assert line[3:6] == [str(answered), percent(answered, missed), most_wrong(good, question)]
    assert ["截断的文件.json", "不是有效的 JSON（文件可能不完整）"] in rows


def test_xlsx_download_reads_back_in_openpyxl(page, built_trainer_site: Path, bank: Bank, files,
                                              tmp_path: Path) -> None:
    from openpyxl import load_workbook

    good, bad = files
    download = download_report(page, built_trainer_site, [*good, *bad], "导出 Excel")
    assert download.suggested_filename == "班级报告.xlsx"
    download.save_as(tmp_path / "report.xlsx")  # openpyxl goes by the file's extension
    book = load_workbook(tmp_path / "report.xlsx")
    assert book.sheetnames == ["学员", "逐题统计", "能力标签", "跳过的文件"]
    learners = list(book["学员"].iter_rows(values_only=True))
    assert len(learners) == LEARNERS + 1 and learners[0][0] == "姓名"
    assert tuple(row[0] for row in learners if row[0] == "=1+1")[:1] == ("=1+1",)  # text, not a formula
    question = bank.choice()[1]
    answered, missed = miss_rate(good, str(question.id))
    row = next(row for row in book["逐题统计"].iter_rows(values_only=True) if row[0] == str(question.id))
    assert list(row[3:6]) == [answered, percent(answered, missed), most_wrong(good, question)]
    assert len(list(book["跳过的文件"].iter_rows())) == 3


def test_zip_of_files_stored_and_deflated(page, built_trainer_site: Path, files, tmp_path: Path) -> None:
    good, bad = files
    archive = tmp_path / "班级.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.write(good[0], "a/" + good[0].name, compress_type=zipfile.ZIP_STORED)
        bundle.write(good[1], good[1].name, compress_type=zipfile.ZIP_DEFLATED)
        bundle.write(good[2], good[2].name, compress_type=zipfile.ZIP_DEFLATED)
        bundle.write(bad[0], bad[0].name, compress_type=zipfile.ZIP_DEFLATED)
        bundle.writestr("__MACOSX/._x.json", b"\x00\x05")
    open_report(page, built_trainer_site)
    assert page.locator(".cw-report__zipnote").is_hidden()  # this Chromium can inflate
    page.get_by_label("选择文件").set_input_files(str(archive))
    page.locator(".cw-report__tools:not([hidden])").wait_for()
    assert learner_rows(page).count() == 3
    assert page.locator(".cw-report__skipped li").all_inner_texts() == [
        f"班级.zip › {bad[0].name}：不是有效的 JSON（文件可能不完整）"]


def test_drop_files_and_print_on_two_pages(page, built_trainer_site: Path, files, tmp_path: Path) -> None:
    good, _ = files
    open_report(page, built_trainer_site)
    transfer = page.evaluate_handle("""(files) => {
        const data = new DataTransfer();
        files.forEach(([name, text]) => data.items.add(new File([text], name, {type: "application/json"})));
        return data;
    }""", [[path.name, path.read_text(encoding="utf-8")] for path in good])
    page.locator(".cw-report__drop").dispatch_event("drop", {"dataTransfer": transfer})
    page.locator(".cw-report__tools:not([hidden])").wait_for()
    assert learner_rows(page).count() == LEARNERS
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))) <= 2
    text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    assert "建议重讲" in text and "讲师版" in text and "拖到这里" not in text and "导出CSV" not in text
    assert "未答题的学员" in text and "打印版只列答错率最高的10题" in text


@pytest.fixture(scope="module")
def instant_trainer_site(tmp_path_factory: pytest.TempPathFactory, serve_site) -> str:  # type: ignore[no-untyped-def]
    """The scaffold's trainer edition with Material's instant navigation, served under a sub-path."""
    course = tmp_path_factory.mktemp("instant-report") / "course"
    shutil.copytree(SCAFFOLD, course)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = course / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("theme:\n", "theme:\n  features: [navigation.instant]\n", 1)
    config.write_text(text + f"site_url: http://127.0.0.1:{port}/{SUBPATH}/\n", encoding="utf-8")
    assert not pipeline.build(course, course / "site", "trainer").failed(strict=False)
    return str(serve_site(course / "site", SUBPATH, port))


# The started report is the same element half a second later (not one about to be swapped out).
STARTED_AND_STILL_THERE = """() => new Promise(done => {
  const box = document.querySelector("[data-cw-report][data-cw-ready]");
  setTimeout(() => done(!!box && box === document.querySelector("[data-cw-report][data-cw-ready]")), 500);
})"""


def test_report_starts_once_after_instant_navigation(page, instant_trainer_site: str, tmp_path: Path) -> None:
    """Material runs the page's <script src> again on every visit: the widget still starts once, styled."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(instant_trainer_site + "agenda.html")  # the nav lists the section's pages on its own pages
    page.wait_for_load_state("networkidle")  # Material intercepts links once it has the sitemap
    page.evaluate("window.cwSamePage = true")
    for _ in range(2):
        page.evaluate("document.querySelector(\"a[href$='report.html']\").click()")
        page.wait_for_url("**/report.html")
        page.locator("[data-cw-report][data-cw-ready]").wait_for()
        page.evaluate("document.querySelector(\"a[href$='agenda.html']\").click()")
        page.wait_for_url("**/agenda.html")
    page.go_back()
    page.wait_for_url("**/report.html")
    # Material swaps the content in again shortly after a history step: wait for it to settle, as a trainer would
    page.wait_for_load_state("networkidle")
    page.wait_for_function(STARTED_AND_STILL_THERE)
    assert page.evaluate("window.cwSamePage === true")
    expect(page.locator(".cw-report__drop")).to_have_css("border-top-style", "dashed")  # its stylesheet may still load
    learner = tmp_path / "旧版文件.json"
    learner.write_text('{"v": 1, "attempts": {}, "items": {}}', encoding="utf-8")
    page.get_by_label("选择文件").set_input_files(str(learner))
    page.locator(".cw-report__tools:not([hidden])").wait_for()
    assert learner_rows(page).count() == 1 and page.locator(".cw-report__out table").count() == 3
    assert page.locator("table tbody th").first.inner_text() == "旧版文件"
    assert not errors


def test_filled_report_passes_axe_light_and_dark(page, built_trainer_site: Path, files) -> None:
    """The tables, lists and links exist only once files are read: audited then."""
    from tests.browser.test_accessibility import AXE, _audit

    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run `make test` (npm ci in tests/js)")
    good, bad = files
    open_report(page, built_trainer_site)
    page.get_by_label("选择文件").set_input_files([*good, *bad])
    page.locator(".cw-report__tools:not([hidden])").wait_for()
    assert _audit(page) == {}


def test_a_file_a_learner_exported_reads_into_the_report(page, built_trainer_site: Path) -> None:
    """The whole way round, no made-up file: answer a part test, export on 我的进度, read it on 班级报告."""
    page.goto((built_trainer_site / "quizzes" / "add-items-test.html").as_uri())
    form = page.locator(".cw-quiz__form").first
    answer_every_question(form)
    form.locator("button[type=submit]").click()
    if page.get_by_role("button", name="仍然提交").count():  # an ordering question left as drawn counts as blank
        page.get_by_role("button", name="仍然提交").click()
    page.locator(".cw-quiz__feedback").first.wait_for()
    page.goto((built_trainer_site / "quizzes" / "progress.html").as_uri())
    page.get_by_label("姓名").fill("王五")
    with page.expect_download() as download:
        page.get_by_role("button", name="导出进度").click()
    exported = Path(download.value.path())
    items = json.loads(exported.read_text(encoding="utf-8"))["items"]
    picked = [qid for qid, item in items.items() if "picked" in item]
    assert picked

    errors = open_report(page, built_trainer_site)
    page.get_by_label("选择文件").set_input_files(str(exported))
    page.locator(".cw-report__tools:not([hidden])").wait_for()
    assert learner_rows(page).count() == 1
    assert learner_rows(page).first.locator("th").inner_text() == "王五"
    assert question_cells(page, picked[0])[3] == "1"  # answered by the one learner
    assert page.locator(".cw-report__skipped li").count() == 0 and not errors
