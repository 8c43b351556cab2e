"""Teaching content for one chapter of the syllabus (content/modules/*.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.syllabus import Located, TimingStep, doc
from generator.model.text import Id, Markdown, Text


@dataclass(frozen=True)
class PointContent(Located):
    id: Id = field(metadata=doc("对应大纲中的要点 id"))
    body: Markdown | None = field(default=None, metadata=doc("正文（Markdown）"))
    points: tuple[PointContent, ...] = field(default=(), metadata=doc("下一级要点的正文"))


@dataclass(frozen=True)
class SectionContent(Located):
    id: Id = field(metadata=doc("对应大纲中的节 id"))
    body: Markdown | None = field(default=None, metadata=doc("本节正文（Markdown）"))
    points: tuple[PointContent, ...] = field(default=(), metadata=doc("各要点的正文"))


@dataclass(frozen=True)
class Case(Located):
    title: Text = field(metadata=doc("案例标题"))
    body: Markdown = field(metadata=doc("案例经过与数字（Markdown）"))


@dataclass(frozen=True)
class Script(Located):
    situation: Text = field(metadata=doc("情境分类，例如 客户要求降价"))
    customer: Text = field(metadata=doc("客户原话"))
    weak: Text = field(metadata=doc("弱的回答"))
    strong: Text = field(metadata=doc("强的回答"))
    why: Markdown = field(metadata=doc("为什么强的回答更好"))


@dataclass(frozen=True)
class Discussion(Located):
    question: Text = field(metadata=doc("讨论题（6–8 人小组）"))
    listen_for: tuple[Text, ...] = field(metadata=doc("讲师听什么：好的回答应包含的要点"))


@dataclass(frozen=True)
class Exercise(Located):
    title: Text = field(metadata=doc("练习名称"))
    instructions: Markdown = field(metadata=doc("步骤与产出"))
    minutes: int | None = field(default=None, metadata=doc("用时（分钟）", minimum=1, maximum=600))
    worksheet: Id | None = field(default=None, metadata=doc("配套工作表 id（content/worksheets/）"))
    roleplay: Id | None = field(default=None, metadata=doc("配套角色扮演 id（content/roleplays/）"))


@dataclass(frozen=True)
class Reading(Located):
    title: Text = field(metadata=doc("书名或方法名"))
    author: Text = field(metadata=doc("作者"))
    note: Text | None = field(default=None, metadata=doc("与本章的关系"))


@dataclass(frozen=True)
class ChapterContent(Located):
    chapter: Id = field(metadata=doc("对应大纲中的章 id"))
    summary: Text = field(metadata=doc("本章摘要，2–3 句"))
    key_points: tuple[Text, ...] = field(metadata=doc("学员能复述的 3–6 条要点"))
    minutes: int = field(metadata=doc("课堂用时（分钟）", minimum=1, maximum=600))
    audience: tuple[Text, ...] = field(metadata=doc("适合岗位，取自 syllabus 的 course.roles"))
    intro: Markdown | None = field(default=None, metadata=doc("章导语（Markdown）"))
    sections: tuple[SectionContent, ...] = field(default=(), metadata=doc("各节正文"))
    cases: tuple[Case, ...] = field(default=(), metadata=doc("案例"))
    scripts: tuple[Script, ...] = field(default=(), metadata=doc("话术示范：弱的回答与强的回答"))
    discussions: tuple[Discussion, ...] = field(default=(), metadata=doc("分组讨论"))
    exercise: Exercise | None = field(default=None, metadata=doc("课堂练习"))
    actions: tuple[Text, ...] = field(default=(), metadata=doc("课后立即执行：两周内可检查的行动"))
    trainer_notes: Markdown | None = field(default=None, metadata=doc("讲师提示（仅讲师版）"))
    timing: tuple[TimingStep, ...] = field(default=(), metadata=doc(
        "完整课时的时间分配（仅讲师版）：各段分钟合计须等于 minutes"))
    reading: tuple[Reading, ...] = field(default=(), metadata=doc("延伸阅读"))
    quizzes: tuple[Id, ...] = field(default=(), metadata=doc("本章测验 id"))

    # What a finished chapter has; a missing one is a warning until --strict.
    EXPECTED = ("sections", "cases", "scripts", "discussions", "exercise", "actions", "trainer_notes", "reading")
