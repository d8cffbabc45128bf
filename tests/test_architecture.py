"""The import rules of docs/ARCHITECTURE.md, checked on the code rather than trusted to docstrings.

- The domain package ``factsieve`` never imports Prefect or ``flows`` (only ``flows/`` orchestrates).
- ``schemas/`` takes nothing from ``factsieve`` but its vocabulary, which imports nothing at all;
  ``factsieve.params`` imports only the standard library.
- No module-level import cycle among factsieve/, schemas/ and flows/ modules. Imports inside
  functions run later, once every module is loaded, and ``if TYPE_CHECKING:`` blocks never run, so
  neither is an edge of the graph.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGES = ("factsieve", "schemas", "flows")
FORBIDDEN_IN_DOMAIN = ("prefect", "prefect_dask", "flows")


def module_files(root: Path, packages: tuple[str, ...]) -> dict[str, Path]:
    """Dotted module name -> file, for every .py file under the given top-level packages."""
    mods: dict[str, Path] = {}
    for pkg in packages:
        for path in sorted((root / pkg).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            mods[".".join(parts)] = path
    return mods


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported_names(node: ast.Import | ast.ImportFrom, module: str, is_pkg: bool) -> list[str]:
    """Absolute dotted names an import statement loads: for ``from X import y`` both X and X.y
    (y may be a submodule; callers keep only names that are modules they know)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        base = module.split(".") if is_pkg else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    return [target] + [f"{target}.{alias.name}" for alias in node.names]


def _child_statements(node: ast.AST) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.stmt):
            out.append(child)
        elif isinstance(child, ast.excepthandler | ast.match_case):
            out.extend(child.body)
    return out


def imports_of(path: Path, module: str, *, module_level_only: bool) -> set[str]:
    """Dotted names imported by a file. With ``module_level_only``, only the imports that run when
    the module is imported: not inside functions, not under ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_pkg = path.name == "__init__.py"
    found: set[str] = set()

    if not module_level_only:
        return {
            name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for name in _imported_names(node, module, is_pkg)
        }

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.Import | ast.ImportFrom):
                found.update(_imported_names(node, module, is_pkg))
            elif isinstance(node, ast.If) and _is_type_checking(node.test):
                visit(node.orelse)
            elif not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                # class bodies, if/try/with/match blocks: they run at import time
                visit(_child_statements(node))

    visit(tree.body)
    return found


def import_graph(root: Path, packages: tuple[str, ...]) -> dict[str, set[str]]:
    """Module-level import edges between the modules of ``packages`` (importing ``a.b.c`` also
    runs the packages ``a`` and ``a.b``, so those are edges too)."""
    mods = module_files(root, packages)
    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        edges: set[str] = set()
        for target in imports_of(path, name, module_level_only=True):
            parts = target.split(".")
            edges.update(p for i in range(1, len(parts) + 1) if (p := ".".join(parts[:i])) in mods)
        edges.discard(name)
        # A package's own __init__ runs before its submodules: not an import *by* the submodule.
        graph[name] = {e for e in edges if not name.startswith(e + ".")}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return sorted(found)


def _top(name: str) -> str:
    return name.split(".")[0]


# ---- the rules, on this repository ---------------------------------------------------------------


def test_the_domain_package_never_imports_prefect_or_flows_statically():
    offenders = {
        name: sorted(
            t for t in imports_of(path, name, module_level_only=False) if _top(t) in FORBIDDEN_IN_DOMAIN
        )
        for name, path in module_files(REPO, ("factsieve",)).items()
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_every_domain_module_loads_no_prefect_and_no_flows():
    names = sorted(module_files(REPO, ("factsieve",)))
    assert "factsieve.batch.pipeline" in names and "factsieve.output.report" in names
    code = textwrap.dedent(
        f"""
        import importlib, sys
        for name in {names!r}:
            importlib.import_module(name)
        print(sorted({{m.split(".")[0] for m in sys.modules}} & {set(FORBIDDEN_IN_DOMAIN)!r}))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300, check=True
    )
    assert out.stdout.strip() == "[]"


def test_schemas_take_only_the_vocabulary_from_the_domain_package():
    for name, path in module_files(REPO, ("schemas",)).items():
        from_domain = {t for t in imports_of(path, name, module_level_only=False) if _top(t) == "factsieve"}
        others = {
            t
            for t in from_domain
            if t != "factsieve.vocabulary" and not t.startswith("factsieve.vocabulary.")
        }
        assert others == set(), name


def test_vocabulary_imports_nothing_and_params_only_the_standard_library():
    vocab = imports_of(REPO / "factsieve/vocabulary.py", "factsieve.vocabulary", module_level_only=False)
    assert vocab <= {"__future__", "__future__.annotations"}
    params = imports_of(REPO / "factsieve/params.py", "factsieve.params", module_level_only=False)
    assert {_top(t) for t in params} <= set(sys.stdlib_module_names) | {"__future__"}


def test_no_module_level_import_cycle():
    graph = import_graph(REPO, PACKAGES)
    assert "factsieve.batch.pipeline" in graph["factsieve.output.assemble"]  # the graph sees real edges
    assert cycles(graph) == []


# ---- the checker itself, on planted packages -----------------------------------------------------


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_the_cycle_check_finds_a_planted_cycle_across_subpackages(tmp_path):
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from pkg.sub import b\n",
            "pkg/sub/__init__.py": "",
            "pkg/sub/b.py": "from .c import thing\n",
            "pkg/sub/c.py": "import pkg.a\nthing = 1\n",
            "pkg/d.py": "from pkg import a\n",
        },
    )
    assert cycles(import_graph(tmp_path, ("pkg",))) == [["pkg.a", "pkg.sub.b", "pkg.sub.c"]]


def test_the_cycle_check_ignores_type_checking_and_function_level_imports(tmp_path):
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from pkg import b\n",
            "pkg/b.py": """\
                from typing import TYPE_CHECKING
                if TYPE_CHECKING:
                    from pkg.a import X
                def late():
                    from pkg import a
                    return a
                """,
        },
    )
    assert cycles(import_graph(tmp_path, ("pkg",))) == []
    # ...but the same import at module level, even inside try/else or a class body, is a cycle
    _write(
        tmp_path,
        {
            "pkg/b.py": "try:\n    import json\nexcept ImportError:\n    pass\nelse:\n    from pkg.a import X\n"
        },
    )
    assert cycles(import_graph(tmp_path, ("pkg",))) == [["pkg.a", "pkg.b"]]


def test_the_static_prefect_check_sees_lazy_imports(tmp_path):
    _write(
        tmp_path,
        {
            "factsieve/__init__.py": "",
            "factsieve/cli.py": "def main():\n    from flows.curate import curate\n",
        },
    )
    found = imports_of(tmp_path / "factsieve/cli.py", "factsieve.cli", module_level_only=False)
    assert {_top(t) for t in found} & set(FORBIDDEN_IN_DOMAIN) == {"flows"}
    assert imports_of(tmp_path / "factsieve/cli.py", "factsieve.cli", module_level_only=True) == set()


@pytest.mark.parametrize(
    ("module", "is_pkg", "source", "expected"),
    [
        ("p.q.m", False, "from . import x", {"p.q", "p.q.x"}),
        ("p.q.m", False, "from ..r import y", {"p.r", "p.r.y"}),
        ("p.q", True, "from .m import z", {"p.q.m", "p.q.m.z"}),
    ],
)
def test_relative_imports_resolve_to_absolute_names(module, is_pkg, source, expected):
    node = ast.parse(source).body[0]
    assert set(_imported_names(node, module, is_pkg)) == expected
