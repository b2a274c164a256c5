"""End-to-end runs of the pytest plugin in subprocesses, as a student or an instructor types them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytest.importorskip("torch")


def run_pytest(*args, cwd=ROOT, env=None):
    full_env = {**os.environ, "COLUMNS": "160", **(env or {})}
    full_env.pop("PYTEST_XDIST_WORKER", None)
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist", *args],
                          cwd=cwd, capture_output=True, text=True, env=full_env, timeout=600)
    return proc.returncode, proc.stdout + proc.stderr


def test_stubs_fail_with_one_line_reasons_and_a_summary(tmp_path):
    report = tmp_path / "grades.json"
    rc, out = run_pytest("exercises/pytorch/blocks.py", "--d2l-json", str(report))
    assert rc == 1, out
    assert "not implemented yet: `MLP.__init__` (exercises/pytorch/blocks.py:" in out, out
    assert "Traceback" not in out and "harness/" not in out, out
    assert "Total: 0 / " in out and "pytorch.blocks.MySequential" in out, out
    doc = json.loads(report.read_text())
    assert doc["submission"] == "exercises" and doc["score"] == 0
    assert {u["status"] for u in doc["units"]} == {"failed"}
    assert [u["id"] for u in doc["units"]][:2] == ["pytorch.blocks.MLP", "pytorch.blocks.MySequential"]


def test_reference_passes_and_reports_json(tmp_path):
    report = tmp_path / "grades.json"
    rc, out = run_pytest("solutions/pytorch", "--d2l-json", str(report))
    assert rc == 0, out
    doc = json.loads(report.read_text())
    statuses = {u["id"]: u["status"] for u in doc["units"]}
    assert len(statuses) == 34
    assert statuses.pop("pytorch.gpu.placement") in {"passed", "skipped"}
    assert set(statuses.values()) == {"passed"}, statuses
    assert doc["score"] == doc["max_score"] > 0
    assert "d2l-drill: profile 'dev', seed " in out and "d2l-drill GPUs: torch sees" in out, out


def test_select_one_unit_by_keyword_and_markers():
    rc, out = run_pytest("solutions/pytorch/blocks.py", "-k", "MySequential", "-v")
    assert rc == 0 and "1 passed, 6 deselected" in out, out
    rc, out = run_pytest("solutions/pytorch/gpu.py", "-m", "not gpu")
    assert rc == 0 and "3 passed, 1 deselected" in out, out
    rc, out = run_pytest("solutions/pytorch/gpu.py", "-m", "gpu", "-rs")
    assert "no CUDA device" in out or "1 passed" in out, out


def test_other_tree_missing_and_broken_modules(tmp_path):
    tree = tmp_path / "submission"
    (tree / "pytorch").mkdir(parents=True)
    (tree / "pytorch" / "blocks.py").write_text("import torch\nraise ValueError('oops at import')\n")
    params = (ROOT / "solutions" / "pytorch" / "parameters.py").read_text()
    (tree / "pytorch" / "parameters.py").write_text(params.replace("def tied_net(", "def tied_net_renamed("))
    report = tmp_path / "r.json"
    rc, out = run_pytest("--impl", str(tree), "--d2l-json", str(report))
    assert rc == 1, out
    doc = json.loads(report.read_text())
    by_id = {u["id"]: u for u in doc["units"]}
    assert by_id["pytorch.blocks.MLP"]["status"] == "error"
    assert "does not import: ValueError: oops at import (line 2)" in by_id["pytorch.blocks.MLP"]["message"]
    assert by_id["pytorch.parameters.tied_net"]["status"] == "missing"
    assert "defines no `tied_net`" in by_id["pytorch.parameters.tied_net"]["message"]
    assert by_id["pytorch.parameters.init_xavier"]["status"] == "passed"


def test_a_wrong_implementation_gets_a_readable_message(tmp_path):
    tree = tmp_path / "t"
    (tree / "pytorch").mkdir(parents=True)
    src = (ROOT / "solutions" / "pytorch" / "blocks.py").read_text()
    (tree / "pytorch" / "blocks.py").write_text(src + textwrap.dedent("""
        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                self.blocks = list(blocks)
            def forward(self, X):
                for b in self.blocks:
                    X = b(X)
                return X
    """))
    rc, out = run_pytest(str(tree / "pytorch" / "blocks.py"), "-k", "MySequential")
    assert rc == 1
    assert "`MySequential` does not register its blocks" in out, out
    assert "register each block with `add_module`, under its index as a string" in out, out
    (tree / "pytorch" / "blocks.py").write_text(src + textwrap.dedent("""
        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.net1, self.net2 = net1, net2
            def forward(self, X):
                return torch.cat([self.net1(X), self.net2(X)], dim=0)
    """))
    rc, out = run_pytest(str(tree / "pytorch" / "blocks.py"), "-k", "ParallelBlock")
    assert rc == 1
    assert "`ParallelBlock` does not concatenate net1(X) and net2(X) on the last axis." in out, out
    # a fixed example (the known mistakes come before the random ones) names the exact call that showed it
    assert "Called `ParallelBlock(" in out and "with X of shape (2, 3)" in out, out
    assert "Traceback" not in out, out


def test_pytorch_only_run_never_imports_tensorflow():
    code = ("import sys, pytest; rc = pytest.main(['-q', '-p', 'no:cacheprovider', 'solutions/pytorch/blocks.py',"
            " 'exercises/pytorch/gpu.py']); print('TF-IMPORTED' if 'tensorflow' in sys.modules or 'keras' in "
            "sys.modules else 'TF-NOT-IMPORTED')")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "TF-NOT-IMPORTED" in proc.stdout, proc.stdout + proc.stderr


@pytest.mark.parametrize("isolate", [False, True], ids=["in-process", "isolate"])
def test_a_module_named_on_the_command_line_is_graded_not_imported_by_pytest(tmp_path, isolate):
    """pytest imports a file named on the command line as a test module unless told otherwise: that ran student
    code at collection (an import-time sys.exit ended the session with 'no tests ran', and --isolate was void)."""
    module = tmp_path / "sub" / "pytorch" / "gpu.py"
    module.parent.mkdir(parents=True)
    marker = tmp_path / "imported-in-pytest"
    module.write_text(textwrap.dedent(f"""
        import os, sys
        if os.getpid() == {{PID}}:
            open({str(marker)!r}, "w").close()
        sys.exit(3)
    """))
    # the pytest process writes its pid into the module just before running it: only that process may not run it
    code = (f"import os, pathlib, sys, pytest; p = pathlib.Path({str(module)!r}); "
            "p.write_text(p.read_text().replace('{PID}', str(os.getpid()))); "
            f"sys.exit(pytest.main(['-p', 'no:cacheprovider', '-p', 'no:xdist', str(p), '--d2l-json', "
            f"{str(tmp_path / 'r.json')!r}] + {['--isolate'] if isolate else []!r}))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=600)
    out = proc.stdout + proc.stderr
    assert "no tests ran" not in out, out
    doc = json.loads((tmp_path / "r.json").read_text())
    from harness import catalog
    from harness.core.grading import gpu_missing

    # a GPU unit this machine cannot grade is skipped before the submission is read (one maximum for all)
    expected = ["skipped" if u.gpu and gpu_missing("pytorch") else "error" for u in catalog.units_for("pytorch", "gpu")]
    assert [u["status"] for u in doc["units"]] == expected, doc
    assert "SystemExit" in doc["units"][0]["message"] or "exited with code 3" in doc["units"][0]["message"], doc
    if isolate:
        assert not marker.exists(), "--isolate ran the student's module in the pytest process"


def test_framework_warnings_never_reach_the_output():
    """Keras warns when the grader builds a subclassed model by `build()` (materialize's reference); PyTorch warned
    about `.T` on a 3-D weight in the harness's own transfer: neither is for students."""
    pytest.importorskip("tensorflow")
    rc, out = run_pytest("solutions/tensorflow/lazy_init.py", "-k", "materialize", "-W", "default")
    assert rc == 0, out[-3000:]
    assert "Warning" not in out, out[-3000:]
    rc, out = run_pytest("solutions/pytorch/custom_layers.py", "-k", "TensorReduction", "-W", "default")
    assert rc == 0 and "Warning" not in out, out[-3000:]


def test_framework_log_lines_never_reach_a_failing_units_output(tmp_path):
    """TensorFlow logs a WARNING for each complex-to-float cast; under a failing unit pytest would print every one
    of them as "Captured log call"."""
    pytest.importorskip("tensorflow")
    tree = tmp_path / "tree" / "tensorflow"
    tree.mkdir(parents=True)
    (tree / "custom_layers.py").write_text((ROOT / "solutions" / "tensorflow" / "custom_layers.py").read_text() + '''

class FourierHalf(keras.layers.Layer):  # d // 2 coefficients: wrong for odd d
    def call(self, X):
        d = X.shape[-1]
        return tf.signal.fft(tf.cast(X, tf.complex64))[..., : d // 2]
''')
    rc, out = run_pytest(str(tree / "custom_layers.py"), "-k", "FourierHalf")
    assert rc == 1 and "computes a different output than the reference" in out, out[-3000:]
    assert "WARNING" not in out and "Captured log" not in out, out[-3000:]


def test_a_bad_knob_is_refused_with_its_name_and_a_set_one_is_in_the_header(monkeypatch):
    import subprocess
    import sys

    from harness import cli
    from harness.core import knobs

    monkeypatch.setenv("D2L_SHRINK_EXAMPLES", "-3")
    with pytest.raises(knobs.SettingsError, match=r"D2L_SHRINK_EXAMPLES='-3' \(from the environment\) is not a "
                                                  r"whole number >= 0"):
        knobs.value("D2L_SHRINK_EXAMPLES", 40)
    assert cli.main(["list"]) == 2
    monkeypatch.setenv("D2L_SHRINK_EXAMPLES", "7")
    assert knobs.overridden() == ["D2L_SHRINK_EXAMPLES=7"] and knobs.value("D2L_SHRINK_EXAMPLES", 40) == 7
    monkeypatch.setenv("D2L_TF_SCALE", "lots")
    done = subprocess.run([sys.executable, "-m", "pytest", "exercises/pytorch/custom_layers.py", "-q",
                           "-p", "no:cacheprovider"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0 and "d2l-drill: D2L_TF_SCALE='lots' (from the environment)" in done.stderr, done.stderr
    monkeypatch.delenv("D2L_TF_SCALE")
    done = subprocess.run([sys.executable, "-m", "pytest", "exercises/pytorch/custom_layers.py", "--co",
                           "-p", "no:cacheprovider"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "d2l-drill knobs from the environment: D2L_SHRINK_EXAMPLES=7" in done.stdout, done.stdout
