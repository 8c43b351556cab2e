"""Role-play pages, card sheets, 话术库 and the chapter/part blocks, rendered from the scaffold course."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.assets import gzipped_size
from generator.load.course import load_course
from generator.render import TOOL_TEMPLATES, render
from generator.render.templates import embed_json
from tests.embedded import embedded_json

ROLEPLAY = "content/roleplays/rp-visit.yaml"


def pages(course: Path, edition: str = "learner") -> dict[str, str]:
    loaded = load_course(course)
    assert loaded.problems == []
    return {path: data.decode("utf-8") for path, data in render(loaded.course, edition).files.items()
            if path.endswith(".md")}


def edit(course: Path, relative: str, old: str, new: str) -> None:
    path = course / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def practice_json(page: str) -> dict:
    (found,) = embedded_json(page, "cw-play__data")
    return found


def test_role_play_adds_its_pages(sample_course: Path) -> None:
    rendered = pages(sample_course)
    for path in ("roleplays/index.md", "roleplays/rp-visit.md", "print/cards-rp-visit.md", "scripts.md"):
        assert path in rendered, path
    index = rendered["roleplays/index.md"]
    assert "## 第一部分 拜访 {#visit}" in index
    assert "[拜访采购经理，拿到下季度预测量](rp-visit.md)" in index


@pytest.mark.parametrize("page", ["roleplays/index.md", "roleplays/rp-visit.md", "print/cards-rp-visit.md",
                                  "scripts.md"])
def test_golden_pages(sample_course: Path, page: str, check_golden: Callable[[str, str], None]) -> None:
    check_golden(page, pages(sample_course)[page])


def test_chapter_without_exercise_still_lists_its_role_plays(sample_course: Path) -> None:
    module = sample_course / "content/modules/plan-visit.yaml"
    text = module.read_text(encoding="utf-8")
    start, end = text.index("exercise:"), text.index("actions:")
    module.write_text(text[:start] + text[end:], encoding="utf-8")
    chapter = pages(sample_course)["visit/plan-visit.md"]
    assert "## 本章角色扮演 {#roleplays}" in chapter
    assert "- 配套角色扮演：[拜访采购经理，拿到下季度预测量](../roleplays/rp-visit.md)" in chapter


def test_role_play_page_has_three_cards_reveal_and_practice(sample_course: Path) -> None:
    page = pages(sample_course)["roleplays/rp-visit.md"]
    assert page.count('<section class="cw-card ') == 3
    hidden = page.split('<details class="cw-reveal" markdown>')[1].split("</details>")[0]
    assert "老板已经批准新项目" in hidden  # the customer's hidden information sits behind the reveal
    data = practice_json(page)
    assert data["start"] == "opening"
    assert set(data["endings"]) == {"end-won", "end-conceded", "end-lost"}
    assert [r["score"] for r in data["turns"]["confirm"]["replies"]] == [10, 2]
    assert page.count('class="cw-play__debrief"') == 3


def test_author_text_cannot_break_out_of_the_embedded_json(sample_course: Path) -> None:
    nasty = "</script><img src=x onerror=alert(1)> & “引号”"
    edit(sample_course, ROLEPLAY, "line: 今天来有什么事吗？我十点还有个会。", f"line: '{nasty}'")
    page = pages(sample_course)["roleplays/rp-visit.md"]
    assert "<img" not in page and "</script>" not in page
    assert practice_json(page)["turns"]["opening"]["customer"] == nasty


def test_embed_json_escapes_markup_characters() -> None:
    assert str(embed_json({"a": "<&>\u2028"})) == '{"a":"\\u003c\\u0026\\u003e\\u2028"}'


def test_card_sheet_names_chapter_and_role_on_every_card(sample_course: Path) -> None:
    sheet = pages(sample_course)["print/cards-rp-visit.md"]
    tags = re.findall(r'<p class="cw-sheet__tag"><span>(.*?)</span>', sheet)
    assert tags == [f"第一章 如何准备一次拜访？ · {role}" for role in ("销售方", "客户方", "观察员")]
    assert "老板已经批准新项目" in sheet and "<details" not in sheet  # printed for the customer player, in full
    assert sheet.count("| 1 2 3 4 5 |") == 3  # one rubric row per observed behaviour
    assert 'class="cw-sheet__notes"' in sheet


def test_script_library_groups_by_situation_and_links_back(sample_course: Path) -> None:
    library = pages(sample_course)["scripts.md"]
    assert library.count("## 开场 {#situation-1}") == 1
    group = library.split("## 开场")[1]
    assert group.count('<div class="cw-script" data-part="visit" markdown>') == 2
    assert "(visit/plan-visit.md#script-1)" in group  # the chapter's own pair
    assert "(roleplays/rp-visit.md#script-1)、[第一章 如何准备一次拜访？](visit/plan-visit.md)" in group
    assert '<option value="visit">第一部分 拜访</option>' in library


def test_chapter_and_part_link_their_role_plays(sample_course: Path) -> None:
    rendered = pages(sample_course)
    link = "[拜访采购经理，拿到下季度预测量](../roleplays/rp-visit.md)"
    assert f"- 配套角色扮演：{link}" in rendered["visit/plan-visit.md"]
    assert "## 本部分的角色扮演 {#roleplays}" in rendered["visit/index.md"]
    assert f"- {link}" in rendered["visit/index.md"]


def test_pending_role_play_and_worksheet_are_named_not_linked(sample_course: Path) -> None:
    module = "content/modules/plan-visit.yaml"
    edit(sample_course, module, "  roleplay: rp-visit", "  roleplay: rp-later")
    edit(sample_course, module, "  worksheet: visit-card", "  worksheet: visit-later")
    edit(sample_course, ROLEPLAY, "nodes: [plan-visit, set-goal]", "nodes: [visit]")  # part-level only
    chapter = pages(sample_course)["visit/plan-visit.md"]
    assert "- 配套工作表：visit-later（编写中）" in chapter
    assert "- 配套角色扮演：rp-later（编写中）" in chapter
    assert "../roleplays/rp-visit.md" not in chapter
    assert "../roleplays/rp-visit.md" in pages(sample_course)["visit/index.md"]


def test_exercise_role_play_placed_elsewhere_is_still_linked(sample_course: Path) -> None:
    edit(sample_course, ROLEPLAY, "nodes: [plan-visit, set-goal]", "nodes: [visit]")
    chapter = pages(sample_course)["visit/plan-visit.md"]
    assert "- 配套角色扮演：[拜访采购经理，拿到下季度预测量](../roleplays/rp-visit.md)" in chapter
    assert "编写中" not in chapter


def test_no_role_plays_no_pages(sample_course: Path) -> None:
    (sample_course / ROLEPLAY).unlink()
    edit(sample_course, "content/modules/plan-visit.yaml", "  roleplay: rp-visit\n", "")
    rendered = pages(sample_course)
    assert not [path for path in rendered if path.startswith(("roleplays/", "print/cards-"))]
    assert "scripts.md" in rendered  # the chapter's own pair still makes a library
    assert "角色扮演" not in rendered["visit/plan-visit.md"] + rendered["visit/index.md"]


def test_role_play_front_end_fits_its_share_of_the_budget() -> None:
    own = ["js/roleplay.js", "js/scripts.js", "css/roleplay.css"]
    assert sum(gzipped_size(TOOL_TEMPLATES / "assets" / name) for name in own) <= 3.5 * 1024
