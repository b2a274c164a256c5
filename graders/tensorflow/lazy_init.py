"""Graders for tensorflow/lazy_init.py (d2l 6.4 Lazy Initialization, Keras 3)."""

from __future__ import annotations

import keras
import tensorflow as tf

from harness.feedback import assert_same, check
from harness.grading import grader
from harness.strategies import batches, floats, seeds, sizes
from harness.tf_glue import load_used_weights, observe, run_recording, tensor, used_weights


def probe_lazy(m, fn, hidden, out_features, x, weights):
    net = getattr(m, fn)(hidden, out_features)
    if not isinstance(net, keras.layers.Layer):
        return {"layer": False, "type": type(net).__name__}
    layers = getattr(net, "layers", [net])
    built_before = [bool(layer.weights) for layer in layers]
    X = tensor(x)
    if weights is None:
        weights = used_weights(net, X)
    else:
        load_used_weights(net, weights, X)
    _, order = run_recording(net, X)
    return {"layer": True, "built_before": built_before, "any_before": any(built_before),
            "first_shape": tuple(int(d) for d in order[0].shape) if order else None,
            "weights": weights, "out": observe(net(X), "the output")}


def _grade_lazy(g, fn, every_layer):
    @g.for_all(hidden=sizes, out_features=sizes, d=sizes, n=batches, seed=seeds)
    def infers_input_size(hidden, out_features, d, n, seed):
        x = floats((n, d), seed)
        called = f"{fn}({hidden}, {out_features})"
        ref = g.reference(probe_lazy, fn, hidden, out_features, x, None, seed=seed, called=called)
        got = g.student(probe_lazy, fn, hidden, out_features, x, ref["weights"], seed=seed, called=called)
        check(got["layer"], "does not return a Keras model.", f"Called `{called}`. Got a {got.get('type')}.")
        if every_layer:
            check(not got["any_before"], "has layers that are built before the first call.",
                  f"Called `{called}`. Got layers with weights {got['built_before']} before any input, but the "
                  "reference creates every weight on the first call (no input shape, no keras.Input).")
        else:
            check(not got["built_before"][0], "builds the first layer before the first call.",
                  f"Called `{called}`. Got a first layer with weights before any input, but the reference infers "
                  "its input size on the first call (no input shape, no keras.Input).")
        check(got["first_shape"] == (d, hidden), "infers the wrong first kernel shape.",
              f"Called `{called}(X)` with X of shape {x.shape}. Got first kernel of shape {got['first_shape']}, "
              f"but the reference gives {(d, hidden)}.")
        assert_same(got["out"], ref["out"], headline="computes a different forward pass than the reference.",
                    called=f"{called}(X) with X of shape {x.shape}")


@grader("lazy_mlp")
def lazy_mlp(g):
    _grade_lazy(g, "lazy_mlp", every_layer=False)


@grader("all_lazy_mlp")
def all_lazy_mlp(g):
    _grade_lazy(g, "all_lazy_mlp", every_layer=True)


def probe_materialize(m, hidden, out_features, d):
    net = keras.Sequential([keras.layers.Dense(hidden, activation="relu"), keras.layers.Dense(out_features)])
    result = m.materialize(net, d)
    return {"same": result is net, "type": type(result).__name__,
            "shapes": [tuple(int(s) for s in w.shape) for w in net.weights]}


@grader("materialize")
def materialize(g):
    @g.for_all(hidden=sizes, out_features=sizes, d=sizes, seed=seeds)
    def every_weight_exists(hidden, out_features, d, seed):
        called = f"materialize(Sequential([Dense({hidden}, relu), Dense({out_features})]), {d})"
        got, ref = g.both(probe_materialize, hidden, out_features, d, seed=seed, called=called)
        check(got["same"], "does not return the net it was given.",
              f"Called `{called}`. Got a {got['type']}, but the reference returns `net` itself.")
        check(got["shapes"] == ref["shapes"], "leaves weights unbuilt or infers wrong shapes.",
              f"Called `{called}`. Got weights of shapes {got['shapes']}, but the reference gives {ref['shapes']}.")
