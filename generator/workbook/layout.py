"""Where every column, row and parameter of a worksheet lands, and formulas turned into cell references."""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from generator.model.worksheet import Column, DataSheet, Worksheet
from generator.workbook.formula import Node, emit, parse

TITLE_ROW = 1
HINT_ROW = 2
HEADER_ROW = 3
FIRST_ROW = 4


@dataclass(frozen=True)
class SheetLayout:
    sheet: DataSheet
    letters: dict[str, str]  # column name -> column letter

    @property
    def first(self) -> int:
        return FIRST_ROW

    @property
    def last(self) -> int:
        return FIRST_ROW + len(self.sheet.samples) + self.sheet.blank_rows - 1

    @property
    def summary_row(self) -> int:
        """Summaries sit under the data, one blank row apart."""
        return self.last + 2

    def span(self, name: str) -> str:
        letter = self.letters[name]
        return f"${letter}${self.first}:${letter}${self.last}"

    def inputs(self) -> list[Column]:
        return [column for column in self.sheet.columns if column.type != "formula"]

    def inputs_blank(self, row: int) -> str:
        """True while the learner has typed nothing in this row: formula cells then stay empty."""
        cells = ",".join(f"{self.letters[c.name]}{row}" for c in self.inputs())
        return f"COUNTA({cells})=0"


def lay_out(sheet: DataSheet) -> SheetLayout:
    letters: dict[str, str] = {column.name: get_column_letter(index)
                               for index, column in enumerate(sheet.columns, start=1)}
    return SheetLayout(sheet, letters)


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
    return f"{layout.letters[node.text]}{row}"


def column_format(column: Column) -> str:
    """Display format of a column: its type for inputs, `format` (default number) for formulas."""
    if column.type == "formula":
        return column.format or "number"
    return "text" if column.type == "choice" else column.type
