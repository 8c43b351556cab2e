"""The site's own front-end files and their gzipped size, against the budget the issues set."""

from __future__ import annotations

import gzip
from pathlib import Path

BUDGET_GZIP_BYTES = 20 * 1024  # all own JS + CSS together, as served
FRONT_END_SUFFIXES = (".js", ".css")


def front_end_files(assets: Path) -> list[Path]:
    return sorted(path for path in assets.rglob("*") if path.suffix in FRONT_END_SUFFIXES)


def gzipped_size(path: Path) -> int:
    # mtime=0 keeps the figure independent of when it was measured
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
