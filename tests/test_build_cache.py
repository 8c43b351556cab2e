"""The build cache (build/cache/) changes how fast a site is built, never what is built: a cached build of an
edited course is byte-for-byte the site a fresh build without any cache makes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator import pipeline
from generator.engine import search
from tests.conftest import copy_bundled_course

REPO = Path(__file__).resolve().parents[1]
CHAPTER = "content/modules/adjust-to-rivals.yaml"


_copy_course = copy_bundled_course


def _build(course: Path) -> Path:
    outcome = pipeline.build(course, course / "site")
    assert not outcome.failed(strict=False), outcome.diagnostics
    return course / "site"


def _edit_chapter(course: Path) -> None:
    path = course / CHAPTER
    text = path.read_text(encoding="utf-8")
    assert "summary: 对标的目的是调整。" in text
    path.write_text(text.replace("summary: 对标的目的是调整。", "summary: 对标的目的是调整，不是排名。", 1),
                    encoding="utf-8")


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_cached_build_of_an_edited_chapter_equals_a_fresh_build(tmp_path: Path) -> None:
    cached = _copy_course(tmp_path / "cached")
    _build(cached)
    cache = cached / "build/cache"
    stored = {path.name: path.stat().st_size for path in cache.iterdir()}
    assert any(name.startswith("search-") for name in stored) and any(name.startswith("pages-") for name in stored)
    _edit_chapter(cached)
    warm = _files(_build(cached))
    fresh_course = _copy_course(tmp_path / "fresh")
    _edit_chapter(fresh_course)
    fresh = _files(_build(fresh_course))
    assert sorted(warm) == sorted(fresh)
    different = [name for name in fresh if warm[name] != fresh[name]]
    assert different == []
    edited = "对标的目的是调整，不是排名。".encode()
    assert any(edited in data for name, data in warm.items() if name.endswith(".html"))  # the edit did arrive


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    course = _copy_course(tmp_path / "course")
    first = _files(_build(course))
    kept = [path for path in sorted((course / "build/cache").rglob("*")) if path.is_file()]
    assert len(kept) > 100  # JSON stores, a file per page, workbooks
    for path in kept:  # every entry cut short, as a full disk or a killed build would leave it
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert _files(_build(course)) == first


def _retitle_chapter(course: Path) -> None:
    """A title is in every page's navigation: every page's kept HTML must miss."""
    path = course / "content/syllabus.yaml"
    text = path.read_text(encoding="utf-8")
    assert "title: 如何根据竞争者情况调整\n" in text
    edited = text.replace("title: 如何根据竞争者情况调整\n", "title: 如何按竞争者情况调整\n", 1)
    path.write_text(edited, encoding="utf-8")


def test_cached_build_after_a_navigation_change_equals_a_fresh_build(tmp_path: Path) -> None:
    cached = _copy_course(tmp_path / "cached")
    _build(cached)
    assert (cached / "build/cache/workbooks").is_dir() and any((cached / "build/cache").glob("html-*/*"))
    _retitle_chapter(cached)
    warm = _files(_build(cached))
    fresh_course = _copy_course(tmp_path / "fresh")
    _retitle_chapter(fresh_course)
    fresh = _files(_build(fresh_course))
    assert sorted(warm) == sorted(fresh)
    assert [name for name in fresh if warm[name] != fresh[name]] == []
    home = warm["index.html"].decode("utf-8")
    assert "如何按竞争者情况调整" in home and "如何根据竞争者情况调整" not in home


def test_a_parallel_build_equals_a_serial_build(tmp_path: Path) -> None:
    """Workbooks and search indexing run in worker processes meanwhile: the site and the emitted tree are the
    ones a build doing everything in one process makes."""
    made = {}
    for mode in ("parallel", "serial"):
        course = _copy_course(tmp_path / mode)
        outcome = pipeline.build(course, course / "site", parallel=mode == "parallel")
        assert not outcome.failed(strict=False), outcome.diagnostics
        assert not search.worker_running()  # a one-off build lets its worker end once every page is indexed
        made[mode] = (_files(course / "site"), _files(course / "build/learner/docs"))
    for parallel, serial in zip(made["parallel"], made["serial"], strict=True):
        assert sorted(parallel) == sorted(serial)
        assert [name for name in serial if parallel[name] != serial[name]] == []
    site, docs = made["parallel"]
    workbooks = [name for name in docs if name.endswith((".xlsx", ".zip"))]
    assert len(workbooks) > 20 and all(docs[name] == site[name] and len(docs[name]) > 1000 for name in workbooks)
    assert b"\\u200b" in site["search/search_index.json"]  # Chinese segmented for search, in the worker


def test_a_serving_process_keeps_its_search_worker(tmp_path: Path, monkeypatch) -> None:
    """`courseware serve` builds again on every save: jieba's dictionary stays loaded in the worker."""
    monkeypatch.setattr(search, "_KEEP", [True])
    course = _copy_course(tmp_path / "served")
    try:
        assert not pipeline.build(course, course / "site", parallel=True).failed(strict=False)
        assert search.worker_running()
    finally:
        search.stop_worker()


# `courseware build` with its workers forced on, as on a machine with an idle core
_COMMAND = ("import sys; from generator import pipeline; pipeline.has_idle_core = lambda: True; "
            "from generator.cli import run; sys.argv = ['courseware', '--course', sys.argv[1], 'build']; run()")


def test_the_command_ends_with_its_workers(tmp_path: Path) -> None:
    """The command leaves without tearing the interpreter down (os._exit): its workers are stopped first, or one
    would hold the output pipe open and keep whatever ran the build (make, CI, an editor) waiting for ever.
    `subprocess.run` returns only once every holder of the pipe has closed it."""
    course = _copy_course(tmp_path / "command")
    done = subprocess.run([sys.executable, "-c", _COMMAND, str(course)], capture_output=True, text=True,
                          timeout=300, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert (course / "site/index.html").is_file() and "网站已生成" in done.stdout + done.stderr
    (course / CHAPTER).write_text("chapter: [\n", encoding="utf-8")  # a failed build: the workers started early
    failed = subprocess.run([sys.executable, "-c", _COMMAND, str(course)], capture_output=True, text=True,
                            timeout=300, cwd=REPO)
    assert failed.returncode == 1 and "error[" in failed.stdout + failed.stderr
