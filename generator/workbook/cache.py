"""Results stored in the file beside each formula, computed by the project's evaluator at build time.

Excel, WPS and LibreOffice recalculate on opening (the workbook asks for a full calculation on load); phone
previews and chat apps do not, and show whatever value the file holds. Without these, every grey cell is empty.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from generator.model.worksheet import Worksheet
from generator.workbook.compute import CellError, Unsupported, compute_sheet, parameter_values
from generator.workbook.layout import lay_out

Values = dict[str, object]  # cell reference -> value
_FORMULA_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"((?: [a-z]+="[^"]*")*)><f>(.*?)</f><v ?/></c>', re.DOTALL)


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
        sheets.append(values)
    return sheets


def with_cached_values(data: bytes, sheets: list[Values]) -> bytes:
    """The same package with each data sheet's formula cells given their value (the instructions sheet is first)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            number = re.fullmatch(r"xl/worksheets/sheet([0-9]+)\.xml", info.filename)
            if number and 2 <= int(number.group(1)) <= len(sheets) + 1:
                content = _store(content.decode("utf-8"), sheets[int(number.group(1)) - 2]).encode("utf-8")
            target.writestr(info, content)
    return output.getvalue()


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
