"""One formatter for diagnostics, shared by the CLI and the MkDocs side: text for people, JSON for tools."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.locale import cli


class SourceLines:
    """Reads each file once, tolerating files that are missing or not UTF-8."""

    def __init__(self, root: Path):
        self.root = root
        self._cache: dict[str, list[str]] = {}

    def line(self, path: str, number: int) -> str | None:
        if path not in self._cache:
            self._cache[path] = self._read(path)
        lines = self._cache[path]
        return lines[number - 1] if 0 < number <= len(lines) else None

    def _read(self, path: str) -> list[str]:
        try:
            with open(self.root / path, "rb") as handle:
                head = handle.read(4 * 1024 * 1024)
        except OSError:
            return []
        return head.decode("utf-8", errors="replace").splitlines()


def format_text(diagnostics: Iterable[Diagnostic], root: Path) -> str:
    sources = SourceLines(root)
    return "\n\n".join(_one(diagnostic, sources) for diagnostic in diagnostics)


def _one(diagnostic: Diagnostic, sources: SourceLines) -> str:
    head = f"{diagnostic.loc}: {diagnostic.severity.value}[{diagnostic.code}]: {diagnostic.message}"
    lines = [head]
    source = sources.line(diagnostic.loc.path, diagnostic.loc.line) if diagnostic.loc.line else None
    if source is not None:
        gutter = f"{diagnostic.loc.line:>5} | "
        shown = _CONTROL.sub("\ufffd", source[:160].replace("\t", " "))  # tabs would shift the caret
        lines.append(gutter + shown)
        lines.append(" " * (len(gutter) - 2) + "| " + " " * _width(shown[: diagnostic.loc.col - 1]) + "^")
    if diagnostic.hint:
        lines.append("      = " + cli("hint_line", hint=diagnostic.hint))
    return "\n".join(lines)


# Control characters in an echoed line would be executed by the terminal (ESC sequences) or reorder it.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _width(text: str) -> int:
    """Display width: CJK characters take two terminal cells, so the caret lands under the right one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    items = [
        {
            "path": d.loc.path,
            "line": d.loc.line,
            "column": d.loc.col,
            "severity": d.severity.value,
            "code": d.code,
            "message": d.message,
            "hint": d.hint,
        }
        for d in diagnostics
    ]
    return json.dumps(items, ensure_ascii=False, indent=2)


def format_summary(diagnostics: list[Diagnostic], files: int, strict: bool = False) -> str:
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    if errors:
        return cli("summary_bad", errors=errors, warnings=warnings)
    if strict and warnings:
        return cli("summary_strict", warnings=warnings)
    return cli("summary_ok", files=files, warnings=warnings)
