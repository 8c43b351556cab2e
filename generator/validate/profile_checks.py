"""The course profile (content/profile.yaml) and the role-play cards written against it."""

from __future__ import annotations

from collections.abc import Sequence

from generator.diagnostics import Diagnostic
from generator.locale import suggest, zh
from generator.model.profile import Profile, Role
from generator.model.roleplay import Card, Roleplay
from generator.model.text import Text
from generator.validate.report import duplicates, error

CARD_KEYS = ("about", "goal", "knows", "limits", "trades", "hidden", "tactics", "agree_if", "walk_away", "escalate")


def check_profile(profile: Profile) -> list[Diagnostic]:
    problems = duplicates(role.id for role in profile.roles) + duplicates(kind.id for kind in profile.endings)
    for role in profile.roles:
        problems += duplicates((Text(item.key, item.loc) for item in role.fields), "duplicate-card-key")
    known = set(zh.UI) | {f"outcome_{kind.id}" for kind in profile.endings}
    problems += [error(key.loc, "unknown-label", value=key, suggestion=suggest(key, known))
                 for key in profile.labels if key not in known]
    if profile.endings and not any(kind.best for kind in profile.endings):
        problems.append(error(profile.locs.get("endings", profile.loc), "profile-no-best-ending"))
    if not profile.roles:
        problems.append(error(profile.locs.get("roles", profile.loc), "profile-no-roles"))
    return problems


def check_cards(roleplays: Sequence[Roleplay], profile: Profile) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    names = [str(role.id) for role in profile.roles]
    for play in roleplays:
        where = play.locs.get("cards", play.loc)
        for role_id, card in play.cards.items():
            role = profile.role(role_id)
            if role is None:
                problems.append(error(role_id.loc, "unknown-card", value=role_id, roles="、".join(names),
                                      suggestion=suggest(role_id, names, "ids")))
            else:
                problems += _check_card(card, role)
        problems += [error(where, "missing-card", value=role.id, name=role.name)
                     for role in profile.roles if role.id not in play.cards]
    return problems


def _check_card(card: Card, role: Role) -> list[Diagnostic]:
    wanted = {str(field.key): field for field in role.fields}
    problems = []
    for key in CARD_KEYS:
        value = getattr(card, key)
        written = key in card.locs
        if key in wanted and not written:
            problems.append(error(card.loc, "missing-key", key=key, doc=wanted[key].label))
        elif written and key not in wanted:
            problems.append(error(card.locs[key], "card-key-unused", key=key, name=role.name,
                                  keys="、".join(wanted)))
        elif key in wanted and written and not value:
            problems.append(error(card.locs[key], "empty-text", key=key))
    return problems
