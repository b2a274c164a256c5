"""Nothing a student reads gives the reference away, and the units' rules are documented in the repository.

- No statement or non-trivial expression of ``solutions/`` appears in ``exercises/`` (code, docstrings, messages,
  comments) or in the catalog's hints and rules (``harness/leaks.py``); each leak found is printed.
- The checker itself finds what it must (spacing and quotes changed) and leaves API names alone.
- ``docs/units.md`` is what ``harness/units.toml`` generates, and nothing a student reads points outside the
  repository.
"""

from __future__ import annotations

import re
from pathlib import Path

from harness import leaks, unit_docs

ROOT = Path(__file__).resolve().parents[1]

REFERENCE = '''
import torch
from torch import nn


class TensorReduction(nn.Module):
    """y = W x x."""

    def __init__(self, i, o):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(i, i, o))

    def forward(self, X):
        return torch.einsum("ijk,ni,nj->nk", self.weight, X, X)


class CenteredLayer(nn.Module):
    def forward(self, X):
        return X - X.mean()
'''


def test_no_stub_hint_or_rule_gives_the_reference_away():
    found = leaks.stub_leaks(ROOT)
    for leak in found:
        print(leak)
    assert not found, f"{len(found)} giveaway(s), printed above; state the task in words instead"


def test_the_checker_finds_code_in_text_and_code_whatever_the_spacing():
    giveaways = leaks.fragments(REFERENCE)
    stub = ('class TensorReduction:\n'
            '    """Forward: ``torch.einsum( \'ijk,ni,nj->nk\' ,self.weight,X,X )``."""\n'
            '    def forward(self, X):\n'
            '        raise NotImplementedError("TODO: return X-X.mean()")  # or: nn.Parameter(torch.randn(i, i, o))\n')
    found = {(leak.where, leak.fragment) for leak in leaks.leaks_in_source(stub, giveaways, "stub.py")}
    assert ("stub.py:2", "torch.einsum('ijk,ni,nj->nk', self.weight, X, X)") in found
    assert ("stub.py:4", "return X - X.mean()") in found
    assert ("stub.py:4", "nn.Parameter(torch.randn(i, i, o))") in found  # a comment is text too
    solved = "def forward(self, X):\n    return X - X.mean()\n"
    assert [str(x) for x in leaks.leaks_in_source(solved, giveaways, "s.py")] == ["s.py:2: gives away "
                                                                                  "`return X - X.mean()`"]


def test_the_checker_leaves_api_names_and_prose_alone():
    giveaways = leaks.fragments(REFERENCE)
    prose = ("Use torch.einsum with one subscript per axis; the weight is an nn.Parameter of shape (in, in, out). "
             "Subtract the mean over all elements; call super().__init__() first.")
    assert leaks.leaks_in_text(prose, giveaways, "hint") == []


def test_docs_units_md_is_generated_from_the_catalog():
    assert unit_docs.PATH.read_text() == unit_docs.render(), "run `python -m harness.unit_docs`"


def test_nothing_a_student_reads_points_outside_the_repository():
    readable = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md")), *sorted((ROOT / "exercises").rglob("*.py")),
                *sorted((ROOT / "harness").rglob("*.py")), *sorted((ROOT / "harness").rglob("*.toml")),
                *sorted((ROOT / "graders").rglob("*.py"))]
    pointers = [f"{path.relative_to(ROOT)}:{n}" for path in readable
                for n, line in enumerate(path.read_text().splitlines(), 1)
                if re.search(r"\.\./shared|CONTRACT\.md", line)]
    assert not pointers, pointers
