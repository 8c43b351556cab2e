"""Worksheet pages in the docs tree: downloads by part, previews, the .xlsx files, escaping of author text."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import openpyxl

from generator.load.course import load_course
from generator.render import render
from generator.workbook import build_workbook

WORKSHEET = """\
id: visit-card
title: 拜访卡 <script>alert(1)</script>
nodes: [plan-visit]
instructions:
  purpose: 拜访前写清 **目标** 和 <b>底线</b>
  steps: [填客户, 填目标]
  reading: [看差距]
parameters:
  - {name: 目标率, type: percent, value: 0.25, note: 期望达成}
sheets:
  - title: 拜访
    columns:
      - {name: 客户, type: text}
      - {name: 金额, type: money}
      - {name: 日期, type: date}
      - name: 差距
        type: formula
        formula: 金额 * 目标率
        format: money
        highlights:
          - {when: 差距 > 100, style: warn, label: 差距大}
    samples:
      - {客户: "</td><script>x</script>", 金额: 1000, 日期: "2025-03-18", 差距: 250}
    summary:
      - {label: 合计, formula: 'SUM(金额[])', format: money, expected: 1000}
"""


def _tree(course: Path, text: str = WORKSHEET):  # type: ignore[no-untyped-def]
    folder = course / "content/worksheets"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "visit-card.yaml").write_text(text, encoding="utf-8")
    loaded = load_course(course)
    assert loaded.problems == [] and loaded.course is not None
    return render(loaded.course), loaded.course


def test_workbook_download_lands_in_the_docs_tree(sample_course: Path) -> None:
    tree, course = _tree(sample_course)
    assert tree.files["worksheets/visit-card.xlsx"] == build_workbook(course.worksheets[0])


def test_downloads_page_groups_by_part_and_nav_lists_previews(sample_course: Path) -> None:
    tree, _ = _tree(sample_course)
    index = tree.files["worksheets/index.md"].decode()
    assert "## 第一部分 拜访 {#visit}" in index
    assert "(visit-card.md)" in index and 'href="visit-card.xlsx"' in index
    assert {"工作表": ["worksheets/index.md", {"拜访卡 <script>alert(1)</script>": "worksheets/visit-card.md"}]} \
        in tree.nav


def test_worksheet_without_known_nodes_is_listed_under_other(sample_course: Path) -> None:
    tree, _ = _tree(sample_course, WORKSHEET.replace("nodes: [plan-visit]", "nodes: [elsewhere]"))
    assert "## 其他 {#other}" in tree.files["worksheets/index.md"].decode()


def test_preview_shows_samples_with_results_and_escapes_author_text(sample_course: Path) -> None:
    page = _tree(sample_course)[0].files["worksheets/visit-card.md"].decode()
    assert "<script>" not in page
    assert "&lt;/td&gt;&lt;script&gt;x&lt;/script&gt;" in page
    # the highlight "差距 > 100" holds for the sample, so the preview colours the cell like the workbook does
    assert ('<td class="cw-ws__cell--num cw-ws__cell--formula cw-ws__cell--warn" title="差距大">¥250'
            '<span class="cw-ws__sr">（差距大）</span></td>') in page
    assert '<td class="cw-ws__cell--num">¥1,000</td>' in page
    assert "<dt>合计</dt><dd>¥1,000</dd>" in page
    assert "| 目标率 | 25\\.0% | 期望达成 |" in page
    assert 'href="visit-card.xlsx"' in page
    assert "[第一章 如何准备一次拜访？](../visit/plan-visit.md)" in page
    assert "cw-ws__rule--warn" in page


def test_no_worksheets_no_pages(sample_course: Path) -> None:
    shutil.rmtree(sample_course / "content/worksheets")
    loaded = load_course(sample_course)
    assert loaded.course is not None
    tree = render(loaded.course)
    assert not [path for path in tree.files if path.startswith("worksheets/")]
    assert not [item for item in tree.nav if isinstance(item, dict) and "工作表" in item]


def test_blank_templates_and_one_zip_with_the_same_file_names(sample_course: Path) -> None:
    tree, course = _tree(sample_course)
    blank = openpyxl.load_workbook(io.BytesIO(tree.files["worksheets/blank/visit-card.xlsx"]))
    assert blank["拜访"]["A6"].value is None  # no sample row: the template starts empty
    assert blank["拜访"]["D6"].value.startswith("=IF(")  # but every prepared row has its formula
    archive = zipfile.ZipFile(io.BytesIO(tree.files["worksheets/all-worksheets.zip"]))
    names = ["拜访卡 _script_alert(1)__script_.xlsx", "空白模板/拜访卡 _script_alert(1)__script_（空白模板）.xlsx"]
    assert archive.namelist() == names
    assert archive.read(names[0]) == build_workbook(course.worksheets[0])
    page, index = (tree.files[f"worksheets/{name}.md"].decode() for name in ("visit-card", "index"))
    for text in (page, index):  # the same download names on the preview and the downloads page
        assert f'download="{names[0]}"' in text and 'href="blank/visit-card.xlsx"' in text
    assert 'href="all-worksheets.zip"' in index


def test_preview_says_each_formula_in_words(sample_course: Path) -> None:
    page = _tree(sample_course)[0].files["worksheets/visit-card.md"].decode()
    assert "<strong>差距</strong> ＝ <code>金额 × 目标率</code>（缺少金额时显示“缺数据”，不计入汇总和排名）" in page
