"""Formula counts and sizes per bundled workbook, and the time to generate all of them.

Run: `make bench` (or `python bench/worksheets.py [course-folder]`). Prints the best of three rounds.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from generator.load.course import load_course
from generator.workbook import build_workbook, formula_count, make_workbook
from generator.workbook.layout import lay_out

ROUNDS = 3


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1]
    loaded = load_course(root)
    assert loaded.course is not None, loaded.problems
    worksheets = loaded.course.worksheets
    print(f"{'worksheet':28} {'sheets':>6} {'rows':>5} {'formulas':>8} {'bytes':>8}")
    total_formulas = 0
    for worksheet in worksheets:
        book = make_workbook(worksheet)
        count, size = formula_count(book), len(build_workbook(worksheet))
        rows = sum(lay_out(sheet).capacity for sheet in worksheet.sheets)
        total_formulas += count
        print(f"{worksheet.id:28} {len(worksheet.sheets):6d} {rows:5d} {count:8d} {size:8d}")
    best = min(_time_all(worksheets) for _ in range(ROUNDS))
    print(f"{len(worksheets)} workbooks, {total_formulas} formulas, generated in {best:.2f} s (best of {ROUNDS})")


def _time_all(worksheets) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for worksheet in worksheets:
        build_workbook(worksheet)  # with the cached values, as the site ships it
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
