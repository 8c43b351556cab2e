"""serve: the watcher notices an edited course file, and only course files."""

from __future__ import annotations

import os
from pathlib import Path

from generator import serve
from generator.serve import snapshot


def test_snapshot_changes_when_content_is_edited(sample_course: Path) -> None:
    before = snapshot(sample_course)
    assert str(sample_course / "content/modules/plan-visit.yaml") in before
    (sample_course / "site").mkdir()
    (sample_course / "site/index.html").write_text("x", encoding="utf-8")
    assert snapshot(sample_course) == before  # build output must not retrigger a build
    module = sample_course / "content/modules/plan-visit.yaml"
    stamp = module.stat().st_mtime + 5
    os.utime(module, (stamp, stamp))
    assert snapshot(sample_course) != before



def test_built_site_has_no_reload_script(sample_course: Path) -> None:
    state = serve.State()
    serve.rebuild(sample_course, sample_course / "site", "learner", state)
    pages = list((sample_course / "site").rglob("*.html"))
    assert pages and state.build == 1
    assert not [p for p in pages if "__courseware__" in p.read_text(encoding="utf-8")]
