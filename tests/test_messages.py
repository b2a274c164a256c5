"""Feedback that names the mistake: known mistakes get the message that says what they are.

Each case is a small wrong implementation, graded at two seeds; the message must name the cause (not only the
symptom) and must not give advice for another cause.  Distribution messages are checked on samples at 20 seeds.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from harness import catalog
from harness.core import stats
from harness.core.grading import grade_unit
from tests.catalogue import build_tree, mutant


def _grade(tmp_path, unit_id, code, seed):
    unit = catalog.BY_ID[unit_id]
    tree = build_tree(tmp_path / f"s{seed}", unit.framework, unit.module, code)
    return grade_unit(unit, tree, session_seed=seed)


def _messages(tmp_path, unit_id, code, seeds=(1, 2)):
    found = []
    for seed in seeds:
        result = _grade(tmp_path, unit_id, code, seed)
        assert result.status == "failed", result
        found.append(result.message)
    return found


def test_a_normal_with_ten_times_the_spread_is_told_its_spread_first():
    for seed in range(20):
        sample = np.random.default_rng(seed).normal(0.0, 0.1, size=(300, 256))
        assert stats.normal_problem(sample, 0.0, 0.01).startswith("its standard deviation is"), seed
        shifted = np.random.default_rng(seed).normal(0.05, 0.01, size=(300, 256))
        assert stats.normal_problem(shifted, 0.0, 0.01).startswith("its mean is"), seed
        assert stats.normal_problem(np.ones((300, 256)), 0.0, 0.01).startswith("its mean is"), seed
        assert stats.normal_problem(np.random.default_rng(seed).normal(0, 0.01, (300, 256)), 0.0, 0.01) == ""


def test_init_normal_with_std_0_1_is_told_the_spread(tmp_path):
    pytest.importorskip("torch")
    code = mutant("pytorch", "parameters", "init_normal", "Uses std 0.1 instead of 0.01").code
    for message in _messages(tmp_path, "pytorch.parameters.init_normal", code, seeds=(1, 2, 3, 4)):
        assert re.search(r"its standard deviation is 0\.(09\d*|1|10\d*),", message.splitlines()[0]), message


def test_a_weight_in_another_layout_is_told_the_layout(tmp_path):
    pytest.importorskip("torch")
    code = mutant("pytorch", "custom_layers", "TensorReduction", "[plain] Stores the weight as (out, in, in)").code
    for message in _messages(tmp_path, "pytorch.custom_layers.TensorReduction", code):
        assert "laid out in another order" in message and "wrap it in nn.Parameter" not in message, message


def test_tf_try_gpu_returning_the_device_context_is_told_so(tmp_path):
    pytest.importorskip("tensorflow")
    code = mutant("tensorflow", "gpu", "try_gpu", "Returns the book's tf.device(...) context manager").code
    for message in _messages(tmp_path, "tensorflow.gpu.try_gpu", code):
        assert "context manager" in message.splitlines()[0] and "_EagerDeviceContext" in message, message


def test_tf_rand_weight_as_a_constant_is_told_to_be_a_weight(tmp_path):
    pytest.importorskip("tensorflow")
    code = mutant("tensorflow", "blocks", "FixedHiddenMLP", "Keeps rand_weight a tf.constant").code
    for message in _messages(tmp_path, "tensorflow.blocks.FixedHiddenMLP", code):
        assert "constant tensor" in message.splitlines()[0] and "add_weight" in message, message


def test_tf_python_while_in_chimera_names_the_while_and_tf_while_loop(tmp_path):
    pytest.importorskip("tensorflow")
    code = mutant("tensorflow", "blocks", "FixedHiddenMLP", "Keeps the book's Python while on a tensor").code
    for message in _messages(tmp_path, "tensorflow.blocks.chimera", code, seeds=(1,)):
        assert "Python `bool` is not allowed in `FixedHiddenMLP.call`" in message, message
        assert "Python `while`" in message and "tf.while_loop" in message, message
        assert "Could not automatically infer" not in message, message


_SEQUENTIAL = '''
class MySequential(keras.Model):
    def __init__(self, *layers, **kwargs):
        super().__init__(**kwargs)
        self.blocks = list(layers)
        self.named = {{str(i): layer for i, layer in enumerate(layers)}}

    def call(self, X, training=None):
{body}
        return X
'''


@pytest.mark.parametrize("body, expected, not_expected", [
    ("        for layer in self.layers:\n            X = layer(X, training=training)",
     "each distinct layer once", "sorted as strings"),
    ("        for key in sorted(self.named):\n            X = self.named[key](X, training=training)",
     "sorted as strings", "each distinct layer once"),
    ("        for layer in self.blocks[:-1]:\n            X = layer(X, training=training)\n"
     "        X = self.blocks[-1](tf.nn.relu(X), training=training)",
     "does not apply every layer in order", "It equals"),
], ids=["self.layers", "sorted keys", "another mistake"])
def test_tf_my_sequential_names_the_order_mistake_it_sees(tmp_path, body, expected, not_expected):
    pytest.importorskip("tensorflow")
    (message,) = _messages(tmp_path, "tensorflow.blocks.MySequential", _SEQUENTIAL.format(body=body), seeds=(1,))
    assert expected in message and not_expected not in message, message


def test_the_smallest_input_leaves_out_the_example_seed_and_cuts_long_lists():
    from harness.core.grading import smallest_input

    exc = Exception()
    exc.__notes__ = ["Falsifying example: exact_roundtrip(\n    spec=[],\n    every=["
                     + ", ".join("('bool', ())" for _ in range(30)) + "],\n    n=2,\n    seed=0,\n)"]
    shown = smallest_input(exc)
    assert shown.startswith("spec=[], every=[('bool', ())") and shown.endswith("n=2"), shown
    assert "seed" not in shown and "…" in shown and len(shown) < 130, shown


_LAZY = {
    "pytorch.blocks.MLP": '''
class MLP(nn.Module):
    def __init__(self, in_features=20, hidden=256, out_features=10):
        super().__init__()
        self.hidden = nn.LazyLinear(hidden)
        self.out = nn.Linear(hidden, out_features)

    def forward(self, X):
        return self.out(F.relu(self.hidden(X)))
''',
    "pytorch.blocks.NestMLP": '''
class NestMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.LazyLinear(64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU())
        self.linear = nn.Linear(32, 16)

    def forward(self, X):
        return self.linear(self.net(X))
''',
    "pytorch.custom_layers.MyLinear": '''
class MyLinear(nn.Module):
    def __init__(self, in_units, units):
        super().__init__()
        self.inner = nn.LazyLinear(units)

    def forward(self, X):
        return F.relu(self.inner(X))
''',
}


@pytest.mark.parametrize("unit_id", sorted(_LAZY))
def test_a_lazy_layer_where_the_contract_fixes_the_sizes_is_named_alike_in_every_unit(tmp_path, unit_id):
    name = unit_id.rsplit(".", 1)[1]
    for message in _messages(tmp_path, unit_id, _LAZY[unit_id]):
        first, second = message.splitlines()[:2]
        assert first == f"`{name}` uses a lazy layer (nn.LazyLinear) where the contract fixes every size.", message
        assert "nn.UninitializedParameter" in second and "load_state_dict" not in message, message
