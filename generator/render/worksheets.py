"""Worksheets in the site: the .xlsx downloads, an HTML preview of each, and a downloads page by part."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator import routes
from generator.locale import UI
from generator.model.course import Course
from generator.model.outline import Entry, Outline
from generator.model.text import Text, Value
from generator.model.worksheet import Column, DataSheet, Worksheet
from generator.render.tree import DocsTree, RenderContext
from generator.routes import WORKSHEET_BLANKS, WORKSHEET_BUNDLE, WORKSHEETS
from generator.workbook import build_workbook
from generator.workbook.bundle import blank_workbook, bundle, download_name
from generator.workbook.compute import holds
from generator.workbook.layout import column_format, requirements
from generator.workbook.style import show

NUMERIC = ("integer", "money", "percent", "number")


@dataclass(frozen=True)
class Cell:
    text: str
    numeric: bool
    formula: bool
    style: str = ""  # highlight style that holds for this sample, as in the workbook
    note: str = ""  # that highlight's label

    @property
    def css(self) -> str:
        """The cell's class names (the template writes the attribute)."""
        flags = (("cw-ws__cell--num", self.numeric), ("cw-ws__cell--formula", self.formula),
                 (f"cw-ws__cell--{self.style}", bool(self.style)))
        return " ".join(name for name, on in flags if on)


@dataclass(frozen=True)
class SheetView:
    sheet: DataSheet
    headers: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    summary: tuple[tuple[str, str], ...]  # label, expected value as shown
    legend: tuple[tuple[str, str, str], ...]  # style, column, label
    formulas: tuple[tuple[str, str, str], ...]  # column, formula in words, what it needs


@dataclass(frozen=True)
class WorksheetView:
    worksheet: Worksheet
    part: Entry | None
    chapters: tuple[tuple[str, str], ...]  # heading, link relative to worksheets/
    sheets: tuple[SheetView, ...]
    parameters: tuple[tuple[str, str, str], ...]  # name, value as shown, note
    file: str  # the download name of the sample workbook, the same as inside the zip
    blank_file: str  # and of its blank template
    blank_href: str  # the template's path relative to worksheets/


def render_worksheets(tree: DocsTree, ctx: RenderContext) -> list[Any]:
    if not ctx.course.worksheets:
        return []
    views = [_view(worksheet, ctx.outline) for worksheet in ctx.course.worksheets]
    page = ctx.env.get_template("worksheet.md.j2")
    files = []
    late = ctx.workbooks.background  # made in a worker meanwhile: the tree takes them when they are ready
    for view in views:
        worksheet = view.worksheet
        files.append((worksheet, ctx.workbooks.later(worksheet, "sample", build_workbook),
                      ctx.workbooks.later(worksheet, "blank", blank_workbook)))
        tree.add_file(routes.worksheet_file(worksheet.id), files[-1][1], late)
        tree.add_file(f"{WORKSHEET_BLANKS}/{worksheet.id}.xlsx", files[-1][2], late)
        tree.add_page(routes.worksheet_page(worksheet.id), page.render(view=view), worksheet.loc.path)
    tree.add_file(WORKSHEET_BUNDLE, lambda: bundle([(sheet, sample(), blank()) for sheet, sample, blank in files]),
                  late)
    groups = _by_part(views, ctx)  # the navigation follows the course order too
    tree.add_page(routes.WORKSHEETS_INDEX, ctx.env.get_template("worksheets.md.j2").render(
        groups=groups, bundle=WORKSHEET_BUNDLE.removeprefix(f"{WORKSHEETS}/"), count=len(views)))
    pages = [{view.worksheet.title: routes.worksheet_page(view.worksheet.id)} for _, _, group in groups
             for view in group]
    return [{UI["worksheets"]: [routes.WORKSHEETS_INDEX, *pages]}]


def placed_worksheets(course: Course, outline: Outline) -> dict[str, list[Worksheet]]:
    """Part id -> the worksheets listed under that part (by their first node), in course order.

    Only the placement: the previews (sample rows, highlights) are built once, by render_worksheets.
    """
    placed: dict[str, list[Worksheet]] = {}
    for worksheet in course.worksheets:
        part = _part(_entries(worksheet, outline), outline)
        if part is not None:
            placed.setdefault(str(part.node.id), []).append(worksheet)
    return placed


def _by_part(views: list[WorksheetView], ctx: RenderContext) -> list[tuple[str, str, list[WorksheetView]]]:
    """Parts in course order, then worksheets linked to no known part: (anchor, heading, worksheets)."""
    groups = [(str(part.node.id), part.heading, [view for view in views if view.part is part])
              for part in ctx.outline.parts]
    groups.append(("other", UI["ws_other"], [view for view in views if view.part is None]))
    return [group for group in groups if group[2]]


def _view(worksheet: Worksheet, outline: Outline) -> WorksheetView:
    entries = _entries(worksheet, outline)
    chapters = tuple(dict.fromkeys((entry.heading, _link(entry)) for entry in entries))
    parameters = tuple((p.name, show(p.value.value, p.type), p.note or "") for p in worksheet.parameters)
    values: dict[str, object] = {p.name: p.value.value for p in worksheet.parameters}
    sheets = tuple(_sheet_view(sheet, values) for sheet in worksheet.sheets)
    blank_href = f"{WORKSHEET_BLANKS.removeprefix(WORKSHEETS + '/')}/{worksheet.id}.xlsx"
    return WorksheetView(worksheet, _part(entries, outline), chapters, sheets, parameters, download_name(worksheet),
                         download_name(worksheet, blank=True), blank_href)


def _part(entries: list[Entry], outline: Outline) -> Entry | None:
    """The part entry of the first node a worksheet names: where it is listed."""
    return next((part for part in outline.parts if entries and part.node is entries[0].part), None)


def _entries(worksheet: Worksheet, outline: Outline) -> list[Entry]:
    """The outline entries a worksheet names; the first decides the part it is listed under."""
    by_id = outline.by_id()
    return [by_id[node] for node in worksheet.nodes if node in by_id]


def _link(entry: Entry) -> str:
    return routes.from_folder(entry.target)


def _sheet_view(sheet: DataSheet, parameters: Mapping[str, object]) -> SheetView:
    headers = tuple(Cell(column.name, column_format(column) in NUMERIC, column.type == "formula")
                    for column in sheet.columns)
    rows = tuple(_row(sample, sheet, parameters) for sample in sheet.samples)
    summary = tuple((s.label, show(s.expected.value, s.format) if s.expected else "") for s in sheet.summary)
    legend = tuple((h.style, column.name, h.label or h.when) for column in sheet.columns for h in column.highlights)
    formulas = tuple((column.name, in_words(column.formula), _needs(sheet, column))
                     for column in sheet.columns if column.formula is not None)
    return SheetView(sheet, headers, rows, summary, legend, formulas)


def in_words(formula: str) -> str:
    """A formula as a learner reads it: × ÷ for * /, 整列 and 上方各行 for the column references."""
    words = formula.replace("[上方]", "（上方各行）").replace("[]", "（整列）")
    for symbol, shown in ((" * ", " × "), (" / ", " ÷ "), ("<=", "≤"), (">=", "≥"), ("<>", "≠")):
        words = words.replace(symbol, shown)
    return " ".join(words.split())


def _needs(sheet: DataSheet, column: Column) -> str:
    names = [str(c.name) for c in requirements(sheet, column) if c.type != "formula"]
    return UI["ws_formula_needs"].format(names="、".join(names)) if names else ""


def _row(sample: dict[Text, Value], sheet: DataSheet, parameters: Mapping[str, object]) -> tuple[Cell, ...]:
    values: dict[str, object] = {**parameters, **{name: value.value for name, value in sample.items()}}
    return tuple(_cell(sample.get(column.name), column, values) for column in sheet.columns)


def _cell(value: Value | None, column: Column, values: dict[str, object]) -> Cell:
    fmt = column_format(column)
    text = show(value.value, fmt) if value is not None else ""
    lit = next((h for h in column.highlights if holds(h.when, values)), None)
    style, note = (lit.style, lit.label or lit.when) if lit else ("", "")
    return Cell(text, fmt in NUMERIC, column.type == "formula", style, note)
