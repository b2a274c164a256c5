"""Isolated batch grading (`drill grade`): the adversarial catalogue, reports, reproducibility, usage errors."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import numpy as np
import pytest

from harness import catalog
from harness.reports import report
from harness.core import wire
from harness.core.grading import gpu_missing
from harness.core.feedback import TensorObs

from .adversarial import ATTACKS

ROOT = Path(__file__).resolve().parents[1]
BLOCKS = [u.name for u in catalog.units_for("pytorch", "blocks")]


def drill(*args, cwd=ROOT, timeout=600):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "D2L_"))}
    return subprocess.run([sys.executable, "-m", "harness.cli", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    pytest.importorskip("torch")
    base = tmp_path_factory.mktemp("adversarial")
    out = base / "out"
    reference = (ROOT / "solutions" / "pytorch" / "blocks.py").read_text()
    submissions = []
    for attack in ATTACKS:
        folder = base / "subs" / attack.name
        mark = base / "marks" / attack.name
        mark.parent.mkdir(parents=True, exist_ok=True)

        def fill(text, mark=mark, attack=attack):
            return (text.replace("{MARK}", str(mark)).replace("{ROOT}", str(ROOT))
                    .replace("{REPORT}", str(out / f"{attack.name}.json")))

        (folder / "pytorch").mkdir(parents=True)
        (folder / "pytorch" / "blocks.py").write_text(reference + "\n\n# ---- attack ----\n" + fill(attack.code))
        for relative, content in attack.extra.items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_text(fill(content))
        submissions.append(folder)
    control = base / "subs" / "control"
    (control / "pytorch").mkdir(parents=True)
    (control / "pytorch" / "blocks.py").write_text(reference)
    submissions.append(control)  # graded after every attack: nothing they changed may leak into it
    before = _tree_digest(ROOT / "solutions")
    run = drill("grade", *submissions, "--out", out, "--only", "pytorch.blocks", "--seed", 5, "--timeout", 2,
                "--jobs", 2, "--junit", base / "junit.xml")
    return {"run": run, "out": out, "base": base, "before": before}


def _report(batch, name):
    assert batch["run"].returncode == 0, batch["run"].stderr[-3000:]
    return json.loads((batch["out"] / f"{name}.json").read_text())


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
def test_attack_gets_the_grade_it_deserves(batch, attack):
    doc = _report(batch, attack.name)
    statuses = {u["id"].split(".")[-1]: u for u in doc["units"]}
    assert set(statuses) == set(BLOCKS)
    for name in BLOCKS:
        expected = attack.expect.get(name, "passed")
        assert statuses[name]["status"] == expected, (
            f"{attack.name} ({attack.why}): {name} is {statuses[name]['status']}, expected {expected}: "
            f"{statuses[name]['message']}")
    if attack.message:
        first = next(n for n in BLOCKS if n in attack.expect)
        assert attack.message in statuses[first]["message"], statuses[first]["message"]
    if attack.mark_must_not_exist:
        assert not (batch["base"] / "marks" / attack.name).exists(), "the attack ran code outside the worker"
    assert doc["score"] == sum(u.points for u in catalog.units_for("pytorch", "blocks")
                               if attack.expect.get(u.name, "passed") == "passed")


def test_control_submission_after_every_attack_gets_full_marks(batch):
    doc = _report(batch, "control")
    assert [u["status"] for u in doc["units"]] == ["passed"] * len(BLOCKS), doc
    assert doc["score"] == doc["max_score"] > 0


def test_reference_on_disk_untouched(batch):
    assert _tree_digest(ROOT / "solutions") == batch["before"]


def test_gradebook_and_junit_cover_every_submission(batch):
    _report(batch, "control")
    rows = list(csv.DictReader(io.StringIO((batch["out"] / "grades.csv").read_text())))
    assert [r["submission"] for r in rows] == [a.name for a in ATTACKS] + ["control"]
    control = rows[-1]
    assert float(control["total"]) == float(control["max_score"]) == sum(
        u.points for u in catalog.units_for("pytorch", "blocks"))
    assert control["pytorch.blocks.MLP"] == "2"
    suites = ET.parse(batch["base"] / "junit.xml").getroot()
    assert [s.get("name") for s in suites] == [r["submission"] for r in rows]
    hang = next(s for s in suites if s.get("name") == "hang")
    mlp = next(c for c in hang if c.get("name") == "MLP")
    assert mlp.find("error") is not None and "ran longer than" in mlp.find("error").get("message")


def test_seeded_report_is_identical_and_records_its_seed(tmp_path):
    pytest.importorskip("torch")
    tree = tmp_path / "sub"
    (tree / "pytorch").mkdir(parents=True)
    source = (ROOT / "solutions" / "pytorch" / "parameters.py").read_text()
    # a wrong init: the report carries a shrunk example, which must be the same in both runs
    (tree / "pytorch" / "parameters.py").write_text(source + "\n\ndef init_constant(m):\n"
                                                    "    if type(m) == nn.Linear:\n"
                                                    "        nn.init.constant_(m.weight, 1.5)\n"
                                                    "        nn.init.zeros_(m.bias)\n")
    runs = [drill("grade", tree, "--only", "pytorch.parameters", "--seed", 99, "--json", tmp_path / f"{k}.json")
            for k in range(2)]
    assert all(r.returncode == 0 for r in runs), runs[0].stderr[-2000:]
    first, second = ((tmp_path / f"{k}.json").read_text() for k in range(2))
    assert first == second
    doc = json.loads(first)
    assert doc["seed"] == 99 and doc["profile"] == "ci"
    statuses = {u["id"]: u["status"] for u in doc["units"]}
    assert statuses["pytorch.parameters.init_constant"] == "failed"
    assert "pass --seed" not in runs[0].stderr  # the seed was given: nothing drawn


def test_one_submission_json_to_stdout_and_gradescope(tmp_path):
    pytest.importorskip("torch")
    run = drill("grade", ROOT / "exercises", "--only", "pytorch.gpu", "--gradescope", tmp_path / "results.json")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "pass --seed" in run.stderr  # a fresh seed, printed so the run can be repeated
    doc = json.loads(run.stdout)
    assert doc["submission"] == "exercises" and doc["score"] == 0
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["score"] == 0
    graded = [u.id for u in catalog.units_for("pytorch", "gpu") if not (u.gpu and gpu_missing("pytorch"))]
    assert [t["name"] for t in results["tests"]] == graded
    for t in results["tests"]:
        assert set(t) >= {"name", "score", "max_score", "status", "output"}
        assert t["status"] in ("passed", "failed")


@pytest.mark.parametrize("args, needle", [
    (["grade"], "required"),
    (["grade", "no-such-folder"], "does not exist"),
    (["grade", "solutions", "exercises"], "need --out"),
    (["grade", "solutions", "exercises", "--json", "x.json"], "--json takes one submission"),
    (["grade", "solutions", "--only", "nothing"], "no unit id starts with nothing"),
    (["grade", "solutions", "--jobs", "0"], "must be positive"),
])
def test_usage_errors_exit_2_with_a_clear_message(args, needle):
    run = drill(*args)
    assert run.returncode == 2
    assert needle in run.stderr


def test_wire_rebuilds_plain_data_only():
    class Liar(np.ndarray):
        def __eq__(self, other):
            return True

    value = {"a": [1, 2.5, float("nan"), 3 + 4j, None, True, "s", (1, 2)],
             "t": TensorObs("bfloat16", (2,), np.array([1.0, 2.0], np.float32)),
             "liar": np.zeros(3).view(Liar), "scalar": np.float32(1.5), "big": 2**70, 7: "int key"}
    back = wire.decode(wire.encode(value))
    assert type(back["liar"]) is wire.Opaque and back["liar"] != back["liar"]
    assert type(back["t"]) is TensorObs and back["t"].shape == (2,) and type(back["t"].values) is np.ndarray
    assert back["a"][:2] == [1, 2.5] and np.isnan(back["a"][2]) and back["a"][3:] == [3 + 4j, None, True, "s", (1, 2)]
    assert type(back["scalar"]) is np.float32 and back["big"] == 2**70 and back[7] == "int key"
    assert type(wire.decode(wire.encode(object()))) is wire.Opaque


def test_wire_refuses_pickles():
    buffer = io.BytesIO()
    np.save(buffer, np.array([{"x": 1}], dtype=object), allow_pickle=True)
    blob = buffer.getvalue()
    meta = json.dumps({"sizes": [len(blob)]}).encode()
    header = json.dumps({"array": 0}).encode()
    frame = len(meta).to_bytes(4, "big") + len(header).to_bytes(4, "big") + meta + header + blob
    with pytest.raises(wire.WireError):
        wire.decode(frame)


def test_gradescope_results_follow_the_schema():
    doc = {"submission": "s", "score": 2.0, "max_score": 5.0, "seed": 1, "units": [
        {"id": "pytorch.blocks.MLP", "status": "passed", "score": 2.0, "max_score": 2.0, "message": ""},
        {"id": "pytorch.blocks.MySequential", "status": "error", "score": 0.0, "max_score": 3.0,
         "message": "timed out"},
        {"id": "pytorch.gpu.placement", "status": "skipped", "score": 0.0, "max_score": 0.0, "message": "no CUDA"}]}
    results = report.gradescope_results(doc, execution_time=3.2)
    assert results["score"] == 2.0 and results["execution_time"] == 3
    assert [t["status"] for t in results["tests"]] == ["passed", "failed"]  # the skipped unit is no test
    assert results["tests"][1]["output"].startswith("error: timed out")
    assert "Not graded here" in results["output"] and "`pytorch.gpu.placement` (no CUDA)" in results["output"]
    assert results["output_format"] == "md" and results["stdout_visibility"] == "hidden"
    assert all(t["visibility"] == "visible" for t in results["tests"])
    hidden = report.gradescope_results(doc, visibility="after_due_date")
    assert all(t["visibility"] == "after_due_date" for t in hidden["tests"])
    with pytest.raises(ValueError, match="one of visible"):
        report.gradescope_results(doc, visibility="later")


def test_pytest_isolate_option_grades_in_workers(tmp_path):
    pytest.importorskip("torch")
    tree = tmp_path / "sub"
    (tree / "pytorch").mkdir(parents=True)
    source = (ROOT / "solutions" / "pytorch" / "gpu.py").read_text()
    # correct code that would crash the pytest process itself if it ran there
    (tree / "pytorch" / "gpu.py").write_text(source + "\n\nimport os\n\ndef try_all_gpus():\n    os._exit(9)\n")
    run = subprocess.run([sys.executable, "-m", "pytest", str(tree), "--isolate", "-p", "no:cacheprovider",
                          "--d2l-json", str(tmp_path / "r.json"), "-q"], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    doc = json.loads((tmp_path / "r.json").read_text())
    statuses = {u["id"]: (u["status"], u["message"]) for u in doc["units"]}
    assert statuses["pytorch.gpu.try_all_gpus"][0] == "error", statuses
    assert "exited with code 9" in statuses["pytorch.gpu.try_all_gpus"][1]
    assert statuses["pytorch.gpu.num_gpus"][0] == statuses["pytorch.gpu.try_gpu"][0] == "passed"  # still graded
    assert "1 failed" in run.stdout or "failed" in run.stdout


def test_wire_refuses_a_tensor_whose_values_do_not_match_its_shape():
    # a worker that patched its probes could declare the reference's shape around a broadcastable scalar
    frame = wire.encode(TensorObs("float32", (2, 3), np.array(1.0, np.float32)))
    with pytest.raises(wire.WireError, match="shape"):
        wire.decode(frame)


def test_tensorflow_units_grade_in_forked_workers(tmp_path):
    # TensorFlow's thread pools do not survive a fork: the server must fork before any TF op ran
    pytest.importorskip("tensorflow")
    run = drill("grade", ROOT / "solutions", "--only", "tensorflow.custom_layers", "--only", "tensorflow.gpu.num",
                "--seed", 4, "--json", tmp_path / "r.json", timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    doc = json.loads((tmp_path / "r.json").read_text())
    assert [u["status"] for u in doc["units"]] == ["passed"] * 5, doc


def test_one_maximum_for_a_batch_with_and_without_a_framework(tmp_path):
    """A GPU unit this machine cannot grade is skipped for every submission, also where the submission lacks its
    module: the maximum is the same on every row (it was 'missing', counted, on a one-track submission)."""
    pytest.importorskip("torch")
    if not gpu_missing("pytorch"):
        pytest.skip("this machine has a GPU: nothing is skipped")
    full, half = tmp_path / "full", tmp_path / "half"
    for tree, modules in ((full, ("gpu", "blocks")), (half, ("blocks",))):
        (tree / "pytorch").mkdir(parents=True)
        for module in modules:
            shutil.copy(ROOT / "solutions" / "pytorch" / f"{module}.py", tree / "pytorch" / f"{module}.py")
    run = drill("grade", full, half, "--only", "pytorch.gpu", "--only", "pytorch.blocks.MLP", "--seed", 3,
                "--out", tmp_path / "out", timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "grades.csv").read_text())))
    assert len({r["max_score"] for r in rows}) == 1, rows
    assert all(r["pytorch.gpu.placement"] == "skipped" for r in rows), rows
    docs = [json.loads((tmp_path / "out" / f"{name}.json").read_text()) for name in ("full", "half")]
    assert docs[0]["max_score"] == docs[1]["max_score"]
