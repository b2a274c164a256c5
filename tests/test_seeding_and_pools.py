"""What the TensorFlow track's speed rests on still gives the same results: seeding, pools, kept models."""

from __future__ import annotations

import numpy as np
import pytest

from harness import catalog
from harness.core import forward
from harness.core import profiles
from harness.core.grading import REFERENCE, Context
from harness.core.implementation import InProcess
from harness.core.seeding import seed_all
from harness.core.inputs import SIZE_MAX, SIZE_MIN, random_chain, size


@pytest.fixture
def tf():
    return pytest.importorskip("tensorflow")


def test_stateful_tf_random_ops_restart_after_reseeding(tf):
    """The kernel cache is emptied only after a stateful random op ran: the next seeding still restarts it."""
    seed_all("tensorflow", 3)
    first = tf.random.uniform((4,)).numpy()
    tf.constant(1.0) + 1  # other ops in between change nothing
    seed_all("tensorflow", 3)
    again = tf.random.uniform((4,)).numpy()
    seed_all("tensorflow", 4)
    other = tf.random.uniform((4,)).numpy()
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)


def test_explicit_op_seeds_and_keras_random_restart_too(tf):
    import keras

    def draw():
        seed_all("tensorflow", 7)
        return (tf.random.normal((3,), seed=5).numpy(), keras.random.normal((3,)).numpy(),
                keras.initializers.GlorotUniform()((2, 2)).numpy())

    for a, b in zip(draw(), draw()):
        np.testing.assert_array_equal(a, b)


def test_seeding_keeps_the_kernel_cache_when_no_stateful_op_ran(tf):
    from harness.core import seeding

    seed_all("tensorflow", 1)
    tf.random.uniform((1,))
    assert seeding._TF_SEED.streams_used
    seed_all("tensorflow", 1)  # empties the cache: a stream was used
    assert not seeding._TF_SEED.streams_used
    tf.constant([1.0]) * 2
    seed_all("tensorflow", 2)
    assert not seeding._TF_SEED.streams_used


def _context(unit_id: str, seed):
    unit = catalog.BY_ID[unit_id]
    ref = InProcess(REFERENCE, unit.framework, unit.module)
    return Context(unit, ref, ref, seed)


@pytest.mark.parametrize("profile, drawn", [("dev", 1), ("ci", 2)])
def test_pool_holds_the_first_then_drawn_architectures(profile, drawn):
    from hypothesis import given, settings

    before = profiles.current()
    try:
        profiles.activate(profile)
        g = _context("tensorflow.blocks.MLP", 99)
        def draw(r):
            return size(r), size(r), size(r)

        strategy = g.pool((5, 3, 7), draw)
        choices = list(strategy.elements)
        assert choices[0] == (5, 3, 7)
        assert 1 <= len(choices) - 1 <= drawn
        assert all(SIZE_MIN <= v <= SIZE_MAX for c in choices[1:] for v in c)
        assert list(_context("tensorflow.blocks.MLP", 99).pool((5, 3, 7), draw).elements) == choices  # seed fixes it
        pools = {tuple(_context("tensorflow.blocks.MLP", s).pool(None, draw, drawn=3).elements) for s in range(5)}
        assert len(pools) > 1  # and another seed, another pool

        seen = []

        @settings(settings.default, max_examples=1, database=None)
        @given(arch=strategy)
        def first_example(arch):
            seen.append(arch)

        first_example()
        assert seen == [(5, 3, 7)]  # Hypothesis' simplest example is the pool's first
    finally:
        profiles.activate(before)


def test_random_chains_are_valid_specs():
    import random

    rng = random.Random(5)
    for _ in range(50):
        spec, width = random_chain(rng)
        assert SIZE_MIN <= width <= SIZE_MAX and 1 <= len(spec) <= 5
        for k, item in enumerate(spec):
            if item[0] == "again":
                assert 0 <= item[1] < k and spec[item[1]][0] != "again"


def test_kept_models_do_not_depend_on_the_seed_in_effect(tf):
    """A kept build is seeded by its key: the example that happens to build it first does not matter."""
    import types

    import keras

    module = types.ModuleType("kept_models_test")
    built = []

    def make():
        layer = keras.layers.Dense(3)
        layer(tf.zeros((1, 2)))
        built.append(layer)
        return layer.kernel.numpy()

    seed_all("tensorflow", 1)
    first = forward.keep(module, "tensorflow", ("k",), make)
    assert forward.keep(module, "tensorflow", ("k",), make) is first and len(built) == 1
    forward.release(module)
    seed_all("tensorflow", 2)
    second = forward.keep(module, "tensorflow", ("k",), make)
    assert len(built) == 2
    np.testing.assert_array_equal(first, second)


def test_a_probe_defined_inside_a_function_is_refused_at_once(tmp_path):
    """Probes are found by module and name in workers and recordings: a closure must fail in every mode alike."""
    from harness import catalog
    from harness.core.grading import Context, HarnessError
    from harness.core.implementation import InProcess

    unit = catalog.BY_ID["pytorch.gpu.num_gpus"]
    ref = InProcess(REFERENCE, "pytorch", "gpu")
    ctx = Context(unit, ref, ref, seed=1)

    def probe(m):
        return m.num_gpus()

    for ask in (ctx.student, ctx.reference):
        with pytest.raises(HarnessError, match="defined inside a function"):
            ask(probe, called="num_gpus()")
