"""Bind located YAML nodes to the frozen dataclasses of the model, collecting every problem."""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from typing import Any, Literal, Union

from generator.diagnostics import Diagnostic, Loc
from generator.load.yamlsource import YNode
from generator.locale import TYPE_NAMES, message, suggest, zh
from generator.model.facts import REFERENCE
from generator.model.text import Id, Text, Value

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
MAX_ID_LENGTH = 64
_HINTS_CACHE: dict[type, dict[str, Any]] = {}


class Binder:
    """Turns one file's YNode tree into model objects; problems accumulate in `problems`.

    With `facts` (id -> text), every [[id]] in a text value becomes the fact's text, so later
    phases (checks, lint, pages, workbooks) all see the figure as the learner will; `used`
    collects the ids referenced.
    """

    def __init__(self, facts: typing.Mapping[str, str] | None = None, used: set[str] | None = None) -> None:
        self.problems: list[Diagnostic] = []
        self.facts = facts
        self.used = used if used is not None else set()

    def bind(self, node: YNode, cls: type, key: str = "") -> Any:
        return self._value(node, cls, key)

    def _report(self, loc: Loc, code: str, **values: object) -> None:
        text, hint = message(code, **values)
        self.problems.append(Diagnostic(loc, code, text, hint))

    def _value(self, node: YNode, hint: Any, key: str) -> Any:
        if node.rejected:
            return None
        origin = typing.get_origin(hint)
        if origin in (Union, types.UnionType):
            return self._optional(node, hint, key)
        if origin is Literal:
            return self._choice(node, typing.get_args(hint), key)
        if origin is tuple:
            return self._sequence(node, typing.get_args(hint)[0], key)
        if origin is dict:
            return self._mapping(node, typing.get_args(hint)[1], key)
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            return self._dataclass(node, hint, key)
        if isinstance(hint, type) and issubclass(hint, Text):
            return self._text(node, hint, key)
        if hint is int:
            return self._int(node, key)
        if hint is float:
            return self._float(node, key)
        if hint is Value:
            return self._scalar(node, key)
        if hint is bool:
            return self._bool(node, key)
        raise TypeError(f"unsupported model type {hint!r}")  # a model bug, not an author's

    def _optional(self, node: YNode, hint: Any, key: str) -> Any:
        inner = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if node.value is None:
            return None
        return self._value(node, inner[0], key)

    def _wrong_type(self, node: YNode, expected: str, key: str) -> None:
        self._report(node.loc, "wrong-type", key=key, expected=TYPE_NAMES[expected], actual=TYPE_NAMES[node.kind])

    def _choice(self, node: YNode, choices: tuple[str, ...], key: str) -> Any:
        if node.value not in choices:
            self._report(node.loc, "invalid-choice", key=key, value=node.value, choices="、".join(choices))
            return None
        return Text(node.value, node.loc)

    def _sequence(self, node: YNode, item: Any, key: str) -> tuple[Any, ...]:
        if node.kind != "list":
            self._wrong_type(node, "list", key)
            return ()
        values = (self._value(child, item, key) for child in node.value)
        return tuple(value for value in values if value is not None)

    def _mapping(self, node: YNode, item: Any, key: str) -> dict[Text, Any]:
        """Free-form keys (e.g. column names); each key remembers its own position."""
        if node.kind != "dict":
            self._wrong_type(node, "dict", key)
            return {}
        values = {Text(name, node.key_locs.get(name, node.loc)): self._value(child, item, name)
                  for name, child in node.value.items()}
        return {name: value for name, value in values.items() if value is not None}

    def _scalar(self, node: YNode, key: str) -> Value | None:
        if node.kind in ("dict", "list", "null"):
            self._wrong_type(node, "str", key)
            return None
        return Value(node.value, node.loc)

    def _float(self, node: YNode, key: str) -> float | None:
        if node.kind not in ("int", "float"):
            self._wrong_type(node, "float", key)
            return None
        return float(node.value)

    def _text(self, node: YNode, cls: type[Text], key: str) -> Text | None:
        if node.kind in ("int", "float") and cls is not Id:  # `title: 2024` reads as text
            return cls(str(node.value), node.loc)
        if node.kind == "bool":  # `title: yes` -- YAML 1.1 reads yes/no/on/off as booleans
            self._report(node.loc, "boolean-as-text", key=key)
            return None
        if node.kind not in ("str", "int", "float"):
            self._wrong_type(node, "str", key)
            return None
        # a number as an id (`id: -1.5`) goes through the id rule like any other id
        value = cls(self._substitute(str(node.value), node.loc), node.loc)
        if not value.strip():
            self._report(node.loc, "empty-text", key=key)
        elif value.strip().lower() in zh.PLACEHOLDERS:
            self._report(node.loc, "placeholder-text", key=key, text=value.strip())
        elif cls is Id and not ID_PATTERN.match(value):
            self._report(node.loc, "invalid-id", value=value)
        elif cls is Id and len(value) > MAX_ID_LENGTH:  # ids become file names, which have a length limit
            self._report(node.loc, "id-too-long", value=value[:20] + "…", length=len(value), limit=MAX_ID_LENGTH)
        return value

    def _substitute(self, text: str, loc: Loc) -> str:
        if self.facts is None or "[[" not in text:
            return text
        return REFERENCE.sub(lambda match: self._fact_text(match.group(1).strip(), loc), text)

    def _fact_text(self, fact_id: str, loc: Loc) -> str:
        facts = self.facts or {}  # only called when the file is bound with facts
        if fact_id in facts:
            self.used.add(fact_id)
            return facts[fact_id]
        self._report(loc, "unknown-fact", value=fact_id, suggestion=suggest(fact_id, facts, "facts"))
        return f"[[{fact_id}]]"

    def _int(self, node: YNode, key: str) -> int | None:
        if node.kind != "int":
            self._wrong_type(node, "int", key)
            return None
        return int(node.value)

    def _bool(self, node: YNode, key: str) -> bool | None:
        if node.kind != "bool":
            self._wrong_type(node, "bool", key)
            return None
        return bool(node.value)

    def _dataclass(self, node: YNode, cls: type, key: str) -> Any:
        if node.kind != "dict":
            self._wrong_type(node, "dict", key or cls.__name__)
            return None
        fields = bindable_fields(cls)
        self._unknown_keys(node, fields)
        values: dict[str, Any] = {}
        missing = False
        for name, spec in fields.items():
            child = node.value.get(name)
            if child is None:
                missing |= self._absent(node, spec, name)
                continue
            value = self._value(child, field_types(cls)[name], name)
            value = self._check_range(child, spec, name, value)
            if value is not None:
                values[name] = value
        if missing:
            return None
        return self._construct(cls, node, values)

    def _construct(self, cls: type, node: YNode, values: dict[str, Any]) -> Any:
        try:
            return cls(**values, loc=node.loc, locs=dict(node.key_locs))
        except TypeError:
            return None  # a required value was unusable; its problem is already reported

    def _absent(self, node: YNode, spec: dataclasses.Field[Any], name: str) -> bool:
        if is_required(spec):
            self._report(node.loc, "missing-key", key=name, doc=spec.metadata.get("doc", ""))
            return True
        return False

    def _check_range(self, node: YNode, spec: dataclasses.Field[Any], name: str, value: Any) -> Any:
        low, high = spec.metadata.get("minimum"), spec.metadata.get("maximum")
        if isinstance(value, int) and low is not None and high is not None and not low <= value <= high:
            self._report(node.loc, "out-of-range", key=name, value=value, low=low, high=high)
            return None
        return value

    def _unknown_keys(self, node: YNode, fields: dict[str, dataclasses.Field[Any]]) -> None:
        for key in node.value:
            if key not in fields:
                self._report(node.key_locs.get(key, node.loc), "unknown-key", key=key, suggestion=suggest(key, fields))


@functools.cache
def bindable_fields(cls: type) -> dict[str, dataclasses.Field[Any]]:
    """Once per class: asked for each of the ~4,000 mappings a course binds, it was a tenth of loading."""
    return {f.name: f for f in dataclasses.fields(cls) if f.name not in ("loc", "locs")}


def field_types(cls: type) -> dict[str, Any]:
    if cls not in _HINTS_CACHE:
        _HINTS_CACHE[cls] = typing.get_type_hints(cls)
    return _HINTS_CACHE[cls]


def is_required(spec: dataclasses.Field[Any]) -> bool:
    return spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
