"""`courseware new DIR [--profile sales]`: a small course that validates and builds, to copy from.

The default is a neutral course (its own roles and words in content/profile.yaml); `--profile sales` gives the
sales example. Either way schema/ holds the JSON Schema each YAML file names in its first line, for editors.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from generator.locale import cli, message, os_reason
from generator.resources import TOOL_TEMPLATES

SCAFFOLD = TOOL_TEMPLATES / "scaffold"  # the sales example, which the tests' sample course copies
SCAFFOLDS = {"neutral": TOOL_TEMPLATES / "scaffold-neutral", "sales": SCAFFOLD}


def create_course(target: Path, profile: str = "neutral") -> int:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        return _refuse("target-exists", value=target)
    try:
        shutil.copytree(SCAFFOLDS[profile], target, dirs_exist_ok=True)
        _write_schemas(target / "schema")
    except OSError as exc:  # a parent that is a file, a read-only place, a full disk
        return _refuse("target-unwritable", value=target, reason=os_reason(exc))
    print(cli("created", target=target))
    return 0


def _write_schemas(folder: Path) -> None:
    """Written from the model, so a course made by this version documents exactly what this version reads."""
    from generator.schema import KINDS, render_schema

    folder.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        (folder / f"{kind}.schema.json").write_text(render_schema(kind), encoding="utf-8")


def _refuse(code: str, **values: object) -> int:
    text, hint = message(code, **values)
    print(f"courseware: {cli('error_word')}: {text}\n      = " + cli("hint_line", hint=hint), file=sys.stderr)
    return 2
