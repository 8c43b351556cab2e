"""Mind maps: the syllabus tree laid out left to right as SVG, one layout per fold level.

The layout happens here, at build time; the page script only switches between the
precomputed levels, so without JavaScript the whole map shows.
"""

from __future__ import annotations

import posixpath
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

import jinja2
from markupsafe import Markup

from generator.locale import UI
from generator.model.numbering import chinese_number
from generator.model.outline import Entry

FONT = 16  # px; a CJK character is about 1em wide, Latin letters about half
LINE = 22
PAD_X, PAD_Y = 10, 6
GAP_X, GAP_Y = 40, 8
WRAP_EM = 15  # longer labels wrap onto a second line
MARGIN = 8
SVG_METRICS = {"FONT": FONT, "LINE": LINE, "PAD_X": PAD_X, "PAD_Y": PAD_Y}  # the template draws with these
PART_MAP_START = 2  # chapters and sections; points unfold on demand (all show without the script)


@dataclass
class MapNode:
    label: str
    href: str
    depth: int
    kind: str
    children: list[MapNode] = field(default_factory=list)

    @cached_property
    def lines(self) -> list[str]:
        return wrap(self.label, WRAP_EM)

    @cached_property
    def width(self) -> float:
        return max(text_width(line) for line in self.lines) + 2 * PAD_X

    @cached_property
    def height(self) -> float:
        return len(self.lines) * LINE + 2 * PAD_Y

    def walk(self) -> list[MapNode]:
        return [self, *(node for child in self.children for node in child.walk())]


@dataclass(frozen=True)
class Placed:
    node: MapNode
    x: float
    y: float


def char_width(char: str) -> float:
    return 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.55


def text_width(text: str) -> float:
    return round(sum(char_width(char) for char in text) * FONT, 1)


def wrap(text: str, limit_em: float) -> list[str]:
    lines, current, used = [], "", 0.0
    for char in text:
        if used + char_width(char) > limit_em and current:
            lines.append(current)
            current, used = "", 0.0
        current += char
        used += char_width(char)
    return [*lines, current]


def page_href(entry: Entry, base: str) -> str:
    """Link from a page in folder `base` ("" for the site root) to the page that teaches `entry`."""
    page, _, anchor = entry.target.partition("#")
    link = posixpath.relpath(page.removesuffix(".md") + ".html", base or ".")
    return f"{link}#{anchor}" if anchor else link


def tree_of(entry: Entry, base: str, depth: int = 0) -> MapNode:
    node = MapNode(entry.heading, page_href(entry, base), depth, entry.kind)
    node.children = [tree_of(child, base, depth + 1) for child in entry.children]
    return node


def course_tree(title: str, parts: tuple[Entry, ...], base: str) -> MapNode:
    home = posixpath.relpath("index.html", base or ".")
    return MapNode(title, home, 0, "course", [tree_of(part, base, 1) for part in parts])


def layout(root: MapNode, level: int) -> list[Placed]:
    """A tidy tree showing depths 0..level: leaves stacked, each parent centred on its children."""
    columns = _columns(root)
    placed: dict[int, Placed] = {}
    extents: dict[int, float] = {}

    def extent(node: MapNode) -> float:
        if id(node) not in extents:
            kids = _visible(node, level)
            inner = sum(extent(kid) for kid in kids) + GAP_Y * (len(kids) - 1)
            extents[id(node)] = max(inner, node.height)
        return extents[id(node)]

    def place(node: MapNode, top: float) -> None:
        kids = _visible(node, level)
        if kids:
            inner = sum(extent(kid) for kid in kids) + GAP_Y * (len(kids) - 1)
            cursor = top + (extent(node) - inner) / 2
            for kid in kids:
                place(kid, cursor)
                cursor += extent(kid) + GAP_Y
            middle = (_middle(placed[id(kids[0])]) + _middle(placed[id(kids[-1])])) / 2
        else:
            middle = top + extent(node) / 2
        placed[id(node)] = Placed(node, columns[node.depth], round(middle - node.height / 2, 1))

    place(root, MARGIN)
    return [placed[id(node)] for node in root.walk() if id(node) in placed]


def _visible(node: MapNode, level: int) -> list[MapNode]:
    return node.children if node.depth < level else []


def _middle(item: Placed) -> float:
    return item.y + item.node.height / 2


def _columns(root: MapNode) -> dict[int, float]:
    widths: dict[int, float] = {}
    for node in root.walk():
        widths[node.depth] = max(widths.get(node.depth, 0.0), node.width)
    columns, x = {}, float(MARGIN)
    for depth in sorted(widths):
        columns[depth] = round(x, 1)
        x += widths[depth] + GAP_X
    return columns


@dataclass(frozen=True)
class MapView:
    """What the SVG template draws: each node and edge with its position at every fold level."""

    nodes: list[dict[str, object]]
    edges: list[dict[str, object]]
    views: list[tuple[float, float]]  # width, height per level 0..depth
    depth: int
    label: str
    kinds: dict[int, str]  # depth -> part/chapter/section/point

    @property
    def labels(self) -> dict[int, str]:
        """Fold button names: 章, 节, 要点, then 二级要点 ... for points nested in points."""
        labels: dict[int, str] = {}
        seen: dict[str, int] = {}
        for depth, kind in sorted(self.kinds.items()):
            seen[kind] = seen.get(kind, 0) + 1
            name = UI[f"map_{kind}"]
            nested = UI["map_nested"].format(level=chinese_number(seen[kind]), name=name)
            labels[depth] = name if seen[kind] == 1 else nested
        return labels


def map_view(root: MapNode, max_level: int | None = None) -> MapView:
    deepest = max(node.depth for node in root.walk())
    top = deepest if max_level is None else min(deepest, max_level)
    levels = {level: {id(p.node): p for p in layout(root, level)} for level in range(top + 1)}
    nodes, edges = [], []
    for node in root.walk():
        if node.depth > top:
            continue
        at = [levels[level][id(node)] for level in range(node.depth, top + 1)]
        nodes.append({"node": node, "at": at, "last": at[-1]})
    for parent in root.walk():
        for child in parent.children if parent.depth < top else ():
            paths = [_edge(levels[lv][id(parent)], levels[lv][id(child)]) for lv in range(child.depth, top + 1)]
            edges.append({"depth": child.depth, "paths": paths, "last": paths[-1]})
    views = [_size(levels[level].values()) for level in range(top + 1)]
    kinds = {node.depth: node.kind for node in reversed(root.walk())}
    return MapView(nodes, edges, views, top, root.label, kinds)


def _edge(parent: Placed, child: Placed) -> str:
    x1, y1 = parent.x + parent.node.width, _middle(parent)
    x2, y2 = child.x, _middle(child)
    bend = (x1 + x2) / 2
    return f"M{x1:.1f} {y1:.1f}C{bend:.1f} {y1:.1f} {bend:.1f} {y2:.1f} {x2:.1f} {y2:.1f}"


def _size(placed: Iterable[Placed]) -> tuple[float, float]:
    items = list(placed)
    width = max(p.x + p.node.width for p in items) + MARGIN
    height = max(p.y + p.node.height for p in items) + MARGIN
    return round(width, 1), round(height, 1)


def render_svg(env: jinja2.Environment, root: MapNode, max_level: int | None = None) -> Markup:
    view = map_view(root, max_level)
    return Markup(env.get_template("classroom/map.svg.j2").render(view=view, **SVG_METRICS))


def svg_file(env: jinja2.Environment, root: MapNode) -> bytes:
    """A map as a file of its own (maps/*.svg): opens in any browser, links relative to maps/."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + str(render_svg(env, root))).encode("utf-8")


def render_foldable(env: jinja2.Environment, root: MapNode, start: int | None = None,
                    max_level: int | None = None) -> Markup:
    """The map with its fold buttons, as one raw-HTML block for a Markdown page.

    `start`: the level the script folds to on load; without the script every drawn level shows.
    """
    svg = render_svg(env, root, max_level)
    view = map_view(root, max_level)
    return Markup(env.get_template("classroom/map.html.j2").render(view=view, svg=svg, start=start))


