"""Question banks into one .xlsx bank (layout in generator/export/sheet.py); the same banks give the same bytes."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet as Sheet

from generator.export import sheet as layout
from generator.export.common import Gap, gap
from generator.model.quiz import Question, QuestionBank, QuizDefinition
from generator.workbook.build import FIXED_TIME, workbook_bytes

FORMAT = "xlsx"
Row = dict[str, object]


def write_workbook(banks: tuple[QuestionBank, ...], title: str) -> tuple[bytes, list[Gap]]:
    book = Workbook()
    book.properties.creator = "courseware"
    book.properties.title = title
    book.properties.created = book.properties.modified = FIXED_TIME
    first = book.active
    assert first is not None
    first.title = layout.QUESTIONS
    rows, gaps = [], []
    for bank in banks:
        for question in bank.questions:
            row, found = question_row(bank, question)
            gaps += found
            if row is not None:
                rows.append(row)
    _fill(first, layout.QUESTION_COLUMNS, rows)
    _fill(book.create_sheet(layout.BANKS), layout.BANK_COLUMNS,
          [{"题库ID": str(bank.bank), "名称": str(bank.title)} for bank in banks])
    _fill(book.create_sheet(layout.QUIZZES), layout.QUIZ_COLUMNS,
          [_quiz_row(bank, quiz) for bank in banks for quiz in bank.quizzes])
    _readme(book.create_sheet(layout.README))
    return workbook_bytes(book), gaps


def question_row(bank: QuestionBank, question: Question) -> tuple[Row | None, list[Gap]]:
    slots = len(question.options) + len(question.items) + len(question.pairs)
    if slots > len(layout.SLOTS):
        return None, [gap(question, FORMAT, "gap_slots", dropped=True, count=slots, limit=len(layout.SLOTS))]
    row: Row = {"题型": layout.TYPES[question.type], "题干": str(question.stem), "解析": str(question.explanation),
                "分值": layout.DEFAULT_SCORE, "难度": layout.DIFFICULTY[question.difficulty],
                "标签": layout.LIST_SEPARATOR.join(question.tags), "题目ID": str(question.id),
                "题库": str(bank.bank), "大纲节点": str(question.node), "情境": question.situation,
                "答对反馈": question.feedback_right, "答错反馈": question.feedback_wrong,
                "自评标准": "\n".join(question.rubric)}
    row |= _answer_cells(question)
    return row, _lossy(question)


def _answer_cells(question: Question) -> Row:
    letters = layout.SLOTS
    cells: Row = {}
    for letter, option in zip(letters, question.options, strict=False):
        cells |= {f"选项{letter}": str(option.text), f"反馈{letter}": str(option.feedback),
                  f"评级{letter}": layout.RATINGS.get(option.rating or ""), f"得分{letter}": option.credit}
    for letter, item in zip(letters, question.items, strict=False):
        cells[f"选项{letter}"] = str(item)
    for letter, pair in zip(letters, question.pairs, strict=False):
        cells |= {f"选项{letter}": str(pair.left), f"配对{letter}": str(pair.right)}
    answer: object = None
    if question.type in ("single", "multiple"):
        answer = "".join(letter for letter, option in zip(letters, question.options, strict=False) if option.correct)
    elif question.type == "scenario":
        answer = "".join(letter for letter, option in zip(letters, question.options, strict=False)
                         if option.rating == "best")
    elif question.type == "truefalse" and question.answer is not None:
        answer = layout.TRUE_WORDS[0] if question.answer else layout.FALSE_WORDS[0]
    elif question.type == "ordering":
        answer = letters[: len(question.items)]
    elif question.type == "reflection":
        answer = question.model_answer
    return cells | {"答案": answer or None}


def _lossy(question: Question) -> list[Gap]:
    """Values the cell layout cannot hold apart: a separator inside a tag, a line break inside a rubric line."""
    gaps = []
    if any(layout.LIST_SEPARATOR in tag for tag in question.tags):
        gaps.append(gap(question, FORMAT, "gap_separator", separator=layout.LIST_SEPARATOR))
    if any("\n" in line for line in question.rubric):
        gaps.append(gap(question, FORMAT, "gap_rubric_line"))
    return gaps


def _quiz_row(bank: QuestionBank, quiz: QuizDefinition) -> Row:
    join = layout.LIST_SEPARATOR.join
    return {"题库ID": str(bank.bank), "测验ID": str(quiz.id), "类型": str(quiz.kind), "名称": str(quiz.title),
            "范围": join(quiz.scope) or None, "指定题目": join(quiz.questions) or None, "抽题数": quiz.draw,
            "及格线": quiz.pass_mark, "种子": quiz.seed}


def _fill(sheet: Sheet, columns: tuple[tuple[str, str], ...], rows: list[Row]) -> None:
    sheet.append([name for name, _ in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(row.get(name)) for name, _ in columns])
    sheet.freeze_panes = "C2" if columns is layout.QUESTION_COLUMNS else "A2"
    for name, _ in columns:
        sheet.column_dimensions[layout.letter_of(columns, name)].width = 40 if name in ("题干", "解析") else 14


def _cell(value: object) -> object:
    if isinstance(value, str):
        return str(value)  # Text subclasses would confuse openpyxl's type check
    return value


def _readme(sheet: Sheet) -> None:
    sheet.append(["工作表", "列", "内容"])
    for name, columns in ((layout.QUESTIONS, layout.QUESTION_COLUMNS), (layout.BANKS, layout.BANK_COLUMNS),
                          (layout.QUIZZES, layout.QUIZ_COLUMNS)):
        for header, meaning in columns:
            sheet.append([name, header, meaning])
    sheet.column_dimensions["C"].width = 90
    for row in sheet.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True)
