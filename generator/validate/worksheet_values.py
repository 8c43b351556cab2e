"""Worksheet checks that need values: every sample expectation computed with the project's evaluator, and
type mistakes a spreadsheet would silently accept (SUM of a text column, a comparison with a value that is
not one of the dropdown choices, a percent parameter written as 25 for 25%)."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator

from generator.diagnostics import Diagnostic, Loc
from generator.locale.zh import WS_WORDS
from generator.model.text import Text, Value
from generator.model.worksheet import Column, DataSheet, Worksheet
from generator.validate.report import error
from generator.workbook.compute import CellError, Unsupported, compute_sheet, parameter_values, to_serial
from generator.workbook.formula import FormulaError, Node, parse
from generator.workbook.layout import column_format
from generator.workbook.style import show

SUMMING = {"SUM": None, "AVERAGE": None, "SUMPRODUCT": None, "SUMIF": 2, "SUMIFS": 0}  # None: every argument
CRITERIA = {"COUNTIF": (0,), "SUMIF": (0,), "COUNTIFS": (0, 2, 4, 6), "SUMIFS": (1, 3, 5, 7)}


def check_values(worksheet: Worksheet) -> list[Diagnostic]:
    problems = list(_check_percent_parameters(worksheet))
    for sheet in worksheet.sheets:
        problems += _check_types(sheet)
    if problems:
        return problems
    parameters = parameter_values(worksheet)
    for sheet in worksheet.sheets:
        problems += _check_expectations(sheet, parameters)
    return problems


def _check_percent_parameters(worksheet: Worksheet) -> Iterator[Diagnostic]:
    for parameter in worksheet.parameters:
        raw = parameter.value.value
        if parameter.type == "percent" and isinstance(raw, int | float) and not isinstance(raw, bool) and abs(raw) > 1:
            yield error(parameter.value.loc, "ws-percent-over-one", name=parameter.name, value=raw,
                        shown=show(raw, "percent"))


# --- types ---

def _check_types(sheet: DataSheet) -> list[Diagnostic]:
    columns = {str(c.name): c for c in sheet.columns}
    problems: list[Diagnostic] = []
    sources: list[tuple[Text, str]] = []
    for column in sheet.columns:
        if column.formula is not None:
            sources.append((column.formula, WS_WORDS["column"].format(name=column.name)))
        sources += [(h.when, WS_WORDS["highlight"].format(name=column.name)) for h in column.highlights]
    sources += [(s.formula, WS_WORDS["summary"].format(name=s.label)) for s in sheet.summary]
    for source, where in sources:
        try:
            tree = parse(source)
        except FormulaError:
            continue  # reported by the syntax check
        problems += [error(_at(source, node), code, where=where, **values)
                     for node, code, values in _type_errors(tree, columns)]
    return problems


def _at(source: Text, node: Node) -> Loc:
    """The formula's position, moved to the token when it can be found in a one-line plain formula."""
    loc = source.loc
    index = str(source).find(node.text)
    if not loc.line or index < 0:
        return loc
    return dataclasses.replace(loc, col=loc.col + index)


def _type_errors(tree: Node, columns: dict[str, Column]) -> Iterator[tuple[Node, str, dict[str, object]]]:
    for node in tree.walk():
        if node.kind == "call" and node.text in SUMMING:
            position = SUMMING[node.text]
            parts = node.parts if position is None else node.parts[position:position + 1]
            for part in parts:
                column = columns.get(part.text) if part.kind == "column" else None
                if (column is not None and column_format(column) in ("text",) and column.type != "formula") or (
                        column is not None and column.type == "formula" and column_format(column) == "text"):
                    yield part, "ws-sum-of-text", {"function": node.text, "column": part.text}
        if node.kind == "binary" and node.text in ("=", "<>"):
            yield from _choice_comparison(node.parts[0], node.parts[1], columns)
            yield from _choice_comparison(node.parts[1], node.parts[0], columns)
        if node.kind == "call" and node.text in CRITERIA:
            for index in CRITERIA[node.text]:
                if index + 1 < len(node.parts) and node.parts[index].kind == "column":
                    yield from _choice_comparison(node.parts[index], node.parts[index + 1], columns)


def _choice_comparison(reference: Node, literal: Node, columns: dict[str, Column]
                       ) -> Iterator[tuple[Node, str, dict[str, object]]]:
    column = columns.get(reference.text)
    if column is None or column.type != "choice" or literal.kind != "string":
        return
    value = literal.text[1:-1].replace('""', '"')
    for prefix in ("<>", "="):
        value = value.removeprefix(prefix)
    if value and value not in column.choices:
        yield literal, "ws-compare-not-choice", {"column": column.name, "value": value,
                                                 "choices": "、".join(column.choices)}


# --- expectations ---

def _check_expectations(sheet: DataSheet, parameters: dict[str, object]) -> list[Diagnostic]:
    try:
        rows, summaries = compute_sheet(sheet, parameters)
    except Unsupported:
        return []  # a formula with TODAY(): the result depends on the day it is opened
    problems = []
    for index, sample in enumerate(sheet.samples):
        for column in sheet.columns:
            expected = sample.get(column.name)
            if column.type != "formula" or expected is None:
                continue
            actual = rows[index][str(column.name)]
            if not _same(expected, actual, column_format(column)):
                problems.append(_mismatch(expected, actual, WS_WORDS["column"].format(name=column.name),
                                          column_format(column)))
    for summary, actual in zip(sheet.summary, summaries, strict=True):
        if summary.expected is not None and not _same(summary.expected, actual, summary.format):
            problems.append(_mismatch(summary.expected, actual, WS_WORDS["summary"].format(name=summary.label),
                                      summary.format))
    return problems


def _same(expected: Value, actual: object, fmt: str) -> bool:
    wanted = to_serial(expected.value) if fmt == "date" else expected.value
    if isinstance(wanted, int | float) and not isinstance(wanted, bool):
        return isinstance(actual, float) and math.isclose(actual, wanted, rel_tol=1e-6, abs_tol=1e-9)
    return not isinstance(actual, CellError) and wanted == actual


def _mismatch(expected: Value, actual: object, where: str, fmt: str) -> Diagnostic:
    shown = str(actual) if isinstance(actual, str) else show(actual, fmt)
    return error(expected.loc, "ws-expected-mismatch", where=where, expected=expected.value,
                 actual=repr(shown) if shown == "" else shown)
