"""`courseware export` and `courseware import-bank`: the question banks out to an LMS or exam system and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import pipeline
from generator.diagnostics import has_errors
from generator.export.exchange import FORMATS, export_banks, import_bank
from generator.formatter import format_summary, format_text
from generator.locale import cli, os_reason

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
_NAMES = {"moodle": "Moodle XML", "gift": "GIFT", "xlsx": ".xlsx"}


def run(args: argparse.Namespace, root: Path) -> int:
    try:
        return _export(args, root) if args.command == "export" else _import(args, root)
    except OSError as exc:  # an output folder that is a file, or read-only: say so, no traceback
        print(cli("write_failed", path=exc.filename or args.out, reason=os_reason(exc)), file=sys.stderr)
        return EXIT_USAGE


def _export(args: argparse.Namespace, root: Path) -> int:
    """Only a course that validates is exported: a half-loaded bank would export half its questions."""
    outcome = pipeline.check(root, lambda text: print(text, file=sys.stderr, flush=True))
    if outcome.course is None or outcome.failed(strict=False):
        print(format_text(outcome.diagnostics, root), file=sys.stderr)
        print(format_summary(outcome.diagnostics, outcome.files, False), file=sys.stderr)
        return EXIT_CONTENT
    formats = tuple(dict.fromkeys(args.formats or FORMATS))
    out = (args.out or root / "export").resolve()
    result = export_banks(outcome.course, formats, out)
    for name in formats:
        files = [path for path in result.files if path.parent.name == name]
        size = sum(path.stat().st_size for path in files)
        print(cli("export_done", format=_NAMES[name], files=len(files), questions=result.questions[name],
                  kib=size / 1024, folder=out / name))
    print(cli("export_report", gaps=len(result.gaps), path=out / "report.txt"))
    return EXIT_OK


def _import(args: argparse.Namespace, root: Path) -> int:
    out = (args.out or root / "quizzes").resolve()
    written, problems = import_bank(args.file, str(args.file), out)
    if problems:
        print(format_text(problems, root), file=sys.stderr)
    if has_errors(problems):
        errors = sum(1 for problem in problems if problem.is_error)
        print(cli("import_failed", errors=errors, warnings=len(problems) - errors), file=sys.stderr)
        return EXIT_CONTENT
    for path in written:
        print(cli("import_written", path=path))
    print(cli("import_done", count=len(written)))
    return EXIT_OK
