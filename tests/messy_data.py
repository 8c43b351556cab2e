"""Messy learner data for every worksheet: blanks, ties, text typed into number cells, duplicates, year-end dates.

The same seed gives the same table, so a failure can be reproduced by its workbook id alone.
"""

from __future__ import annotations

import datetime
import random
import zlib

from generator.model.worksheet import Column, DataSheet
from generator.workbook.checks import DEFAULT_BOUNDS, serial
from generator.workbook.compute import EPOCH
from generator.workbook.layout import lay_out

NAMES = ("华东电器", "宏达家电", "远航汽配", "新锐照明", "美格家电", "博远电子", "丰华五金", "华东电器")
TEXT_IN_NUMBER = ("停单", "n/a", "1,200", "约5万", "—")
YEAR_ENDS = ("2025-12-31", "2026-01-01", "2026-12-31", "2027-01-01", "2024-02-29", "2026-11-30")


def messy_rows(worksheet_id: str, sheet: DataSheet) -> list[dict[str, object]]:
    """50 to 300 rows (no more than the sheet prepares), seeded by the workbook and sheet."""
    chance = random.Random(zlib.crc32(f"{worksheet_id}/{sheet.title}".encode()))
    count = chance.randint(50, min(300, lay_out(sheet).capacity))
    inputs = [column for column in sheet.columns if column.type != "formula"]
    rows: list[dict[str, object]] = []
    for _ in range(count):
        if rows and chance.random() < 0.08:
            rows.append(dict(chance.choice(rows)))  # a duplicate row, as when a list is pasted twice
            continue
        rows.append({str(c.name): _value(c, chance) for c in inputs})
    return rows


def _value(column: Column, chance: random.Random) -> object:
    roll = chance.random()
    if roll < 0.10:
        return None  # left blank
    if column.type == "choice":
        return chance.choice(column.choices) if roll > 0.13 else "其他"
    if column.type == "text":
        return chance.choice(NAMES) if roll > 0.15 else "待查"
    if roll < 0.15:
        return chance.choice(TEXT_IN_NUMBER)
    if column.type == "date":
        return _date(column, chance)
    if roll < 0.19 and (column.min is not None or column.max is not None):
        return _outside(column, chance)  # pasted past the input check: 105% retention, 11 on a 0–10 scale
    return _number(column, chance)


def _outside(column: Column, chance: random.Random) -> float:
    step = 0.1 if column.type == "percent" else 1.0
    if column.max is not None and (column.min is None or chance.random() < 0.5):
        return serial(column.max.value) + step
    assert column.min is not None
    return serial(column.min.value) - step


def _number(column: Column, chance: random.Random) -> float:
    low, high = DEFAULT_BOUNDS[column.type]
    low = serial(column.min.value) if column.min is not None else low
    high = serial(column.max.value) if column.max is not None else high
    if column.type == "percent":
        low, high = max(low, -1.0), min(high, 1.0)
        return float(chance.choice((low, high, round(chance.uniform(low, high), 2), 0.25, 0.25)))
    if column.type == "integer":
        return float(chance.choice((int(low), min(int(high), 10), chance.randint(int(low), min(int(high), 500)))))
    top = min(high, 5_000_000.0)
    return float(chance.choice((max(low, 0.0), 100.0, 100.0, round(chance.uniform(max(low, 0.0), top), 2),
                                round(chance.uniform(max(low, 0.0), top), -3))))


def _date(column: Column, chance: random.Random) -> str:
    if chance.random() < 0.4:
        return chance.choice(YEAR_ENDS)
    start = datetime.date(2024, 6, 1)
    if column.min is not None:
        start = EPOCH + datetime.timedelta(days=serial(column.min.value))
    return (start + datetime.timedelta(days=chance.randint(0, 1200))).isoformat()
