"""班级报告: only the trainer edition has the page, and only that page loads its script."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from generator import routes
from generator.assets import front_end_files, minified
from generator.load.course import load_course
from generator.render import render
from generator.render.report import REPORT_SOURCES, STEM_CHARS, option_texts, plain_start
from generator.render.tree import DocsTree
from generator.resources import TOOL_TEMPLATES
from tests.conftest import copy_bundled_course


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> dict[str, DocsTree]:
    course = load_course(copy_bundled_course(tmp_path_factory.mktemp("report"))).course
    assert course is not None
    return {edition: render(course, edition) for edition in ("learner", "trainer")}


def page_data(tree: DocsTree) -> dict:  # type: ignore[type-arg]
    text = tree.files[routes.REPORT].decode("utf-8")
    found = re.search(r'data-cw-report data-json="([^"]*)"', text)
    assert found
    return json.loads(html.unescape(found.group(1)))


def test_learner_edition_has_neither_the_page_nor_its_script(trees: dict[str, DocsTree]) -> None:
    learner = trees["learner"]
    assert routes.REPORT not in learner.files
    assert not [path for path in learner.files if path.startswith("assets/report/")]
    assert not [path for path, data in learner.files.items() if b"report.js" in data or b"data-cw-report" in data]
    assert "班级报告" not in json.dumps(learner.nav, ensure_ascii=False)


def test_trainer_page_alone_links_the_script(trees: dict[str, DocsTree]) -> None:
    trainer = trees["trainer"]
    page = trainer.files[routes.REPORT].decode("utf-8")
    for target in routes.REPORT_ASSETS:
        assert trainer.files[target] == minified(target, (REPORT_SOURCES / target.rsplit("/", 1)[1]).read_bytes())
        assert target not in trainer.extra_js and target not in trainer.extra_css
        assert sorted(path for path, data in trainer.files.items() if target.encode() in data) == [routes.REPORT]
        assert (f'<script src="{target}" defer></script>' if target.endswith(".js")
                else f'<link rel="stylesheet" href="{target}">') in page
    assert "班级报告" in json.dumps(trainer.nav, ensure_ascii=False)


def test_report_files_are_outside_the_site_budget() -> None:
    """The budget counts site_templates/assets; the report's files are loaded by one page, not every page."""
    budget = {path.name for path in front_end_files(TOOL_TEMPLATES / "assets")}
    assert {"report.js", "xlsx.js", "report.css"}.isdisjoint(budget)
    for name in ("report.js", "xlsx.js"):
        text = (REPORT_SOURCES / name).read_text(encoding="utf-8")
        # xlsx.js names the format's XML namespaces, which are never fetched: nothing else may name a host
        hosts = set(re.findall(r"https?://[^/\"']+", text)) - {"http://schemas.openxmlformats.org"}
        assert not hosts and "require(" not in text and "import " not in text, name
        assert not re.search(r"\basync\b|\bawait\b|\?\.|\?\?", text), f"{name}: ES2015 only"


def test_page_data_maps_every_question(trees: dict[str, DocsTree]) -> None:
    data = page_data(trees["trainer"])
    assert data["storage"].startswith("cw-progress-v1:") and data["diagnostic"] and data["final"]
    questions = {q["id"]: q for q in data["questions"]}
    assert len(questions) == len(data["questions"]) > 100
    for question in questions.values():
        assert all(0 <= i < len(question["options"]) for i in question["wrong"])
        assert question["link"].endswith(".html") and " · " in question["chapter"]
        assert len(question["stem"]) <= STEM_CHARS + 1
    assert all(part["checks"] and part["test"] for part in data["parts"])


def test_option_texts_in_source_order_with_the_wrong_ones(tmp_path: Path) -> None:
    course = load_course(copy_bundled_course(tmp_path)).course
    assert course is not None
    questions = {q.type: q for bank in course.banks for q in bank.questions}
    single = questions["single"]
    texts, wrong = option_texts(single)
    assert texts == [str(o.text) for o in single.options]
    assert wrong == [i for i, o in enumerate(single.options) if not o.correct] and len(wrong) == len(texts) - 1
    truefalse = questions["truefalse"]
    assert option_texts(truefalse) == (["正确", "错误"], [1 if truefalse.answer else 0])
    scenario = questions["scenario"]
    best = [i for i, o in enumerate(scenario.options) if o.rating == "best"]
    assert set(option_texts(scenario)[1]) == set(range(len(scenario.options))) - set(best)
    assert option_texts(questions["ordering"]) == ([], [])


def test_plain_start_drops_markup_and_cuts_long_stems() -> None:
    assert plain_start("**交期** 是 [合同](x.md) 的 `关键`") == "交期 是 合同 的 关键"
    long = plain_start("报价" * 40)
    assert len(long) == STEM_CHARS + 1 and long.endswith("…")
    assert plain_start("") == ""
