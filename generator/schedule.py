"""The class day: activities laid out over sessions with breaks. Pure; validate and render both use it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

SESSIONS = ((9 * 60, 12 * 60), (13 * 60 + 30, 17 * 60))  # morning and afternoon, minutes after midnight
BREAK = 15
BREAK_AFTER = 90  # teaching minutes before a break is due
LONGEST_STRETCH = 120  # nor may the next activity take a class past this without a break


@dataclass(frozen=True)
class Slot:
    day: int
    start: int
    end: int
    item: Any = None  # what is taught (a chapter view in render, a name in validate); None for a pause
    kind: str = "class"  # or "break", "lunch"

    @property
    def time(self) -> str:
        return f"{clock(self.start)}–{clock(self.end)}"

    @property
    def minutes(self) -> int:
        return self.end - self.start


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def session_times() -> list[tuple[str, str]]:
    return [(clock(start), clock(end)) for start, end in SESSIONS]


def lay_out(items: Sequence[tuple[Any, int]]) -> list[Slot]:
    """(item, minutes) in order over days of two sessions; a 15-minute break after about 90 minutes
    (and before an activity that would keep the class over two hours without one).

    An item never straddles lunch or the evening; one longer than a whole session gets a session alone.
    """
    slots: list[Slot] = []
    day, session, since_break = 1, 0, 0
    now = SESSIONS[0][0]
    for item, minutes in (pair for pair in items if pair[1] > 0):
        while True:
            start, end = SESSIONS[session]
            due = _break_due(since_break, minutes)
            if due and now + BREAK + minutes <= end:
                slots.append(Slot(day, now, now + BREAK, None, "break"))
                now, since_break, due = now + BREAK, 0, False
            if (not due and now + minutes <= end) or now == start:  # a due break that does not fit ends the session
                slots.append(Slot(day, now, now + minutes, item))
                now, since_break = now + minutes, since_break + minutes
                break
            session = (session + 1) % len(SESSIONS)
            if session:
                slots.append(Slot(day, SESSIONS[session - 1][1], SESSIONS[session][0], None, "lunch"))
            day += session == 0
            now, since_break = SESSIONS[session][0], 0
    return slots


def _break_due(since_break: int, minutes: int) -> bool:
    return since_break >= BREAK_AFTER or (since_break > 0 and since_break + minutes > LONGEST_STRETCH)


def group_days(slots: list[Slot]) -> list[tuple[int, list[Slot]]]:
    days: dict[int, list[Slot]] = {}
    for slot in slots:
        days.setdefault(slot.day, []).append(slot)
    return sorted(days.items())


def taught_per_day(slots: list[Slot]) -> dict[int, int]:
    """Class minutes (breaks and lunch left out) on each day."""
    used: dict[int, int] = {}
    for slot in slots:
        used[slot.day] = used.get(slot.day, 0) + (slot.minutes if slot.item is not None else 0)
    return used


def overflow(slots: list[Slot], days: int) -> list[Any]:
    """The items that land after the last planned day, in order."""
    return [slot.item for slot in slots if slot.day > days and slot.item is not None]
