"""``drill grade``: grade untrusted submissions, isolated, in batch, with every report format.

This process never imports student code, the frameworks or the reference: it
starts one fork server (frameworks pre-imported), asks it for ``--jobs``
trusted grading processes, hands each a submission at a time and collects
plain-data results.  Every report is written here, after grading, atomically.
"""

from __future__ import annotations

import argparse
import random
import selectors
import sys
import time
from pathlib import Path

from harness import catalog

EPILOG = """exit status: 0 when grading itself worked (whatever the grades), 2 for bad arguments,
1 when the harness failed.  Without --seed a fresh seed is drawn and printed: pass it again to
reproduce a report exactly."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.description = ("Grade submissions (implementation trees with the contract's layout) in isolated worker "
                     "processes with the 'ci' Hypothesis profile.")
    p.epilog = EPILOG
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.add_argument("submissions", nargs="+", metavar="SUBMISSION",
                   help="a folder holding pytorch/ and/or tensorflow/, or flat module files (blocks.py, ...), "
                        "notebooks, or a .zip of any of these")
    p.add_argument("--only", action="append", metavar="PREFIX", default=[],
                   help="grade only unit ids starting with PREFIX (e.g. pytorch or tensorflow.file_io); repeatable")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", metavar="FILE", help="one submission: write its JSON report here (default: stdout)")
    out.add_argument("--out", metavar="DIR", help="several submissions: one JSON report per submission in DIR, "
                                                  "plus DIR/grades.csv")
    p.add_argument("--gradebook", metavar="CSV", help="CSV gradebook: a row per student (roster) or submission")
    p.add_argument("--roster", metavar="CSV", help="the class list (a CSV with a header row): a gradebook row per "
                   "entry, in its order, with its id and name; a student without a submission is 'missing' with 0")
    p.add_argument("--roster-key", metavar="COLUMN", help="the roster column holding submission names (default: "
                   "the first of submission, SIS Login ID, login, username, email, student_id, id present)")
    p.add_argument("--gradebook-style", choices=("plain", "canvas", "moodle"), default="plain",
                   help="plain (a column per unit), canvas (Canvas' import; needs its gradebook export as --roster) "
                        "or moodle (Moodle's CSV grade import)")
    p.add_argument("--assignment", default="d2l chapter 6", metavar="NAME",
                   help="the gradebook column for Canvas and Moodle (Canvas: 'Name (id)' updates that assignment)")
    p.add_argument("--gradescope", metavar="FILE", help="one submission: Gradescope's results.json")
    p.add_argument("--gradescope-visibility", default="visible",
                   choices=("visible", "after_due_date", "after_published", "hidden"),
                   help="when students see each unit's result on Gradescope (default: visible)")
    p.add_argument("--markdown", metavar="FILE", help="append the grade tables as Markdown to FILE (e.g. "
                                                     "\"$GITHUB_STEP_SUMMARY\")")
    p.add_argument("--junit", metavar="FILE", help="JUnit XML: a test suite per submission, a test case per unit")
    p.add_argument("--seed", type=int, metavar="N", help="the instructor's secret seed (recorded in every report)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="S", help="wall-clock limit per call into "
                   "student code, seconds (default 20; a module gets 15x this in all)")
    p.add_argument("--memory", type=int, default=6144, metavar="MB",
                   help="address space a worker may add to the pre-imported frameworks (default 6144)")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="submissions graded at once (default 1)")


def _usage_error(message: str) -> int:
    print(f"drill grade: error: {message}", file=sys.stderr)
    return 2


def _names(paths: list[Path]) -> list[str]:
    """A report name per submission: its folder name, made unique."""
    names, seen = [], {}
    for path in paths:
        base = (path.stem if path.is_file() else path.name) or "submission"
        seen[base] = seen.get(base, 0) + 1
        names.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return names


def select_units(only: list[str]) -> list[catalog.Unit]:
    """The catalog's units whose id starts with one of ``only`` (all of them when it is empty), in chapter order."""
    return [u for u in catalog.UNITS if not only or any(u.id.startswith(p) for p in only)]


def limits_for(timeout: float, memory_mb: int):
    from harness.isolation.sandbox import Limits

    return Limits(call_seconds=timeout, module_seconds=max(300.0, 15 * timeout),
                  cpu_seconds=int(max(300, 15 * timeout)), memory_bytes=memory_mb * 2**20)


def grade_submissions(given: list[Path], units: list[catalog.Unit], seed: int, limits, jobs: int,
                      names: list[str] | None = None) -> list[dict]:
    """Read each submission in whatever form it came (one that cannot be read is graded as empty and says why),
    grade them all, and return one report document each, in order, saying how each was read."""
    from harness.isolation.submission import read_or_explain

    readings = [read_or_explain(path) for path in given]
    try:
        documents = grade_all([r.tree for r in readings], names or _names(given), units, seed, limits, jobs)
        for doc, reading in zip(documents, readings):
            doc["read_as"] = reading.describe()
            if reading.problems:
                doc["read_problems"] = list(reading.problems)
            for unit in doc["units"]:
                if unit["status"] == "missing" and (why := reading.why_missing(unit["id"])):
                    unit["message"] = f"not graded: {why}"
        return documents
    finally:
        for reading in readings:
            reading.close()


def run(args) -> int:
    given = [Path(s) for s in args.submissions]
    absent = [str(p) for p in given if not p.exists()]
    if absent:
        return _usage_error(f"{', '.join(absent)} does not exist")
    several = len(given) > 1
    if several and args.json:
        return _usage_error("--json takes one submission; use --out DIR for several")
    if several and not args.out:
        return _usage_error("several submissions need --out DIR (one report each)")
    if several and args.gradescope:
        return _usage_error("--gradescope takes one submission (Gradescope grades them one at a time)")
    if args.jobs < 1 or args.timeout <= 0:
        return _usage_error("--jobs and --timeout must be positive")
    from harness.reports.gradebook import Roster, RosterError, check_style

    try:  # a roster that cannot be used is said before anything is graded
        args.roster_table = Roster.load(args.roster, args.roster_key) if args.roster else None
        check_style(args.gradebook_style, args.roster_table)
    except RosterError as exc:
        return _usage_error(str(exc))
    units = select_units(args.only)
    if not units:
        return _usage_error(f"no unit id starts with {' or '.join(args.only)}")
    from harness import CHECKOUT
    from harness.core import recorded

    if recorded.student_release(CHECKOUT) is not None:
        return _usage_error(f"{CHECKOUT} is a student release (no reference solutions): grade submissions from the "
                            "instructor's repository, with the reference and your secret seed")
    seed = args.seed if args.seed is not None else random.SystemRandom().getrandbits(32)
    if args.seed is None:
        print(f"drill grade: seed {seed} (pass --seed {seed} to reproduce these reports)", file=sys.stderr)
    start = time.monotonic()
    try:
        documents = grade_submissions(given, units, seed, limits_for(args.timeout, args.memory), args.jobs)
    except KeyboardInterrupt:
        print("drill grade: interrupted; no report written", file=sys.stderr)
        return 130
    except RuntimeError as exc:
        print(f"drill grade: the harness failed: {exc}", file=sys.stderr)
        return 1
    write_reports(args, documents, time.monotonic() - start)
    return 0


def write_reports(args, documents: list[dict], elapsed: float) -> None:
    import json

    from harness.reports import report

    if args.out:
        out = Path(args.out)
        for doc in documents:
            report.write_json(out / f"{doc['submission']}.json", doc)
        _gradebook(args, Path(args.gradebook) if args.gradebook else out / "grades.csv", documents)
    else:
        if args.json:
            report.write_json(args.json, documents[0])
        else:
            sys.stdout.write(json.dumps(documents[0], indent=2) + "\n")
        if args.gradebook:
            _gradebook(args, args.gradebook, documents)
    if args.gradescope:
        report.write_json(args.gradescope, report.gradescope_results(documents[0], execution_time=elapsed,
                                                                     visibility=args.gradescope_visibility))
    if args.junit:
        report.write_junit(args.junit, documents)
    if args.markdown:
        report.append_markdown(args.markdown, documents)
    for doc in documents:
        print(f"{doc['submission']}: {doc['score']:g} / {doc['max_score']:g}", file=sys.stderr)


def _gradebook(args, path, documents: list[dict]) -> None:
    from harness.reports import gradebook

    gradebook.write(path, documents, getattr(args, "roster_table", None), args.gradebook_style, args.assignment)


def _document(name: str, units: list[catalog.Unit], results: list[dict], seed: int) -> dict:
    by_id = {r["id"]: r for r in results}
    ordered = []
    for unit in units:  # results come from a job: keep only what we asked for, in chapter order
        r = by_id.get(unit.id)
        if r is None:
            r = {"id": unit.id, "status": "error", "score": 0.0, "max_score": unit.points,
                 "message": "not graded: the grading job stopped before this unit"}
        status = r["status"]
        # The job (trusted: graders and reference run there) scores by property; a skipped unit is out of the maximum.
        score = unit.points if status == "passed" else min(float(r.get("score", 0.0)), unit.points)
        entry = {"id": unit.id, "status": status, "score": 0.0 if status == "skipped" else score,
                 "max_score": 0.0 if status == "skipped" else unit.points, "message": r["message"]}
        if r.get("properties"):
            entry["properties"] = r["properties"]
        ordered.append(entry)
    return {"submission": name, "score": round(sum(u["score"] for u in ordered), 6),
            "max_score": round(sum(u["max_score"] for u in ordered), 6), "seed": seed, "profile": "ci",
            "units": ordered}


def grade_all(paths, names, units, seed: int, limits, jobs: int) -> list[dict]:
    """Grade every submission in ``jobs`` trusted job processes; results in submission order."""
    from harness.core import wire
    from harness.isolation.client import ForkServer, kill_group

    frameworks = sorted({u.framework for u in units if catalog.framework_installed(u.framework)})
    server = ForkServer.start(frameworks)
    selector = selectors.DefaultSelector()
    pending = list(range(len(paths)))
    documents: dict[int, dict] = {}
    busy: dict = {}  # job socket -> (pid, submission index, start time)

    def hand_out(sock, pid):
        if not pending:
            sock.close()
            return
        index = pending.pop(0)
        wire.send(sock, {"tree": str(paths[index].resolve()), "units": [u.id for u in units], "seed": seed,
                         "limits": limits.as_dict()})
        busy[sock] = (pid, index, time.monotonic())
        selector.register(sock, selectors.EVENT_READ)

    try:
        for _ in range(min(jobs, len(paths))):
            pid, sock = server.spawn_job()
            hand_out(sock, pid)
        while busy:
            for key, _ in selector.select():
                sock = key.fileobj
                pid, index, started = busy.pop(sock)
                selector.unregister(sock)
                try:
                    results = wire.recv(sock)
                except (EOFError, wire.WireError) as exc:
                    sock.close()
                    kill_group(pid)
                    results = []
                    print(f"drill grade: the grading job for {names[index]} stopped ({exc}); its ungraded units "
                          "are reported as errors", file=sys.stderr)
                    pid, sock = server.spawn_job()
                documents[index] = _document(names[index], units, results, seed)
                done = len(documents)
                doc = documents[index]
                print(f"[{done}/{len(paths)}] {names[index]}: {doc['score']:g} / {doc['max_score']:g} "
                      f"({time.monotonic() - started:.1f} s)", file=sys.stderr, flush=True)
                hand_out(sock, pid)
    finally:
        for sock in busy:
            sock.close()
        server.close()
    return [documents[i] for i in range(len(paths))]
