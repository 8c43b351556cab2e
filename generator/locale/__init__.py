"""User-facing strings, one module per language; only zh ships today."""

from __future__ import annotations

import errno

from generator.locale import zh

LANGUAGE = "zh"
UI = zh.UI
TYPE_NAMES = zh.TYPE_NAMES
REFUSED_REASONS = zh.REFUSED_REASONS


def message(code: str, **values: object) -> tuple[str, str]:
    """Return (message, hint) for a diagnostic code, filled with values."""
    text, hint = zh.MESSAGES[code]
    return text.format(**values), hint.format(**values)


def os_reason(exc: OSError) -> str:
    """The operating system's refusal in Chinese, or its own words when the table has none."""
    name = errno.errorcode.get(exc.errno or 0, "")
    return zh.OS_ERRORS.get(name) or exc.strerror or str(exc)


def cli(key: str, **values: object) -> str:
    return zh.CLI[key].format(**values)


def argparse_text(source: str) -> str:
    """argparse's own help and error words, translated; unknown ones stay as argparse wrote them."""
    return zh.ARGPARSE.get(source, source)


def ui(key: str, **values: object) -> str:
    return zh.UI[key].format(**values)
