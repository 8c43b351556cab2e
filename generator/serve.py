"""`courseware serve`: build, serve on 127.0.0.1, rebuild when a course file changes, reload the browser.

Only pages served by `serve` get the reload script (added to each HTML response on its way out); a built
site never contains it. The script polls a small status document: a new build id reloads the page, a failed
build shows its `path:line:col: error[CODE]` lines over the page, which stays the last good site.
"""

from __future__ import annotations

import functools
import http.server
import json
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator import pipeline
from generator.engine import keep_search_worker
from generator.formatter import format_summary, format_text
from generator.load.yamlsource import keep_parsed_files
from generator.locale import cli

WATCHED = ("content", "quizzes", "pages", "site_templates", "mkdocs.yml")
STATUS = "/__courseware__/status.json"
# Plain DOM calls and textContent only: error text from the author's files is never parsed as HTML.
RELOAD_SCRIPT = """<script>(function () {
  var seen = null, box = null;
  function show(status) {
    if (!box) {
      box = document.createElement("div");
      box.className = "cw-serve-overlay";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:10000;" +
        "background:#fff5f5;color:#611;border-top:4px solid #c00;padding:1em;font:14px/1.5 monospace";
      var close = document.createElement("button");
      close.textContent = status.close;
      close.style.cssText = "float:right";
      close.onclick = function () { box.hidden = true; };
      box.appendChild(close);
      box.appendChild(document.createElement("strong"));
      box.appendChild(document.createElement("pre"));
      document.body.appendChild(box);
    }
    box.hidden = false;
    box.querySelector("strong").textContent = status.title;
    box.querySelector("pre").textContent = status.problems;
  }
  function poll() {
    fetch("%(status)s", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (status) {
      if (seen !== null && status.build !== seen) { location.reload(); return; }
      seen = status.build;
      if (status.problems) { show(status); } else if (box) { box.remove(); box = null; }
    }).catch(function () {}).then(function () { setTimeout(poll, 100); });
  }
  poll();
})();</script>""".replace("%(status)s", STATUS)


@dataclass
class State:
    """What the browser polls: the id of the site being served and the problems of the last failed build."""

    build: int = 0
    problems: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def document(self) -> bytes:
        with self.lock:
            status = {"build": self.build, "problems": self.problems,
                      "title": cli("serve_overlay"), "close": cli("serve_overlay_close")}
        return json.dumps(status, ensure_ascii=False).encode("utf-8")


def serve(root: Path, site: Path, edition: str, port: int) -> int:
    keep_parsed_files()
    keep_search_worker()
    state = State()
    rebuild(root, site, edition, state)
    server = start_server(site, state, port)
    print(cli("serving", port=server.server_address[1]), file=sys.stderr)
    try:
        watch(root, site, edition, state)
    finally:
        server.shutdown()
    return 0


def start_server(site: Path, state: State, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Handler, state, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def watch(root: Path, site: Path, edition: str, state: State, interval: float = 0.1,
          stop: threading.Event | None = None) -> None:
    """Polling, not inotify: it works the same on network drives and every OS."""
    stop = stop or threading.Event()
    seen = snapshot(root)
    while not stop.wait(interval):
        current = snapshot(root)
        if current != seen:
            seen = current
            print(cli("rebuilding"), file=sys.stderr)
            rebuild(root, site, edition, state)


def snapshot(root: Path) -> dict[str, float]:
    stamps: dict[str, float] = {}
    for name in WATCHED:
        path = root / name
        files = [path] if path.is_file() else path.rglob("*") if path.is_dir() else []
        stamps.update({str(file): file.stat().st_mtime for file in files if file.is_file()})
    return stamps


def rebuild(root: Path, site: Path, edition: str, state: State) -> None:
    started = time.perf_counter()
    outcome = pipeline.build(root, site, edition)
    text = format_text(outcome.diagnostics, root) if outcome.diagnostics else ""
    if text:
        print(text, file=sys.stderr)
    print(format_summary(outcome.diagnostics, outcome.files), file=sys.stderr)
    with state.lock:
        if outcome.failed(strict=False):
            state.problems = text  # the site on disk is still the last good one
        else:
            state.build += 1
            state.problems = ""
    print(f"{time.perf_counter() - started:.1f}s", file=sys.stderr)


class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, state: State, *args: object, **kwargs: object) -> None:
        self.state = state
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def do_GET(self) -> None:
        if self.path.split("?")[0] == STATUS:
            self._send(self.state.document(), "application/json; charset=utf-8")
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):  # without the slash: the base class redirects
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            self._send(_with_script(path.read_bytes()), "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _with_script(page: bytes) -> bytes:
    marker = page.rfind(b"</body>")
    script = RELOAD_SCRIPT.encode("utf-8")
    return page[:marker] + script + page[marker:] if marker >= 0 else page + script
