"""Role-play scenarios: three briefs for class and a branching script for self-practice."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.content import Script
from generator.model.outline import Entry, Outline
from generator.model.syllabus import Located, doc
from generator.model.text import Id, Markdown, Text


@dataclass(frozen=True)
class Card(Located):
    """One role's card. Which keys a role's card has, and what they are called, is the course profile's."""

    goal: Text | None = field(default=None, metadata=doc("这一方的目标"))
    about: Text | None = field(default=None, metadata=doc("这一方的简介（显示在情境里）"))
    knows: tuple[Text, ...] = field(default=(), metadata=doc("掌握的信息"))
    limits: tuple[Text, ...] = field(default=(), metadata=doc("权限与底线"))
    trades: tuple[Text, ...] = field(default=(), metadata=doc("可以拿来交换的条件"))
    hidden: tuple[Text, ...] = field(default=(), metadata=doc("隐藏信息：对方要问出来（页面上点开才显示）"))
    tactics: tuple[Text, ...] = field(default=(), metadata=doc("要使用的做法"))
    agree_if: tuple[Text, ...] = field(default=(), metadata=doc("满足什么条件会同意"))
    walk_away: Text | None = field(default=None, metadata=doc("到这一步就不再让"))
    escalate: Text | None = field(default=None, metadata=doc("什么情况下升级"))


@dataclass(frozen=True)
class Behaviour(Located):
    watch: Text = field(metadata=doc("观察的行为"))
    key_point: Text = field(metadata=doc("对应本章的哪条要点"))
    low: Text = field(metadata=doc("1 分的表现"))
    high: Text = field(metadata=doc("5 分的表现"))


@dataclass(frozen=True)
class Reply(Located):
    text: Text = field(metadata=doc("学员的回答"))
    feedback: Text = field(metadata=doc("选了之后的点评"))
    score: int = field(metadata=doc("得分 0–10", minimum=0, maximum=10))
    next: Id = field(metadata=doc("下一步：节点 id 或结局 id"))


@dataclass(frozen=True)
class Turn(Located):
    id: Id = field(metadata=doc("节点 id"))
    line: Text = field(metadata=doc("对方这一句怎么说"))
    replies: tuple[Reply, ...] = field(metadata=doc("2–4 个可选回答"))


@dataclass(frozen=True)
class Ending(Located):
    id: Id = field(metadata=doc("结局 id"))
    outcome: Id = field(metadata=doc("结局类型：课程配置 endings 里的 id（销售课程：won、conceded、lost）"))
    title: Text = field(metadata=doc("结局标题"))
    debrief: Markdown = field(metadata=doc("复盘：这条路径做对了什么、错在哪"))


@dataclass(frozen=True)
class Branching(Located):
    start: Id = field(metadata=doc("开始节点 id"))
    turns: tuple[Turn, ...] = field(metadata=doc("对方台词节点"))
    endings: tuple[Ending, ...] = field(metadata=doc("结局"))


@dataclass(frozen=True)
class Roleplay(Located):
    id: Id = field(metadata=doc("角色扮演 id，与文件名相同，以 rp- 开头"))
    title: Text = field(metadata=doc("标题，例如 新人要求跳过点检"))
    nodes: tuple[Id, ...] = field(metadata=doc("对应的大纲节点 id（章或节）"))
    minutes: int = field(metadata=doc("课堂用时（分钟）", minimum=5, maximum=120))
    situation: Markdown = field(metadata=doc("情境"))
    cards: dict[Id, Card] = field(metadata=doc("各角色的角色卡，键为课程配置里的角色 id（销售课程：seller、buyer）"))
    observer: tuple[Behaviour, ...] = field(metadata=doc("观察员卡：观察项与 1–5 分评分标准"))
    branching: Branching = field(metadata=doc("自练用的分支对话"))
    stakes: Text | None = field(default=None, metadata=doc("利害：金额、数量、后果"))
    scripts: tuple[Script, ...] = field(default=(), metadata=doc("本场景的弱/强回答对照，汇入示范库"))


def chapters_of(play: Roleplay, outline: Outline) -> list[Entry]:
    """The chapters a role-play practises, in syllabus order; a part-level node counts as none."""
    wanted = {id(entry.chapter) for node in play.nodes for entry in outline.named(node) if entry.chapter}
    return [entry for entry in outline.chapters() if id(entry.node) in wanted]


def parts_of(play: Roleplay, outline: Outline) -> list[Entry]:
    wanted = {id(entry.part) for node in play.nodes for entry in outline.named(node)}
    return [entry for entry in outline.parts if id(entry.node) in wanted]
