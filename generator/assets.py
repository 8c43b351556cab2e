"""The site's own front-end files and their gzipped size, against the budget the issues set."""

from __future__ import annotations

import gzip
from pathlib import Path

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]

BUDGET_GZIP_BYTES = 20 * 1024  # all own JS + CSS together, as served (minified, gzipped)
FRONT_END_SUFFIXES = (".js", ".css")
# The site's stylesheets are served as one file: apart, each repeated the same vocabulary (Material's variable
# names, cw- prefixes) to its own gzip, ~1.4 KB of the budget. The standalone decks keep their own.
STYLE_BUNDLE = "assets/site.css"
STANDALONE = "standalone/"
# The site's scripts in load order: the core first (every widget registers through it), then the progress
# record's owner (progress.js), its writer (quiz.js) and its reader (quiz-progress.js). A script not listed
# loads after these, by name.
SCRIPT_ORDER = ("js/core.js", "js/progress.js", "js/quiz.js", "js/quiz-progress.js", "js/roleplay.js", "js/mindmap.js",
                "js/scripts.js")


def script_rank(relative: str) -> tuple[int, str]:
    """Sort key for assets/<relative> scripts: listed ones in their order, others after, by name."""
    name = relative.removeprefix("assets/")
    return (SCRIPT_ORDER.index(name) if name in SCRIPT_ORDER else len(SCRIPT_ORDER), name)


def front_end_files(assets: Path) -> list[Path]:
    return sorted(path for path in assets.rglob("*") if path.suffix in FRONT_END_SUFFIXES)


def minified(name: str, data: bytes) -> bytes:
    """An own script or stylesheet as the site serves it: the sources keep their comments, which explain why,
    and learners' browsers get none of them (about a fifth of the gzipped budget)."""
    if name.endswith(".js"):
        return str(rjsmin.jsmin(data.decode("utf-8"))).encode("utf-8")
    if name.endswith(".css"):
        return str(rcssmin.cssmin(data.decode("utf-8"))).encode("utf-8")
    return data


def bundle_styles(sheets: list[tuple[str, bytes]]) -> bytes:
    """Stylesheets (name, text) as the one file the site links, in the order given (the cascade's order);
    each keeps a /* name */ line so a browser's inspector still tells which file a rule came from."""
    return b"".join(b"/* " + name.encode("utf-8") + b" */\n" + minified(name, text).strip() + b"\n"
                    for name, text in sheets)


def served_units(assets: Path) -> dict[str, bytes]:
    """Each file the site serves of the front end in `assets`, by name: the style bundle, then the rest."""
    files = [(path.relative_to(assets).as_posix(), path.read_bytes()) for path in front_end_files(assets)]
    sheets = [(name, text) for name, text in files if name.endswith(".css") and not name.startswith(STANDALONE)]
    return {STYLE_BUNDLE: bundle_styles(sheets),
            **{f"assets/{name}": minified(name, text) for name, text in files if (name, text) not in sheets}}


def gzipped_size(path: Path) -> int:
    return gzipped_length(path.read_bytes())


def gzipped_length(data: bytes) -> int:
    # mtime=0 keeps the figure independent of when it was measured
    return len(gzip.compress(data, compresslevel=9, mtime=0))
