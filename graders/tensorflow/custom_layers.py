"""Graders for tensorflow/custom_layers.py (d2l 6.5 Custom Layers, Keras 3).

Every layer is checked three ways in one probe: its output, the gradient of a random
weighting of that output with respect to the input and to every trainable weight (so a
mean or a weight read through ``.numpy()`` is caught: the tape cannot see it), and, once
per unit, its output under ``tf.function`` (how ``model.fit`` and ``model.predict`` call
layers: code that needs eager tensors, such as ``X.numpy()``, breaks there).

Layers with weights get the reference's weights with fresh random values (the bias is
not left at zero, so a misplaced or doubled bias shows in the output), moved by shape
(:func:`harness.frameworks.tf_glue.match_by_use`): ``GradientTape.watched_variables()`` lists
variables in creation order, not in the order the call uses them, so order alone would
reject a layer that creates its bias first.
"""

from __future__ import annotations

import re

import numpy as np
import tensorflow as tf
from hypothesis import strategies as st

from harness.api import (GradingFailure, ImplementationRaised, assert_same, batches, check, check_weight_shapes,
                        fail, floats, forward, grader, seeds, signature, size, sizes, stats)
from harness.frameworks.tf_glue import (observe, run_recording, tensor, transfer_by_use, weight_records, weight_trainable,
                             weight_value)


def _shape(v) -> tuple:
    return tuple(int(d) for d in v.shape)


def _load_by_shape(order, weights, made: str) -> list:
    """Assign ``weights`` (the reference's, in its order of use) to the variables ``order`` by shape
    (:func:`harness.frameworks.tf_glue.transfer_by_use`); the variables that took them, in the reference's order."""
    pairs, _ = transfer_by_use(order, weights)
    if pairs is None:
        mine, theirs = [_shape(v) for v in order], [tuple(weight_value(w).shape) for w in weights]
        raise GradingFailure("uses different weights than the reference.",
                             f"Called `{made}(X)`. Got a call that uses variables of shapes {sorted(mine)}, but the "
                             f"reference uses {sorted(theirs)} (sorted).")
    return pairs


def _error_line(text: str) -> str:
    """The line that says what went wrong in an autograph / Keras error (they wrap it in tracebacks)."""
    lines = [line.strip() for line in re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines() if line.strip()]
    for k, line in enumerate(lines[:-1]):
        if line.startswith(("TypeError: Exception encountered", "ValueError: Exception encountered",
                            "Exception encountered")) or "Exception encountered when calling" in line:
            return lines[k + 1][:200]
    errors = [line for line in lines if re.match(r"^\w+(Error|Exception): ", line)]
    return (errors[-1] if errors else lines[0] if lines else "")[:200]


def probe_layer(m, ctor, args, x, weights, seed, graph=False):
    """Build ``m.<ctor>(*args)``, give it weights (reference: fresh N(0, 1) values; implementation: the
    reference's, by shape), call it on ``x``; return output, gradients and (``graph``) the tf.function output.

    The built layer is kept for later examples with the same arguments and input rank and width
    (:func:`harness.core.forward.keep`: its random values follow from those, not from the example)."""
    X = tensor(x)

    def build():
        layer = getattr(m, ctor)(*args)
        _, order = run_recording(layer, X)
        if weights is None:
            for v in order:
                v.assign(tf.constant(np.random.standard_normal(_shape(v)), v.dtype))
            return layer, list(order), weight_records(order)
        return layer, _load_by_shape(order, weights, signature(ctor, args)), weights

    key = ("layer", ctor, repr(args), x.ndim, x.shape[-1] if x.ndim else None, weights is None)
    layer, pairs, weights = forward.keep(m, "tensorflow", key, build)
    trainable = list(layer.trainable_weights)
    # Gradients for the reference's trainable weights, in its order of use (and layout: a transposed kernel's
    # gradient is transposed back).
    used = [(v, tuple(weight_value(w).shape)) for v, w in zip(pairs, weights) if weight_trainable(w) is not False]
    with tf.GradientTape() as tape:
        tape.watch(X)
        out = layer(X)
        if not isinstance(out, tf.Tensor):
            return {"kind": f"{type(out).__module__}.{type(out).__name__}"}
        result = observe(out, "the output")
        weighting = tf.constant(np.random.default_rng(seed + 1).standard_normal(result.shape), tf.float32)
        real = tf.math.real(out) if out.dtype.is_complex else out
        loss = tf.reduce_sum(tf.cast(real, tf.float32) * weighting)
    grads = tape.gradient(loss, [X, *(v for v, _ in used)])
    obs = {"weights": weights, "out": result, "again": observe(layer(X), "the output"),
           "trainable": sorted(_shape(w) for w in trainable),
           "dx": observe(grads[0]) if grads[0] is not None else None,
           "grads": [(shape, None if gr is None or not v.trainable else
                      observe(tf.convert_to_tensor(gr) if _shape(v) == shape else tf.transpose(gr)))
                     for (v, shape), gr in zip(used, grads[1:])]}
    if graph:
        for mode in (True, False):  # as model.fit and model.predict call it
            try:
                obs[f"training={mode}"] = observe(layer(X, training=mode), "the output")
            except GradingFailure:
                raise
            except Exception as exc:  # noqa: BLE001 - reported as a property failure, with the error
                obs[f"training={mode}"] = f"{type(exc).__name__}: {_error_line(str(exc))}"
        spec = tf.TensorSpec((None, *X.shape[1:]) if X.shape.rank else (), X.dtype)  # the batch size unknown
        try:
            obs["graph"] = observe(tf.function(lambda a: layer(a), input_signature=[spec])(X),
                                   "the output under tf.function")
        except GradingFailure:
            raise
        except Exception as exc:  # noqa: BLE001 - reported as a property failure, with the error
            obs["graph"] = f"{type(exc).__name__}: {_error_line(str(exc))}"
    return obs


def compare_layer(g, ctor, args, x, seed, *, graph=False, atol=1e-5):
    """Output, input gradient and weight gradients equal the reference's; with ``graph``, also under tf.function."""
    made = signature(ctor, args)
    called = f"{made}(X) with X of shape {x.shape}"
    ref = g.reference(probe_layer, ctor, args, x, None, seed, False, seed=seed, called=called)
    got = g.student(probe_layer, ctor, args, x, ref["weights"], seed, graph, seed=seed, called=called)
    check("kind" not in got, "returns the wrong kind of object.",
          f"Called `{called}`. Got a {got.get('kind')}, but the reference gives a tf.Tensor; compute with "
          "TensorFlow ops (numpy results are not tensors: no gradient, no graph mode).")
    check_weight_shapes(got["trainable"], ref["trainable"], framework="tensorflow", built=made,
                        unseen="Create weights with self.add_weight (trainable by default): a tf.Variable or tensor "
                               "attribute is not tracked.")
    assert_same(got["out"], ref["out"], headline="computes a different output than the reference.",
                called=called, atol=atol)
    assert_same(got["again"], ref["out"], headline="gives a different output when called again.",
                called=f"{made}(X) twice, with X of shape {x.shape}", what="the second call's output", atol=atol)
    tape = f"tape.gradient(reduce_sum(C * {made}(X)), ...) with X of shape {x.shape} and a random C"
    if got["dx"] is None:
        fail("cuts its output off from the input on the gradient tape.",
             f"Called `{tape}`. Got no gradient for X, but the reference gives one; compute with TensorFlow ops "
             "on X itself (no .numpy(), no numpy functions).")
    assert_same(got["dx"], ref["dx"], headline="gives the input the wrong gradient.", called=tape,
                what="the gradient with respect to X", atol=atol * 10)
    for (shape, a), (_, b) in zip(got["grads"], ref["grads"]):
        if a is None:
            fail("cuts a weight off from the gradient tape.",
                 f"Called `{tape}`. Got no gradient for the weight of shape {shape}, but the reference gives one; "
                 "use the variable itself in call (no .numpy()).")
        assert_same(a, b, headline="gives its weights the wrong gradients.", called=tape,
                    what=f"the gradient of the weight of shape {shape}", atol=atol * 10)
    if graph:
        for mode in (True, False):
            text = f"{made}(X, training={mode}) with X of shape {x.shape}"
            if isinstance(got[f"training={mode}"], str):
                fail(f"fails when called with training={mode} (as inside model.{'fit' if mode else 'predict'}).",
                     f"Called `{text}`. It raised {got[f'training={mode}']}, but the reference gives "
                     f"{ref['out'].dtype} values of shape {ref['out'].shape}.")
            assert_same(got[f"training={mode}"], ref["out"],
                        headline=f"computes a different output with training={mode} (as inside "
                                 f"model.{'fit' if mode else 'predict'}) than the reference.", called=text, atol=atol,
                        what="the output (the reference's does not depend on training)")
        where = f"tf.function({made})(X) with X of shape {x.shape} and an unknown batch size"
        if isinstance(got["graph"], str):
            fail("does not work under tf.function (as inside model.fit or model.predict).",
                 f"Called `{where}`. It raised {got['graph']}, but the reference gives "
                 f"{ref['out'].dtype} values of shape {ref['out'].shape}. Use TensorFlow ops only, "
                 "no .numpy() and no numpy functions on X.")
        assert_same(got["graph"], ref["out"], headline="computes a different output under tf.function.",
                    called=where, atol=atol)
    return got, ref


@grader("CenteredLayer")
def centered_layer(g):
    x = floats((3, 4, 5), g.fixed_seed) + 2.0
    compare_layer(g, "CenteredLayer", (), x, g.fixed_seed, graph=True)
    # More than 4096 elements, the later ones larger: the mean is over all of them.
    big = floats((3, 40, 50), g.fixed_seed) + np.linspace(0.0, 4.0, 6000, dtype=np.float32).reshape(3, 40, 50)
    compare_layer(g, "CenteredLayer", (), big, g.fixed_seed)

    @g.for_all(shape=st.lists(sizes, min_size=1, max_size=3).map(tuple), offset=st.sampled_from([0.0, 3.0]),
               seed=seeds)
    def subtracts_the_mean(shape, offset, seed):
        compare_layer(g, "CenteredLayer", (), floats(shape, seed) + offset, seed)


def probe_mydense_build(m, units, d):
    layer = m.MyDense(units)
    before = len(layer.weights)
    if before:
        return {"before": before}
    layer(tf.zeros((1, d)))
    other = m.MyDense(units)  # a second layer draws its own weight
    other(tf.zeros((1, d)))
    return {"before": before, "weights": {_shape(w): observe(w) for w in layer.weights},
            "other": {_shape(w): observe(w) for w in other.weights}, "trainable": len(layer.trainable_weights)}


@grader("MyDense")
def my_dense(g):
    units, d = 256, 300
    called = f"MyDense({units})(X) with X of shape (1, {d})"
    got = g.student(probe_mydense_build, units, d, seed=g.fixed_seed, called=called)
    check(got["before"] == 0, "creates its weights before it sees an input.",
          f"Called `MyDense({units})`. Got {got['before']} weights before the first call, but the reference "
          "has 0; create them in build(input_shape), whose last axis is the input size.")
    shapes = sorted(got["weights"])
    check(shapes == [(units,), (d, units)], "creates weights of the wrong shapes.",
          f"Called `{called}`. Got weights of shapes {shapes}, but the reference gives {[(units,), (d, units)]}.")
    check(got["trainable"] == 2, "does not make both weights trainable.",
          f"Called `{called}`. Got {got['trainable']} trainable weights, but the reference has 2.")
    bias = got["weights"][(units,)].values
    if not (bias == 0).all():
        fail("does not start its bias at zero.",
             f"Called `{called}`. Got a bias with {stats.describe(bias)}, but the reference's is all zeros.")
    kernel = got["weights"][(d, units)].values.astype(np.float64).ravel()
    std = kernel.std()
    problem = ""
    if not std > 0:
        problem = "all its entries are equal"
    elif abs(kernel.mean()) > 6 * std / kernel.size ** 0.5:
        problem = f"its mean is {kernel.mean():.4g}, but a random normal has mean 0"
    else:  # the scale is free: compare with the normal of the sample's own spread
        ks = stats.ks_statistic(kernel, stats.normal_cdf(0.0, std))
        if ks > stats.ks_critical(kernel.size):
            problem = (f"its values are not normally distributed (KS statistic {ks:.3g} > "
                       f"{stats.ks_critical(kernel.size):.3g} against N(0, {std:.3g}))")
    check(not problem, "does not draw its weight from a random normal.",
          f"Called `{called}`. Got a weight with {stats.describe(kernel)}: {problem}; use "
          "initializer='random_normal'.")
    twin = got["other"].get((d, units))
    check(twin is None or not np.array_equal(twin.values, got["weights"][(d, units)].values),
          "gives every MyDense of a shape the same weight.",
          f"Called `MyDense({units})` twice, each on X of shape (1, {d}). Got the same weight in both layers, but "
          "the reference draws a new one per layer: a seeded initializer (RandomNormal(seed=0)) repeats its values; "
          "leave out the seed.")
    compare_layer(g, "MyDense", (7,), floats((3, 5), g.fixed_seed), g.fixed_seed, graph=True)
    # Rank 3, (n, t, d): the weight's input size is the last axis, and the product runs over it.
    try:
        compare_layer(g, "MyDense", (7,), floats((2, 3, 5), g.fixed_seed), g.fixed_seed)
    except ImplementationRaised as exc:
        fail("fails on inputs of rank 3 (n, t, d).",
             f"Called `MyDense(7)(X)` with X of shape (2, 3, 5). It raised {exc.exc_type}: "
             f"{exc.text.split('. ')[0][:160]}, but the reference gives float32 values of shape (2, 3, 7): size the "
             "weight from input_shape[-1] and multiply over X's last axis (tf.matmul broadcasts).")

    # (units, input width): a pool of architectures, inputs drawn freely (Context.pool); the first is the one
    # above, whose build is kept.
    @g.for_all(arch=g.pool((7, 5), lambda r: (size(r), size(r))), n=batches, seed=seeds)
    def forward_and_gradients(arch, n, seed):
        units, d = arch
        compare_layer(g, "MyDense", (units,), floats((n, d), seed), seed)


@grader("TensorReduction")
def tensor_reduction(g):
    compare_layer(g, "TensorReduction", (4, 3), floats((2, 4), g.fixed_seed), g.fixed_seed, graph=True,
                  atol=1e-4)

    @g.for_all(arch=g.pool((4, 3), lambda r: (size(r), size(r))), n=batches, seed=seeds)
    def forward_and_gradients(arch, n, seed):
        i, o = arch
        compare_layer(g, "TensorReduction", (i, o), floats((n, i), seed), seed, atol=1e-4)


@grader("FourierHalf")
def fourier_half(g):
    compare_layer(g, "FourierHalf", (), floats((3, 6), g.fixed_seed), g.fixed_seed, graph=True, atol=1e-4)

    @g.for_all(n=batches, d=st.integers(1, 9), seed=seeds)
    def first_half_of_fft(n, d, seed):
        compare_layer(g, "FourierHalf", (), floats((n, d), seed), seed, atol=1e-4)
