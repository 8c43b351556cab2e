"""The .xlsx bank's layout, shared by its writer and its reader: sheet names, column order, cell words.

The first columns are the ones Chinese exam systems import (题型, 题干, 选项A…, 答案, 解析, 分值, 难度, 标签);
the columns after them carry what courseware needs for a lossless round trip (ids, per-option feedback, ...).
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

SLOTS = "ABCDEFGH"  # option letters: a question with more options than this cannot go into the sheet
QUESTIONS, BANKS, QUIZZES, README = "题目", "题库", "测验", "说明"
LIST_SEPARATOR = "|"  # tags, scope and question ids; rubric lines go one per line

TYPES = {"single": "单选题", "multiple": "多选题", "truefalse": "判断题", "ordering": "排序题",
         "matching": "匹配题", "scenario": "情境题", "reflection": "问答题"}
TYPE_OF = {word: name for name, word in TYPES.items()}
DIFFICULTY = {1: "简单", 2: "中等", 3: "困难"}
DIFFICULTY_OF = {word: level for level, word in DIFFICULTY.items()}
RATINGS = {"best": "最佳", "acceptable": "可接受", "poor": "不当"}
RATING_OF = {word: name for name, word in RATINGS.items()}
TRUE_WORDS, FALSE_WORDS = ("正确", "对", "T", "TRUE", "√"), ("错误", "错", "F", "FALSE", "×")
DEFAULT_SCORE = 1  # courseware weighs every question alike; the column is there for exam systems

# (header, what it holds) in column order; grouped columns repeat once per option letter
QUESTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("题型", "单选题、多选题、判断题、排序题、匹配题、情境题、问答题"),
    ("题干", "题目正文（Markdown）"),
    *((f"选项{letter}", "单选、多选、情境题的选项；排序题按正确顺序写各项；匹配题写左列") for letter in SLOTS),
    ("答案", "单选、情境题：字母（情境题为“最佳”项）；多选：字母连写如 ACD；判断：正确/错误；"
             "排序：正确顺序的字母，如 ABCD；匹配题：留空；问答题：参考答案"),
    ("解析", "答完后显示的解析（Markdown）"),
    ("分值", "数字；courseware 每题同分，导入时只检查它是数字"),
    ("难度", "简单、中等、困难（或 1、2、3）"),
    ("标签", "能力标签，多个用 | 分隔"),
    ("题目ID", "题目 id，全部题库中唯一；留空时按“题库-行号”生成"),
    ("题库", "题库 id（对应 quizzes/<题库>.yaml）"),
    ("大纲节点", "考查的大纲节点 id"),
    ("情境", "情境题的客户情境（Markdown）"),
    *((f"反馈{letter}", "选了这一项时看到的反馈") for letter in SLOTS),
    *((f"配对{letter}", "匹配题：与选项同字母的左列配对的右列") for letter in SLOTS),
    *((f"评级{letter}", "情境题：最佳、可接受、不当") for letter in SLOTS),
    *((f"得分{letter}", "情境题：该项得分百分比 0–100；留空按评级（最佳 100、可接受 50、不当 0）") for letter in SLOTS),
    ("答对反馈", "判断题：答对时的反馈"),
    ("答错反馈", "判断题：答错时的反馈"),
    ("自评标准", "问答题：自评标准，每行一条"),
)
BANK_COLUMNS = (("题库ID", "题库 id"), ("名称", "题库名称"))
QUIZ_COLUMNS = (
    ("题库ID", "测验写在哪个题库文件里"), ("测验ID", "测验 id"),
    ("类型", "chapter / part / diagnostic / final"), ("名称", "测验名称"),
    ("范围", "抽题范围：大纲节点 id，多个用 | 分隔"), ("指定题目", "指定题目 id，多个用 | 分隔"),
    ("抽题数", "每次抽取的题数；留空为全部"), ("及格线", "及格线（百分比）"), ("种子", "抽题与打乱选项的种子"),
)
HEADERS = tuple(name for name, _ in QUESTION_COLUMNS)


def letter_of(sheet_columns: tuple[tuple[str, str], ...], header: str) -> str:
    """The spreadsheet column letter (A, B, ..., AA) of a header in a layout."""
    return get_column_letter([name for name, _ in sheet_columns].index(header) + 1)
