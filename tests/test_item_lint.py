"""Item-writing lint: each cue a learner could game is reported, with its thresholds."""

from __future__ import annotations

from generator.diagnostics import Loc
from generator.model.quiz import Option, Question, QuestionBank
from generator.model.roleplay import Branching, Ending, Reply, Roleplay, Turn
from generator.model.text import Id, Markdown, Text
from generator.validate.item_lint import lint_items, text_length

HERE = Loc("quizzes/t.yaml", 3, 5)


def _single(n: int, right: str, wrong: tuple[str, ...], stem: str = "") -> Question:
    options = (Option(text=Text(right, HERE), feedback=Text("f"), correct=True),
               *(Option(text=Text(w, HERE), feedback=Text("f")) for w in wrong))
    return Question(id=Id(f"q{n}"), type="single", node=Id("n"), stem=Markdown(stem or f"第 {n} 题怎么做？", HERE),
                    explanation=Markdown("e"), options=options)


def _truefalse(n: int, answer: bool) -> Question:
    return Question(id=Id(f"tf{n}"), type="truefalse", node=Id("n"), stem=Markdown(f"判断 {n}", HERE),
                    explanation=Markdown("e"), answer=answer)


def _bank(*questions: Question) -> QuestionBank:
    return QuestionBank(bank=Id("t", Loc("quizzes/t.yaml", 1, 7)), title=Text("t"), questions=questions)


def _codes(banks: list[QuestionBank], roleplays: tuple[Roleplay, ...] = ()) -> list[str]:
    return [d.code for d in lint_items(banks, roleplays)]


def test_length_ignores_markdown_and_spaces() -> None:
    assert text_length("先问 **原因**，再 [谈](x.md) 条件") == 9


def test_longest_correct_share_is_reported_with_counts() -> None:
    bank = _bank(*(_single(i, "先问清原因再谈条件", ("直接答应", "拖着不回")) for i in range(3)),
                 _single(3, "先问", ("直接答应降价", "拖着不回复")), _single(4, "先问", ("直接答应降价", "拖着")))
    found = lint_items([bank], ())
    share = [d for d in found if d.code == "lint-longest-correct"]
    assert [d.message for d in share] == ["题库“t”里 3/5 道选择题（60%）的正确项就是最长的选项，超过 40%"]
    assert share[0].loc == Loc("quizzes/t.yaml", 1, 7) and not share[0].is_error


def test_two_in_five_longest_is_within_the_limit() -> None:
    bank = _bank(*(_single(i, "先问清原因", ("直接答应", "拖着")) for i in range(2)),
                 *(_single(i, "先问", ("直接答应降价", "拖着不回复")) for i in range(2, 5)))
    assert "lint-longest-correct" not in _codes([bank])


def test_correct_option_much_longer_than_the_others() -> None:
    question = _single(1, "一二三四五六七八九十一二三", ("一二三四五六七八九十", "一二三四五六七八"))
    found = lint_items([_bank(question)], ())
    assert [d.message for d in found if d.code == "lint-long-option"] == [
        "正确项 13 个字，是其他选项平均长度（9 字）的 1.3 倍以上"]


def test_answer_position_needs_eight_items() -> None:
    same = [_single(i, "甲做法", ("乙做法", "丙做法")) for i in range(7)]
    assert "lint-answer-position" not in _codes([_bank(*same)])
    assert "lint-answer-position" in _codes([_bank(*same, _single(8, "甲做法", ("乙做法", "丙做法")))])


def test_truefalse_balance_per_bank_and_course() -> None:
    mostly_false = _bank(*(_truefalse(i, i == 0) for i in range(5)))
    messages = [d.message for d in lint_items([mostly_false], ()) if d.code == "lint-truefalse-balance"]
    assert messages == ["t的判断题 5 道中答案为“对”的有 1 道，应在 30%–70% 之间",
                        "全课程的判断题 5 道中答案为“对”的有 1 道，应在 40%–60% 之间"]
    balanced = _bank(*(_truefalse(i, i % 2 == 0) for i in range(6)))
    assert "lint-truefalse-balance" not in _codes([balanced])


def test_all_of_the_above_and_unbolded_negative_stem() -> None:
    question = _single(1, "以上都对", ("先问原因", "直接答应"), stem="下列哪一项不是守价的理由？")
    assert _codes([_bank(question)]) == ["lint-all-of-above", "lint-negative-stem"]
    bolded = _single(1, "先问原因", ("直接答应", "拖着不回"), stem="下列哪一项**不是**守价的理由？")
    told = _single(2, "先问原因", ("直接答应", "拖着不回"), stem="客户说不是价格的问题，你先做什么？")
    assert _codes([_bank(bolded, told)]) == []


def _roleplay(best_longest: int, turns: int) -> Roleplay:
    def turn(i: int) -> Turn:
        good, bad = ("先问清原因，再谈条件", "好") if i < best_longest else ("先问原因", "好的，那就按您说的降吧")
        return Turn(id=Id(f"t{i}"), line=Text("客户"), replies=(
            Reply(text=Text(good), feedback=Text("f"), score=9, next=Id("end")),
            Reply(text=Text(bad), feedback=Text("f"), score=2, next=Id("end"))))
    branching = Branching(start=Id("t0"), turns=tuple(turn(i) for i in range(turns)),
                          endings=(Ending(id=Id("end"), outcome="won", title=Text("e"), debrief=Markdown("d")),))
    return Roleplay.__new__(Roleplay) if False else _with_branching(branching)


def _with_branching(branching: Branching) -> Roleplay:
    import dataclasses

    fields = {f.name: None for f in dataclasses.fields(Roleplay) if f.name not in ("loc", "locs")}
    fields.update(id=Id("rp-t", Loc("content/roleplays/rp-t.yaml", 1, 5)), branching=branching)
    return Roleplay(**fields)


def test_branching_length_cue() -> None:
    assert [d.message for d in lint_items([], (_roleplay(3, 4),))] == [
        "角色扮演“rp-t”的 4 个节点里有 3 个，得分最高的回答也是最长的，超过 50%"]
    assert lint_items([], (_roleplay(2, 4),)) == []
