"""Read and edit exercise files at the level of one unit's definitions (``drill``'s view of the source).

Everything here works on source text with :mod:`ast`; nothing imports the
exercise or a framework, so ``drill list`` stays fast.

A unit *owns* the top-level names it lists that no earlier unit of the same
module lists (``pytorch.gpu.placement`` lists ``to_device`` and ``try_gpu``
but owns only ``to_device``): resetting or locating a unit touches its owned
names only, so it never discards work on another unit.
"""

from __future__ import annotations

import ast
import hashlib
from dataclasses import dataclass
from pathlib import Path

from harness import catalog


def exercise_file(root: Path, unit: catalog.Unit, tree: str = "exercises") -> Path:
    return Path(root) / tree / unit.framework / f"{unit.module}.py"


def owned_names(unit: catalog.Unit) -> tuple[str, ...]:
    earlier: set[str] = set()
    for other in catalog.units_for(unit.framework, unit.module):
        if other.id == unit.id:
            break
        earlier.update(other.names)
    owned = tuple(n for n in unit.names if n not in earlier)
    return owned or unit.names


@dataclass(frozen=True)
class Definition:
    name: str
    first: int  # 1-based first line (decorators included)
    last: int  # 1-based last line
    node: ast.AST

    def text(self, lines: list[str]) -> str:
        return "".join(lines[self.first - 1:self.last])


def parse(source: str) -> ast.Module | None:
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError):
        return None


def definitions(module: ast.Module) -> dict[str, Definition]:
    """Top-level ``def``/``class``/assignment of each name (the last one wins, as at import)."""
    found: dict[str, Definition] = {}
    for node in module.body:
        names: list[str] = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        for name in names:
            found[name] = Definition(name, first, node.end_lineno, node)
    return found


def _is_not_implemented_raise(stmt: ast.stmt) -> bool:
    if not isinstance(stmt, ast.Raise) or stmt.exc is None:
        return False
    exc = stmt.exc.func if isinstance(stmt.exc, ast.Call) else stmt.exc
    return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"


def _is_trivial(stmt: ast.stmt) -> bool:
    """Docstrings, ``pass`` and ``super().__init__(...)``: what a stub method may hold besides its raise."""
    if isinstance(stmt, ast.Pass):
        return True
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
        return True
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        func = stmt.value.func
        return (isinstance(func, ast.Attribute) and func.attr == "__init__" and isinstance(func.value, ast.Call)
                and isinstance(func.value.func, ast.Name) and func.value.func.id == "super")
    return False


def is_stub_definition(node: ast.AST) -> bool:
    """Every function in it is a stub (its body raises ``NotImplementedError`` or is trivial), one raise at least."""
    functions = [f for f in ast.walk(node) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))]
    raising = 0
    for f in functions:
        if any(_is_not_implemented_raise(s) for s in f.body):
            raising += 1
        elif not all(_is_trivial(s) for s in f.body):
            return False
    return raising > 0


def is_stub(source: str, unit: catalog.Unit) -> bool:
    """The unit's owned names are all defined in ``source`` and all still stubs."""
    module = parse(source)
    if module is None:
        return False
    defs = definitions(module)
    names = owned_names(unit)
    return all(n in defs and is_stub_definition(defs[n].node) for n in names)


def module_is_stub(source: str, framework: str, module_name: str) -> bool:
    return all(is_stub(source, u) for u in catalog.units_for(framework, module_name))


def unit_code(source: str, unit: catalog.Unit) -> str | None:
    """The unit's owned definitions, normalised by ``ast`` (comments and layout ignored); None if unparsable."""
    module = parse(source)
    if module is None:
        return None
    defs = definitions(module)
    return "\n".join(ast.dump(defs[n].node) if n in defs else f"<absent {n}>" for n in owned_names(unit))


def fingerprint(source: str, unit: catalog.Unit) -> str:
    """Changes whenever something the unit's grade depends on changes.

    That is the unit's own names, the units it depends on, and every top-level
    statement that defines no *other* unit's name (imports, constants, helpers).
    Comments and layout do not count.  An unparsable file counts as a whole.
    """
    module = parse(source)
    if module is None:
        return "text:" + hashlib.sha1(source.encode()).hexdigest()
    others: set[str] = set()
    for other in catalog.units_for(unit.framework, unit.module):
        if other.id != unit.id and other.name not in unit.depends:
            others.update(owned_names(other))
    keep = set(unit.names)
    for dep in unit.depends:
        dep_unit = catalog.BY_ID.get(f"{unit.framework}.{unit.module}.{dep}")
        if dep_unit is not None:
            keep.update(dep_unit.names)
    parts = []
    for node in module.body:
        defined = set(_names_defined(node))
        if defined and defined <= (others - keep):
            continue
        parts.append(ast.dump(node))
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()


def _names_defined(node: ast.AST) -> list[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []


def edit_line(source: str, unit: catalog.Unit) -> int:
    """The line to edit: the first ``raise NotImplementedError`` of the unit's code, else its first line; in a file
    that does not parse, the line of the syntax error."""
    module = parse(source)
    if module is None:
        try:
            compile(source, "<exercise>", "exec")
        except SyntaxError as exc:
            return exc.lineno or 1
        except (ValueError, TypeError):
            return 1
        return 1
    defs = definitions(module)
    present = [defs[n] for n in owned_names(unit) if n in defs]
    if not present:
        return len(source.splitlines()) or 1
    present.sort(key=lambda d: d.first)
    for d in present:
        raises = [s.lineno for s in ast.walk(d.node) if isinstance(s, ast.stmt) and _is_not_implemented_raise(s)]
        if raises:
            return min(raises)
    return present[0].first


def definition_texts(source: str, unit: catalog.Unit) -> dict[str, str]:
    """Source text of each owned name present in ``source``."""
    module = parse(source)
    if module is None:
        return {}
    lines = source.splitlines(keepends=True)
    defs = definitions(module)
    return {n: defs[n].text(lines) for n in owned_names(unit) if n in defs}


def helper_names(source: str, unit: catalog.Unit) -> list[str]:
    """Module-level names of ``source`` that the unit's definitions use, directly or through one another, and that
    belong to no unit of the module (private helpers and constants such as a file format's writer), in source
    order: what a reader needs besides the unit's own code."""
    module = parse(source)
    if module is None:
        return []
    defs = definitions(module)
    units = {n for other in catalog.units_for(unit.framework, unit.module) for n in other.names}
    todo, seen = [n for n in owned_names(unit) if n in defs], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for node in ast.walk(defs[name].node):
            if isinstance(node, ast.Name) and node.id in defs and node.id not in units and node.id not in seen:
                todo.append(node.id)
    return sorted((n for n in seen if n not in units), key=lambda n: defs[n].first)


def replace_definitions(source: str, unit: catalog.Unit, pristine: dict[str, str]) -> str:
    """``source`` with each owned definition replaced by its pristine text (appended if absent).

    Raises ValueError when ``source`` does not parse (then only a whole-file reset can help).
    """
    module = parse(source)
    if module is None:
        raise ValueError("the file does not parse")
    lines = source.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    defs = definitions(module)
    present = sorted((defs[n] for n in pristine if n in defs), key=lambda d: d.first, reverse=True)
    for d in present:
        text = pristine[d.name]
        if not text.endswith("\n"):
            text += "\n"
        lines[d.first - 1:d.last] = [text]
    for name, text in pristine.items():
        if name not in defs:
            lines.append("\n\n" + text + ("" if text.endswith("\n") else "\n"))
    return "".join(lines)
