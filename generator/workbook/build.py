"""Write a worksheet model as an .xlsx workbook: instructions first, then one protected sheet per data sheet."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Callable
from copy import copy
from pathlib import Path
from typing import Any, Literal, cast

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet as Sheet
from openpyxl.writer.excel import ExcelWriter

from generator.locale import ui
from generator.model.worksheet import Column, DataSheet, Parameter, Worksheet
from generator.workbook import style
from generator.workbook.cache import cached_values, cached_values_filler
from generator.workbook.charts import add_charts
from generator.workbook.checks import add_check_column, bounds
from generator.workbook.layout import (
    HINT_ROW,
    ROW,
    TITLE_ROW,
    SheetLayout,
    column_format,
    condition_requirements,
    fill_row,
    lay_out,
    parameter_names,
    requirements,
    row_formula,
    sheet_formula,
)

# Fixed document and zip-entry times: the same YAML gives the same bytes.
FIXED_TIME = datetime.datetime(2024, 1, 1)
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
INSTRUCTION_WIDTHS = (16, 16, 70)  # heading, parameter value (and text), note (and text)
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)
_CHECKS: dict[str, Literal["whole", "decimal", "date"]] = {
    "integer": "whole", "money": "decimal", "number": "decimal", "percent": "decimal", "date": "date"}


def build_workbook(worksheet: Worksheet) -> bytes:
    return workbook_bytes(make_workbook(worksheet), cached_values_filler(cached_values(worksheet)))


def make_workbook(worksheet: Worksheet) -> Workbook:
    book = Workbook()
    book.properties.creator = "courseware"
    book.properties.title = str(worksheet.title)
    book.properties.created = book.properties.modified = FIXED_TIME
    first = book.active
    assert first is not None
    _write_instructions(book, first, worksheet)
    names = parameter_names(worksheet)
    for sheet in worksheet.sheets:
        _write_data_sheet(book.create_sheet(str(sheet.title)), lay_out(sheet), names)
    return book


def formula_count(book: Workbook) -> int:
    return sum(1 for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.data_type == "f")


def workbook_bytes(book: Workbook, change: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """Saved without openpyxl's `save_workbook`, which stamps the current time into docProps; `change` is
    given each part's name and content before it is stored."""
    buffer = io.BytesIO()
    with _Package(buffer, change) as archive:
        ExcelWriter(book, archive).write_data()
    return buffer.getvalue()


class _Package(zipfile.ZipFile):
    """The xlsx package in one compression pass: every part with a fixed time and mode (openpyxl stamps the
    current time, which would change the bytes of every build), its content changed first if asked."""

    def __init__(self, file: io.BytesIO, change: Callable[[str, bytes], bytes] | None) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self.change = change

    def write(self, filename: Any, arcname: Any = None, compress_type: Any = None, compresslevel: Any = None) -> None:
        """openpyxl writes each sheet to a temporary file and adds that file."""
        self.writestr(str(arcname or filename), Path(filename).read_bytes())

    def writestr(self, zinfo_or_arcname: Any, data: Any, compress_type: Any = None, compresslevel: Any = None) -> None:
        name = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        fixed = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
        fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
        content = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        super().writestr(fixed, self.change(name, content) if self.change else content)


# --- instructions sheet ---

def _write_instructions(book: Workbook, sheet: Sheet, worksheet: Worksheet) -> None:
    sheet.title = ui("ws_instructions")
    for letter, width in zip("ABC", INSTRUCTION_WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    _put(sheet, 1, 1, str(worksheet.title))
    sheet["A1"].font = style.TITLE_FONT
    row = _write_block(sheet, 3, ui("ws_purpose"), [worksheet.instructions.purpose])
    row = _write_block(sheet, row, ui("ws_steps"), _numbered(worksheet.instructions.steps))
    row = _write_block(sheet, row, ui("ws_reading"), list(worksheet.instructions.reading))
    if worksheet.parameters:
        row = _write_parameters(book, sheet, row, worksheet.parameters)
    legend = [f"{ui('ws_style_' + h.style)}：{h.label}" for s in worksheet.sheets for c in s.columns
              for h in c.highlights if h.label]
    if legend:
        row = _write_block(sheet, row, ui("ws_legend"), legend)
    if worksheet.method:
        row = _write_block(sheet, row, ui("ws_method"), [_plain(worksheet.method)])
    if _mentions(worksheet, ui("ws_wallet")):
        row = _write_block(sheet, row, ui("ws_definitions"), [ui("ws_wallet_definition")])
    rows = min(lay_out(data).capacity for data in worksheet.sheets)
    row = _write_block(sheet, row, ui("ws_rows"), [ui("ws_rows_how", rows=rows), ui("ws_missing_how")])
    _write_block(sheet, row, ui("ws_colors"), [ui("ws_hint")])
    _protect(sheet, "1:1")


def _mentions(worksheet: Worksheet, word: str) -> bool:
    names = [str(p.name) for p in worksheet.parameters] + [
        str(text) for sheet in worksheet.sheets
        for text in [*(c.name for c in sheet.columns), *(s.label for s in sheet.summary)]]
    return any(word in name for name in names)


def _numbered(items: tuple[str, ...]) -> list[str]:
    return [f"{index}. {item}" for index, item in enumerate(items, start=1)]


def _plain(markdown: str) -> str:
    """Markdown emphasis and code marks mean nothing in a cell."""
    return re.sub(r"\*\*|__|`", "", markdown).strip()


def _write_block(sheet: Sheet, row: int, heading: str, lines: list[str]) -> int:
    title = sheet.cell(row, 1, heading)
    title.font, title.alignment = style.BOLD, style.WRAP
    for offset, line in enumerate(lines):
        cell = _put(sheet, row + offset, 2, str(line))
        cell.alignment = style.WRAP
        sheet.merge_cells(start_row=row + offset, start_column=2, end_row=row + offset, end_column=3)
        # spreadsheets do not grow merged cells to fit wrapped text, so the height is set here
        sheet.row_dimensions[row + offset].height = style.wrapped_height(str(line), sum(INSTRUCTION_WIDTHS[1:]))
    return row + max(len(lines), 1) + 1


def _write_parameters(book: Workbook, sheet: Sheet, row: int, parameters: tuple[Parameter, ...]) -> int:
    for col, text in enumerate((ui("ws_parameters"), ui("ws_param_value"), ui("ws_param_note")), start=1):
        sheet.cell(row, col, text).font = style.BOLD
    for offset, parameter in enumerate(parameters, start=1):
        current = row + offset
        sheet.cell(current, 1, str(parameter.name))
        value = _put(sheet, current, 2, _cell_value(parameter.value.value, parameter.type))
        value.number_format = style.NUMBER_FORMATS[parameter.type]
        value.fill, value.border, value.protection = style.INPUT_FILL, style.GRID, UNLOCKED
        _put(sheet, current, 3, str(parameter.note or "")).alignment = style.WRAP
        _add_rule(sheet, parameter.type, (), parameter.name, parameter.note, value.coordinate,
                  bounds(parameter.type, None, None))
        reference = f"'{sheet.title}'!$B${current}"
        book.defined_names[str(parameter.name)] = DefinedName(str(parameter.name), attr_text=reference)
    return row + len(parameters) + 2


# --- data sheets ---

def _write_data_sheet(sheet: Sheet, layout: SheetLayout, parameters: set[str]) -> None:
    data = layout.sheet
    _put(sheet, TITLE_ROW, 1, str(data.title)).font = style.TITLE_FONT
    hint = ui("ws_sheet_hint") if data.samples else ui("ws_sheet_hint_blank")
    sheet.cell(HINT_ROW, 1, hint).font = style.HINT_FONT
    for index, column in enumerate(data.columns, start=1):
        header = _put(sheet, layout.header, index, str(column.name))
        header.fill, header.font, header.alignment, header.border = (
            style.HEADER_FILL, style.HEADER_FONT, style.CENTER, style.GRID)
        _write_column(sheet, layout, column, index, parameters)
        _add_validation(sheet, layout, column)
        _add_highlights(sheet, layout, column, parameters)
        width = column.width or style.fit_width(_column_texts(data, column))
        sheet.column_dimensions[layout.letters[column.name]].width = width
    _write_summary(sheet, layout, parameters)
    add_check_column(sheet, layout)
    add_charts(sheet, layout)
    sheet.freeze_panes = f"B{layout.first}"
    sheet.auto_filter.ref = f"A{layout.header}:{layout.check_letter}{layout.last}"
    _protect(sheet, f"{TITLE_ROW}:{layout.header}")


def _write_column(sheet: Sheet, layout: SheetLayout, column: Column, index: int, parameters: set[str]) -> None:
    fmt = style.NUMBER_FORMATS[column_format(column)]
    required = requirements(layout.sheet, column) if column.type == "formula" else []
    first = sheet.cell(layout.first, index)
    first.border = style.GRID
    if column.type == "formula":
        first.fill, first.protection = style.FORMULA_FILL, LOCKED
        first.number_format = "General" if fmt == "@" else fmt
    else:
        first.fill, first.protection, first.number_format = style.INPUT_FILL, UNLOCKED, fmt
    first_style = cast(Any, first)._style
    template = _column_formula(layout, column, required, parameters) if column.type == "formula" else ""
    for offset, row in enumerate(range(layout.first, layout.last + 1)):
        cell: Any = sheet.cell(row, index)
        # one style for the whole column, shared as openpyxl's own sheet copier does: setting border,
        # fill, protection and format on 200 rows one by one re-hashes every style object each time
        cell._style = copy(first_style)
        if template:
            cell.value = fill_row(template, row)
        elif offset < len(layout.sheet.samples):
            sample = layout.sheet.samples[offset].get(column.name)
            cell.value = None if sample is None else _cell_value(sample.value, column.type)
            _keep_as_text(cell)


def _column_formula(layout: SheetLayout, column: Column, required: list[Column], parameters: set[str]) -> str:
    """A formula column's cell text for `ROW`: empty while the row is, marked while a required input is missing."""
    assert column.formula is not None
    body = row_formula(column.formula, layout, ROW, parameters)
    missing = layout.missing(required, ROW)
    if missing:  # a required input blank or not a number: marked, never computed as 0
        shown = ui("ws_missing") if column.missing == "mark" else ""
        body = f'IF({missing},"{shown}",{body})'
    return f'=IF({layout.inputs_blank(ROW)},"",{body})'


def _put(sheet: Sheet, row: int, column: int, value: Any) -> Any:
    """Author text into a cell; never a live formula, whatever it starts with."""
    cell = sheet.cell(row, column, value)
    _keep_as_text(cell)
    return cell


def _keep_as_text(cell: Any) -> None:
    # openpyxl turns any str starting with "=" into a formula (=HYPERLINK(…), =cmd|' /C calc'!A0);
    # stored as a string with a quote prefix, it stays text even after the learner edits the cell.
    if isinstance(cell.value, str) and (cell.data_type == "f" or cell.value[:1] in ("+", "-", "@")):
        cell.data_type = "s"
        cell.quotePrefix = True


def _cell_value(value: object, kind: str) -> Any:
    if kind == "date" and isinstance(value, str):
        return datetime.date.fromisoformat(value)
    if kind == "text" and not isinstance(value, str):
        return str(value)  # choices stay numbers when written as numbers: formulas compare them as such
    return value


def _add_validation(sheet: Sheet, layout: SheetLayout, column: Column) -> None:
    if column.type != "formula":
        target = layout.span(column.name).replace("$", "")
        limits = bounds(column.type, column.min, column.max)
        _add_rule(sheet, column.type, column.choices, column.name, column.note, target, limits)


def _add_rule(sheet: Sheet, kind: str, choices: tuple[str, ...], name: str, note: str | None, target: str,
              limits: tuple[float, float] | None = None) -> None:
    """A dropdown or range check with a Chinese prompt (shown on entering the cell) and error message."""
    if kind == "choice":
        rule = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
    elif kind in _CHECKS and limits is not None:
        low, high = limits
        rule = DataValidation(type=_CHECKS[kind], operator="between", formula1=_bound(low), formula2=_bound(high),
                              allow_blank=True)
    elif note:
        rule = DataValidation(allow_blank=True)  # text: only the prompt
    else:
        return
    rule.promptTitle = str(name)[:32]
    rule.prompt = str(note or ui(f"ws_prompt_{kind}"))[:255]
    rule.errorTitle = ui("ws_error_title")
    rule.error = (ui("ws_error_choice", choices="、".join(choices)) if kind == "choice"
                  else ui(f"ws_error_{kind}", name=name) + _range_text(kind, limits))[:255]
    rule.showInputMessage = rule.showErrorMessage = True
    rule.add(target)
    sheet.add_data_validation(rule)


def _bound(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _range_text(kind: str, limits: tuple[float, float] | None) -> str:
    if limits is None:
        return ""
    low, high = (style.show(_from_serial(v) if kind == "date" else v, kind) for v in limits)
    return ui("ws_error_range", low=low, high=high)


def _from_serial(serial: float) -> str:
    return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(serial))).isoformat()


def _add_highlights(sheet: Sheet, layout: SheetLayout, column: Column, parameters: set[str]) -> None:
    target = layout.span(column.name).replace("$", "")
    for highlight in column.highlights:
        condition = row_formula(highlight.when, layout, layout.first, parameters)
        # blank rows would otherwise compare "" with numbers, which Excel calls true; so would 缺数据
        guards = [f"NOT({layout.inputs_blank(layout.first)})"]
        missing = layout.missing(condition_requirements(layout.sheet, highlight.when), layout.first)
        if missing:
            guards.append(f"NOT({missing})")
        formula = f"AND({','.join(guards)},{condition})"
        fill, colour = style.HIGHLIGHTS[highlight.style]
        rule = FormulaRule(formula=[formula], fill=PatternFill("solid", bgColor=fill), font=Font(color=colour))
        sheet.conditional_formatting.add(target, rule)


def _write_summary(sheet: Sheet, layout: SheetLayout, parameters: set[str]) -> None:
    for offset, summary in enumerate(layout.sheet.summary):
        row = layout.summary_row + offset
        label = _put(sheet, row, 1, str(summary.label))
        label.font, label.border = style.BOLD, style.GRID
        cell = sheet.cell(row, 2, "=" + sheet_formula(summary.formula, layout, parameters))
        cell.number_format = style.NUMBER_FORMATS[summary.format]
        cell.fill, cell.font, cell.border, cell.protection = style.FORMULA_FILL, style.BOLD, style.GRID, LOCKED


def _column_texts(data: DataSheet, column: Column) -> list[str]:
    fmt = column_format(column)
    texts = [str(column.name), *(str(choice) for choice in column.choices)]
    if column is data.columns[0]:  # summary labels sit in the first column, their values in the second
        texts += [str(summary.label) for summary in data.summary]
    if len(data.columns) > 1 and column is data.columns[1]:
        texts += [style.cell_text(s.expected.value if s.expected else style.TYPICAL[s.format], s.format)
                  for s in data.summary]
    texts += [style.cell_text(sample[column.name].value, fmt) for sample in data.samples if column.name in sample]
    return texts


def _protect(sheet: Sheet, title_rows: str) -> None:
    """Protected without a password: it guards against accidents, not against the learner."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # learners may still widen columns and rows
    sheet.protection.formatRows = False
    # sorting, filtering and inserting rows stay allowed (Excel still refuses to sort across locked formula cells)
    sheet.protection.sort = sheet.protection.autoFilter = sheet.protection.insertRows = False
    setup = sheet.page_setup
    setup.orientation, setup.paperSize = "landscape", sheet.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, 0
    fit = sheet.sheet_properties.pageSetUpPr
    assert fit is not None  # openpyxl gives every new sheet its page-setup properties
    fit.fitToPage = True
    sheet.print_title_rows = title_rows
    footer = sheet.oddFooter
    assert footer is not None  # openpyxl creates every header and footer part with the sheet
    footer.center.text = ui("ws_footer")
