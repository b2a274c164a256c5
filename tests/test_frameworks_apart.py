"""One framework installed, the other not: each track grades on its own and never needs the other.

The missing framework is made really unimportable in a subprocess: a ``-p`` plugin, loaded before
any other plugin or conftest, replaces ``PathFinder`` on ``sys.meta_path`` with a wrapper that finds
nothing for the hidden top-level names.  ``import torch`` then raises ``ModuleNotFoundError`` and
``importlib.util.find_spec("torch")`` returns ``None``, exactly as on a machine without the package.
Its distribution metadata is hidden too (no version, no entry points).  The plugin writes, at the end of
the run, which hidden or watched frameworks ended up in
``sys.modules``.

tests/test_plugin.py already checks that a PyTorch run of blocks and gpu imports no TensorFlow while
TensorFlow is installed; here the same is checked for the modules whose graders share code across
frameworks (file_io through graders/_file_checks.py) and for custom_layers.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_PLUGIN = textwrap.dedent('''
    """Hide the top-level packages named in D2L_HIDE (comma-separated); report what got imported."""
    import json
    import os
    import sys
    from importlib.machinery import PathFinder

    HIDDEN = {n for n in os.environ.get("D2L_HIDE", "").split(",") if n}
    WATCHED = {"torch", "tensorflow", "keras"}
    _early = sorted(n for n in sys.modules if n.split(".")[0] in HIDDEN)
    if _early:
        raise RuntimeError(f"already imported before the hiding plugin: {_early}")


    class HidingPathFinder:
        @classmethod
        def find_spec(cls, name, path=None, target=None):
            if name.split(".")[0] in HIDDEN:
                return None
            return PathFinder.find_spec(name, path, target)

        @classmethod
        def find_distributions(cls, *args, **kwargs):  # entry points and versions: an absent package has none
            hidden = HIDDEN | {f"{n}-cpu" for n in HIDDEN} | {f"{n}_cpu" for n in HIDDEN}
            return (d for d in PathFinder.find_distributions(*args, **kwargs)
                    if (d.metadata["Name"] or "").lower() not in hidden)

        @classmethod
        def invalidate_caches(cls):
            PathFinder.invalidate_caches()


    sys.meta_path[:] = [HidingPathFinder if f is PathFinder else f for f in sys.meta_path]


    def pytest_unconfigure(config):
        loaded = sorted({n.split(".")[0] for n in sys.modules} & WATCHED)
        with open(os.environ["D2L_HIDE_REPORT"], "w") as f:
            json.dump({"loaded": loaded}, f)
''')


def run_hidden(tmp_path, hide: str, *args):
    """``pytest *args`` in a subprocess where the packages in ``hide`` cannot be imported."""
    (tmp_path / "hide_frameworks.py").write_text(_PLUGIN)
    report, grades = tmp_path / "imports.json", tmp_path / "grades.json"
    env = {**os.environ, "COLUMNS": "160", "D2L_HIDE": hide, "D2L_HIDE_REPORT": str(report),
           "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    env.pop("PYTEST_XDIST_WORKER", None)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "hide_frameworks", "-p", "no:cacheprovider", "-p", "no:xdist",
         "--hypothesis-profile", "dev", "--d2l-json", str(grades), *args],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    out = proc.stdout + proc.stderr
    assert report.exists(), f"the run did not finish normally:\n{out}"
    return proc.returncode, out, json.loads(grades.read_text()), json.loads(report.read_text())["loaded"]


def _by_framework(doc):
    units = {"pytorch": {}, "tensorflow": {}}
    for u in doc["units"]:
        units[u["id"].split(".")[0]][u["id"]] = u
    return units


def _assert_graded_and_skipped(doc, out, graded: str, skipped: str, missing_package: str):
    units = _by_framework(doc)
    assert units[graded] and units[skipped], out
    for uid, u in units[graded].items():
        if uid.endswith(".placement") and u["status"] == "skipped":  # GPU-marked: no GPU here, not no framework
            assert "GPU" in u["message"] or "CUDA" in u["message"], u
            continue
        assert u["status"] == "failed" and u["message"].startswith("not implemented yet: `"), u
    for u in units[skipped].values():
        assert u["status"] in {"skipped", "missing"}, u
        assert f"{missing_package} is not installed" in u["message"], u
    assert "Traceback" not in out and "internal grader error" not in out, out
    assert f"No module named '{missing_package}'" not in out, out


@pytest.mark.skipif(__import__("importlib.util").util.find_spec("tensorflow") is None,
                    reason="tensorflow is not installed")
def test_tensorflow_track_grades_without_pytorch(tmp_path):
    rc, out, doc, loaded = run_hidden(tmp_path, "torch", "exercises/", "-k", "gpu or custom_layers")
    assert rc == 1, out
    assert "torch" not in loaded and "tensorflow" in loaded, (loaded, out)
    _assert_graded_and_skipped(doc, out, graded="tensorflow", skipped="pytorch", missing_package="torch")


@pytest.mark.skipif(__import__("importlib.util").util.find_spec("torch") is None, reason="torch is not installed")
def test_pytorch_track_grades_without_tensorflow(tmp_path):
    rc, out, doc, loaded = run_hidden(tmp_path, "tensorflow,keras", "exercises/", "-k", "gpu or custom_layers")
    assert rc == 1, out
    assert loaded == ["torch"], (loaded, out)
    _assert_graded_and_skipped(doc, out, graded="pytorch", skipped="tensorflow", missing_package="tensorflow")


@pytest.mark.skipif(__import__("importlib.util").util.find_spec("torch") is None, reason="torch is not installed")
def test_pytorch_only_run_of_shared_graders_never_imports_tensorflow(tmp_path):
    """TensorFlow importable, but a PyTorch run of file_io (shared file checks) and custom_layers leaves it alone."""
    rc, out, doc, loaded = run_hidden(tmp_path, "", "solutions/pytorch/file_io.py",
                                      "solutions/pytorch/custom_layers.py", "-k", "tensor or CenteredLayer")
    assert rc == 0, out
    statuses = {u["id"]: u["status"] for u in doc["units"]}
    assert statuses and set(statuses.values()) == {"passed"}, statuses
    assert "pytorch.file_io.tensor" in statuses and "pytorch.custom_layers.CenteredLayer" in statuses, statuses
    assert loaded == ["torch"], (loaded, out)


def test_a_framework_that_is_installed_but_fails_to_import(tmp_path):
    """A TensorFlow that imports with an error (a missing shared library): its units are errors that say so and
    how to repair the install, the PyTorch track is graded, nothing is an INTERNALERROR, and drill does not blame
    the exercise file."""
    pytest.importorskip("torch")
    broken = tmp_path / "broken" / "tensorflow"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text('raise ImportError("libtensorflow_framework.so.2: cannot open shared '
                                        'object file")\n')
    env = {**os.environ, "PYTHONPATH": str(broken.parent), "COLUMNS": "200"}
    env.pop("PYTEST_XDIST_WORKER", None)
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist",
                          "exercises/tensorflow/gpu.py", "solutions/pytorch/gpu.py"],
                         cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    out = run.stdout + run.stderr
    assert "INTERNALERROR" not in out and "tensorflow fails to import" in out, out[-3000:]
    assert "3 passed" in out and "4 failed" in out, out[-3000:]
    assert "tensorflow is installed but fails to import (ImportError: libtensorflow_framework.so.2" in out
    assert "pip install --force-reinstall" in out
    repo = tmp_path / "repo"  # a copy: drill remembers the track in the checkout it runs in
    for part in ("exercises", "solutions", "harness", "graders"):
        shutil.copytree(ROOT / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
    env["PYTHONPATH"] = os.pathsep.join([str(repo), str(broken.parent)])
    done = subprocess.run([sys.executable, "-m", "harness.cli", "--framework", "tensorflow", "check", "num_gpus"],
                          cwd=repo, capture_output=True, text=True, env=env, timeout=300)
    assert "is installed but fails to import" in done.stdout and "edit exercises" not in done.stdout, done.stdout
