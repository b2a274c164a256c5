"""The pytest plugin: grades any implementation tree with the contract's layout.

``pytest exercises/`` (or ``solutions/``, or any tree, or ``--impl PATH``)
collects one test item per graded unit of each ``<tree>/<framework>/<module>.py``
file; the item runs that unit's grader against the file's tree.  Registered as
the ``pytest11`` entry point ``harness.plugin``.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib.metadata
import random
import sys
from pathlib import Path

import pytest


def _rewrite_hooks() -> list:
    """(position, finder) of pytest's assertion-rewriting import hooks on ``sys.meta_path``."""
    return [(i, f) for i, f in enumerate(sys.meta_path) if type(f).__name__ == "AssertionRewritingHook"]


def _leave_hypothesis_unrewritten():
    """pytest rewrites the asserts of every module in a pytest-plugin distribution as it is imported, Hypothesis'
    70 included; nothing here reads Hypothesis' asserts, and where bytecode is not cached (PYTHONDONTWRITEBYTECODE)
    the rewriting costs about 0.7 s a run (Hypothesis imports in 0.2 s plain, 0.9 s rewritten).  This plugin is
    the first to import Hypothesis, so unmarking it before that import is enough; on a pytest whose hook looks
    different this does nothing."""
    for _, finder in _rewrite_hooks():
        marked = getattr(finder, "_must_rewrite", None)
        if isinstance(marked, set):
            marked.difference_update({"hypothesis", "_hypothesis_globals", "_hypothesis_ftz_detector"})
            cache = getattr(finder, "_marked_for_rewrite_cache", None)
            if isinstance(cache, dict):
                cache.clear()


_leave_hypothesis_unrewritten()


@contextlib.contextmanager
def _no_assert_rewriting():
    """Framework imports without pytest's assertion-rewriting import hook.  The hook looks at every module
    imported while it is installed (about 2,800 for TensorFlow and Keras, 0.2 s) and rewrites TensorFlow's own
    ``test_util.py`` and friends because their names match ``test_*.py`` (0.2 s more where bytecode is not
    cached); no framework module is a test file.  Imports made inside are exactly the imports made without the
    hook; it is put back where it was, whatever happens."""
    hooks = _rewrite_hooks()
    for _, finder in reversed(hooks):
        sys.meta_path.remove(finder)
    try:
        yield
    finally:
        for index, finder in hooks:
            if finder not in sys.meta_path:
                sys.meta_path.insert(min(index, len(sys.meta_path)), finder)

from harness import catalog  # noqa: E402
from harness.core import profiles  # noqa: E402  (imports Hypothesis)
from harness.reports.report import append_markdown, submission_json, summary_table, write_json

_SEED = pytest.StashKey[object]()
_KNOBS = pytest.StashKey[list]()  # the D2L_* knobs set in the environment, checked (harness/core/knobs.py)
_RELEASE = pytest.StashKey[bool]()  # the checkout graded with is a student release (harness/core/recorded.py)


def pytest_addoption(parser):
    group = parser.getgroup("d2l-drill", "grading of d2l 'Deep learning computation' exercises")
    group.addoption("--impl", action="append", default=[], metavar="PATH",
                    help="grade the implementation tree at PATH (a folder holding pytorch/ and/or tensorflow/); "
                         "may be given several times. Without it, grade the trees given as paths, e.g. exercises/.")
    group.addoption("--d2l-json", dest="d2l_json", default=None, metavar="FILE",
                    help="write the grading report (docs/units.md, 'The grading report') as JSON to FILE "
                         "(not --json: the pytest-json plugin owns that option).")
    group.addoption("--d2l-markdown", dest="d2l_markdown", default=None, metavar="FILE",
                    help="append the grade table as Markdown to FILE (e.g. \"$GITHUB_STEP_SUMMARY\" in GitHub Actions).")
    group.addoption("--no-grade-summary", dest="d2l_summary", action="store_false", default=True,
                    help="do not print the table of grades at the end of the run.")
    group.addoption("--isolate", dest="d2l_isolate", action="store_true", default=False,
                    help="run the graded code in sandboxed worker processes (as `drill grade` does) instead of "
                         "in the pytest process: slower to start, no native tracebacks.")


def _leave_the_heap_to_the_os():
    """At interpreter exit, after every atexit handler registered before this one: objects still alive are not
    traversed by Python's final garbage collections (about 0.4 s over TensorFlow's heap, as long as the whole
    bare ``import tensorflow``'s own exit); the OS reclaims the memory.  Objects in reference cycles then get
    no ``__del__`` at exit; every report has been written by then."""
    if "tensorflow" in sys.modules or "torch" in sys.modules:
        gc.freeze()


def pytest_configure(config):
    from harness import foreign_checkout

    from harness.core import knobs

    refusal = foreign_checkout(config.rootpath)
    if refusal:
        raise pytest.UsageError(f"d2l-drill: {refusal}")
    try:
        config.stash[_KNOBS] = knobs.overridden()
    except knobs.SettingsError as exc:
        raise pytest.UsageError(f"d2l-drill: {exc}") from None
    if not getattr(_leave_the_heap_to_the_os, "registered", False):
        atexit.register(_leave_the_heap_to_the_os)
        _leave_the_heap_to_the_os.registered = True
    for framework in catalog.FRAMEWORKS:
        config.addinivalue_line("markers", f"{framework}: a graded unit of the {framework} track")
    config.addinivalue_line("markers", "gpu: a graded unit that needs a GPU; skipped, with the reason, without one")
    from harness import CHECKOUT
    from harness.core import recorded

    given = config.getoption("hypothesis_seed", None)
    given = int(given) if given is not None and str(given).isdigit() else given
    run = recorded.release_settings(CHECKOUT, config.getoption("hypothesis_profile", None), given)
    if run.refusal:
        raise pytest.UsageError(f"d2l-drill: {run.refusal}")
    profile = profiles.activate(run.profile, database=not run.release)
    config.stash[_RELEASE] = run.release
    config.stash[_SEED] = run.seed if run.release else _session_seed(config, profile, given)
    config.pluginmanager.register(GradeRecorder(config), "d2l-grade-recorder")
    impl = config.getoption("impl")
    if impl:
        explicit = config.args_source == pytest.Config.ArgsSource.ARGS
        config.args[:] = ([*config.args] if explicit else []) + [str(Path(p)) for p in impl]


def _session_seed(config, profile: str, given):
    """``given`` (--hypothesis-seed), or the controller's (xdist), or a fresh one; None means derandomized (ci
    profile)."""
    if given is not None:
        return given
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None and "d2l_seed" in workerinput:
        return workerinput["d2l_seed"]
    if profiles.PROFILES.get(profile, {}).get("derandomize"):
        return None
    return random.SystemRandom().randrange(2**31)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):  # pytest-xdist: every worker grades with the controller's seed
    node.workerinput["d2l_seed"] = node.config.stash[_SEED]


def pytest_report_header(config):
    seed = config.stash[_SEED]
    profile = profiles.current()
    seed_text = f"seed {seed} (rerun with --hypothesis-seed={seed})" if seed is not None else "derandomized"
    versions = []
    for dist in ("torch", "tensorflow-cpu", "tensorflow"):
        try:
            versions.append(f"{dist.split('-')[0]} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    names = {v.split()[0] for v in versions}
    frameworks = ", ".join(dict.fromkeys(versions)) if versions else "none"
    absent = [n for n in ("torch", "tensorflow") if n not in names]
    frameworks += "".join(f", {n} not installed" for n in absent)
    if config.stash[_RELEASE]:
        seed_text = f"seed {seed} (a student release: the public examples, the same on every run)"
    lines = [f"d2l-drill: profile {profile!r}, {seed_text}", f"d2l-drill frameworks: {frameworks}"]
    if config.stash.get(_KNOBS, []):
        lines.append(f"d2l-drill knobs from the environment: {', '.join(config.stash[_KNOBS])}")
    return lines


def pytest_report_collectionfinish(config, start_path, items):
    from harness import CHECKOUT

    units = [item for item in items if isinstance(item, UnitItem)]
    frameworks = {item.unit.framework for item in units}
    if not frameworks:
        return []
    trees = []
    for item in units:
        tree = item.parent.tree
        shown = str(tree.relative_to(config.rootpath)) if tree.is_relative_to(config.rootpath) else str(tree)
        if shown not in trees:
            trees.append(shown)
    reference = "the reference's recorded answers" if config.stash[_RELEASE] else "reference"
    return [f"d2l-drill grades: {', '.join(trees)} with the graders and {reference} of {CHECKOUT}",
            f"d2l-drill GPUs: {gpu_summary(frameworks)}"]


def gpu_summary(frameworks) -> str:
    from harness.core.grading import _framework_missing, framework_broken

    parts = []
    for framework in ("pytorch", "tensorflow"):
        if framework not in frameworks or _framework_missing(framework):
            continue
        with _no_assert_rewriting():  # the glue imports the framework (TensorFlow after the harness's settings)
            broken = framework_broken(framework)
        if broken:
            parts.append(f"{'torch' if framework == 'pytorch' else 'tensorflow'} fails to import (its units are "
                         "errors, the rest is graded)")
            continue
        if framework == "pytorch":
            import torch

            n = torch.cuda.device_count() if torch.cuda.is_available() else 0
            parts.append(f"torch sees {n}" + (f" ({torch.cuda.get_device_name(0)})" if n else ""))
        else:
            import tensorflow as tf

            parts.append(f"tensorflow sees {len(tf.config.list_physical_devices('GPU'))}")
    # The frameworks' modules live as long as the process: out of the garbage collector's way, so that its full
    # collections during grading (and Hypothesis' one when it starts) do not walk their hundreds of thousands of
    # objects again and again.
    gc.freeze()
    return ", ".join(parts) or "no framework installed"


def tree_of(path: Path):
    """The tree a file belongs to, if it is ``<tree>/<framework>/<module>.py`` of the contract."""
    if path.suffix == ".py" and path.stem in catalog.MODULES and path.parent.name in catalog.FRAMEWORKS \
            and not (path.parent / "__init__.py").exists():
        return path.parent.parent
    return None


def pytest_collect_file(file_path, parent):
    tree = tree_of(Path(file_path))
    if tree is not None:
        return GradedModule.from_parent(parent, path=Path(file_path), tree=tree)
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makemodule(module_path, parent):
    """A contract module named on the command line is graded, never imported by pytest as a test module (that
    would run the student's code in this process at collection, before and outside the grader: no `error` status,
    no isolation under --isolate)."""
    if tree_of(Path(module_path)) is not None:
        return _NotATestModule.from_parent(parent, path=Path(module_path))
    return None


class _NotATestModule(pytest.File):
    def collect(self):
        return []


class GradedModule(pytest.File):
    """One module of an implementation tree; its items are the module's graded units."""

    def __init__(self, *, tree, **kwargs):
        super().__init__(**kwargs)
        self.tree = tree

    def collect(self):
        framework, module = self.path.parent.name, self.path.stem
        for unit in catalog.units_for(framework, module):
            item = UnitItem.from_parent(self, name=unit.name, unit=unit)
            item.add_marker(framework)
            if unit.gpu:
                item.add_marker("gpu")
            yield item


class UnitFailed(Exception):
    def __init__(self, result):
        super().__init__(result.message)
        self.result = result


class UnitItem(pytest.Item):
    def __init__(self, *, unit, **kwargs):
        super().__init__(**kwargs)
        self.unit = unit

    def runtest(self):
        __tracebackhide__ = True
        from harness.core.grading import grade_unit

        isolation = self.config.stash.get(_ISOLATION, None)
        if self.config.getoption("d2l_isolate") and isolation is None:
            isolation = self.config.stash[_ISOLATION] = Isolation()
        implementation = isolation.implementation if isolation else None
        result = grade_unit(self.unit, self.parent.tree, session_seed=self.config.stash[_SEED],
                            **({"implementation": implementation} if implementation else {}))
        self.user_properties.append(("d2l_result", result.as_json()))
        self.user_properties.append(("d2l_tree", str(self.parent.tree)))
        if result.status == "skipped":
            pytest.skip(result.message)
        if result.status != "passed":
            raise UnitFailed(result)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, UnitFailed):
            r = excinfo.value.result
            return f"[{r.status}] {r.id} ({r.score:g}/{r.max_score:g} points)\n{r.message}"
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, None, f"{self.unit.id}: {self.unit.title}"


_ISOLATION = pytest.StashKey["Isolation"]()


class Isolation:
    """``--isolate``: one fork server per framework (started on first use) and a pool of workers per tree."""

    def __init__(self):
        self.servers = {}
        self.pools = {}

    def implementation(self, tree, framework: str, module: str):
        from harness.isolation.client import ForkServer
        from harness.isolation.pool import WorkerPool

        if framework not in self.servers:
            self.servers[framework] = ForkServer.start([framework])
            self.pools[framework] = WorkerPool(self.servers[framework])
        return self.pools[framework].implementation(tree, framework, module)

    def close(self):
        for pool in self.pools.values():
            pool.close()
        for server in self.servers.values():
            server.close()


def pytest_unconfigure(config):
    isolation = config.stash.get(_ISOLATION, None)
    if isolation is not None:
        isolation.close()


class GradeRecorder:
    """Collects every unit's result (also from xdist workers, through ``user_properties``) and reports them."""

    def __init__(self, config):
        self.config = config
        self.trees: dict[str, dict[str, dict]] = {}

    def pytest_runtest_logreport(self, report):
        if report.when != "call":
            return
        props = dict(report.user_properties)
        if "d2l_result" in props:
            self.trees.setdefault(props["d2l_tree"], {})[props["d2l_result"]["id"]] = props["d2l_result"]

    def pytest_terminal_summary(self, terminalreporter):
        from harness.core.grading import UnitResult
        from harness.core.loading import display_path

        if not self.trees:
            return
        order = {u.id: i for i, u in enumerate(catalog.UNITS)}
        documents = []
        for tree, by_id in self.trees.items():
            results = [UnitResult(**r) for r in sorted(by_id.values(), key=lambda r: order[r["id"]])]
            name = display_path(Path(tree))
            documents.append(submission_json(name, results))
            if self.config.getoption("d2l_summary"):
                # A log (not a terminal) has no width: 140 columns there, so messages are not cut to a stub.
                width = terminalreporter._tw.fullwidth if terminalreporter.isatty else max(
                    140, terminalreporter._tw.fullwidth)
                terminalreporter.write(summary_table(name, results, color=terminalreporter.hasmarkup, width=width))
        markdown = self.config.getoption("d2l_markdown")
        if markdown:
            append_markdown(markdown, documents)
            terminalreporter.write_line(f"d2l-drill: added the grade table to {markdown}")
        path = self.config.getoption("d2l_json")
        if path:
            write_json(path, documents[0] if len(documents) == 1 else {"submissions": documents})
            terminalreporter.write_line(f"d2l-drill: wrote {path}")
