"""Worksheet checks over models built in code (the corpus covers the same checks from YAML)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.load.course import load_course
from generator.model.outline import Outline, build_outline
from generator.model.text import Text, Value
from generator.model.worksheet import Highlight
from generator.validate import validate
from generator.validate.worksheet_checks import check_worksheets
from tests.worksheet_factory import margin_worksheet

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def outline(sample_course: Path) -> Outline:
    loaded = load_course(sample_course)
    assert loaded.course is not None
    return build_outline(loaded.course.syllabus)


def _codes(worksheet, outline: Outline) -> list[str]:  # type: ignore[no-untyped-def]
    return [problem.code for problem in check_worksheets((worksheet,), outline)]


def test_a_sound_worksheet_has_no_problems(outline: Outline) -> None:
    worksheet = margin_worksheet()
    assert _codes(dataclasses.replace(worksheet, loc=dataclasses.replace(worksheet.loc, path="w/margin.yaml")),
                  outline) == []


def test_highlight_conditions_are_checked_like_formulas(outline: Outline) -> None:
    worksheet = margin_worksheet()
    sheet = worksheet.sheets[0]
    column = dataclasses.replace(sheet.columns[-1], highlights=(Highlight(when=Text("毛利 < 底线"), style="bad"),))
    sheet = dataclasses.replace(sheet, columns=(*sheet.columns[:-1], column))
    codes = _codes(dataclasses.replace(worksheet, sheets=(sheet,)), outline)
    assert "ws-unknown-name" in codes


def test_date_formula_results_must_be_dates(outline: Outline) -> None:
    worksheet = margin_worksheet()
    sheet = worksheet.sheets[0]
    column = dataclasses.replace(sheet.columns[-1], format="date")
    sample = {**sheet.samples[0], Text("毛利率"): Value("明天")}
    sheet = dataclasses.replace(sheet, columns=(*sheet.columns[:-1], column), samples=(sample,))
    assert "ws-value-type" in _codes(dataclasses.replace(worksheet, sheets=(sheet,)), outline)


def test_bundled_worksheets_are_clean() -> None:
    loaded = load_course(REPO)
    assert loaded.course is not None and loaded.course.worksheets
    problems = [p for p in validate(loaded.course) if "worksheets/" in p.loc.path]
    assert problems == []


def test_formula_cycles_are_reported_once(outline: Outline) -> None:
    worksheet = margin_worksheet()
    sheet = worksheet.sheets[0]
    looped = [dataclasses.replace(sheet.columns[-1], formula=Text("ROUND(差 / 销售额, 4)")),
              dataclasses.replace(sheet.columns[-1], name=Text("差"), formula=Text("RANK(毛利率, 毛利率[])"),
                                  highlights=())]
    sample = {**sheet.samples[0], Text("差"): Value(1)}
    sheet = dataclasses.replace(sheet, columns=(*sheet.columns[:-1], *looped), samples=(sample,))
    problems = check_worksheets((dataclasses.replace(worksheet, sheets=(sheet,)),), outline)
    cycles = [p.message for p in problems if p.code == "ws-formula-cycle"]
    assert cycles == ["列“毛利率”的公式绕回了自己：毛利率 → 差 → 毛利率"]


def test_a_column_ranking_itself_is_a_cycle(outline: Outline) -> None:
    worksheet = margin_worksheet()
    sheet = worksheet.sheets[0]
    column = dataclasses.replace(sheet.columns[-1], formula=Text("RANK(销售额, 毛利率[])"))
    sheet = dataclasses.replace(sheet, columns=(*sheet.columns[:-1], column))
    assert "ws-formula-cycle" in _codes(dataclasses.replace(worksheet, sheets=(sheet,)), outline)


def test_whole_floats_count_as_integers(outline: Outline) -> None:
    worksheet = margin_worksheet()
    sheet = worksheet.sheets[0]
    summary = dataclasses.replace(sheet.summary[0], format="integer", expected=Value(1000.0))
    half = dataclasses.replace(summary, expected=Value(2.5))
    for expected, codes in ((summary, []), (half, ["ws-value-type"])):
        ws = dataclasses.replace(worksheet, sheets=(dataclasses.replace(sheet, summary=(expected,)),),
                                 loc=dataclasses.replace(worksheet.loc, path="w/margin.yaml"))
        assert _codes(ws, outline) == codes
