"""Author links between the course's pages are resolved by `validate`, at the author's line."""

from __future__ import annotations

from pathlib import Path

from generator import pipeline
from generator.cli import main

BODY = "    body: 带上客户上次提到的问题的答案、最新报价和一份同行业案例。"


def _link_in_section(course: Path, markdown: str) -> None:
    module = course / "content/modules/plan-visit.yaml"
    text = module.read_text(encoding="utf-8")
    assert BODY in text
    module.write_text(text.replace(BODY, f"    body: 答案见{markdown}。"), encoding="utf-8")


def _codes(course: Path) -> list[tuple[str, str, int]]:
    outcome = pipeline.check(course)
    return [(d.code, d.loc.path, d.loc.line) for d in outcome.diagnostics]


def test_good_links_pass(sample_course: Path) -> None:
    _link_in_section(sample_course, "[目标](plan-visit.md#set-goal)、[要点](#set-goal--must-get)、"
                                    "[术语](../glossary.md)、[工作表](../worksheets/visit-card.xlsx)、[外站](https://example.com)")
    assert _codes(sample_course) == []


def test_missing_page_and_anchor_are_reported_at_the_yaml_line(sample_course: Path) -> None:
    _link_in_section(sample_course, "[这里](nowhere.md)和[错锚](plan-visit.md#nope)")
    assert _codes(sample_course) == [("broken-link", "content/modules/plan-visit.yaml", 20),
                                     ("broken-anchor", "content/modules/plan-visit.yaml", 20)]


def test_strict_validate_fails_on_a_broken_link(sample_course: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _link_in_section(sample_course, "[这里](../visit/nowhere.md)")
    assert main(["--course", str(sample_course), "validate"]) == 0
    assert main(["--course", str(sample_course), "validate", "--strict"]) == 1
    output = capsys.readouterr().err
    assert "content/modules/plan-visit.yaml:20:" in output and "warning[broken-link]" in output


def test_build_reports_a_broken_link_once(sample_course: Path, tmp_path: Path) -> None:
    _link_in_section(sample_course, "[这里](nowhere.md)")
    outcome = pipeline.build(sample_course, tmp_path / "site")
    assert [d.code for d in outcome.diagnostics] == ["broken-link"]
    assert outcome.diagnostics[0].loc.path == "content/modules/plan-visit.yaml"
