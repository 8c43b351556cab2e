"""`courseware serve`: build, serve on 127.0.0.1, rebuild when a course file changes, reload the browser.

Only pages served by `serve` get the reload script (added to each HTML response on its way out); a built
site never contains it. The script asks for a small status document, which the server answers as soon as a
rebuild ends: a new build id reloads the page, a failed build shows its `path:line:col: error[CODE]` lines over
the page, which stays the last good site.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import http.server
import json
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from generator import pipeline
from generator.engine import keep_search_worker
from generator.formatter import format_summary, format_text
from generator.load.course import source_stamps
from generator.load.yamlsource import keep_parsed_files
from generator.locale import cli

STATUS = "/__courseware__/status.json"
LONG_POLL = 5.0  # seconds a status request waits for a rebuild to end before it answers anyway
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
  var version = "", pause = 0;
  function poll() {
    // the server answers when a build ends (or after a few seconds): the page reloads as soon as the site is new
    fetch("%(status)s?since=" + version, {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (status) {
        if (seen !== null && status.build !== seen) { location.reload(); return; }
        seen = status.build;
        version = status.version;
        pause = 0;
        if (status.problems) { show(status); } else if (box) { box.remove(); box = null; }
      }).catch(function () { pause = 1000; }).then(function () { setTimeout(poll, pause); });
  }
  poll();
})();</script>""".replace("%(status)s", STATUS)


@dataclass
class State:
    """What the browser polls: the id of the site being served and the problems of the last failed build."""

    build: int = 0
    problems: str = ""
    version: int = 0  # one more after every rebuild, good or failed: what a waiting browser waits for
    settled: bool = False
    changed: threading.Condition = field(default_factory=threading.Condition)

    def finish(self, problems: str | None) -> None:
        """A rebuild ended: `problems` None for a good one (a new site), else the text to show over the page."""
        with self.changed:
            if problems is None:
                self.build, self.problems = self.build + 1, ""
            else:
                self.problems = problems  # the site on disk is still the last good one
            self.version += 1
            self.changed.notify_all()

    def document(self, since: str = "", wait: float = 0.0) -> bytes:
        """The status; with `since` (a version the browser has), once there is a newer one or `wait` is over."""
        with self.changed:
            if since == str(self.version):
                self.changed.wait_for(lambda: since != str(self.version), timeout=wait)
            status = {"build": self.build, "problems": self.problems, "version": self.version,
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
    server.block_on_close = False  # a browser's waiting status request must not hold up stopping
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def watch(root: Path, site: Path, edition: str, state: State, interval: float = 0.05,
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


snapshot = source_stamps  # what a build reads from the course, stat'ed every 0.05 s (~1 ms)


def rebuild(root: Path, site: Path, edition: str, state: State) -> None:
    started = time.perf_counter()
    outcome = pipeline.build(root, site, edition)
    if not state.settled:  # what the first build leaves stays for the session: parsed files, templates, modules
        gc.collect()
        gc.freeze()  # so that Python's full garbage collections (0.15 s each, every other rebuild) skip it
        state.settled = True
    text = format_text(outcome.diagnostics, root) if outcome.diagnostics else ""
    if text:
        print(text, file=sys.stderr)
    print(format_summary(outcome.diagnostics, outcome.files), file=sys.stderr)
    state.finish(text if outcome.failed(strict=False) else None)
    print(f"{time.perf_counter() - started:.1f}s", file=sys.stderr)


class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, state: State, *args: object, **kwargs: object) -> None:
        self.state = state
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def do_GET(self) -> None:
        address, _, query = self.path.partition("?")
        if address == STATUS:
            since = urllib.parse.parse_qs(query).get("since", [""])[0]
            self._send(self.state.document(since, LONG_POLL), "application/json; charset=utf-8")
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):  # without the slash: the base class redirects
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            self._send(_with_script(path.read_bytes()), "text/html; charset=utf-8")
            return
        if path.is_file():
            self._send_file(path)
            return
        super().do_GET()

    def _send_file(self, path: Path) -> None:
        """Scripts, styles, images, the search index: named by their content (ETag), not their time. Every rebuild
        writes every file anew, so by time the browser fetched and compiled Material's scripts again on each
        reload; by content it keeps what did not change (304)."""
        body = path.read_bytes()
        tag = '"' + hashlib.sha1(body, usedforsecurity=False).hexdigest() + '"'
        if tag in self.headers.get("If-None-Match", ""):
            self._send(b"", "", 304, tag)
        else:
            self._send(body, self.guess_type(str(path)), 200, tag)

    def _send(self, body: bytes, kind: str, status: int = 200, tag: str = "") -> None:
        try:
            self.send_response(status)
            if kind:
                self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if tag:
                self.send_header("ETag", tag)
            self.send_header("Cache-Control", "no-cache" if tag else "no-store")  # no-cache: ask every time
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the page reloaded while its status request waited
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        pass


def _with_script(page: bytes) -> bytes:
    marker = page.rfind(b"</body>")
    script = RELOAD_SCRIPT.encode("utf-8")
    return page[:marker] + script + page[marker:] if marker >= 0 else page + script
