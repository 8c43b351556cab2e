"""Looks shared by every generated workbook: tints, number formats, column widths."""

from __future__ import annotations

import math
import unicodedata

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

NUMBER_FORMATS = {
    "text": "@",
    "integer": "#,##0",
    "money": '"¥"#,##0.00',
    "percent": "0.0%",
    "number": "#,##0.00",
    "date": "yyyy-mm-dd",
}
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # light yellow: the learner types here
FORMULA_FILL = PatternFill("solid", fgColor="EDEDED")  # grey: computed, locked
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
HINT_FONT = Font(italic=True, color="595959")
_SIDE = Side(style="thin", color="BFBFBF")
GRID = Border(left=_SIDE, right=_SIDE, top=_SIDE, bottom=_SIDE)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
# Highlight style -> (fill, font colour): Excel's own "good / neutral / bad" palette, plus blue for info.
HIGHLIGHTS = {
    "good": ("C6EFCE", "006100"),
    "warn": ("FFEB9C", "9C5700"),
    "bad": ("FFC7CE", "9C0006"),
    "info": ("DDEBF7", "1F4E78"),
}
MIN_WIDTH, MAX_WIDTH = 8, 40
# a likely value per format, to size a summary cell that has no expected value
TYPICAL: dict[str, object] = {"money": 9_999_999.0, "percent": 1.0, "integer": 99_999, "number": 99_999.0,
                              "date": "2025-01-01", "text": ""}
LINE_HEIGHT = 16.5  # points per line of 11-point CJK text


def display_width(text: str) -> int:
    """Characters as a spreadsheet draws them: a CJK character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def fit_width(texts: list[str]) -> int:
    widest = max((display_width(text) for text in texts), default=0)
    return max(MIN_WIDTH, min(MAX_WIDTH, widest + 2))


def wrapped_height(text: str, width: int) -> float:
    """Row height in points for text wrapped in a cell `width` characters wide."""
    lines = sum(max(1, math.ceil(display_width(part) / max(width - 2, 1))) for part in text.split("\n"))
    return LINE_HEIGHT * lines


def cell_text(value: object, fmt: str) -> str:
    """A value as the spreadsheet draws it with NUMBER_FORMATS (for column widths)."""
    if isinstance(value, int | float) and not isinstance(value, bool) and fmt in ("money", "number"):
        return ("¥" if fmt == "money" else "") + f"{value:,.2f}"
    return show(value, fmt)


def show(value: object, fmt: str) -> str:
    """A value as the workbook displays it; used for widths and the HTML preview."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if fmt == "money":
        sign, amount = ("-" if value < 0 else ""), abs(value)
        return f"{sign}¥{amount:,.0f}" if amount == int(amount) else f"{sign}¥{amount:,.2f}"
    if fmt == "percent":
        return f"{value * 100:.1f}%"
    if fmt == "integer":
        return f"{value:,.0f}"
    if fmt == "number":
        return f"{value:,.2f}" if value != int(value) else f"{value:,.0f}"
    return str(value)
