"""The front-end budget: every own JS and CSS file together, gzipped."""

from __future__ import annotations

from generator.assets import BUDGET_GZIP_BYTES, STYLE_BUNDLE, front_end_files, gzipped_length, minified, served_units
from generator.resources import TOOL_TEMPLATES


def test_own_front_end_fits_the_budget() -> None:
    """Measured as served: the one style bundle, each script, the decks' own files."""
    units = served_units(TOOL_TEMPLATES / "assets")
    assert len(units) > 5, "no front-end files found: the budget check would pass vacuously"
    assert sum(gzipped_length(data) for data in units.values()) <= BUDGET_GZIP_BYTES


def test_every_stylesheet_is_served_once_in_the_bundle_in_name_order() -> None:
    assets = TOOL_TEMPLATES / "assets"
    bundle = served_units(assets)[STYLE_BUNDLE].decode("utf-8")
    sheets = [p.relative_to(assets).as_posix() for p in front_end_files(assets)
              if p.suffix == ".css" and not p.is_relative_to(assets / "standalone")]
    heads = [bundle.index(f"/* {name} */") for name in sheets]
    assert len(sheets) > 3 and heads == sorted(heads)
    for path in sheets:
        assert minified(path, (assets / path).read_bytes()).decode("utf-8").strip() in bundle
    assert "standalone" not in bundle


def test_widget_scripts_are_dependency_free() -> None:
    for path in front_end_files(TOOL_TEMPLATES / "assets"):
        text = path.read_text(encoding="utf-8")
        assert "import " not in text.split("\n", 1)[0] and "require(" not in text, path
        assert "http://" not in text and "https://" not in text, f"{path} names another host"


def test_every_script_has_its_place_in_the_load_order() -> None:
    """A widget script missing from SCRIPT_ORDER would load by file name, possibly before the core."""
    from generator.assets import SCRIPT_ORDER
    from generator.resources import TOOL_TEMPLATES

    scripts = sorted(p.relative_to(TOOL_TEMPLATES / "assets").as_posix()
                     for p in (TOOL_TEMPLATES / "assets" / "js").glob("*.js"))
    assert scripts and sorted(SCRIPT_ORDER) == scripts


def test_site_loads_the_core_first(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from generator.load.course import load_course
    from generator.render import render
    from generator.scaffold import create_course

    create_course(tmp_path / "c")
    course = load_course(tmp_path / "c").course
    assert course is not None
    tree = render(course)
    assert tree.extra_js[0] == "assets/js/core.js"
    assert tree.extra_js.index("assets/js/quiz.js") < tree.extra_js.index("assets/js/quiz-progress.js")


def test_served_scripts_and_styles_drop_comments_but_keep_code() -> None:
    units = served_units(TOOL_TEMPLATES / "assets")
    quiz, style = units["assets/js/quiz.js"].decode("utf-8"), units[STYLE_BUNDLE].decode("utf-8")
    source = (TOOL_TEMPLATES / "assets" / "js" / "quiz.js").read_text(encoding="utf-8")
    assert source.startswith("/*") and not quiz.startswith("/*")
    assert "mulberry32" in source and "mulberry32" not in quiz  # a comment's word
    assert "0x6d2b79f5" in quiz and "cw-quiz__form" in quiz
    assert len(quiz) < 0.8 * len(source)
    assert ".cw-quiz" in style and "\n\n" not in style
