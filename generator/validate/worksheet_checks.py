"""Worksheet checks: names, formulas, choices and sample rows, before any workbook is written."""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from pathlib import PurePosixPath

from generator.diagnostics import Diagnostic, Loc
from generator.locale import UI, suggest, zh
from generator.locale.zh import WS_SYNTAX, WS_WORDS
from generator.model.outline import Outline
from generator.model.text import Text, Value
from generator.model.worksheet import Column, DataSheet, Worksheet
from generator.validate.report import error, unknown
from generator.validate.worksheet_values import check_values
from generator.workbook.checks import bounds, serial
from generator.workbook.compute import EPOCH
from generator.workbook.formula import (
    FUNCTIONS,
    REPLACEMENTS,
    FormulaError,
    Node,
    functions_used,
    is_valid_name,
    names_used,
    parse,
    syntax_errors,
)
from generator.workbook.layout import is_numeric, lay_out
from generator.workbook.style import show

MAX_TITLE = 31
FORBIDDEN_TITLE = re.compile(r"[\[\]:*?/\\]")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_CHOICES = 255  # Excel's limit for an inline dropdown list


def check_worksheets(worksheets: tuple[Worksheet, ...], outline: Outline) -> list[Diagnostic]:
    nodes = {entry.node.id for entry in outline.walk()}
    problems: list[Diagnostic] = []
    for worksheet in worksheets:
        problems += _check_identity(worksheet, nodes)
        problems += _check_names(worksheet)
        problems += _check_parameters(worksheet)
        found = [problem for sheet in worksheet.sheets for problem in _check_sheet(sheet, worksheet)]
        problems += found
        if not found:  # values only once every formula parses and every name resolves
            problems += check_values(worksheet)
    return problems


def _check_identity(worksheet: Worksheet, nodes: AbstractSet[str]) -> Iterator[Diagnostic]:
    stem = PurePosixPath(worksheet.loc.path).stem
    if worksheet.id != stem:
        yield error(worksheet.id.loc, "ws-id-mismatch", value=worksheet.id, stem=stem)
    for node in worksheet.nodes:
        if node not in nodes:
            yield unknown(node, "outline_node", nodes)
    yield from _check_titles(worksheet)


def _check_titles(worksheet: Worksheet) -> Iterator[Diagnostic]:
    seen: dict[str, Text] = {}
    for sheet in worksheet.sheets:
        title = sheet.title
        problem = _title_problem(title)
        if problem:
            yield error(title.loc, "ws-sheet-title", value=title, problem=problem)
        if title in seen:
            yield error(title.loc, "ws-duplicate-sheet", value=title, first=_where(seen[title]))
        seen.setdefault(title, title)


def _title_problem(title: str) -> str:
    if len(title) > MAX_TITLE:
        return WS_WORDS["title_long"].format(length=len(title), limit=MAX_TITLE)
    if FORBIDDEN_TITLE.search(title):
        return WS_WORDS["title_chars"]
    if title == UI["ws_instructions"]:
        return WS_WORDS["title_reserved"]
    return ""


def _where(text: Text) -> str:
    return WS_WORDS["line"].format(line=text.loc.line) if text.loc.line else str(text.loc)


def _check_names(worksheet: Worksheet) -> Iterator[Diagnostic]:
    """Every column and parameter name must be usable in formulas and unambiguous."""
    parameters: dict[str, Text] = {}
    for parameter in worksheet.parameters:
        yield from _check_one_name(parameter.name, parameters)
    columns = {column.name: column.name for sheet in worksheet.sheets for column in sheet.columns}
    for name, text in columns.items():
        if name in parameters:
            yield error(text.loc, "ws-duplicate-name", name=name, first=_where(parameters[name]))
    for sheet in worksheet.sheets:
        seen: dict[str, Text] = {}
        for column in sheet.columns:
            yield from _check_one_name(column.name, seen)


def _check_one_name(name: Text, seen: dict[str, Text]) -> Iterator[Diagnostic]:
    if not is_valid_name(name):
        yield error(name.loc, "ws-bad-name", name=name)
    if name in seen:
        yield error(name.loc, "ws-duplicate-name", name=name, first=_where(seen[name]))
    seen.setdefault(name, name)


def _check_parameters(worksheet: Worksheet) -> Iterator[Diagnostic]:
    for parameter in worksheet.parameters:
        yield from _check_value(parameter.name, parameter.value, parameter.type, ())


def _check_sheet(sheet: DataSheet, worksheet: Worksheet) -> Iterator[Diagnostic]:
    if all(column.type == "formula" for column in sheet.columns):
        yield error(sheet.title.loc, "ws-no-inputs", value=sheet.title)
    parameters = {parameter.name for parameter in worksheet.parameters}
    columns = {column.name for column in sheet.columns}
    for column in sheet.columns:
        yield from _check_column(column, columns, parameters)
    for summary in sheet.summary:
        where = WS_WORDS["summary"].format(name=summary.label)
        yield from _check_formula(summary.formula, where, columns, parameters, whole=True)
        if summary.expected is not None:
            yield from _check_value(summary.label, summary.expected, summary.format, ())
    for sample in sheet.samples:
        yield from _check_sample(sample, sheet)
    yield from _check_charts(sheet)
    yield from _check_cycles(sheet)


def _check_charts(sheet: DataSheet) -> Iterator[Diagnostic]:
    """Charts name columns of their sheet; series are numbers; a Pareto chart has one series and a rank column."""
    columns = {str(c.name): c for c in sheet.columns}
    for chart in sheet.charts:
        where = WS_WORDS["chart"].format(name=chart.title)
        for name in (chart.categories, *chart.series, *([chart.rank] if chart.rank else [])):
            if name not in columns:
                yield error(name.loc, "ws-unknown-name", where=where, name=name,
                            suggestion=suggest(name, columns, "columns"))
            elif name in chart.series and not is_numeric(columns[name]):
                yield error(name.loc, "ws-chart-series", where=where, name=name)
        if chart.type == "pareto" and (chart.rank is None or len(chart.series) != 1):
            yield error(chart.title.loc, "ws-chart-pareto", where=where)
        if chart.rows > lay_out(sheet).capacity:
            yield error(chart.title.loc, "ws-chart-rows", where=where, rows=chart.rows,
                        capacity=lay_out(sheet).capacity)


def _check_cycles(sheet: DataSheet) -> Iterator[Diagnostic]:
    """A formula that needs its own result (directly, through other columns, or via 列名[]) never computes."""
    formulas = [column for column in sheet.columns if column.type == "formula"]
    needs: dict[str, set[str]] = {column.name: _formula_names(column) for column in formulas}
    reported: set[str] = set()
    for column in sheet.columns:
        path = _cycle_from(column.name, needs, [])
        if path and not reported & set(path):
            reported.update(path)
            yield error(column.name.loc, "ws-formula-cycle", column=column.name, path=" → ".join([*path, path[0]]))


def _formula_names(column: Column) -> set[str]:
    try:
        return {node.text for node in names_used(parse(column.formula or ""))}
    except FormulaError:
        return set()


def _cycle_from(name: str, needs: dict[str, set[str]], path: list[str]) -> list[str]:
    if name in path:
        return path if path[0] == name else []
    for other in sorted(needs.get(name, set())):
        found = _cycle_from(other, needs, [*path, name])
        if found:
            return found
    return []


def _check_column(column: Column, columns: AbstractSet[str], parameters: AbstractSet[str]) -> Iterator[Diagnostic]:
    if column.type == "formula" and column.formula is None:
        yield error(column.name.loc, "ws-missing-formula", column=column.name)
    if column.type != "formula" and column.formula is not None:
        yield error(column.formula.loc, "ws-formula-on-input", column=column.name, type=column.type)
    if column.formula is not None:
        where = WS_WORDS["column"].format(name=column.name)
        yield from _check_formula(column.formula, where, columns, parameters, whole=False)
    yield from _check_limits(column, columns)
    for highlight in column.highlights:
        where = WS_WORDS["highlight"].format(name=column.name)
        yield from _check_formula(highlight.when, where, columns, parameters, whole=False)
    if column.type == "choice":
        yield from _check_choices(column)


def _check_limits(column: Column, columns: AbstractSet[str]) -> Iterator[Diagnostic]:
    """min / max only on number and date inputs, of the column's type; `requires` names columns of the sheet."""
    for limit in (column.min, column.max):
        if limit is None:
            continue
        if bounds(column.type, None, None) is None:
            yield error(limit.loc, "ws-bounds-on-text", column=column.name, type=column.type)
        else:
            yield from _check_value(column.name, limit, column.type, ())
    where = WS_WORDS["column"].format(name=column.name)
    for name in column.requires or ():
        if name not in columns:
            yield error(name.loc, "ws-unknown-name", where=where, name=name,
                        suggestion=suggest(name, columns, "names"))


def _check_choices(column: Column) -> Iterator[Diagnostic]:
    if not column.choices:
        yield error(column.name.loc, "ws-empty-choices", column=column.name)
    for choice in column.choices:
        if "," in choice or '"' in choice:
            yield error(choice.loc, "ws-choice-text", value=choice)
    length = len(",".join(column.choices))
    if length > MAX_CHOICES:
        yield error(column.name.loc, "ws-choices-too-long", column=column.name, length=length)


def _check_formula(source: Text, where: str, columns: AbstractSet[str], parameters: AbstractSet[str], whole: bool
                   ) -> Iterator[Diagnostic]:
    problems = syntax_errors(source)
    for problem in problems:
        yield error(_at(source.loc, problem.at), problem.code, where=where, **_filled(problem))
    if problems:
        return
    tree = parse(source)
    for name in functions_used(tree):
        if name not in FUNCTIONS:
            close = [REPLACEMENTS[name]] if name in REPLACEMENTS else difflib.get_close_matches(
                name, sorted(FUNCTIONS), n=1, cutoff=0.6)
            hint = zh.DID_YOU_MEAN.format(word=close[0]) if close else ""
            yield error(source.loc, "ws-unknown-function", where=where, name=name, suggestion=hint,
                        allowed="、".join(sorted(FUNCTIONS)))
    for node in names_used(tree):
        yield from _check_reference(node, source.loc, where, columns, parameters, whole)


def _at(loc: Loc, offset: int) -> Loc:
    """The column of a character inside a one-line formula (a quoted value starts one column later)."""
    return Loc(loc.path, loc.line, loc.col + offset) if loc.line and offset >= 0 else loc


def _filled(problem: FormulaError) -> dict[str, object]:
    if problem.code != "ws-formula-syntax":
        return dict(problem.values)
    return {"detail": WS_SYNTAX[str(problem.values["problem"])].format(token=problem.values.get("token", ""))}


def _check_reference(node: Node, loc: Loc, where: str, columns: AbstractSet[str], parameters: AbstractSet[str],
                     whole: bool) -> Iterator[Diagnostic]:
    name = node.text
    if node.kind == "column" and name in parameters:
        yield error(loc, "ws-parameter-as-column", where=where, name=name)
    elif name not in columns and name not in parameters:
        known = columns | parameters
        yield error(loc, "ws-unknown-name", where=where, name=name, suggestion=suggest(name, known, "names"))
    elif node.kind == "name" and whole and name not in parameters:
        yield error(loc, "ws-row-name-in-summary", where=where, name=name)


def _check_sample(sample: dict[Text, Value], sheet: DataSheet) -> Iterator[Diagnostic]:
    columns = {column.name: column for column in sheet.columns}
    for name, value in sample.items():
        column = columns.get(name)
        if column is None:
            yield error(name.loc, "ws-sample-unknown-column", column=name,
                        suggestion=suggest(name, columns, "columns"))
        elif column.type != "formula":
            yield from _check_value(name, value, column.type, column.choices)
            yield from _check_bounds(name, value, column)
        elif column.format == "date":
            yield from _check_value(name, value, "date", ())
    for column in sheet.columns:
        if column.type == "formula" and column.name not in sample:
            yield error(_sample_loc(sample, sheet), "ws-missing-expected", column=column.name)


def _check_bounds(name: Text, value: Value, column: Column) -> Iterator[Diagnostic]:
    """A sample outside the column's bounds would be refused by the workbook's own input check."""
    limits = bounds(column.type, column.min, column.max)
    if limits is None or not _fits(value.value, column.type):
        return
    if not limits[0] <= serial(value.value) <= limits[1]:
        low, high = (show(_day(v) if column.type == "date" else v, column.type) for v in limits)
        yield error(value.loc, "ws-value-out-of-range", name=name, value=value.value, low=low, high=high)


def _day(number: float) -> str:
    return (EPOCH + datetime.timedelta(days=int(number))).isoformat()


def _sample_loc(sample: dict[Text, Value], sheet: DataSheet) -> Loc:
    first = next(iter(sample), None)
    return first.loc if first is not None else sheet.loc


def _check_value(name: Text, value: Value, kind: str, choices: tuple[Text, ...]) -> Iterator[Diagnostic]:
    raw = value.value
    if kind == "choice" and str(raw) not in choices:
        yield error(value.loc, "ws-value-not-choice", name=name, value=raw, choices="、".join(choices))
    elif not _fits(raw, kind):
        expected, example = zh.WS_TYPES[kind]
        yield error(value.loc, "ws-value-type", name=name, value=raw, expected=expected, example=example)


def _fits(raw: object, kind: str) -> bool:
    if kind == "integer":  # 25.0 is a whole number too
        return (isinstance(raw, int) and not isinstance(raw, bool)) or (isinstance(raw, float) and raw.is_integer())
    if kind in ("money", "percent", "number"):
        return isinstance(raw, int | float) and not isinstance(raw, bool)
    if kind == "date":
        return isinstance(raw, str) and bool(DATE.match(raw)) and _is_date(raw)
    return not isinstance(raw, bool)


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True
