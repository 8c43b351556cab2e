"""The course fact sheet: figures written once and referenced as [[id]] wherever they recur."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.model.syllabus import Located, doc
from generator.model.text import Id, Text

# [[fact-id]]: the id rule of the binder, inside double brackets
REFERENCE = re.compile(r"\[\[([^\[\]\n]*)\]\]")


@dataclass(frozen=True)
class Fact(Located):
    id: Id = field(metadata=doc("全课程唯一的 id，正文里写 [[id]] 引用"))
    label: Text = field(metadata=doc("这个数字是什么（课程数据包页上显示）"))
    text: Text = field(metadata=doc("引用处显示的文字，例如 10.00 元/件"))
    value: float | None = field(default=None, metadata=doc("可选：数值，便于核对"))
    note: Text | None = field(default=None, metadata=doc("可选：口径、来源或算法"))
    watch: tuple[Text, ...] = field(default=(), metadata=doc(
        "可选：关键词；正文里同一句话出现关键词却写了别的数字时给出警告"))


@dataclass(frozen=True)
class FactSheet(Located):
    title: Text = field(metadata=doc("这一组数据的标题（课程数据包页的小标题）"))
    facts: tuple[Fact, ...] = field(metadata=doc("数据，按出现顺序"))
