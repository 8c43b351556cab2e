"""The whole pipeline and CLI: exit codes, determinism, atomic replacement, schema in step with the model."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator import cpu, pipeline
from generator.cli import main
from generator.schema import KINDS, SCHEMA_DIR, render_schema


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_two_builds_are_byte_identical(sample_course: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert not pipeline.build(sample_course, first).failed(strict=False)
    assert not pipeline.build(sample_course, second).failed(strict=False)
    assert digest(first) == digest(second)
    assert "sitemap.xml" in digest(first)


def test_rebuild_replaces_site_in_place(sample_course: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    pipeline.build(sample_course, site)
    (site / "stale.html").write_text("old", encoding="utf-8")
    pipeline.build(sample_course, site)
    assert not (site / "stale.html").exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_strict_makes_warnings_fatal(sample_course: Path, capsys) -> None:
    (sample_course / "content/modules/plan-visit.yaml").unlink()
    assert main(["--course", str(sample_course), "validate"]) == 0
    assert main(["--course", str(sample_course), "validate", "--strict"]) == 1


def test_json_format_for_tools(sample_course: Path, capsys) -> None:
    (sample_course / "content/modules/plan-visit.yaml").unlink()
    (sample_course / "content/facts/visit.yaml").unlink()
    main(["--course", str(sample_course), "validate", "--format", "json"])
    items = json.loads(capsys.readouterr().out)
    assert items[0]["code"] == "missing-content"
    assert set(items[0]) == {"path", "line", "column", "severity", "code", "message", "hint"}


def test_usage_error_exit_code_and_chinese_help() -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "frobnicate"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "用法错误" in result.stderr and "无效的选择：'frobnicate'" in result.stderr
    helped = subprocess.run([sys.executable, "-m", "generator", "--help"], capture_output=True, text=True)
    assert helped.returncode == 0 and "检查并生成网站" in helped.stdout
    # argparse's own words too: no English left in the help an author reads
    assert helped.stdout.startswith("用法：") and "显示这段帮助并退出" in helped.stdout
    assert not [word for word in ("usage:", "options", "positional arguments") if word in helped.stdout]


def test_new_scaffolds_a_course_that_builds_strictly(tmp_path: Path, capsys) -> None:
    target = tmp_path / "second-course"
    assert main(["new", str(target)]) == 0
    assert main(["--course", str(target), "build", "--strict"]) == 0
    assert (target / "site/index.html").is_file()
    assert main(["new", str(target)]) == 2


@pytest.mark.parametrize("profile", ["neutral", "sales"])
def test_new_course_names_itself_and_documents_every_file(tmp_path: Path, profile: str) -> None:
    target = tmp_path / "course"
    assert main(["new", str(target), "--profile", profile]) == 0
    # options after the subcommand work like before it
    assert main(["build", "--course", str(target), "--strict"]) == 0
    syllabus = yaml.safe_load((target / "content/syllabus.yaml").read_text(encoding="utf-8"))
    html = (target / "site/index.html").read_text(encoding="utf-8")
    assert f"<title>{syllabus['course']['title']}</title>" in html  # site_name comes from course.title
    for path in sorted((target / "content").rglob("*.yaml")) + sorted((target / "quizzes").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        if profile == "sales" and "schema=" not in first:
            continue  # the sales example keeps its historical headers; its profile and facts carry one
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("$schema=")[1]).resolve()
        assert schema.is_file() and schema.parent == (target / "schema").resolve(), path


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_schema_matches_model(kind: str) -> None:
    assert (SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8") == render_schema(kind), (
        "run `make schema`")


def test_output_folder_that_is_not_a_site_is_never_deleted(sample_course: Path, tmp_path: Path, capsys) -> None:
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("别删", encoding="utf-8")
    for target in (foreign, sample_course / "content", sample_course, tmp_path):
        assert main(["--course", str(sample_course), "build", "-o", str(target)]) == 1
        assert "error[unsafe-output]" in capsys.readouterr().err
    assert (foreign / "keep.txt").read_text(encoding="utf-8") == "别删"
    assert (sample_course / "content/syllabus.yaml").is_file()


def test_a_previous_site_is_replaced_and_marked(sample_course: Path, tmp_path: Path) -> None:
    site = tmp_path / "out"
    assert main(["--course", str(sample_course), "build", "-o", str(site)]) == 0
    assert (site / pipeline.MARKER).is_file()
    (site / "stale.html").write_text("old", encoding="utf-8")
    assert main(["--course", str(sample_course), "build", "-o", str(site)]) == 0
    assert not (site / "stale.html").exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_crash_in_engine_leaves_no_staging(sample_course: Path, tmp_path: Path, monkeypatch) -> None:
    def explode(*_: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "build_site", explode)
    with pytest.raises(RuntimeError):
        pipeline.build(sample_course, tmp_path / "site")
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")]
    assert not [p.name for p in (sample_course / "build").iterdir() if p.name.startswith(".")]


def test_strict_summary_says_it_failed(sample_course: Path, capsys) -> None:
    (sample_course / "content/modules/plan-visit.yaml").unlink()
    (sample_course / "content/facts/visit.yaml").unlink()
    assert main(["--course", str(sample_course), "validate", "--strict"]) == 1
    assert "--strict 下警告也算失败" in capsys.readouterr().err


def test_new_refuses_an_existing_file(tmp_path: Path, capsys) -> None:
    target = tmp_path / "f"
    target.write_text("x", encoding="utf-8")
    assert main(["new", str(target)]) == 2
    assert "已存在" in capsys.readouterr().err


def test_titles_and_site_name_reach_every_page_as_text(sample_course: Path, tmp_path: Path) -> None:
    syllabus = sample_course / "content/syllabus.yaml"
    text = syllabus.read_text(encoding="utf-8")
    syllabus.write_text(text.replace("    title: 拜访\n", "    title: 拜访</title><script>alert(1)</script>\n", 1),
                        encoding="utf-8")
    config = sample_course / "mkdocs.yml"
    config.write_text("site_name: 示例\"><script>alert(2)</script>\n" + "\n".join(
        line for line in config.read_text(encoding="utf-8").splitlines() if not line.startswith("site_name")),
        encoding="utf-8")
    site = tmp_path / "site"
    assert not pipeline.build(sample_course, site).failed(strict=False)
    pages = [path.read_text(encoding="utf-8") for path in site.rglob("*.html")]
    assert pages and not [page for page in pages if "<script>alert(" in page]
    assert any("alert(1)" in page for page in pages)  # still there, as text


def test_course_page_templates_are_sandboxed(sample_course: Path, tmp_path: Path) -> None:
    import shutil

    from generator.resources import TOOL_TEMPLATES

    shutil.copytree(TOOL_TEMPLATES / "pages", sample_course / "site_templates/pages")
    glossary = sample_course / "site_templates/pages/glossary.md.j2"
    glossary.write_text("{{ ''.__class__.__mro__ }}\n", encoding="utf-8")
    outcome = pipeline.build(sample_course, tmp_path / "site")
    assert [d.code for d in outcome.diagnostics] == ["template-error"]
    assert not (tmp_path / "site").exists()


def test_symlink_out_of_the_course_is_refused_unread(sample_course: Path, capsys) -> None:
    secret = sample_course.parent / "secret.yaml"
    secret.write_text("chapter: 机密内容\n", encoding="utf-8")
    (sample_course / "content/modules/evil.yaml").symlink_to(secret)
    assert main(["--course", str(sample_course), "validate"]) == 1
    output = capsys.readouterr().err
    assert "error[path-escape]" in output and "机密内容" not in output


def test_strict_build_fails_on_a_broken_link_or_anchor_at_its_yaml_line(sample_course: Path, tmp_path: Path,
                                                                        capsys) -> None:
    site = tmp_path / "site"
    assert main(["--course", str(sample_course), "build", "-o", str(site)]) == 0
    before = _digest_site(site)
    module = sample_course / "content/modules/plan-visit.yaml"
    module.write_text(module.read_text(encoding="utf-8").replace(
        "body: 顺利时争取的结果，例如拿到新项目的图纸。",
        "body: 顺利时争取的结果，见[这里](nowhere.md)和[那里](plan-visit.md#no-such-anchor)。"), encoding="utf-8")
    assert main(["--course", str(sample_course), "build", "--strict", "-o", str(site)]) == 1
    output = capsys.readouterr().err
    assert "content/modules/plan-visit.yaml:18:30: warning[broken-link]: 链接“nowhere.md”指向的页面不存在" in output
    assert "content/modules/plan-visit.yaml:18:47: warning[broken-anchor]" in output
    assert _digest_site(site) == before


def _digest_site(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_chinese_argparse_words_do_not_leak_into_the_process() -> None:
    import argparse

    with pytest.raises(SystemExit):
        main(["--help"])
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]


def test_source_date_epoch_is_pinned_only_during_a_build(sample_course: Path, tmp_path: Path, monkeypatch) -> None:
    import os

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert not pipeline.build(sample_course, tmp_path / "site").failed(strict=False)
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_symlinks_out_of_the_course_anywhere_it_reads_are_refused_unread(sample_course: Path, tmp_path: Path,
                                                                          capsys) -> None:
    """Templates, assets, extra pages and mkdocs.yml are read too: a link out of the course is refused, unread."""
    site = tmp_path / "site"
    assert main(["--course", str(sample_course), "build", "-o", str(site)]) == 0
    before = _digest_site(site)
    secret = tmp_path / "secret.txt"
    secret.write_text("site_name: 机密内容\n", encoding="utf-8")
    (sample_course / "site_templates/assets").mkdir(parents=True)
    (sample_course / "site_templates/assets/theme.css").symlink_to(secret)
    (sample_course / "pages").symlink_to(tmp_path, target_is_directory=True)
    (sample_course / "mkdocs.yml").unlink()
    (sample_course / "mkdocs.yml").symlink_to(secret)
    assert main(["--course", str(sample_course), "build", "-o", str(site)]) == 1
    output = capsys.readouterr().err
    for shown in ("mkdocs.yml", "pages", "site_templates/assets/theme.css"):
        assert f"{shown}: error[path-escape]: 路径“{shown}”指向课程目录之外" in output
    assert "机密内容" not in output
    assert _digest_site(site) == before


def test_the_default_site_folder_without_the_marker_is_not_deleted(sample_course: Path, capsys) -> None:
    site = sample_course / "site"
    site.mkdir()
    (site / "notes.txt").write_text("作者自己的文件", encoding="utf-8")
    assert main(["--course", str(sample_course), "build"]) == 1
    assert "error[unsafe-output]" in capsys.readouterr().err
    assert (site / "notes.txt").read_text(encoding="utf-8") == "作者自己的文件"


def test_an_output_that_cannot_be_written_is_a_message(sample_course: Path, tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert main(["--course", str(sample_course), "build", "-o", str(blocker / "site")]) == 1
    output = capsys.readouterr().err
    assert "error[output-unwritable]" in output and "同名的文件已存在" in output
    assert "Traceback" not in output
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_new_under_a_file_is_a_message(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert main(["new", str(blocker / "course")]) == 2
    assert "无法在" in capsys.readouterr().err


def test_crash_while_writing_the_docs_tree_leaves_no_staging(sample_course: Path, tmp_path: Path,
                                                             monkeypatch) -> None:
    def explode(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "write_config", explode)
    with pytest.raises(RuntimeError):
        pipeline.build(sample_course, tmp_path / "site")
    assert not [p.name for p in (sample_course / "build").iterdir() if p.name.startswith(".")]
    assert not (tmp_path / "site").exists()


def test_a_theme_setting_the_theme_cannot_take_is_a_message(sample_course: Path, tmp_path: Path, capsys) -> None:
    """theme.icon stays MkDocs' free shape; if Material's templates choke on it, that is an error, not a crash."""
    site = tmp_path / "site"
    assert main(["--course", str(sample_course), "build", "-o", str(site)]) == 0
    before = _digest_site(site)
    (sample_course / "mkdocs.yml").write_text("site_name: x\ntheme: {icon: {admonition: 5, logo: [1]}}\n",
                                              encoding="utf-8")
    assert main(["--course", str(sample_course), "build", "-o", str(site)]) == 1
    output = capsys.readouterr().err
    assert "error[engine-failed]" in output and "Traceback" not in output
    assert _digest_site(site) == before


def test_workers_only_when_a_core_is_idle(monkeypatch) -> None:
    """Judged by the CPU time the process's cores spent idle since the last look; the load average only when
    /proc/stat says nothing (or too little time passed)."""
    looks = iter([(1000, 2000), (1060, 2200), (1070, 2400)])  # (idle, all) ticks of both cores
    monkeypatch.setattr(cpu, "cores", lambda: {0, 1})
    monkeypatch.setattr(cpu, "_cpu_ticks", lambda _: next(looks))
    cpu._LAST_LOOK[0] = (900, 1800)
    assert pipeline.has_idle_core()  # 100 of 200 ticks idle: one core free while this one works
    assert not pipeline.has_idle_core()  # 60 of 200: another process took most of the other core
    assert not pipeline.has_idle_core()  # 10 of 200: both busy
    monkeypatch.setattr(cpu, "_cpu_ticks", lambda _: None)
    monkeypatch.setattr(cpu.os, "getloadavg", lambda: (0.4, 0.0, 0.0))
    assert pipeline.has_idle_core()
    monkeypatch.setattr(cpu.os, "getloadavg", lambda: (1.6, 0.0, 0.0))  # both cores mostly busy
    assert not pipeline.has_idle_core()
    monkeypatch.setattr(cpu, "cores", lambda: {0})
    monkeypatch.setattr(cpu.os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert not pipeline.has_idle_core()  # one core: nothing to run a worker on


def test_cpu_ticks_are_read_from_this_machine() -> None:
    """Linux's /proc/stat, as the build reads it: idle within all, and the counts move on."""
    first = cpu._cpu_ticks(cpu.cores())
    sum(range(3_000_000))  # about a tenth of a second of work
    second = cpu._cpu_ticks(cpu.cores())
    assert first is not None and second is not None
    assert 0 <= first[0] <= first[1] and second[1] > first[1]
