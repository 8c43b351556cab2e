"""Role-play scenarios: three briefs for class and a branching script for self-practice."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from generator.model.content import Script
from generator.model.outline import Entry, Outline
from generator.model.syllabus import Located, doc
from generator.model.text import Id, Markdown, Text

Outcome = Literal["won", "conceded", "lost"]


@dataclass(frozen=True)
class SellerBrief(Located):
    goal: Text = field(metadata=doc("销售方目标"))
    knows: tuple[Text, ...] = field(metadata=doc("你掌握的信息"))
    limits: tuple[Text, ...] = field(metadata=doc("你的权限与底线"))
    trades: tuple[Text, ...] = field(metadata=doc("可以拿来交换的条件：数量、日期、商务条款"))
    walk_away: Text = field(metadata=doc("谈判破裂点：到这一步就不再让"))


@dataclass(frozen=True)
class BuyerBrief(Located):
    goal: Text = field(metadata=doc("客户方目标"))
    hidden: tuple[Text, ...] = field(metadata=doc("隐藏信息：销售要问出来"))
    tactics: tuple[Text, ...] = field(metadata=doc("要使用的施压手法"))
    agree_if: tuple[Text, ...] = field(metadata=doc("满足什么条件你会同意"))
    escalate: Text = field(metadata=doc("什么情况下你会升级（找老板、换供应商）"))


@dataclass(frozen=True)
class Behaviour(Located):
    watch: Text = field(metadata=doc("观察的行为"))
    key_point: Text = field(metadata=doc("对应本章的哪条要点"))
    low: Text = field(metadata=doc("1 分的表现"))
    high: Text = field(metadata=doc("5 分的表现"))


@dataclass(frozen=True)
class Reply(Located):
    text: Text = field(metadata=doc("销售的回答"))
    feedback: Text = field(metadata=doc("选了之后的点评"))
    score: int = field(metadata=doc("得分 0–10", minimum=0, maximum=10))
    next: Id = field(metadata=doc("下一步：节点 id 或结局 id"))


@dataclass(frozen=True)
class Turn(Located):
    id: Id = field(metadata=doc("节点 id"))
    customer: Text = field(metadata=doc("客户这一句怎么说"))
    replies: tuple[Reply, ...] = field(metadata=doc("2–4 个可选回答"))


@dataclass(frozen=True)
class Ending(Located):
    id: Id = field(metadata=doc("结局 id"))
    outcome: Outcome = field(metadata=doc("won 保住利润成交 / conceded 让利成交 / lost 丢单"))
    title: Text = field(metadata=doc("结局标题"))
    debrief: Markdown = field(metadata=doc("复盘：这条路径做对了什么、错在哪"))


@dataclass(frozen=True)
class Branching(Located):
    start: Id = field(metadata=doc("开始节点 id"))
    turns: tuple[Turn, ...] = field(metadata=doc("客户台词节点"))
    endings: tuple[Ending, ...] = field(metadata=doc("结局"))


@dataclass(frozen=True)
class Roleplay(Located):
    id: Id = field(metadata=doc("角色扮演 id，与文件名相同，以 rp- 开头"))
    title: Text = field(metadata=doc("标题，例如 客户要求降价 5%"))
    nodes: tuple[Id, ...] = field(metadata=doc("对应的大纲节点 id（章或节）"))
    minutes: int = field(metadata=doc("课堂用时（分钟）", minimum=5, maximum=120))
    situation: Markdown = field(metadata=doc("情境"))
    supplier: Text = field(metadata=doc("供方简介"))
    customer: Text = field(metadata=doc("客户简介"))
    stakes: Text = field(metadata=doc("利害：金额、数量、毛利"))
    seller: SellerBrief = field(metadata=doc("销售方角色卡"))
    buyer: BuyerBrief = field(metadata=doc("客户方角色卡"))
    observer: tuple[Behaviour, ...] = field(metadata=doc("观察员卡：观察项与 1–5 分评分标准"))
    branching: Branching = field(metadata=doc("自练用的分支对话"))
    scripts: tuple[Script, ...] = field(default=(), metadata=doc("本场景的弱/强话术对照，汇入话术库"))


def chapters_of(play: Roleplay, outline: Outline) -> list[Entry]:
    """The chapters a role-play practises, in syllabus order; a part-level node counts as none."""
    wanted = {id(entry.chapter) for node in play.nodes for entry in outline.named(node) if entry.chapter}
    return [entry for entry in outline.chapters() if id(entry.node) in wanted]


def parts_of(play: Roleplay, outline: Outline) -> list[Entry]:
    wanted = {id(entry.part) for node in play.nodes for entry in outline.named(node)}
    return [entry for entry in outline.parts if id(entry.node) in wanted]
