"""`drill release`: a student repository without the reference's code that grades like the full one.

One release of both tracks is written per test session (recording every unit takes ~20 s); each test that runs
code in it works on a fresh copy, run with the release's own harness (``python -m`` from inside it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness import catalog, release
from harness.core import recorded
from harness.core.grading import grade_unit
from tests.catalogue import build_tree, mutant

ROOT = Path(__file__).resolve().parents[1]
SEED = 424242  # not the default public seed: the seed given is the one recorded


def _env():
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTEST_XDIST_WORKER", "PYTEST_ADDOPTS")}
    env["COLUMNS"] = "200"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run(cwd, *args, timeout=600):
    done = subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env=_env())
    return done.returncode, done.stdout + done.stderr


@pytest.fixture(scope="session")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("release") / "student"
    return release.write(out, seed=SEED)


@pytest.fixture
def copy(written, tmp_path):
    """A fresh copy of the release, as a student's clone."""
    target = tmp_path / "clone"
    shutil.copytree(written.out, target)
    return target


def _normalised(text: str) -> str:
    text = re.sub(r"/tmp/[\w./-]*?/(pytorch|tensorflow)/", r"<tree>/\1/", text)
    return re.sub(r"_d2l_impl_(\w+?)_[0-9a-f]{12}", r"_d2l_impl_\1", text)


def test_the_release_holds_no_reference_code(written):
    out = written.out
    assert written.frameworks == list(catalog.FRAMEWORKS)
    assert not (out / "solutions").exists() and not (out / "tests").exists()
    files = [p for p in out.rglob("*") if p.is_file()]
    assert not [p for p in files if p.suffix in (".pyc", ".pyo", ".pkl", ".pickle") or "__pycache__" in p.parts]
    assert release.leaks_in_release(out, catalog.FRAMEWORKS) == []
    # the recordings are plain data: the magic, then zlib; frames decode without pickle
    manifest = recorded.manifest(out)
    assert manifest["seed"] == SEED and manifest["profile"] == "dev"
    # every unit is recorded, except GPU units where the release is made without a GPU (they are skipped there)
    assert set(manifest["units"]) | set(manifest["not_recorded"]) == {u.id for u in catalog.UNITS}
    assert {catalog.BY_ID[u].gpu for u in manifest["not_recorded"]} <= {True}
    for name in ("README.md", ".github/workflows/grade.yml", "pyproject.toml", "docs/units.md", "conftest.py"):
        assert (out / name).is_file(), name
    readme = (out / "README.md").read_text()
    assert "pytest exercises/" in readme and "solutions" not in readme and "../shared" not in readme


def test_a_fresh_release_fails_every_stub_with_its_one_line_reason(copy):
    rc, out = run(copy, "-m", "pytest", "exercises/", "-p", "no:cacheprovider", "--d2l-json", "g.json")
    assert rc == 1, out
    assert f"seed {SEED} (a student release" in out and "recorded answers" in out, out
    report = json.loads((copy / "g.json").read_text())
    graded = [u for u in report["units"] if u["status"] != "skipped"]
    assert len(graded) == sum(not u.gpu for u in catalog.UNITS)
    for u in graded:
        assert u["status"] == "failed" and u["message"].startswith("not implemented yet: "), u
    assert not (copy / ".hypothesis").exists()  # no example database in a release: examples from the seed only


def test_the_reference_passes_every_public_example_in_the_release(copy):
    for framework in catalog.FRAMEWORKS:
        for path in (ROOT / "solutions" / framework).glob("*.py"):
            shutil.copy(path, copy / "exercises" / framework / path.name)
    rc, out = run(copy, "-m", "pytest", "exercises/", "-p", "no:cacheprovider", "-q", "--d2l-json", "g.json")
    report = json.loads((copy / "g.json").read_text())
    bad = [(u["id"], u["status"], u["message"][:200]) for u in report["units"] if u["status"] not in ("passed",
                                                                                                      "skipped")]
    assert rc == 0 and not bad, bad


MISTAKES = [  # (framework, module, unit, the start of the mutant's why): known mistakes of both tracks
    ("pytorch", "blocks", "MySequential", "Keeps the blocks in a plain list"),
    ("pytorch", "custom_layers", "CenteredLayer", "Subtracts the mean over dim 0"),
    ("pytorch", "file_io", "tensor", "Loads with torch.load(path, weights_only=False)"),
    ("tensorflow", "blocks", "MySequential", "Keeps the layers in a dict keyed by str(i)"),
    ("tensorflow", "custom_layers", "FourierHalf", "Keeps d // 2 coefficients"),
]

_GRADE_SCRIPT = """
import json, sys
from pathlib import Path
from harness import catalog
from harness.core import profiles
from harness.core.grading import grade_unit
profiles.activate("dev", database=False)
out = {}
for uid, tree in json.loads(sys.argv[1]):
    r = grade_unit(catalog.BY_ID[uid], Path(tree), session_seed=int(sys.argv[2]))
    out[uid] = [r.status, r.score, (r.message or "").splitlines()[:1]]
print("RESULT" + json.dumps(out))
"""


def _graded_here(jobs, seed):
    from harness.core import profiles

    profiles.activate("dev", database=False)
    try:
        found = {}
        for uid, tree in jobs:
            r = grade_unit(catalog.BY_ID[uid], Path(tree), session_seed=seed)
            found[uid] = [r.status, r.score, (r.message or "").splitlines()[:1]]
        return found
    finally:
        profiles.activate(None)


def test_known_mistakes_get_the_same_verdict_and_first_line_as_in_the_full_repository(written, tmp_path):
    jobs = []
    for framework, module, unit, why in MISTAKES:
        m = mutant(framework, module, unit, why)
        tree = build_tree(tmp_path / f"{framework}-{module}-{unit}", framework, module, m.code)
        jobs.append((f"{framework}.{module}.{unit}", str(tree)))
    rc, out = run(written.out, "-c", _GRADE_SCRIPT, json.dumps(jobs), str(SEED))
    assert rc == 0 and "RESULT" in out, out
    in_release = json.loads(out.split("RESULT", 1)[1].splitlines()[0])
    full = _graded_here(jobs, SEED)
    for uid, _ in jobs:
        assert full[uid][0] == "failed", (uid, full[uid])
        assert _normalised(json.dumps(in_release[uid])) == _normalised(json.dumps(full[uid])), uid


def test_the_instructor_grades_the_release_exercises_as_the_full_repositorys(written):
    units = [catalog.BY_ID[u] for u in ("pytorch.blocks.MLP", "pytorch.file_io.params", "tensorflow.blocks.MLP")]
    for unit in units:
        a = grade_unit(unit, written.out / "exercises", session_seed=7)
        b = grade_unit(unit, ROOT / "exercises", session_seed=7)
        assert (a.status, a.score) == (b.status, b.score) and a.status == "failed"
        assert a.message.split(" (")[0] == b.message.split(" (")[0]  # the same stub, at its own path


def test_a_release_grades_only_at_its_recorded_seed_and_profile(copy):
    rc, out = run(copy, "-m", "pytest", "exercises/pytorch/gpu.py", "-p", "no:cacheprovider", "-q",
                  "--hypothesis-seed", "5")
    assert rc == 4 and "student release" in out and f"seed {SEED} only" in out, out
    rc, out = run(copy, "-m", "pytest", "exercises/pytorch/gpu.py", "-p", "no:cacheprovider", "-q",
                  "--hypothesis-profile", "ci")
    assert rc == 4 and "profile 'dev'" in out, out
    rc, out = run(copy, "-m", "harness.cli", "check", "gpu.num_gpus", "--seed", "5")
    assert rc == 1 and "student release" in out, out


def test_a_release_exports_only_the_student_workflow_and_grades_no_submissions(copy, tmp_path):
    rc, out = run(copy, "-m", "harness.cli", "export", "gradescope", str(tmp_path / "a.zip"))
    assert rc == 2 and "student release" in out and not (tmp_path / "a.zip").exists(), out
    rc, out = run(copy, "-m", "harness.cli", "grade", "exercises", "--json", str(tmp_path / "g.json"))
    assert rc == 2 and "student release" in out and not (tmp_path / "g.json").exists(), out
    rc, out = run(copy, "-m", "harness.cli", "export", "github", str(copy), "--force")
    workflow = (copy / ".github" / "workflows" / "grade.yml").read_text()
    assert rc == 0 and "pytest exercises/ --d2l-markdown" in workflow and "--hypothesis-profile" not in workflow


def test_drill_works_in_a_release_and_shows_no_solution(copy):
    shutil.copy(ROOT / "solutions" / "pytorch" / "gpu.py", copy / "exercises" / "pytorch" / "gpu.py")
    rc, out = run(copy, "-m", "harness.cli", "check", "gpu.num_gpus")
    assert rc == 0 and f"seed {SEED}" in out and "passed" in out, out
    rc, out = run(copy, "-m", "harness.cli", "solution", "gpu.num_gpus")
    assert rc == 1 and "holds no reference solutions" in out, out
    assert "def num_gpus" not in out


def test_release_refuses_a_non_empty_folder_and_replaces_it_only_with_force(written, tmp_path, monkeypatch):
    out = tmp_path / "taken"
    out.mkdir()
    (out / "work.txt").write_text("mine")
    with pytest.raises(release.ReleaseError, match="not empty"):
        release.write(out)
    assert (out / "work.txt").read_text() == "mine"
    with pytest.raises(release.ReleaseError, match="inside the instructor's repository"):
        release.write(ROOT / "build" / "release")
    # one framework installed: that track only, and it says so (a recording of the PyTorch units only)
    monkeypatch.setattr(catalog, "framework_installed", lambda f: f == "pytorch")
    done = release.write(out, seed=SEED, force=True)
    assert not (out / "work.txt").exists() and done.frameworks == ["pytorch"]
    assert "tensorflow" in done.left_out and not (out / "exercises" / "tensorflow").exists()
    assert not (out / "graders" / "tensorflow").exists()
    assert "graders.tensorflow" not in (out / "pyproject.toml").read_text()
    assert (out / "notebooks" / "pytorch" / "blocks.ipynb").is_file() and not (out / "notebooks" / "tensorflow").exists()
    assert "The tensorflow track is not part of this release" in (out / "README.md").read_text()
    assert not list(tmp_path.glob(".taken.*"))  # no staging folder left behind


def test_a_damaged_recording_is_an_error_never_a_pass(copy):
    shutil.copy(ROOT / "solutions" / "pytorch" / "gpu.py", copy / "exercises" / "pytorch" / "gpu.py")
    rec = copy / "graders" / "recorded" / "pytorch.gpu.num_gpus.rec"
    rec.write_bytes(rec.read_bytes()[:-3] + b"xyz")
    rc, out = run(copy, "-m", "pytest", "exercises/pytorch/gpu.py", "-p", "no:cacheprovider", "-q",
                  "-k", "num_gpus", "--d2l-json", "g.json")
    [unit] = [u for u in json.loads((copy / "g.json").read_text())["units"] if u["id"] == "pytorch.gpu.num_gpus"]
    assert unit["status"] == "error" and "does not match its manifest" in unit["message"], unit
