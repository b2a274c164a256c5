"""Grading submissions in trusted job processes forked from the fork server (``drill grade --jobs N``).

A job is a trusted grading process: it runs the graders and the reference
in-process and asks the fork server for one isolated worker per module of
each submission it grades.  The main process hands out submissions and
collects plain-data results; it alone writes reports.
"""

from __future__ import annotations

import os
import socket
import sys

from harness.core import wire


def grade_submission(tree, units, *, seed, pool, reference_cache=None) -> list:
    from harness.core.grading import grade_unit

    results = []
    try:
        for unit in units:
            results.append(grade_unit(unit, tree, session_seed=seed, implementation=pool.implementation,
                                      reference_cache=reference_cache))
    finally:
        pool.close()
    return results


def job_main(fd: int, server) -> None:
    """Serve ``{"tree", "units", "seed", "limits"}`` requests until the main process closes the channel."""
    code = 0
    try:
        from harness import catalog
        from harness.core import profiles
        from harness.isolation.pool import WorkerPool
        from harness.isolation.sandbox import Limits

        sock = socket.socket(fileno=fd)
        profiles.activate("ci")
        import logging

        logging.getLogger("tensorflow").setLevel(logging.ERROR)  # graders' own casts are not the instructor's news
        reference_cache: dict = {}
        while True:
            try:
                request = wire.recv(sock)
            except EOFError:
                break
            units = [catalog.BY_ID[u] for u in request["units"]]
            pool = WorkerPool(server, Limits(**request["limits"]))
            results = grade_submission(request["tree"], units, seed=request["seed"], pool=pool,
                                       reference_cache=reference_cache)
            wire.send(sock, [r.as_json() | {"seconds": r.seconds} for r in results])
    except BaseException as exc:  # the main process reports the job as failed
        print(f"grading job failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        code = 1
    finally:
        os._exit(code)
