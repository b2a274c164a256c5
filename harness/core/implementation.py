"""Where an implementation runs: the one small interface graders talk to.

A grader never touches student objects.  It asks an :class:`Implementation` to
run a *probe* (a module-level function ``probe(module, *args)`` defined next
to the grader) and gets back an *observation*: plain data (numpy arrays,
:class:`~harness.core.feedback.TensorObs`, numbers, strings, lists, dicts).
Arguments are plain data too.  :class:`InProcess` runs probes in this
process; a worker-process implementation only has to provide the same
``call`` (probes are found again by ``probe.__module__`` and
``probe.__qualname__``), and no grader changes.
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

from harness.core import knobs, loading
from harness.core.feedback import GradingFailure
from harness.core.seeding import seed_all

DEFAULT_CALL_TIMEOUT = knobs.value("D2L_CALL_TIMEOUT")


class CallTimeout(BaseException):
    """A call into the implementation ran past its wall-clock limit.

    A BaseException, like :class:`NotImplementedYet`: Hypothesis must not shrink by re-running a hang,
    and student code's ``except Exception`` must not swallow it."""


class WorkerCrashed(BaseException):
    """An isolated worker died (crash, exit, resource limit) or broke the protocol: an ``error`` of the unit.
    A BaseException so that Hypothesis stops at once instead of re-running the crash."""


@dataclass
class ImplementationRaised(Exception):
    """The implementation raised while a probe ran it."""

    called: str
    exc_type: str
    text: str
    where: str  # "`MLP.forward` (exercises/pytorch/blocks.py:31)" or ""
    not_implemented: bool

    @property
    def advice(self) -> str:
        """The likely cause of a framework error whose own text does not say it in the student's terms."""
        for types, patterns, advice in _ADVICE:
            if self.exc_type in types or any(p in self.text for p in patterns):
                return advice
        return ""

    def __str__(self) -> str:
        if self.not_implemented:
            return f"not implemented yet: {self.where or '`' + self.called + '`'}"
        where = f" in {self.where}" if self.where else ""
        advice = f"\n{self.advice}" if self.advice else ""
        return f"Called `{self.called}`: it raised {self.exc_type}: {self.text}{where}{advice}"


# (exception types, texts, advice): framework errors whose own words do not name the student's mistake.
_ADVICE = [
    (("OperatorNotAllowedInGraphError",), ("as a Python `bool` is not allowed",),
     "A Python `while` or `if` on a tensor's value cannot run when the model is traced into a graph (keras.Sequential "
     "traces its layers on the first call, as model.fit and tf.function do): use tf.while_loop or tf.cond, which "
     "run eagerly and in graphs alike."),
    ((), ("numpy() is only available when eager execution is enabled",),
     "`.numpy()` (and numpy functions) work only eagerly, not when the model is traced into a graph: compute with "
     "TensorFlow ops."),
]


class NotImplementedYet(BaseException):
    """A stub was reached.  A BaseException, so Hypothesis stops at once instead of shrinking
    (every example fails the same way; shrinking would only re-run the reference)."""

    def __init__(self, raised: ImplementationRaised):
        super().__init__(str(raised))
        self.raised = raised


class Implementation:
    """Interface: one module of one tree, as seen by graders."""

    tree: Path
    framework: str
    module: str

    def availability(self, names) -> tuple[str, str]:
        """("ok", "") or ("missing" | "error", message) for the module and the names a unit needs."""
        raise NotImplementedError

    def call(self, probe, *args, seed: int = 0, called: str = "", timeout: float | None = None):
        """Seed everything with ``seed``, run ``probe(module, *args)``, return its observation."""
        raise NotImplementedError

    def release(self) -> None:
        """Drop whatever probes kept for this module (models reused between examples)."""


class InProcess(Implementation):
    """Runs probes in this process (fast; native tracebacks).  Trusted or student-run code only."""

    def __init__(self, tree, framework: str, module: str):
        self.tree = Path(tree).resolve()
        self.framework = framework
        self.module = module
        self._loaded = None

    def _load(self):
        if self._loaded is None:
            self._loaded = loading.load(self.tree, self.framework, self.module)
        return self._loaded

    def availability(self, names):
        loaded = self._load()
        if loaded.status != "ok":
            return loaded.status, loaded.message
        absent = [n for n in names if not hasattr(loaded.module, n)]
        if absent:
            listed = ", ".join(f"`{n}`" for n in absent)
            return "missing", f"`{loading.display_path(loaded.path)}` defines no {listed}"
        return "ok", ""

    def _module(self):
        """What probes are given: the tree's module (None if it did not load)."""
        return self._load().module

    def _raised(self, exc: BaseException, called: str) -> ImplementationRaised:
        """The implementation's exception, located in the implementation's code."""
        return raised_in(exc, self._load().path.parent.parent, called)

    def call(self, probe, *args, seed: int = 0, called: str = "", timeout: float | None = None):
        __tracebackhide__ = True
        module = self._module()
        seed_all(self.framework, seed)
        try:
            with watchdog(DEFAULT_CALL_TIMEOUT if timeout is None else timeout, called):
                return probe(module, *args)
        except (GradingFailure, CallTimeout):
            raise
        except Exception as exc:
            raised = self._raised(exc, called)
            if raised.not_implemented:
                raise NotImplementedYet(raised) from None
            raise raised from None

    def release(self) -> None:
        from harness.core.forward import release

        module = self._module()
        if module is not None:
            release(module)


def raised_in(exc: BaseException, tree: Path, called: str) -> ImplementationRaised:
    """Describe an exception by the last frame that lies in the implementation tree."""
    where = ""
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        filename = Path(frame.f_code.co_filename)
        if tree in filename.resolve().parents:
            qualname = getattr(frame.f_code, "co_qualname", frame.f_code.co_name)
            where = f"`{qualname}` ({loading.display_path(filename)}:{lineno})"
    text = _first_meaningful_line(str(exc))
    return ImplementationRaised(called, type(exc).__name__, text, where, isinstance(exc, NotImplementedError))


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# TensorFlow's op errors start with the kernel's internal name and end with the op's: "{{function_node
# __wrapped__ConcatV2_N_2_device_/job:localhost/...}} ConcatOp : Dimension 2 ... [Op:ConcatV2] name: concat".
_TF_OP_NOISE = re.compile(r"^\{\{function_node [^}]*\}\}\s*|\s*\[Op:\w+\](?: name: \S*)?\s*$")


def _first_meaningful_line(message: str) -> str:
    """The line a student needs: the TODO of a stub, else the first line (Keras wraps errors raised in `call`
    as "Exception encountered when calling X.call()" with the original message further down)."""
    lines = [line.strip() for line in _ANSI.sub("", message).splitlines() if line.strip()]
    for line in lines:
        if "TODO" in line:
            return line[line.index("TODO"):]
    if lines and lines[0].startswith("Exception encountered when calling") and len(lines) > 1:
        return lines[1].strip("\"' ")
    if lines and lines[0].startswith("Could not automatically infer the output shape") and len(lines) > 1:
        return lines[1].split(". ")[0].strip("\"' ")  # Keras' symbolic build wraps the error raised in call
    return _TF_OP_NOISE.sub("", lines[0]) if lines else ""


@contextlib.contextmanager
def watchdog(seconds: float, called: str):
    """Raise :class:`CallTimeout` in the main thread after ``seconds`` (SIGALRM; no-op elsewhere)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def _alarm(signum, frame):
        raise CallTimeout(f"`{called}` ran longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
