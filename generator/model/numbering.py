"""Numbering labels derived from position, so authors never type them."""

from __future__ import annotations

import re

from generator.locale import zh

STYLES = zh.NUMBERING
LABEL_PREFIX = re.compile(zh.LABEL_PREFIX)


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 100 -> 一百, 105 -> 一百零五, 110 -> 一百一十, up to 999."""
    if n < 1 or n > 999:
        return str(n)
    if n >= 100:
        hundreds, rest = divmod(n, 100)
        head = zh.DIGITS[hundreds] + zh.HUNDRED
        if rest == 0:
            return head
        if rest < 10:
            return head + zh.DIGITS[0] + zh.DIGITS[rest]
        return head + zh.DIGITS[rest // 10] + zh.TEN + (zh.DIGITS[rest % 10] if rest % 10 else "")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return zh.DIGITS[ones]
    head = "" if tens == 1 else zh.DIGITS[tens]
    return head + zh.TEN + (zh.DIGITS[ones] if ones else "")


def label(style: str, position: int) -> str:
    return STYLES[style].format(cn=chinese_number(position), n=position)


def default_style(depth: int) -> str:
    """depth 0 part, 1 chapter, 2 section, 3+ points."""
    return ("part", "chapter", "section", "cn", "arabic")[min(depth, 4)]
