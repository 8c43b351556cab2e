"""Generated workbooks read back with openpyxl: layout, protection, validation, formats, print setup, bytes."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from generator.load.course import load_course
from generator.model.text import Text, Value
from generator.workbook import build_workbook, formula_count, make_workbook
from generator.workbook.style import display_width, fit_width, wrapped_height
from tests.worksheet_factory import column, margin_worksheet

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def book() -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(build_workbook(margin_worksheet())))


def test_instructions_sheet_comes_first_then_data_sheets(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == ["说明", "毛利"]
    assert book["说明"]["A1"].value == "毛利表"


def test_headers_are_chinese_and_frozen(book: openpyxl.Workbook) -> None:
    sheet = book["毛利"]
    assert [cell.value for cell in sheet[5]] == ["客户", "级别", "销售额", "成本", "签约日", "毛利率", "数据检查"]
    assert sheet.freeze_panes == "B6"  # the summary above the header stays in view too
    assert sheet.auto_filter.ref == "A5:G10"


def test_inputs_unlocked_formulas_locked_sheets_protected_without_password(book: openpyxl.Workbook) -> None:
    for sheet in book.worksheets:
        assert sheet.protection.sheet and not sheet.protection.password
        assert not (sheet.protection.sort or sheet.protection.autoFilter or sheet.protection.insertRows)
    sheet = book["毛利"]
    for row in range(6, 11):  # one sample row and four blank rows
        assert all(not sheet.cell(row, col).protection.locked for col in range(1, 6))
        assert sheet.cell(row, 6).protection.locked
        assert sheet.cell(row, 1).fill.fgColor.rgb != sheet.cell(row, 6).fill.fgColor.rgb


def test_blank_rows_show_empty_text_until_an_input_is_typed(book: openpyxl.Workbook) -> None:
    sheet = book["毛利"]
    assert sheet["F6"].value == '=IF(COUNTA(A6,B6,C6,D6,E6)=0,"",IF(COUNT(C6,D6)<2,"缺数据",ROUND((C6-D6)/C6,4)))'
    assert sheet["F10"].value.startswith('=IF(COUNTA(A10,B10,C10,D10,E10)=0,"",')
    assert sheet["F11"].value is None  # the data range ends after the prepared rows
    assert (sheet["A3"].value, sheet["B3"].value) == ("合计", "=SUM($C$6:$C$10)")  # above the data


def test_parameters_are_named_unlocked_cells(book: openpyxl.Workbook) -> None:
    name = book.defined_names["底线"]
    (sheet_title, cell), = name.destinations
    assert sheet_title == "说明"
    assert book[sheet_title][cell.replace("$", "")].value == 0.15
    assert not book[sheet_title][cell.replace("$", "")].protection.locked


def test_dropdowns_and_type_checks_carry_chinese_prompts(book: openpyxl.Workbook) -> None:
    rules = {str(rule.sqref): rule for rule in book["毛利"].data_validations.dataValidation}
    choice = rules["B6:B10"]
    assert (choice.type, choice.formula1) == ("list", '"A,B"')
    assert choice.showErrorMessage and choice.showInputMessage
    assert "下拉列表" in choice.error and choice.prompt == "从下拉列表中选择"
    assert rules["C6:C10"].type == "decimal" and "金额" in rules["C6:C10"].error
    assert (rules["C6:C10"].formula1, rules["C6:C10"].formula2) == ("0", "999999999999")  # money is not negative
    assert rules["E6:E10"].type == "date"
    assert rules["A6:A10"].prompt == "客户简称"
    assert "F6:F10" not in rules


def test_number_formats(book: openpyxl.Workbook) -> None:
    sheet = book["毛利"]
    assert sheet["C6"].number_format == '"¥"#,##0.00'
    assert sheet["E6"].number_format == "yyyy-mm-dd"
    assert sheet["F6"].number_format == "0.0%"
    assert sheet["E6"].value.date().isoformat() == "2025-01-02"
    assert book["说明"][book.defined_names["底线"].attr_text.split("!")[1].replace("$", "")].number_format == "0.0%"


def test_conditional_formatting_skips_blank_rows(book: openpyxl.Workbook) -> None:
    rules = {str(entry.sqref): [rule.formula for rule in entry.rules] for entry in book["毛利"].conditional_formatting}
    # blank rows and rows whose margin is 缺数据 (text, which compares above any number) stay plain
    assert rules["F6:F10"] == [["AND(NOT(COUNTA(A6,B6,C6,D6,E6)=0),NOT(COUNT(C6,D6,F6)<3),F6<底线)"]]
    # pasted values that validation never saw: red input cells and a line in 数据检查
    assert rules["C6:C10"] == [['IF(ISNUMBER(C6),OR(C6<0,C6>999999999999),C6<>"")']]
    assert rules["B6:B10"] == [['AND(B6<>"",NOT(OR(B6="A",B6="B")))']]
    assert rules["G6:G10"] == [['G6<>""']]


def test_print_setup(book: openpyxl.Workbook) -> None:
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.oddFooter.center.text == "第 &P 页 / 共 &N 页"
    assert book["毛利"].print_title_rows == "$1:$5"


def test_widths_count_chinese_characters_twice() -> None:
    assert display_width("客户abc") == 7
    assert fit_width(["宁波海川汽车部件有限公司"]) == 26
    assert fit_width(["a"]) == 8
    assert fit_width(["很" * 60]) == 40


def test_two_builds_give_identical_bytes_with_fixed_times() -> None:
    first, second = build_workbook(margin_worksheet()), build_workbook(margin_worksheet())
    assert first == second
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {info.date_time for info in archive.infolist()} == {(2024, 1, 1, 0, 0, 0)}
    core = archive.read("docProps/core.xml").decode()
    assert "2024-01-01T00:00:00Z" in core


def test_bundled_workbooks_are_deterministic_and_count_formulas() -> None:
    loaded = load_course(REPO)
    assert loaded.course is not None
    for worksheet in loaded.course.worksheets:
        assert build_workbook(worksheet) == build_workbook(worksheet), worksheet.id
        assert formula_count(make_workbook(worksheet)) > 0


def test_instruction_rows_grow_with_their_text() -> None:
    worksheet = margin_worksheet()
    long = "很长的说明" * 40  # 400 display columns: several lines in the merged B:C cell
    instructions = dataclasses.replace(worksheet.instructions, purpose=Text(long))
    sheet = make_workbook(dataclasses.replace(worksheet, instructions=instructions))["说明"]
    assert sheet["B3"].value == long
    assert sheet.row_dimensions[3].height == wrapped_height(long, 86) > 3 * wrapped_height("短", 86)


def test_parameter_cells_check_their_type(book: openpyxl.Workbook) -> None:
    (rule,) = book["说明"].data_validations.dataValidation
    assert rule.type == "decimal" and rule.prompt == "接单底线"


def test_numeric_choices_stay_numbers_so_formulas_compare_them_as_numbers() -> None:
    worksheet = margin_worksheet()
    sheet = worksheet.sheets[0]
    score = column("评分", "choice", choices=(Text("1"), Text("5")))
    samples = ({**sheet.samples[0], Text("评分"): Value(5)},)
    sheet = dataclasses.replace(sheet, columns=(*sheet.columns, score), samples=samples)
    book = make_workbook(dataclasses.replace(worksheet, sheets=(sheet,)))
    assert book["毛利"]["G6"].value == 5
    assert book["毛利"]["A6"].value == "甲厂"
    assert 'G6=5' in book["毛利"]["H6"].value  # 数据检查 compares the numeric choice as a number


def test_parameters_sit_under_their_own_heading(book: openpyxl.Workbook) -> None:
    sheet = book["说明"]
    (_title, cell), = book.defined_names["底线"].destinations
    row = int(cell.split("$")[-1])
    assert [sheet.cell(row - 1, col).value for col in (1, 2, 3)] == ["参数（可以改）", "取值", "含义"]
    assert [sheet.cell(row, col).value for col in (1, 3)] == ["底线", "接单底线"]
    assert sheet.cell(row + 1, 1).value is None  # a blank row before the next block


def test_money_columns_are_wide_enough_for_their_decimals() -> None:
    worksheet = margin_worksheet()
    sheet = worksheet.sheets[0]
    samples = ({**sheet.samples[0], Text("成本"): Value(36000)},)
    book = make_workbook(dataclasses.replace(worksheet, sheets=(dataclasses.replace(sheet, samples=samples),)))
    assert book["毛利"].column_dimensions["D"].width >= display_width("¥36,000.00") + 2


def test_summary_values_fit_the_second_column(book: openpyxl.Workbook) -> None:
    assert book["毛利"].column_dimensions["B"].width >= display_width("¥1,000.00") + 2


def test_bytes_do_not_depend_on_the_process() -> None:
    """Set and dict order may change with the hash seed between runs; the workbook must not."""
    script = ("import hashlib, sys; from pathlib import Path; from generator.load.course import load_course; "
              "from generator.workbook import build_workbook; "
              "course = load_course(Path(sys.argv[1])).course; "
              "print([hashlib.sha256(build_workbook(w)).hexdigest() for w in course.worksheets])")
    digests = {subprocess.run([sys.executable, "-c", script, str(REPO)], capture_output=True, text=True, check=True,
                              cwd=REPO, env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(digests) == 1


_EMPTY_NUMBER = re.compile(r'<c r="[A-Z0-9]+"(?: s="[0-9]+")?><f>[^<]*</f>(?:<v ?/>|<v></v>)</c>')


@pytest.mark.parametrize("use_lxml", ["True", "False"])
def test_every_formula_cell_keeps_a_value_with_either_xml_writer(use_lxml: str, tmp_path: Path) -> None:
    """openpyxl writes an empty value differently when lxml is installed; phones show the stored value either way."""
    script = ("import sys; from pathlib import Path; from generator.load.course import load_course; "
              "from generator.workbook import build_workbook; "
              "Path(sys.argv[2]).write_bytes(build_workbook(load_course(Path(sys.argv[1])).course.worksheets[0]))")
    subprocess.run([sys.executable, "-c", script, str(REPO), str(tmp_path / "book.xlsx")], check=True, cwd=REPO,
                   env={**os.environ, "OPENPYXL_LXML": use_lxml})
    xml = zipfile.ZipFile(tmp_path / "book.xlsx").read("xl/worksheets/sheet2.xml").decode()
    assert "</f><v>" in xml
    assert _EMPTY_NUMBER.findall(xml) == []
