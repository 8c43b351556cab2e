"""Workbooks kept between builds: the same bytes as building afresh, rebuilt whenever any input changes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.load.course import load_course
from generator.model.worksheet import Worksheet
from generator.workbook import build_workbook
from generator.workbook.store import WorkbookStore


class CountingBuild:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, worksheet: Worksheet) -> bytes:
        self.calls += 1
        return build_workbook(worksheet)


def _worksheet(sample_course: Path) -> Worksheet:
    loaded = load_course(sample_course)
    assert loaded.course is not None and loaded.course.worksheets
    return loaded.course.worksheets[0]


def test_a_kept_workbook_is_the_one_a_fresh_build_makes(sample_course: Path, tmp_path: Path) -> None:
    tmp_path = tmp_path / "store"
    worksheet, make = _worksheet(sample_course), CountingBuild()
    first = WorkbookStore(tmp_path).get(worksheet, "sample", make)
    again = WorkbookStore(tmp_path).get(worksheet, "sample", make)  # a later build, a new store
    assert make.calls == 1
    assert first == again == build_workbook(worksheet)


def test_any_change_to_the_worksheet_or_the_variant_builds_anew(sample_course: Path, tmp_path: Path) -> None:
    tmp_path = tmp_path / "store"
    worksheet, make = _worksheet(sample_course), CountingBuild()
    store = WorkbookStore(tmp_path)
    store.get(worksheet, "sample", make)
    retitled = dataclasses.replace(worksheet, title="改过的标题")
    assert store.get(retitled, "sample", make) == build_workbook(retitled)
    store.get(worksheet, "blank", make)
    assert make.calls == 3


def test_a_damaged_entry_is_rebuilt_and_unused_ones_pruned(sample_course: Path, tmp_path: Path) -> None:
    tmp_path = tmp_path / "store"
    worksheet, make = _worksheet(sample_course), CountingBuild()
    WorkbookStore(tmp_path).get(worksheet, "sample", make)
    (kept,) = tmp_path.glob("*.xlsx")
    kept.write_bytes(kept.read_bytes()[:-100])  # cut short, as a full disk would leave it
    (tmp_path / "sample-old-0000.xlsx").write_bytes(b"stale")
    store = WorkbookStore(tmp_path)
    assert store.get(worksheet, "sample", make) == build_workbook(worksheet)
    assert make.calls == 2
    store.prune()
    assert sorted(path.name for path in tmp_path.iterdir()) == [kept.name]


def test_without_a_folder_nothing_is_kept(sample_course: Path) -> None:
    worksheet, make = _worksheet(sample_course), CountingBuild()
    store = WorkbookStore()
    store.get(worksheet, "sample", make)
    store.get(worksheet, "sample", make)
    assert make.calls == 2


def test_a_workbook_made_in_the_background_is_the_one_made_in_process(sample_course: Path, tmp_path: Path) -> None:
    worksheet = _worksheet(sample_course)
    store = WorkbookStore(tmp_path / "store", background=True)
    try:
        store.prefetch([worksheet], {"sample": build_workbook})
        assert store.pending  # handed to the worker, not made here
        made = store.later(worksheet, "sample", build_workbook)
        assert made() == made() == build_workbook(worksheet)
    finally:
        store.close()
    (kept,) = (tmp_path / "store").glob("*.xlsx")  # kept for the next build like one made in process
    assert kept.read_bytes() == build_workbook(worksheet)
