"""The seed sweep (bench/sweep.py) on a sample: 3 seeds, no escape, no false rejection.

The full sweep (every catalogue entry at 20 seeds in the ``ci`` profile) is run by hand;
this keeps the script working and shows, on units whose mistakes live in small domains
(GPU counts and indices) and on one container unit, that grades do not depend on the seed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _sweep_module():
    spec = importlib.util.spec_from_file_location("bench_sweep", ROOT / "bench" / "sweep.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_sweep", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("only", ["pytorch.gpu", "tensorflow.gpu.try_gpu", "pytorch.blocks.repeat_block"])
def test_sweep_sample_three_seeds(only):
    pytest.importorskip("torch" if only.startswith("pytorch") else "tensorflow")
    sweep = _sweep_module()
    results = sweep.sweep([11, 22, 33], only=(only,), jobs=1, profile="ci")
    assert results, f"no catalogue entries for {only}"
    rows, listed = sweep.summarize(results)
    assert sum(r[1] for r in rows) >= 3, rows  # the sample holds mutants
    bad = [(unit, kind, why, [s for s, _ in seeds]) for unit, kind, why, seeds in listed]
    assert not bad, f"escapes or false rejections: {bad}"


def test_summarize_counts_escapes_and_rejections():
    sweep = _sweep_module()
    results = [
        {"unit": "u", "kind": "mutant", "why": "m1", "seed": 1, "bad": []},
        {"unit": "u", "kind": "mutant", "why": "m1", "seed": 2, "bad": [("u", "passed", "")]},
        {"unit": "u", "kind": "variant", "why": "v1", "seed": 1, "bad": [("u", "failed", "x")]},
        {"unit": "u", "kind": "variant", "why": "v2", "seed": 1, "bad": []},
    ]
    rows, listed = sweep.summarize(results)
    assert rows == [("u", 1, 1, 2, 1)]
    assert [(kind, why, [s for s, _ in seeds]) for _, kind, why, seeds in listed] == [
        ("mutant", "m1", [2]), ("variant", "v1", [1])]
