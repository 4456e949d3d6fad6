"""The folders are the pipeline: the draw of imports between perftable's parts has no circle and no upward arrow.

Every import of perftable's own code counts, at the top of a module or inside a function (a function-level import
hides an arrow; it does not remove it). The layers, lowest first, are written once here and in each package's
docstring (its ``May import:`` line); a package may import only the layers below its own.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

import perftable

SRC = Path(perftable.__file__).parent

LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "messages", "runtime"),
    ("model", "outputs"),
    ("values",),
    ("vocab",),
    ("grid", "findings"),
    ("spans", "readers"),
    ("extract",),
    ("loader",),
    ("rules",),
    ("check",),
    ("export",),
    ("report", "render"),
    ("review", "diff", "distributed"),
    ("cli", "__init__"),
    ("_entry",),
    ("__main__",),
)
RANK = {part: rank for rank, parts in enumerate(LAYERS) for part in parts}
# Circles still to be cut, each with the reason it is not cut yet (an empty list is the goal).
KNOWN_CIRCLES: list[frozenset[str]] = []


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


def _imports() -> dict[str, set[tuple[str, int]]]:
    """Each module's imports of perftable's own modules, with the line."""
    modules = {_module_name(path): path for path in SRC.rglob("*.py")}
    graph: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("perftable")):
                continue
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                target = full if full in modules else node.module
                if target != name and not (target == "perftable" and alias.name == "__version__"):
                    graph[name].add((target, node.lineno))
    return graph


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_part_of_perftable_has_a_layer() -> None:
    parts = {_part(_module_name(path)) for path in SRC.rglob("*.py")}
    assert parts <= set(RANK), f"parts without a layer: {sorted(parts - set(RANK))}"


def test_no_part_imports_a_part_above_or_beside_it() -> None:
    upward = [
        f"{module}:{line} imports {target}"
        for module, targets in _imports().items()
        for target, line in targets
        if _part(module) != _part(target) and RANK[_part(target)] >= RANK[_part(module)]
    ]
    assert upward == []


def _circles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = set()
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.add(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for node in list(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_through_others() -> None:
    graph = {module: {target for target, _ in targets} for module, targets in _imports().items()}
    assert sorted(map(sorted, _circles(graph))) == sorted(map(sorted, KNOWN_CIRCLES))


def test_the_circle_finder_finds_a_circle() -> None:
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset({"a", "b", "c"})]


@pytest.mark.parametrize("package", sorted(p.parent.name for p in SRC.glob("*/__init__.py")))
def test_each_package_says_what_it_may_import(package: str) -> None:
    doc = ast.get_docstring(ast.parse((SRC / package / "__init__.py").read_text(encoding="utf-8"))) or ""
    below = sorted(part for part, rank in RANK.items() if rank < RANK[package] and part != "__init__")
    said = doc.split("May import:", 1)[1] if "May import:" in doc else ""
    named = sorted(part for part in RANK if f"``{part}``" in said)
    assert named == below, (
        f"{package}: the docstring's 'May import:' line names {named}, the layers say {below}"
    )
