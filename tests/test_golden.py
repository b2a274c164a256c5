"""Golden messages (tests/golden/): every unit's typical mistake gets exactly the first two lines on file.

A message changes only with its golden file: after a deliberate change, review the diff this test prints and
rewrite the file with ``python -m tests.golden --update UNIT_ID``.
"""

from __future__ import annotations

import difflib

import pytest

from harness import catalog
from tests.golden import HERE, Golden, first_lines

GOLDEN = sorted(HERE.glob("*.txt"))


def test_every_unit_has_a_golden_message():
    have = {path.stem for path in GOLDEN}
    # A GPU-marked unit's message can only be recorded where the framework sees a GPU.
    lacking = [u.id for u in catalog.UNITS if u.id not in have and not u.gpu]
    assert not lacking, f"no golden file for {lacking}: run `python -m tests.golden`"
    assert len(have) >= 40 and have <= set(catalog.BY_ID)


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_message(path):
    golden = Golden.read(path)
    pytest.importorskip(catalog.PACKAGES[golden.unit.framework])
    got = first_lines(golden.unit, golden.why, golden.seed)
    if got != golden.lines:
        diff = "\n".join(difflib.unified_diff(golden.lines, got, "golden", "now", lineterm=""))
        pytest.fail(f"the message of {golden.unit.id} for '{golden.why}' changed:\n{diff}\n"
                    f"If intended: python -m tests.golden --update {golden.unit.id}", pytrace=False)
