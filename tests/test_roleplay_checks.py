"""Role-play checks: placement in the syllabus and the branching script's graph rules, with exact messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Loc
from generator.load.course import load_course
from generator.model.roleplay import Branching, Ending, Reply, Turn
from generator.model.text import Id, Markdown, Text
from generator.profiles import built_in
from generator.validate import validate
from generator.validate.roleplay_checks import check_branching

ROLEPLAY = "content/roleplays/rp-visit.yaml"
SALES = built_in("sales")


def _id(value: str, line: int) -> Id:
    return Id(value, Loc("rp.yaml", line, 1))


def graph(turns: dict[str, list[tuple[str, int]]], endings: dict[str, str], start: str = "a") -> Branching:
    """Turns as {id: [(next, score), ...]}, endings as {id: outcome}; each id on a line of its own."""
    lines = iter(range(1, 1000))
    built = tuple(
        Turn(id=_id(name, next(lines)), line=Text("客户说"),
             replies=tuple(Reply(text=Text("回答"), feedback=Text("点评"), score=score, next=_id(to, next(lines)))
                           for to, score in replies))
        for name, replies in turns.items()
    )
    ends = tuple(Ending(id=_id(name, next(lines)), outcome=Id(outcome), title=Text("结局"), debrief=Markdown("复盘"))
                 for name, outcome in endings.items())
    return Branching(start=_id(start, 999), turns=built, endings=ends)


def report(branching: Branching) -> list[str]:
    found = sorted(check_branching("rp-x", branching, SALES), key=lambda d: d.sort_key())
    return [f"{d.loc}: {d.code}: {d.message}" for d in found]


ENDS = {"won": "won", "lost": "lost"}


def test_valid_graph_has_no_problems() -> None:
    assert report(graph({"a": [("b", 9), ("lost", 1)], "b": [("won", 10), ("a", 2)]}, ENDS)) == []


def test_unreachable_turn_and_ending() -> None:
    branching = graph({"a": [("won", 9), ("won", 1)], "b": [("won", 9), ("lost", 1)]}, {**ENDS, "spare": "conceded"})
    assert report(branching) == [
        "rp.yaml:4:1: unreachable-turn: 节点“b”从开始节点“a”走不到",
        "rp.yaml:8:1: unreachable-turn: 结局“lost”从开始节点“a”走不到",
        "rp.yaml:9:1: unreachable-turn: 结局“spare”从开始节点“a”走不到",
    ]


def test_dangling_next_suggests_the_close_id() -> None:
    diagnostics = check_branching("rp-x", graph({"a": [("wonn", 9), ("lost", 1)]}, ENDS), SALES)
    assert [(str(d.loc), d.message, d.hint) for d in diagnostics] == [
        ("rp.yaml:2:1", "找不到下一步“wonn”：它既不是节点也不是结局", "你是不是想写“won”？"),
        ("rp.yaml:4:1", "结局“won”从开始节点“a”走不到", "让前面某个回答的 next 指向它，或删除它"),
    ]


def test_dead_end_turn() -> None:
    assert report(graph({"a": [("b", 9), ("lost", 1)], "b": [], "c": []}, ENDS, start="a")) == [
        "rp.yaml:4:1: dead-end: 节点“b”没有可选的回答，对话停在这里",
        "rp.yaml:5:1: dead-end: 节点“c”没有可选的回答，对话停在这里",
        "rp.yaml:5:1: unreachable-turn: 节点“c”从开始节点“a”走不到",
        "rp.yaml:6:1: unreachable-turn: 结局“won”从开始节点“a”走不到",
    ]


def test_loop_without_exit_is_named_once() -> None:
    turns = {"a": [("b", 9), ("lost", 1)], "b": [("c", 5), ("b", 1)], "c": [("b", 5), ("c", 1)]}
    assert report(graph(turns, {"lost": "lost", "won": "won"})) == [
        "rp.yaml:4:1: endless-loop: 节点 “b” → “c” → “b” 构成循环，没有通往结局的出口",
        "rp.yaml:11:1: unreachable-turn: 结局“won”从开始节点“a”走不到",
    ]


def test_loop_with_an_exit_is_fine() -> None:
    turns = {"a": [("b", 9), ("a", 1)], "b": [("a", 2), ("won", 10)]}
    assert report(graph(turns, {"won": "won"})) == []


def test_reply_count_duplicate_ids_and_no_winning_ending() -> None:
    turns = {"a": [("lost", 1)], "lost": [("lost", 1), ("lost", 2)]}
    assert report(graph(turns, {"lost": "lost"})) == [
        "<unknown>: no-winning-ending: 角色扮演“rp-x”没有 outcome 为 won 的结局",
        "rp.yaml:1:1: reply-count: 节点“a”有 1 个回答，应为 2–4 个",
        "rp.yaml:6:1: duplicate-id: id“lost”重复，rp.yaml:3:1 已经用过",
    ]


def test_five_replies_are_too_many() -> None:
    replies = [("won", 1)] * 5
    expected = ["rp.yaml:1:1: reply-count: 节点“a”有 5 个回答，应为 2–4 个"]
    assert report(graph({"a": replies}, {"won": "won"})) == expected


@pytest.mark.parametrize(("start", "expected"), [
    ("won", "rp.yaml:999:1: roleplay-start-not-turn: 开始节点“won”是结局，不是对方台词节点"),
    ("aa", "rp.yaml:999:1: unknown-reference: 找不到开始节点“aa”"),
])
def test_start_must_be_a_turn(start: str, expected: str) -> None:
    assert report(graph({"a": [("won", 9), ("lost", 1)]}, ENDS, start=start)) == [expected]


def _codes(course: Path) -> list[str]:
    loaded = load_course(course)
    assert loaded.problems == []
    return [f"{d.loc}: {d.code}: {d.message}" for d in validate(loaded.course)]


def _edit(course: Path, old: str, new: str, relative: str = ROLEPLAY) -> None:
    path = course / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_scaffold_role_play_is_clean(sample_course: Path) -> None:
    assert _codes(sample_course) == []


def test_id_must_match_file_name(sample_course: Path) -> None:
    _edit(sample_course, "id: rp-visit", "id: rp-visits")
    assert _codes(sample_course) == [
        "content/modules/plan-visit.yaml:43:13: pending-reference: 角色扮演“rp-visit”还没有编写",
        f"{ROLEPLAY}:3:5: roleplay-id-mismatch: 角色扮演 id“rp-visits”与文件名“rp-visit”不一致",
    ]


def test_nodes_must_exist_and_be_unambiguous(sample_course: Path) -> None:
    _edit(sample_course, "nodes: [plan-visit, set-goal]", "nodes: [plan-visits, must-get, set-goal]")
    assert _codes(sample_course) == [f"{ROLEPLAY}:5:9: unknown-reference: 找不到大纲节点“plan-visits”"]
    second = "      - id: follow-up\n        title: 拜访之后\n        sections:\n          - id: set-goal\n" \
             "            title: 设定下次目标\n"
    (sample_course / "content/syllabus.yaml").write_text(
        (sample_course / "content/syllabus.yaml").read_text(encoding="utf-8") + second, encoding="utf-8")
    _edit(sample_course, "[plan-visits, must-get, set-goal]", "[set-goal]")
    problems = [line for line in _codes(sample_course) if "ambiguous-node" in line]
    assert problems == [
        f"{ROLEPLAY}:5:9: ambiguous-node: 大纲节点 id“set-goal”不唯一，可能指：plan-visit.set-goal、follow-up.set-goal"]


def test_role_play_without_nodes(sample_course: Path) -> None:
    _edit(sample_course, "nodes: [plan-visit, set-goal]", "nodes: []")
    assert _codes(sample_course) == [f"{ROLEPLAY}:5:1: roleplay-no-nodes: 角色扮演“rp-visit”没有对应任何大纲节点"]
