"""The course outline: Course → Part → Chapter → Section → Point, as the publisher printed it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from generator.diagnostics import UNKNOWN, Loc
from generator.model.text import Id, Text

Numbering = Literal["chapter", "section", "ordinal", "step", "cn", "arabic"]


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
    days: int = field(default=2, metadata=doc("面授天数：讲师版的课程安排按它排课，排不下时按同一比例压缩各章课堂时间",
                                                minimum=1, maximum=30))
    roles: tuple[Text, ...] = field(
        default=(), metadata=doc("内容文件 audience 可用的岗位标签；不写时用 content/profile.yaml 的 audience"))


@dataclass(frozen=True)
class Syllabus(Located):
    course: CourseInfo = field(metadata=doc("课程信息（大纲页眉）"))
    parts: tuple[Part, ...] = field(metadata=doc("各部分，按大纲顺序"))
