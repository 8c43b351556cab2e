"""Read back the JSON a widget carries in its data-json attribute, as the page's script does."""

from __future__ import annotations

import html
import json
import re
from typing import Any


def embedded_json(text: str, css_class: str) -> list[Any]:
    pattern = rf'<div class="{re.escape(css_class)}" hidden data-json="(.*?)"></div>'
    return [json.loads(html.unescape(found)) for found in re.findall(pattern, text)]
