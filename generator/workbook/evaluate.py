"""A small evaluator for highlight conditions on sample rows, so the HTML preview is coloured like the workbook.

It covers what conditions are made of (comparisons, arithmetic, AND/OR/NOT, ABS) with Excel's rules for
mixing text and numbers; anything else is `Unsupported` and the preview simply leaves the cell plain.
"""

from __future__ import annotations

import datetime
import operator
from collections.abc import Callable, Mapping
from typing import Any

from generator.workbook.formula import FormulaError, Node, parse

Scalar = str | float | bool
_ARITHMETIC: dict[str, Callable[[float, float], float]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "^": operator.pow,
}
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": operator.eq, "<>": operator.ne, "<": operator.lt, ">": operator.gt, "<=": operator.le, ">=": operator.ge,
}


class Unsupported(Exception):
    """The condition uses something this evaluator does not model."""


def holds(source: str, values: Mapping[str, object]) -> bool | None:
    """Whether a condition is true for these values; None when it cannot be decided here."""
    try:
        return bool(_truth(_eval(parse(source), values)))
    except (Unsupported, FormulaError, ZeroDivisionError, OverflowError):
        return None


def as_number(value: object) -> object:
    """Dates typed as YYYY-MM-DD become day numbers, so date − date gives days as in a spreadsheet."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return float(datetime.date.fromisoformat(value).toordinal())
        except ValueError:
            return value
    return value


def _eval(node: Node, values: Mapping[str, object]) -> Scalar:
    if node.kind == "number":
        return float(node.text[:-1]) / 100 if node.text.endswith("%") else float(node.text)
    if node.kind == "string":
        return node.text[1:-1].replace('""', '"')
    if node.kind == "logical":
        return node.text == "TRUE"
    if node.kind == "name":
        return _scalar(values.get(node.text))
    if node.kind == "group":
        return _eval(node.parts[0], values)
    if node.kind == "unary":
        number = _number(_eval(node.parts[0], values))
        return -number if node.text == "-" else number
    if node.kind == "binary":
        return _binary(node, values)
    if node.kind == "call":
        return _call(node, values)
    raise Unsupported(node.kind)


def _binary(node: Node, values: Mapping[str, object]) -> Scalar:
    left, right = (_eval(part, values) for part in node.parts)
    if node.text in _ARITHMETIC:
        return _ARITHMETIC[node.text](_number(left), _number(right))
    if node.text == "&":
        return _text(left) + _text(right)
    return _COMPARE[node.text](_rank(left), _rank(right))


def _call(node: Node, values: Mapping[str, object]) -> Scalar:
    args = [_eval(part, values) for part in node.parts]
    if node.text == "AND":
        return all(_truth(arg) for arg in args)
    if node.text == "OR":
        return any(_truth(arg) for arg in args)
    if node.text == "NOT" and len(args) == 1:
        return not _truth(args[0])
    if node.text == "ABS" and len(args) == 1:
        return abs(_number(args[0]))
    raise Unsupported(node.text)


def _scalar(value: object) -> Scalar:
    if value is None:
        return ""
    value = as_number(value)
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int | float):
        return float(value)
    raise Unsupported(type(value).__name__)


def _number(value: Scalar) -> float:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        if value == "":
            return 0.0
        raise Unsupported("text in arithmetic")
    return value


def _text(value: Scalar) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return f"{value:g}"
    return value


def _truth(value: Scalar) -> bool:
    if isinstance(value, str):
        raise Unsupported("text as a condition")
    return bool(value)


def _rank(value: Scalar) -> tuple[int, Any]:
    """Spreadsheet ordering: numbers < text (case-insensitive) < TRUE/FALSE."""
    if isinstance(value, bool):
        return (2, value)
    if isinstance(value, str):
        return (1, value.lower())
    return (0, value)
