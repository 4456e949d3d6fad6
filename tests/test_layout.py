"""The folders are the pipeline: the draw of imports between perftable's parts has no circle and no upward arrow.

Every import of perftable's own code counts, at the top of a module or inside a function (a function-level import
hides an arrow; it does not remove it). The layers, lowest first, are written once here and in each package's
docstring (its ``May import:`` line); a package may import only the layers below its own.

perftable's own modules are imported at the top of the module that uses them, where the draw can be read: importing
them is cheap. What stays lazy is heavy third-party libraries (pandas, openpyxl, pdfplumber, Dask …, imported by the
function that needs them), the CLI's command table (:data:`perftable.cli.COMMANDS`, by name) and the few own
imports of :data:`LAZY_IMPORTS`, each with its reason.
"""

from __future__ import annotations

import ast
import subprocess
import sys
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


# The function-level imports of perftable's own modules that stay, (importing module, imported module): reason.
_FORMAT_READER = (
    "a format's reader is imported when a file of that format is read (pdf ~13 ms, excel ~6 ms, html ~4 ms to "
    "import): `validate x.md` loads the markdown reader only"
)
LAZY_IMPORTS: dict[tuple[str, str], str] = {
    (
        "perftable._entry",
        "perftable.cli",
    ): "the console script's Ctrl-C guard is in place before the CLI is imported",
    ("perftable.cli", "perftable.values.cleaning"): (
        "only an error message needs visible(); its module's regexes would add ~5% to `perftable --help`"
    ),
    ("perftable.cli.executor", "perftable.distributed.executor"): (
        "--executor dask only: perftable.distributed and the export code it sends to the workers (~8 ms) stay out "
        "of a local run"
    ),
    ("perftable.cli.executor", "perftable.distributed.runs"): "--executor dask only (as above)",
    **{
        ("perftable.readers", f"perftable.readers.{reader}"): _FORMAT_READER
        for reader in ("markdown", "plaintext", "html", "delimited", "excel", "docx", "pdf", "pdf_streams")
    },
}


def _function_level_imports() -> list[tuple[str, str, int]]:
    """(module, imported module, line) for each import of perftable's own code inside a function."""
    modules = {_module_name(path): path for path in SRC.rglob("*.py")}
    found: list[tuple[str, str, int]] = []
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]

        def visit(node: ast.AST, in_function: bool, name: str = name, package: str = package) -> None:
            for child in ast.iter_child_nodes(node):
                if in_function and isinstance(child, ast.Import):
                    found.extend(
                        (name, a.name, child.lineno) for a in child.names if a.name.startswith("perftable")
                    )
                elif in_function and isinstance(child, ast.ImportFrom):
                    base = package.rsplit(".", child.level - 1)[0] if child.level else ""
                    module = ".".join(part for part in (base, child.module or "") if part)
                    if module.startswith("perftable"):
                        for alias in child.names:
                            full = f"{module}.{alias.name}"
                            found.append((name, full if full in modules else module, child.lineno))
                visit(
                    child,
                    in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda),
                )

        visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def test_perftable_modules_are_imported_at_the_top() -> None:
    """A function-level import of perftable's own code is on :data:`LAZY_IMPORTS`, with its reason, or is not."""
    hidden = [
        f"{module}:{line} imports {target} inside a function"
        for module, target, line in _function_level_imports()
        if (module, target) not in LAZY_IMPORTS
    ]
    assert hidden == [], "import it at the top of the module, or add it to LAZY_IMPORTS with the reason"


def test_every_lazy_import_on_the_list_is_still_there() -> None:
    used = {(module, target) for module, target, _ in _function_level_imports()}
    assert sorted(set(LAZY_IMPORTS) - used) == []


def test_the_import_finder_sees_imports_inside_functions() -> None:
    found = {(module, target) for module, target, _ in _function_level_imports()}
    assert ("perftable._entry", "perftable.cli") in found and (
        "perftable.readers",
        "perftable.readers.pdf",
    ) in found


HEAVY = (
    "pandas",
    "pyarrow",
    "openpyxl",
    "pdfplumber",
    "pypdfium2",
    "docx",
    "dask",
    "distributed",
    "playwright",
)
HEAVY += ("markdown_it", "python_calamine", "numpy")


def test_validating_markdown_imports_no_heavy_library() -> None:
    """``perftable validate x.md`` starts quickly: no spreadsheet, PDF, Word, dataframe or Dask library is loaded."""
    sample = SRC.parents[1] / "samples" / "guangdong-department" / "lianjiang-2024.md"
    code = (
        "import sys\n"
        "import perftable.cli\n"
        f"try:\n    perftable.cli.main(['validate', {str(sample)!r}])\nexcept SystemExit as stop:\n    code = stop.code\n"
        f"heavy = sorted(m for m in sys.modules if m.partition('.')[0] in {HEAVY!r})\n"
        "print(f'EXIT:{code} HEAVY:' + ','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "EXIT:1 HEAVY:", result.stderr  # 1: the sample has an error


@pytest.mark.slow
@pytest.mark.parametrize(
    "module", sorted(_module_name(path) for path in SRC.rglob("*.py") if path.stem != "__main__")
)
def test_each_module_imports_on_its_own(module: str) -> None:
    """Imports at the top run in the order a module is first imported: each module must import first, alone (a
    circle through a package's ``__init__`` fails here even where the draw above shows none)."""
    result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
