"""The front-end budget: every own JS and CSS file together, gzipped."""

from __future__ import annotations

from generator.assets import BUDGET_GZIP_BYTES, front_end_files, gzipped_size
from generator.render import TOOL_TEMPLATES


def test_own_front_end_fits_the_budget() -> None:
    files = front_end_files(TOOL_TEMPLATES / "assets")
    assert files, "no front-end files found: the budget check would pass vacuously"
    assert sum(gzipped_size(path) for path in files) <= BUDGET_GZIP_BYTES


def test_widget_scripts_are_dependency_free() -> None:
    for path in front_end_files(TOOL_TEMPLATES / "assets"):
        text = path.read_text(encoding="utf-8")
        assert "import " not in text.split("\n", 1)[0] and "require(" not in text, path
        assert "http://" not in text and "https://" not in text, f"{path} names another host"
