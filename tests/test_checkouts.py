"""Two checkouts side by side: every command grades the checkout it is run in, or refuses and says why.

The project is installed (editable) from this checkout, ROOT.  A second checkout, B, is a copy of it.  Run in B
with B's own harness first on ``sys.path`` (``python -m``), drill and pytest grade B and say so; run in B with
ROOT's harness (``python -P``: the working directory is not put on ``sys.path``, as for the installed ``drill``
and ``pytest`` commands), both refuse, naming both checkouts; outside any checkout drill refuses instead of
falling back to ROOT.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _env():
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTEST_XDIST_WORKER", "PYTEST_ADDOPTS")}
    env["COLUMNS"] = "200"
    return env


def run(cwd, *args):
    done = subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=_env())
    return done.returncode, done.stdout + done.stderr


@pytest.fixture(scope="module")
def other(tmp_path_factory):
    b = tmp_path_factory.mktemp("checkout") / "B"
    b.mkdir()
    for part in ("harness", "graders", "solutions", "exercises"):
        shutil.copytree(ROOT / part, b / part, ignore=shutil.ignore_patterns("__pycache__"))
    for part in ("conftest.py", "pyproject.toml"):
        shutil.copy(ROOT / part, b / part)
    return b


def test_harness_is_a_regular_package():
    import harness

    assert harness.__file__ and Path(harness.__file__).name == "__init__.py"
    assert harness.CHECKOUT == ROOT


def test_each_checkout_grades_itself(other):
    rc, out = run(other, "-m", "harness.cli", "check", "gpu.num_gpus", "--seed", "1")
    assert rc == 1 and f"in the checkout {other}" in out, out  # a stub: failed, graded by B's own harness
    rc, out = run(other, "-m", "pytest", "exercises/pytorch/gpu.py", "-p", "no:cacheprovider", "-q")
    assert f"with the graders and reference of {other}" in out, out


def test_another_checkouts_harness_refuses(other):
    rc, out = run(other, "-P", "-m", "harness.cli", "list")
    assert rc == 1 and str(other) in out and str(ROOT) in out and "pip install -e" in out, out
    rc, out = run(other, "-P", "-m", "pytest", "exercises/pytorch/gpu.py", "-p", "no:cacheprovider", "-q")
    assert rc == 4 and str(other) in out and str(ROOT) in out, out  # pytest's usage error
    assert "passed" not in out and "failed" not in out


def test_drill_outside_any_checkout_refuses(tmp_path):
    state = ROOT / ".drill-state.json"
    before = state.stat().st_mtime_ns if state.exists() else None
    rc, out = run(tmp_path, "-P", "-m", "harness.cli", "list")
    assert rc == 1 and "no exercise repository" in out and "--root" in out, out
    assert not (tmp_path / ".drill-state.json").exists()
    assert (state.stat().st_mtime_ns if state.exists() else None) == before  # nothing written in ROOT either
