"""Built-in course profiles and how a course's content/profile.yaml is laid over one of them."""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

from generator.locale import zh
from generator.locale.zh_profiles import PROFILES
from generator.model.profile import CardField, EndingKind, Profile, Role
from generator.model.text import Id, Text

# The keys of a profile file that replace the base's value when written (labels are merged instead).
REPLACED = ("roles", "endings", "audience", "strict")


@cache
def built_in(name: str) -> Profile:
    data = PROFILES[name]
    roles = tuple(Role(id=Id(r["id"]), name=Text(r["name"]),
                       fields=tuple(CardField(key=f["key"], label=Text(f["label"])) for f in r["fields"]))
                  for r in data["roles"])
    endings = tuple(EndingKind(id=Id(e["id"]), label=Text(e["label"]), best=e.get("best", False))
                    for e in data["endings"])
    return Profile(base=name, roles=roles, endings=endings,  # type: ignore[arg-type]
                   audience=tuple(Text(role) for role in data["audience"]), strict=tuple(data["strict"]),
                   labels={Text(key): Text(value) for key, value in data["labels"].items()})


def resolve(written: Profile | None) -> Profile:
    """The course's profile: what it wrote, over its base; no file means the neutral profile."""
    if written is None:
        return built_in("neutral")
    base = built_in(written.base)
    changes: dict[str, Any] = {key: getattr(written, key) for key in REPLACED if key in written.locs}
    labels = {**base.labels, **written.labels}
    return dataclasses.replace(base, **changes, labels=labels, loc=written.loc, locs=written.locs)


def labels_of(profile: Profile) -> dict[str, str]:
    """Every user-facing label of a site: the tool's, the profile's over them, and one per ending kind."""
    labels = {**zh.UI, **{str(key): str(value) for key, value in profile.labels.items()}}
    labels.update({f"outcome_{ending.id}": str(ending.label) for ending in profile.endings})
    return labels
