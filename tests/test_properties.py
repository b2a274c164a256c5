"""Partial credit per property: a unit that declares properties (``Unit.properties``) scores each one it meets.

A mutant that breaks one property loses exactly that property's points and still fails the unit (never
"passed" for wrong code); the reference scores full points; every report shows the breakdown.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from harness import catalog
from harness.core.grading import Context, HarnessError, grade_unit
from tests.catalogue import build_tree, mutant

ROOT = Path(__file__).resolve().parents[1]

# (unit, the mutant's why, the properties it breaks): each mistake costs the properties it is about.
CASES = [
    ("pytorch.blocks.MySequential", "Iterates self.children()", {"forward and backward"}),
    ("pytorch.blocks.MySequential", "Derives from nn.Sequential", {"registration"}),
    ("pytorch.blocks.MySequential", "Runs its blocks under torch.no_grad()", {"forward and backward"}),
    # Blocks it does not register cannot be moved or switched to eval: that is the registration's cost alone.
    ("pytorch.blocks.MySequential", "[mode] Registers only blocks that have parameters", {"registration"}),
    ("pytorch.blocks.MySequential", "Keeps the blocks in a plain list", {"registration"}),
    ("pytorch.blocks.FixedHiddenMLP", "Forgets the halving loop", {"forward and backward"}),
    ("pytorch.blocks.FixedHiddenMLP", "Draws rand_weight with torch.randn", {"rand_weight"}),
    ("pytorch.file_io.params", "load_params forgets net.eval()", {"eval mode"}),
    ("pytorch.file_io.params", "Saves named_parameters() only", {"restored state"}),
    ("pytorch.file_io.params", "[file] Also writes a JSON side file", {"the file"}),
]


@pytest.mark.parametrize("unit_id, why, broken", CASES, ids=[f"{u.split('.')[-1]}: {w[:30]}" for u, w, _ in CASES])
def test_a_mistake_costs_the_properties_it_breaks(tmp_path, unit_id, why, broken):
    pytest.importorskip("torch")
    unit = catalog.BY_ID[unit_id]
    tree = build_tree(tmp_path, unit.framework, unit.module, mutant(unit.framework, unit.module, unit.name, why).code)
    result = grade_unit(unit, tree, session_seed=3)
    assert result.status == "failed", result
    failed = {p["name"] for p in result.properties if p["status"] != "passed"}
    assert failed == broken, result.properties
    points = unit.property_points()
    assert result.score == pytest.approx(unit.points - sum(points[name] for name in broken))
    assert result.max_score == unit.points and f"Properties: " in result.message


def test_the_reference_scores_every_property():
    pytest.importorskip("torch")
    for unit in catalog.UNITS:
        if unit.properties and unit.framework == "pytorch":
            result = grade_unit(unit, ROOT / "solutions", session_seed=5)
            assert result.status == "passed" and result.score == unit.points, result
            assert [p["status"] for p in result.properties] == ["passed"] * len(unit.properties)


def test_declared_properties_are_the_ones_checked():
    for unit in catalog.UNITS:
        if unit.properties:
            assert sum(unit.property_points().values()) == pytest.approx(unit.points), unit.id
            assert len({name for name, _ in unit.properties}) == len(unit.properties), unit.id
    unit = catalog.BY_ID["pytorch.blocks.MySequential"]
    ctx = Context(unit, None, None, 0)
    with pytest.raises(HarnessError, match="does not declare"):
        with ctx.property("speed"):
            pass
    with ctx.property("registration"):
        pass
    with pytest.raises(HarnessError, match="twice"):
        with ctx.property("registration"):
            pass


def test_reports_show_the_breakdown(tmp_path):
    pytest.importorskip("torch")
    tree = build_tree(tmp_path / "sub", "pytorch", "blocks",
                      mutant("pytorch", "blocks", "MySequential", "Iterates self.children()").code)
    run = subprocess.run([sys.executable, "-m", "harness.cli", "grade", str(tree), "--only", "pytorch.blocks.MySequential",
                          "--seed", "2", "--json", str(tmp_path / "r.json"), "--gradescope", str(tmp_path / "gs.json"),
                          "--junit", str(tmp_path / "j.xml"), "--markdown", str(tmp_path / "s.md")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    doc = json.loads((tmp_path / "r.json").read_text())
    (entry,) = doc["units"]
    assert entry["score"] == 2 and doc["score"] == 2 and doc["max_score"] == 3
    assert [(p["name"], p["score"], p["max_score"], p["status"]) for p in entry["properties"]] == [
        ("registration", 1, 1, "passed"), ("forward and backward", 0, 1, "failed"), ("train/eval", 1, 1, "passed")]
    (test,) = json.loads((tmp_path / "gs.json").read_text())["tests"]
    assert test["score"] == 2 and "forward and backward: 0/1 failed" in test["output"]
    assert '<property name="property forward and backward" value="0/1 failed"' in (tmp_path / "j.xml").read_text()
    assert "| &nbsp;&nbsp;forward and backward | 0/1 | failed |" in (tmp_path / "s.md").read_text()


def test_a_unit_stopped_before_its_properties_keeps_its_status(tmp_path):
    pytest.importorskip("torch")
    unit = catalog.BY_ID["pytorch.blocks.MySequential"]
    missing = grade_unit(unit, tmp_path, session_seed=1)  # no module at all
    assert missing.status == "missing" and missing.score == 0 and "Properties:" not in missing.message
    stub = grade_unit(unit, ROOT / "exercises", session_seed=1)
    assert stub.status == "failed" and stub.message.startswith("not implemented yet")
    assert [p["score"] for p in stub.properties] == [0.0, 0.0, 0.0]
