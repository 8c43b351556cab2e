"""Mind maps: tidy left-to-right layout, every syllabus node present, every link resolving in the built site."""

from __future__ import annotations

import html
import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.load.course import load_course
from generator.model.outline import Entry, build_outline
from generator.render.mindmap import (
    GAP_Y,
    MapNode,
    course_tree,
    layout,
    map_view,
    page_href,
    svg_file,
    text_width,
    tree_of,
    wrap,
)
from generator.render.templates import make_environment

REPO = Path(__file__).resolve().parents[1]
SVG = "{http://www.w3.org/2000/svg}"
# not plain href: Material's instant navigation rewrites every [href], and an SVG link's href cannot be set
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


@pytest.fixture(scope="module")
def outline():  # type: ignore[no-untyped-def]
    return build_outline(load_course(REPO).course.syllabus)


def test_chinese_text_is_about_one_em_per_character() -> None:
    assert text_width("守价") == 32.0
    assert text_width("BATNA") == pytest.approx(5 * 0.55 * 16)


def test_long_labels_wrap_within_the_limit() -> None:
    lines = wrap("一、不涨就是降，让客户转变降价对象和方向", 15)
    assert lines == ["一、不涨就是降，让客户转变降价", "对象和方向"]
    assert all(text_width(line) <= 15 * 16 for line in lines)


def test_boxes_never_overlap_and_children_sit_right_of_parents(outline) -> None:  # type: ignore[no-untyped-def]
    root = course_tree("课程", outline.parts, "maps")
    for level in range(5):
        placed = layout(root, level)
        columns: dict[float, list] = {}
        for item in placed:
            columns.setdefault(item.x, []).append(item)
        for items in columns.values():
            items.sort(key=lambda item: item.y)
            for upper, lower in itertools.pairwise(items):
                assert upper.y + upper.node.height + GAP_Y <= lower.y + 0.2, (upper.node.label, lower.node.label)
        by_node = {id(item.node): item for item in placed}
        for item in placed:
            for child in item.node.children:
                if id(child) in by_node:
                    assert by_node[id(child)].x > item.x + item.node.width


def test_each_level_shows_only_the_depths_above_it(outline) -> None:  # type: ignore[no-untyped-def]
    root = tree_of(outline.parts[0], "maps")
    for level in range(4):
        assert {item.node.depth for item in layout(root, level)} == set(range(level + 1))
    view = map_view(root)
    assert len(view.views) == view.depth + 1
    for item in view.nodes:  # geometry for every level from the node's own depth down
        assert len(item["at"]) == view.depth + 1 - item["node"].depth


def test_links_are_relative_to_where_the_map_is_used(outline) -> None:  # type: ignore[no-untyped-def]
    part = outline.parts[0]
    chapter = part.children[0]
    section = chapter.children[0]
    assert page_href(part, "maps") == "../hold-price/index.html"
    assert page_href(chapter, "hold-price") == "why-hold-price.html"
    assert page_href(section, "slides") == f"../hold-price/why-hold-price.html#{section.anchor}"


def test_author_text_stays_text_in_the_svg() -> None:
    label = '报价 <script>alert("x")</script> & 交期'
    root = MapNode(label, "a.html?x=1&y=2", 0, "course", [MapNode("子节点", "b.html", 1, "part")])
    data = svg_file(make_environment(), root).decode("utf-8")
    assert "<script>" not in data
    assert data.startswith("<?xml ")
    tree = ET.fromstring(data.encode("utf-8"))  # parses: nothing broke the markup
    assert label in "".join(tree.itertext())
    assert tree.find(f"{SVG}a").get(XLINK_HREF) == "a.html?x=1&y=2"


def _labels_and_links(svg: ET.Element) -> tuple[set[str], list[str]]:
    labels, links = set(), []
    for anchor in svg.iter(f"{SVG}a"):
        labels.add("".join(text.strip() for text in anchor.itertext()))
        links.append(anchor.get(XLINK_HREF) or "")
    return labels, links


def _resolves(page: Path, link: str) -> bool:
    parts = urlsplit(link)
    target = (page.parent / parts.path).resolve()
    if not target.is_file():
        return False
    return not parts.fragment or f'id="{parts.fragment}"' in target.read_text(encoding="utf-8")


def _expected(entries: list[Entry]) -> set[str]:
    return {entry.heading.replace("\n", "") for entry in entries}


def test_part_maps_hold_every_node_with_valid_links(built_site: Path, outline) -> None:  # type: ignore[no-untyped-def]
    for part in outline.parts:
        svg_path = built_site / "maps" / f"{part.node.id}.svg"
        labels, links = _labels_and_links(ET.parse(svg_path).getroot())
        assert labels == _expected(list(part.walk()))
        assert len(links) == len(list(part.walk()))
        assert [link for link in links if not _resolves(svg_path, link)] == []


def test_course_map_holds_every_node(built_site: Path, outline) -> None:  # type: ignore[no-untyped-def]
    svg_path = built_site / "maps" / "course.svg"
    labels, links = _labels_and_links(ET.parse(svg_path).getroot())
    assert _expected(list(outline.walk())) <= labels
    assert len(links) == len(list(outline.walk())) + 1  # and the course itself
    assert [link for link in links if not _resolves(svg_path, link)] == []


def test_part_page_starts_with_its_map_and_links_resolve(built_site: Path, outline) -> None:  # type: ignore[no-untyped-def]
    for part in outline.parts:
        page = built_site / part.node.id / "index.html"
        text = page.read_text(encoding="utf-8")
        content = text[text.index("</h1>") + len("</h1>"):]
        assert re.search(r"^\s*(<p[^>]*>.*?</p>\s*)*<div class=\"cw-map\"", content, re.S), part.node.id
        map_html = content[content.index('<div class="cw-map"'):content.index("</svg>")]
        found = re.findall(r'<a class="cw-map__node[^"]*" xlink:href="([^"]+)"', map_html)
        links = [html.unescape(link) for link in found]
        assert len(links) == len(list(part.walk()))
        assert [link for link in links if not _resolves(page, link)] == []
