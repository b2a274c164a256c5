"""Isolated implementations: the student's module runs in a worker process, the grader stays here.

:class:`Isolated` is the :class:`~harness.core.implementation.Implementation` that
graders talk to when grading untrusted code; it has the same ``call`` as
:class:`~harness.core.implementation.InProcess`, so no grader changes.  Only the
contract's module file is copied out of the submission, into a private temp
folder; the worker imports it from there.  Limits are enforced from here: a
call or module past its wall-clock budget gets the worker's process group
killed.  A worker that dies (``os._exit``, a segfault, the memory limit) is
reported as an ``error`` of the unit it was serving, and the next unit of the
module gets a fresh worker.

:class:`WorkerPool` keeps one worker per (submission, module) across that
module's units and kills them all at the end.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from harness.core import wire
from harness.core.feedback import GradingFailure
from harness.isolation.client import ROOT, ForkServer, kill_group
from harness.core.implementation import CallTimeout, Implementation, ImplementationRaised, NotImplementedYet, WorkerCrashed
from harness.isolation.sandbox import Limits
from harness.isolation.submission import MAX_MODULE_BYTES

IMPORT_GRACE = 5.0  # seconds on top of a call's limit before the worker is killed from outside


class _Died(Exception):
    """The worker's connection dropped; the argument says how the process ended."""


class Isolated(Implementation):
    def __init__(self, tree, framework: str, module: str, *, server: ForkServer, limits: Limits,
                 forbidden: tuple[str, ...] = ()):
        self.tree = Path(tree).resolve()
        self.framework = framework
        self.module = module
        self.server = server
        self.limits = limits
        self.forbidden = forbidden
        self.relative = f"{framework}/{module}.py"
        self._pid = None
        self._sock = None
        self._home = None
        self._status = None  # (status, message) of the module's import
        self._broken = ""  # set when the module may not be run again (import crash, module budget spent)
        self._spent = 0.0  # wall-clock seconds used by this module so far

    # ------------------------------------------------------------------ lifecycle

    def _copy_module(self, home: Path) -> Path | None:
        source = self.tree / self.framework / f"{self.module}.py"
        if source.is_symlink() or not source.is_file():
            return None
        if source.stat().st_size > MAX_MODULE_BYTES:
            raise WorkerCrashed(f"`{self.relative}` is larger than {MAX_MODULE_BYTES // 2**20} MiB")
        tree = home / "tree"
        (tree / self.framework).mkdir(parents=True)
        shutil.copyfile(source, tree / self.framework / f"{self.module}.py", follow_symlinks=False)
        return tree

    def _start(self) -> None:
        if self._broken:
            raise WorkerCrashed(self._broken)
        if self._sock is not None or (self._status and self._status[0] != "ok"):
            return
        if self._home is not None:
            shutil.rmtree(self._home, ignore_errors=True)
        self._home = Path(tempfile.mkdtemp(prefix="d2l-worker-"))
        tree = self._copy_module(self._home)
        if tree is None:
            self._status = ("missing", f"no file `{self.relative}`")
            return
        spec = {"home": str(self._home), "tree": str(tree), "framework": self.framework, "module": self.module,
                "limits": self.limits.as_dict(), "forbidden": list(self.forbidden)}
        self._pid, self._sock = self.server.spawn_worker(spec)
        budget = min(self.limits.call_seconds * 3, self._left())
        started = time.monotonic()
        try:
            hello = self._receive(started + budget + IMPORT_GRACE)
        except CallTimeout:
            self._broken = f"importing `{self.relative}` ran longer than {budget:g} s"
            self._stop()
            raise WorkerCrashed(self._broken) from None
        except _Died as exc:
            self._broken = f"importing `{self.relative}` crashed the worker process ({exc})"
            raise WorkerCrashed(self._broken) from None
        finally:
            self._spent += time.monotonic() - started
        if type(hello) is not dict or hello.get("status") not in ("ok", "missing", "error"):
            self._broken = "the worker sent a malformed greeting"
            self._stop()
            raise WorkerCrashed(self._broken)
        self._status = (hello["status"], str(hello.get("message", "")))

    def _left(self) -> float:
        return max(0.0, self.limits.module_seconds - self._spent)

    def _receive(self, deadline: float):
        try:
            return wire.recv(self._sock, deadline)
        except TimeoutError:
            raise CallTimeout("") from None
        except (EOFError, wire.WireError) as exc:
            pid = self._pid
            self._stop()
            raise _Died(self.server.exit_status(pid) if isinstance(exc, EOFError)
                        else f"it sent an unreadable answer: {exc}") from None

    def _stop(self) -> None:
        if self._pid is not None:
            kill_group(self._pid)
        if self._sock is not None:
            self._sock.close()
        self._pid = self._sock = None

    def close(self) -> None:
        self._stop()
        if self._home is not None:
            shutil.rmtree(self._home, ignore_errors=True)
            self._home = None

    # ------------------------------------------------------------------ Implementation

    def availability(self, names):
        try:
            self._start()
        except WorkerCrashed as exc:
            return "error", str(exc)
        if self._status[0] != "ok":
            return self._status
        try:
            has = self._ask({"op": "has", "names": list(names)}, "import")
        except (WorkerCrashed, CallTimeout) as exc:
            return "error", str(exc) or f"`{self.relative}` did not answer"
        if type(has) is not list or len(has) != len(names) or not all(type(h) is bool for h in has):
            return "error", "the worker sent a malformed answer"
        absent = [n for n, h in zip(names, has) if not h]
        if absent:
            return "missing", f"`{self.relative}` defines no {', '.join(f'`{n}`' for n in absent)}"
        return "ok", ""

    def _ask(self, request: dict, called: str, limit: float | None = None):
        limit = self.limits.call_seconds if limit is None else limit
        if self._sock is None:
            self._start()
            if self._status[0] != "ok":
                raise WorkerCrashed(self._status[1])
        left = self._left()
        if left <= 0:
            self._broken = f"`{self.relative}` used up its {self.limits.module_seconds:g} s budget"
            self._stop()
            raise WorkerCrashed(self._broken)
        started = time.monotonic()
        try:
            wire.send(self._sock, {**request, "timeout": min(limit, left)})
            answer = self._receive(started + min(limit + IMPORT_GRACE, left))
        except OSError:
            pid = self._pid
            self._stop()
            raise WorkerCrashed(f"`{called}` crashed the worker process ({self.server.exit_status(pid)})") from None
        except _Died as exc:
            raise WorkerCrashed(f"`{called}` crashed the worker process ({exc})") from None
        except CallTimeout:
            self._stop()
            if time.monotonic() - started >= left:
                self._broken = f"`{self.relative}` used up its {self.limits.module_seconds:g} s budget"
                raise WorkerCrashed(self._broken) from None
            raise CallTimeout(f"`{called}` ran longer than {limit:g} s") from None
        finally:
            self._spent += time.monotonic() - started
        if type(answer) is not dict or len(answer) != 1:
            self._stop()
            raise WorkerCrashed("the worker sent a malformed answer")
        (kind, body), = answer.items()
        if kind == "ok":
            return body
        if kind == "failure" and type(body) is list and len(body) == 2:
            raise GradingFailure(str(body[0]), str(body[1]))
        if kind == "raised" and type(body) is list and len(body) == 5:
            raised = ImplementationRaised(*(str(b) for b in body[:4]), body[4] is True)
            if raised.not_implemented:
                raise NotImplementedYet(raised)
            raise raised
        if kind == "timeout":
            raise CallTimeout(str(body))
        if kind == "resource":
            self._stop()
            raise WorkerCrashed(str(body))
        if kind == "internal":
            raise RuntimeError(f"worker: {body}")
        self._stop()
        raise WorkerCrashed("the worker sent a malformed answer")

    def call(self, probe, *args, seed: int = 0, called: str = "", timeout: float | None = None):
        __tracebackhide__ = True
        return self._ask({"op": "call", "probe": [probe.__module__, probe.__qualname__], "args": list(args),
                          "seed": int(seed), "called": called}, called, timeout)

    def release(self) -> None:
        if self._sock is not None:
            try:
                self._ask({"op": "release"}, "release")
            except (WorkerCrashed, CallTimeout, GradingFailure, ImplementationRaised, NotImplementedYet,
                    RuntimeError):
                pass


class WorkerPool:
    """One :class:`Isolated` per (submission tree, framework, module); ``implementation`` plugs into grade_unit."""

    def __init__(self, server: ForkServer, limits: Limits | None = None):
        self.server = server
        self.limits = limits or Limits()
        self.forbidden = (str((ROOT / "solutions").resolve()),)
        self._impls: dict[tuple, Isolated] = {}

    def implementation(self, tree, framework: str, module: str) -> Isolated:
        key = (str(Path(tree).resolve()), framework, module)
        if key not in self._impls:
            self._impls[key] = Isolated(tree, framework, module, server=self.server, limits=self.limits,
                                        forbidden=self.forbidden)
        return self._impls[key]

    def close(self) -> None:
        for impl in self._impls.values():
            impl.close()
        self._impls.clear()
