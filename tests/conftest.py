"""Shared fixtures: the bundled course built once, served from a sub-path on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator import pipeline

REPO = Path(__file__).resolve().parents[1]
SUBPATH = "training/laokehu"


def copy_bundled_course(course: Path) -> Path:
    """The bundled course's sources (what `courseware build` reads) copied into `course`."""
    for name in ("content", "quizzes", "pages", "mkdocs.yml"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, course / name)
        elif source.exists():
            shutil.copy(source, course / name)
    return course


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled course built like `courseware build`, into a folder of its own."""
    course = copy_bundled_course(tmp_path_factory.mktemp("course"))
    outcome = pipeline.build(course, course / "site")
    assert not outcome.failed(strict=False), outcome.diagnostics
    return course / "site"


Serve = Callable[..., str]


@pytest.fixture(scope="session")
def serve_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Serve]:
    """Serve a built site under a sub-path (e.g. training/laokehu) to prove nothing assumes the server root.

    Returns the site's URL; every server started this way stops at the end of the session.
    """
    servers: list[http.server.ThreadingHTTPServer] = []

    def serve(site: Path, subpath: str, port: int = 0) -> str:
        webroot = tmp_path_factory.mktemp("webroot")
        shutil.copytree(site, webroot / subpath)
        handler = functools.partial(_QuietHandler, directory=str(webroot))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/{subpath}/"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_site(built_site: Path, serve_site: Serve) -> str:
    return serve_site(built_site, SUBPATH)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


GOLDEN = Path(__file__).parent / "golden" / "sample"


@pytest.fixture
def check_golden(update_golden: bool) -> Callable[[str, str], None]:
    """Compare a rendered page of the sample course with tests/golden/sample/<page>; rewrite it on request."""

    def check(page: str, text: str) -> None:
        golden = GOLDEN / page
        if update_golden:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(text, encoding="utf-8")
        assert text == golden.read_text(encoding="utf-8")

    return check


@pytest.fixture
def sample_course(tmp_path: Path) -> Path:
    """A fresh copy of the scaffold course that `courseware new` writes."""
    from generator.scaffold import SCAFFOLD

    target = tmp_path / "course"
    shutil.copytree(SCAFFOLD, target)
    return target
