"""Build synthetic courses at 1x, 4x and 16x the bundled one and print where the time goes.

Prints, per scale: pages, validate, render and engine seconds, peak memory, the ratio of
`courseware build` to a plain `mkdocs build` of the same emitted docs tree, and the growth
against 1x. Run: `make bench` (or `python bench/build_scale.py 1 4`).
"""

from __future__ import annotations

import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import yaml  # the benchmark writes synthetic YAML; the product reads YAML only in generator/load

REPO = Path(__file__).resolve().parents[1]


def make_course(target: Path, copies: int) -> None:
    """`copies` renamed replicas of every part and chapter of the bundled course."""
    syllabus = yaml.safe_load((REPO / "content/syllabus.yaml").read_text(encoding="utf-8"))
    parts = []
    for copy in range(copies):
        for part in syllabus["parts"]:
            parts.append(_renamed(part, copy))
    syllabus["parts"] = parts
    # the default delivery plan, over copy 0 (every other copy is self-study): 16 copies fit in no plan's days
    course = syllabus["course"]
    plan = next((plan for plan in syllabus.get("plans", []) if plan["id"] == course.get("plan")), None)
    syllabus["plans"] = [{**_renamed(plan, 0), "id": plan["id"]}] if plan else []
    course["answered_by"] = [[f"{chapter}-0" for chapter in row] for row in course.get("answered_by", [])]
    (target / "content/modules").mkdir(parents=True)
    (target / "content/syllabus.yaml").write_text(yaml.safe_dump(syllabus, allow_unicode=True), encoding="utf-8")
    for path in sorted((REPO / "content/modules").glob("*.yaml")):
        module = yaml.safe_load(path.read_text(encoding="utf-8"))
        for copy in range(copies):
            clone = _renamed(module, copy)
            clone["chapter"] = f"{path.stem}-{copy}"
            out = target / f"content/modules/{path.stem}-{copy}.yaml"
            out.write_text(yaml.safe_dump(clone, allow_unicode=True), encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("pages", "content/facts"):  # extra pages and the fact sheet the modules reference
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, target / folder)
    for name in ("glossary.yaml", "profile.yaml"):  # terms, and the course's roles the modules are tagged with
        if (REPO / "content" / name).exists():
            shutil.copy(REPO / "content" / name, target / "content" / name)


def _renamed(value: Any, copy: int) -> Any:
    """A deep copy with every `id` suffixed: outline ids (parts, chapters, sections, points) are course-wide."""
    if isinstance(value, list):
        return [_renamed(item, copy) for item in value]
    if isinstance(value, dict):
        return {key: f"{item}-{copy}" if key == "id" else _renamed(item, copy) for key, item in value.items()}
    return value


def measure_child(course: str) -> None:
    """Runs in a subprocess so peak memory belongs to one build."""
    from generator import pipeline
    from generator.engine import stop_search_worker

    sampler = MemorySampler()
    sampler.start()
    started = time.perf_counter()
    outcome = pipeline.build(Path(course), Path(course) / "site")
    total = time.perf_counter() - started
    stop_search_worker()
    sampler.stop()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"pages": outcome.pages, "total": total, "peak_mb": peak_mb, "worker_mb": sampler.worker_mb,
                      "sum_mb": sampler.sum_mb, **outcome.timings}))


class MemorySampler(threading.Thread):
    """This process and its worker processes, every 20 ms: the largest worker, and the largest sum of all of
    them at one moment (what the machine must hold). RUSAGE_CHILDREN cannot say either: it counts only ended
    children, and on Linux a child's figure starts at its parent's size when it forks (ldconfig, for one)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.done = threading.Event()
        self.worker_mb = self.sum_mb = 0.0

    def run(self) -> None:
        while not self.done.wait(0.02):
            workers = [_rss_mb(pid) for pid in _children()]
            self.worker_mb = max([self.worker_mb, *workers])
            self.sum_mb = max(self.sum_mb, _rss_mb("self") + sum(workers))

    def stop(self) -> None:
        self.done.set()
        self.join()


def _children() -> set[str]:
    found: set[str] = set()
    for tasks in Path("/proc/self/task").glob("*/children"):
        found |= set(tasks.read_text().split())
    return found


def _rss_mb(pid: str) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # ended meanwhile
        return 0.0
    found = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else 0.0


def plain_child(config: str, site: str) -> None:
    """A plain `mkdocs build` in a subprocess of its own, so that its peak memory is its own too."""
    from mkdocs.__main__ import cli

    cli(["build", "-q", "-f", config, "-d", site], standalone_mode=False)
    print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def plain_mkdocs(course: Path) -> tuple[float, float]:
    """Seconds (the whole process) and peak MB of a plain `mkdocs build` of the emitted tree."""
    config = course / "build/learner/mkdocs.yml"
    started = time.perf_counter()
    run = subprocess.run([sys.executable, __file__, "--plain", str(config), str(course / "plain")],
                         check=True, capture_output=True, text=True)
    return time.perf_counter() - started, json.loads(run.stdout.strip().splitlines()[-1])["peak_mb"]


def main(scales: list[int]) -> None:
    print("total: one courseware build in its process; peakMB: its main process; workMB: its largest worker "
          "(search index or workbooks); sumMB: main and workers at the same moment (sampled every 20 ms); "
          "plainMB: plain mkdocs build's peak")
    print(f"{'scale':>5} {'pages':>6} {'load':>6} {'valid':>6} {'render':>7} {'engine':>7} {'total':>7} "
          f"{'peakMB':>7} {'workMB':>7} {'sumMB':>7} {'plainMB':>7} {'plain':>7} {'ratio':>6} {'growth':>7}")
    base = None
    for scale in scales:
        with tempfile.TemporaryDirectory() as folder:
            course = Path(folder)
            make_course(course, scale)
            run = subprocess.run([sys.executable, __file__, "--child", str(course)],
                                 check=True, capture_output=True, text=True)
            figures = json.loads(run.stdout.strip().splitlines()[-1])
            plain, plain_mb = plain_mkdocs(course)
        base = base or figures["total"]
        print(f"{scale:>4}x {figures['pages']:>6} {figures['load']:>6.2f} {figures['validate']:>6.2f} "
              f"{figures['render']:>7.2f} {figures['engine']:>7.2f} {figures['total']:>7.2f} "
              f"{figures['peak_mb']:>7.0f} {figures['worker_mb']:>7.0f} {figures['sum_mb']:>7.0f} {plain_mb:>7.0f} "
              f"{plain:>7.2f} "
              f"{figures['total'] / plain:>6.2f} {figures['total'] / base:>6.1f}x", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        measure_child(sys.argv[2])
    elif sys.argv[1:2] == ["--plain"]:
        plain_child(sys.argv[2], sys.argv[3])
    else:
        main([int(arg) for arg in sys.argv[1:]] or [1, 4, 16])
