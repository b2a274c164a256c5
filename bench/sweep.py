"""Seed sweep of the mutant catalogue (run by hand; slow; nothing here is a test).

    python bench/sweep.py [--seeds 20 | --seed-list 11,22,33] [--blind | --original | --batch blind2]
                          [--only pytorch.blocks] [--jobs 2] [--profile ci] [--json FILE]
                          [--log FILE] [--whole-module]

Grades every catalogue entry (``tests/catalogue/``) at each seed: a mutant against
its own unit (an *escape* is a seed at which that unit passed), a variant against
its own unit and the units of its module that use it (a *false rejection* is a seed
at which any of them did not pass; ``--whole-module``: every unit of the module,
several times slower, which also shows a variant that breaks an unrelated unit).  Prints one row per unit, then every escape and false rejection with the
seeds it happened at.  The goal is 0 and 0 at every seed.

Seeds are session seeds, as given to ``drill grade --seed``; the default seeds
are 1..N.  ``--jobs`` worker processes each import the frameworks once.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def selected_entries(*, blind: bool | None = None, only: tuple[str, ...] = (),
                     batch: str | None = None) -> list[tuple[str, str, object]]:
    """(framework, module, entry) of the catalogue, without GPU units, filtered by id prefix."""
    from harness import catalog
    from tests.catalogue import entries

    found = []
    for framework in catalog.FRAMEWORKS:
        for module in catalog.MODULES:
            for e in entries(framework, module, blind=blind, batch=batch):
                unit_id = f"{framework}.{module}.{e.unit}"
                if catalog.BY_ID[unit_id].gpu:
                    continue
                if only and not any(unit_id.startswith(p) for p in only):
                    continue
                found.append((framework, module, e))
    return found


def grade_entry(framework: str, module: str, entry, seed: int, whole_module: bool = False) -> dict:
    """One entry at one seed: {"unit", "kind", "why", "seed", "bad": [(unit id, status, message)]}."""
    from harness import catalog
    from harness.core.grading import grade_unit
    from tests.catalogue import Mutant, build_tree

    own = f"{framework}.{module}.{entry.unit}"
    mutant = isinstance(entry, Mutant)
    from tests.catalogue import allowed_failures

    if mutant:
        units = [catalog.BY_ID[own]]
    else:
        near = allowed_failures(framework, module, entry.unit)
        units = [u for u in catalog.units_for(framework, module) if not u.gpu and (whole_module or u.id in near)]
    bad = []
    with tempfile.TemporaryDirectory() as tmp:
        tree = build_tree(Path(tmp), framework, module, entry.code)
        for unit in units:
            r = grade_unit(unit, tree, session_seed=seed)
            if mutant and r.status == "passed":
                bad.append((unit.id, r.status, ""))
            elif not mutant and r.status != "passed":
                bad.append((unit.id, r.status, r.message.splitlines()[0] if r.message else ""))
    return {"unit": own, "kind": "mutant" if mutant else "variant", "why": entry.why, "seed": seed, "bad": bad}


_WHOLE_MODULE = [False]


def _init(profile: str, whole_module: bool = False):
    from harness.core import profiles
    from harness.core import tf_settings

    tf_settings.apply()  # TensorFlow graded as the plugin and `drill grade` grade it (quiet, no oneDNN)
    profiles.activate(profile)
    _WHOLE_MODULE[0] = whole_module


def _work(job):
    index, seed = job
    framework, module, entry = _ENTRIES[index]
    try:
        return index, grade_entry(framework, module, entry, seed, _WHOLE_MODULE[0])
    except BaseException as exc:  # noqa: BLE001 - a sweep reports, it does not stop
        own = f"{framework}.{module}.{entry.unit}"
        return index, {"unit": own, "kind": "?", "why": entry.why, "seed": seed,
                       "bad": [(own, "sweep-error", f"{type(exc).__name__}: {exc}")]}


_ENTRIES: list = []


def sweep(seeds, *, blind=None, only=(), jobs=1, profile="ci", progress=None, whole_module=False,
          log=None, batch=None) -> list[dict]:
    """Grade the selected entries at every seed; one result dict per (entry, seed), each also written to the open
    file ``log`` (one JSON line) as it arrives, so an interrupted sweep keeps what it graded."""
    global _ENTRIES
    _ENTRIES = selected_entries(blind=blind, only=only, batch=batch)
    work = [(i, s) for i in range(len(_ENTRIES)) for s in seeds]
    results = []
    if jobs <= 1:
        from harness.core import profiles

        before = profiles.current()
        _init(profile, whole_module)
        try:
            for job in work:
                results.append(_work(job)[1])
                _log(log, results[-1])
                if progress:
                    progress(len(results), len(work))
        finally:
            profiles.activate(before)
        return results
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(jobs, initializer=_init_spawned, initargs=(profile, blind, only, whole_module, batch)) as pool:
        for _, r in pool.imap_unordered(_work, work, chunksize=4):
            results.append(r)
            _log(log, r)
            if progress:
                progress(len(results), len(work))
    return results


def _log(log, result):
    if log is not None:
        log.write(json.dumps(result, sort_keys=True) + "\n")
        log.flush()


def _init_spawned(profile, blind, only, whole_module, batch=None):
    global _ENTRIES
    _ENTRIES = selected_entries(blind=blind, only=only, batch=batch)
    _init(profile, whole_module)


def summarize(results: list[dict]) -> tuple[list[tuple], list[tuple]]:
    """Per-unit rows (unit, mutants, escaped mutants, variants, rejected variants) and the bad entries with seeds."""
    per_unit = defaultdict(lambda: {"mutant": set(), "variant": set(), "bad_mutant": set(), "bad_variant": set()})
    bad = defaultdict(list)
    for r in results:
        row = per_unit[r["unit"]]
        kind = r["kind"] if r["kind"] == "mutant" else "variant"  # a sweep error counts as a false rejection
        row[kind].add(r["why"])
        if r["bad"]:
            row["bad_" + kind].add(r["why"])
            bad[(r["unit"], r["kind"], r["why"])].append((r["seed"], r["bad"]))
    rows = [(u, len(v["mutant"]), len(v["bad_mutant"]), len(v["variant"]), len(v["bad_variant"]))
            for u, v in sorted(per_unit.items())]
    listed = [(unit, kind, why, sorted(seeds_and_bad, key=lambda sb: sb[0]))
              for (unit, kind, why), seeds_and_bad in sorted(bad.items())]
    return rows, listed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--seeds", type=int, default=20, help="sweep session seeds 1..N (default 20)")
    group.add_argument("--seed-list", help="comma-separated session seeds instead")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--blind", action="store_true", help="only the blind entries (every batch: tests/catalogue/blind*/)")
    which.add_argument("--batch", metavar="NAME", help="only one blind batch, e.g. blind2")
    which.add_argument("--original", action="store_true", help="only the original entries")
    parser.add_argument("--only", action="append", default=[], metavar="PREFIX",
                        help="only units whose id starts with PREFIX (repeatable), e.g. pytorch.blocks")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--profile", default="ci", choices=("dev", "ci"), help="Hypothesis profile (default ci)")
    parser.add_argument("--json", metavar="FILE", help="also write every result as JSON")
    parser.add_argument("--log", metavar="FILE", help="append each result to FILE as one JSON line as it arrives")
    parser.add_argument("--whole-module", action="store_true",
                        help="grade each variant against every unit of its module, not only its own and those using it")
    args = parser.parse_args(argv)
    seeds = [int(s) for s in args.seed_list.split(",")] if args.seed_list else list(range(1, args.seeds + 1))
    blind = True if args.blind else False if args.original else None

    def progress(done, total):
        if done % 25 == 0 or done == total:
            print(f"  {done}/{total}", file=sys.stderr, flush=True)

    with open(args.log, "a") if args.log else contextlib.nullcontext() as log:
        results = sweep(seeds, blind=blind, only=tuple(args.only), jobs=args.jobs, profile=args.profile,
                        progress=progress, whole_module=args.whole_module, log=log, batch=args.batch)
    rows, listed = summarize(results)
    print(f"seeds: {seeds}  profile: {args.profile}")
    print(f"{'unit':44} {'mutants':>7} {'escaped':>7} {'variants':>8} {'rejected':>8}")
    for unit, m, me, v, ve in rows:
        print(f"{unit:44} {m:7d} {me:7d} {v:8d} {ve:8d}")
    tm, tme, tv, tve = (sum(r[i] for r in rows) for i in (1, 2, 3, 4))
    print(f"{'total':44} {tm:7d} {tme:7d} {tv:8d} {tve:8d}")
    for unit, kind, why, seeds_and_bad in listed:
        label = "ESCAPED" if kind == "mutant" else "REJECTED"
        print(f"\n{label} {unit}: {why}\n  at seeds {[s for s, _ in seeds_and_bad]}")
        if kind != "mutant":
            print(f"  e.g. {seeds_and_bad[0][1][0]}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, sort_keys=True))
    return 1 if tme or tve else 0


if __name__ == "__main__":
    sys.exit(main())
