"""The worksheet formula language: Excel expressions written with column and parameter names.

Parsing keeps the author's parentheses, so the spreadsheet's own precedence rules apply unchanged;
translation only swaps names for cell references.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# Functions that Excel 2010+, WPS Office and LibreOffice compute alike.
FUNCTIONS = frozenset({
    "SUM", "SUMIF", "SUMIFS", "COUNT", "COUNTA", "COUNTIF", "COUNTIFS", "AVERAGE", "MIN", "MAX", "IF",
    "IFERROR", "AND", "OR", "NOT", "ROUND", "ROUNDUP", "ROUNDDOWN", "ABS", "VLOOKUP", "INDEX", "MATCH", "RANK",
    "ISNUMBER", "DATE", "EDATE", "YEAR", "MONTH", "TODAY", "SUMPRODUCT", "LARGE", "SMALL",
})
# A name that is neither a column nor a parameter but an Excel function elsewhere: what to write instead.
REPLACEMENTS = {"XLOOKUP": "INDEX(结果列[], MATCH(值, 查找列[], 0))"}
ABOVE = "[上方]"  # 列名[上方]: this column from its header down to the row above (running counts, tie breaks)
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
NAME = re.compile(rf"[{_CJK}A-Za-z_][{_CJK}A-Za-z0-9_]*")
_CELL_LIKE = re.compile(r"^(?:[A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc]?[0-9]*|[Cc][0-9]*|TRUE|FALSE)$", re.IGNORECASE)
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?%?")
_OPERATORS = ("<=", ">=", "<>", "+", "-", "*", "/", "^", "&", "=", "<", ">")
_COMPARISONS = ("=", "<>", "<", ">", "<=", ">=")
# Full-width punctuation a Chinese keyboard types by habit -> what the formula needs.
FULL_WIDTH = {"（": "(", "）": ")", "，": ",", "“": '"', "”": '"', "＝": "=", "＋": "+", "－": "-", "＊": "*",
              "／": "/", "＞": ">", "＜": "<", "　": " ", "％": "%"}


class FormulaError(Exception):
    """A problem in one formula: a message code of generator/locale and its values.

    Syntax errors carry `problem` (a key of WS_SYNTAX in the locale) and the offending `token`;
    `at` is the character offset in the formula where the problem is (-1: the formula as a whole).
    """

    def __init__(self, code: str, at: int = -1, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.at = at
        self.values = values


@dataclass(frozen=True)
class Token:
    kind: str  # number, string, logical, name, column, above, function, op, open, close, comma
    text: str
    at: int = 0  # offset in the formula


@dataclass(frozen=True)
class Node:
    """One expression node; `parts` are children (operands or arguments)."""

    kind: str  # number, string, logical, name, column, above, call, unary, binary, group
    text: str
    parts: tuple[Node, ...] = ()

    def walk(self) -> Iterator[Node]:
        yield self
        for part in self.parts:
            yield from part.walk()


def is_valid_name(name: str) -> bool:
    """Column and parameter names: usable in formulas and safe as workbook names."""
    return bool(NAME.fullmatch(name)) and not _CELL_LIKE.match(name) and name.upper() not in FUNCTIONS


def tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    while position < len(source):
        char = source[position]
        if char.isspace():
            position += 1
            continue
        token, end = _next_token(source, position)
        tokens.append(dataclasses.replace(token, at=position))
        position = end
    return tokens


def syntax_errors(source: str) -> list[FormulaError]:
    """Every character a formula cannot contain, or else its first structural problem: fixed in one go."""
    found: list[FormulaError] = []
    position = 0
    while position < len(source):
        if source[position].isspace():
            position += 1
            continue
        try:
            _, position = _next_token(source, position)
        except FormulaError as problem:
            found.append(problem)
            if problem.values.get("problem") == "unclosed_string":
                break
            position += 1
    if found:
        return found
    try:
        parse(source)
    except FormulaError as problem:
        return [problem]
    return []


def _next_token(source: str, position: int) -> tuple[Token, int]:
    char = source[position]
    if char in FULL_WIDTH:
        raise FormulaError("ws-formula-full-width", at=position, char=char, ascii=FULL_WIDTH[char])
    if char == '"':
        return _string(source, position)
    number = _NUMBER.match(source, position)
    if number:
        return Token("number", number.group()), number.end()
    name = NAME.match(source, position)
    if name:
        return _name(source, name.group(), name.end())
    for op in _OPERATORS:
        if source.startswith(op, position):
            return Token("op", op), position + len(op)
    simple = {"(": "open", ")": "close", ",": "comma"}
    if char in simple:
        return Token(simple[char], char), position + 1
    raise FormulaError("ws-formula-char", at=position, char=char)


def _string(source: str, position: int) -> tuple[Token, int]:
    end = position + 1
    while True:
        end = source.find('"', end)
        if end < 0:
            raise FormulaError("ws-formula-syntax", at=position, problem="unclosed_string")
        if source.startswith('""', end):
            end += 2
            continue
        return Token("string", source[position:end + 1]), end + 1


def _name(source: str, name: str, end: int) -> tuple[Token, int]:
    rest = source[end:]
    stripped = rest.lstrip()
    if stripped.startswith("("):
        return Token("function", name), end
    if rest.startswith("[]"):
        return Token("column", name), end + 2
    if rest.startswith(ABOVE):
        return Token("above", name), end + len(ABOVE)
    if name.upper() in ("TRUE", "FALSE"):
        return Token("logical", name.upper()), end
    return Token("name", name), end


@functools.lru_cache(maxsize=4096)
def parse(source: str) -> Node:
    """Parse a formula; raises FormulaError with a message an author can act on.

    Cached: every prepared row of a column parses the same text, and the tree is immutable."""
    parser = _Parser(tokenize(source), len(source))
    if not parser.tokens:
        raise FormulaError("ws-formula-syntax", problem="empty")
    node = parser.comparison()
    if parser.position < len(parser.tokens):
        extra = parser.tokens[parser.position]
        raise FormulaError("ws-formula-syntax", at=extra.at, problem="missing_operator", token=extra.text)
    return node


class _Parser:
    """Recursive descent in Excel's precedence: comparison < & < + - < * / < ^ < unary."""

    def __init__(self, tokens: list[Token], end: int) -> None:
        self.tokens = tokens
        self.position = 0
        self.end = end  # where a missing piece would go

    def peek(self) -> Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise FormulaError("ws-formula-syntax", at=self.end, problem="incomplete")
        self.position += 1
        return token

    def _binary(self, operators: tuple[str, ...], operand: Callable[[], Node]) -> Node:
        node = operand()
        while (token := self.peek()) is not None and token.kind == "op" and token.text in operators:
            self.take()
            node = Node("binary", token.text, (node, operand()))
        return node

    def comparison(self) -> Node:
        return self._binary(_COMPARISONS, self.concat)

    def concat(self) -> Node:
        return self._binary(("&",), self.additive)

    def additive(self) -> Node:
        return self._binary(("+", "-"), self.term)

    def term(self) -> Node:
        return self._binary(("*", "/"), self.power)

    def power(self) -> Node:
        return self._binary(("^",), self.unary)

    def unary(self) -> Node:
        token = self.peek()
        if token is not None and token.kind == "op" and token.text in "+-":
            self.take()
            return Node("unary", token.text, (self.unary(),))
        return self.primary()

    def primary(self) -> Node:
        token = self.take()
        if token.kind in ("number", "string", "name", "column", "above", "logical"):
            return Node(token.kind, token.text)
        if token.kind == "function":
            return self.call(token.text)
        if token.kind == "open":
            inner = self.comparison()
            self.expect("close", "unclosed_paren")
            return Node("group", "", (inner,))
        raise FormulaError("ws-formula-syntax", at=token.at, problem="unexpected", token=token.text)

    def call(self, name: str) -> Node:
        self.expect("open", "call_paren")
        args: list[Node] = []
        if (token := self.peek()) is not None and token.kind == "close":
            self.take()
            return Node("call", name.upper(), ())
        while True:
            args.append(self.comparison())
            token = self.take()
            if token.kind == "close":
                return Node("call", name.upper(), tuple(args))
            if token.kind != "comma":
                raise FormulaError("ws-formula-syntax", at=token.at, problem="arguments", token=name)

    def expect(self, kind: str, problem: str) -> None:
        token = self.peek()
        if token is None or token.kind != kind:
            raise FormulaError("ws-formula-syntax", at=self.end if token is None else token.at, problem=problem)
        self.take()


def functions_used(node: Node) -> list[str]:
    return [part.text for part in node.walk() if part.kind == "call"]


def names_used(node: Node) -> list[Node]:
    """Name and whole-column references, in reading order."""
    return [part for part in node.walk() if part.kind in ("name", "column", "above")]


def emit(node: Node, resolve: Callable[[Node], str]) -> str:
    """Excel text of the expression; `resolve` turns a name or column node into a reference."""
    if node.kind in ("name", "column", "above"):
        return resolve(node)
    if node.kind == "call":
        return f"{node.text}({','.join(emit(arg, resolve) for arg in node.parts)})"
    if node.kind == "group":
        return f"({emit(node.parts[0], resolve)})"
    if node.kind == "unary":
        return node.text + emit(node.parts[0], resolve)
    if node.kind == "binary":
        return f"{emit(node.parts[0], resolve)}{node.text}{emit(node.parts[1], resolve)}"
    return node.text
