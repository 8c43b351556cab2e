"""Role-plays: placed in the syllabus, and a branching script a learner can always finish.

The graph rules mirror what a learner would hit in the practice widget: a node nobody can reach is
dead weight, a reply pointing nowhere breaks the page, and a loop with no exit never ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from generator.diagnostics import Diagnostic
from generator.locale import kind, suggest, zh
from generator.model.outline import Outline
from generator.model.profile import Profile
from generator.model.roleplay import Branching, Ending, Roleplay, Turn
from generator.validate.report import duplicates, error, unknown

MIN_REPLIES, MAX_REPLIES = 2, 4


def check_roleplays(roleplays: Sequence[Roleplay], outline: Outline, profile: Profile) -> list[Diagnostic]:
    problems = duplicates(play.id for play in roleplays)
    for play in roleplays:
        problems += _check_file_name(play) + _check_nodes(play, outline)
        problems += check_branching(play.id, play.branching, profile)
    return problems


def check_branching(play_id: str, branching: Branching, profile: Profile) -> list[Diagnostic]:
    """Every rule on one script; pure, so the tests can feed it graphs directly."""
    every: tuple[Turn | Ending, ...] = (*branching.turns, *branching.endings)
    nodes: dict[str, Turn | Ending] = {}
    for node in every:
        nodes.setdefault(node.id, node)
    problems = duplicates(node.id for node in every)
    problems += _check_start(branching, nodes)
    for turn in branching.turns:
        problems += _check_replies(turn, nodes)
    turns: dict[str, Turn] = {turn.id: turn for turn in reversed(branching.turns)}  # first definition wins
    reachable = _reachable(branching, turns, nodes)
    problems += _unreachable(branching, reachable)
    problems += _loops(branching, turns, reachable)
    return problems + _check_outcomes(play_id, branching, profile)


def _check_outcomes(play_id: str, branching: Branching, profile: Profile) -> list[Diagnostic]:
    """Each ending is one of the profile's kinds, and at least one is of a best kind."""
    kinds = [str(ending.id) for ending in profile.endings]
    problems = [error(ending.outcome.loc, "invalid-choice", key="outcome", value=ending.outcome,
                      choices="、".join(kinds)) for ending in branching.endings if ending.outcome not in kinds]
    best = [ending for ending in profile.endings if ending.best]
    if problems or not best:  # a misspelt outcome is the thing to fix; a profile without a best kind is reported once
        return problems
    if not any(profile.ending(ending.outcome) in best for ending in branching.endings):
        problems.append(error(branching.locs.get("endings", branching.loc), "no-winning-ending", value=play_id,
                              best="、".join(str(kind.id) for kind in best), label=best[0].label))
    return problems


def _check_file_name(play: Roleplay) -> list[Diagnostic]:
    stem = PurePosixPath(play.loc.path).stem
    if play.id == stem:
        return []
    return [error(play.id.loc, "roleplay-id-mismatch", value=play.id, file=stem)]


def _check_nodes(play: Roleplay, outline: Outline) -> list[Diagnostic]:
    if not play.nodes:
        return [error(play.locs.get("nodes", play.loc), "roleplay-no-nodes", value=play.id)]
    known = {entry.node.id for entry in outline.walk() if entry.kind != "part"}
    problems = []
    for node in play.nodes:
        entries = outline.named(node)
        if not entries:
            problems.append(unknown(node, "outline_node", known))
        elif len({entry.qid for entry in entries}) > 1:  # same qid twice is the outline's own duplicate-id
            choices = "、".join(entry.qid for entry in entries)
            problems.append(error(node.loc, "ambiguous-node", value=node, choices=choices))
    return problems


def _check_start(branching: Branching, nodes: dict[str, Turn | Ending]) -> list[Diagnostic]:
    start = branching.start
    if start not in nodes:
        return [unknown(start, "start_turn", [turn.id for turn in branching.turns], "turns")]
    if isinstance(nodes[start], Ending):
        return [error(start.loc, "roleplay-start-not-turn", value=start)]
    return []


def _check_replies(turn: Turn, nodes: dict[str, Turn | Ending]) -> list[Diagnostic]:
    count = len(turn.replies)
    if count == 0:
        return [error(turn.id.loc, "dead-end", value=turn.id)]
    problems = []
    if not MIN_REPLIES <= count <= MAX_REPLIES:
        problems.append(error(turn.id.loc, "reply-count", value=turn.id, count=count))
    for reply in turn.replies:
        if reply.next not in nodes:
            hint = suggest(reply.next, nodes, "turns_and_endings")
            problems.append(error(reply.next.loc, "dangling-next", value=reply.next, suggestion=hint))
    return problems


def _reachable(branching: Branching, turns: dict[str, Turn], nodes: dict[str, Turn | Ending]) -> set[str] | None:
    """Ids reachable from the start; None when there is no valid start to walk from."""
    if branching.start not in turns:
        return None
    seen = {str(branching.start)}
    queue = [branching.start]
    while queue:
        for reply in turns[queue.pop()].replies:
            if reply.next in nodes and reply.next not in seen:
                seen.add(str(reply.next))
                if reply.next in turns:
                    queue.append(reply.next)
    return seen


def _unreachable(branching: Branching, reachable: set[str] | None) -> list[Diagnostic]:
    if reachable is None:
        return []
    named = [(kind("turn"), node) for node in branching.turns] + [(kind("ending"), node) for node in branching.endings]
    return [
        error(node.id.loc, "unreachable-turn", kind=kind, value=node.id, start=branching.start)
        for kind, node in named
        if node.id not in reachable
    ]


def _loops(branching: Branching, turns: dict[str, Turn], reachable: set[str] | None) -> list[Diagnostic]:
    """Report each loop that no reply leads out of, once, starting from the first turn written."""
    finishing = _can_finish(branching, turns)
    trapped = [turn for turn in branching.turns if turn.replies and turn.id not in finishing
               and (reachable is None or turn.id in reachable)]
    trapped_ids: set[str] = {turn.id for turn in trapped}
    reported: set[str] = set()
    problems = []
    for turn in trapped:
        walk = _walk_trap(turn.id, turns, trapped_ids, reported)
        if walk:
            problems.append(error(turns[walk[0]].id.loc, "endless-loop", cycle=_show_cycle(walk)))
    return problems


def _show_cycle(walk: list[str], shown: int = 8) -> str:
    """The loop as “a” → “b” → … → “a”; a long one keeps its first steps and its way back, so it fits a screen."""
    names = [f"“{node}”" for node in walk]
    if len(names) > shown + 2:
        names = [*names[:shown], zh.ELIDED_STEPS.format(count=len(walk) - shown - 2), *names[-2:]]
    return " → ".join(names)


def _can_finish(branching: Branching, turns: dict[str, Turn]) -> set[str]:
    """Turns from which some sequence of replies reaches an ending."""
    done = {str(ending.id) for ending in branching.endings}
    changed = True
    while changed:
        changed = False
        for turn_id, turn in turns.items():
            if turn_id not in done and any(reply.next in done for reply in turn.replies):
                done.add(turn_id)
                changed = True
    return done


def _walk_trap(start: str, turns: dict[str, Turn], trapped: set[str], reported: set[str]) -> list[str]:
    """Follow the first trapped successor until a turn repeats; return that loop (closed), or []."""
    path: list[str] = []
    current: str | None = start
    while current is not None and current not in reported:
        if current in path:
            loop = path[path.index(current):]
            reported.update(path)
            return [*loop, current]
        path.append(current)
        current = next((str(r.next) for r in turns[current].replies if r.next in trapped), None)
    reported.update(path)
    return []
