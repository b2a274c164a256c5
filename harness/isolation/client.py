"""The grading side's handle on the fork server (:mod:`harness.isolation.server`): start it, ask it for workers
and jobs, learn how a child ended.

The server is a pre-imported process that forks workers, so a submission never pays a framework import.  This
module starts it as ``python -I`` (isolated mode: no ``PYTHON*`` variables, no user site, no working directory on
``sys.path``) with a scrubbed environment, and speaks its request protocol: one JSON message per request on a
``SOCK_SEQPACKET`` socket, file descriptors attached where a child needs its end of a channel.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading

from harness import CHECKOUT
from harness.core import tf_settings
from harness.isolation.sandbox import KEPT_ENVIRONMENT

ROOT = CHECKOUT
_MAX_REQUEST = 1 << 16


class ForkServer:
    """The grading side's handle on a fork server (or, inside a job, on the server that forked it)."""

    def __init__(self, sock: socket.socket, process: subprocess.Popen | None = None):
        self._sock = sock
        self._process = process
        self._lock = threading.Lock()

    @classmethod
    def start(cls, frameworks) -> "ForkServer":
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = {k: os.environ[k] for k in KEPT_ENVIRONMENT if k in os.environ}
        env.update(tf_settings.environment())
        bootstrap = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
                     "from harness.isolation.server import main; main(sys.argv[1:])")
        process = subprocess.Popen(
            [sys.executable, "-I", "-c", bootstrap, str(theirs.fileno()), ",".join(sorted(frameworks))],
            pass_fds=[theirs.fileno()], env=env, cwd="/", stdin=subprocess.DEVNULL, start_new_session=True)
        theirs.close()
        server = cls(ours, process)
        server._request({"op": "ping"})  # waits until everything is imported
        return server

    def _request(self, payload: dict, fds=()) -> dict:
        try:
            with self._lock:
                socket.send_fds(self._sock, [json.dumps(payload).encode()], list(fds))
                reply = self._sock.recv(_MAX_REQUEST)
        except OSError:
            reply = b""
        if not reply:
            raise RuntimeError("the fork server stopped (see its output above)")
        answer = json.loads(reply)
        if "error" in answer:
            raise RuntimeError(f"fork server: {answer['error']}")
        return answer

    def spawn_worker(self, spec: dict) -> tuple[int, socket.socket]:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            pid = self._request({"op": "worker", "spec": spec}, [theirs.fileno()])["pid"]
        finally:
            theirs.close()
        return pid, ours

    def spawn_job(self) -> tuple[int, socket.socket]:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            pid = self._request({"op": "job"}, [theirs.fileno()])["pid"]
        finally:
            theirs.close()
        return pid, ours

    def exit_status(self, pid: int) -> str:
        try:
            return self._request({"op": "status", "pid": pid})["status"]
        except (OSError, RuntimeError):
            return "unknown"

    def close(self) -> None:
        try:
            self._sock.close()
        finally:
            if self._process is not None:
                try:
                    self._process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    os.killpg(self._process.pid, signal.SIGKILL)
                    self._process.wait()


def kill_group(pid: int) -> None:
    """Kill a worker and everything it started (its own process group)."""
    for kill in (os.killpg, os.kill):
        try:
            kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            continue


def describe_status(status: int | None) -> str:
    if status is None:
        return "still running or unknown"
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = str(sig)
        why = {"SIGKILL": ", e.g. over the memory or time limit", "SIGXCPU": ": over the CPU-time limit",
               "SIGSEGV": ": a segmentation fault"}.get(name, "")
        return f"killed by {name}{why}"
    return f"exited with code {os.WEXITSTATUS(status)}"
