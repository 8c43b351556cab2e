"""`courseware pdf`: a clear message without Chromium; with it, a handbook PDF with its parts in real text."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import pdf
from generator.cli import main
from generator.load.course import load_course

REPO = Path(__file__).resolve().parents[1]
needs_chromium = pytest.mark.skipif(
    pdf.find_chromium() is None or shutil.which("pdftotext") is None, reason="needs chromium and pdftotext")


def test_missing_chromium_is_a_chinese_message_not_a_traceback(
        sample_course: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    assert main(["--course", str(sample_course), "pdf"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("courseware: 找不到 Chromium 浏览器，无法生成 PDF。")
    assert "apt-get install chromium" in err and "Traceback" not in err
    assert not (sample_course / "site").exists()  # nothing built for nothing


def test_needs_build_when_missing_other_edition_or_stale(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (tmp_path / "content").mkdir()
    source = tmp_path / "content" / "syllabus.yaml"
    source.write_text("x", encoding="utf-8")
    assert pdf.needs_build(tmp_path, site, "learner")
    site.mkdir()
    (site / "index.html").write_text("", encoding="utf-8")
    os.utime(source, (1_000, 1_000))
    assert not pdf.needs_build(tmp_path, site, "learner")
    assert pdf.needs_build(tmp_path, site, "trainer")  # a learner site has no agenda.html
    os.utime(source, None)
    os.utime(site / "index.html", (1_000, 1_000))
    assert pdf.needs_build(tmp_path, site, "learner")


def test_prints_every_page_under_print(tmp_path: Path) -> None:
    (tmp_path / "print").mkdir()
    for name in ("handbook.html", "cards-rp-price.html", "facilitator.html"):
        (tmp_path / "print" / name).write_text("", encoding="utf-8")
    (tmp_path / "index.html").write_text("", encoding="utf-8")
    assert [page.name for page in pdf.print_pages(tmp_path)] == [
        "cards-rp-price.html", "facilitator.html", "handbook.html"]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@needs_chromium
def test_handbook_pdf_has_its_parts_in_extractable_chinese(built_site: Path, tmp_path: Path) -> None:
    chromium = pdf.find_chromium()
    assert chromium is not None
    target = pdf.print_to_pdf(chromium, built_site / "print" / "handbook.html", tmp_path / "handbook.pdf")
    text = pdf_text(target)
    course = load_course(REPO).course
    assert "学员手册" in text and course.syllabus.course.title in text
    for part in course.syllabus.parts:
        assert part.title in text
    assert "术语表" in text and "笔记" in text
    pages = page_count(target)
    assert pages > len(course.syllabus.parts) + 2  # cover, contents, a page break before every part
    assert f"2 / {pages}" in text  # page numbers from the print CSS
    assert "第一部分 守价" not in text.split("\f")[0]  # the cover stands alone
    assert embedded_fonts(target) == [True] * len(embedded_fonts(target)) != []


def embedded_fonts(path: Path) -> list[bool]:
    """pdffonts' "emb" column for every font: the CJK glyphs travel inside the file."""
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    start = lines[0].index("emb")  # the column under the header, whatever the font names' widths
    return [line[start:start + 3] == "yes" for line in lines[2:]]


@needs_chromium
def test_pdf_command_builds_then_prints(
        sample_course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pdf"
    assert main(["--course", str(sample_course), "pdf", "--edition", "trainer", "--out", str(out)]) == 0
    # every page under print/: the role-play card sheets as well as the handbook and the guide
    assert sorted(path.name for path in out.iterdir()) == ["cards-rp-visit.pdf", "facilitator.pdf", "handbook.pdf"]
    assert "讲师手册" in pdf_text(out / "facilitator.pdf")
    assert "PDF 已生成：3 个文件" in capsys.readouterr().out
