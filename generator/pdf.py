"""`courseware pdf`: print every page under print/ of a built site to PDF with headless Chromium.

Chromium embeds the local CJK fonts the print CSS names, and draws the page numbers from @page rules.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser")
SOURCES = ("content", "quizzes", "mkdocs.yml", "site_templates")
PRINT_TIMEOUT = 180  # seconds per page; the handbook takes a few


class PrintFailed(Exception):
    """Chromium ran but wrote no PDF."""


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def print_pages(site: Path) -> list[Path]:
    """The pages `courseware pdf` prints: everything under print/, in a stable order."""
    return sorted((site / "print").glob("*.html"))


def needs_build(root: Path, site: Path, edition: str) -> bool:
    """True when the site is missing, of the other edition, or older than any course file."""
    index = site / "index.html"
    if not index.is_file():
        return True
    if (site / "agenda.html").is_file() != (edition == "trainer"):
        return True  # only the trainer edition has the timing plan
    built = index.stat().st_mtime
    return any(path.stat().st_mtime > built for path in _source_files(root))


def _source_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for name in SOURCES:
        path = root / name
        files += [path] if path.is_file() else [item for item in path.rglob("*") if item.is_file()]
    return files


def print_to_pdf(chromium: str, page: Path, target: Path) -> Path:
    """One page to one PDF; raises PrintFailed with Chromium's last words when nothing was written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="courseware-chromium-") as profile:
        command = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", f"--user-data-dir={profile}", f"--print-to-pdf={target}", page.resolve().as_uri(),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=PRINT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PrintFailed(f"timeout after {PRINT_TIMEOUT}s") from exc
    if not target.is_file() or target.stat().st_size == 0:
        raise PrintFailed((result.stderr.strip().splitlines() or [f"exit {result.returncode}"])[-1])
    return target

