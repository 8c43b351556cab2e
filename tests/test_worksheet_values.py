"""Sample expectations computed by the project's evaluator, and type mistakes reported with positions."""

from __future__ import annotations

import dataclasses

from generator.diagnostics import Loc
from generator.model.text import Text, Value
from generator.model.worksheet import Column, Worksheet
from generator.validate.worksheet_values import check_values
from generator.workbook.compute import compute_sheet, parameter_values
from tests.worksheet_factory import column, margin_worksheet

AT = Loc("content/worksheets/margin.yaml", 12, 30)


def _with(worksheet: Worksheet, *extra: Column, sample: dict[str, object] | None = None) -> Worksheet:
    sheet = worksheet.sheets[0]
    row = {**sheet.samples[0], **{Text(k): Value(v, AT) for k, v in (sample or {}).items()}}
    sheet = dataclasses.replace(sheet, columns=(*sheet.columns, *extra), samples=(row,))
    return dataclasses.replace(worksheet, sheets=(sheet,))


def test_the_bundled_style_worksheet_has_no_findings() -> None:
    assert check_values(margin_worksheet()) == []


def test_a_wrong_expectation_is_reported_at_its_yaml_position() -> None:
    worksheet = _with(margin_worksheet(), sample={"毛利率": 0.25})
    (problem,) = check_values(worksheet)
    assert (problem.code, problem.loc) == ("ws-expected-mismatch", AT)
    assert "0.25" in problem.message and "20.0%" in problem.message


def test_a_wrong_summary_expectation_is_reported() -> None:
    worksheet = margin_worksheet()
    sheet = worksheet.sheets[0]
    summary = dataclasses.replace(sheet.summary[0], expected=Value(999, AT))
    worksheet = dataclasses.replace(worksheet, sheets=(dataclasses.replace(sheet, summary=(summary,)),))
    assert [p.code for p in check_values(worksheet)] == ["ws-expected-mismatch"]


def test_sum_of_text_comparison_with_a_non_choice_and_percent_over_one() -> None:
    worksheet = _with(margin_worksheet(),
                      column("乱加", "formula", formula=Text("SUM(客户[])", AT)),
                      column("乱比", "formula", formula=Text('IF(级别 = "D", 1, 0)', AT), format="integer"),
                      sample={"乱加": 0, "乱比": 0})
    parameter = dataclasses.replace(worksheet.parameters[0], value=Value(15, AT))
    worksheet = dataclasses.replace(worksheet, parameters=(parameter,))
    codes = sorted(p.code for p in check_values(worksheet))
    assert codes == ["ws-compare-not-choice", "ws-percent-over-one", "ws-sum-of-text"]


def test_incomplete_rows_show_missing_and_drop_out_of_sums_and_ranks() -> None:
    rank = column("排名", "formula", formula="RANK(销售额, 销售额[]) + COUNTIF(销售额[上方], 销售额)")
    worksheet = _with(margin_worksheet(), rank)
    sheet = worksheet.sheets[0]
    inputs = [{"客户": "甲", "销售额": 100, "成本": 50}, {"客户": "乙", "成本": 10},
              {"客户": "丙", "销售额": "停单", "成本": 1}, {"客户": "丁", "销售额": 100, "成本": 80},
              {"客户": "戊", "销售额": 300, "成本": 0}]
    rows, summaries = compute_sheet(sheet, parameter_values(worksheet), inputs)
    assert [row["毛利率"] for row in rows[:5]] == [0.5, "缺数据", "缺数据", 0.2, 1.0]
    assert [row["排名"] for row in rows[:5]] == [2.0, "缺数据", "缺数据", 3.0, 1.0]  # the tie goes to the first row
    assert summaries == [500.0]
    blank_row = compute_sheet(sheet, parameter_values(worksheet), inputs[:1])[0][1]
    assert blank_row["毛利率"] == ""  # a prepared row nobody typed in stays blank


def test_a_value_outside_the_columns_own_bounds_counts_as_missing() -> None:
    """A retention of 105% pasted past the input check would divide by ~0 and turn every rank into an error."""
    worksheet = margin_worksheet()
    sheet = worksheet.sheets[0]
    capped = dataclasses.replace(sheet.columns[3], max=Value(5000))  # 成本 at most 5000
    sheet = dataclasses.replace(sheet, columns=(*sheet.columns[:3], capped, *sheet.columns[4:]))
    typed = [{"客户": "甲", "销售额": 9000, "成本": 6000}, {"客户": "乙", "销售额": 100, "成本": 50}]
    rows, summaries = compute_sheet(sheet, parameter_values(worksheet), typed)
    assert [row["毛利率"] for row in rows[:2]] == ["缺数据", 0.5]
    assert summaries == [9100.0]  # the row still counts where its own inputs are fine
