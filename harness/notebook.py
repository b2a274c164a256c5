"""Grade a unit defined in a notebook's own namespace: ``check("MySequential")`` or ``%drill check MySequential``.

In Jupyter (or any IPython), after the cells that define a unit have run::

    from harness.notebook import check
    check("MySequential")            # the unit's name, "blocks.MySequential" or "pytorch.blocks.MySequential"

or, as a magic, ``%load_ext harness.notebook`` once, then ``%drill check MySequential``.  The unit is graded by
the same grader, against the same reference (or a student release's recorded answers), with the same seed rules
as ``drill check``; the result shows as HTML where the front-end renders it and as the terminal's text elsewhere.
The names the unit needs are taken from the namespace as it is when ``check`` runs (re-run a cell after changing
it).  The track is the one the definition belongs to (a torch ``nn.Module`` or a Keras layer; for a function, the
framework its module namespace imported), or ``framework=...``.
"""

from __future__ import annotations

import html
import inspect
import random
import traceback
import types
from dataclasses import dataclass
from pathlib import Path

from harness import CHECKOUT, catalog
from harness.core.implementation import ImplementationRaised, InProcess, raised_in


class NotebookError(Exception):
    """The unit cannot be graded from this namespace as asked (the message says why)."""


class InNamespace(InProcess):
    """Runs probes on the definitions of a namespace (a notebook's globals) instead of a module file."""

    def __init__(self, namespace: dict, framework: str, module: str):
        self.framework = framework
        self.module = module
        self.namespace = types.ModuleType(f"_d2l_notebook_{framework}_{module}")
        self.namespace.__dict__.update({k: v for k, v in namespace.items() if not k.startswith("__")})

    def availability(self, names):
        absent = [n for n in names if not hasattr(self.namespace, n)]
        if absent:
            listed = ", ".join(f"`{n}`" for n in absent)
            return "missing", f"the notebook defines no {listed} (run the cell that defines it first)"
        return "ok", ""

    def _module(self):
        return self.namespace

    def _raised(self, exc: BaseException, called: str) -> ImplementationRaised:
        raised = raised_in(exc, Path("<notebook>"), called)
        raised.where = _cell_frame(exc) or raised.where
        return raised


def _cell_frame(exc: BaseException) -> str:
    """The last frame of the traceback in notebook code (a cell, not a library): "`MLP.forward` (cell line 5)"."""
    where = ""
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        name = frame.f_code.co_filename
        if name.startswith("<ipython-input") or "ipykernel_" in name or name.startswith("<cell"):
            qualname = getattr(frame.f_code, "co_qualname", frame.f_code.co_name)
            where = f"`{qualname}` (notebook cell, line {lineno})"
    return where


def _framework_of(obj, namespace: dict) -> str | None:
    for cls in inspect.getmro(obj) if inspect.isclass(obj) else ():
        top = (cls.__module__ or "").split(".")[0]
        if top == "torch":
            return "pytorch"
        if top in ("keras", "tensorflow", "tf_keras"):
            return "tensorflow"
    imported = {getattr(v, "__name__", "").split(".")[0] for v in namespace.values() if isinstance(v, types.ModuleType)}
    if "torch" in imported and not imported & {"keras", "tensorflow"}:
        return "pytorch"
    if imported & {"keras", "tensorflow"} and "torch" not in imported:
        return "tensorflow"
    return None


def find_unit(name: str, namespace: dict, framework: str | None = None) -> catalog.Unit:
    if name in catalog.BY_ID:
        return catalog.BY_ID[name]
    found = [u for u in catalog.UNITS if name in (u.name, f"{u.module}.{u.name}")]
    if not found:
        raise NotebookError(f"no unit is called `{name}` (docs/units.md lists them)")
    if framework is None and len({u.framework for u in found}) > 1:
        framework = _framework_of(namespace.get(found[0].name), namespace)
        if framework is None:
            raise NotebookError(f"`{name}` is a unit of both tracks: say which, check({name!r}, "
                                "framework='pytorch') or framework='tensorflow'")
    found = [u for u in found if framework is None or u.framework == framework]
    if len(found) != 1:
        raise NotebookError(f"`{name}` names {len(found)} units: give its id (e.g. {found[0].id if found else ''})")
    return found[0]


@dataclass
class NotebookResult:
    """A unit's result as a notebook shows it: the terminal's text, or HTML."""

    id: str
    status: str
    score: float
    max_score: float
    message: str

    def text(self) -> str:
        points = f"{self.score:g}/{self.max_score:g} points" if self.status != "skipped" else "not counted"
        return f"[{self.status}] {self.id} ({points})" + (f"\n{self.message}" if self.message else "")

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        colour = {"passed": "#1a7f37", "failed": "#cf222e", "error": "#8250df", "missing": "#9a6700",
                  "skipped": "#0969da"}.get(self.status, "inherit")
        points = f"{self.score:g}/{self.max_score:g} points" if self.status != "skipped" else "not counted"
        body = (f"<pre style='white-space: pre-wrap; margin: 0.3em 0 0 0'>{html.escape(self.message)}</pre>"
                if self.message else "")
        return (f"<div class='d2l-drill-result'><b style='color: {colour}'>{html.escape(self.status)}</b> "
                f"<code>{html.escape(self.id)}</code> ({points}){body}</div>")


def check(name: str, namespace: dict | None = None, *, framework: str | None = None,
          seed: int | None = None) -> NotebookResult:
    """Grade unit ``name`` on the definitions in ``namespace`` (default: the caller's globals, i.e. the notebook's)."""
    if namespace is None:
        namespace = inspect.currentframe().f_back.f_globals
    from harness.core import profiles
    from harness.core import recorded
    from harness.core.grading import grade_unit

    unit = find_unit(name, namespace, framework)
    run = recorded.release_settings(CHECKOUT, None, seed)
    if run.refusal:
        raise NotebookError(run.refusal)
    if run.release:
        seed = run.seed
    elif seed is None:
        seed = random.SystemRandom().randrange(2**31)
    from hypothesis import settings

    saved = settings.get_current_profile_name()
    profiles.activate("dev", database=not run.release)
    try:
        result = grade_unit(unit, CHECKOUT / "exercises", session_seed=seed,
                            implementation=lambda _tree, fw, module: InNamespace(namespace, fw, module))
    finally:
        settings.load_profile(saved)
    return NotebookResult(unit.id, result.status, result.score, result.max_score, result.message)


def _drill_magic(line: str):
    """``%drill check UNIT [--framework pytorch|tensorflow] [--seed N]``."""
    import shlex

    from IPython import get_ipython

    words = shlex.split(line)
    if len(words) < 2 or words[0] != "check":
        raise NotebookError("usage: %drill check UNIT [--framework pytorch|tensorflow] [--seed N]")
    options = dict(zip(words[2::2], words[3::2]))
    unknown = set(options) - {"--framework", "--seed"}
    if unknown:
        raise NotebookError(f"unknown option {sorted(unknown)[0]} (usage: %drill check UNIT [--framework F] "
                            "[--seed N])")
    seed = int(options["--seed"]) if "--seed" in options else None
    return check(words[1], get_ipython().user_ns, framework=options.get("--framework"), seed=seed)


def load_ipython_extension(ipython) -> None:
    """``%load_ext harness.notebook``: registers ``%drill``."""
    ipython.register_magic_function(_drill_magic, magic_kind="line", magic_name="drill")

