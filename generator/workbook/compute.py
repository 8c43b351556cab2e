"""The whole-sheet evaluator: a data sheet's formulas computed in Python, the way the generated workbook does.

Each formula column gets the generator's row rules (blank row -> "", a required input missing -> 缺数据 or "")
over every prepared row, then the summaries over whole columns. `courseware validate` compares the results with
the sample expectations; tests compare them with LibreOffice on generated messy data.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal
from functools import partial
from typing import Any

from generator.locale import ui
from generator.model.worksheet import Column, DataSheet, Worksheet
from generator.workbook.formula import FormulaError, Node, names_used, parse
from generator.workbook.layout import is_numeric, lay_out, out_of_bounds, requirements

EPOCH = datetime.date(1899, 12, 30)


class CellError(str):
    """An error value such as #DIV/0!: a string subclass so it can sit in a row, never equal to a real text."""


DIV0, VALUE, NA, NUM = CellError("#DIV/0!"), CellError("#VALUE!"), CellError("#N/A"), CellError("#NUM!")


class Unsupported(Exception):
    """A function the evaluator does not model (TODAY): results that depend on it are not checked."""


Cell = Any  # None (empty), float, str, bool or CellError
Rows = list[dict[str, Cell]]


def to_serial(value: object) -> object:
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return float((datetime.date.fromisoformat(value) - EPOCH).days)
        except ValueError:
            return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return value


def parameter_values(worksheet: Worksheet) -> dict[str, Cell]:
    return {str(p.name): to_serial(p.value.value) for p in worksheet.parameters}


def compute_sheet(sheet: DataSheet, parameters: Mapping[str, Cell],
                  inputs: Sequence[Mapping[str, object]] | None = None) -> tuple[Rows, list[Cell]]:
    """Every prepared row's values and the summaries; `inputs` defaults to the sample rows' inputs."""
    layout = lay_out(sheet)
    source = inputs if inputs is not None else [
        {str(k): v.value for k, v in sample.items()} for sample in sheet.samples]
    typed = [c for c in sheet.columns if c.type != "formula"]
    rows: Rows = []
    for index in range(max(layout.capacity, len(source))):
        given = source[index] if index < len(source) else {}
        rows.append({str(c.name): _input(given.get(str(c.name)), c) for c in typed})
    for column in _order(sheet):
        tree, needed = parse(column.formula or ""), requirements(sheet, column)
        for index in range(len(rows)):
            rows[index][str(column.name)] = _row_value(sheet, column, (tree, needed), rows, index, parameters)
    whole = _Evaluator(rows, None, parameters)
    return rows, [_safe(partial(whole.eval, parse(summary.formula))) for summary in sheet.summary]


def holds(condition: str, row: Mapping[str, object]) -> bool | None:
    """A highlight condition on one sample row (parameters included), by the workbook's rules, for the preview.

    None when one row cannot decide it (a whole-column reference, an error value, a syntax error): the
    preview then leaves the cell plain rather than guess.
    """
    try:
        tree = parse(condition)
    except FormulaError:
        return None
    if any(node.kind in ("column", "above") for node in tree.walk()):
        return None
    values = _Row({name: "" if value is None else to_serial(value) for name, value in row.items()})
    try:
        result = _safe(lambda: _truth(_Evaluator([values], 0, {}).eval(tree)))
    except Unsupported:
        return None
    return None if isinstance(result, CellError) else bool(result)


class _Row(dict[str, Cell]):
    """A sample row: a column the sample leaves out reads as empty text, as an empty cell compares."""

    def __missing__(self, key: str) -> Cell:
        return ""


def _input(value: object, column: Column) -> Cell:
    if value is None or value == "":
        return None
    if column.type == "date":
        return to_serial(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    return value


def _order(sheet: DataSheet) -> list[Column]:
    formulas = {str(c.name): c for c in sheet.columns if c.type == "formula"}
    done: list[Column] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name not in formulas:
            return
        seen.add(name)
        for node in names_used(parse(formulas[name].formula or "")):
            visit(node.text)
        done.append(formulas[name])
    for name in formulas:
        visit(name)
    return done


def _row_value(sheet: DataSheet, column: Column, plan: tuple[Node, list[Column]], rows: Rows, index: int,
               parameters: Mapping[str, Cell]) -> Cell:
    """As the workbook's cell: blank row -> "", a required value missing -> 缺数据 (or ""), else the formula."""
    row = rows[index]
    if all(row[str(c.name)] in (None, "") for c in sheet.columns if c.type != "formula"):
        return ""
    tree, required = plan
    for needed in required:
        value = row[str(needed.name)]
        bad = not _is_number(value) or out_of_bounds(needed, value) if is_numeric(needed) else value in (None, "")
        if bad:
            return ui("ws_missing") if column.missing == "mark" else ""
    return _safe(lambda: _Evaluator(rows, index, parameters).eval(tree))


def _safe(compute: Callable[[], Cell]) -> Cell:
    try:
        return compute()
    except ZeroDivisionError:
        return DIV0
    except (OverflowError, ValueError):
        return NUM


def _is_number(value: Cell) -> bool:
    return isinstance(value, float) and not isinstance(value, bool)


class _Evaluator:
    def __init__(self, rows: Rows, index: int | None, parameters: Mapping[str, Cell]) -> None:
        self.rows, self.index, self.parameters = rows, index, parameters

    def eval(self, node: Node) -> Any:
        kind = node.kind
        if kind == "number":
            return float(node.text[:-1]) / 100 if node.text.endswith("%") else float(node.text)
        if kind == "string":
            return node.text[1:-1].replace('""', '"')
        if kind == "logical":
            return node.text == "TRUE"
        if kind == "group":
            return self.eval(node.parts[0])
        if kind == "column":
            return [row[node.text] for row in self.rows]
        if kind == "above":
            assert self.index is not None
            return [row[node.text] for row in self.rows[:self.index]]
        if kind == "name":
            if node.text in self.parameters:
                return self.parameters[node.text]
            assert self.index is not None
            return self.rows[self.index][node.text]
        if kind == "unary":
            value = _number(self.eval(node.parts[0]))
            return value if isinstance(value, CellError) else (-value if node.text == "-" else value)
        if kind == "binary":
            return _binary(node.text, self.eval(node.parts[0]), self.eval(node.parts[1]))
        return self.call(node)

    def call(self, node: Node) -> Any:
        name = node.text
        if name == "IF":
            test = _truth(self.eval(node.parts[0]))
            if isinstance(test, CellError):
                return test
            if test:
                return self.eval(node.parts[1])
            return self.eval(node.parts[2]) if len(node.parts) > 2 else False
        if name == "IFERROR":
            value = _safe(lambda: self.eval(node.parts[0]))
            return self.eval(node.parts[1]) if isinstance(value, CellError) else value
        args = [self.eval(part) for part in node.parts]
        function = FUNCTIONS.get(name)
        if function is None:
            raise Unsupported(name)
        return function(*args)


# --- values ---

def _number(value: Cell) -> Any:
    """A cell in arithmetic: empty is 0, numeric text converts, other text is #VALUE!."""
    if isinstance(value, CellError):
        return value
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return VALUE
    if isinstance(value, list):
        return VALUE
    return float(value)


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _truth(value: Cell) -> Any:
    if isinstance(value, CellError):
        return value
    if isinstance(value, str):
        return VALUE
    return bool(value)


def _order_key(value: Cell) -> tuple[int, Any]:
    """Spreadsheet ordering: numbers < text (case-insensitive) < logicals; empty is 0 or ""."""
    if isinstance(value, bool):
        return (2, value)
    if isinstance(value, str):
        return (1, value.lower())
    return (0, value or 0.0)


def _compare(op: str, left: Cell, right: Cell) -> bool:
    if left is None:
        left = "" if isinstance(right, str) else 0.0
    if right is None:
        right = "" if isinstance(left, str) else 0.0
    a, b = _order_key(left), _order_key(right)
    return {"=": a == b, "<>": a != b, "<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op]


def _binary(op: str, left: Cell, right: Cell) -> Any:
    for side in (left, right):
        if isinstance(side, CellError):
            return side
    if op == "&":
        return _text(left) + _text(right)
    if op in ("=", "<>", "<", ">", "<=", ">="):
        return _compare(op, left, right)
    a, b = _number(left), _number(right)
    if isinstance(a, CellError) or isinstance(b, CellError):
        return a if isinstance(a, CellError) else b
    if op == "/" and b == 0:
        return DIV0
    return _ARITHMETIC[op](a, b)


_ARITHMETIC: dict[str, Callable[[float, float], float]] = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b,
    "^": lambda a, b: a ** b,
}


def _numbers(args: Sequence[Any]) -> list[float]:
    """Numbers from ranges (text, logicals and empties skipped) and from scalar arguments."""
    found: list[float] = []
    for arg in args:
        if isinstance(arg, list):
            for value in arg:
                if isinstance(value, CellError):
                    raise _Raised(value)
                if _is_number(value):
                    found.append(value)
        else:
            value = _number(arg)
            if isinstance(value, CellError):
                raise _Raised(value)
            found.append(value)
    return found


class _Raised(Exception):
    def __init__(self, error: CellError) -> None:
        super().__init__(str(error))
        self.error = error


def _guard(function: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any) -> Any:
        try:
            return function(*args)
        except _Raised as raised:
            return raised.error
    return run


def _matches(criterion: Cell) -> Callable[[Cell], bool]:
    """A COUNTIF criterion: a number, text, or an operator followed by either."""
    if not isinstance(criterion, str):
        target = _number(criterion)
        return lambda value: _is_number(value) and value == target
    op = next((o for o in ("<=", ">=", "<>", "<", ">", "=") if criterion.startswith(o)), "")
    rest = criterion[len(op):]
    try:
        number: float | None = float(rest)
    except ValueError:
        number = None
    if number is not None:
        def numeric(value: Cell) -> bool:
            if op == "<>":
                return not (_is_number(value) and value == number)
            return _is_number(value) and _compare(op or "=", value, number)
        return numeric
    text = rest.lower()
    if op in ("", "="):
        return lambda value: (text == "" and value in (None, "")) or (
            isinstance(value, str) and not isinstance(value, CellError) and value.lower() == text)
    if op == "<>":
        return lambda value: not (isinstance(value, str) and value.lower() == text) or (text == "" and value is None)
    return lambda value: isinstance(value, str) and _compare(op, value.lower(), text)


def _countifs(*args: Any) -> float:
    pairs = list(zip(args[0::2], args[1::2], strict=True))
    length = len(pairs[0][0])
    tests = [(values, _matches(criterion)) for values, criterion in pairs]
    return float(sum(all(test(values[i]) for values, test in tests) for i in range(length)))


def _sumifs(total: list[Cell], *args: Any) -> float:
    pairs = list(zip(args[0::2], args[1::2], strict=True))
    tests = [(values, _matches(criterion)) for values, criterion in pairs]
    return sum(v for i, v in enumerate(total) if _is_number(v) and all(t(values[i]) for values, t in tests))


def _sumif(values: list[Cell], criterion: Cell, total: list[Cell] | None = None) -> float:
    return _sumifs(total if total is not None else values, values, criterion)


def _round(value: Cell, digits: Cell, mode: str = ROUND_HALF_UP) -> Any:
    number, places = _number(value), _number(digits)
    if isinstance(number, CellError) or isinstance(places, CellError):
        return number if isinstance(number, CellError) else places
    quantum = Decimal(1).scaleb(-int(places))
    exact = Decimal(repr(number)).quantize(quantum, rounding=mode)
    return float(exact)


def _rank(value: Cell, values: list[Cell], order: Cell = 0.0) -> Any:
    numbers = [v for v in values if _is_number(v)]
    if not _is_number(value) or value not in numbers:
        return NA
    ahead = [v for v in numbers if (v < value if order else v > value)]
    return float(len(ahead) + 1)


def _match(value: Cell, values: list[Cell], kind: Cell = 1.0) -> Any:
    if _number(kind) != 0:
        raise Unsupported("MATCH without 0")
    for position, candidate in enumerate(values, start=1):
        if candidate is not None and _compare("=", candidate, value):
            return float(position)
    return NA


def _index(values: list[Cell], position: Cell, *_: Any) -> Any:
    at = _number(position)
    if isinstance(at, CellError):
        return at
    if not 1 <= at <= len(values):
        return CellError("#REF!")
    found = values[int(at) - 1]
    return 0.0 if found is None else found


def _date_of(serial: Cell) -> datetime.date:
    number = _number(serial)
    if isinstance(number, CellError):
        raise _Raised(number)
    return EPOCH + datetime.timedelta(days=int(number))


def _date(year: Cell, month: Cell, day: Cell) -> float:
    y, m, d = (int(_number(v)) for v in (year, month, day))
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return float((datetime.date(y, m, 1) - EPOCH).days + d - 1)


def _edate(start: Cell, months: Cell) -> float:
    when = _date_of(start)
    total = when.month - 1 + int(_number(months))
    y, m = when.year + total // 12, total % 12 + 1
    last = (datetime.date(y + m // 12, m % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return float((datetime.date(y, m, min(when.day, last)) - EPOCH).days)


def _sumproduct(*ranges: list[Cell]) -> float:
    total = 0.0
    for values in zip(*ranges, strict=True):
        if all(_is_number(v) for v in values):
            total += math.prod(values)
    return total


def _nth(values: list[Cell], n: Cell, largest: bool) -> Any:
    numbers = sorted((v for v in values if _is_number(v)), reverse=largest)
    k = int(_number(n))
    return numbers[k - 1] if 1 <= k <= len(numbers) else NUM


def _today() -> float:
    raise Unsupported("TODAY")


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "SUM": _guard(lambda *a: sum(_numbers(a))),
    "COUNT": lambda *a: float(sum(1 for arg in a for v in (arg if isinstance(arg, list) else [arg]) if _is_number(v))),
    "COUNTA": lambda *a: float(sum(1 for arg in a for v in (arg if isinstance(arg, list) else [arg]) if v is not None)),
    "AVERAGE": _guard(lambda *a: (lambda n: sum(n) / len(n) if n else DIV0)(_numbers(a))),
    "MIN": _guard(lambda *a: min(_numbers(a), default=0.0)),
    "MAX": _guard(lambda *a: max(_numbers(a), default=0.0)),
    "SUMIF": _sumif, "SUMIFS": _sumifs, "COUNTIF": _countifs, "COUNTIFS": _countifs,
    "AND": lambda *a: all(_truth(v) is True for v in a),
    "OR": lambda *a: any(_truth(v) is True for v in a),
    "NOT": lambda v: (lambda t: t if isinstance(t, CellError) else not t)(_truth(v)),
    "ROUND": _round, "ROUNDUP": lambda v, d: _round(v, d, ROUND_UP),
    "ROUNDDOWN": lambda v, d: _round(v, d, ROUND_DOWN),
    "ABS": lambda v: (lambda n: n if isinstance(n, CellError) else abs(n))(_number(v)),
    "RANK": _rank, "MATCH": _match, "INDEX": _index,
    "VLOOKUP": lambda v, r, c, *x: _index(r, _match(v, r, 0.0)) if _number(c) == 1 else CellError("#REF!"),
    "ISNUMBER": lambda v: _is_number(v),
    "DATE": _guard(_date), "EDATE": _guard(_edate),
    "YEAR": _guard(lambda v: float(_date_of(v).year)), "MONTH": _guard(lambda v: float(_date_of(v).month)),
    "TODAY": _today, "SUMPRODUCT": _sumproduct,
    "LARGE": lambda r, n: _nth(r, n, True), "SMALL": lambda r, n: _nth(r, n, False),
}
