"""The two commands' work: every bank out in the chosen formats with a report; an .xlsx bank back into YAML."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostic, has_errors
from generator.export import bank_writer, gift, moodle
from generator.export.bank_reader import read_bank_file
from generator.export.common import Gap, exported_banks, format_report
from generator.load.yamlsource import dump_yaml
from generator.locale import zh
from generator.model.course import Course
from generator.model.quiz import QuestionBank

FORMATS = ("moodle", "gift", "xlsx")
REPORT = "report.txt"
BankWriter = Callable[[QuestionBank], tuple[bytes, list[Gap]]]
_PER_BANK: dict[str, tuple[BankWriter, str]] = {"moodle": (moodle.write_bank, ".xml"),
                                                "gift": (gift.write_bank, ".gift.txt")}


@dataclass
class Exported:
    files: list[Path] = field(default_factory=list)
    questions: dict[str, int] = field(default_factory=dict)  # format -> questions written
    gaps: list[Gap] = field(default_factory=list)


def export_banks(course: Course, formats: tuple[str, ...], out: Path) -> Exported:
    """Write each format under out/<format>/ and out/report.txt; the same course gives the same bytes."""
    result = Exported()
    banks = exported_banks(course.banks)
    for name in formats:
        if name == "xlsx":
            data, gaps = bank_writer.write_workbook(tuple(course.banks), zh.EXPORT["xlsx_title"])
            _write(out / "xlsx" / "bank.xlsx", data, result)
            result.questions[name] = _written(banks, gaps)
            result.gaps += gaps
            continue
        writer, suffix = _PER_BANK[name]
        found: list[Gap] = []
        for bank in banks:
            data, gaps = writer(bank)
            _write(out / name / f"{bank.bank}{suffix}", data, result)
            found += gaps
        result.questions[name] = _written(banks, found)
        result.gaps += found
    _write(out / REPORT, format_report(result.gaps).encode("utf-8"), result)
    return result


def _written(banks: tuple[QuestionBank, ...], gaps: list[Gap]) -> int:
    return sum(len(bank.questions) for bank in banks) - len({gap.question for gap in gaps if gap.dropped})


def _write(path: Path, data: bytes, result: Exported) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    result.files.append(path)


def import_bank(source: Path, shown: str, out: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Read the .xlsx bank; write out/<bank>.yaml for each bank in it only when no row has an error."""
    banks, problems = read_bank_file(source, shown)
    if has_errors(problems):
        return [], problems
    written = []
    out.mkdir(parents=True, exist_ok=True)
    for bank in banks:
        path = out / f"{bank['bank']}.yaml"
        path.write_text(dump_yaml(bank, zh.EXPORT["yaml_header"].format(source=source.name)), encoding="utf-8")
        written.append(path)
    return written, problems
