"""`courseware serve`: build, serve on 127.0.0.1, rebuild when a course file changes."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from pathlib import Path

from generator import pipeline
from generator.formatter import format_summary, format_text
from generator.locale import cli

WATCHED = ("content", "quizzes", "site_templates", "mkdocs.yml")


def serve(root: Path, site: Path, edition: str, port: int) -> int:
    _rebuild(root, site, edition)
    handler = functools.partial(_Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(cli("serving", port=server.server_address[1]), file=sys.stderr)
    try:
        _watch(root, site, edition)
    finally:
        server.shutdown()
    return 0


def _watch(root: Path, site: Path, edition: str, interval: float = 1.0) -> None:
    """Polling, not inotify: it works the same on network drives and every OS."""
    seen = snapshot(root)
    while True:
        time.sleep(interval)
        current = snapshot(root)
        if current != seen:
            seen = current
            print(cli("rebuilding"), file=sys.stderr)
            _rebuild(root, site, edition)


def snapshot(root: Path) -> dict[str, float]:
    stamps: dict[str, float] = {}
    for name in WATCHED:
        path = root / name
        files = [path] if path.is_file() else path.rglob("*") if path.is_dir() else []
        stamps.update({str(file): file.stat().st_mtime for file in files if file.is_file()})
    return stamps


def _rebuild(root: Path, site: Path, edition: str) -> None:
    outcome = pipeline.build(root, site, edition)
    if outcome.diagnostics:
        print(format_text(outcome.diagnostics, root), file=sys.stderr)
    print(format_summary(outcome.diagnostics, outcome.files), file=sys.stderr)


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass
