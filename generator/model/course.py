"""Everything one course folder holds, bound together for the validate and render phases."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from generator.model.content import ChapterContent
from generator.model.facts import FactSheet
from generator.model.profile import Profile
from generator.model.quiz import QuestionBank
from generator.model.roleplay import Roleplay
from generator.model.syllabus import Located, Syllabus, doc
from generator.model.text import Markdown, Text
from generator.model.worksheet import Worksheet
from generator.profiles import built_in


@dataclass(frozen=True)
class Term(Located):
    term: Text = field(metadata=doc("术语"))
    definition: Text = field(metadata=doc("一句话定义（悬停提示里显示）"))
    explanation: Markdown | None = field(default=None, metadata=doc("展开说明（术语表页显示）"))
    aliases: tuple[Text, ...] = field(default=(), metadata=doc("同义写法，同样显示悬停提示"))


@dataclass(frozen=True)
class Glossary(Located):
    terms: tuple[Term, ...] = field(metadata=doc("术语，按出现顺序"))


@dataclass(frozen=True)
class ExtraPage(Located):
    title: Text = field(metadata=doc("页面标题（导航里显示）"))
    file: Text = field(metadata=doc("页面 Markdown 文件的相对路径"))


@dataclass(frozen=True)
class Toggle(Located):
    icon: Text = field(metadata=doc("切换按钮的图标，例如 material/weather-night"))
    name: Text = field(metadata=doc("切换按钮的提示文字"))


@dataclass(frozen=True)
class Palette(Located):
    scheme: Text | None = field(default=None, metadata=doc("配色方案：default 或 slate"))
    primary: Text | None = field(default=None, metadata=doc("主色，例如 indigo"))
    accent: Text | None = field(default=None, metadata=doc("强调色"))
    media: Text | None = field(default=None, metadata=doc("媒体查询，跟随系统深浅色"))
    toggle: Toggle | None = field(default=None, metadata=doc("深浅色切换按钮"))


@dataclass(frozen=True)
class Theme(Located):
    """theme: what courseware passes on to Material; custom_dir and the like are refused by validate."""

    name: Literal["material"] | None = field(default=None, metadata=doc("主题名，只能是 material"))
    palette: tuple[Palette, ...] = field(default=(), metadata=doc("配色（一个映射，或深浅两套组成的列表）"))
    features: tuple[Text, ...] = field(default=(), metadata=doc("Material 的功能开关"))
    logo: Text | None = field(default=None, metadata=doc("页眉图标：课程目录内的图片"))
    favicon: Text | None = field(default=None, metadata=doc("网页图标：课程目录内的图片"))


@dataclass(frozen=True)
class SocialLink(Located):
    icon: Text = field(metadata=doc("图标，例如 material/email"))
    link: Text = field(metadata=doc("地址（http、https 或 mailto）"))
    name: Text | None = field(default=None, metadata=doc("提示文字"))


@dataclass(frozen=True)
class Alternate(Located):
    name: Text = field(metadata=doc("语言名称"))
    link: Text = field(metadata=doc("该语言版本的地址"))
    lang: Text = field(metadata=doc("语言代码"))


@dataclass(frozen=True)
class Extra(Located):
    homepage: Text | None = field(default=None, metadata=doc("点页眉标题时去的地址"))
    social: tuple[SocialLink, ...] = field(default=(), metadata=doc("页脚的联系方式链接"))
    alternate: tuple[Alternate, ...] = field(default=(), metadata=doc("其他语言版本"))


@dataclass(frozen=True)
class Scorm(Located):
    """scorm: how `courseware package --scorm` reports to the LMS."""

    completion: Literal["chapters", "final"] = field(
        default="chapters", metadata=doc("何时算完成：chapters＝读完全部章节（或通过结业测评），final＝通过结业测评"))


@dataclass(frozen=True)
class SiteSettings(Located):
    """The typed part of mkdocs.yml; theme and extra stay MkDocs' own shapes, checked key by key."""

    site_name: Text | None = field(default=None, metadata=doc("网站名称（默认用课程标题）"))
    site_description: Text | None = field(default=None, metadata=doc("网站简介"))
    site_author: Text | None = field(default=None, metadata=doc("作者"))
    copyright: Text | None = field(default=None, metadata=doc("页脚版权说明"))
    site_url: Text | None = field(default=None, metadata=doc("网站正式地址（http:// 或 https://）"))
    theme: Theme | None = field(default=None, metadata=doc("主题设置"))
    extra: Extra | None = field(default=None, metadata=doc("Material 的附加设置"))
    extra_pages: tuple[ExtraPage, ...] = field(default=(), metadata=doc("额外页面，排在导航最后"))
    scorm: Scorm | None = field(default=None, metadata=doc("SCORM 1.2 课件包的设置（courseware package --scorm）"))


@dataclass(frozen=True)
class SiteConfig:
    """The author's mkdocs.yml as plain data, plus the parsed node for positions and its typed settings."""

    values: dict[str, Any]
    node: Any = field(compare=False, repr=False)
    settings: SiteSettings = field(default_factory=SiteSettings, compare=False)


@dataclass(frozen=True)
class Course:
    root: Path
    syllabus: Syllabus
    contents: tuple[ChapterContent, ...]
    glossary: Glossary
    site: SiteConfig
    unbound: frozenset[str] = frozenset()  # chapters whose content file has errors: not "missing"
    banks: tuple[QuestionBank, ...] = ()
    roleplays: tuple[Roleplay, ...] = ()
    worksheets: tuple[Worksheet, ...] = ()
    # ids whose files exist but failed to bind: references to them are not "pending"
    unbound_items: frozenset[str] = frozenset()
    facts: tuple[FactSheet, ...] = ()
    facts_used: frozenset[str] = frozenset()  # ids some text references as [[id]]
    # the syllabus had errors, so some outline nodes are missing: references to them are follow-on errors
    syllabus_incomplete: bool = False
    profile: Profile = field(default_factory=lambda: built_in("neutral"))  # content/profile.yaml over its base

    @property
    def roles(self) -> tuple[str, ...]:
        """The audience tags content may use: course.roles when written, else the profile's."""
        return tuple(self.syllabus.course.roles or self.profile.audience)
