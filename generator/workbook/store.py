"""Workbooks kept between builds, keyed by what they are made from.

Writing a workbook is the slowest thing a build does (about 40 % of a cold build of the bundled course), and an
author who edits a chapter has changed no worksheet. A workbook's bytes depend only on its worksheet model (facts
already substituted by the loader), the code that writes it and openpyxl, so those make the key; anything else
that changed simply misses. The folder is safe to delete: a missing or unreadable entry is rebuilt.
"""

from __future__ import annotations

import functools
import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cache
from pathlib import Path

import openpyxl
import openpyxl.xml

from generator.model.worksheet import Worksheet

ZIP_END = b"PK\x05\x06"  # end-of-central-directory record, the last 22 bytes of a zip without a comment
CODE_ROOT = Path(__file__).resolve().parents[1]  # the generator package: writers, locale strings, model


class WorkbookStore:
    """Builds a workbook once per distinct input; without a folder it simply builds.

    With `background`, workbooks not kept are made in a worker process (`prefetch`), while the build goes on:
    `later` gives a workbook's bytes when they are asked for. The bytes are the ones `get` makes. Without a
    folder, `later` makes a workbook only if it is asked for (a docs tree made to check links never asks).
    """

    def __init__(self, folder: Path | None = None, background: bool = False) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.background = background
        self.pending: dict[str, Future[bytes]] = {}
        self.pool: ProcessPoolExecutor | None = None

    def get(self, worksheet: Worksheet, variant: str, make: Callable[[Worksheet], bytes]) -> bytes:
        return self.later(worksheet, variant, make)()

    def later(self, worksheet: Worksheet, variant: str, make: Callable[[Worksheet], bytes]) -> Callable[[], bytes]:
        """A function giving the workbook; it is being made meanwhile if `prefetch` handed it to the worker."""
        if self.folder is None:
            return _once(lambda: make(worksheet))
        path = self.folder / f"{variant}-{worksheet.id}-{input_key(worksheet, variant)}.xlsx"
        self.used.add(path.name)
        kept = _whole(path)
        if kept is not None:
            return lambda: kept
        future = self.pending.get(path.name)
        if future is None and not self.background:
            return _once(lambda: self._keep(path, make(worksheet)))
        if future is None:
            future = self.pending[path.name] = self._worker().submit(make, worksheet)
        return _once(lambda: self._keep(path, future.result()))

    def prefetch(self, worksheets: Iterable[Worksheet], variants: dict[str, Callable[[Worksheet], bytes]]) -> None:
        """Hand every workbook that is not kept to the worker now, in course order."""
        if self.background and self.folder is not None:
            for worksheet in worksheets:
                for variant, make in variants.items():
                    self.later(worksheet, variant, make)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)  # an idle worker ends at once
            self.pool = None
        self.pending.clear()

    def _worker(self) -> ProcessPoolExecutor:
        if self.pool is None:  # spawn: `courseware serve` has threads, which fork does not copy safely
            # at a lower priority: workbooks are needed only once MkDocs is done, pages all the way through
            self.pool = ProcessPoolExecutor(1, multiprocessing.get_context("spawn"), initializer=os.nice,
                                            initargs=(10,))
        return self.pool

    def prune(self) -> None:
        """Drop entries this build did not use, so an author's many edits do not pile up."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.glob("*.xlsx"):
            if path.name not in self.used:
                path.unlink(missing_ok=True)

    def _keep(self, path: Path, data: bytes) -> bytes:
        try:  # written aside and renamed: a build stopped half-way never leaves a truncated workbook
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.part")
            partial.write_bytes(data)
            partial.replace(path)
        except OSError:
            pass  # a read-only cache costs time, never the build
        return data


def _once(make: Callable[[], bytes]) -> Callable[[], bytes]:
    """The workbook is made (or waited for, and kept) once, however often the build asks for it."""
    return functools.cache(make)


def _whole(path: Path) -> bytes | None:
    """A kept workbook, if it ends with its zip's central directory (a killed build may have cut it short)."""
    try:
        kept = path.read_bytes()
    except OSError:
        return None
    return kept if kept.endswith(b"\x00\x00") and kept[-22:-18] == ZIP_END else None


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
