"""The phases' rules, read from the source: imports go one way, YAML and MkDocs each stay in one module."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "generator"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path) for path in PACKAGE.rglob("*.py")}


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth (function-level imports count: they still form cycles).

    `from package import module` imports the module; `from module import name` imports the module.
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & MODULES
            found.update(submodules)
            if len(submodules) < len(node.names):
                found.add(node.module)
    return found


def import_graph() -> dict[str, set[str]]:
    files = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {name: {imported for imported in _imports(path) if imported in files and imported != name}
            for name, path in files.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a path of module names, or [] when the graph has none."""
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    path: list[str] = []

    def visit(name: str) -> list[str]:
        state[name] = 1
        path.append(name)
        for nxt in sorted(graph[name]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[name] = 2
        return []

    for name in sorted(graph):
        if name not in state and (found := visit(name)):
            return found
    return []


def test_cycle_finder_sees_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_generator_has_no_import_cycles() -> None:
    graph = import_graph()
    assert len(graph) > 40, "the package was not found: the check would pass vacuously"
    assert find_cycle(graph) == []


def _importers_of(prefix: str) -> set[str]:
    return {_module_name(path) for path in PACKAGE.rglob("*.py")
            if any(name == prefix or name.startswith(prefix + ".") for name in _imports(path))}


def test_only_the_loader_reads_yaml() -> None:
    assert _importers_of("yaml") == {"generator.load.yamlsource"}


def test_only_the_engine_package_knows_mkdocs() -> None:
    assert _importers_of("mkdocs") | _importers_of("material") == {"generator.engine", "generator.engine.cache",
                                                                   "generator.engine.search"}


def test_phases_import_one_way() -> None:
    """model knows no other phase; validate does not render; render does not validate or load."""
    graph = import_graph()
    rules = {"generator.model": ("generator.load", "generator.validate", "generator.render", "generator.engine"),
             "generator.validate": ("generator.render", "generator.engine"),
             "generator.render": ("generator.validate", "generator.load", "generator.engine")}
    wrong = [(name, imported) for name, imports in graph.items() for layer, banned in rules.items()
             if name.startswith(layer) for imported in imports if imported.startswith(banned)]
    assert wrong == []
