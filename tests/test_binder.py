"""load phase, binding: YAML nodes into frozen model objects, with every problem collected."""

from __future__ import annotations

import dataclasses

import pytest

from generator.load.binder import Binder
from generator.load.yamlsource import parse
from generator.locale import suggest
from generator.model.content import ChapterContent, Script
from generator.model.text import Text


def bind(text: str, cls: type):
    node, problems = parse(text, "m.yaml")
    assert problems == []
    binder = Binder()
    return binder.bind(node, cls), [(p.code, p.loc.line) for p in binder.problems]


def test_binds_and_keeps_positions() -> None:
    text = "situation: 客户要求降价\ncustomer: 再降5%\nweak: 好的\nstrong: 可以谈条件\nwhy: 有条件让步\n"
    script, problems = bind(text, Script)
    assert problems == []
    assert isinstance(script.customer, Text) and script.customer.loc.line == 2
    assert script.locs["why"].line == 5
    with pytest.raises(dataclasses.FrozenInstanceError):
        script.weak = "x"  # type: ignore[misc]


def test_collects_all_problems_in_one_pass() -> None:
    text = "chapter: Bad_ID\nsumary: x\nkey_points: 一条\nminutes: 0\naudience: [销售]\n"
    value, problems = bind(text, ChapterContent)
    assert value is None
    assert sorted(problems) == sorted([
        ("invalid-id", 1), ("unknown-key", 2), ("missing-key", 1), ("wrong-type", 3), ("out-of-range", 4),
    ])


def test_numbers_accepted_as_text_but_booleans_are_not() -> None:
    _, problems = bind("situation: 2024\ncustomer: yes\nweak: a\nstrong: b\nwhy: c\n", Script)
    assert problems == [("boolean-as-text", 2)]


def test_placeholder_and_empty_text() -> None:
    _, problems = bind("situation: TODO\ncustomer: '  '\nweak: a\nstrong: b\nwhy: 待补充\n", Script)
    assert sorted(problems) == [("empty-text", 2), ("placeholder-text", 1), ("placeholder-text", 5)]


def test_suggest_did_you_mean_or_list() -> None:
    assert suggest("sumary", ["summary", "minutes"]) == "你是不是想写“summary”？"
    assert suggest("zzz", ["b", "a"]) == "可用的键：a、b"
