"""User-facing strings, one module per language; only zh ships today."""

from __future__ import annotations

import difflib
import errno
from collections.abc import Iterable

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


def kind(name: str) -> str:
    """The word for a kind of thing an author names (chapter, outline_node, turn, ...)."""
    return zh.KINDS[name]


def suggest(word: str, choices: Iterable[str], listing: str = "keys") -> str:
    """A "did you mean" hint, or the list of what is allowed (cut short when long)."""
    options = sorted(choices)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return zh.DID_YOU_MEAN.format(word=close[0])
    shown = zh.LIST_SEPARATOR.join(options[:12]) + (zh.LIST_MORE if len(options) > 12 else "")
    return zh.LISTING.format(listing=zh.LISTINGS[listing], shown=shown)


def ui(key: str, **values: object) -> str:
    return zh.UI[key].format(**values)
