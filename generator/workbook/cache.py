"""Results stored in the file beside each formula, computed by the project's evaluator at build time.

Excel, WPS and LibreOffice recalculate on opening (the workbook asks for a full calculation on load); phone
previews and chat apps do not, and show whatever value the file holds. Without these, every grey cell is empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

from generator.model.worksheet import Chart, Worksheet
from generator.workbook.charts import helper_column
from generator.workbook.compute import CellError, Unsupported, compute_sheet, parameter_values
from generator.workbook.layout import SheetLayout, lay_out

Values = dict[str, object]  # cell reference -> value
# openpyxl writes an empty value as <v/> with its own XML writer and as <v></v> when lxml is installed.
_FORMULA_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"((?: [a-z]+="[^"]*")*)><f>(.*?)</f>(?:<v ?/>|<v></v>)</c>', re.DOTALL)


def cached_values(worksheet: Worksheet) -> list[Values]:
    """One mapping per data sheet, in workbook order; a sheet using TODAY() is left to the spreadsheet."""
    parameters = parameter_values(worksheet)
    sheets: list[Values] = []
    for data in worksheet.sheets:
        layout, values = lay_out(data), {}
        try:
            rows, summaries = compute_sheet(data, parameters)
        except Unsupported:
            sheets.append({})
            continue
        for offset, row in enumerate(rows[:layout.capacity]):
            for column in data.columns:
                if column.type == "formula":
                    values[f"{layout.letters[column.name]}{layout.first + offset}"] = row[str(column.name)]
            values[f"{layout.check_letter}{layout.first + offset}"] = ""  # samples are checked against the bounds
        for offset, value in enumerate(summaries):
            values[f"B{layout.summary_row + offset}"] = value
        for chart in data.charts:
            if chart.type == "pareto":
                values.update(_pareto_values(layout, chart, rows))
        sheets.append(values)
    return sheets


def _pareto_values(layout: SheetLayout, chart: Chart, rows: list[dict[str, object]]) -> Values:
    """The sorted block as the spreadsheet fills it: INDEX of an empty cell is 0, the share runs to 100%."""
    assert chart.rank is not None
    by_rank = {row[str(chart.rank)]: row for row in rows if isinstance(row[str(chart.rank)], float)}
    amounts = [row[str(chart.series[0])] for row in rows]
    total = sum(v for v in amounts if isinstance(v, float) and not isinstance(v, bool))
    name, value, share = (get_column_letter(helper_column(layout, chart) + i) for i in range(3))
    values: Values = {}
    running = 0.0
    for k in range(1, chart.rows + 1):
        row, at = by_rank.get(float(k)), layout.first + k - 1
        found = [None, None] if row is None else [row[str(chart.categories)], row[str(chart.series[0])]]
        shown = ["" if row is None else 0.0 if v is None else v for v in found]
        values[f"{name}{at}"], values[f"{value}{at}"] = shown
        if isinstance(shown[1], float) and total:
            running += shown[1]
            values[f"{share}{at}"] = running / total
        else:
            values[f"{share}{at}"] = ""
    return values


def cached_values_filler(sheets: list[Values]) -> Callable[[str, bytes], bytes]:
    """A change for `workbook_bytes`: each data sheet's formula cells given their value (the instructions
    sheet is first)."""

    def fill(name: str, content: bytes) -> bytes:
        number = re.fullmatch(r"xl/worksheets/sheet([0-9]+)\.xml", name)
        if number and 2 <= int(number.group(1)) <= len(sheets) + 1:
            return _store(content.decode("utf-8"), sheets[int(number.group(1)) - 2]).encode("utf-8")
        return content

    return fill


def _store(xml: str, values: Values) -> str:
    return _FORMULA_CELL.sub(lambda match: _cell(match, values), xml)


def _cell(match: re.Match[str], values: Values) -> str:
    reference, attributes, formula = match.groups()
    if reference not in values:
        return match.group(0)
    value = values[reference]
    if isinstance(value, CellError):
        kind, text = ' t="e"', str(value)
    elif isinstance(value, bool):
        kind, text = ' t="b"', "1" if value else "0"
    elif isinstance(value, float | int):
        kind, text = "", repr(float(value)) if not float(value).is_integer() else str(int(value))
    else:
        kind, text = ' t="str"', escape(str(value))
    return f'<c r="{reference}"{attributes}{kind}><f>{formula}</f><v>{text}</v></c>'
