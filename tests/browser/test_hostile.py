"""Hostile text in every text field of every content kind stays inert in a real browser.

The scaffold course (chapter, role-play, worksheet, quiz, glossary, facts) gets, in each field whose schema
says "text" (not an id, choice, number or formula), a payload of HTML that would run script if it reached
the page as markup, plus Jinja- and Markdown-looking text. Both editions are built and every page opened:
no payload may run, no dialog open, no page error fire, and the payload must show as text.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import pipeline
from generator.scaffold import create_course
from generator.schema import schema_for

FILES = {"content/syllabus.yaml": "syllabus", "content/glossary.yaml": "glossary", "quizzes/visit.yaml": "quiz",
         "content/modules/plan-visit.yaml": "module", "content/roleplays/rp-visit.yaml": "roleplay",
         "content/worksheets/visit-card.yaml": "worksheet", "content/facts/visit.yaml": "facts"}
# Text fields other values depend on: formulas name columns and parameters, audiences pick from roles,
# sample rows are typed data, sheet titles have Excel's own limits, fact keywords are matched in prose.
KEEP = {"formula", "when", "name", "choices", "samples", "roles", "audience", "watch"}
PAYLOAD = ('<img src=x onerror="__cwHit({n})"><script>__cwHit({n})</script><svg onload="__cwHit({n})">'
           '"\'><b onmouseover="__cwHit({n})">粗</b> {{{{ 7*7 }}}} {{% if 1 %}}坏{{% endif %}} &amp; 尾{n}')
LITERAL = "{{ 7*7 }}"


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    if "anyOf" in schema:
        return _resolve(next(s for s in schema["anyOf"] if s.get("type") != "null"), root)
    return schema


def _poison(value: Any, schema: dict[str, Any], root: dict[str, Any], counter: list[int], key: str = "") -> Any:
    """Append the payload to every free-text string the schema describes; ids, choices and the KEEP keys stay."""
    schema = _resolve(schema, root)
    if key in KEEP:
        return value
    if isinstance(value, dict):
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        return {k: _poison(v, props.get(k) or (extra if isinstance(extra, dict) else {}), root, counter, k)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(item, schema.get("items", {}), root, counter, key) for item in value]
    free_text = schema.get("type") == "string" and "pattern" not in schema and "enum" not in schema
    if isinstance(value, str) and free_text:
        counter[0] += 1
        return value + PAYLOAD.format(n=counter[0])
    return value


def _hostile_course(root: Path) -> int:
    create_course(root, "sales")
    counter = [0]
    for relative, kind in FILES.items():
        path = root / relative
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        schema = schema_for(kind)
        data = _poison(data, schema, schema, counter)
        if kind == "worksheet":  # Excel caps sheet titles at 31 characters and forbids []:*?/\
            for sheet, original in zip(data["sheets"], yaml.safe_load(path.read_text(encoding="utf-8"))["sheets"],
                                       strict=True):
                sheet["title"] = original["title"]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "copyright: '" + PAYLOAD.format(n=0).replace("'", "''")
                      + "'\n", encoding="utf-8")
    return counter[0]


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], int]:
    root = tmp_path_factory.mktemp("hostile") / "course"
    fields = _hostile_course(root)
    sites = {}
    for edition in pipeline_editions():
        site = root / f"site-{edition}"
        outcome = pipeline.build(root, site, edition=edition)
        assert not outcome.failed(strict=False), [str(d.loc) + " " + d.message for d in outcome.diagnostics]
        sites[edition] = site
    return sites, fields


def pipeline_editions() -> tuple[str, ...]:
    from generator.render import EDITIONS
    return EDITIONS


def test_payload_reached_many_fields(hostile_sites) -> None:  # type: ignore[no-untyped-def]
    sites, fields = hostile_sites
    assert fields >= 60, "too few fields poisoned: the crawl would prove little"
    pages = [p.read_text(encoding="utf-8") for site in sites.values() for p in site.rglob("*.html")]
    assert sum(LITERAL in text or json.dumps(LITERAL)[1:-1] in text for text in pages) >= 10


def test_every_page_stays_inert(hostile_sites, page, serve_site) -> None:  # type: ignore[no-untyped-def]
    sites, _ = hostile_sites
    hits: list[str] = []
    page.expose_function("__cwHit", lambda n: hits.append(str(n)))
    page.on("dialog", lambda dialog: (hits.append("dialog"), dialog.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    opened = 0
    for edition, site in sites.items():
        base = serve_site(site, f"hostile/{edition}")
        for path in sorted(site.rglob("*.html")):
            relative = path.relative_to(site).as_posix()
            if relative.startswith(("assets/", "search/")):
                continue
            page.goto(base + relative)
            page.wait_for_load_state("load")
            for button in page.locator("button:visible").all()[:6]:  # widgets draw their text on demand
                with contextlib.suppress(Exception):  # a button may be covered or gone after the last click
                    button.click(timeout=500)
            opened += 1
    assert opened >= 20
    assert hits == [], f"hostile text ran: {hits[:10]}"
    assert errors == [], errors[:5]
