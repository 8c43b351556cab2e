"""Self-assessment: question banks and the quizzes drawn from them (quizzes/*.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from generator.model.syllabus import Located, doc
from generator.model.text import Id, Markdown, Text

QuestionType = Literal["single", "multiple", "truefalse", "ordering", "matching", "scenario", "reflection"]
Rating = Literal["best", "acceptable", "poor"]
QuizKind = Literal["chapter", "part", "diagnostic", "final"]


@dataclass(frozen=True)
class Option(Located):
    text: Text = field(metadata=doc("选项文字"))
    feedback: Text = field(metadata=doc("选了这一项时看到的反馈"))
    correct: bool = field(default=False, metadata=doc("单选、多选：是否正确"))
    rating: Rating | None = field(default=None, metadata=doc("情境判断：best 最佳 / acceptable 可接受 / poor 不当"))
    credit: int | None = field(default=None, metadata=doc("情境判断得分百分比；省略时 best 100、acceptable 50、poor 0",
                                                         minimum=0, maximum=100))


@dataclass(frozen=True)
class Pair(Located):
    left: Text = field(metadata=doc("左列，例如投诉类型"))
    right: Text = field(metadata=doc("与之配对的右列，例如处理方式"))


@dataclass(frozen=True)
class Question(Located):
    id: Id = field(metadata=doc("题目 id，在全部题库中唯一"))
    type: QuestionType = field(metadata=doc("题型"))
    node: Id = field(metadata=doc("考查的大纲节点 id（章、节或要点），解析里链接回去"))
    stem: Markdown = field(metadata=doc("题干"))
    explanation: Markdown = field(metadata=doc("解析：为什么，答完后显示"))
    difficulty: int = field(default=2, metadata=doc("难度 1 基础 / 2 应用 / 3 综合", minimum=1, maximum=3))
    tags: tuple[Text, ...] = field(default=(), metadata=doc("能力标签，用于“我的进度”按能力统计"))
    situation: Markdown | None = field(default=None, metadata=doc("情境判断：客户情境"))
    options: tuple[Option, ...] = field(default=(), metadata=doc("单选、多选、情境判断的选项"))
    answer: bool | None = field(default=None, metadata=doc("判断题：正确答案"))
    feedback_right: Text | None = field(default=None, metadata=doc("判断题：答对时的反馈"))
    feedback_wrong: Text | None = field(default=None, metadata=doc("判断题：答错时的反馈"))
    items: tuple[Text, ...] = field(default=(), metadata=doc("排序题：按正确顺序写出各项（页面上会打乱）"))
    pairs: tuple[Pair, ...] = field(default=(), metadata=doc("配对题：正确的配对（页面上右列会打乱）"))
    model_answer: Markdown | None = field(default=None, metadata=doc("思考题：参考答案"))
    rubric: tuple[Text, ...] = field(default=(), metadata=doc("思考题：自评标准，每条一项"))


@dataclass(frozen=True)
class QuizDefinition(Located):
    id: Id = field(metadata=doc("测验 id"))
    kind: QuizKind = field(metadata=doc("chapter 章节小测 / part 部分测验 / diagnostic 课前诊断 / final 结业测评"))
    title: Text = field(metadata=doc("测验名称"))
    scope: tuple[Id, ...] = field(default=(), metadata=doc("抽题范围：大纲节点 id，含其下所有节点；省略为全课程"))
    questions: tuple[Id, ...] = field(default=(), metadata=doc("指定题目 id（与 scope 二选一）"))
    draw: int | None = field(default=None, metadata=doc("每次抽取的题数；省略为全部", minimum=1, maximum=200))
    pass_mark: int = field(default=60, metadata=doc("及格线（百分比）", minimum=0, maximum=100))
    seed: int = field(default=1, metadata=doc("抽题与打乱选项的种子", minimum=0, maximum=2**31 - 1))


@dataclass(frozen=True)
class QuestionBank(Located):
    """One file per part is the convention; a chapter's check is drawn from its questions."""

    bank: Id = field(metadata=doc("题库 id，通常与文件名、部分 id 相同"))
    title: Text = field(metadata=doc("题库名称"))
    questions: tuple[Question, ...] = field(default=(), metadata=doc("题目"))
    quizzes: tuple[QuizDefinition, ...] = field(default=(), metadata=doc("测验定义（部分测验、诊断、结业）"))
