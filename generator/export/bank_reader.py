"""An .xlsx bank (layout in generator/export/sheet.py) back into plain bank data for quizzes/*.yaml.

Every bad cell is reported as `file.xlsx:题目!B7` with a code and a hint, all at once; rows with errors are
dropped, the rest are kept, and nothing is written while any error remains (the caller decides).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from generator.diagnostics import Diagnostic, Loc, Severity
from generator.export import sheet as layout
from generator.export.bank_rows import Cells, bank_id, read_question, split_list
from generator.locale import message, os_reason, suggest

Data = dict[str, Any]
REQUIRED = ("题型", "题干", "解析", "题库", "大纲节点")  # every question needs these; 题目ID may be made up


def read_bank_file(path: Path, shown: str) -> tuple[list[Data], list[Diagnostic]]:
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except OSError as exc:
        return [], [_file_error(shown, "bank-unreadable", reason=os_reason(exc))]
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        return [], [_file_error(shown, "bank-unreadable", reason=type(exc).__name__)]
    if layout.QUESTIONS not in book.sheetnames:
        return [], [_file_error(shown, "bank-no-sheet", sheet=layout.QUESTIONS)]
    problems: list[Diagnostic] = []
    titles = _bank_titles(book, shown, problems)
    quizzes = _quizzes(book, shown, problems)
    questions = _questions(book[layout.QUESTIONS], shown, problems)
    return _assemble(titles, questions, quizzes), problems


def _file_error(shown: str, code: str, **values: object) -> Diagnostic:
    text, hint = message(code, **values)
    return Diagnostic(Loc(shown), code, text, hint)


def _rows(sheet: Any, shown: str, columns: tuple[tuple[str, str], ...],
          problems: list[Diagnostic]) -> list[Cells]:
    """Each non-blank row below the header, read by header name (columns may be moved or missing)."""
    grid = list(sheet.iter_rows(values_only=True))
    if not grid:
        return []
    known = {name for name, _ in columns}
    letters, positions = {}, {}
    for index, header in enumerate(grid[0]):
        name = str(header).strip() if header is not None else ""
        letter = openpyxl.utils.get_column_letter(index + 1)
        if name in known and name not in positions:
            letters[name], positions[name] = letter, index
        elif name:
            text, hint = message("bank-unknown-column", column=name, suggestion=suggest(name, known, "columns"))
            problems.append(Diagnostic(Loc(f"{shown}:{sheet.title}!{letter}1"), "bank-unknown-column", text, hint,
                                       Severity.WARNING))
    rows = []
    for number, values in enumerate(grid[1:], start=2):
        if all(value is None or (isinstance(value, str) and not value.strip()) for value in values):
            continue
        cells = {name: values[index] if index < len(values) else None for name, index in positions.items()}
        rows.append(Cells(shown, sheet.title, number, cells, letters, problems))
    return rows


def _bank_titles(book: Any, shown: str, problems: list[Diagnostic]) -> dict[str, str]:
    if layout.BANKS not in book.sheetnames:
        return {}
    titles = {}
    for cells in _rows(book[layout.BANKS], shown, layout.BANK_COLUMNS, problems):
        bank = bank_id(cells, "题库ID")
        if bank:
            titles[bank] = cells.text("名称") or bank
    return titles


def _quizzes(book: Any, shown: str, problems: list[Diagnostic]) -> list[tuple[str, Data]]:
    if layout.QUIZZES not in book.sheetnames:
        return []
    found = []
    for cells in _rows(book[layout.QUIZZES], shown, layout.QUIZ_COLUMNS, problems):
        bank = bank_id(cells, "题库ID")
        quiz: Data = {"id": cells.required("测验ID").strip(), "kind": cells.required("类型").strip(),
                      "title": cells.required("名称")}
        for header, key in (("范围", "scope"), ("指定题目", "questions")):
            if ids := split_list(cells.text(header)):
                quiz[key] = ids
        for header, key, low, high in (("抽题数", "draw", 1, 200), ("及格线", "pass_mark", 0, 100),
                                       ("种子", "seed", 0, 2**31 - 1)):
            if (value := cells.number(header, low, high)) is not None:
                quiz[key] = value
        if bank:
            found.append((bank, quiz))
    return found


def _questions(sheet: Any, shown: str, problems: list[Diagnostic]) -> list[tuple[str, Data]]:
    found: list[tuple[str, Data]] = []
    seen: dict[str, int] = {}
    rows = _rows(sheet, shown, layout.QUESTION_COLUMNS, problems)
    missing = [header for header in REQUIRED if rows and header not in rows[0].letters]
    for header in missing:  # once for the sheet, rather than once for every row
        text, hint = message("bank-missing-column", column=header)
        problems.append(Diagnostic(Loc(f"{shown}:{sheet.title}!1"), "bank-missing-column", text, hint))
    if missing:
        return []
    for cells in rows:
        before = len(problems)
        bank, question = read_question(cells)
        qid = question.get("id", "")
        if qid in seen:
            cells.error("题目ID", "bank-duplicate-id", value=qid, first=seen[qid])
        seen.setdefault(qid, cells.row)
        if bank and len([p for p in problems[before:] if p.is_error]) == 0:
            found.append((bank, question))
    return found


def _assemble(titles: dict[str, str], questions: list[tuple[str, Data]],
              quizzes: list[tuple[str, Data]]) -> list[Data]:
    """Banks in the 题库 sheet's order, then any bank first met in a question or quiz row."""
    order = list(titles)
    for bank, _ in (*questions, *quizzes):
        if bank not in order:
            order.append(bank)
    return [{"bank": bank, "title": titles.get(bank, bank),
             "questions": [question for owner, question in questions if owner == bank],
             "quizzes": [quiz for owner, quiz in quizzes if owner == bank]} for bank in order]
