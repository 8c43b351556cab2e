"""Quiz pages in the docs tree: chapter checks, quiz pages, nav, and data that survives any author text."""

from __future__ import annotations

import json
from pathlib import Path

from generator.load.course import load_course
from generator.render import render
from generator.render.markup import to_html
from generator.render.templates import embed_json
from generator.render.tree import DocsTree
from tests.embedded import embedded_json


def rendered(course_dir: Path, edition: str = "learner") -> DocsTree:
    loaded = load_course(course_dir)
    assert loaded.course is not None, loaded.problems
    return render(loaded.course, edition)


def page(tree: DocsTree, path: str) -> str:
    return tree.files[path].decode("utf-8")


def embedded(text: str) -> list[dict]:  # type: ignore[type-arg]
    return embedded_json(text, "cw-quiz__data")


def test_json_cannot_close_its_script_tag() -> None:
    text = str(embed_json({"stem": '</script><script>alert("x")</script> & <!--'}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["stem"] == '</script><script>alert("x")</script> & <!--'


def test_chapter_page_carries_its_check(sample_course: Path) -> None:
    text = page(rendered(sample_course), "visit/plan-visit.md")
    assert "## 章节小测 {#check}" in text
    (data,) = embedded(text)
    assert data["id"] == "check-plan-visit" and data["draw"] == 5 and len(data["questions"]) == 8
    assert "[回看：第一节 设定拜访目标](../visit/plan-visit.md#set-goal)" in text
    assert text.index("## 章节小测") < text.index("## 课后立即执行")


def test_quiz_pages_and_nav(sample_course: Path) -> None:
    tree = rendered(sample_course)
    for name in ("index", "progress", "review", "diagnostic", "final", "visit-test"):
        assert f"quizzes/{name}.md" in tree.files
    section = next(item["测验"] for item in tree.nav if "测验" in item)
    assert section[0] == "quizzes/index.md"
    assert section[1:4] == [{"课前诊断": "quizzes/diagnostic.md"}, {"第一部分测验：拜访": "quizzes/visit-test.md"},
                            {"结业测评": "quizzes/final.md"}]
    assert section[-2:] == [{"我的进度": "quizzes/progress.md"}, {"复习": "quizzes/review.md"}]
    assert "多选题：（选对的项数 − 选错的项数）÷ 正确项数" in page(tree, "quizzes/index.md")


def test_scenario_credit_defaults_and_truefalse_as_two_options(sample_course: Path) -> None:
    (data,) = embedded(page(rendered(sample_course), "quizzes/visit-test.md"))
    by_id = {q["id"]: q for q in data["questions"]}
    assert [(o["rating"], o["credit"]) for o in by_id["vs-no-time"]["options"]] == [
        ("不当", 0), ("最佳", 100), ("可接受", 30)]
    assert [(o["text"], o["credit"]) for o in by_id["vs-must-get"]["options"]] == [("正确", 0), ("错误", 100)]


def test_static_list_keeps_answers_folded(sample_course: Path) -> None:
    text = page(rendered(sample_course), "quizzes/visit-test.md")
    assert text.count('<details class="cw-quiz__answer" markdown>') == 8
    assert "- 确认下一次送样日期 → 必须拿到的结果" in text


def test_progress_page_lists_every_chapter_check(sample_course: Path) -> None:
    text = page(rendered(sample_course), "quizzes/progress.md")
    html = to_html(text)  # the site's own Markdown setup: Markdown inside the HTML block would stay raw
    assert '<li data-cw-check="check-plan-visit"><a href="../visit/plan-visit.md#check">' in html
    assert "](" not in html
    (data,) = embedded_json(text, "cw-progress__data")
    assert data["parts"] == [{"id": "visit", "title": "第一部分 拜访", "chapters": ["check-plan-visit"],
                              "test": "visit-test"}]


def test_course_without_banks_has_no_quiz_pages(sample_course: Path) -> None:
    (sample_course / "quizzes/visit.yaml").unlink()
    tree = rendered(sample_course)
    assert not [path for path in tree.files if path.startswith("quizzes/")]
    assert "章节小测" not in page(tree, "visit/plan-visit.md")
