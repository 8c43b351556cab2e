"""The built-in course profiles in Simplified Chinese: neutral (the tool's default) and sales (the bundled course).

Plain data, bound by generator.profiles into Profile objects. A profile's labels override generator.locale.zh.UI.
"""

from __future__ import annotations

from typing import Any

NEUTRAL: dict[str, Any] = {
    "roles": [
        {"id": "learner", "name": "练习方", "fields": [
            {"key": "about", "label": "练习方"},
            {"key": "goal", "label": "你的目标"},
            {"key": "knows", "label": "你掌握的信息"},
            {"key": "limits", "label": "你的权限与底线"},
        ]},
        {"id": "partner", "name": "对方", "fields": [
            {"key": "about", "label": "对方"},
            {"key": "goal", "label": "你的目标"},
            {"key": "hidden", "label": "隐藏信息（对方要问出来，不要主动说）"},
            {"key": "tactics", "label": "你要使用的做法"},
            {"key": "agree_if", "label": "满足这些条件你会同意"},
        ]},
    ],
    "endings": [
        {"id": "solved", "label": "圆满解决", "best": True},
        {"id": "partial", "label": "部分解决"},
        {"id": "failed", "label": "没有解决"},
    ],
    "audience": ["员工", "主管", "管理"],
    "strict": ["sections", "discussions", "exercise", "actions"],
    "labels": {},
}

SALES: dict[str, Any] = {
    "roles": [
        {"id": "seller", "name": "销售方", "fields": [
            {"key": "about", "label": "供方"},
            {"key": "goal", "label": "你的目标"},
            {"key": "knows", "label": "你掌握的信息"},
            {"key": "limits", "label": "你的权限与底线"},
            {"key": "trades", "label": "可以拿来交换的条件"},
            {"key": "walk_away", "label": "谈判破裂点"},
        ]},
        {"id": "buyer", "name": "客户方", "fields": [
            {"key": "about", "label": "客户"},
            {"key": "goal", "label": "你的目标"},
            {"key": "hidden", "label": "隐藏信息（销售要问出来，不要主动说）"},
            {"key": "tactics", "label": "你要使用的施压手法"},
            {"key": "agree_if", "label": "满足这些条件你会同意"},
            {"key": "escalate", "label": "什么情况下升级"},
        ]},
    ],
    "endings": [
        {"id": "won", "label": "保住利润成交", "best": True},
        {"id": "conceded", "label": "让利成交"},
        {"id": "lost", "label": "丢单"},
    ],
    "audience": ["销售", "生产", "技术", "管理"],
    "strict": ["sections", "cases", "scripts", "discussions", "exercise", "actions", "trainer_notes", "reading"],
    "labels": {
        "way_roleplays_text": "销售方、客户方、观察员三张卡，另有自练对话。",
        "way_scripts": "话术库",
        "way_scripts_text": "全部弱/强话术对照，按情境归类。",
        "scripts": "话术示范",
        "customer_says": "客户说",
        "roleplays_lead": "课堂上 6–8 人一组：一人扮演销售，一人扮演客户，其余人对照观察员卡打分。"
                          "课后可以用每个场景的“自练”独自练习。",
        "practice": "自练：和模拟客户过一遍",
        "customer_line": "客户",
        "script_library": "话术库",
        "scripts_lead": "各章和角色扮演中的弱/强话术对照，按情境归类。点“出处”回到所在章节看上下文。",
        "scripts_search": "搜索话术",
        "rp_steps": "三人一组：销售、客户、观察员，各拿一张角色卡。",
    },
}

PROFILES: dict[str, dict[str, Any]] = {"neutral": NEUTRAL, "sales": SALES}
