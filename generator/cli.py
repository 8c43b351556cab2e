"""courseware validate | build | serve | pdf | new | schema | export | import-bank | package — exit 0 ok,
1 content errors, 2 usage."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from generator import pipeline
from generator.engine import stop_search_worker
from generator.formatter import format_json, format_summary, format_text
from generator.locale import argparse_text, cli
from generator.render import EDITIONS

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


@contextlib.contextmanager
def _chinese_argparse() -> Iterator[None]:
    """argparse words its help and errors through gettext's `_`, looked up at call time; with no Chinese
    catalogue installed anywhere, pointing it at our table makes `courseware -h` read in Chinese. Only
    while courseware parses its own arguments: other users of argparse in the process are left alone."""
    saved = argparse._  # type: ignore[attr-defined]
    argparse._ = argparse_text  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = saved  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(cli("usage_error", message=message), file=sys.stderr)
        sys.exit(EXIT_USAGE)


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="courseware", description=cli("description"), epilog=cli("epilog"))
    parser.add_argument("--course", type=Path, default=Path("."), help=cli("course"))
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in ("validate", "build", "serve", "pdf"):
        sub = commands.add_parser(name, help=cli(name), description=cli(name))
        sub.add_argument("--strict", action="store_true", help=cli("strict"))
        sub.add_argument("--format", choices=("text", "json"), default="text", help=cli("format"))
        sub.add_argument("--plan", help=cli("plan"))
        if name != "validate":
            sub.add_argument("-o", "--output", type=Path, help=cli("output"))
            sub.add_argument("--edition", choices=EDITIONS, default="learner", help=cli("edition"))
    commands.choices["serve"].add_argument("--port", type=int, default=8000, help=cli("port"))
    commands.choices["pdf"].add_argument("--out", type=Path, help=cli("pdf_out"))
    package = commands.add_parser("package", help=cli("package"), description=cli("package"))
    package.add_argument("--scorm", action="store_true", help=cli("package_scorm"))
    package.add_argument("--out", type=Path, help=cli("package_out"))
    package.add_argument("--edition", choices=EDITIONS, default="learner", help=cli("edition"))
    package.add_argument("--strict", action="store_true", help=cli("strict"))
    package.add_argument("--format", choices=("text", "json"), default="text", help=cli("format"))
    new = commands.add_parser("new", help=cli("new"), description=cli("new"))
    new.add_argument("target", type=Path, help=cli("target"))
    new.add_argument("--profile", choices=("neutral", "sales"), default="neutral", help=cli("new_profile"))
    schema = commands.add_parser("schema", help=cli("schema"), description=cli("schema"))
    schema.add_argument("kind", nargs="?", help=cli("schema_kind"))
    _add_bank_commands(commands)
    for sub in commands.choices.values():  # `courseware build --course X` works like `courseware --course X build`
        sub.add_argument("--course", type=Path, default=argparse.SUPPRESS, help=cli("course"))
    return parser


def _add_bank_commands(commands: argparse._SubParsersAction) -> None:
    from generator.export.exchange import FORMATS

    export = commands.add_parser("export", help=cli("export"), description=cli("export"))
    export.add_argument("--format", dest="formats", action="append", choices=FORMATS, help=cli("export_format"))
    export.add_argument("--out", type=Path, help=cli("export_out"))
    bank = commands.add_parser("import-bank", help=cli("import_bank"), description=cli("import_bank"))
    bank.add_argument("file", type=Path, help=cli("import_file"))
    bank.add_argument("--out", type=Path, help=cli("import_out"))


def run() -> NoReturn:
    """The `courseware` command: `main`, then an exit that skips tearing the interpreter down. Freeing a build's
    objects one by one took 0.3 s, a seventh of a build with nothing changed, and by then nothing is left to
    write: the site was swapped in, temporary folders removed, and the workers are stopped here."""
    code = main()
    stop_search_worker()  # still running after a build that failed, or after `serve`
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    with _chinese_argparse():
        args = make_parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        print(cli("interrupted"), file=sys.stderr)
        return EXIT_USAGE


def _run(args: argparse.Namespace) -> int:
    if args.command == "new":
        from generator.scaffold import create_course

        return create_course(args.target, args.profile)
    if args.command == "schema":
        from generator.schema import print_schema

        return print_schema(args.kind)
    root = args.course.resolve()
    if args.command in ("export", "import-bank"):
        from generator import bank_commands

        return bank_commands.run(args, root)
    if args.command == "validate":
        return _report(pipeline.check(root, _progress(args), args.plan), args, root)
    if args.command == "build":
        return _build(args, root)
    if args.command == "pdf":
        return _pdf(args, root)
    if args.command == "package":
        return _package(args, root)
    from generator.serve import serve

    return serve(root, _site(args, root), args.edition, args.port)


def _build(args: argparse.Namespace, root: Path) -> int:
    started = time.perf_counter()
    site = _site(args, root)
    outcome = pipeline.build(root, site, args.edition, args.strict, _progress(args), args.plan)
    status = _report(outcome, args, root)
    if status == EXIT_OK and args.format == "text":
        print(cli("built", site=site, pages=outcome.pages, seconds=time.perf_counter() - started))
        print(cli("open_hint"))
    return status


def _pdf(args: argparse.Namespace, root: Path) -> int:
    from generator import pdf

    chromium = pdf.find_chromium()
    if chromium is None:
        print(cli("pdf_no_chromium"), file=sys.stderr)
        return EXIT_USAGE
    site = _site(args, root)
    if pdf.needs_build(root, site, args.edition):
        status = _build(args, root)
        if status != EXIT_OK:
            return status
    out = (args.out or root / "pdf").resolve()
    written = []
    for page in pdf.print_pages(site):
        try:
            written.append(pdf.print_to_pdf(chromium, page, out / f"{page.stem}.pdf"))
        except pdf.PrintFailed as exc:
            print(cli("pdf_failed", page=page.name, reason=exc), file=sys.stderr)
            return EXIT_CONTENT
        print(cli("pdf_written", path=written[-1]), file=sys.stderr)
    print(cli("pdf_done", count=len(written), out=out))
    return EXIT_OK


def _package(args: argparse.Namespace, root: Path) -> int:
    if not args.scorm:
        print(cli("package_no_kind"), file=sys.stderr)
        return EXIT_USAGE
    from generator.package.scorm import package_scorm

    outcome, packed = package_scorm(root, args.out, args.edition, args.strict, _progress(args))
    status = _report(outcome, args, root)
    if packed is not None and args.format == "text":
        print(cli("package_done", out=packed.out, files=packed.files, size=round(packed.size / 1024)))
    return status


def _site(args: argparse.Namespace, root: Path) -> Path:
    return (args.output or root / "site").resolve()


def _progress(args: argparse.Namespace) -> Callable[[str], None]:
    if args.format == "json":
        return lambda _: None
    return lambda text: print(text, file=sys.stderr, flush=True)


def _report(outcome: pipeline.Outcome, args: argparse.Namespace, root: Path) -> int:
    if args.format == "json":
        print(format_json(outcome.diagnostics))
    else:
        if outcome.diagnostics:
            print(format_text(outcome.diagnostics, root), file=sys.stderr)
        print(format_summary(outcome.diagnostics, outcome.files, args.strict), file=sys.stderr)
    return EXIT_CONTENT if outcome.failed(args.strict) else EXIT_OK
