"""Graders for tensorflow/custom_layers.py (d2l 6.5 Custom Layers, Keras 3)."""

from __future__ import annotations

import keras
import tensorflow as tf
from hypothesis import strategies as st

from harness import stats
from harness.feedback import assert_same, check, fail
from harness.forward import compare_forward, signature
from harness.grading import grader
from harness.strategies import batches, floats, seeds, sizes
from harness.tf_glue import load_used_weights, observe, tensor, used_weights


def probe_centered(m, x):
    layer = m.CenteredLayer()
    out = observe(layer(tensor(x)), "the output")
    return {"out": out, "n_weights": len(getattr(layer, "weights", []))}


@grader("CenteredLayer")
def centered_layer(g):
    @g.for_all(shape=st.lists(sizes, min_size=1, max_size=3).map(tuple), offset=st.sampled_from([0.0, 3.0]),
               seed=seeds)
    def subtracts_the_mean(shape, offset, seed):
        x = floats(shape, seed) + offset
        called = f"CenteredLayer()(X) with X of shape {shape}"
        got, ref = g.both(probe_centered, x, seed=seed, called=called)
        check(got["n_weights"] == 0, f"has {got['n_weights']} weights, but the reference has none.")
        assert_same(got["out"], ref["out"], headline="does not subtract the mean over all elements.", called=called)


def probe_gradients(m, ctor, args, x, weights):
    layer = getattr(m, ctor)(*args)
    X = tensor(x)
    if weights is None:
        weights = used_weights(layer, X)
    else:
        load_used_weights(layer, weights, X)
    with tf.GradientTape() as tape:
        out = layer(X)
        loss = tf.reduce_sum(out)
    trainable = list(layer.trainable_weights)
    grads = tape.gradient(loss, trainable)
    return {"weights": weights, "out": observe(out),
            "grads": sorted(((tuple(int(d) for d in w.shape), observe(gr) if gr is not None else None)
                             for w, gr in zip(trainable, grads)), key=lambda p: p[0])}


def compare_gradients(g, ctor, args, x, seed):
    called = f"{signature(ctor, args)}: tape.gradient(reduce_sum(layer(X)), layer.trainable_weights), X of shape {x.shape}"
    ref = g.reference(probe_gradients, ctor, args, x, None, seed=seed, called=called)
    got = g.student(probe_gradients, ctor, args, x, ref["weights"], seed=seed, called=called)
    check(len(got["grads"]) == len(ref["grads"]), "does not track its weights as trainable.",
          f"Called `{called}`. Got {len(got['grads'])} trainable weights, the reference has {len(ref['grads'])}.")
    for (shape, a), (_, b) in zip(got["grads"], ref["grads"]):
        if a is None:
            fail("cuts a weight off from the gradient tape.",
                 f"Called `{called}`. Got no gradient for the weight of shape {shape}; use the variable itself "
                 "in call (no .numpy()).")
        assert_same(a, b, headline="gives its weights the wrong gradients.", called=called,
                    what=f"the gradient of the weight of shape {shape}")


def probe_mydense_build(m, units, d):
    layer = m.MyDense(units)
    before = len(layer.weights)
    layer(tf.zeros((1, d)))
    return {"before": before, "weights": {tuple(int(s) for s in w.shape): observe(w) for w in layer.weights},
            "trainable": len(layer.trainable_weights)}


@grader("MyDense")
def my_dense(g):
    units, d = 256, 300
    called = f"MyDense({units})(X) with X of shape (1, {d})"
    got = g.student(probe_mydense_build, units, d, seed=g.fixed_seed, called=called)
    check(got["before"] == 0, "creates its weights before it sees an input.",
          f"Called `MyDense({units})`. Got {got['before']} weights before the first call; create them in "
          "build(input_shape), whose last axis is the input size.")
    shapes = sorted(got["weights"])
    check(shapes == [(units,), (d, units)], "creates weights of the wrong shapes.",
          f"Called `{called}`. Got weights of shapes {shapes}, but the reference gives {[(units,), (d, units)]}.")
    check(got["trainable"] == 2, "does not make both weights trainable.", f"Called `{called}`.")
    bias = got["weights"][(units,)].values
    if not (bias == 0).all():
        fail("does not start its bias at zero.", f"Called `{called}`. Got bias with {stats.describe(bias)}.")
    kernel = got["weights"][(d, units)].values
    check(kernel.std() > 0 and abs(kernel.mean()) < 6 * kernel.std() / (kernel.size ** 0.5),
          "does not draw its weight from a random normal.", f"Called `{called}`. Got weight with "
          f"{stats.describe(kernel)}; a random normal has mean 0 and a spread.")

    @g.for_all(units=sizes, d=sizes, n=batches, seed=seeds)
    def forward_and_gradients(units, d, n, seed):
        x = floats((n, d), seed)
        compare_forward(g, "MyDense", (units,), inputs=[x], seed=seed)
        compare_gradients(g, "MyDense", (units,), x, seed)


@grader("TensorReduction")
def tensor_reduction(g):
    @g.for_all(i=sizes, o=sizes, n=batches, seed=seeds)
    def forward_and_gradients(i, o, n, seed):
        x = floats((n, i), seed)
        compare_forward(g, "TensorReduction", (i, o), inputs=[x], seed=seed)
        compare_gradients(g, "TensorReduction", (i, o), x, seed)


def probe_fourier(m, x):
    return observe(m.FourierHalf()(tensor(x)), "the output")


@grader("FourierHalf")
def fourier_half(g):
    @g.for_all(n=batches, d=st.integers(1, 9), seed=seeds)
    def first_half_of_fft(n, d, seed):
        x = floats((n, d), seed)
        called = f"FourierHalf()(X) with X of shape {x.shape}"
        got, ref = g.both(probe_fourier, x, seed=seed, called=called)
        assert_same(got, ref, headline="does not return the first (d + 1) // 2 FFT coefficients.", called=called,
                    atol=1e-4)
