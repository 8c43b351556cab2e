"""Question banks for the export tests that are not the bundled course: odd credits, GIFT's reserved
characters, long Chinese text with paragraphs, a matching pair that contains "->", and every question type."""

from __future__ import annotations

from pathlib import Path

from generator.load.course import load_course
from generator.model.course import Course
from generator.model.quiz import Option, Pair, Question, QuestionBank
from tests.conftest import REPO

RESERVED = "报价 {含税} = 100 元 ~ 折扣 # 备注: 路径 C:\\订单\\2024"


def bundled_course() -> Course:
    result = load_course(REPO)
    assert result.course is not None and not [p for p in result.problems if p.is_error]
    return result.course


def odd_bank() -> QuestionBank:
    long_stem = "客户说：“" + "交期要再快一点，" * 40 + "”\n\n第二段：账期 90 天，样品 3 套。\n"
    options = (Option(text=f"{RESERVED} 甲", feedback="反馈 {甲}", correct=True),
               Option(text="乙：=", feedback="反馈 ~乙"), Option(text="丙 #3", feedback="反馈：丙"))
    return QuestionBank(bank="odd", title="特殊: 题库 {测试}", questions=(
        Question(id="odd-single", type="single", node="n", stem=long_stem, explanation=RESERVED, options=options),
        Question(id="odd-multiple", type="multiple", node="n", stem="多选", explanation="解析",
                 options=tuple(Option(text=f"对{n}", feedback="f", correct=True) for n in (1, 2, 3))
                 + tuple(Option(text=f"错{n}", feedback="f") for n in (1, 2, 3, 4))),
        Question(id="odd-scenario", type="scenario", node="n", situation="情境：客户压价 5%。", stem="怎么办？",
                 explanation="解析", difficulty=3, tags=("守价", "谈判"),
                 options=(Option(text="最佳", feedback="好", rating="best"),
                          Option(text="可接受", feedback="一般", rating="acceptable", credit=45),
                          Option(text="不当", feedback="差", rating="poor"))),
        Question(id="odd-truefalse", type="truefalse", node="n", stem="账期越长越好。", explanation="解析",
                 answer=False, feedback_right="对：账期有资金成本。", feedback_wrong="错：{资金成本}"),
        Question(id="odd-matching", type="matching", node="n", stem="配对", explanation="解析",
                 pairs=(Pair(left="急单", right="加价 -> 优先排产"), Pair(left="样品", right="收费: 可抵货款"))),
        Question(id="odd-ordering", type="ordering", node="n", stem="排序", explanation="解析",
                 items=("报价", "样品", "订单")),
        Question(id="odd-reflection", type="reflection", node="n", stem="写出你的计划。", explanation="解析",
                 model_answer="示例：\n\n- 第一步", rubric=("写了数字", "写了期限")),
    ))


def copy_course_without_banks(target: Path) -> Path:
    from tests.conftest import copy_bundled_course

    copy_bundled_course(target)
    for path in (target / "quizzes").glob("*.yaml"):
        path.unlink()
    return target
