"""Where every column, row and parameter of a worksheet lands, and formulas turned into cell references.

Rows, top to bottom: title, hint, the summaries (above the data, so a growing table never pushes them out of
sight or out of their ranges), one blank row, the header, then `rows` prepared data rows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from generator.model.worksheet import Column, DataSheet, Worksheet
from generator.workbook.formula import Node, emit, names_used, parse

TITLE_ROW = 1
HINT_ROW = 2
SUMMARY_ROW = 3
NUMERIC_TYPES = ("integer", "money", "percent", "number", "date")
EPOCH = datetime.date(1899, 12, 30)


@dataclass(frozen=True)
class SheetLayout:
    sheet: DataSheet
    letters: dict[str, str]  # column name -> column letter

    @property
    def summary_row(self) -> int:
        return SUMMARY_ROW

    @property
    def header(self) -> int:
        return SUMMARY_ROW + len(self.sheet.summary) + 1 if self.sheet.summary else SUMMARY_ROW

    @property
    def first(self) -> int:
        return self.header + 1

    @property
    def capacity(self) -> int:
        """Prepared data rows: at least `rows`, and room for `blank_rows` after the samples."""
        return max(self.sheet.rows, len(self.sheet.samples) + self.sheet.blank_rows)

    @property
    def last(self) -> int:
        return self.first + self.capacity - 1

    @property
    def check_letter(self) -> str:
        """The 数据检查 column, right of the author's columns."""
        return get_column_letter(len(self.sheet.columns) + 1)

    def span(self, name: str) -> str:
        letter = self.letters[name]
        return f"${letter}${self.first}:${letter}${self.last}"

    def above(self, name: str, row: int) -> str:
        """The column from its header to the row above: the header is text, so counts over it start at 0."""
        letter = self.letters[name]
        return f"${letter}${self.header}:{letter}{row - 1}"

    def inputs(self) -> list[Column]:
        return [column for column in self.sheet.columns if column.type != "formula"]

    def inputs_blank(self, row: int) -> str:
        """True while the learner has typed nothing in this row: formula cells then stay empty."""
        cells = ",".join(f"{self.letters[c.name]}{row}" for c in self.inputs())
        return f"COUNTA({cells})=0"

    def missing(self, required: list[Column], row: int) -> str:
        """True when a required input is blank, or not a number where a number is needed; '' when none."""
        numeric = [f"{self.letters[c.name]}{row}" for c in required if is_numeric(c)]
        other = [f'{self.letters[c.name]}{row}=""' for c in required if not is_numeric(c)]
        tests = ([f"COUNT({','.join(numeric)})<{len(numeric)}"] if numeric else []) + other
        # a value outside the bounds the author wrote (a retention of 105%) is no more usable than a blank
        for column in required:
            cell = f"{self.letters[column.name]}{row}"
            tests += [f"{cell}{op}{_number(serial(limit.value))}" for op, limit in
                      (("<", column.min), (">", column.max)) if limit is not None and column.type != "formula"]
        if not tests:
            return ""
        return tests[0] if len(tests) == 1 else f"OR({','.join(tests)})"


class _RowMark(int):
    """Stands for "this row" while a column's formula is written once for all its rows (`fill_row` puts the
    number in): 200 rows × every column made each formula again, a fifth of a workbook's time. An int, so the
    code that writes one row's formula takes it unchanged; it prints as a mark no author text can hold (the
    loader refuses control characters)."""

    def __format__(self, spec: str) -> str:
        return "\x00r" if self == ROW else "\x00p"

    def __sub__(self, other: int) -> int:
        return _ABOVE if self == ROW and other == 1 else int(self) - other


ROW = _RowMark(-1)
_ABOVE = _RowMark(-2)


def fill_row(template: str, row: int) -> str:
    """A formula written for `ROW`, for one real row."""
    return template.replace("\x00r", str(row)).replace("\x00p", str(row - 1))


def serial(value: object) -> float:
    """A bound as the spreadsheet stores it: dates as day numbers since 1899-12-30."""
    if isinstance(value, str):
        return float((datetime.date.fromisoformat(value) - EPOCH).days)
    return float(value)  # type: ignore[arg-type]


def out_of_bounds(column: Column, value: object) -> bool:
    """A number outside the column's own min / max (the defaults only flag, they do not exclude)."""
    return column.type != "formula" and isinstance(value, float) and (
        (column.min is not None and value < serial(column.min.value))
        or (column.max is not None and value > serial(column.max.value)))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def is_numeric(column: Column) -> bool:
    """Numbers and dates typed in, or a formula shown as one (whose text results mean 'no number here')."""
    return column_format(column) in NUMERIC_TYPES if column.type == "formula" else column.type in NUMERIC_TYPES


def lay_out(sheet: DataSheet) -> SheetLayout:
    letters: dict[str, str] = {str(column.name): get_column_letter(index)
                               for index, column in enumerate(sheet.columns, start=1)}
    return SheetLayout(sheet, letters)


def requirements(sheet: DataSheet, column: Column) -> list[Column]:
    """What a formula column needs in its own row: the inputs it reads, directly or through other formula
    columns, and those numeric formula columns themselves (a text result there, such as 缺数据, is no number)."""
    by_name: dict[str, Column] = {str(c.name): c for c in sheet.columns}
    found: dict[str, Column] = {}
    _collect(sheet, column, by_name, found, set())
    return [c for c in sheet.columns if c.name in found]


def _collect(sheet: DataSheet, column: Column, by_name: dict[str, Column], found: dict[str, Column],
             seen: set[str]) -> None:
    if column.name in seen:
        return  # a cycle is the validator's to report
    seen.add(column.name)
    if column.requires is not None:
        names = [str(name) for name in column.requires]
    else:
        names = [node.text for node in names_used(parse(column.formula or "")) if node.kind == "name"]
    for name in names:
        other = by_name.get(name)
        if other is None:
            continue
        if other.type == "formula":
            if is_numeric(other):
                found[other.name] = other
            _collect(sheet, other, by_name, found, seen)
        else:
            found[other.name] = other


def condition_requirements(sheet: DataSheet, source: str) -> list[Column]:
    """The inputs a highlight condition needs: those of every column it names in this row."""
    by_name: dict[str, Column] = {str(c.name): c for c in sheet.columns}
    found: dict[str, Column] = {}
    for node in names_used(parse(source)):
        column = by_name.get(node.text)
        if node.kind != "name" or column is None:
            continue
        if column.type == "formula":
            for needed in requirements(sheet, column):
                found[needed.name] = needed
            if is_numeric(column):
                found[column.name] = column
        else:
            found[column.name] = column
    return [c for c in sheet.columns if c.name in found]


def parameter_names(worksheet: Worksheet) -> set[str]:
    """Parameters become workbook-defined names of the same (Chinese) name: LibreOffice, Excel and WPS accept them."""
    return {str(parameter.name) for parameter in worksheet.parameters}


def row_formula(source: str, layout: SheetLayout, row: int, parameters: set[str]) -> str:
    """Excel text of a column formula for one row, without the leading '='."""
    return emit(parse(source), lambda node: _resolve(node, layout, row, parameters))


def sheet_formula(source: str, layout: SheetLayout, parameters: set[str]) -> str:
    """Excel text of a summary formula: whole columns and parameters only."""
    return emit(parse(source), lambda node: _resolve(node, layout, None, parameters))


def _resolve(node: Node, layout: SheetLayout, row: int | None, parameters: set[str]) -> str:
    if node.kind == "column":
        return layout.span(node.text)
    if node.text in parameters:
        return node.text
    if row is None:
        raise KeyError(node.text)  # the validator reports it; a valid worksheet never gets here
    if node.kind == "above":
        return layout.above(node.text, row)
    return f"{layout.letters[node.text]}{row}"


def column_format(column: Column) -> str:
    """Display format of a column: its type for inputs, `format` (default number) for formulas."""
    if column.type == "formula":
        return column.format or "number"
    return "text" if column.type == "choice" else column.type
