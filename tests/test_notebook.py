"""Grading from a notebook: a real kernel (nbclient + ipykernel) runs cells that define a unit, then grades it
with ``check(...)`` and with the ``%drill`` magic; the outputs are the terminal's feedback, as HTML and text."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness import catalog
from harness.core.exercise_source import definition_texts

nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (pip install -e '.[dev]')")
nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install -e '.[dev]')")
pytest.importorskip("ipykernel", reason="ipykernel is not installed (pip install -e '.[dev]')")

ROOT = Path(__file__).resolve().parents[1]

WRONG_MLP = '''
class MLP(nn.Module):
    def __init__(self, in_features=20, hidden=256, out_features=10):
        super().__init__()
        self.hidden = nn.Linear(in_features, hidden)
        self.out = nn.Linear(hidden, out_features)

    def forward(self, X):
        return self.out(self.hidden(X))  # the ReLU is missing
'''


def _outputs(cell) -> str:
    found = []
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        found += [data.get("text/html", ""), data.get("text/plain", ""), out.get("text", ""),
                  "\n".join(out.get("traceback", []))]
    return "\n".join(found)


def test_a_notebook_grades_the_units_it_defines():
    unit = catalog.BY_ID["pytorch.blocks.MLP"]
    reference = "\n\n".join(definition_texts((ROOT / "solutions" / "pytorch" / "blocks.py").read_text(),
                                             unit).values())
    cells = [
        "import torch\nfrom torch import nn\nfrom torch.nn import functional as F\nfrom harness.notebook import check",
        WRONG_MLP,
        'result = check("MLP", seed=1)\nresult',
        'assert result.status == "failed" and "forward pass" in result.message, result',
        reference,
        "%load_ext harness.notebook",
        "%drill check MLP --seed 1",
        'assert check("blocks.MLP", seed=1).status == "passed"',
        'check("MySequential", seed=1)',
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    failed, magic, missing = _outputs(nb.cells[2]), _outputs(nb.cells[6]), _outputs(nb.cells[8])
    assert "<b style='color: #cf222e'>failed</b> <code>pytorch.blocks.MLP</code> (0/2 points)" in failed, failed
    assert "computes a different forward pass than the reference" in failed, failed
    assert "[failed] pytorch.blocks.MLP (0/2 points)" in failed  # the text form, as in the terminal
    assert "passed</b> <code>pytorch.blocks.MLP</code> (2/2 points)" in magic, magic
    assert "missing" in missing and "the notebook defines no `MySequential`" in missing, missing


def test_the_notebooks_are_generated_from_the_exercise_files():
    from harness import notebooks

    assert notebooks.stale(ROOT) == [], "run `python -m harness.notebooks` after changing an exercise file"


def test_an_exercise_notebook_runs_and_each_check_cell_grades_its_unit():
    nb = nbformat.read(ROOT / "notebooks" / "pytorch" / "gpu.ipynb", as_version=4)
    unit = catalog.BY_ID["pytorch.gpu.num_gpus"]
    reference = definition_texts((ROOT / "solutions" / "pytorch" / "gpu.py").read_text(), unit)["num_gpus"]
    for cell in nb.cells:  # the student solves num_gpus in its cell
        if cell.cell_type == "code" and cell.source.startswith("def num_gpus"):
            cell.source = reference
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT)}}).execute()
    checks = {c.source: _outputs(c) for c in nb.cells if c.cell_type == "code" and c.source.startswith("check(")}
    assert set(checks) == {f'check("{u.id}")' for u in catalog.units_for("pytorch", "gpu")}
    assert "[passed] pytorch.gpu.num_gpus (1/1 points)" in checks['check("pytorch.gpu.num_gpus")']
    assert "[failed] pytorch.gpu.try_gpu (0/1 points)\nnot implemented yet" in checks['check("pytorch.gpu.try_gpu")']
