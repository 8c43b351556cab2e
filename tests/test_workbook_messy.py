"""Every bundled workbook filled with messy data, recalculated by LibreOffice and compared cell by cell with
the project's evaluator (generator/workbook/compute.py): zero mismatches and zero error cells.

tests/test_workbook_methods.py then checks the evaluator's results against methods written independently in Python.
"""

from __future__ import annotations

import datetime
import math
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator.model.worksheet import Worksheet
from generator.workbook import build_workbook
from generator.workbook.compute import CellError, compute_sheet, parameter_values
from generator.workbook.layout import lay_out
from tests.messy_data import messy_rows
from tests.spreadsheet import recalculate_many
from tests.test_workbook_recalc import ERRORS, WORKSHEETS
from tests.workbook_methods import METHODS

Inputs = dict[str, list[dict[str, object]]]


def messy_inputs(worksheet: Worksheet) -> Inputs:
    return {str(sheet.title): messy_rows(str(worksheet.id), sheet) for sheet in worksheet.sheets}


def _fill(source: Path, worksheet: Worksheet, inputs: Inputs, target: Path) -> Path:
    book = openpyxl.load_workbook(source)
    for data in worksheet.sheets:
        layout, sheet = lay_out(data), book[data.title]
        for row in range(layout.first, layout.last + 1):  # the sample rows are replaced too
            for column in layout.inputs():
                sheet[f"{layout.letters[column.name]}{row}"] = None
        for offset, values in enumerate(inputs[str(data.title)]):
            for name, value in values.items():
                cell = sheet[f"{layout.letters[name]}{layout.first + offset}"]
                is_date = next(c for c in data.columns if c.name == name).type == "date"
                cell.value = datetime.date.fromisoformat(value) if is_date and _iso(value) else value
    book.save(target)
    return target


def _iso(value: object) -> bool:
    return isinstance(value, str) and len(value) == 10 and value[4] == "-"


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[openpyxl.Workbook, Inputs]]:
    folder = tmp_path_factory.mktemp("messy")
    sources, inputs = [], {}
    for worksheet in WORKSHEETS.values():
        plain = folder / f"{worksheet.id}.plain.xlsx"
        plain.write_bytes(build_workbook(worksheet))
        inputs[worksheet.id] = messy_inputs(worksheet)
        sources.append(_fill(plain, worksheet, inputs[worksheet.id], folder / f"{worksheet.id}.xlsx"))
    results = recalculate_many(sources, tmp_path_factory.mktemp("messy-recalculated"))
    return {path.stem: (openpyxl.load_workbook(path, data_only=True), inputs[path.stem]) for path in results}


def _normal(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return float((value - datetime.datetime(1899, 12, 30)).days)
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    return value


def _same(ours: Any, theirs: Any) -> bool:
    if isinstance(ours, float) and isinstance(theirs, float):
        return math.isclose(ours, theirs, rel_tol=1e-9, abs_tol=1e-9)
    return _normal(ours) == theirs


@pytest.mark.parametrize("worksheet_id", sorted(WORKSHEETS))
def test_messy_rows_match_the_evaluator_with_no_error_cells(worksheet_id: str, messy: dict[str, Any]) -> None:
    worksheet = WORKSHEETS[worksheet_id]
    book, inputs = messy[worksheet_id]
    parameters, wrong, errors, compared = parameter_values(worksheet), [], [], 0
    for data in worksheet.sheets:
        layout, sheet = lay_out(data), book[data.title]
        rows, summaries = compute_sheet(data, parameters, inputs[str(data.title)])
        for offset, row in enumerate(rows[:layout.capacity]):
            for column in data.columns:
                if column.type != "formula":
                    continue
                cell = sheet[f"{layout.letters[column.name]}{layout.first + offset}"]
                theirs, ours = _normal(cell.value), row[str(column.name)]
                compared += 1
                where = f"{data.title}!{cell.coordinate} {column.name}: ours {ours!r}, LibreOffice {theirs!r}"
                if isinstance(ours, CellError) or (isinstance(theirs, str) and theirs.startswith(ERRORS)):
                    errors.append(where)
                elif not _same(ours, theirs):
                    wrong.append(where)
        for offset, (summary, ours) in enumerate(zip(data.summary, summaries, strict=True)):
            theirs = _normal(sheet.cell(layout.summary_row + offset, 2).value)
            compared += 1
            if not _same(ours, theirs):
                wrong.append(f"{data.title} {summary.label}: ours {ours!r}, LibreOffice {theirs!r}")
    assert compared > 0
    assert errors == []
    assert wrong == []


@pytest.mark.parametrize("worksheet_id", sorted(WORKSHEETS))
def test_pasted_bad_values_are_named_in_the_check_column(worksheet_id: str, messy: dict[str, Any]) -> None:
    """Text typed into a number column, an unknown choice: the 数据检查 cell of that row says so."""
    worksheet = WORKSHEETS[worksheet_id]
    book, inputs = messy[worksheet_id]
    missed = []
    for data in worksheet.sheets:
        layout, sheet = lay_out(data), book[data.title]
        for offset, values in enumerate(inputs[str(data.title)]):
            check = sheet[f"{layout.check_letter}{layout.first + offset}"].value or ""
            for column in layout.inputs():
                value = values.get(str(column.name))
                bad = (column.type == "choice" and value is not None and value not in column.choices) or (
                    column.type in ("integer", "money", "percent", "number", "date") and isinstance(value, str)
                    and not _iso(value))
                if bad and str(column.name) not in check:
                    missed.append(f"{data.title} row {layout.first + offset}: {column.name}={value!r}, check {check!r}")
    assert missed == []


@pytest.mark.parametrize("worksheet_id", sorted(METHODS))
def test_libreoffice_results_match_the_methods_written_independently(worksheet_id: str, messy: dict[str, Any]
                                                                      ) -> None:
    worksheet = WORKSHEETS[worksheet_id]
    book, inputs = messy[worksheet_id]
    expected = METHODS[worksheet_id](inputs, parameter_values(worksheet))
    wrong, compared = [], 0
    for key, value in expected.items():
        title, name = key.split("/", 1)
        data = next(sheet for sheet in worksheet.sheets if sheet.title == title)
        layout, sheet = lay_out(data), book[title]
        if isinstance(value, list):
            cells = [sheet[f"{layout.letters[name]}{layout.first + offset}"] for offset in range(len(value))]
            pairs = [(cell.coordinate, want, cell.value) for cell, want in zip(cells, value, strict=True)]
        else:
            index = next(i for i, summary in enumerate(data.summary) if summary.label == name)
            pairs = [(f"B{layout.summary_row + index}", value, sheet.cell(layout.summary_row + index, 2).value)]
        for coordinate, want, got in pairs:
            compared += 1
            want = float(want) if isinstance(want, int) and not isinstance(want, bool) else want
            if not _same(want, _normal(got)) and not (isinstance(want, float) and isinstance(_normal(got), float)
                                                      and math.isclose(want, _normal(got), rel_tol=1e-9, abs_tol=1e-6)):
                wrong.append(f"{title}!{coordinate} {name}: method {want!r}, LibreOffice {got!r}")
    assert compared >= len(expected)
    assert wrong == []
