"""The fork server: a pre-imported process that forks workers, so a submission never pays a framework import.

Started once per grading run (by :class:`harness.isolation.client.ForkServer`) as ``python -I`` (isolated mode: no ``PYTHON*``
variables, no user site, no working directory on ``sys.path``) with a scrubbed
environment.  It imports numpy, the frameworks, the harness and every grader
(the probes), and runs no framework op (TensorFlow's thread pools do not
survive a fork).  Then it serves requests on its control socket and on the
channel of every job it forked:

- ``worker`` (one file descriptor attached: the worker's end of a socket pair)
  forks a child that confines itself and serves one student module
  (:mod:`harness.isolation.worker`);
- ``job`` (one descriptor: the job's result channel) forks a trusted grading
  process (:mod:`harness.isolation.job`) that asks this server for its workers;
- ``status`` reports how a child ended (exit code or signal), for messages.

It never loads student code or the reference itself.
"""
from __future__ import annotations

import gc
import json
import os
import selectors
import signal
import socket
import time

from harness.isolation.client import _MAX_REQUEST, ForkServer, describe_status


def preload(frameworks) -> None:
    """Import everything a worker or a job needs, without running a single framework op."""
    import importlib
    import pkgutil

    import numpy  # noqa: F401

    import graders
    from harness.core import (feedback, forward, grading, loading, profiles, seeding, stats,  # noqa: F401
                              strategies, wire)
    from harness.isolation import job, sandbox, worker  # noqa: F401
    from harness.reports import report  # noqa: F401

    for framework in frameworks:
        if framework == "pytorch":
            import torch  # noqa: F401

            from harness.frameworks import torch_glue  # noqa: F401
        elif framework == "tensorflow":
            import keras  # noqa: F401
            import tensorflow  # noqa: F401

            from harness.frameworks import tf_glue  # noqa: F401
        package = importlib.import_module(f"graders.{framework}")
        for info in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"graders.{framework}.{info.name}")
    for info in pkgutil.iter_modules(graders.__path__):
        if not info.ispkg:
            importlib.import_module(f"graders.{info.name}")
    # Everything imported lives as long as the process: out of the garbage collector's way in every child (its
    # full collections would walk the frameworks' objects again and again, and touching them copies pages).
    gc.freeze()


def _detach_all(sockets, selector) -> None:
    """In a fresh child: drop the parent's descriptors without letting Python close reused numbers later."""
    for s in sockets:
        try:
            os.close(s.detach())
        except OSError:
            pass
    selector.close()


def main(argv) -> None:
    control = socket.socket(fileno=int(argv[0]))
    frameworks = [f for f in argv[1].split(",") if f]
    preload(frameworks)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the grading process, which closes us
    selector = selectors.DefaultSelector()
    selector.register(control, selectors.EVENT_READ)
    channels = {control}
    statuses: dict[int, int] = {}

    def reap():
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            statuses[pid] = status
            if len(statuses) > 10000:
                statuses.pop(next(iter(statuses)))

    while control in channels:
        for key, _ in selector.select(timeout=0.5):
            sock = key.fileobj
            try:
                message, fds, _, _ = socket.recv_fds(sock, _MAX_REQUEST, 2)
            except OSError:
                message, fds = b"", []
            if not message:
                selector.unregister(sock)
                channels.discard(sock)
                sock.close()
                for fd in fds:
                    os.close(fd)
                continue
            try:
                reply = _handle(json.loads(message), fds, sock, channels, selector, statuses, reap)
            except Exception as exc:
                reply = {"error": f"{type(exc).__name__}: {exc}"}
                for fd in fds:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            try:
                sock.send(json.dumps(reply).encode())
            except OSError:
                pass
        reap()
    os._exit(0)


def _handle(request, fds, sock, channels, selector, statuses, reap) -> dict:
    op = request.get("op")
    if op == "ping":
        return {"ok": True}
    if op == "status":
        pid = int(request["pid"])
        deadline = time.monotonic() + 2.0
        while pid not in statuses and time.monotonic() < deadline:
            reap()
            time.sleep(0.02)
        return {"status": describe_status(statuses.get(pid))}
    if op == "worker":
        (fd,) = fds
        pid = os.fork()
        if pid == 0:
            _detach_all(channels, selector)
            from harness.isolation import worker

            worker.serve(fd, request["spec"])  # never returns
        os.close(fd)
        return {"pid": pid}
    if op == "job":
        (fd,) = fds
        server_end, job_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        pid = os.fork()
        if pid == 0:
            _detach_all(channels | {server_end}, selector)
            from harness.isolation import job as batch

            batch.job_main(fd, ForkServer(job_end))  # never returns
        os.close(fd)
        job_end.close()
        selector.register(server_end, selectors.EVENT_READ)
        channels.add(server_end)
        return {"pid": pid}
    raise ValueError(f"unknown request {op!r}")
