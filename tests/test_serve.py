"""serve: the watcher notices an edited course file, and only course files."""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

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


def test_a_status_request_waits_for_the_rebuild_to_end() -> None:
    """The browser asks with the version it has: the answer comes when a rebuild ends, not on a timer."""
    state = serve.State()
    assert json.loads(state.document("", 5.0))["version"] == 0  # no version yet: answered at once
    threading.Timer(0.3, state.finish, args=(None,)).start()
    status = json.loads(state.document("0", 60.0))  # version 1 exists only once the timer's rebuild has ended
    assert (status["build"], status["version"], status["problems"]) == (1, 1, "")
    state.finish("content/x.yaml:1:1: error[yaml-syntax]")  # a failed build: same site, new version
    status = json.loads(state.document("1", 5.0))
    assert (status["build"], status["version"]) == (1, 2) and "yaml-syntax" in status["problems"]
    started = time.perf_counter()
    assert json.loads(state.document("2", 0.2))["version"] == 2  # nothing new: answered when the wait is over
    assert time.perf_counter() - started >= 0.2


def test_files_are_named_by_content_so_an_unchanged_script_is_not_fetched_again(sample_course: Path) -> None:
    """Every rebuild writes every file anew: served by time, the browser would fetch and compile Material's
    scripts again on each reload. By content (ETag), an unchanged file answers 304 Not Modified."""
    site = sample_course / "site"
    (site / "assets").mkdir(parents=True)
    script = site / "assets" / "app.js"
    script.write_text("console.log(1);\n", encoding="utf-8")
    server = serve.start_server(site, serve.State(), 0)
    address = f"http://127.0.0.1:{server.server_address[1]}/assets/app.js"
    try:
        with urllib.request.urlopen(address) as first:
            tag = first.headers["ETag"]
            assert first.read() == b"console.log(1);\n" and tag and first.headers["Cache-Control"] == "no-cache"
        script.write_text("console.log(1);\n", encoding="utf-8")  # written again, same bytes
        again = urllib.request.Request(address, headers={"If-None-Match": tag})
        with pytest.raises(urllib.error.HTTPError) as unchanged:
            urllib.request.urlopen(again)
        assert unchanged.value.code == 304
        script.write_text("console.log(2);\n", encoding="utf-8")
        with urllib.request.urlopen(again) as changed:
            assert changed.read() == b"console.log(2);\n" and changed.headers["ETag"] != tag
    finally:
        server.shutdown()
        server.server_close()
