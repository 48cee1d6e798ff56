"""The import contract: layers import downward only and no module imports itself back, deferred imports
included (an import inside a function is still a dependency). Read from the source with ``ast``, so the
test needs nothing installed and names the offending import when it fails."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

# What each package (or top-level module) of rasd may import from rasd, besides itself. Faces (api,
# cli, web, spark) sit on top and are not restricted except where said below.
BOTTOM = {"rasd.model", "rasd.errors", "rasd.limits", "rasd.resources"}
ALLOWED: dict[str, set[str]] = {
    "rasd.model": set(),
    "rasd.errors": set(),
    "rasd.limits": set(),
    "rasd.resources": {"rasd.errors"},  # settings and the per-process cache; loaders register from above
    "rasd.text": BOTTOM,
    "rasd.dates": BOTTOM | {"rasd.text"},
    "rasd.actors": BOTTOM | {"rasd.text"},
    "rasd.readers": BOTTOM | {"rasd.text"},  # readers know nothing of dates, steps or stores
    "rasd.structure": BOTTOM | {"rasd.text"},
    "rasd.dedup": BOTTOM | {"rasd.text"},
    "rasd.entities": BOTTOM | {"rasd.text", "rasd.actors", "rasd.dates"},
    "rasd.events": BOTTOM | {"rasd.text", "rasd.actors", "rasd.dates"},
    "rasd.pipeline": BOTTOM | {"rasd.text", "rasd.dates", "rasd.actors", "rasd.structure", "rasd.entities", "rasd.events"},
    "rasd.coder": BOTTOM | {"rasd.pipeline", "rasd.events"},
    "rasd.store": BOTTOM | {"rasd.text"},  # rows are built in store.rows, for every backend
    "rasd.export": BOTTOM | {"rasd.events.tables"},  # CAMEO names and PLOVER scales, not the coder
    "rasd.ingest": BOTTOM | {"rasd.text", "rasd.readers", "rasd.pipeline", "rasd.dedup", "rasd.store"},
    "rasd.eval": BOTTOM | {"rasd.text", "rasd.structure", "rasd.entities", "rasd.events", "rasd.coder", "rasd.pipeline"},
    "rasd.train": BOTTOM | {"rasd.text", "rasd.entities", "rasd.eval"},
}
# Faces that must reach the coder through rasd.coder and the event types through rasd.model.
NO_CODER_INTERNALS = ("rasd.api", "rasd.web", "rasd.export", "rasd.store")


def modules() -> dict[str, Path]:
    out = {}
    for path in (SRC / "rasd").rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def import_graph() -> dict[str, set[str]]:
    """Module → the rasd modules it imports (top level or inside functions)."""
    mods = modules()

    def owner(name: str) -> str | None:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                targets = [base, *(f"{base}.{a.name}" for a in node.names)]
            else:
                continue
            for target in targets:
                found = owner(target) if target.startswith("rasd") else None
                if found and found != name:
                    graph[name].add(found)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(n: str) -> None:
        index[n] = low[n] = len(index)
        stack.append(n)
        on.add(n)
        for m in graph.get(n, ()):
            if m not in index:
                visit(m)
                low[n] = min(low[n], low[m])
            elif m in on:
                low[n] = min(low[n], index[m])
        if low[n] == index[n]:
            comp = []
            while True:
                m = stack.pop()
                on.discard(m)
                comp.append(m)
                if m == n:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for n in list(graph):
        if n not in index:
            visit(n)
    return found


def package_of(module: str) -> str:
    return ".".join(module.split(".")[:2])


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for a, targets in graph.items():
        for b in targets:
            if package_of(a) != package_of(b):
                out[package_of(a)].add(package_of(b))
    return out


def test_cycle_finder_sees_a_cycle() -> None:
    """The check below would fail if a cycle were added: the finder sees direct and longer ones."""
    assert cycles({"a": {"b"}, "b": {"a"}}) == [["a", "b"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": {"c"}}) == []


def test_no_import_cycle_between_modules_or_packages() -> None:
    graph = import_graph()
    assert graph, "no rasd modules found"
    assert cycles(graph) == []
    assert cycles(package_graph(graph)) == []


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layers_import_downward_only(layer: str) -> None:
    graph = import_graph()
    allowed = ALLOWED[layer]
    bad = sorted(
        f"{a} imports {b}"
        for a, targets in graph.items()
        if package_of(a) == layer
        for b in targets
        if package_of(b) != layer and package_of(b) not in allowed and b not in allowed
    )
    assert bad == []


def test_faces_read_types_from_the_model_not_the_coder() -> None:
    graph = import_graph()
    bad = sorted(
        f"{a} imports {b}"
        for a, targets in graph.items()
        if a.startswith(NO_CODER_INTERNALS)
        for b in targets
        if b.startswith("rasd.events") and b != "rasd.events.tables"
    )
    assert bad == []
