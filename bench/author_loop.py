"""The author loop, measured in one run on a copy of the bundled course, side by side with a plain
`mkdocs build` of the same emitted docs tree (whole processes, medians):

- save → reloaded page: `courseware serve` running, one chapter saved, until Chromium shows the edit;
- warm full build (no change), one chapter changed, cold full build (build/cache deleted): `courseware build`;
- 1x and 16x content: cold build against plain MkDocs, with peak memory and growth (bench/build_scale.py).

Run: `make bench` or `python bench/author_loop.py [--runs N] [--no-scale]`. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHAPTER = "content/modules/adjust-to-rivals.yaml"
SUMMARY = "summary: 对标的目的是调整。"
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))


def copy_course(target: Path) -> Path:
    for name in ("content", "quizzes", "pages", "mkdocs.yml"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy(source, target / name)
    return target


def edit_chapter(course: Path, run: int) -> str:
    """A different summary each run, so every edit is new to the cache."""
    path = course / CHAPTER
    marker = f"第{run}次修改"
    text = path.read_text(encoding="utf-8")
    start = text.index(SUMMARY) + len(SUMMARY)
    end = text.index("\n", start)
    path.write_text(text[:start] + marker + text[end:], encoding="utf-8")
    return marker


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def courseware_build(course: Path) -> float:
    return timed([sys.executable, "-m", "generator", "--course", str(course), "build"])


def plain_mkdocs(course: Path) -> float:
    config = course / "build/learner/mkdocs.yml"
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(course / "plain")])


def save_to_reload(course: Path, runs: int) -> float:
    """serve in this process; Chromium (Debian's, via Playwright) waits for the edited text after each save."""
    from playwright.sync_api import sync_playwright

    from generator import serve
    from generator.engine import keep_search_worker
    from generator.load.yamlsource import keep_parsed_files

    keep_parsed_files()  # as `courseware serve` does
    keep_search_worker()
    state = serve.State()
    site = course / "site"
    serve.rebuild(course, site, "learner", state)
    server = serve.start_server(site, state, 0)
    stop = threading.Event()
    watcher = threading.Thread(target=serve.watch, args=(course, site, "learner", state), kwargs={"stop": stop})
    watcher.start()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    times = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox"])
            page = browser.new_page()
            target = next(site.rglob(Path(CHAPTER).stem + ".html")).relative_to(site).as_posix()
            page.goto(url + target)
            for run in range(runs):
                time.sleep(0.5)  # the watcher has seen the previous save
                started = time.perf_counter()
                # the reload first, then the text: a locator that waits across the whole rebuild retries ever
                # more slowly (Playwright's back-off, up to 0.5 s apart), which would be measured as well
                with page.expect_event("framenavigated", lambda frame: frame == page.main_frame, timeout=120_000):
                    marker = edit_chapter(course, 100 + run)
                page.get_by_text(marker).first.wait_for(timeout=120_000)
                times.append(time.perf_counter() - started)
            browser.close()
    finally:
        stop.set()
        watcher.join()
        server.shutdown()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-scale", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        course = copy_course(Path(folder) / "course")
        courseware_build(course)  # fills build/cache and the emitted tree plain MkDocs builds

        def cold(_: int) -> float:
            shutil.rmtree(course / "build/cache", ignore_errors=True)
            return courseware_build(course)

        # interleaved: each round runs plain MkDocs and every case once, so a change of the machine's load
        # (other processes) reaches all of them alike
        cases: dict[str, Callable[[int], float]] = {
            "plain": lambda _: plain_mkdocs(course), "warm": lambda _: courseware_build(course),
            "changed": lambda run: (edit_chapter(course, run), courseware_build(course))[1], "cold": cold}
        times: dict[str, list[float]] = {name: [] for name in cases}
        for run in range(args.runs):
            for name, measure in cases.items():
                times[name].append(measure(run))
        plain, warm, changed, cold_time = (statistics.median(times[name]) for name in cases)
        reload = save_to_reload(course, args.runs)
    load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"load average after the run (1/5/15 min, {os.cpu_count()} cores): {load}")
    print(f"bundled course, medians of {args.runs}; plain `mkdocs build` of the emitted tree: {plain:.2f} s")
    print(f"{'case':<34} {'seconds':>8} {'× plain':>8}")
    for name, value in (("save → reloaded page (serve)", reload), ("warm full build, no change", warm),
                        ("full build, one chapter changed", changed), ("cold full build (no cache)", cold_time)):
        print(f"{name:<34} {value:>8.2f} {value / plain:>8.2f}")
    if not args.no_scale:
        import build_scale

        print("\n1x and 16x content (cold, no cache), against plain mkdocs build; growth is time ÷ 1x time:")
        build_scale.main([1, 16])


if __name__ == "__main__":
    main()
