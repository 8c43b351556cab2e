"""The course outline (Course → Part → Chapter → Section → Point, as printed) and its delivery plans."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from generator.diagnostics import UNKNOWN, Loc
from generator.model.text import Id, Text

Numbering = Literal["chapter", "section", "ordinal", "step", "cn", "arabic"]
Status = Literal["core", "optional", "self-study"]
Activity = Literal["talk", "case", "discussion", "exercise"]


def doc(text: str, **extra: object) -> dict[str, object]:
    """Field metadata: the description shown in JSON Schema and in missing-key hints."""
    return {"doc": text, **extra}


@dataclass(frozen=True)
class Located:
    """Where a mapping was written; `locs` holds each key's position."""

    loc: Loc = field(default=UNKNOWN, compare=False, repr=False, kw_only=True)
    locs: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False, kw_only=True)


@dataclass(frozen=True)
class OutlineText(Located):
    text: Text = field(metadata=doc("还原后的文字"))
    original: Text | None = field(default=None, metadata=doc("大纲原文（含网站屏蔽的 **）"))
    note: Text | None = field(default=None, metadata=doc("还原说明"))


@dataclass(frozen=True)
class OutlineNode(Located):
    id: Id = field(metadata=doc("稳定的英文 id，用于网址和引用，例如 hold-price"))
    title: Text = field(metadata=doc("中文标题，不含编号（编号按位置自动生成）"))
    original: Text | None = field(default=None, metadata=doc("大纲原文，逐字保留，便于核对"))
    note: Text | None = field(default=None, metadata=doc("还原或重编号的说明"))
    numbering: Numbering | None = field(default=None, metadata=doc(
        "下一级的编号样式：chapter 第一章、section 第一节、ordinal 第一、step 第一步、cn 一、、arabic 1."))


@dataclass(frozen=True)
class Point(OutlineNode):
    points: tuple[Point, ...] = field(default=(), metadata=doc("下一级要点"))


@dataclass(frozen=True)
class Section(OutlineNode):
    points: tuple[Point, ...] = field(default=(), metadata=doc("本节要点"))


@dataclass(frozen=True)
class Chapter(OutlineNode):
    sections: tuple[Section, ...] = field(default=(), metadata=doc("本章各节"))


@dataclass(frozen=True)
class Part(OutlineNode):
    chapters: tuple[Chapter, ...] = field(default=(), metadata=doc("本部分各章"))


@dataclass(frozen=True)
class CourseInfo(Located):
    id: Id = field(metadata=doc("课程 id"))
    title: Text = field(metadata=doc("课程名称"))
    subtitle: Text | None = field(default=None, metadata=doc("副标题"))
    background: tuple[Text, ...] = field(default=(), metadata=doc("培训背景：学员带着的问题"))
    benefits: tuple[Text, ...] = field(default=(), metadata=doc("培训收益"))
    teaching: tuple[OutlineText, ...] = field(default=(), metadata=doc("教学特点"))
    audience: OutlineText | None = field(default=None, metadata=doc("适合人员"))
    plan: Id | None = field(default=None, metadata=doc("默认的授课方案 id（plans 中的一个）；不写则用第一个方案"))
    answered_by: tuple[tuple[Id, ...], ...] = field(default=(), metadata=doc(
        "与 background 逐条对应：回答每个问题的章 id"))
    roles: tuple[Text, ...] = field(
        default=(), metadata=doc("内容文件 audience 可用的岗位标签；不写时用 content/profile.yaml 的 audience"))




@dataclass(frozen=True)
class TimingStep(Located):
    step: Text = field(metadata=doc("这一段做什么，例如 讲“稳”、案例、讨论一"))
    minutes: int = field(metadata=doc("分钟", minimum=1, maximum=600))
    activity: Activity = field(default="talk", metadata=doc(
        "talk 讲解 / case 案例 / discussion 讨论 / exercise 练习（含角色扮演）："
        "讨论段合计定讨论计时器，练习段合计须等于练习用时"))


@dataclass(frozen=True)
class PlanItem(Located):
    id: Id = field(metadata=doc("章 id 或角色扮演 id（rp- 开头）"))
    status: Status = field(default="core", metadata=doc("core 必讲 / optional 有时间再讲 / self-study 课前或课后自学"))
    minutes: int | None = field(default=None, metadata=doc("本方案给的分钟数；不写则按原课时", minimum=1, maximum=600))
    exercise: int | None = field(default=None, metadata=doc("本方案中课堂练习的分钟数；0 表示练习改为课后作业",
                                                            minimum=0, maximum=600))
    timing: tuple[TimingStep, ...] = field(default=(), metadata=doc(
        "本方案的时间分配；分钟数与原课时不同时必须写，合计须等于 minutes"))


@dataclass(frozen=True)
class Plan(Located):
    id: Id = field(metadata=doc("方案 id，例如 two-day；courseware build --plan 用它"))
    title: Text = field(metadata=doc("方案名称，例如 两天公开课"))
    days: int = field(metadata=doc("面授天数：必讲内容须排得进这些天", minimum=1, maximum=30))
    audience: Text | None = field(default=None, metadata=doc("这个方案给谁：例如 总经理与销售经理"))
    others: Status = field(default="self-study", metadata=doc("没有列出的章在本方案中的状态"))
    answers_background: bool = field(default=False, metadata=doc(
        "承诺在面授中回答培训背景的全部问题：每个问题至少有一章必讲"))
    items: tuple[PlanItem, ...] = field(default=(), metadata=doc("逐章（或角色扮演）的状态与分钟数，按大纲顺序"))


@dataclass(frozen=True)
class Syllabus(Located):
    course: CourseInfo = field(metadata=doc("课程信息（大纲页眉）"))
    parts: tuple[Part, ...] = field(metadata=doc("各部分，按大纲顺序"))
    plans: tuple[Plan, ...] = field(default=(), metadata=doc("授课方案：每个方案选哪些章必讲、各讲多久"))
