"""GIFT export parsed by the real gift-pegjs parser (tests/js, installed by `make test`) through node."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from typing import Any

import pytest

from generator.export import gift, moodle
from generator.export.common import credit, scenario_text
from generator.model.quiz import Question, QuestionBank
from tests.bank_samples import RESERVED, bundled_course, odd_bank
from tests.conftest import REPO

JS = REPO / "tests" / "js"
GIFT_TYPES = {"single": "MC", "multiple": "MC", "scenario": "MC", "truefalse": "TF", "matching": "Matching",
              "reflection": "Essay"}  # ordering has no GIFT type: left out and reported


def parse_gift(data: bytes) -> list[dict[str, Any]]:
    node = shutil.which("node")
    assert node, "node is needed to run gift-pegjs (apt-get install nodejs)"
    assert (JS / "node_modules" / "gift-pegjs").is_dir(), "run `make tests/js/node_modules/.installed`"
    done = subprocess.run([node, str(JS / "parse_gift.js")], input=data, capture_output=True, cwd=JS, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8")
    return json.loads(done.stdout)


def _decoded(text: str) -> str:
    """gift-pegjs 1.0.2 leaves its escape placeholders (&&058; for \\:) in a matching answer, where Moodle's own
    importer decodes them (qformat_gift escapedchar_post): undo them here, as Moodle would."""
    for code, char in (("&&058;", ":"), ("&&035;", "#"), ("&&061;", "="), ("&&123;", "{"), ("&&125;", "}"),
                       ("&&126;", "~"), ("&&010", "\n"), ("&&092;", "\\")):
        text = text.replace(code, char)
    return text


def _text(value: dict[str, Any] | None) -> str:
    return value["text"] if value else ""


def _check(question: Question, parsed: dict[str, Any]) -> None:
    assert parsed["type"] == GIFT_TYPES[question.type]
    assert parsed["title"] == question.id == parsed["id"]
    assert parsed["stem"] == {"format": "markdown", "text": scenario_text(question).strip()}
    assert parsed["tags"] == (list(question.tags) or None)
    assert _text(parsed["globalFeedback"]).startswith(question.explanation.strip())
    if question.type in ("single", "multiple", "scenario"):
        choices = parsed["choices"]
        assert [_text(c["text"]) for c in choices] == [o.text.strip() for o in question.options]
        assert [_text(c["feedback"]) for c in choices] == [o.feedback.strip() for o in question.options]
        weights = [100 if c["isCorrect"] and c["weight"] is None else (c["weight"] or 0) for c in choices]
        if question.type == "multiple":
            assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=0.001)
        elif question.type == "single":
            assert weights == [100 if o.correct else 0 for o in question.options]
        else:
            assert weights == [moodle.nearest_fraction(credit(o)) for o in question.options]
    elif question.type == "truefalse":
        assert parsed["isTrue"] is question.answer
        # gift-pegjs calls them true/falseFeedback; Moodle's importer reads them as wrong-answer, right-answer
        assert _text(parsed["trueFeedback"]) == (question.feedback_wrong or "").strip()
        assert _text(parsed["falseFeedback"]) == (question.feedback_right or "").strip()
    elif question.type == "matching":
        assert [(_text(p["subquestion"]), _decoded(p["subanswer"])) for p in parsed["matchPairs"]] == [
            (pair.left.strip(), pair.right.strip()) for pair in question.pairs]
    else:
        assert (question.model_answer or "").strip() in _text(parsed["globalFeedback"])


def _check_bank(bank: QuestionBank) -> dict[str, int]:
    data, gaps = gift.write_bank(bank)
    category, *parsed = parse_gift(data)
    assert category == {"type": "Category", "title": f"$course$/top/{gift.escape(str(bank.title))}"}
    kept = [q for q in bank.questions if q.type != "ordering"]
    assert len(parsed) == len(kept)
    for question, found in zip(kept, parsed, strict=True):
        _check(question, found)
    dropped = {g.question for g in gaps if g.dropped}
    assert dropped == {str(q.id) for q in bank.questions if q.type == "ordering"}
    counts: dict[str, int] = {}
    for question in kept:
        counts[question.type] = counts.get(question.type, 0) + 1
    return counts


def test_every_bundled_bank_parses_with_counts_and_types_matching() -> None:
    totals: dict[str, int] = {}
    banks = [bank for bank in bundled_course().banks if bank.questions]
    for bank in banks:
        for kind, count in _check_bank(bank).items():
            totals[kind] = totals.get(kind, 0) + count
    assert set(totals) == set(GIFT_TYPES)
    assert sum(totals.values()) == 191 - 10  # the 10 ordering questions are in the report instead


def test_reserved_characters_paragraphs_and_chinese_come_back_unchanged() -> None:
    bank = odd_bank()
    _check_bank(bank)
    data, gaps = gift.write_bank(bank)
    parsed = {q.get("title"): q for q in parse_gift(data)}
    assert _text(parsed["odd-single"]["globalFeedback"]) == RESERVED
    assert "\n\n第二段" in parsed["odd-single"]["stem"]["text"]
    reasons = {(g.question, g.dropped) for g in gaps}
    assert "odd-matching" not in {question for question, _ in reasons}  # "->" on the right is kept as written
    assert ("odd-ordering", True) in reasons


def test_an_arrow_in_a_left_column_is_reported() -> None:
    question = odd_bank().questions[4]
    arrow = dataclasses.replace(question, pairs=(dataclasses.replace(question.pairs[0], left="急单 -> 插单"),
                                                 question.pairs[1]))
    _, gaps = gift.write_bank(dataclasses.replace(odd_bank(), questions=(arrow,)))
    assert [(g.question, g.format, g.dropped) for g in gaps] == [("odd-matching", "GIFT", False)]


def test_the_same_bank_gives_the_same_bytes() -> None:
    assert gift.write_bank(odd_bank())[0] == gift.write_bank(odd_bank())[0]
