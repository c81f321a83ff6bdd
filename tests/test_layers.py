"""The package's layers import one way: no module of hwbsite imports, directly or through others,
a module that imports it back (imports inside functions count; TYPE_CHECKING-only ones do not)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hwbsite"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(path: Path, modules: set[str]) -> set[str]:
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()

    def visit(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[:len(base) - (child.level - 1)]
                    prefix = ".".join(base + ([child.module] if child.module else []))
                else:
                    prefix = child.module or ""
                found.add(prefix)
                found.update(f"{prefix}.{a.name}" for a in child.names)
            visit(child)
    visit(ast.parse(path.read_text()))
    # A module's own parent packages are initialised before it whatever it imports, so an edge to
    # them says nothing about layering (a package __init__ may re-export its submodules).
    return {m for m in found if m in modules and m != name and not name.startswith(m + ".")}


def graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {module_name(p): imports_of(p, modules) for p in paths}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    found, state, stack = [], {}, []

    def walk(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                walk(nxt)
        stack.pop()
        state[node] = "done"
    for node in sorted(edges):
        if node not in state:
            walk(node)
    return found


def test_the_walker_sees_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert "hwbsite.publication" in graph()["hwbsite.output"] | graph()["hwbsite.plugin"]


def test_no_import_cycle_in_hwbsite():
    assert cycles(graph()) == []


def test_loaders_and_rules_never_import_page_builders():
    edges = graph()
    for module in ("hwbsite.project", "hwbsite.publication", "hwbsite.yamlsource", "hwbsite.validate"):
        reach, todo = set(), [module]
        while todo:
            for nxt in edges.get(todo.pop(), ()):
                if nxt not in reach:
                    reach.add(nxt)
                    todo.append(nxt)
        assert not {m for m in reach if m.startswith("hwbsite.pages") or m in ("hwbsite.output", "hwbsite.site")}, module
