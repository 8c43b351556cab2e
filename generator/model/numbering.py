"""Numbering labels derived from position, so authors never type them."""

from __future__ import annotations

import re

_DIGITS = "零一二三四五六七八九"

STYLES = {
    "part": "第{cn}部分",
    "chapter": "第{cn}章",
    "section": "第{cn}节",
    "ordinal": "第{cn}",
    "step": "第{cn}步",
    "cn": "{cn}、",
    "arabic": "{n}.",
}

# A title that starts with any of these already carries a label the author should not type.
LABEL_PREFIX = re.compile(
    r"^(第[零一二三四五六七八九十百\d]+(部份|部分|章|节|步)?|[一二三四五六七八九十]+|\d+|\*\*[^、，,]{0,3})[、，,.．]\s*"
)


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, up to 99."""
    if n < 1 or n > 99:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def label(style: str, position: int) -> str:
    return STYLES[style].format(cn=chinese_number(position), n=position)


def default_style(depth: int) -> str:
    """depth 0 part, 1 chapter, 2 section, 3+ points."""
    return ("part", "chapter", "section", "cn", "arabic")[min(depth, 4)]
