"""`courseware new DIR`: a small course that validates and builds, to copy from."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from generator.locale import cli, message
from generator.render import TOOL_TEMPLATES

SCAFFOLD = TOOL_TEMPLATES / "scaffold"


def create_course(target: Path) -> int:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        text, hint = message("target-exists", value=target)
        print(f"courseware: {cli('error_word')}: {text}\n      = 提示：{hint}", file=sys.stderr)
        return 2
    shutil.copytree(SCAFFOLD, target, dirs_exist_ok=True)
    print(cli("created", target=target))
    return 0
