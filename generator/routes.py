"""Names the generated site takes for itself: one list, read by the renderer and by the id checks.

A part, chapter, role-play or worksheet id becomes a file name; an id equal to one of these names would
overwrite a generated page. tests/test_routes.py renders every feature in both editions and checks that
each name the renderer writes is listed here, so the list cannot fall behind the pages.
"""

from __future__ import annotations

QUIZZES = "quizzes"
WORKSHEETS = "worksheets"
BLANKS, BUNDLE = "blank", "all-worksheets"
WORKSHEET_BLANKS = f"{WORKSHEETS}/{BLANKS}"  # worksheets/blank/<id>.xlsx: the templates without sample rows
WORKSHEET_BUNDLE = f"{WORKSHEETS}/{BUNDLE}.zip"  # every workbook and template (全部下载)
DATAPACK = "datapack.md"
INDEX = "index"
# First-level files and folders of the docs tree besides the parts' own folders (features and both editions),
# plus what MkDocs and Material write next to them.
TOP_LEVEL = frozenset({
    "index", "glossary", "datapack", "scripts", "agenda", "answers",
    QUIZZES, "roleplays", WORKSHEETS, "maps", "slides", "print", "pages", "assets",
    "search", "404", "sitemap", "stylesheets", "javascripts",
})
# maps/<part-id>.svg sits beside maps/course.svg (the whole course): a part may not be called that either.
PART_IDS_TAKEN = TOP_LEVEL | {"course"}
# <part>/<chapter>.md, roleplays/<id>.md and worksheets/<id>.md sit beside their folder's index page.
FOLDER_IDS_TAKEN = frozenset({INDEX, BLANKS, BUNDLE})
