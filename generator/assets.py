"""The site's own front-end files and their gzipped size, against the budget the issues set."""

from __future__ import annotations

import gzip
from pathlib import Path

BUDGET_GZIP_BYTES = 20 * 1024  # all own JS + CSS together, as served
FRONT_END_SUFFIXES = (".js", ".css")
# The site's scripts in load order: the core first (every widget registers through it), then the store's
# owner (quiz.js) before its reader (quiz-progress.js). A script not listed loads after these, by name.
SCRIPT_ORDER = ("js/core.js", "js/quiz.js", "js/quiz-progress.js", "js/roleplay.js", "js/mindmap.js",
                "js/scripts.js")


def script_rank(relative: str) -> tuple[int, str]:
    """Sort key for assets/<relative> scripts: listed ones in their order, others after, by name."""
    name = relative.removeprefix("assets/")
    return (SCRIPT_ORDER.index(name) if name in SCRIPT_ORDER else len(SCRIPT_ORDER), name)


def front_end_files(assets: Path) -> list[Path]:
    return sorted(path for path in assets.rglob("*") if path.suffix in FRONT_END_SUFFIXES)


def gzipped_size(path: Path) -> int:
    # mtime=0 keeps the figure independent of when it was measured
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
