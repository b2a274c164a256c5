"""Course platforms end to end, in simulated roots: Gradescope's autograder zip, PrairieLearn's questions and entry
point, the GitHub Actions workflow.

Each export is built with ``drill export`` as an instructor would, unpacked where the platform puts it (paths from
the environment variables the scripts read: ``D2L_AUTOGRADER_ROOT``, ``D2L_GRADE_ROOT``, ``D2L_PROJECT``,
``D2L_PYTHON``) and run on submissions in every form a student uploads; every ``results.json`` is validated
against the platform's schema, written here from its documentation.  ``setup.sh`` and the Dockerfile install
packages, so they are not run here: they are checked for syntax and for what they install.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from harness import catalog

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
GPU_UNITS = [u.id for u in catalog.UNITS if u.id.split(".")[1] == "gpu"]

# Gradescope's results.json ("Autograder Specifications": top-level and per-test fields).
VISIBILITY = {"enum": ["hidden", "after_due_date", "after_published", "visible"]}
FORMAT = {"enum": ["text", "html", "simple_format", "md", "ansi"]}
GRADESCOPE_SCHEMA = {
    "type": "object",
    "required": ["tests"],
    "properties": {
        "score": {"type": "number"}, "execution_time": {"type": "number"}, "output": {"type": "string"},
        "output_format": FORMAT, "test_output_format": FORMAT, "test_name_format": FORMAT,
        "visibility": VISIBILITY, "stdout_visibility": VISIBILITY, "extra_data": {"type": "object"},
        "tests": {"type": "array", "items": {
            "type": "object",
            "required": ["name", "score", "max_score"],
            "properties": {"score": {"type": "number"}, "max_score": {"type": "number"},
                           "status": {"enum": ["passed", "failed"]}, "name": {"type": "string"},
                           "number": {"type": "string"}, "output": {"type": "string"}, "output_format": FORMAT,
                           "tags": {"type": "array"}, "visibility": VISIBILITY, "extra_data": {"type": "object"}},
            "additionalProperties": False}},
    },
    "additionalProperties": False,
}
# PrairieLearn's external grader results (/grade/results/results.json).
PRAIRIELEARN_SCHEMA = {
    "type": "object",
    "required": ["gradable"],
    "properties": {
        "gradable": {"type": "boolean"}, "score": {"type": "number", "minimum": 0, "maximum": 1},
        "message": {"type": "string"}, "output": {"type": "string"}, "format_errors": {"type": "array"},
        "tests": {"type": "array", "items": {
            "type": "object",
            "required": ["name", "points", "max_points"],
            "properties": {"name": {"type": "string"}, "description": {"type": "string"},
                           "points": {"type": "number"}, "max_points": {"type": "number"},
                           "message": {"type": "string"}, "output": {"type": "string"}, "images": {"type": "array"}},
            "additionalProperties": False}},
    },
    "additionalProperties": False,
}


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTEST_XDIST_WORKER", "PYTEST_ADDOPTS")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


def _drill(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "harness.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=_env())


def _submissions(folder: Path) -> dict[str, Path]:
    """The upload forms, each a folder whose contents are what the platform stores."""
    forms = {}
    tree = folder / "tree"
    for fw in catalog.FRAMEWORKS:
        (tree / fw).mkdir(parents=True)
        shutil.copy(SOLUTIONS / fw / "gpu.py", tree / fw / "gpu.py")
    forms["tree"] = tree
    flat = folder / "flat"  # PyTorch only: one framework
    flat.mkdir()
    shutil.copy(SOLUTIONS / "pytorch" / "gpu.py", flat / "gpu.py")
    forms["flat"] = flat
    zipped = folder / "zipped"
    zipped.mkdir()
    with zipfile.ZipFile(zipped / "upload.zip", "w") as zf:
        for fw in catalog.FRAMEWORKS:
            zf.write(SOLUTIONS / fw / "gpu.py", f"homework/{fw}/gpu.py")
    forms["zip"] = zipped
    notebook = folder / "notebook"
    notebook.mkdir()
    nbformat.write(new_notebook(cells=[new_code_cell("%pip install torch"),
                                       new_code_cell((SOLUTIONS / "tensorflow" / "gpu.py").read_text())]),
                   str(notebook / "gpu.ipynb"))
    forms["notebook"] = notebook
    forms["empty"] = folder / "empty"
    forms["empty"].mkdir()
    return forms


# ----------------------------------------------------------------------------------------------- Gradescope


@pytest.fixture(scope="module")
def gradescope_zip(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "autograder.zip"
    run = _drill("export", "gradescope", str(out), "--seed", "11", "--only", "pytorch.gpu", "--only",
                 "tensorflow.gpu", "--visibility", "after_due_date")
    assert run.returncode == 0, run.stderr
    return out


def _gradescope_root(tmp_path: Path, archive: Path, submission: Path) -> Path:
    root = tmp_path / "autograder"
    (root / "source").mkdir(parents=True)
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(root / "source")
    shutil.copytree(submission, root / "submission")
    return root


def _run_autograder(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(root / "source" / "run_autograder")], capture_output=True, text=True,
                          timeout=600, env=_env(D2L_AUTOGRADER_ROOT=str(root), D2L_PYTHON=sys.executable))


def test_the_gradescope_zip_holds_the_scripts_the_project_and_the_seed(gradescope_zip):
    with zipfile.ZipFile(gradescope_zip) as zf:
        names = set(zf.namelist())
        assert {"setup.sh", "run_autograder", "d2l-autograder.json"} <= names
        for script in ("setup.sh", "run_autograder"):
            assert (zf.getinfo(script).external_attr >> 16) & 0o111, f"{script} is not executable"
        assert "d2l-drill/pyproject.toml" in names and "d2l-drill/solutions/pytorch/gpu.py" in names
        assert not [n for n in names if n.endswith(".pyc") or "__pycache__" in n]
        config = json.loads(zf.read("d2l-autograder.json"))
        setup = zf.read("setup.sh").decode()
    assert config["seed"] == 11 and config["visibility"] == "after_due_date"
    assert "-c \"$PROJECT/constraints/ci.txt\" -e \"$PROJECT[$EXTRAS]\"" in setup and 'EXTRAS="pytorch,tensorflow"' in setup
    assert "@" not in setup.replace('"${PIP[@]}"', "")  # every placeholder filled in
    check = subprocess.run(["bash", "-n", "-c", setup], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


@pytest.mark.parametrize("form", ["tree", "flat", "zip", "notebook", "empty"])
def test_run_autograder_grades_every_upload_form(form, gradescope_zip, tmp_path):
    if form in ("tree", "zip", "notebook"):
        pytest.importorskip("tensorflow")
    pytest.importorskip("torch")
    submission = _submissions(tmp_path / "forms")[form]
    root = _gradescope_root(tmp_path, gradescope_zip, submission)
    run = _run_autograder(root)
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads((root / "results" / "results.json").read_text())
    jsonschema.validate(results, GRADESCOPE_SCHEMA)
    graded = {t["name"]: t for t in results["tests"]}
    assert all(t["visibility"] == "after_due_date" for t in graded.values())
    assert results["output_format"] == "md" and "seed 11" in results["output"]
    maximum = sum(t["max_score"] for t in graded.values())
    expected_tracks = {"tree": {"pytorch", "tensorflow"}, "zip": {"pytorch", "tensorflow"}, "flat": {"pytorch"},
                       "notebook": {"tensorflow"}, "empty": set()}[form]
    for name, test in graded.items():
        if name.split(".")[0] in expected_tracks:
            assert test["status"] == "passed" and test["score"] == test["max_score"], test
        else:
            assert test["status"] == "failed" and test["score"] == 0 and "no file" in test["output"], test
    assert results["score"] == sum(t["score"] for t in graded.values())
    # One maximum whatever the form: a unit is a test unless this machine cannot grade it (the GPU one).
    assert maximum == sum(u.points for u in catalog.UNITS if u.id in GPU_UNITS and u.id in graded)
    assert len(graded) >= len(GPU_UNITS) - 2


def test_a_broken_autograder_says_so_in_results_json(gradescope_zip, tmp_path):
    root = _gradescope_root(tmp_path, gradescope_zip, _submissions(tmp_path / "forms")["flat"])
    (root / "source" / "d2l-autograder.json").write_text('{"seed": "CHANGE-ME"}')
    run = _run_autograder(root)
    assert run.returncode == 1
    results = json.loads((root / "results" / "results.json").read_text())
    jsonschema.validate(results, GRADESCOPE_SCHEMA)
    assert results["score"] == 0 and "The autograder itself failed (not your code)" in results["output"]
    assert "\"seed\" must be your secret integer seed" in results["output"]


# ---------------------------------------------------------------------------------------------- PrairieLearn


@pytest.fixture(scope="module")
def prairielearn_export(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "pl"
    run = _drill("export", "prairielearn", str(out), "--seed", "5", "--image", "course/d2l-grader")
    assert run.returncode == 0, run.stderr
    return out


def test_prairielearn_export_has_an_image_and_a_question_per_module(prairielearn_export):
    questions = sorted(p.name for p in (prairielearn_export / "questions").iterdir())
    assert questions == sorted(f"d2l-{fw}-{m.replace('_', '-')}" for fw in catalog.FRAMEWORKS for m in catalog.MODULES)
    info = json.loads((prairielearn_export / "questions" / "d2l-pytorch-blocks" / "info.json").read_text())
    assert info["gradingMethod"] == "External" and info["externalGradingOptions"]["image"] == "course/d2l-grader"
    assert info["externalGradingOptions"]["entrypoint"] == "/d2l-drill/entrypoint"
    html = (prairielearn_export / "questions" / "d2l-pytorch-blocks" / "question.html").read_text()
    assert '<pl-file-upload file-names="blocks.py">' in html and "<pl-external-grader-results>" in html
    config = json.loads((prairielearn_export / "questions" / "d2l-pytorch-blocks" / "tests" /
                         "d2l-autograder.json").read_text())
    assert config["seed"] == 5 and config["only"] == [u.id for u in catalog.units_for("pytorch", "blocks")]
    dockerfile = (prairielearn_export / "image" / "Dockerfile").read_text()
    assert "COPY d2l-drill /d2l-drill" in dockerfile and "-e '/d2l-drill[pytorch,tensorflow]'" in dockerfile
    assert (prairielearn_export / "image" / "d2l-drill" / "solutions" / "tensorflow" / "gpu.py").is_file()
    assert os.access(prairielearn_export / "image" / "entrypoint", os.X_OK)


def test_the_documented_example_is_what_the_export_writes(tmp_path):
    docs = ROOT / "docs" / "prairielearn"
    out = tmp_path / "pl"
    run = _drill("export", "prairielearn", str(out), "--seed", "123", "--only", "pytorch.blocks")
    assert run.returncode == 0, run.stderr
    for name in ("image/Dockerfile", "image/entrypoint", "questions/d2l-pytorch-blocks/info.json",
                 "questions/d2l-pytorch-blocks/question.html", "questions/d2l-pytorch-blocks/tests/d2l-autograder.json"):
        written = (out / name).read_text().replace('"seed": 123', '"seed": "CHANGE-ME"')
        assert (docs / name).read_text() == written, f"docs/prairielearn/{name} differs from the export"
    assert sorted(p.name for p in (out / "questions").iterdir()) == ["d2l-pytorch-blocks"]
    from harness.platforms import AutograderConfig, ConfigError

    with pytest.raises(ConfigError, match="must be your secret integer seed"):
        AutograderConfig.load(docs / "questions" / "d2l-pytorch-blocks" / "tests" / "d2l-autograder.json")


def _grade_on_prairielearn(export: Path, question: str, files: dict[str, bytes], tmp_path: Path):
    root = tmp_path / "grade"
    shutil.copytree(export / "questions" / question / "tests", root / "tests")
    (root / "student").mkdir(parents=True)
    for name, data in files.items():
        (root / "student" / name).write_bytes(data)
    run = subprocess.run(["bash", str(export / "image" / "entrypoint")], capture_output=True, text=True, timeout=600,
                         env=_env(D2L_GRADE_ROOT=str(root), D2L_PROJECT=str(export / "image" / "d2l-drill"),
                                  D2L_PYTHON=sys.executable))
    results = json.loads((root / "results" / "results.json").read_text())
    jsonschema.validate(results, PRAIRIELEARN_SCHEMA)
    return run, results


def test_the_prairielearn_entrypoint_grades_an_upload(prairielearn_export, tmp_path):
    pytest.importorskip("torch")
    run, results = _grade_on_prairielearn(prairielearn_export, "d2l-pytorch-gpu",
                                          {"gpu.py": (SOLUTIONS / "pytorch" / "gpu.py").read_bytes()}, tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    assert results["gradable"] and results["score"] == 1.0, results
    assert {t["name"] for t in results["tests"]} <= set(GPU_UNITS) and results["tests"]
    wrong = (SOLUTIONS / "pytorch" / "gpu.py").read_text() + "\n\ndef try_all_gpus():  # the CPU fallback forgotten\n    return []\n"
    run, results = _grade_on_prairielearn(prairielearn_export, "d2l-pytorch-gpu", {"gpu.py": wrong.encode()},
                                          tmp_path / "again")
    assert run.returncode == 0 and results["gradable"] and 0 < results["score"] < 1, results
    failed = [t for t in results["tests"] if t["points"] < t["max_points"]]
    assert [t["name"] for t in failed] == ["pytorch.gpu.try_all_gpus"] and failed[0]["message"]


def test_an_unreadable_upload_is_not_gradable_on_prairielearn(prairielearn_export, tmp_path):
    run, results = _grade_on_prairielearn(prairielearn_export, "d2l-pytorch-gpu",
                                          {"gpu.py": "import torch\n# caf\xe9\n".encode("latin-1")}, tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    # A file that cannot be read leaves the module out: graded (0 points), and the reason is the message.
    assert results["score"] == 0 and "not UTF-8" in json.dumps(results)


# ----------------------------------------------------------------------------------------------- GitHub Actions


def test_the_github_workflow_grades_and_writes_the_job_summary(tmp_path):
    yaml = pytest.importorskip("yaml")
    pytest.importorskip("torch")
    repo = tmp_path / "student"
    for part in ("harness", "graders", "solutions", "exercises"):
        shutil.copytree(ROOT / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
    for part in ("conftest.py", "pyproject.toml"):
        shutil.copy(ROOT / part, repo / part)
    shutil.copy(SOLUTIONS / "pytorch" / "gpu.py", repo / "exercises" / "pytorch" / "gpu.py")  # one module done
    run = _drill("export", "github", str(repo), "--track", "pytorch")
    assert run.returncode == 0, run.stderr
    workflow = yaml.safe_load((repo / ".github" / "workflows" / "grade.yml").read_text())
    steps = workflow["jobs"]["grade"]["steps"]
    assert workflow[True] == {"push": None, "workflow_dispatch": None}  # YAML 1.1 reads the key `on` as true
    install = next(s for s in steps if s.get("name") == "install")["run"]
    assert "-c constraints/ci.txt" in install and "'.[pytorch,dev]'" in install
    grade = next(s for s in steps if s.get("name") == "grade")["run"]
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n")
    done = subprocess.run(["bash", "-c", grade], cwd=repo, capture_output=True, text=True, timeout=900,
                          env=_env(GITHUB_STEP_SUMMARY=str(summary), PYTEST_ADDOPTS="-k 'gpu or blocks' -p no:randomly"))
    assert done.returncode == 1, done.stdout[-3000:]  # the other units are still stubs: the job is red
    text = summary.read_text()
    assert text.startswith("earlier step\n")  # appended, as GitHub expects
    assert "| `pytorch.gpu.num_gpus` | 1/1 | passed |" in text, text
    assert "| unit | points | status | message |" in text
    report = json.loads((repo / "grades.json").read_text())
    assert {u["status"] for u in report["units"] if u["id"] in GPU_UNITS} <= {"passed", "skipped"}
