"""Checks for values that bypass data validation (pasted, imported): the 数据检查 column and red input cells.

Data validation only stops what is typed; a paste from another file goes straight in. So every prepared row
also gets a formula that names each bad value, and every input cell turns red when its value is out of bounds.
"""

from __future__ import annotations

import re
from copy import copy
from typing import Any, cast

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet as Sheet

from generator.locale import ui
from generator.model.text import Value
from generator.model.worksheet import Column
from generator.workbook import style
from generator.workbook.layout import NUMERIC_TYPES, ROW, SheetLayout, fill_row, serial

# Bounds when the YAML gives none: money and counts are not negative; percent up to ±1000% catches "25" for 25%.
DEFAULT_BOUNDS: dict[str, tuple[float, float]] = {
    "integer": (0, 999_999_999),
    "money": (0, 999_999_999_999),
    "number": (-999_999_999_999, 999_999_999_999),
    "percent": (-10, 10),
    "date": (1, 73415),  # 1900-01-01 .. 2100-12-31 as serial numbers
}
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def bounds(kind: str, low: Value | None, high: Value | None) -> tuple[float, float] | None:
    if kind not in DEFAULT_BOUNDS:
        return None
    default_low, default_high = DEFAULT_BOUNDS[kind]
    return (serial(low.value) if low is not None else default_low,
            serial(high.value) if high is not None else default_high)


def add_check_column(sheet: Sheet, layout: SheetLayout) -> None:
    letter = layout.check_letter
    header = sheet[f"{letter}{layout.header}"]
    header.value = ui("ws_check")
    header.fill, header.font, header.alignment, header.border = (
        style.HEADER_FILL, style.HEADER_FONT, style.CENTER, style.GRID)
    sheet.column_dimensions[letter].width = 30
    first = sheet[f"{letter}{layout.first}"]
    first.fill, first.border = style.FORMULA_FILL, style.GRID
    first_style = cast(Any, first)._style
    template = check_formula(layout, ROW)
    for row in range(layout.first, layout.last + 1):
        cell: Any = sheet[f"{letter}{row}"]
        cell.value = fill_row(template, row)
        cell._style = copy(first_style)  # one style object for the column, as in build._write_column
    fill, colour = style.HIGHLIGHTS["bad"]
    red = {"fill": PatternFill("solid", bgColor=fill), "font": Font(color=colour)}
    span = f"{letter}{layout.first}:{letter}{layout.last}"
    sheet.conditional_formatting.add(span, FormulaRule(formula=[f'{letter}{layout.first}<>""'], **red))
    for column in layout.inputs():
        bad = bad_value(column, f"{layout.letters[column.name]}{layout.first}")
        if bad:
            target = layout.span(column.name).replace("$", "")
            sheet.conditional_formatting.add(target, FormulaRule(formula=[bad], **red))


def check_formula(layout: SheetLayout, row: int) -> str:
    pieces = []
    for column in layout.inputs():
        cell = f"{layout.letters[column.name]}{row}"
        test = bad_value(column, cell)
        if test:
            pieces.append(f'IF({test},"{column.name}{ui("ws_check_" + _kind(column))}；","")')
    if not pieces:
        return ""
    return f'=IF({layout.inputs_blank(row)},"",{"&".join(pieces)})'


def _kind(column: Column) -> str:
    return "choice" if column.type == "choice" else "date" if column.type == "date" else "number"


def bad_value(column: Column, cell: str) -> str:
    """An Excel condition true when the cell holds something its column does not accept ('' when anything goes)."""
    if column.type == "choice":
        options = ",".join(f"{cell}={_literal(choice)}" for choice in column.choices)
        return f'AND({cell}<>"",NOT(OR({options})))'
    if column.type not in NUMERIC_TYPES:
        return ""
    limits = bounds(column.type, column.min, column.max)
    assert limits is not None
    low, high = (_number(value) for value in limits)
    whole = f",{cell}<>ROUND({cell},0)" if column.type in ("integer", "date") else ""
    # IF, not OR: ROUND of a text is #VALUE!, and OR evaluates every argument
    return f'IF(ISNUMBER({cell}),OR({cell}<{low},{cell}>{high}{whole}),{cell}<>"")'


def _literal(choice: str) -> str:
    """Choices written as numbers are stored as numbers, so they are compared as numbers."""
    return choice if _NUMBER.match(choice) else '"' + choice.replace('"', '""') + '"'


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
