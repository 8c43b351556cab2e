"""`courseware new DIR`: a small course that validates and builds, to copy from."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from generator.locale import cli, message, os_reason
from generator.resources import TOOL_TEMPLATES

SCAFFOLD = TOOL_TEMPLATES / "scaffold"


def create_course(target: Path) -> int:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        return _refuse("target-exists", value=target)
    try:
        shutil.copytree(SCAFFOLD, target, dirs_exist_ok=True)
    except OSError as exc:  # a parent that is a file, a read-only place, a full disk
        return _refuse("target-unwritable", value=target, reason=os_reason(exc))
    print(cli("created", target=target))
    return 0


def _refuse(code: str, **values: object) -> int:
    text, hint = message(code, **values)
    print(f"courseware: {cli('error_word')}: {text}\n      = " + cli("hint_line", hint=hint), file=sys.stderr)
    return 2
