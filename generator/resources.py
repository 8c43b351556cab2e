"""Where the tool's own templates, assets and scaffold live: inside the installed package, or the checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _tool_templates() -> Path:
    # a built wheel carries site_templates/ as package data (generator/site_templates); an editable
    # install or a checkout reads the repository's own folder
    packaged = Path(str(resources.files("generator"))) / "site_templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[1] / "site_templates"


TOOL_TEMPLATES = _tool_templates()
