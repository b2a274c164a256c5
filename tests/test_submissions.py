"""Any upload: the contract's tree, flat module files, notebooks, a .zip of these; and `drill check-submission`.

Reading never runs the submission (imports are read with ``ast``); a zip that would write outside its folder is
refused; the report says how the submission was read.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from harness import catalog
from harness.isolation.submission import SubmissionError, check, read

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"


def _flat(folder: Path, framework: str, modules) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for module in modules:
        shutil.copy(SOLUTIONS / framework / f"{module}.py", folder / f"{module}.py")
    return folder


def test_the_contract_tree_is_read_as_it_is():
    with read(SOLUTIONS) as reading:
        assert reading.tree == SOLUTIONS and reading.form == "the contract's layout" and not reading.problems
        assert "pytorch/blocks.py" in reading.sources and "tensorflow/gpu.py" in reading.sources
    assert check(SOLUTIONS)[0] == 0


def test_flat_files_are_placed_by_their_imports(tmp_path):
    folder = _flat(tmp_path / "upload", "pytorch", catalog.MODULES)
    with read(folder) as reading:
        assert reading.form == "flat files" and not reading.problems
        assert "pytorch/blocks.py from blocks.py" in reading.sources
        assert sorted(p.name for p in (reading.tree / "pytorch").iterdir()) == sorted(f"{m}.py" for m in catalog.MODULES)
        tree = reading.tree
    assert not tree.exists()  # the copy is removed when the reading is closed
    code, lines = check(folder)
    assert code == 0 and lines[-1].startswith("Every module is there"), lines


def test_what_a_student_must_fix_is_named_with_its_file(tmp_path):
    folder = _flat(tmp_path / "upload", "pytorch", ["blocks"])
    (folder / "both.py").write_text("import torch\nimport tensorflow as tf\n\ndef try_gpu(i=0):\n    return None\n")
    (folder / "Parameter.py").write_text((SOLUTIONS / "pytorch" / "parameters.py").read_text())
    (folder / "gpu.py").write_text("import torch\n\ndef num_gpus(:\n    return 0\n")
    code, lines = check(folder)
    text = "\n".join(lines)
    assert code == 1
    assert "both.py: imports both torch and tensorflow/keras" in text
    assert "Parameter.py: not a module name of the exercises: rename it parameters.py" in text
    assert "gpu.py:3: does not parse" in text
    assert "missing pytorch/lazy_init.py" in text


def test_notebooks_give_their_code_cells_without_magics(tmp_path):
    source = (SOLUTIONS / "pytorch" / "gpu.py").read_text()
    notebook = new_notebook(cells=[new_markdown_cell("# GPUs"), new_code_cell("%matplotlib inline\n!pip install d2l"),
                                   new_code_cell("%%bash\necho not python"), new_code_cell(source)])
    folder = tmp_path / "upload"
    folder.mkdir()
    nbformat.write(notebook, str(folder / "gpu.ipynb"))
    blocks = (SOLUTIONS / "pytorch" / "blocks.py").read_text()
    nbformat.write(new_notebook(cells=[new_code_cell(blocks)]), str(folder / "homework.ipynb"))
    with read(folder) as reading:
        assert reading.form == "notebooks" and not reading.problems, reading.problems
        assert set(reading.sources) == {"pytorch/gpu.py from gpu.ipynb", "pytorch/blocks.py from homework.ipynb"}
        code = (reading.tree / "pytorch" / "gpu.py").read_text()
        assert "# %matplotlib inline" in code and "echo not python" not in code
        compile(code, "gpu.py", "exec")


def test_a_zip_is_unpacked_safely(tmp_path):
    archive = tmp_path / "student.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for module in ("blocks", "gpu"):
            zf.write(SOLUTIONS / "pytorch" / f"{module}.py", f"submission/pytorch/{module}.py")
    with read(archive) as reading:
        assert reading.form == "the contract's layout, from a zip"
        assert (reading.tree / "pytorch" / "gpu.py").is_file()
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../outside.py", "import torch\n")
    with pytest.raises(SubmissionError, match="outside the archive"):
        read(evil)
    assert not (tmp_path / "outside.py").exists()
    (tmp_path / "broken.zip").write_bytes(b"not a zip")
    with pytest.raises(SubmissionError, match="not a readable zip"):
        read(tmp_path / "broken.zip")


def test_drill_grade_reads_any_form_and_says_how(tmp_path):
    pytest.importorskip("torch")
    flat = _flat(tmp_path / "flat", "pytorch", ["gpu"])
    tree = tmp_path / "tree"
    (tree / "pytorch").mkdir(parents=True)
    shutil.copy(SOLUTIONS / "pytorch" / "gpu.py", tree / "pytorch" / "gpu.py")
    run = subprocess.run([sys.executable, "-m", "harness.cli", "grade", str(flat), str(tree), "--only",
                          "pytorch.gpu", "--seed", "2", "--out", str(tmp_path / "out")],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    docs = {name: json.loads((tmp_path / "out" / f"{name}.json").read_text()) for name in ("flat", "tree")}
    assert docs["flat"]["read_as"] == "flat files: pytorch/gpu.py from gpu.py"
    assert docs["tree"]["read_as"].startswith("the contract's layout")
    assert [u["status"] for u in docs["flat"]["units"]] == [u["status"] for u in docs["tree"]["units"]]
    assert docs["flat"]["score"] == docs["tree"]["score"] > 0


def test_check_submission_is_a_drill_command_that_needs_no_repository(tmp_path):
    folder = _flat(tmp_path / "upload", "pytorch", ["gpu"])
    run = subprocess.run([sys.executable, "-m", "harness.cli", "check-submission", str(folder)], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and "found pytorch/gpu.py from gpu.py" in run.stdout, run.stdout + run.stderr


def _bad_submissions(folder: Path) -> dict[str, str]:
    """Each hostile or broken upload, by name, with the phrase its report must give."""
    folder.mkdir()
    with zipfile.ZipFile(folder / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("gpu.py", "w") as entry:  # 300 MiB of zeros, about 300 KiB compressed
            chunk = b"\0" * 2**20
            for _ in range(300):
                entry.write(chunk)
    with zipfile.ZipFile(folder / "escape.zip", "w") as zf:
        zf.writestr("../../escaped.py", "import torch\n")
    (folder / "notjson").mkdir()
    (folder / "notjson" / "gpu.ipynb").write_text("this is not a notebook {")
    many = folder / "many"
    many.mkdir()
    for i in range(10_001):
        (many / f"f{i}.txt").write_text("")
    (folder / "huge").mkdir()
    (folder / "huge" / "gpu.py").write_text("import torch\n" + "# padding\n" * 300_000)
    (folder / "latin").mkdir()
    (folder / "latin" / "gpu.py").write_bytes("import torch\n# caf\xe9\n".encode("latin-1"))
    return {"bomb": "unpacks to more than 200 MB", "escape": "a path outside the archive's folder",
            "notjson": "gpu.ipynb: not a readable notebook", "many": "holds more than 2000 files",
            "huge": "over the 2.0 MiB a module file may have", "latin": "gpu.py: not UTF-8 text (byte 18)"}


def test_a_bad_upload_is_refused_with_its_reason_and_the_batch_goes_on(tmp_path):
    pytest.importorskip("torch")
    bad = _bad_submissions(tmp_path / "uploads")
    good = _flat(tmp_path / "uploads" / "good", "pytorch", ["gpu"])
    names = sorted(bad) + ["good"]
    paths = [str(tmp_path / "uploads" / (f"{n}.zip" if n in ("bomb", "escape") else n)) for n in names]
    before = sorted(p.name for p in tmp_path.iterdir())
    run = subprocess.run([sys.executable, "-m", "harness.cli", "grade", *paths, "--only", "pytorch.gpu", "--seed", "3",
                          "--out", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(before + ["out"])  # nothing escaped the temp folder
    assert not (ROOT.parent / "escaped.py").exists()
    for name, phrase in bad.items():
        doc = json.loads((tmp_path / "out" / f"{name}.json").read_text())
        assert doc["score"] == 0 and phrase in " ".join(doc["read_problems"]), (name, doc.get("read_problems"))
        graded = [u for u in doc["units"] if u["status"] != "skipped"]
        assert graded and all(u["status"] == "missing" and phrase in u["message"] for u in graded), (name, graded)
        assert "\n" not in doc["read_problems"][0]
    docs = [json.loads((tmp_path / "out" / f"{n}.json").read_text()) for n in names]
    assert docs[-1]["score"] > 0 and docs[-1]["read_as"] == "flat files: pytorch/gpu.py from gpu.py"
    assert len({d["max_score"] for d in docs}) == 1  # one maximum for the whole batch
    assert good.exists()


def test_a_student_repository_is_graded_from_its_exercises_folder(tmp_path):
    repo = tmp_path / "alice-d2l"
    (repo / "exercises" / "pytorch").mkdir(parents=True)
    (repo / ".git").mkdir()
    shutil.copy(SOLUTIONS / "pytorch" / "gpu.py", repo / "exercises" / "pytorch" / "gpu.py")
    with read(repo) as reading:
        assert reading.tree == repo / "exercises"
        assert reading.form == "the contract's layout (exercises/ of a repository)"
