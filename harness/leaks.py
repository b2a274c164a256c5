"""Does a text or a file give the reference's code away?  (The self-check of stubs, hints, rules and releases.)

A *giveaway* is a piece of the reference's code long enough to be the answer or a big part of it: a statement
inside a function or method (not a docstring, ``pass``, ``raise``, ``super().__init__(...)``), or an expression
inside one (a call with arguments, arithmetic, a subscript, a comprehension) of at least :data:`MIN_NODES` AST
nodes.  Fragments are compared after normalisation: ``ast.unparse`` (one spelling of quotes, parentheses,
spacing), then all white space removed, so ``torch.einsum( 'ijk,ni,nj->nk' , W, X, X)`` in a docstring matches
the reference's ``torch.einsum("ijk,ni,nj->nk", W, X, X)``.  Naming an API (``nn.Linear``, ``torch.einsum``,
``add_weight``) is not a giveaway; writing the call that solves the exercise is.

A checked file's *code* is compared statement by statement; its *texts* (docstrings, string constants such as a
``NotImplementedError`` message, comments) are compared as plain text, since prose holds code anywhere in a line.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

MIN_NODES = 6  # `F.relu(X)` is 5 nodes (a name of the API and its obvious argument); `nn.Linear(20, 256)` is 6

_TRIVIAL_CALLS = {"super().__init__", "super", "print", "len", "range", "tuple", "list", "isinstance", "int",
                  "float", "str", "type", "getattr", "hasattr"}


@dataclass(frozen=True)
class Leak:
    where: str  # "path:line" of the text or code that holds the giveaway
    fragment: str  # the reference's code, as written there (unparsed)

    def __str__(self) -> str:
        return f"{self.where}: gives away `{self.fragment}`"


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", text.replace('"', "'"))


def _size(node: ast.AST) -> int:
    """AST nodes in ``node`` (operators and contexts not counted); a compound statement counts its header only."""
    if isinstance(node, (ast.If, ast.While)):
        return 1 + _size(node.test)
    if isinstance(node, (ast.For, ast.AsyncFor)):
        return 1 + _size(node.target) + _size(node.iter)
    if isinstance(node, (ast.With, ast.AsyncWith)):
        return 1 + sum(_size(item.context_expr) for item in node.items)
    if isinstance(node, ast.Try):
        return 0
    return sum(1 for n in ast.walk(node) if not isinstance(n, (ast.expr_context, ast.operator, ast.unaryop,
                                                                ast.cmpop, ast.boolop)))


def _call_name(node: ast.Call) -> str:
    try:
        return ast.unparse(node.func)
    except Exception:  # noqa: BLE001 - an odd node is simply not trivial
        return ""


def _trivial_statement(stmt: ast.stmt) -> bool:
    if isinstance(stmt, (ast.Pass, ast.Raise, ast.Import, ast.ImportFrom, ast.Global, ast.Nonlocal, ast.Break,
                         ast.Continue, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return True
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):  # a docstring
        return True
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and _call_name(stmt.value) in _TRIVIAL_CALLS:
        return True
    return False


def _interesting_expression(node: ast.AST) -> bool:
    if isinstance(node, ast.Call):
        return bool(node.args or node.keywords) and _call_name(node) not in _TRIVIAL_CALLS
    return isinstance(node, (ast.BinOp, ast.Subscript, ast.ListComp, ast.DictComp, ast.SetComp, ast.GeneratorExp,
                             ast.Lambda, ast.Compare, ast.IfExp))


def _simple_statement_text(stmt: ast.stmt) -> str:
    """The statement's own line: a compound statement (if, for, with, try) without its body."""
    if isinstance(stmt, (ast.If, ast.While)):
        return f"{'if' if isinstance(stmt, ast.If) else 'while'} {ast.unparse(stmt.test)}:"
    if isinstance(stmt, (ast.For, ast.AsyncFor)):
        return f"for {ast.unparse(stmt.target)} in {ast.unparse(stmt.iter)}:"
    if isinstance(stmt, (ast.With, ast.AsyncWith)):
        return f"with {', '.join(ast.unparse(item) for item in stmt.items)}:"
    if isinstance(stmt, ast.Try):
        return ""
    return ast.unparse(stmt)


def fragments(source: str, names: tuple[str, ...] | None = None) -> dict[str, str]:
    """{normalised: as written} for the giveaways of ``source`` (a reference module); with ``names``, only those
    inside the top-level definitions of those names (a unit's own code)."""
    found: dict[str, str] = {}
    for top in ast.parse(source).body:
        if names is not None and getattr(top, "name", None) not in names:
            continue
        for fn in ast.walk(top):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            body = fn.body if isinstance(fn.body, list) else [ast.Return(value=fn.body)]
            for stmt in body:
                for node in ast.walk(stmt):
                    if isinstance(node, ast.stmt) and not _trivial_statement(node):
                        text = _simple_statement_text(node)
                        if text and _size(node) >= MIN_NODES:
                            found.setdefault(normalise(text), text)
                    elif isinstance(node, ast.expr) and _interesting_expression(node) and _size(node) >= MIN_NODES:
                        text = ast.unparse(node)
                        found.setdefault(normalise(text), text)
    return found


def _texts(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string constant and comment in ``source``."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr):
            out.append((node.lineno, "".join(v.value for v in node.values if isinstance(v, ast.Constant))))
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            out.append((tok.start[0], tok.string))
    return out


def _code_statements(source: str) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.stmt) and not _trivial_statement(node):
            out.append((node.lineno, normalise(_simple_statement_text(node))))
        elif isinstance(node, ast.expr) and _interesting_expression(node):
            out.append((node.lineno, normalise(ast.unparse(node))))
    return out


def leaks_in_text(text: str, giveaways: dict[str, str], where: str) -> list[Leak]:
    flat = normalise(text)
    return _maximal([Leak(where, shown) for key, shown in giveaways.items() if key in flat])


def leaks_in_source(source: str, giveaways: dict[str, str], path: str) -> list[Leak]:
    """Giveaways in a Python file: in its code (a statement or expression equal to one) and in its texts."""
    found, seen = [], set()
    for line, code in _code_statements(source):
        if code in giveaways and (line, code) not in seen:
            seen.add((line, code))
            found.append(Leak(f"{path}:{line}", giveaways[code]))
    for line, text in _texts(source):
        for leak in leaks_in_text(text, giveaways, f"{path}:{line}"):
            if (line, normalise(leak.fragment)) not in seen:
                seen.add((line, normalise(leak.fragment)))
                found.append(leak)
    return _maximal(found)


def _maximal(found: list[Leak]) -> list[Leak]:
    """Per place, only the giveaways not inside a longer one found there (a statement, not also its call)."""
    keep = []
    for leak in found:
        mine = normalise(leak.fragment)
        if not any(other.where == leak.where and mine != normalise(other.fragment)
                   and mine in normalise(other.fragment) for other in found):
            if leak not in keep:
                keep.append(leak)
    return keep


def reference_giveaways(solutions: Path, framework: str, module: str) -> dict[str, str]:
    return fragments((solutions / framework / f"{module}.py").read_text())


def stub_leaks(root: Path) -> list[Leak]:
    """Every giveaway of ``root/solutions`` in ``root/exercises`` (code, docstrings, messages, comments) and in the
    catalog's hints and rules, each unit's text against its own module's reference."""
    from harness import catalog

    found: list[Leak] = []
    for framework in catalog.FRAMEWORKS:
        for module in catalog.MODULES:
            stub = root / "exercises" / framework / f"{module}.py"
            ref = root / "solutions" / framework / f"{module}.py"
            if not (stub.exists() and ref.exists()):
                continue
            giveaways = fragments(ref.read_text())
            found += leaks_in_source(stub.read_text(), giveaways, str(stub.relative_to(root)))
    for unit in catalog.UNITS:
        ref = root / "solutions" / unit.framework / f"{unit.module}.py"
        if not ref.exists():
            continue
        giveaways = fragments(ref.read_text())
        for stage, hint in enumerate(unit.hints, 1):
            found += leaks_in_text(hint, giveaways, f"{unit.id} hint {stage}")
        if unit.rule:
            found += leaks_in_text(unit.rule, giveaways, f"{unit.id} rule")
    return found
