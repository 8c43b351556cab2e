"""The class day: sessions, breaks and lunch, and what runs past the planned days."""

from __future__ import annotations

from generator.schedule import SESSIONS, clock, lay_out, overflow, taught_per_day


def _items(*minutes: int) -> list[tuple[str, int]]:
    return [(f"c{index}", value) for index, value in enumerate(minutes)]


def test_fills_days_with_breaks_and_never_crosses_lunch() -> None:
    items = _items(60, 45, 60, 60, 50, 50, 45, 60)
    slots = lay_out(items)
    taught = [slot for slot in slots if slot.item]
    assert [slot.item for slot in taught] == [name for name, _ in items]
    assert [(slot.time, slot.kind) for slot in slots[:6]] == [
        ("9:00–10:00", "class"), ("10:00–10:45", "class"), ("10:45–11:00", "break"),
        ("11:00–12:00", "class"), ("12:00–13:30", "lunch"), ("13:30–14:30", "class")]
    for slot in taught:
        assert any(start <= slot.start and slot.end <= end for start, end in SESSIONS)
    assert slots[-1].day == 2


def test_breaks_before_an_activity_that_would_keep_the_class_over_two_hours() -> None:
    slots = lay_out(_items(35, 50, 60))
    assert [(slot.time, slot.kind) for slot in slots] == [
        ("9:00–9:35", "class"), ("9:35–10:25", "class"), ("10:25–10:40", "break"), ("10:40–11:40", "class")]


def test_gives_an_overlong_activity_a_session_of_its_own() -> None:
    slots = lay_out(_items(30, 240, 30))
    assert [(slot.day, clock(slot.start), slot.kind) for slot in slots] == [
        (1, "9:00", "class"), (1, "12:00", "lunch"), (1, "13:30", "class"), (2, "9:00", "class")]


def test_skips_activities_without_minutes() -> None:
    assert lay_out(_items(0, 0)) == []


def test_counts_class_minutes_per_day_and_names_what_runs_over() -> None:
    slots = lay_out(_items(*[60] * 12))
    assert taught_per_day(slots) == {1: 300, 2: 300, 3: 120}
    assert overflow(slots, 2) == ["c10", "c11"]
    assert overflow(slots, 3) == []
