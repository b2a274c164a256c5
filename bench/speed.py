"""Speed benchmark (run by hand, prints ratios; nothing here is a test).

    python bench/speed.py [--runs 3] [--skip-tf]

Measures, in one run and on the same machine (batch grading's throughput: bench/throughput.py):
  - bare `python -c "import torch"` / "import tensorflow" / both
  - grading solutions/pytorch, solutions/tensorflow, both, with `pytest`
  - one unit's feedback: `pytest solutions/pytorch/blocks.py -k MySequential`
  - a re-check after a save in a warm `drill watch` (frameworks and graders loaded, the exercise file re-imported),
    against a cold `drill check` of the same unit
and prints each grading time as a ratio to the matching bare import (medians).
Goals (issues): PyTorch track <= 2x, one unit <= 1.5x, TF track <= 2.5x, both <= 2.5x; a failing unit reports within 2x the time of
the same unit passing (time to feedback, one typical mistake per track); a warm re-check <= 0.5 s for a PyTorch
unit and <= 1.5 s for a TF unit (issue "The student's loop").
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # tests.catalogue: the failing cases are catalogue mutants
    sys.path.insert(0, str(ROOT))
PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "--no-grade-summary"]


# One typical failing unit per track (a wrong value; code that raises), graded alone, against the same unit passing:
# (framework, module, unit graded, the catalogue mutant's unit and the start of its `why`).
FAILING = {
    "PyTorch MySequential, plain list": ("pytorch", "blocks", "MySequential", "MySequential",
                                         "Keeps the blocks in a plain list"),
    "TF chimera, a Python while": ("tensorflow", "blocks", "chimera", "FixedHiddenMLP",
                                   "Keeps the book's Python while on a tensor"),
}


def run_once(cmd) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return elapsed


def medians(commands: dict, runs: int) -> dict:
    """Median wall-clock seconds per command; the commands take turns (round robin), so a slow spell of the
    machine falls on the imports and the gradings alike instead of on whichever ran then."""
    times = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(run_once(cmd))
    return {name: statistics.median(values) for name, values in times.items()}


WARM = {"pytorch": ("pytorch.blocks.MySequential", 0.5), "tensorflow": ("tensorflow.blocks.MySequential", 1.5)}


def _exercise_root(folder: Path) -> Path:
    """A student's folder (exercises/ holding the reference's modules, and solutions/), without the harness."""
    import shutil

    for part in ("exercises", "solutions"):
        shutil.copytree(ROOT / "solutions", folder / part, ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def warm_worker(unit_id: str, root: str, saves: int) -> None:
    """In one process, as `drill watch` does: check once (imports), then save the file and re-check, ``saves``
    times; prints the median re-check in seconds."""
    from harness import catalog
    from harness.drill.session import Drill
    from harness.drill.terminal import Output

    unit = catalog.BY_ID[unit_id]
    drill = Drill(Path(root), framework=unit.framework, out=Output())
    drill.watching = True
    path = Path(root) / "exercises" / unit.framework / f"{unit.module}.py"
    drill.grade([unit], seed=1, verbose=False)
    times = []
    for k in range(saves):
        path.write_text(path.read_text() + f"\n# save {k}\n")  # a save: new content, new mtime
        start = time.perf_counter()
        drill._sources.clear()
        [result] = drill.grade([unit], seed=1, verbose=False)
        times.append(time.perf_counter() - start)
        assert result.status == "passed", result.message
    print(f"WARM {statistics.median(times):.4f}")


def warm_rechecks(runs: int, frameworks) -> list:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        root = _exercise_root(Path(folder))
        for framework in frameworks:
            unit_id, goal = WARM[framework]
            cold = medians({"cold": [sys.executable, "-m", "harness.cli", "check", unit_id, "--root", str(root),
                                     "--seed", "1"]}, runs)["cold"]
            done = subprocess.run([sys.executable, __file__, "--warm-worker", unit_id, str(root), str(5 * runs)],
                                  cwd=ROOT, capture_output=True, text=True)
            line = [x for x in done.stdout.splitlines() if x.startswith("WARM ")]
            if done.returncode or not line:
                raise SystemExit(f"warm re-check failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
            rows.append((unit_id, float(line[0].split()[1]), cold, goal))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="repetitions per measurement (median is shown)")
    parser.add_argument("--skip-tf", action="store_true", help="PyTorch only")
    parser.add_argument("--warm-worker", nargs=3, metavar=("UNIT", "ROOT", "SAVES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.warm_worker:
        unit_id, root, saves = args.warm_worker
        return warm_worker(unit_id, root, int(saves))
    commands = {"torch": [sys.executable, "-c", "import torch"],
                "torch track": PYTEST + ["solutions/pytorch"],
                "one unit": PYTEST + ["solutions/pytorch/blocks.py", "-k", "MySequential"]}
    if not args.skip_tf:
        commands.update({"tf": [sys.executable, "-c", "import tensorflow"],
                         "both": [sys.executable, "-c", "import torch, tensorflow"],
                         "tf track": PYTEST + ["solutions/tensorflow"],
                         "both tracks": PYTEST + ["solutions"]})
    with tempfile.TemporaryDirectory() as folder:
        from tests.catalogue import build_tree, mutant

        for k, (name, (framework, module, unit, owner, why)) in enumerate(FAILING.items()):
            if framework == "tensorflow" and args.skip_tf:
                continue
            for kind, code in (("passing", ""), ("failing", mutant(framework, module, owner, why).code)):
                tree = build_tree(Path(folder) / f"case{k}" / kind, framework, module, code)
                commands[f"{name} {kind}"] = PYTEST + [str(tree / framework / f"{module}.py"), "-k", unit]
        t = medians(commands, args.runs)
    rows = [("PyTorch track (pytest solutions/pytorch)", t["torch track"], t["torch"], 2.0),
            ("one unit (pytest solutions/pytorch/blocks.py -k MySequential)", t["one unit"], t["torch"], 1.5)]
    if not args.skip_tf:
        rows += [("TensorFlow track (pytest solutions/tensorflow)", t["tf track"], t["tf"], 2.5),
                 ("both tracks (pytest solutions)", t["both tracks"], t["both"], 2.5)]
    for name in FAILING:
        if f"{name} failing" in t:
            rows.append((f"feedback, failing / passing: {name}", t[f"{name} failing"], t[f"{name} passing"], 2.0))
    print(f"{'measurement (base: the bare import, or the unit passing)':64} {'grading':>8} {'base':>8} {'ratio':>6} "
          f"{'goal':>5}")
    for name, grading, base, goal in rows:
        print(f"{name:64} {grading:7.2f}s {base:7.2f}s {grading / base:5.2f}x {goal:4.1f}x")
    print()
    print(f"{'warm re-check after a save (drill watch) vs a cold drill check':64} {'warm':>8} {'cold':>8} {'ratio':>6} "
          f"{'goal':>5}")
    for unit_id, warm, cold, goal in warm_rechecks(args.runs, ["pytorch"] if args.skip_tf else ["pytorch",
                                                                                                 "tensorflow"]):
        print(f"{unit_id:64} {warm:7.3f}s {cold:7.2f}s {warm / cold:5.3f}x {goal:4.1f}s")


if __name__ == "__main__":
    main()
