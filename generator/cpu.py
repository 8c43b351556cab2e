"""How much of this machine's CPU other processes leave free: whether a build's worker processes would help.

The first look is taken when the package is imported, so that the window of a command's first decision holds
its own start (imports take ~0.3 s): the 1-minute load average alone still counts a build that ended a moment
ago, and in a benchmark that runs builds one after another it said "busy" on an idle machine.
"""

from __future__ import annotations

import os
from pathlib import Path

MIN_TICKS = 10  # per core: a tenth of a second at the usual 100 ticks a second


def cores() -> set[int]:
    return os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else set(range(os.cpu_count() or 1))


def idle_cores() -> float:
    """How many of this process's cores were idle since the last look (0 with one core: nothing to spare).
    Without /proc/stat, or over too short a window, the load average decides."""
    mine = cores()
    if len(mine) < 2:
        return 0.0
    now, before = _cpu_ticks(mine), _LAST_LOOK[0]
    _LAST_LOOK[0] = now
    if now is not None and before is not None and now[1] - before[1] >= MIN_TICKS * len(mine):
        return len(mine) * (now[0] - before[0]) / (now[1] - before[1])
    try:
        return len(mine) - os.getloadavg()[0]
    except OSError:  # no load average on this system either
        return 1.0


def _cpu_ticks(mine: set[int]) -> tuple[int, int] | None:
    """(idle, all) clock ticks of these cores since boot."""
    try:
        lines = Path("/proc/stat").read_text(encoding="ascii").splitlines()
    except OSError:
        return None
    idle = total = 0
    for line in lines:
        name, *fields = line.split()
        if name.startswith("cpu") and name[3:].isdigit() and int(name[3:]) in mine:
            ticks = [int(field) for field in fields[:8]]
            idle, total = idle + ticks[3] + ticks[4], total + sum(ticks)  # idle and waiting for disk
    return (idle, total) if total else None


_LAST_LOOK: list[tuple[int, int] | None] = [_cpu_ticks(cores())]
