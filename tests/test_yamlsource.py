"""load phase, YAML layer: positions kept, unsafe YAML refused."""

from __future__ import annotations

from generator.load.yamlsource import parse, read_text


def test_values_keep_line_and_column() -> None:
    node, problems = parse("title: 守价\nitems:\n  - 一\n  - 2\n", "x.yaml")
    assert problems == []
    assert node.value["title"].loc.line == 1 and node.value["title"].loc.col == 8
    assert [item.loc.line for item in node.value["items"].value] == [3, 4]
    assert node.key_locs["items"].line == 2


def test_dates_stay_text() -> None:
    node, _ = parse("due: 2026-12-01\n", "x.yaml")
    assert node.value["due"].value == "2026-12-01"


def test_alias_refused_before_expansion() -> None:
    node, problems = parse("a: &a [1, 2]\nb: *a\n", "x.yaml")
    assert node is None
    assert [p.code for p in problems] == ["yaml-alias"]


def test_forbidden_tag_reported_and_not_constructed() -> None:
    node, problems = parse("a: !!python/name:os.system\n", "x.yaml")
    assert [p.code for p in problems] == ["yaml-tag"]
    assert node.value["a"].rejected


def test_duplicate_key_points_at_second() -> None:
    _, problems = parse("a: 1\nb: 2\na: 3\n", "x.yaml")
    assert [(p.code, p.loc.line) for p in problems] == [("duplicate-key", 3)]


def test_empty_and_multi_document() -> None:
    assert parse("", "x")[1][0].code == "yaml-empty"
    assert parse("a: 1\n---\nb: 2\n", "x")[1][0].code == "yaml-multi-doc"


def test_read_text_reports_bad_byte_position(tmp_path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("a: ok\nb: 守价\n".encode("gbk"))
    text, problems = read_text(path, "gbk.yaml")
    assert text is None
    assert (problems[0].code, problems[0].loc.line, problems[0].loc.col) == ("not-utf8", 2, 4)


def test_read_text_accepts_bom(tmp_path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffa: 1\n".encode())
    assert read_text(path, "bom.yaml") == ("a: 1\n", [])
