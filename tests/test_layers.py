"""The harness's layers: which package may import which, no import cycles, and the graders' one import surface.

Layers, lowest first (README "How grading works" shows the same):

    0  harness (the checkout's identity), harness.catalog (units as data)
    1  harness.core         grading, observations, the reference, strategies, profiles, seeding
    2  harness.frameworks   the PyTorch and Keras glue          harness.reports   JSON, Markdown, gradebooks
    3  harness.isolation    submissions, sandboxed workers, the fork server, jobs
    4  harness.drill        the self-study front-end and `drill grade`
    5  the rest of harness/ (cli, plugin, platforms, release, notebook, api, ...)

A module may import its own package and any package of a lower layer, never a higher one nor another package of
its own layer.  Every import counts, the ones inside functions too (they hide cycles, not dependencies).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LAYERS = {"harness": 0, "harness.catalog": 0, "harness.core": 1, "harness.frameworks": 2, "harness.reports": 2,
          "harness.isolation": 3, "harness.drill": 4}
TOP = 5


def modules(root: Path, package: str = "harness") -> dict[str, Path]:
    found = {}
    for file in sorted((root / package).rglob("*.py")):
        parts = file.relative_to(root).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = file
    return found


def imports_of(name: str, file: Path, known: dict[str, Path], package: str = "harness") -> set[str]:
    """The modules of ``package`` that ``file`` (module ``name``) imports anywhere in its body."""
    found = set()
    tree = ast.parse(file.read_text(), str(file))
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = name.split(".") if file.name == "__init__.py" else name.split(".")[:-1]
                parts = parts[:len(parts) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        for target in targets:
            if target != package and not target.startswith(package + "."):
                continue
            while target not in known and "." in target:
                target = target.rsplit(".", 1)[0]
            if target != name:
                found.add(target)
    return found


def graph(root: Path) -> dict[str, set[str]]:
    known = modules(root)
    return {name: imports_of(name, file, known) for name, file in known.items()}


def package_of(name: str) -> str:
    parts = name.split(".")
    if len(parts) >= 2 and ".".join(parts[:2]) in LAYERS:
        return ".".join(parts[:2])
    return name if name in LAYERS else "harness (top)"


def layer_of(name: str) -> int:
    return LAYERS.get(package_of(name), TOP)


def violations(edges: dict[str, set[str]]) -> list[str]:
    bad = []
    for source, targets in sorted(edges.items()):
        for target in sorted(targets):
            same = package_of(source) == package_of(target)
            if same or layer_of(target) < layer_of(source) or (layer_of(source) == TOP and layer_of(target) == TOP):
                continue
            bad.append(f"{source} (layer {layer_of(source)}) imports {target} (layer {layer_of(target)})")
    return bad


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), each as a sorted list."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return groups


def test_every_import_follows_the_layers():
    bad = violations(graph(ROOT))
    assert not bad, "imports against the layers (see this file's docstring):\n" + "\n".join(bad)


def test_no_import_cycle():
    found = cycles(graph(ROOT))
    assert not found, "import cycles (function-level imports count):\n" + "\n".join(" <-> ".join(c) for c in found)


def test_every_harness_folder_is_a_regular_package():
    folders = {p.parent for p in (ROOT / "harness").rglob("*.py")}
    missing = [str(f.relative_to(ROOT)) for f in folders if not (f / "__init__.py").exists()]
    assert not missing, f"folders of harness/ without __init__.py (namespace packages): {missing}"


def test_the_checks_can_fail(tmp_path):
    """A made-up harness with a cycle and an upward import: both checks report them."""
    pkg = tmp_path / "harness"
    for sub in ("core", "drill"):
        (pkg / sub).mkdir(parents=True)
        (pkg / sub / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "core" / "a.py").write_text("def f():\n    from harness.drill import b\n")
    (pkg / "drill" / "b.py").write_text("from harness.core import a\n")
    (pkg / "core" / "c.py").write_text("from . import d\n")
    (pkg / "core" / "d.py").write_text("def g():\n    from .c import x\n")
    edges = graph(tmp_path)
    assert violations(edges) == ["harness.core.a (layer 1) imports harness.drill.b (layer 4)"]
    assert cycles(edges) == [["harness.core.a", "harness.drill.b"], ["harness.core.c", "harness.core.d"]]


# ------------------------------------------------------------------------------------------------ graders


def grader_imports() -> list[tuple[Path, str, list[str]]]:
    """(file, harness module, names) for every import of the harness in graders/."""
    found = []
    for file in sorted((ROOT / "graders").rglob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(), str(file))):
            if isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").startswith("harness"):
                found.append((file, node.module, [a.name for a in node.names]))
            elif isinstance(node, ast.Import):
                found += [(file, a.name, []) for a in node.names if a.name.startswith("harness")]
    return found


def test_graders_use_the_api_and_their_own_glue_only():
    glue = {"pytorch": "harness.frameworks.torch_glue", "tensorflow": "harness.frameworks.tf_glue"}
    bad = []
    for file, module, _ in grader_imports():
        track = file.relative_to(ROOT / "graders").parts[0]
        allowed = {"harness.api"} | ({glue[track]} if track in glue else set())
        if module not in allowed:
            bad.append(f"{file.relative_to(ROOT)} imports {module} (allowed: {', '.join(sorted(allowed))})")
    assert not bad, "\n".join(bad)


def test_the_api_offers_exactly_its_all():
    from harness import api

    public = {n for n in vars(api) if n.isidentifier() and not n.startswith("_") and n != "annotations"}  # not pytest's @py_*
    assert sorted(api.__all__) == sorted(set(api.__all__)), "__all__ lists a name twice"
    assert set(api.__all__) == public, (f"in __all__ but not defined: {sorted(set(api.__all__) - public)}; "
                                        f"defined but not in __all__: {sorted(public - set(api.__all__))}")
    used = {n for _, module, names in grader_imports() if module == "harness.api" for n in names}
    assert used <= set(api.__all__), f"graders import names the api does not offer: {sorted(used - set(api.__all__))}"
    assert set(api.__all__) <= used, f"offered but used by no grader (remove them): {sorted(set(api.__all__) - used)}"
