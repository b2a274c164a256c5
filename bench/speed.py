"""Speed benchmark (run by hand, prints ratios; nothing here is a test).

    python bench/speed.py [--runs 3] [--skip-tf]

Measures, in one run and on the same machine (batch grading's throughput: bench/throughput.py):
  - bare `python -c "import torch"` / "import tensorflow" / both
  - grading solutions/pytorch, solutions/tensorflow, both, with `pytest`
  - one unit's feedback: `pytest solutions/pytorch/blocks.py -k MySequential`
and prints each grading time as a ratio to the matching bare import (medians).
Goals (issues): PyTorch track <= 2x, one unit <= 1.5x, TF track <= 2.5x, both <= 2.5x; a failing unit reports within 2x the time of
the same unit passing (time to feedback, one typical mistake per track).
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="repetitions per measurement (median is shown)")
    parser.add_argument("--skip-tf", action="store_true", help="PyTorch only")
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
