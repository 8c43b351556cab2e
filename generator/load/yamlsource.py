"""The only module that touches YAML: safe parsing into nodes that remember where they came from."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, Loc
from generator.locale import message, os_reason, zh

MAX_BYTES = 2 * 1024 * 1024  # a whole course is ~1 MB; anything bigger is a mistake or an attack
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}

_CONSTRUCTOR = yaml.constructor.SafeConstructor()
Scalar = str | int | float | bool | None


@dataclass(frozen=True)
class YNode:
    """A parsed YAML value with its position; mappings also keep each key's position."""

    value: Any  # Scalar | list[YNode] | dict[str, YNode]
    loc: Loc
    key_locs: dict[str, Loc] = field(default_factory=dict, compare=False)
    rejected: bool = False  # already reported (e.g. a forbidden tag); binding skips it quietly

    @property
    def kind(self) -> str:
        if isinstance(self.value, dict):
            return "dict"
        if isinstance(self.value, list):
            return "list"
        if self.value is None:
            return "null"
        return type(self.value).__name__


class _AliasFound(Exception):
    def __init__(self, mark: yaml.Mark):
        self.mark = mark


class _TooDeep(_AliasFound):
    pass


MAX_DEPTH = 64  # a course file needs fewer than 10 levels; thousands would exhaust Python's stack


# libyaml's composer is several times faster; composing never expands aliases (a node
# reached twice is simply shared), so the walk below refuses them before any expansion.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _error(loc: Loc, code: str, **values: object) -> Diagnostic:
    text, hint = message(code, **values)
    return Diagnostic(loc, code, text, hint)


def read_text(path: Path, shown: str) -> tuple[str | None, list[Diagnostic]]:
    """Read a UTF-8 file within the size limit, or explain why not."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [_error(Loc(shown), "file-too-large", size=_human(size), limit=_human(MAX_BYTES))]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [_error(Loc(shown), "file-unreadable", reason=os_reason(exc))]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = f"0x{raw[exc.start]:02X}"
        return None, [_error(Loc(shown, line, col), "not-utf8", byte=byte)]


def parse(text: str, shown: str) -> tuple[YNode | None, list[Diagnostic]]:
    """Parse one YAML document into located nodes, collecting every problem the tree shows."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, text, shown)]
    finally:
        loader.dispose()
    if root is None:
        return None, [_error(Loc(shown, 1, 1), "yaml-empty")]
    problems: list[Diagnostic] = []
    try:
        return _convert(root, shown, problems, set()), problems
    except _TooDeep as exc:
        return None, [_error(_loc(shown, exc.mark), "yaml-too-deep", limit=MAX_DEPTH)]
    except _AliasFound as exc:
        return None, [_error(_loc(shown, exc.mark), "yaml-alias")]


# Invisible characters that change what a reader sees (bidi overrides, as in "Trojan Source") or that
# terminals and HTML treat as control codes; tab, newline and carriage return are ordinary.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def load_file(path: Path, shown: str) -> tuple[YNode | None, list[Diagnostic]]:
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    controls = [_control_error(text, match, shown) for match in _CONTROL.finditer(text)]
    if controls:
        return None, controls
    if _kept is None:
        return parse(text, shown)
    known = _kept.get(shown)
    if known is None or known[0] != text:
        root, problems = parse(text, shown)
        known = _kept[shown] = (text, root, tuple(problems))
    return known[1], list(known[2])


# path -> (text, tree, problems) of its last parse; only a long-running `courseware serve` keeps them
_kept: dict[str, tuple[str, YNode | None, tuple[Diagnostic, ...]]] | None = None


def parsed_files_kept() -> bool:
    return _kept is not None


def keep_parsed_files() -> None:
    """`courseware serve` reloads every file on each save; an unchanged file's located tree (frozen nodes,
    never changed by binding) is then parsed once. A one-off build keeps nothing: memory stays flat."""
    global _kept
    if _kept is None:
        _kept = {}


def _control_error(text: str, match: re.Match[str], shown: str) -> Diagnostic:
    offset = match.start()
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return _error(Loc(shown, line, col), "control-character", char=f"U+{ord(match.group(0)):04X}")


def dump(data: Any) -> str:
    """Write plain data as YAML, stable key order, Chinese kept readable."""
    return yaml.safe_dump(_plain(data), allow_unicode=True, sort_keys=False, width=1000)


def _plain(data: Any) -> Any:
    """Model strings are str subclasses carrying positions; the dumper wants exact types."""
    if isinstance(data, dict):
        return {str(key): _plain(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [_plain(value) for value in data]
    if isinstance(data, str):
        return str(data)
    return data


def _convert(node: yaml.Node, shown: str, problems: list[Diagnostic], seen: set[int], depth: int = 0) -> YNode:
    if id(node) in seen:
        raise _AliasFound(node.start_mark)
    if depth > MAX_DEPTH:
        raise _TooDeep(node.start_mark)
    seen.add(id(node))
    loc = _loc(shown, node.start_mark)
    if node.tag == "!ENV":  # MkDocs' environment lookup: a build must not depend on the author's shell
        problems.append(_error(loc, "yaml-env"))
        return YNode(None, loc, rejected=True)
    if node.tag not in _PLAIN_TAGS:
        problems.append(_error(loc, "yaml-tag", tag=node.tag.replace("tag:yaml.org,2002:", "!!")))
        return YNode(None, loc, rejected=True)
    if isinstance(node, yaml.MappingNode):
        return _convert_mapping(node, shown, problems, seen, depth)
    if isinstance(node, yaml.SequenceNode):
        return YNode([_convert(item, shown, problems, seen, depth + 1) for item in node.value], loc)
    assert isinstance(node, yaml.ScalarNode)  # PyYAML composes only the three node kinds
    if node.style in ("'", '"') and loc.line:  # point at the text, not at its opening quote
        loc = Loc(loc.path, loc.line, loc.col + 1)
    return YNode(_scalar(node), loc)


def _convert_mapping(node: yaml.MappingNode, shown: str, problems: list[Diagnostic], seen: set[int],
                     depth: int) -> YNode:
    values: dict[str, YNode] = {}
    key_locs: dict[str, Loc] = {}
    for key_node, value_node in node.value:
        key_loc = _loc(shown, key_node.start_mark)
        if key_node.tag == "tag:yaml.org,2002:merge":  # `<<:` copies keys from elsewhere: positions would lie
            problems.append(_error(key_loc, "yaml-merge-key"))
            continue
        key = str(_scalar(key_node)) if isinstance(key_node, yaml.ScalarNode) else "?"
        if key in values:
            problems.append(_error(key_loc, "duplicate-key", key=key, first=key_locs[key].line))
            continue
        values[key] = _convert(value_node, shown, problems, seen, depth + 1)
        key_locs[key] = key_loc
    return YNode(values, _loc(shown, node.start_mark), key_locs)


def _scalar(node: yaml.ScalarNode) -> Scalar:
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value  # dates stay as the author typed them
    result = _CONSTRUCTOR.construct_object(node)
    if isinstance(result, (datetime.date, datetime.datetime)):
        return node.value
    return result


def _loc(shown: str, mark: yaml.Mark | None) -> Loc:
    if mark is None:
        return Loc(shown)
    return Loc(shown, mark.line + 1, mark.column + 1)


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, shown: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    loc = _loc(shown, mark)
    problem = exc.problem or exc.context or zh.YAML_UNPARSABLE
    if "\t" in problem or "'\\t'" in problem or _tab_in_indent(text, loc.line):
        return _error(loc, "yaml-tab")
    if "expected a single document" in str(exc) or "but found another document" in str(exc):
        return _error(loc, "yaml-multi-doc")
    return _error(loc, "yaml-syntax", problem=_translate(problem))


def _tab_in_indent(text: str, line: int) -> bool:
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return False
    source = lines[line - 1]
    return "\t" in source[: len(source) - len(source.lstrip())]


def _translate(problem: str) -> str:
    for english, chinese in zh.YAML_PROBLEMS.items():
        if problem.startswith(english):
            return chinese
    return problem


def _human(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


# --- writing (the .xlsx bank's import writes quizzes/*.yaml): YAML stays in this one module ---

class _Dumper(yaml.SafeDumper):
    """Keys in the order given; multi-line text as literal blocks, as authors write stems and explanations."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # "  - item" under its key, as the bundled files are written


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None  # PyYAML falls back to quotes when a block cannot hold the text
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    """Short lists of words (tags, scope) on one line: `tags: [合同条款, 守价]`, as authors write them."""
    words = all(isinstance(item, str) and "\n" not in item for item in value)
    flow = bool(value) and words and sum(len(item) + 2 for item in value) < 80
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _represent_text)
_Dumper.add_representer(list, _represent_list)


def dump_yaml(data: object, header: str = "") -> str:
    """A plain value (dicts, lists, text, numbers) as YAML that load_file reads back to the same value."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000, indent=2)
    comment = "".join(f"# {line}\n" for line in header.splitlines())
    return comment + body
