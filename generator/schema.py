"""JSON Schema for each kind of course file, derived from the model so the two cannot drift."""

from __future__ import annotations

import dataclasses
import json
import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal, Union

from generator.load.binder import ID_PATTERN, bindable_fields, field_types, is_required
from generator.locale import cli, zh
from generator.model.content import ChapterContent
from generator.model.course import Glossary
from generator.model.facts import FactSheet
from generator.model.profile import Profile
from generator.model.quiz import QuestionBank
from generator.model.roleplay import Roleplay
from generator.model.syllabus import Syllabus
from generator.model.text import Id, Text, Value
from generator.model.worksheet import Worksheet

KINDS: dict[str, type] = {
    "syllabus": Syllabus, "module": ChapterContent, "glossary": Glossary, "quiz": QuestionBank,
    "roleplay": Roleplay, "worksheet": Worksheet, "facts": FactSheet, "profile": Profile,
}
SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schema"


def schema_for(kind: str) -> dict[str, Any]:
    cls, title = KINDS[kind], zh.SCHEMA_KINDS[kind]
    definitions: dict[str, Any] = {}
    root = _object(cls, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"courseware/{kind}.schema.json",
        "title": title,
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def render_schema(kind: str) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n"


def print_schema(kind: str | None) -> int:
    if kind is None:
        for name in KINDS:
            print(f"{name}\t{zh.SCHEMA_KINDS[name]}")
        return 0
    if kind not in KINDS:
        print(cli("schema_unknown", kind=kind, choices="、".join(KINDS)), file=sys.stderr)
        return 2
    sys.stdout.write(render_schema(kind))
    return 0


def _object(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = field_types(cls)
    properties = {}
    for name, spec in bindable_fields(cls).items():
        prop = _type(hints[name], definitions)
        if "doc" in spec.metadata:
            prop["description"] = spec.metadata["doc"]
        for bound in ("minimum", "maximum"):
            if bound in spec.metadata:
                prop[bound] = spec.metadata[bound]
        properties[name] = prop
    required = [name for name, spec in bindable_fields(cls).items() if is_required(spec)]
    return {"type": "object", "additionalProperties": False, "required": required, "properties": properties}


def _type(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        inner = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        return {"anyOf": [_type(inner, definitions), {"type": "null"}]}
    if origin is Literal:
        return {"enum": list(typing.get_args(hint))}
    if origin is tuple:
        return {"type": "array", "items": _type(typing.get_args(hint)[0], definitions)}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder stops recursion on self-referencing types
            definitions[name] = _object(hint, definitions)
        return {"$ref": f"#/$defs/{name}"}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type(typing.get_args(hint)[1], definitions)}
    if hint is Value:
        return {"type": ["string", "number", "boolean"]}
    if hint is Id:
        return {"type": "string", "pattern": ID_PATTERN.pattern}
    if isinstance(hint, type) and issubclass(hint, Text):
        return {"type": "string", "minLength": 1}
    return {"type": {int: "integer", bool: "boolean", float: "number"}[hint]}
