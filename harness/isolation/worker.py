"""The worker side of isolated grading: one module of one submission, in its own process.

A worker is forked from the pre-imported fork server (see :mod:`harness.isolation.server`),
confines itself (:mod:`harness.isolation.sandbox`), imports the one student module it
serves and then answers requests from the grading process over its socket:

- ``{"op": "has", "names": [...]}`` → which names the module defines;
- ``{"op": "call", "probe": [module, qualname], "args": [...], "seed": n, "called": str, "timeout": s}``
  → ``{"ok": observation}`` or one of ``failure`` / ``raised`` / ``timeout`` / ``resource``;
- ``{"op": "release"}`` → drops models kept between examples.

Only plain data goes back (:mod:`harness.core.wire`).  Probes are grader code, found again
by module and qualified name among the graders the fork server imported.
"""

from __future__ import annotations

import importlib
import os
import socket
import sys
from pathlib import Path

from harness.core import loading
from harness.isolation import sandbox
from harness.core import wire
from harness.core.feedback import GradingFailure
from harness.core.implementation import CallTimeout, raised_in, watchdog
from harness.core.seeding import seed_all


def _resolve(module_name: str, qualname: str):
    if not module_name.startswith(("graders.", "harness.")):
        raise LookupError(f"not a probe: {module_name}.{qualname}")
    obj = importlib.import_module(module_name)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    return obj


def serve(fd: int, spec: dict) -> None:
    """Run in the forked child; never returns."""
    code = 0
    try:
        sock = socket.socket(fileno=fd)
        home = Path(spec["home"])
        limits = sandbox.Limits(**spec["limits"])
        root = os.path.realpath(Path(__file__).resolve().parent.parent)
        keep = tuple(p for p in sys.path if p and os.path.realpath(p) != root)  # no cwd, no repository root
        sandbox.enter(home, limits, tuple(spec["forbidden"]), keep)
        tree = Path(spec["tree"])
        loading.display_base = tree
        loaded = loading.load(tree, spec["framework"], spec["module"])
        wire.send(sock, {"status": loaded.status, "message": loaded.message})
        module = loaded.module
        while True:
            try:
                request = wire.recv(sock)
            except EOFError:
                break
            answer = _answer(request, module, spec, tree)
            try:
                frame = wire.encode(answer)
            except Exception as exc:  # e.g. an observation nested past the limit
                frame = wire.encode({"raised": [str(request.get("called", "")), type(exc).__name__,
                                                f"its result cannot be observed: {exc}", "", False]})
            wire.send_frame(sock, frame)
    except BaseException:  # the grading side sees the connection drop and reports the crash
        import traceback

        traceback.print_exc()
        code = 70
    finally:
        os._exit(code)


def _answer(request: dict, module, spec: dict, tree: Path) -> dict:
    op = request.get("op")
    if op == "has":
        return {"ok": [_has(module, str(n)) for n in request["names"]]}
    if op == "release":
        from harness.core.forward import release

        if module is not None:
            release(module)
        return {"ok": None}
    if op != "call":
        return {"internal": f"unknown request {op!r}"}
    called = str(request.get("called", ""))
    try:
        probe = _resolve(*request["probe"])
    except Exception as exc:
        return {"internal": f"probe not found: {exc}"}
    try:
        seed_all(spec["framework"], int(request.get("seed", 0)))
        with watchdog(float(request.get("timeout") or 0), called):
            return {"ok": probe(module, *request.get("args", ()))}
    except GradingFailure as exc:
        return {"failure": [str(exc.headline), str(exc.detail)]}
    except CallTimeout as exc:
        return {"timeout": str(exc)}
    except MemoryError:
        return {"resource": f"`{called}` ran out of memory (the worker's limit)"}
    except RecursionError as exc:
        raised = raised_in(exc, tree, called)
        return {"raised": [raised.called, raised.exc_type, raised.text, raised.where, False]}
    except Exception as exc:
        raised = raised_in(exc, tree, called)
        return {"raised": [raised.called, raised.exc_type, raised.text, raised.where, raised.not_implemented]}
    except BaseException as exc:  # SystemExit, KeyboardInterrupt raised by student code: its own failure
        raised = raised_in(exc, tree, called)
        return {"raised": [raised.called, type(exc).__name__, raised.text or "(no message)", raised.where, False]}


def _has(module, name: str) -> bool:
    try:
        return module is not None and hasattr(module, name)
    except Exception:
        return False
