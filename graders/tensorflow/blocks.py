"""Graders for tensorflow/blocks.py (d2l 6.1 Layers and Modules, Keras 3)."""

from __future__ import annotations

import keras
import tensorflow as tf
from hypothesis import strategies as st

from harness.feedback import assert_equal, assert_same, check, fail
from harness.forward import compare_forward
from harness.grading import grader
from harness.strategies import batches, chains, floats, scales, seeds, sizes
from harness.tf_glue import load_used_weights, observe, run_recording, tensor, used_weights


@grader("MLP")
def mlp(g):
    @g.for_all(h=sizes, o=sizes, d=sizes, n=batches, seed=seeds)
    def forward_matches(h, o, d, n, seed):
        compare_forward(g, "MLP", (h, o), inputs=[floats((n, d), seed)], seed=seed)

    compare_forward(g, "MLP", inputs=[floats((2, 20), g.fixed_seed)], seed=g.fixed_seed)  # defaults 256, 10


def _build_chain(spec):
    layers = []
    for item in spec:
        if item[0] == "linear":
            layers.append(keras.layers.Dense(item[2]))
        elif item[0] == "relu":
            layers.append(keras.layers.ReLU())
        elif item[0] == "tanh":
            layers.append(keras.layers.Activation("tanh"))
        else:
            layers.append(layers[item[1]])
    return layers


def _describe(item) -> str:
    if item[0] == "linear":
        return f"Dense({item[2]})"
    if item[0] == "again":
        return f"<layer {item[1]} again>"
    return {"relu": "ReLU()", "tanh": "Activation('tanh')"}[item[0]]


def probe_sequential(m, spec, x, weights):
    layers = _build_chain(spec)
    net = m.MySequential(*layers)
    bases = [c.__name__ for c in type(net).__mro__ if c.__module__.startswith("keras")]
    if not isinstance(net, keras.layers.Layer):
        return {"layer": False, "bases": bases}
    X = tensor(x)
    if weights is None:
        weights = used_weights(net, X)
    else:
        load_used_weights(net, weights, X)
    out = observe(net(X), "the output")
    expected_ids = []
    for layer in layers:
        for w in layer.trainable_weights:
            if id(w) not in expected_ids:
                expected_ids.append(id(w))
    tracked = [id(w) for w in net.trainable_weights]
    return {"layer": True, "bases": bases, "weights": weights, "out": out,
            "tracked_in_order": tracked == expected_ids, "n_tracked": len(tracked), "n_expected": len(expected_ids)}


@grader("MySequential")
def my_sequential(g):
    @g.for_all(chain=chains(), n=batches, seed=seeds)
    def behaves_like_sequential(chain, n, seed):
        spec, width = chain
        x = floats((n, width), seed)
        called = f"MySequential({', '.join(_describe(item) for item in spec)})"
        ref = g.reference(probe_sequential, spec, x, None, seed=seed, called=called)
        got = g.student(probe_sequential, spec, x, ref["weights"], seed=seed, called=called)
        check(got["layer"], "is not a Keras layer or model.", f"Called `{called}`. Got a {got['bases']}.")
        if "Sequential" in got["bases"]:
            fail("derives from keras.Sequential: write the container on keras.Model yourself.")
        assert_same(got["out"], ref["out"], headline="does not apply every layer in order.",
                    called=f"{called}(X) with X of shape {x.shape}")
        check(got["tracked_in_order"],
              f"does not track its layers' weights in order: `trainable_weights` holds {got['n_tracked']} "
              f"variables, the layers hold {got['n_expected']}.",
              f"Called `{called}`. Keep the layers in a list attribute, in the order given.")


def probe_fixed(m, x):
    net = m.FixedHiddenMLP()
    X = tensor(x)
    net(X)
    rw = getattr(net, "rand_weight", None)
    out = {"has": isinstance(rw, (keras.Variable, tf.Variable)),
           "trainable": weight_list(net, "trainable_weights"),
           "non_trainable": weight_list(net, "non_trainable_weights")}
    if out["has"]:
        out["rw_trainable"] = bool(rw.trainable)
        out["value"] = observe(rw, "rand_weight")
    try:
        seq = keras.Sequential([m.FixedHiddenMLP()])
        seq(X)
        out["in_sequential"] = ""
    except Exception as exc:  # noqa: BLE001  (the message is the observation)
        out["in_sequential"] = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0][:160]}"
    try:
        tf.function(m.FixedHiddenMLP())(X)
        out["in_function"] = ""
    except Exception as exc:  # noqa: BLE001
        out["in_function"] = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0][:160]}"
    return out


def weight_list(net, attr):
    return sorted(tuple(int(d) for d in w.shape) for w in getattr(net, attr, []))


@grader("FixedHiddenMLP")
def fixed_hidden_mlp(g):
    x = floats((2, 20), g.fixed_seed)
    called = "FixedHiddenMLP()"
    got = g.student(probe_fixed, x, seed=g.fixed_seed, called=called)
    check(got["has"], "has no weight attribute `rand_weight`.",
          f"Called `{called}`. Create it with self.add_weight(shape=(20, 20), trainable=False, ...).")
    check(not got["rw_trainable"] and (20, 20) in got["non_trainable"],
          "makes `rand_weight` trainable; it is a constant: add it with trainable=False.",
          f"Called `{called}`. Got non_trainable_weights of shapes {got['non_trainable']}, but the reference "
          "gives [(20, 20)].")
    v = got["value"]
    check(v.shape == (20, 20), f"has `rand_weight` of shape {v.shape}, but the reference has (20, 20).")
    check(v.values.min() >= 0 and v.values.max() < 1 and abs(v.values.mean() - 0.5) < 0.09 and v.values.std() > 0.2,
          "has `rand_weight` that is not uniform on [0, 1).",
          f"Got min {v.values.min():.3g}, max {v.values.max():.3g}, mean {v.values.mean():.3g}; "
          "RandomUniform(0, 1) gives min >= 0, max < 1, mean near 0.5.")
    check(got["trainable"] == [(20,), (20, 20)], "does not use one Dense(20) twice.",
          f"Called `{called}`. Got trainable_weights of shapes {got['trainable']}, but the reference gives "
          "[(20,), (20, 20)].")
    check(not got["in_sequential"], "does not work inside keras.Sequential.",
          f"Called `keras.Sequential([FixedHiddenMLP()])(X)`. Got {got['in_sequential']}. Keras traces the "
          "layer symbolically there: a Python `while` on a tensor fails; use tf.while_loop.")
    check(not got["in_function"], "does not work under tf.function.",
          f"Called `tf.function(FixedHiddenMLP())(X)`. Got {got['in_function']}. Use tf.while_loop for the "
          "halving loop.")

    @g.for_all(n=batches, scale=scales, seed=seeds)
    def forward_matches(n, scale, seed):
        compare_forward(g, "FixedHiddenMLP", inputs=[floats((n, 20), seed, scale)], seed=seed)


@grader("NestMLP")
def nest_mlp(g):
    @g.for_all(n=batches, d=sizes, seed=seeds)
    def forward_matches(n, d, seed):
        compare_forward(g, "NestMLP", inputs=[floats((n, d), seed)], seed=seed)


@grader("chimera")
def chimera(g):
    @g.for_all(n=batches, d=sizes, scale=scales, seed=seeds)
    def forward_matches(n, d, scale, seed):
        compare_forward(g, "chimera", inputs=[floats((n, d), seed, scale)], seed=seed)


def probe_parallel(m, a, b, deep, x, weights):
    net1 = keras.Sequential([keras.layers.Dense(a), keras.layers.ReLU()]) if deep else keras.layers.Dense(a)
    net2 = keras.layers.Dense(b)
    net = m.ParallelBlock(net1, net2)
    X = tensor(x)
    if weights is None:
        weights = used_weights(net, X)
    else:
        load_used_weights(net, weights, X)
    tracked = {id(w) for w in getattr(net, "trainable_weights", [])}
    expected = {id(w) for w in net1.trainable_weights} | {id(w) for w in net2.trainable_weights}
    return {"weights": weights, "out": observe(net(X), "the output"), "tracked": len(tracked & expected)}


@grader("ParallelBlock")
def parallel_block(g):
    @g.for_all(d=sizes, a=sizes, b=sizes, deep=st.booleans(), lead=st.lists(batches, min_size=1, max_size=2),
               seed=seeds)
    def concatenates(d, a, b, deep, lead, seed):
        x = floats((*lead, d), seed)
        net1 = f"Sequential([Dense({a}), ReLU()])" if deep else f"Dense({a})"
        called = f"ParallelBlock({net1}, Dense({b}))(X) with X of shape {x.shape}"
        ref = g.reference(probe_parallel, a, b, deep, x, None, seed=seed, called=called)
        got = g.student(probe_parallel, a, b, deep, x, ref["weights"], seed=seed, called=called)
        check(got["tracked"] == ref["tracked"],
              f"does not track both nets: `trainable_weights` holds {got['tracked']} of their variables, "
              f"the reference holds {ref['tracked']}.")
        assert_same(got["out"], ref["out"], headline="does not concatenate net1(X) and net2(X) on the last axis.",
                    called=called)


def probe_repeat(m, d, n, x, weights):
    made = []

    def make_block():
        block = keras.layers.Dense(d)
        made.append(block)
        return block

    net = m.repeat_block(make_block, n)
    if not isinstance(net, keras.layers.Layer):
        return {"layer": False, "type": type(net).__name__, "calls": len(made)}
    X = tensor(x)
    if weights is None:
        weights = used_weights(net, X)
    else:
        load_used_weights(net, weights, X)
    return {"layer": True, "calls": len(made), "distinct": len({id(w) for w in net.trainable_weights}),
            "weights": weights, "out": observe(net(X), "the output")}


@grader("repeat_block")
def repeat_block(g):
    @g.for_all(d=sizes, n=st.integers(1, 4), rows=batches, seed=seeds)
    def independent_copies(d, n, rows, seed):
        x = floats((rows, d), seed)
        called = f"repeat_block(lambda: Dense({d}), {n})"
        ref = g.reference(probe_repeat, d, n, x, None, seed=seed, called=called)
        got = g.student(probe_repeat, d, n, x, ref["weights"], seed=seed, called=called)
        check(got["layer"], "does not return a Keras layer or model.",
              f"Called `{called}`. Got a {got.get('type')}, but the reference gives a keras.Sequential.")
        check(got["calls"] == n, f"calls make_block() {got['calls']} times for n={n}; "
                                 "each of the n blocks must come from its own call.", f"Called `{called}`.")
        check(got["distinct"] == ref["distinct"],
              f"does not hold {n} independent blocks: `trainable_weights` holds {got['distinct']} distinct "
              f"variables, the reference holds {ref['distinct']}.",
              f"Called `{called}`. `[make_block()] * n` repeats one layer object n times.")
        assert_same(got["out"], ref["out"], headline="does not apply the n blocks in order.",
                    called=f"{called}(X) with X of shape {x.shape}")
