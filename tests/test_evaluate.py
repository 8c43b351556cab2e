"""Highlight conditions evaluated on sample rows for the HTML preview."""

from __future__ import annotations

import pytest

from generator.workbook.compute import holds
from generator.workbook.style import show

ROW = {"毛利率": 0.09, "底线": 0.12, "分级": "A", "兑现日期": "2025-07-01", "谈判日期": "2025-03-18", "空": ""}


@pytest.mark.parametrize(("condition", "expected"), [
    ("毛利率 < 底线", True),
    ("毛利率 >= 底线", False),
    ('分级 = "a"', True),  # text compares without case, as in a spreadsheet
    ('分级 <> "A"', False),
    ("兑现日期 - 谈判日期 > 90", True),
    ("AND(毛利率 < 底线, NOT(分级 = \"B\"))", True),
    ("OR(毛利率 > 1, ABS(-2) = 2)", True),
    ("空 > 5", True),  # text sorts after numbers: why the workbook guards blank rows
    ("毛利率 * 100 > 8%", True),
    ('分级 & "类" = "A类"', True),
    ("OR(FALSE, true)", True),
])
def test_conditions(condition: str, expected: bool) -> None:
    assert holds(condition, ROW) is expected


@pytest.mark.parametrize("condition", ["SUM(毛利率[]) > 1", "毛利率 / 0 > 1", "分级 + 1 > 0", "分级", "(毛利率"])
def test_undecidable_conditions_leave_the_cell_plain(condition: str) -> None:
    assert holds(condition, ROW) is None


def test_shown_values_follow_the_workbook_formats() -> None:
    assert show(-240000, "money") == "-¥240,000"
    assert show(3.456, "money") == "¥3.46"
    assert show(0.4615, "percent") == "46.2%"
    assert show(1234567, "integer") == "1,234,567"
    assert show("2025-03-18", "date") == "2025-03-18"
