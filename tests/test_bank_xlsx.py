"""The .xlsx bank: the bundled course's banks exported, imported back into quizzes/*.yaml and loaded equal to the
original (lossless); messy sheets reported cell by cell, all at once, with nothing written."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator import cli
from generator.export import sheet as layout
from generator.export.bank_reader import read_bank_file
from generator.export.bank_writer import write_workbook
from generator.export.exchange import export_banks, import_bank
from generator.formatter import format_text
from generator.load.binder import Binder
from generator.load.course import load_course
from generator.load.yamlsource import load_file
from generator.model.quiz import QuestionBank
from tests.bank_samples import bundled_course, copy_course_without_banks, odd_bank


def _question_count() -> int:
    return sum(len(bank.questions) for bank in bundled_course().banks)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    result = export_banks(bundled_course(), ("xlsx",), out)
    assert result.questions == {"xlsx": _question_count()} and result.gaps == []
    return out / "xlsx" / "bank.xlsx"


def test_round_trip_is_lossless(exported: Path, tmp_path: Path) -> None:
    course = copy_course_without_banks(tmp_path / "course")
    written, problems = import_bank(exported, "bank.xlsx", course / "quizzes")
    assert problems == []
    assert len(written) == 9
    loaded = load_course(course)
    assert [p for p in loaded.problems if p.is_error] == []
    assert loaded.course is not None
    original = bundled_course().banks
    assert loaded.course.banks == original
    assert sum(len(bank.questions) for bank in loaded.course.banks) == _question_count() > 150
    assert [len(bank.quizzes) for bank in loaded.course.banks] == [len(bank.quizzes) for bank in original]


def test_odd_bank_round_trips_too(tmp_path: Path) -> None:
    bank = odd_bank()
    data, gaps = write_workbook((bank,), "odd")
    assert gaps == []
    (tmp_path / "odd.xlsx").write_bytes(data)
    written, problems = import_bank(tmp_path / "odd.xlsx", "odd.xlsx", tmp_path / "quizzes")
    assert problems == [] and [path.name for path in written] == ["odd.yaml"]
    # no syllabus beside it (its node "n" is made up): the written file is bound on its own, as the loader would
    node, load_problems = load_file(written[0], "quizzes/odd.yaml")
    assert load_problems == [] and node is not None
    binder = Binder()
    assert binder.bind(node, QuestionBank) == bank
    assert binder.problems == []


def test_the_same_banks_give_the_same_bytes() -> None:
    banks = bundled_course().banks
    assert write_workbook(banks, "t")[0] == write_workbook(banks, "t")[0]


def _single_row(sheet: Any, letter: dict[str, str]) -> int:
    """A single-choice row with four options and rows 7-12 left for the other faults (banks grow: not fixed)."""
    return next(row for row in range(13, sheet.max_row + 1) if sheet[f"{letter['题型']}{row}"].value == "单选题"
                and sheet[f"{letter['选项D']}{row}"].value and not sheet[f"{letter['选项E']}{row}"].value)


def _messy(exported: Path, target: Path) -> Path:
    book = openpyxl.load_workbook(exported)
    sheet = book[layout.QUESTIONS]
    letter = {name: layout.letter_of(layout.QUESTION_COLUMNS, name) for name in layout.HEADERS}
    sheet[f"{letter['题干']}7"] = "   "                 # blank stem
    sheet[f"{letter['答案']}{_single_row(sheet, letter)}"] = "E"  # no option E in that single-choice row
    sheet[f"{letter['分值']}9"] = "两分"                 # text in a score cell
    sheet[f"{letter['题型']}10"] = "填空题"              # a type courseware does not have
    sheet[f"{letter['题目ID']}11"] = sheet[f"{letter['题目ID']}2"].value  # an id used twice
    sheet[f"{letter['难度']}12"] = "很难"
    sheet.cell(row=1, column=sheet.max_column + 1, value="解释")  # a typo'd header: warned, not imported
    book.save(target)
    return target


def test_messy_sheet_reports_every_bad_cell_at_once(exported: Path, tmp_path: Path) -> None:
    messy = _messy(exported, tmp_path / "messy.xlsx")
    written, problems = import_bank(messy, "messy.xlsx", tmp_path / "quizzes")
    assert written == [] and not (tmp_path / "quizzes").exists()
    letter = {name: layout.letter_of(layout.QUESTION_COLUMNS, name) for name in layout.HEADERS}
    found = {(str(p.loc), p.code) for p in problems}
    single = _single_row(openpyxl.load_workbook(exported)[layout.QUESTIONS], letter)
    assert found == {
        (f"messy.xlsx:题目!{letter['题干']}7", "bank-blank-cell"),
        (f"messy.xlsx:题目!{letter['答案']}{single}", "bank-answer-letter"),
        (f"messy.xlsx:题目!{letter['分值']}9", "bank-score"),
        (f"messy.xlsx:题目!{letter['题型']}10", "bank-unknown-type"),
        (f"messy.xlsx:题目!{letter['题目ID']}11", "bank-duplicate-id"),
        (f"messy.xlsx:题目!{letter['难度']}12", "bank-difficulty"),
        (f"messy.xlsx:题目!{openpyxl.utils.get_column_letter(len(layout.HEADERS) + 1)}1", "bank-unknown-column"),
    }
    text = format_text(problems, tmp_path)
    assert f"messy.xlsx:题目!{letter['答案']}{single}: error[bank-answer-letter]: 答案“E”不在选项 A–D 之中" in text
    assert "提示：本表的列：" in text  # the typo'd header lists the columns there are


def test_a_plain_exam_system_sheet_imports() -> None:
    """Only the standard columns plus bank and node: ids are made from the row, answers written loosely."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = layout.QUESTIONS
    for row in (["题型", "题干", "选项A", "选项B", "选项C", "答案", "解析", "分值", "难度", "标签", "题库", "大纲节点"],
                ["单选", "客户压价 3%？", "问原因", "直接降", "拒绝", "Ａ", "先问清。", 0.5, 3, "守价", "x", "n"],
                ["多选题", "急单的代价？", "加班", "换线", "涨价", "A、B", "解析", "1", "中等", "交期|成本", "x", "n"],
                ["判断题", "账期越长越好。", None, None, None, "错", "有资金成本。", 1, None, None, "x", "n"]):
        sheet.append(row)
    sheet.append([None] * 12)  # blank rows are skipped
    buffer = io.BytesIO()
    book.save(buffer)
    path = Path(__file__).parent / "__plain_bank.xlsx"
    try:
        path.write_bytes(buffer.getvalue())
        banks, problems = read_bank_file(path, "plain.xlsx")
    finally:
        path.unlink()
    assert problems == []
    (bank,) = banks
    single, multiple, truefalse = bank["questions"]
    assert (single["id"], single["difficulty"], single["tags"]) == ("x-2", 3, ["守价"])
    assert [o.get("correct", False) for o in single["options"]] == [True, False, False]
    assert [o.get("correct", False) for o in multiple["options"]] == [True, True, False]
    assert multiple["tags"] == ["交期", "成本"]
    assert (truefalse["answer"], truefalse["id"]) == (False, "x-4")


def test_not_a_workbook_is_one_error_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bank.xlsx"
    bad.write_text("题型,题干\n单选,x\n", encoding="utf-8")
    status = cli.main(["--course", str(tmp_path), "import-bank", str(bad)])
    err = capsys.readouterr().err
    assert status == 1
    assert "error[bank-unreadable]" in err and "Traceback" not in err
    assert not (tmp_path / "quizzes").exists()
    missing = cli.main(["--course", str(tmp_path), "import-bank", str(tmp_path / "none.xlsx")])
    assert missing == 1 and "error[bank-unreadable]" in capsys.readouterr().err


def test_export_command_writes_every_format_and_the_report(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import copy_bundled_course

    course = copy_bundled_course(tmp_path / "course")
    assert cli.main(["--course", str(course), "export", "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    total = _question_count()
    ordering_count = sum(q.type == "ordering" for bank in bundled_course().banks for q in bank.questions)
    for line in (f"Moodle XML：8 个文件，{total} 道题", f"GIFT：8 个文件，{total - ordering_count} 道题",
                 f".xlsx：1 个文件，{total} 道题"):
        assert line in out
    report = (tmp_path / "out" / "report.txt").read_text(encoding="utf-8")
    gaps = int(re.search(r"以下 (\d+) 处", report)[1])  # type: ignore[index]
    assert report.count("\n") - 2 == gaps > 20  # heading, blank line, then one line per gap
    ordering = next(q for bank in bundled_course().banks for q in bank.questions if q.id == "tm-stage-asks")
    assert ordering.loc.path == "quizzes/terms.yaml" and ordering.loc.line > 1
    assert f"{ordering.loc}: tm-stage-asks（GIFT）：GIFT 没有排序题" in report


def _sheet_file(tmp_path: Path, rows: list[list[object]], title: str = layout.QUESTIONS) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    sheet.append(["题型", "题干", "选项A", "选项B", "选项C", "答案", "解析", "题库", "大纲节点",
                  "配对A", "配对B", "评级A"])
    for row in rows:
        sheet.append(row)
    path = tmp_path / "rows.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize(("row", "cell", "code"), [
    (["单选", "题", "甲", None, "丙", "A", "解", "x", "n"], "D2", "bank-option-gap"),
    (["单选", "题", "甲", "乙", None, "AB", "解", "x", "n"], "F2", "bank-single-answer"),
    (["单选", "题", "甲", None, None, "A", "解", "x", "n"], "D2", "bank-few-options"),
    (["多选", "题", "甲", "乙", None, None, "解", "x", "n"], "F2", "bank-blank-cell"),
    (["排序题", "题", "甲", "乙", "丙", "ABA", "解", "x", "n"], "F2", "bank-ordering-answer"),
    (["判断", "题", None, None, None, "也许", "解", "x", "n"], "F2", "bank-truefalse-answer"),
    (["匹配题", "题", "甲", "乙", None, None, "解", "x", "n", "一", None], "K2", "bank-blank-cell"),
    (["情境题", "题", "甲", "乙", None, "A", "解", "x", "n", None, None, "很好"], "L2", "bank-rating"),
    (["单选", "题", "甲", "乙", None, "A", "解", "X 库", "n"], "H2", "bank-bad-id"),
    (["单选", "题", "甲", "乙", None, "A", None, "x", "n"], "G2", "bank-blank-cell"),
    (["单选", "题", "甲", "乙", None, "A", "解", "x", None], "I2", "bank-blank-cell"),
])
def test_each_bad_cell_is_named(tmp_path: Path, row: list[object], cell: str, code: str) -> None:
    banks, problems = read_bank_file(_sheet_file(tmp_path, [row]), "rows.xlsx")
    assert [(str(p.loc), p.code) for p in problems] == [(f"rows.xlsx:题目!{cell}", code)]
    assert banks == [] or banks[0]["questions"] == []  # a row with an error is never half-imported


def test_a_workbook_without_the_questions_sheet(tmp_path: Path) -> None:
    _, problems = read_bank_file(_sheet_file(tmp_path, [], title="Sheet1"), "rows.xlsx")
    assert [(str(p.loc), p.code) for p in problems] == [("rows.xlsx", "bank-no-sheet")]


def test_export_refuses_a_course_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import copy_bundled_course

    course = copy_bundled_course(tmp_path / "course")
    bank = course / "quizzes" / "terms.yaml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("type: single", "type: singel", 1), encoding="utf-8")
    assert cli.main(["--course", str(course), "export", "--out", str(tmp_path / "out")]) == 1
    assert "quizzes/terms.yaml:" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_sheet_without_a_needed_column_says_so_once(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = layout.QUESTIONS
    for row in (["题型", "题干", "选项A", "选项B", "答案"], ["单选", "题", "甲", "乙", "A"],
                ["单选", "题", "甲", "乙", "B"]):
        sheet.append(row)
    book.save(tmp_path / "few.xlsx")
    _, problems = read_bank_file(tmp_path / "few.xlsx", "few.xlsx")
    assert [(str(p.loc), p.code, p.message) for p in problems] == [
        ("few.xlsx:题目!1", "bank-missing-column", f"“题目”表没有“{header}”这一列")
        for header in ("解析", "题库", "大纲节点")]


def test_an_output_folder_that_is_a_file_is_one_message(exported: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "taken").write_text("", encoding="utf-8")
    status = cli.main(["--course", str(tmp_path), "import-bank", str(exported), "--out", str(tmp_path / "taken")])
    err = capsys.readouterr().err
    assert status == 2 and "无法写入" in err and "Traceback" not in err
