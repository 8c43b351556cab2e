"""Every path the generated site uses, in one place: fixed pages, per-id pages, and the names they take.

The renderer writes pages at these docs-tree paths (Markdown links between pages are relative to them);
the id checks refuse ids that would collide with them.

A part, chapter, role-play or worksheet id becomes a file name; an id equal to one of these names would
overwrite a generated page. tests/test_routes.py renders every feature in both editions and checks that
each name the renderer writes is listed here, so the list cannot fall behind the pages.
"""

from __future__ import annotations

QUIZZES = "quizzes"
WORKSHEETS = "worksheets"
ROLEPLAYS = "roleplays"
BLANKS, BUNDLE = "blank", "all-worksheets"
WORKSHEET_BLANKS = f"{WORKSHEETS}/{BLANKS}"  # worksheets/blank/<id>.xlsx: the templates without sample rows
WORKSHEET_BUNDLE = f"{WORKSHEETS}/{BUNDLE}.zip"  # every workbook and template (全部下载)
INDEX = "index"

# Fixed pages (docs-tree paths).
HOME = "index.md"
GLOSSARY = "glossary.md"
DATAPACK = "datapack.md"
SCRIPTS = "scripts.md"
AGENDA = "agenda.md"
ANSWERS = "answers.md"
REPORT = "report.md"  # 班级报告 (trainer edition)
# The report's own script and style: written only beside that page, loaded only by it (not site-wide).
REPORT_ASSETS = ("assets/report/report.js", "assets/report/xlsx.js", "assets/report/report.css")
MAPS_INDEX = "maps/index.md"
COURSE_MAP = "maps/course.svg"
SLIDES_INDEX = "slides/index.md"
HANDBOOK = "print/handbook.md"
FACILITATOR = "print/facilitator.md"
ROLEPLAYS_INDEX = f"{ROLEPLAYS}/index.md"
WORKSHEETS_INDEX = f"{WORKSHEETS}/index.md"
QUIZZES_INDEX = f"{QUIZZES}/index.md"


def part_page(part: str) -> str:
    return f"{part}/index.md"


def chapter_page(part: str, chapter: str) -> str:
    return f"{part}/{chapter}.md"


def quiz_page(quiz: str) -> str:
    return f"{QUIZZES}/{quiz}.md"


def roleplay_page(play: str) -> str:
    return f"{ROLEPLAYS}/{play}.md"


def roleplay_cards(play: str) -> str:
    return f"print/cards-{play}.md"


def worksheet_page(sheet: str) -> str:
    return f"{WORKSHEETS}/{sheet}.md"


def worksheet_file(sheet: str) -> str:
    return f"{WORKSHEETS}/{sheet}.xlsx"


def part_map(part: str) -> str:
    return f"maps/{part}.svg"


def deck(part: str) -> str:
    return f"slides/{part}.html"


def presenter_deck(part: str) -> str:
    """The presenter view of a part's deck (an id holds no dot, so no deck can take this name)."""
    return f"slides/{part}.presenter.html"


def extra_page(file_name: str) -> str:
    return f"pages/{file_name}"


def as_html(path: str) -> str:
    """The address a page gets in the built site (use_directory_urls is off): for links outside Markdown."""
    return path.removesuffix(".md") + ".html" if path.endswith(".md") else path


def from_folder(path: str) -> str:
    """A link to `path` from a page one folder deep (chapters, parts, feature pages): all pages but the home."""
    return f"../{path}"
# First-level files and folders of the docs tree besides the parts' own folders (features and both editions),
# plus what MkDocs and Material write next to them.
TOP_LEVEL = frozenset({
    "index", "glossary", "datapack", "scripts", "agenda", "answers", "report",
    QUIZZES, "roleplays", WORKSHEETS, "maps", "slides", "print", "pages", "assets",
    "search", "404", "sitemap", "stylesheets", "javascripts",
})
# maps/<part-id>.svg sits beside maps/course.svg (the whole course): a part may not be called that either.
PART_IDS_TAKEN = TOP_LEVEL | {"course"}
# <part>/<chapter>.md, roleplays/<id>.md and worksheets/<id>.md sit beside their folder's index page.
FOLDER_IDS_TAKEN = frozenset({INDEX, BLANKS, BUNDLE})
