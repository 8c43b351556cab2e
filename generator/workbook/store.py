"""Workbooks kept between builds, keyed by what they are made from.

Writing a workbook is the slowest thing a build does (about 40 % of a cold build of the bundled course), and an
author who edits a chapter has changed no worksheet. A workbook's bytes depend only on its worksheet model (facts
already substituted by the loader), the code that writes it and openpyxl, so those make the key; anything else
that changed simply misses. The folder is safe to delete: a missing or unreadable entry is rebuilt.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

import openpyxl
import openpyxl.xml

from generator.model.worksheet import Worksheet

ZIP_END = b"PK\x05\x06"  # end-of-central-directory record, the last 22 bytes of a zip without a comment
CODE_ROOT = Path(__file__).resolve().parents[1]  # the generator package: writers, locale strings, model


class WorkbookStore:
    """Builds a workbook once per distinct input; without a folder it simply builds."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def get(self, worksheet: Worksheet, variant: str, make: Callable[[Worksheet], bytes]) -> bytes:
        if self.folder is None:
            return make(worksheet)
        name = f"{variant}-{worksheet.id}-{input_key(worksheet, variant)}.xlsx"
        self.used.add(name)
        path = self.folder / name
        try:
            kept = path.read_bytes()
            if kept.endswith(b"\x00\x00") and kept[-22:-18] == ZIP_END:  # whole: ends with its central directory
                return kept
        except OSError:
            pass
        data = make(worksheet)
        self._keep(path, data)
        return data

    def prune(self) -> None:
        """Drop entries this build did not use, so an author's many edits do not pile up."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.glob("*.xlsx"):
            if path.name not in self.used:
                path.unlink(missing_ok=True)

    def _keep(self, path: Path, data: bytes) -> None:
        try:  # written aside and renamed: a build stopped half-way never leaves a truncated workbook
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.part")
            partial.write_bytes(data)
            partial.replace(path)
        except OSError:
            pass  # a read-only cache costs time, never the build


def input_key(worksheet: Worksheet, variant: str) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(variant.encode())
    digest.update(repr(worksheet).encode("utf-8"))
    return digest.hexdigest()[:20]


@cache
def code_fingerprint() -> str:
    """The generator's own source and openpyxl's version and XML writer: a change of any rebuilds every workbook."""
    digest = hashlib.sha256(f"{openpyxl.__version__} lxml={openpyxl.xml.LXML}".encode())
    for path in sorted(CODE_ROOT.rglob("*.py")):
        digest.update(path.relative_to(CODE_ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
