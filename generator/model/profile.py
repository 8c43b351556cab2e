"""A course profile: the vocabulary a course speaks (role-play roles, endings, labels, audience, strict parts).

The tool ships a neutral profile and a sales one; a course picks one in content/profile.yaml (`base:`) and may
override any part of it. Every user-facing label of pages, cards, slides and prints is the profile's over the tool's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from generator.model.syllabus import Located, doc
from generator.model.text import Id, Text

# The keys a role-play card may have; which of them a role's card uses (and how they are labelled) is the profile's.
CardKey = Literal["about", "goal", "knows", "limits", "trades", "hidden", "tactics", "agree_if", "walk_away",
                  "escalate"]
LIST_KEYS = frozenset({"knows", "limits", "trades", "hidden", "tactics", "agree_if"})
# Chapter components --strict can require (fields of ChapterContent).
Component = Literal["sections", "cases", "scripts", "discussions", "exercise", "actions", "trainer_notes", "reading"]
BUILT_IN = ("neutral", "sales")
Base = Literal["neutral", "sales"]


@dataclass(frozen=True)
class CardField(Located):
    key: CardKey = field(metadata=doc("角色卡上的一项：about 情境里的这一方简介（不上卡），goal 目标，knows、limits、"
                                      "trades、hidden（页面上点开才显示）、tactics、agree_if 为列表，walk_away、"
                                      "escalate 为一句话"))
    label: Text = field(metadata=doc("这一项在卡片上的标题，例如 你掌握的信息"))


@dataclass(frozen=True)
class Role(Located):
    id: Id = field(metadata=doc("角色 id：角色扮演文件 cards 下的键，例如 operator"))
    name: Text = field(metadata=doc("角色卡标题，例如 操作工"))
    fields: tuple[CardField, ...] = field(metadata=doc("这张卡的各项，按顺序；列出的都必须写，没列出的不能写"))

    def label(self, key: str) -> str:
        """The heading of one item of this role's card; empty when the card has no such item."""
        return next((str(item.label) for item in self.fields if item.key == key), "")


@dataclass(frozen=True)
class EndingKind(Located):
    id: Id = field(metadata=doc("结局类型 id：角色扮演结局的 outcome 取值"))
    label: Text = field(metadata=doc("结局类型的名称，例如 隐患排除"))
    best: bool = field(default=False, metadata=doc("最好的结局：每个角色扮演至少要有一个"))


@dataclass(frozen=True)
class Profile(Located):
    """content/profile.yaml; a key not written keeps the base profile's value (labels are merged key by key)."""

    base: Base = field(default="neutral", metadata=doc("以哪个内置配置为底：neutral（通用，默认）或 sales（销售课程）"))
    roles: tuple[Role, ...] = field(default=(), metadata=doc("角色扮演的角色（观察员卡另有，不用写）"))
    endings: tuple[EndingKind, ...] = field(default=(), metadata=doc("角色扮演的结局类型"))
    audience: tuple[Text, ...] = field(default=(), metadata=doc("默认的岗位标签；syllabus 的 course.roles 可再覆盖"))
    strict: tuple[Component, ...] = field(default=(), metadata=doc("--strict 要求每章都有的组成部分"))
    labels: dict[Text, Text] = field(default_factory=dict, metadata=doc("页面文字：键为文字 id，值为本课程的说法"))

    def role(self, role_id: str) -> Role | None:
        return next((role for role in self.roles if role.id == role_id), None)

    def ending(self, kind: str) -> EndingKind | None:
        return next((ending for ending in self.endings if ending.id == kind), None)
