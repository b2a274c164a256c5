"""Run one unit's grader against one implementation tree and turn the outcome into a result.

Graders live in ``graders/<framework>/<module>.py`` and register themselves with
:func:`grader`.  A grader receives a :class:`Context` and compares the
implementation's observations with the reference's.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import random
import re
import time
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from hypothesis import given, seed as hyp_seed, settings, strategies as st

from harness import CHECKOUT, catalog
from harness.core import profiles
from harness.core import knobs, recorded
from harness.core.feedback import GradingFailure
from harness.core.implementation import (CallTimeout, Implementation, ImplementationRaised, InProcess, NotImplementedYet,
                             WorkerCrashed)

ROOT = CHECKOUT
REFERENCE = ROOT / "solutions"

_GRADERS: dict[str, callable] = {}


class Skip(Exception):
    """The unit cannot be graded here (e.g. no GPU); the message says why."""


class HarnessError(Exception):
    """The reference or the harness misbehaved: never the student's fault."""


def grader(name: str):
    """Register ``fn(ctx)`` as the grader of unit ``<framework>.<module>.<name>`` (taken from the grader's module)."""

    def register(fn):
        parts = fn.__module__.split(".")  # graders.<framework>.<module>
        unit_id = f"{parts[-2]}.{parts[-1]}.{name}"
        if unit_id not in catalog.BY_ID:
            raise LookupError(f"grader for {unit_id}, which harness/units.toml does not list")
        known = _GRADERS.get(unit_id)
        if known is not None and (known.__module__, known.__qualname__) != (fn.__module__, fn.__qualname__):
            raise LookupError(f"two graders for {unit_id}: {known.__qualname__} and {fn.__qualname__} "
                              f"(in {fn.__module__}); a unit has one grader")
        _GRADERS[unit_id] = fn
        return fn

    return register


def grader_for(unit: catalog.Unit):
    importlib.import_module(f"graders.{unit.framework}.{unit.module}")
    return _GRADERS[unit.id]


@dataclass
class UnitResult:
    id: str
    status: str  # passed, failed, error, missing, skipped
    score: float
    max_score: float
    message: str = ""
    seconds: float = 0.0
    # per property of a unit that declares them: {name, status, score, max_score, message}
    properties: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        data = {k: v for k, v in asdict(self).items() if k != "seconds"}
        if not data["properties"]:
            del data["properties"]
        return data


def unit_seed(session_seed: int | None, unit_id: str) -> int | None:
    """Each unit gets its own stream, fixed by the session seed."""
    if session_seed is None:
        return None
    return random.Random(f"{session_seed}:{unit_id}").getrandbits(32)


@dataclass
class Context:
    """What a grader works with."""

    unit: catalog.Unit
    impl: Implementation
    ref: Implementation
    seed: int | None  # None: the profile decides (derandomized in ci)
    scale: float = 1.0
    _reference_cache: dict = field(default_factory=dict, repr=False)
    outcomes: dict = field(default_factory=dict, repr=False)  # property name -> (status, message)
    _current: str | None = field(default=None, repr=False)

    @property
    def fixed_seed(self) -> int:
        """A seed for one-off checks outside Hypothesis (e.g. distribution tests)."""
        return self.seed if self.seed is not None else random.Random(self.unit.id).getrandbits(32)

    def for_all(self, *, weight: float = 1.0, **strategies):
        """Decorator: run the decorated property now, for examples drawn from ``strategies``.

        The profile's example count is multiplied by ``weight`` (cheap properties may take more) and by
        the framework's ``scale`` (Keras calls cost ~100x PyTorch's).
        """

        def run(prop):
            n = max(1, int(round(settings.default.max_examples * weight * self.scale)))
            test = settings(settings.default, max_examples=n)(given(**strategies)(_shrink_budget(prop, shrink_examples(self.unit.framework))))
            if self.seed is not None:
                test = hyp_seed(self.seed)(test)
            test()
            return prop

        return run

    def pool(self, first, draw, *, drawn: int | None = None, name: str = ""):
        """A strategy over a few architectures fixed for this run: ``first``, chosen to show the common mistakes
        (None: none), and ``drawn`` (by default the profile's ``POOL_DRAWN``) more drawn by ``draw(rng)``, ``rng``
        a ``random.Random`` fixed by the unit's seed.

        For properties whose builds cost far more than their calls (a Keras build takes 15-80 ms, a call on a
        built model about 1 ms): each example draws one architecture from the pool and its inputs freely, and
        the probes keep each built model between examples (:func:`harness.core.forward.keep`), so a unit builds a
        few models per side instead of one per example.  Shrinking moves towards the first.
        """
        rng = random.Random(f"{self.fixed_seed}:{self.unit.id}:{name}")
        choices = [] if first is None else [first]
        for _ in range(profiles.pool_drawn() if drawn is None else drawn):
            value = draw(rng)
            if value not in choices:
                choices.append(value)
        return st.sampled_from(choices)

    def reference(self, probe, *args, seed: int = 0, called: str = ""):
        """Run a probe on the reference (memoised: shrinking revisits examples); anything it raises is a harness bug.
        In a student release it is the recorded observation (:mod:`harness.core.recorded`): a grader asks the reference
        the same calls whatever the student's code does, never one that depends on the student's answers."""
        _module_level(probe)
        key = (probe.__module__, probe.__qualname__, _freeze(args), seed)
        if key in self._reference_cache:
            return self._reference_cache[key]
        try:
            result = self._reference_cache[key] = self.ref.call(probe, *args, seed=seed, called=called)
            return result
        except (ImplementationRaised, NotImplementedYet, CallTimeout, GradingFailure) as exc:
            raise HarnessError(f"the reference failed on `{called}`: {exc}") from exc

    def student(self, probe, *args, seed: int = 0, called: str = ""):
        _module_level(probe)
        return self.impl.call(probe, *args, seed=seed, called=called)

    def both(self, probe, *args, seed: int = 0, called: str = ""):
        """(implementation's observation, reference's observation) of the same probe under the same seed."""
        expected = self.reference(probe, *args, seed=seed, called=called)
        got = self.student(probe, *args, seed=seed, called=called)
        return got, expected

    def both_each(self, probe, args: tuple, items: tuple, *, seed: int = 0, called):
        """[(implementation's, reference's) observation per item]: ``probe(m, *args, items)`` returns one observation
        per item, so a side runs once for all of them (one build where the items are keys of one net, say).  Where
        the implementation's run fails, each item is run alone first, so that the failure names its own item
        (``called(item)``); one that fails only after earlier items ran on the same object keeps its own error."""
        __tracebackhide__ = True
        items = tuple(items)
        expected = self.reference(probe, *args, items, seed=seed, called=called(items[0]) if items else "")
        try:
            got = self.student(probe, *args, items, seed=seed, called=", then ".join(map(called, items)))
        except (ImplementationRaised, GradingFailure):
            for item in items:
                self.student(probe, *args, (item,), seed=seed, called=called(item))
            raise
        return list(zip(got, expected))

    def skip(self, reason: str):
        raise Skip(reason)

    @contextlib.contextmanager
    def property(self, name: str):
        """Check one of the unit's declared properties (``Unit.properties``): a wrong result or an error raised by
        the implementation inside the block fails this property only, and grading goes on with the next one.  A
        stub, a timeout, a crash or a harness error still ends the unit (they are not about one property)."""
        declared = [n for n, _ in self.unit.properties]
        if name not in declared:
            raise HarnessError(f"the grader of {self.unit.id} checks property {name!r}, which the catalog does not "
                               f"declare ({', '.join(declared) or 'none'})")
        if name in self.outcomes:
            raise HarnessError(f"the grader of {self.unit.id} checks property {name!r} twice")
        self._current = name
        try:
            yield
        except (GradingFailure, ImplementationRaised, BaseExceptionGroup) as exc:
            inner = _first(exc)
            if not isinstance(inner, (GradingFailure, ImplementationRaised)) or getattr(inner, "not_implemented", 0):
                raise
            self.outcomes[name] = outcome(self.unit, exc)
        else:
            self.outcomes[name] = ("passed", "")
        finally:
            self._current = None


def _module_level(probe) -> None:
    """Probes are found again by module and name (in an isolated worker, in a release's recording): one defined
    inside a function (a closure, a lambda) works in-process only, so it is refused at once, in every mode."""
    if "<locals>" in probe.__qualname__ or probe.__name__ == "<lambda>":
        raise HarnessError(f"the probe {probe.__qualname__} of {probe.__module__} is defined inside a function: "
                           "define probes at the top level of the grader module (isolated workers and student "
                           "releases find them by module and name), and pass what they need as arguments")


SHRINK_EXAMPLES = {"pytorch": 300, "tensorflow": 40}
# Where the implementation raises, the error (its type, the student's line) is the feedback and rarely depends on
# the input: a few examples towards a smaller input, then report (a failing Keras build can cost a second each).
RAISED_SHRINK_EXAMPLES = 5


def shrink_examples(framework: str) -> int:
    """How many examples Hypothesis may run after a failure (``D2L_SHRINK_EXAMPLES`` overrides)."""
    return knobs.value("D2L_SHRINK_EXAMPLES", SHRINK_EXAMPLES[framework])


def _shrink_budget(prop, examples: int):
    """Bound the work Hypothesis spends shrinking a failure (each Keras example costs tens of ms).

    Once a failure is found, at most ``examples`` further examples not seen failing run for real
    (:data:`RAISED_SHRINK_EXAMPLES` while every failure is the implementation raising);
    later ones are skipped as passing, so Hypothesis stops and reports the smallest failure found so
    far.  An example that failed is always re-run for real, so the reported example is a genuine
    failure.  Counting examples (not seconds) keeps a seeded report identical from run to run.
    """
    failed: set = set()
    ran_after_failure = [0]
    raised_only = [True]  # every failure so far was the implementation raising (no wrong value seen)

    def bounded(**kwargs):
        __tracebackhide__ = True
        key = _freeze(kwargs)
        if failed and key not in failed:
            budget = min(examples, RAISED_SHRINK_EXAMPLES) if raised_only[0] else examples
            if ran_after_failure[0] >= budget:
                return
            ran_after_failure[0] += 1
        try:
            prop(**kwargs)
        except recorded.Unrecorded:
            if failed:  # shrinking towards an input a student release did not record: the failing example stands
                return
            raise
        except BaseException as exc:
            failed.add(key)
            if not isinstance(_first(exc), ImplementationRaised):
                raised_only[0] = False
            raise

    bounded.__name__ = prop.__name__
    bounded.__qualname__ = prop.__qualname__
    bounded.__module__ = prop.__module__
    return bounded


def _freeze(value):
    """A hashable key for plain probe arguments (numpy arrays by content)."""
    if isinstance(value, np.ndarray):
        return ("ndarray", value.shape, value.dtype.str, value.tobytes())
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


_FALSIFYING = re.compile(r"(?:Falsifying example|Failing test case): \w+\((.*)\)\s*$", re.S)


def smallest_input(exc: BaseException) -> str:
    """Hypothesis' shrunk example, on one line, from the exception's notes."""
    for note in getattr(exc, "__notes__", ()):
        m = _FALSIFYING.search(note)
        if m:
            args = [a.split("  #")[0].strip().rstrip(",") for a in m.group(1).strip().splitlines()]
            args = [a for a in args if a and not a.startswith("#")]
            # The example's own `seed` (of the values drawn) means nothing to a student: the message already shows
            # the call and the shapes; an argument holding a long list is cut (the call shows what failed).
            args = [a if len(a) <= _ARG_SHOWN else a[:_ARG_SHOWN - 1] + "…" for a in args
                    if not re.fullmatch(r"seed=-?\d+", a)]
            return ", ".join(args)
    return ""


_ARG_SHOWN = 100


def _first(exc: BaseException) -> BaseException:
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return exc


def outcome(unit: catalog.Unit, exc: BaseException) -> tuple[str, str]:
    """(status, message) for an exception that ended a grader."""
    notes = smallest_input(exc)
    inner = _first(exc)
    if isinstance(inner, NotImplementedYet):
        inner = inner.raised
    notes = notes or smallest_input(inner)
    tail = f"\nSmallest failing input: {notes}" if notes else ""
    if isinstance(inner, GradingFailure):
        detail = f"\n{inner.detail}" if inner.detail else ""
        return "failed", f"`{unit.name}` {inner.headline}{detail}{tail}"
    if isinstance(inner, ImplementationRaised):
        if inner.not_implemented:
            todo = f"\n{inner.text}" if inner.text else ""
            return "failed", f"{inner}{todo}"
        return "failed", f"{inner}{tail}"
    if isinstance(inner, CallTimeout):
        return "error", f"timed out: {inner}{tail}"
    if isinstance(inner, WorkerCrashed):
        return "error", f"{inner}{tail}"
    if isinstance(inner, HarnessError):
        return "error", f"internal grader error (not your fault; please report it): {inner}"
    return "error", f"internal grader error (not your fault; please report it): {type(inner).__name__}: {inner}"


def grade_unit(unit: catalog.Unit, tree, *, session_seed: int | None = None,
               implementation=InProcess, reference_tree=REFERENCE, reference_cache: dict | None = None,
               reference_wrapper=None) -> UnitResult:
    """Grade one unit of ``tree``; never raises for anything the implementation does.

    ``implementation(tree, framework, module)`` makes what runs the tree's code (in-process, or an isolated
    worker); ``reference_cache`` may be shared between submissions graded with the same seed.  The reference is
    ``reference_tree``'s module, or, in a student release (no ``solutions/``), the recording beside the graders
    (:mod:`harness.core.recorded`); ``reference_wrapper(ref)`` wraps it (recording a release).
    """
    start = time.perf_counter()

    ctx = None

    def result(status: str, message: str = "") -> UnitResult:
        if unit.properties and status != "skipped":
            return _by_property(unit, ctx.outcomes if ctx else {}, status, message, time.perf_counter() - start)
        score = unit.points if status == "passed" else 0.0
        max_score = 0.0 if status == "skipped" else unit.points
        return UnitResult(unit.id, status, score, max_score, message, time.perf_counter() - start)

    framework_missing = _framework_missing(unit.framework)
    if framework_missing:
        return result("skipped", framework_missing)
    broken = framework_broken(unit.framework)
    if broken:  # installed but unimportable: this track's units say so, the other track is graded
        return result("error", broken)
    no_gpu = unit.gpu and gpu_missing(unit.framework)
    if no_gpu:  # before the submission is looked at: the same for every one
        return result("skipped", no_gpu)
    impl = implementation(tree, unit.framework, unit.module)
    status, message = impl.availability(unit.names)
    if status != "ok":
        return result(status, message)
    ref = reference_for(unit, reference_tree, session_seed)
    if isinstance(ref, recorded.NotRecorded):
        return result("skipped", ref)
    if isinstance(ref, str):
        return result("error", f"internal grader error (not your fault): {ref}")
    if reference_wrapper is not None:
        ref = reference_wrapper(ref)
    ctx = Context(unit, impl, ref, unit_seed(session_seed, unit.id), scale=_scale(unit.framework))
    if reference_cache is not None:
        ctx._reference_cache = reference_cache.setdefault((str(reference_tree), unit.id, session_seed), {})
    try:
        with warnings.catch_warnings(), _quiet_framework_logs():  # the frameworks' warnings and log lines (Keras'
            for package in _WARNING_PACKAGES:  # build advice, TF's casts, deprecations) are not for students: the
                warnings.filterwarnings("ignore", module=rf"{package}(\.|$)")  # grader's message says what matters
            grader_for(unit)(ctx)
    except Skip as exc:
        return result("skipped", str(exc))
    except KeyboardInterrupt:
        raise
    except BaseException as exc:
        if isinstance(_first(exc), Skip):
            return result("skipped", str(_first(exc)))
        return result(*outcome(unit, exc))
    finally:
        impl.release()
        ref.release()
    unchecked = [n for n, _ in unit.properties if n not in ctx.outcomes]
    if unchecked:
        return result("error", f"internal grader error (not your fault; please report it): the grader of "
                               f"{unit.id} never checked {', '.join(unchecked)}")
    return result("passed")


def reference_for(unit: catalog.Unit, reference_tree, session_seed):
    """What runs the reference: its module in ``reference_tree``, else a student release's recording (for this
    profile and seed); a string says why there is neither."""
    tree = Path(reference_tree)
    if (tree / unit.framework / f"{unit.module}.py").is_file():
        return InProcess(tree, unit.framework, unit.module)
    return recorded.replayed(tree.parent, unit.id, session_seed, profiles.current())


def _by_property(unit: catalog.Unit, outcomes: dict, status: str, message: str, seconds: float) -> UnitResult:
    """The unit's result from its properties' outcomes: each passed property scores its points.  ``status`` and
    ``message`` are how the grader ended: "passed" (every property ran), or what stopped it (a stub, a crash, a
    failure outside every property block), which is the outcome of every property not checked yet."""
    properties = []
    for name, points in unit.property_points().items():
        p_status, p_message = outcomes.get(name, (status, message))
        if name not in outcomes and status == "passed":
            p_status, p_message = "error", "never checked"
        properties.append({"name": name, "status": p_status, "score": points if p_status == "passed" else 0.0,
                           "max_score": points, "message": p_message})
    failing = [p for p in properties if p["status"] != "passed"]
    score = round(sum(p["score"] for p in properties), 6)
    if not failing:
        return UnitResult(unit.id, "passed", unit.points, unit.points, "", seconds, properties)
    if status != "passed":  # the grader was stopped (a stub, a crash, missing names): that is the unit's outcome
        overall, text = status, message
    else:
        overall = "error" if any(p["status"] == "error" for p in failing) else "failed"
        text = failing[0]["message"]
    others = [p["name"] for p in failing if p["message"] != text]
    if others:
        text += f"\nAlso failing: {', '.join(others)}."
    if outcomes:  # some property was judged on its own: say where the points went
        text += "\nProperties: " + ", ".join(f"{p['name']} {p['score']:g}/{p['max_score']:g}" for p in properties) + "."
    return UnitResult(unit.id, overall, score, unit.points, text, seconds, properties)


_WARNING_PACKAGES = ("keras", "tensorflow", "torch", "absl", "numpy", "h5py")


@contextlib.contextmanager
def _quiet_framework_logs():
    """The frameworks' loggers at ERROR while a unit is graded (pytest would show their WARNING lines under a
    failing unit as "Captured log"); put back afterwards."""
    import logging

    loggers = [logging.getLogger(name) for name in _WARNING_PACKAGES]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def _scale(framework: str) -> float:
    """Keras eager calls cost ~100x PyTorch's: fewer examples per property there."""
    return 1.0 if framework == "pytorch" else knobs.value("D2L_TF_SCALE")


_PACKAGES = {"pytorch": ("torch", "pytorch"), "tensorflow": ("tensorflow", "tensorflow")}


@functools.lru_cache(maxsize=None)
def framework_broken(framework: str) -> str:
    """"" if the installed framework imports (with the harness's glue for it); else what failed and how to repair
    the install (a broken CUDA library, a half-finished pip install, a numpy the wheel was not built for)."""
    from harness.core.forward import GLUE

    try:
        importlib.import_module(GLUE[framework])
    except Exception as exc:  # noqa: BLE001 - any import failure is the install's, reported as such
        package, extra = _PACKAGES[framework]
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        last = lines[-1] if lines else ""
        return (f"{package} is installed but fails to import ({type(exc).__name__}: {last}); this is the "
                f"installation, not your code: repair it with pip install --force-reinstall -c "
                f"constraints/ci.txt -e '.[{extra}]'")
    return ""


@functools.lru_cache(maxsize=None)
def gpu_missing(framework: str) -> str:
    """Why this machine cannot grade the framework's GPU units ("" if it can): the reason a GPU unit is skipped,
    for every submission alike, whatever the submission holds (a GPU unit is never "missing" on one row and
    "skipped" on the next, so the maximum is the same for a whole batch)."""
    if framework == "pytorch":
        import torch

        return "" if torch.cuda.is_available() else "no CUDA device: torch.cuda.is_available() is False on this machine"
    from harness.core import tf_settings

    tf_settings.apply()
    import tensorflow as tf

    return ("" if tf.config.list_physical_devices("GPU")
            else "no GPU: tf.config.list_physical_devices('GPU') is empty on this machine")


def _framework_missing(framework: str) -> str:
    package, extra = _PACKAGES[framework]
    if not catalog.framework_installed(framework):
        return f"{package} is not installed (pip install -e '.[{extra}]')"
    return ""
