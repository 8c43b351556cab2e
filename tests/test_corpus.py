"""The bad-input corpus: each case gives its exact one-screen message and leaves site/ as it was."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import main

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(path.name for path in CORPUS.iterdir() if path.is_dir())


def _prepare(case: str, course: Path) -> None:
    ignore = shutil.ignore_patterns("expected.txt", "GENERATED", "STRICT")
    shutil.copytree(CORPUS / case, course, dirs_exist_ok=True, ignore=ignore)
    if case == "huge-file":
        # 20 MB is generated rather than committed; what matters is that it is refused unread.
        with open(course / "content/modules/huge.yaml", "w", encoding="utf-8") as handle:
            handle.write("summary: " + "很" * (7 * 1024 * 1024) + "\n")
    if case == "roleplay-thousand-turns":
        _write_long_loop(course / "content/roleplays/rp-visit.yaml", turns=1000)


def _write_long_loop(path: Path, turns: int) -> None:
    """The scaffold's role-play with its script replaced by a chain of turns that loops back to the start."""
    text = path.read_text(encoding="utf-8")
    head, _, tail = text.partition("  turns:\n")
    endings = tail[tail.index("  endings:\n"):]
    lines = [head.replace("start: opening", "start: t0"), "  turns:\n"]
    for number in range(turns):
        following = f"t{(number + 1) % turns}"
        lines.append(f"    - id: t{number}\n      line: 第 {number} 句\n      replies:\n")
        for text_, score in (("好的，我再确认一下交期", 5), ("先这样吧，回头再说", 1)):
            lines.append(f"        - text: {text_}\n          feedback: 继续\n          score: {score}\n"
                         f"          next: {following}\n")
    path.write_text("".join(lines) + endings, encoding="utf-8")


def _digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("case", CASES)
def test_bad_input_gives_expected_message(case: str, sample_course: Path, capsys, update_golden: bool) -> None:
    _prepare(case, sample_course)
    # a case holding only warnings carries a STRICT marker: --strict makes them fail like errors
    strict = ["--strict"] if (CORPUS / case / "STRICT").exists() else []
    status = main(["--course", str(sample_course), "validate", *strict])
    output = capsys.readouterr().err
    expected_file = CORPUS / case / "expected.txt"
    if update_golden:
        expected_file.write_text(output, encoding="utf-8")
    assert status == 1
    assert "Traceback" not in output
    assert output == expected_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES)
def test_failed_build_leaves_site_untouched(case: str, sample_course: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert not pipeline.build(sample_course, site).failed(strict=False)
    before = _digest(site)
    build_before = _digest(sample_course / "build")
    _prepare(case, sample_course)
    strict = (CORPUS / case / "STRICT").exists()
    outcome = pipeline.build(sample_course, site, strict=strict)
    assert outcome.failed(strict=strict)
    assert _digest(site) == before
    assert _digest(sample_course / "build") == build_before
    assert not [p for p in site.parent.iterdir() if p.name.startswith(".site")]
