"""The worksheet formula language: parsing, names and translation to cell references."""

from __future__ import annotations

import pytest

from generator.locale.zh import WS_SYNTAX
from generator.workbook.formula import FormulaError, functions_used, is_valid_name, names_used, parse
from generator.workbook.layout import lay_out, row_formula, sheet_formula
from tests.worksheet_factory import column, data_sheet


def test_names_and_functions_are_found_in_reading_order() -> None:
    tree = parse('IF(毛利率 < 最低毛利率, "低", SUM(销售额[]))')
    assert [(n.kind, n.text) for n in names_used(tree)] == [("name", "毛利率"), ("name", "最低毛利率"),
                                                            ("column", "销售额")]
    assert functions_used(tree) == ["IF", "SUM"]


def test_function_names_are_case_insensitive_and_upper_cased() -> None:
    assert functions_used(parse("round(a1b, 2)")) == ["ROUND"]


@pytest.mark.parametrize(("source", "code"), [
    ("(销售额 - 成本", "ws-formula-syntax"),
    ("销售额 成本", "ws-formula-syntax"),
    ('IF(a, "x)', "ws-formula-syntax"),
    ("SUM(销售额，成本)", "ws-formula-full-width"),
    ("销售额 # 2", "ws-formula-char"),
    ("", "ws-formula-syntax"),
    ("IF(a,", "ws-formula-syntax"),
    ("SUM(a b)", "ws-formula-syntax"),
    ("a + )", "ws-formula-syntax"),
])
def test_syntax_errors_name_their_kind(source: str, code: str) -> None:
    with pytest.raises(FormulaError) as caught:
        parse(source)
    assert caught.value.code == code
    if code == "ws-formula-syntax":  # every syntax problem has its Chinese wording
        assert caught.value.values["problem"] in WS_SYNTAX


@pytest.mark.parametrize(("name", "valid"), [
    ("销售额", True), ("A类占比", True), ("sales_2024", True), ("毛利率2", True),
    ("2024销售额", False), ("A1", False), ("ab12", False), ("R1C1", False), ("SUM", False),
    ("true", False), ("销售额(元)", False), ("毛 利", False),
])
def test_valid_names(name: str, valid: bool) -> None:
    assert is_valid_name(name) is valid


def test_row_formula_uses_this_rows_cells_whole_columns_and_parameters() -> None:
    sheet = data_sheet([column("销售额", "money"), column("成本", "money"),
                        column("毛利率", "formula", formula="(销售额 - 成本) / 销售额")], samples=2, blank=3)
    layout = lay_out(sheet)
    assert row_formula("(销售额 - 成本) / 销售额", layout, 7, set()) == "(A7-B7)/A7"
    assert row_formula("销售额 / SUM(销售额[]) >= 门槛", layout, 4, {"门槛"}) == "A4/SUM($A$4:$A$203)>=门槛"
    assert row_formula("COUNTIF(销售额[上方], 销售额)", layout, 6, set()) == "COUNTIF($A$3:A5,A6)"
    assert sheet_formula('COUNTIF(毛利率[], "<" & 门槛)', layout, {"门槛"}) == 'COUNTIF($C$4:$C$203,"<"&门槛)'
    assert layout.inputs_blank(9) == "COUNTA(A9,B9)=0"


def test_strings_keep_doubled_quotes_and_operators_keep_precedence_as_written() -> None:
    sheet = data_sheet([column("a", "number"), column("b", "number")], samples=0, blank=1)
    assert row_formula('-(a + b) ^ 2 & "x""y"', lay_out(sheet), 4, set()) == '-(A4+B4)^2&"x""y"'


def test_true_and_false_are_literals_not_names() -> None:
    tree = parse("IF(a, true, FALSE)")
    assert [node.text for node in names_used(tree)] == ["a"]
    sheet = data_sheet([column("a", "number")], samples=0, blank=1)
    assert row_formula("IF(a, true, FALSE)", lay_out(sheet), 4, set()) == "IF(A4,TRUE,FALSE)"
