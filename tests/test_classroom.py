"""Classroom feature: editions, timing plan, answer keys, slide decks and the handbook."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.diagnostics import has_errors
from generator.engine import build_site
from generator.load.course import load_course
from generator.locale import UI
from generator.model.course import Course
from generator.model.outline import build_outline
from generator.model.quiz import Option, Pair, Question
from generator.model.text import Id, Markdown, Text
from generator.pipeline import emit_docs
from generator.render import EDITIONS, render
from generator.render.slides import (
    ITEM_OVERHEAD,
    SLIDE_CHARACTERS,
    chapter_slides,
    discussion_minutes,
    split_for_slides,
)
from generator.render.trainer import answer_text
from generator.render.views import build_views

REPO = Path(__file__).resolve().parents[1]
TRAINER_PAGES = ("agenda.html", "answers.html", "print/facilitator.html")

BANK = """\
bank: visit
title: 拜访题库
questions:
  - id: q-goal
    type: single
    node: set-goal
    stem: 哪一个是合格的拜访目标？
    explanation: 目标要写成客户的动作。
    options:
      - text: 确认下季度的预测量
        feedback: 对，这是客户的动作。
        correct: true
      - text: 维护一下关系
        feedback: 这是销售的感受。
  - id: q-record
    type: truefalse
    node: plan-visit
    stem: 拜访结果可以等到周末再记录。
    explanation: 当天记录，细节才不会丢。
    answer: false
"""


def with_sentinels(course: Course) -> Course:
    """The real course with every trainer-only text replaced by a marker that occurs nowhere else."""
    contents = []
    for index, content in enumerate(course.contents):
        discussions = tuple(
            replace(item, listen_for=tuple(Text(f"讲师专用听点{index}-{asked}-{number}：{point}")
                                           for number, point in enumerate(item.listen_for)))
            for asked, item in enumerate(content.discussions))
        notes = Markdown(f"讲师专用提示{index}：{content.trainer_notes or ''}")
        contents.append(replace(content, trainer_notes=notes, discussions=discussions))
    return replace(course, contents=tuple(contents))


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both editions of the marked course, built by MkDocs like `courseware build`."""
    course = with_sentinels(load_course(REPO).course)
    folder = tmp_path_factory.mktemp("editions")
    sites = {}
    for edition in EDITIONS:
        build_dir, _, _ = emit_docs(course, folder / "build" / edition, edition)
        sites[edition] = folder / edition
        assert not has_errors(build_site(build_dir / "mkdocs.yml", sites[edition]))
    return sites


def site_text(site: Path) -> str:
    """All text a reader or the search box can reach: pages without tags, JSON strings, SVG, decks."""
    chunks = []
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".svg"):
            chunks.append(plain(path.read_text(encoding="utf-8")))
        elif path.suffix == ".json":
            chunks += [plain(text) for text in _strings(json.loads(path.read_text(encoding="utf-8")))]
    return "\n".join(chunks)


def plain(text: str) -> str:
    """Without tags and entities, and without the zero-width spaces the search index puts between words."""
    return html.unescape(re.sub(r"<[^>]+>", "", text)).replace("\u200b", "")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def test_learner_site_has_no_trainer_text(editions: dict[str, Path]) -> None:
    learner, trainer = site_text(editions["learner"]), site_text(editions["trainer"])
    markers = sorted(set(re.findall(r"讲师专用(?:听点\d+-\d+-\d+|提示\d+)", trainer)))
    course = load_course(REPO).course
    expected = len(course.contents) + sum(len(d.listen_for) for c in course.contents for d in c.discussions)
    assert len(markers) == expected  # every note and listen-for point reached the trainer site
    assert re.findall(r"讲师专用", learner) == []
    for edition, expected_in_index in (("trainer", True), ("learner", False)):
        index = (editions[edition] / "search" / "search_index.json").read_text(encoding="utf-8")
        assert any("讲师专用" in plain(text) for text in _strings(json.loads(index))) is expected_in_index
    labels = [UI[key] for key in ("agenda_title", "answers_title", "facilitator_title", "facilitator_kind",
                                  "listen_for", "trainer_notes")]
    assert [label for label in labels if label not in trainer] == []
    assert [label for label in labels if label in learner] == []


def test_trainer_pages_exist_only_in_the_trainer_edition(editions: dict[str, Path]) -> None:
    for page in TRAINER_PAGES:
        assert (editions["trainer"] / page).is_file()
        assert not (editions["learner"] / page).exists()
    def has_notes(edition: str, name: str) -> bool:
        return "cw-slide__notes" in (editions[edition] / "slides" / name).read_text(encoding="utf-8")

    # Notes only ever reach the trainer's own screen: the presenter view of the trainer edition.
    assert has_notes("trainer", "hold-price.presenter.html")
    decks = sorted(path.name for path in (editions["trainer"] / "slides").glob("*.html"))
    assert [name for name in decks if has_notes("trainer", name)] == [
        name for name in decks if name.endswith(".presenter.html")]
    assert not any(has_notes("learner", name) for name in decks)


def test_trainer_edition_is_marked_on_every_page_and_the_learner_edition_nowhere(
        editions: dict[str, Path]) -> None:
    mark = UI["trainer_mark"]
    pages = sorted(editions["trainer"].rglob("*.html"))
    unmarked = [path for path in pages
                if not re.search(rf'class="cw-(?:mark|deck__mark)">{mark}<', path.read_text(encoding="utf-8"))]
    assert len(pages) > 100 and unmarked == []
    learner = [path for path in editions["learner"].rglob("*") if path.suffix in (".html", ".js", ".json", ".svg")]
    assert learner and [path for path in learner if mark in path.read_text(encoding="utf-8")] == []


def test_every_part_has_a_deck_a_map_and_a_link_from_its_page(built_site: Path) -> None:
    parts = load_course(REPO).course.syllabus.parts
    for part in parts:
        assert (built_site / "slides" / f"{part.id}.html").is_file()
        assert (built_site / "maps" / f"{part.id}.svg").is_file()
        assert f'href="../slides/{part.id}.html"' in (built_site / part.id / "index.html").read_text()
    listing = (built_site / "slides" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{part.id}.html"' in listing for part in parts)


def test_discussion_timer_default_follows_the_chapter_minutes() -> None:
    chapters = [SimpleNamespace(minutes=m, content=None) for m in (10, 45, 60, 90, 200)]
    assert [discussion_minutes(chapter) for chapter in chapters] == [5, 10, 15, 20, 20]


def _question(kind: str, **fields: object) -> Question:
    return Question(id=Id("q"), type=kind, node=Id("n"), stem=Markdown("题干"), explanation=Markdown("解析"),
                    **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (_question("single", options=(Option(Text("甲"), Text("x"), correct=True), Option(Text("乙"), Text("y")))),
         ["甲"]),
        (_question("truefalse", answer=False), ["错误"]),
        (_question("ordering", items=(Text("先"), Text("后"))), ["1. 先", "2. 后"]),
        (_question("matching", pairs=(Pair(Text("质量"), Text("8D")),)), ["质量 → 8D"]),
        (_question("scenario", options=(Option(Text("甲"), Text("x"), rating="best"),)), ["最佳：甲"]),
        (_question("reflection", rubric=(Text("有数字"),)), ["有数字"]),
    ],
)
def test_answer_key_for_every_question_type(question: Question, expected: list[str]) -> None:
    assert answer_text(question) == expected


def test_answer_page_lists_every_question_with_its_answer(sample_course: Path) -> None:
    (sample_course / "quizzes" / "visit.yaml").write_text(BANK, encoding="utf-8")
    loaded = load_course(sample_course)
    assert loaded.problems == []
    page = render(loaded.course, "trainer").files["answers.md"].decode("utf-8")
    assert "`q-goal`" in page and "`q-record`" in page
    assert "- 确认下季度的预测量" in page and "维护一下关系" not in page
    assert "- 错误" in page
    assert "(visit/plan-visit.md#set-goal)" in page
    assert "answers.md" not in render(loaded.course, "learner").files


def test_chapter_slides_pick_roleplays_and_worksheets_by_node(sample_course: Path) -> None:
    course = load_course(sample_course).course
    chapter = build_views(build_outline(course.syllabus), course.contents)[0].chapters[0]
    inside = SimpleNamespace(id="rp-a", nodes=("must-get",))
    outside = SimpleNamespace(id="rp-b", nodes=("other-chapter",))
    slides = chapter_slides(chapter, (inside, outside), (SimpleNamespace(id="ws", nodes=("plan-visit",)),))
    assert [item.id for item in slides.roleplays] == ["rp-a"]
    assert [item.id for item in slides.worksheets] == ["ws"]


def test_handbook_has_every_chapter_summary_point_and_action() -> None:
    course = load_course(REPO).course
    page = render(course).files["print/handbook.md"].decode("utf-8")
    for content in course.contents:
        assert content.summary[:12] in page
        assert all(point[:10] in page for point in content.key_points)
        assert all(action[:10] in page for action in content.actions)
    assert all(term.term in page for term in course.glossary.terms)
    assert page.count('<div class="cw-print__part" markdown>') == len(course.syllabus.parts) + 2


def test_classroom_output_is_the_same_bytes_every_time() -> None:
    course = load_course(REPO).course
    first, second = render(course, "trainer").files, render(course, "trainer").files
    classroom = [path for path in first if path.startswith(("maps/", "slides/", "print/", "agenda", "answers"))]
    assert len(classroom) >= 2 * len(course.syllabus.parts) + 5
    assert all(first[path] == second[path] for path in classroom)


@pytest.mark.parametrize("sizes", [[], [5], [900], [40] * 12, [200, 10, 10, 200, 10], [119] * 3 + [120] * 3])
def test_long_lists_split_over_slides_in_order(sizes: list[int]) -> None:
    items = ["客" * size for size in sizes]
    groups = split_for_slides(items)
    assert [item for group in groups for item in group] == items
    assert all(group for group in groups) or groups == ((),)
    weights = [sum(len(item) + ITEM_OVERHEAD for item in group) for group in groups]
    assert all(weight <= SLIDE_CHARACTERS or len(group) == 1 for weight, group in zip(weights, groups, strict=True))
    assert len(groups) <= max(1, -(-sum(len(i) + ITEM_OVERHEAD for i in items) // SLIDE_CHARACTERS)) + 1
    assert split_for_slides(items) == groups


def test_a_long_chapter_continues_on_marked_slides_in_both_views() -> None:
    course = load_course(REPO).course
    assert course is not None
    first = course.contents[0]
    points = tuple(Text(f"第{n}条：客户要求把账期从 60 天延长到 90 天，同时把交期从 15 天压到 7 天，报价还要再降 3%。")
                   for n in range(1, 15))
    course = replace(course, contents=(replace(first, key_points=points), *course.contents[1:]))
    tree = render(course, "trainer")
    part = next(p for p in course.syllabus.parts if any(c.id == first.chapter for c in p.chapters))
    audience = tree.files[f"slides/{part.id}.html"].decode()
    presenter = tree.files[f"slides/{part.id}.presenter.html"].decode()
    continued = re.findall(r"<h2>[^<]*" + UI["slides_continued"] + "</h2>", audience)
    assert len(continued) >= 2
    assert all(f"第{n}条" in audience for n in range(1, 15))
    assert audience.count('<section class="cw-slide') == presenter.count('<section class="cw-slide')
    assert "cw-slide__notes" not in audience and "cw-slide__notes" in presenter


def test_presenter_notes_carry_the_time_split_the_chapter_page_shows() -> None:
    """One timing source: the presenter view's split is the plan's, as on the trainer's chapter page."""
    course = load_course(REPO).course
    assert course is not None
    tree = render(course, "trainer")
    page = tree.files["hold-price/why-hold-price.md"].decode()
    heading = re.search(r"\*\*(时间分配（\d+ 分钟）)\*\*", page)
    assert heading is not None
    steps = page[heading.end():].split("\n\n")[1].splitlines()
    presenter = html.unescape(tree.files["slides/hold-price.presenter.html"].decode())
    assert f"<h3>{heading[1]}</h3>" in presenter
    assert len(steps) >= 3 and all(f"<li>{step.removeprefix('- ')}</li>" in presenter for step in steps)
    assert heading[1] not in tree.files["slides/hold-price.html"].decode()  # never on the projector
