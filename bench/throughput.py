"""Throughput of instructor grading (run by hand, prints numbers; nothing here is a test).

    python bench/throughput.py [--count 12] [--jobs 2] [--runs 3]

Measures, on this machine:
  - batch: `drill grade` of COUNT submissions (copies of solutions/, a third each as the contract's tree, as flat
    files of one track and as a zip) with --jobs JOBS: submissions per minute, and seconds per submission as a
    ratio to a bare `import torch, tensorflow` (goal: below 1x);
  - one submission on a platform container: the Gradescope export's `run_autograder` on one submission of both
    tracks from a cold process (imports, fork server, grading, results.json), median of RUNS: the per-submission
    cost when a platform grades each submission in its own container.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"


def timed(cmd, **kwargs) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(map(str, cmd))}\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return elapsed


def make_submissions(folder: Path, count: int) -> list[str]:
    subs = []
    for k in range(count):
        target = folder / f"student{k:02d}"
        if k % 3 == 0:
            shutil.copytree(SOLUTIONS, target, ignore=shutil.ignore_patterns("__pycache__"))
        elif k % 3 == 1:
            target.mkdir()
            for file in (SOLUTIONS / "pytorch").glob("*.py"):
                shutil.copy(file, target / file.name)
        else:
            target = target.with_suffix(".zip")
            with zipfile.ZipFile(target, "w") as zf:
                for file in SOLUTIONS.rglob("*.py"):
                    zf.write(file, f"hw/{file.relative_to(SOLUTIONS)}")
        subs.append(str(target))
    return subs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=12, help="submissions in the batch (default 12)")
    parser.add_argument("--jobs", type=int, default=2, help="drill grade --jobs (default 2)")
    parser.add_argument("--runs", type=int, default=3, help="cold single-submission runs (median shown)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTEST_ADDOPTS")}
    imports = statistics.median(timed([sys.executable, "-c", "import torch, tensorflow"]) for _ in range(args.runs))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "subs").mkdir()
        subs = make_submissions(folder / "subs", args.count)
        batch = timed([sys.executable, "-m", "harness.cli", "grade", *subs, "--out", str(folder / "out"),
                       "--jobs", str(args.jobs), "--seed", "1"], cwd=ROOT, env=env)
        archive = folder / "autograder.zip"
        timed([sys.executable, "-m", "harness.cli", "export", "gradescope", str(archive), "--seed", "1"], cwd=ROOT,
              env=env)
        cold = []
        for run in range(args.runs):
            root = folder / f"autograder{run}"
            with zipfile.ZipFile(archive) as zf:
                zf.extractall(root / "source")
            shutil.copytree(SOLUTIONS, root / "submission", ignore=shutil.ignore_patterns("__pycache__"))
            cold.append(timed(["bash", str(root / "source" / "run_autograder")],
                              env=dict(env, D2L_AUTOGRADER_ROOT=str(root), D2L_PYTHON=sys.executable)))
        cold_median = statistics.median(cold)
    per = batch / args.count
    print(f"machine: {os.cpu_count()} CPUs; bare `import torch, tensorflow`: {imports:.2f} s")
    print(f"batch: {args.count} submissions, --jobs {args.jobs}: {batch:.1f} s, "
          f"{60 * args.count / batch:.1f} submissions per minute, {per:.2f} s each = {per / imports:.2f}x the bare "
          "import (goal < 1x)")
    print(f"one submission on a platform container (run_autograder, cold, both tracks): {cold_median:.1f} s "
          f"(runs: {', '.join(f'{c:.1f}' for c in cold)}) = {cold_median / imports:.2f}x the bare import")


if __name__ == "__main__":
    main()
