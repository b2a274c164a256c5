"""Graders for tensorflow/parameters.py (d2l 6.2 Parameter Management, Keras 3)."""

from __future__ import annotations

import math

import keras
import numpy as np
import tensorflow as tf
from hypothesis import strategies as st

from harness import stats
from harness.feedback import assert_equal, assert_same, check, fail
from harness.forward import compare_forward
from harness.grading import grader
from harness.strategies import batches, floats, seeds, sizes
from harness.tf_glue import load_used_weights, observe, run_recording, tensor, used_weights

# ---------------------------------------------------------------- access


def _two_dense(a, b, c, norm):
    layers = [keras.layers.Dense(b, activation="relu")]
    if norm:
        layers.append(keras.layers.BatchNormalization())  # non-trainable moving statistics
    layers.append(keras.layers.Dense(c))
    net = keras.Sequential(layers)
    net(tf.zeros((1, a)))
    return net


def _net_text(a, b, c, norm):
    mid = "BatchNormalization(), " if norm else ""
    return f"Sequential([Dense({b}, relu), {mid}Dense({c})]) built on ({a},)-inputs"


nets = st.tuples(sizes, sizes, sizes, st.booleans())


def probe_layer_weights(m, spec, i):
    net = _two_dense(*spec)
    result = m.layer_weights(net, i)
    want = net.layers[i].weights
    try:
        items = list(result)
    except TypeError:
        return {"type": type(result).__name__, "same": False, "count": -1}
    return {"type": type(result).__name__, "count": len(items),
            "same": len(items) == len(want) and all(a is b for a, b in zip(items, want)),
            "equal": len(items) == len(want) and all(np.array_equal(np.asarray(a), np.asarray(b))
                                                      for a, b in zip(items, want))}


@grader("layer_weights")
def layer_weights(g):
    @g.for_all(spec=nets, pick=st.integers(0, 2), seed=seeds)
    def the_variables_themselves(spec, pick, seed):
        i = pick % (3 if spec[3] else 2)
        called = f"layer_weights({_net_text(*spec)}, {i})"
        got, ref = g.both(probe_layer_weights, spec, i, seed=seed, called=called)
        if got["same"]:
            return
        check(got["count"] == ref["count"], "returns the wrong number of weights.",
              f"Called `{called}`. Got {got['count']} weights, but the reference gives {ref['count']} "
              f"(net.layers[{i}].weights).")
        if got.get("equal"):
            fail("returns copies, not the variables themselves.",
                 f"Called `{called}`. Got values equal to net.layers[{i}].weights, but not the variables: "
                 "get_weights() and .numpy() give copies that do not follow later changes.")
        fail("returns the wrong layer's weights.", f"Called `{called}`.")


def probe_weight_shapes(m, spec):
    net = _two_dense(*spec)
    try:
        return {"ok": True, "shapes": [tuple(int(d) for d in s) for s in m.weight_shapes(net)]}
    except TypeError:
        return {"ok": False}


@grader("weight_shapes")
def weight_shapes(g):
    @g.for_all(spec=nets, seed=seeds)
    def same_shapes(spec, seed):
        called = f"weight_shapes({_net_text(*spec)})"
        got, ref = g.both(probe_weight_shapes, spec, seed=seed, called=called)
        check(got["ok"], "does not return a list of shapes.", f"Called `{called}`.")
        assert_equal(got["shapes"], ref["shapes"], headline="does not list net.weights' shapes in order.",
                     called=called, what="")


def _deep(depth, width):
    if depth == 0:
        return keras.layers.Dense(width)
    return keras.Sequential([_deep(depth - 1, width), keras.layers.ReLU(), keras.layers.Dense(width)])


def _dense_paths(layer, prefix=()):
    if isinstance(layer, keras.layers.Dense):
        return [prefix]
    if not isinstance(layer, keras.Sequential):
        return []
    paths = []
    for i, child in enumerate(layer.layers):
        paths += _dense_paths(child, prefix + (i,))
    return paths


def probe_nested_weight(m, depth, width, pick, name):
    net = _deep(depth, width)
    net(tf.zeros((1, width)))
    paths = _dense_paths(net)
    path = paths[pick % len(paths)]
    target = net
    for i in path:
        target = target.layers[i]
    want = getattr(target, name)
    got = m.nested_weight(net, path, name)
    return {"path": list(path), "same": got is want, "type": type(got).__name__,
            "equal": hasattr(got, "shape") and tuple(got.shape) == tuple(want.shape)
            and np.array_equal(np.asarray(got), np.asarray(want))}


@grader("nested_weight")
def nested_weight(g):
    @g.for_all(depth=st.integers(1, 3), width=sizes, pick=st.integers(0, 10),
               name=st.sampled_from(["kernel", "bias"]), seed=seeds)
    def the_variable_itself(depth, width, pick, name, seed):
        ref = g.reference(probe_nested_weight, depth, width, pick, name, seed=seed, called="nested_weight")
        called = f"nested_weight(net, {tuple(ref['path'])}, {name!r}) on {depth}-deep nested Sequentials"
        got = g.student(probe_nested_weight, depth, width, pick, name, seed=seed, called=called)
        if got["same"]:
            return
        if got["equal"]:
            fail("returns a copy, not the variable itself.",
                 f"Called `{called}`. Got a {got['type']} with the right values, but the reference gives the "
                 "variable itself (no .numpy(), tf.identity or get_weights()).")
        fail("returns the wrong weight.", f"Called `{called}`. Got a {got['type']} that is not "
                                           f"net{''.join(f'.layers[{i}]' for i in ref['path'])}.{name}.")


def probe_rgnet_names(m):
    b2 = m.block2()
    net = m.rgnet()
    net(tf.zeros((1, 4)))
    return {"children": [layer.name for layer in b2.layers],
            "structure": _structure(net)}


def _structure(layer):
    """Layer types and sizes, nested, without Keras' counter-carrying names."""
    if hasattr(layer, "layers"):
        return [type(layer).__name__, [_structure(child) for child in layer.layers]]
    return [type(layer).__name__, getattr(layer, "units", None), getattr(getattr(layer, "activation", None),
                                                                        "__name__", None)]


@grader("rgnet")
def rgnet(g):
    got, ref = g.both(probe_rgnet_names, seed=g.fixed_seed, called="block2()")
    assert_equal(got["children"], ref["children"], headline="names its blocks unlike the book.",
                 called="[layer.name for layer in block2().layers]", what="names")
    assert_equal(got["structure"], ref["structure"], headline="is built differently from the book's rgnet.",
                 called="rgnet()", what="layers (type, units, activation)")

    @g.for_all(n=batches, seed=seeds)
    def forward_matches(n, seed):
        compare_forward(g, "rgnet", inputs=[floats((n, 4), seed)], seed=seed)


# ---------------------------------------------------------------- initializers

FAN_IN, FAN_OUT = 300, 256  # non-square, >= 256 x 256 (CONTRACT.md)


def probe_initializer(m, factory, args, shape, dtype):
    init = getattr(m, factory)(*args)
    is_initializer = isinstance(init, keras.initializers.Initializer)
    values = init(shape, dtype=dtype)
    return {"initializer": is_initializer, "type": type(init).__name__, "values": observe(values, "the values")}


def _init_values(g, factory, args=(), shape=(FAN_IN, FAN_OUT), dtype="float32"):
    called = f"{factory}({', '.join(map(repr, args))})({shape}, dtype={dtype!r})"
    got = g.student(probe_initializer, factory, args, shape, dtype, seed=g.fixed_seed, called=called)
    check(got["initializer"], "does not return a Keras initializer.",
          f"Called `{factory}({', '.join(map(repr, args))})`. Got a {got['type']}, but the reference gives a "
          "keras.initializers.Initializer.")
    v = got["values"]
    check(v.shape == tuple(shape), f"draws the wrong shape: {v.shape} for {tuple(shape)}.", f"Called `{called}`.")
    check(v.dtype == dtype, f"ignores the dtype: {v.dtype} for {dtype}.", f"Called `{called}`.")
    return called, v.values


def _expect(called, problem, values):
    if problem:
        fail(f"draws the wrong values: {problem}.", f"Called `{called}`. Got {stats.describe(values)}.")


@grader("normal_init")
def normal_init(g):
    called, v = _init_values(g, "normal_init")
    _expect(called, stats.normal_problem(v, 0.0, 0.01), v)


@grader("xavier_init")
def xavier_init(g):
    called, v = _init_values(g, "xavier_init")
    bound = math.sqrt(6.0 / (FAN_IN + FAN_OUT))
    _expect(called, stats.uniform_problem(v, -bound, bound), v)


@grader("constant_init")
def constant_init(g):
    @g.for_all(value=st.sampled_from([0.0, 1.0, 42.0, -3.5]))
    def fills_with_value(value):
        called, v = _init_values(g, "constant_init", (value,), shape=(3, 5))
        if not np.all(v == value):
            fail("does not fill every entry with the value.", f"Called `{called}`. Got {stats.describe(v)}.")


@grader("MyInit")
def my_init(g):
    called, v = _init_values(g, "MyInit")
    _expect(called, stats.my_init_problem(v), v)
    for dtype in ("float64", "float16"):
        _init_values(g, "MyInit", shape=(4, 3), dtype=dtype)


def probe_apply_init(m, with_bias):
    inner = keras.Sequential([keras.layers.Dense(7), keras.layers.ReLU()])
    net = keras.Sequential([keras.layers.Dense(5, activation="relu"), keras.layers.LayerNormalization(), inner,
                            keras.layers.Dense(3)])
    net(tf.zeros((2, 4)))
    before = [w for w in net.weights]
    values_before = [observe(w) for w in before]
    kernel_init = keras.initializers.Constant(3.0)
    bias_init = keras.initializers.Constant(-1.0) if with_bias else None
    m.apply_init(net, kernel_init, bias_init)
    after = list(net.weights)
    return {"same": len(after) == len(before) and all(a is b for a, b in zip(after, before)),
            "paths": [_short(w.path) for w in before],
            "before": values_before, "after": [observe(w) for w in after]}


def _short(path: str) -> str:
    """'sequential_3/dense_7/kernel' -> 'dense/kernel' (Keras names carry global counters)."""
    parts = path.split("/")[-2:]
    return "/".join(p.rstrip("0123456789").rstrip("_") for p in parts)


@grader("apply_init")
def apply_init(g):
    for with_bias in (True, False):
        bias = "Constant(-1.0)" if with_bias else "None"
        called = (f"apply_init(net, Constant(3.0), {bias}) on Sequential([Dense(5, relu), LayerNormalization(), "
                  "Sequential([Dense(7), ReLU()]), Dense(3)])")
        got = g.student(probe_apply_init, with_bias, seed=g.fixed_seed, called=called)
        check(got["same"], "replaces variables instead of assigning to them.",
              f"Called `{called}`. Got new variables in net.weights; assign in place (variable.assign(...)) so an "
              "optimizer or a tied layer holding them sees the new values.")
        for name, b, a in zip(got["paths"], got["before"], got["after"]):
            if name.startswith("dense/kernel"):
                want, what = 3.0, "every Dense kernel, nested ones included, is re-initialised"
            elif name.startswith("dense/bias") and with_bias:
                want, what = -1.0, "every Dense bias gets bias_init"
            else:
                assert_same(a, b, headline=f"changes `{name}`, which must stay untouched.", called=called,
                            what=name, exact=True)
                continue
            if not np.all(a.values == want):
                fail(f"does not re-initialise every Dense: `{name}` is not {want:g}.",
                     f"Called `{called}`. Expected: {what}. Got {name} with {stats.describe(a.values)}.")


def probe_set_manually(m, a, b, c):
    net = keras.Sequential([keras.layers.Dense(b, activation="relu"), keras.layers.Dense(c)])
    net(tf.zeros((1, a)))
    before = list(net.weights)
    m.set_manually(net)
    after = list(net.weights)
    return {"same": len(before) == len(after) and all(x is y for x, y in zip(before, after)),
            "values": [observe(w) for w in after]}


@grader("set_manually")
def set_manually(g):
    @g.for_all(a=sizes, b=sizes, c=sizes, seed=seeds)
    def same_values(a, b, c, seed):
        called = f"set_manually(Sequential([Dense({b}, relu), Dense({c})]) built on ({a},)-inputs)"
        got, ref = g.both(probe_set_manually, a, b, c, seed=seed, called=called)
        check(got["same"], "replaces variables instead of assigning to them.",
              f"Called `{called}`. Use kernel.assign(kernel + 1) and kernel[0, 0].assign(42).")
        names = ["layers[0].kernel", "layers[0].bias", "layers[1].kernel", "layers[1].bias"]
        for name, x, y in zip(names, got["values"], ref["values"]):
            assert_same(x, y, headline=f"leaves {name} different from the reference.", called=called, what=name,
                        exact=True)


def probe_tied(m, width, x, weights):
    net = m.tied_net(width)
    layers = getattr(net, "layers", [])
    tied = len(layers) > 2 and layers[1] is layers[2]
    X = tensor(x)
    if weights is None:
        weights = used_weights(net, X)
    else:
        load_used_weights(net, weights, X)
    with tf.GradientTape() as tape:
        out = net(X)
        loss = tf.reduce_sum(out)
    variables = tape.watched_variables()
    grads = tape.gradient(loss, variables)
    return {"tied": tied, "weights": weights, "out": observe(out),
            "grads": [observe(gr) if gr is not None else None for gr in grads],
            "n_weights": len(net.trainable_weights)}


@grader("tied_net")
def tied_net(g):
    @g.for_all(width=sizes, n=batches, seed=seeds)
    def shares_and_sums_gradients(width, n, seed):
        x = floats((n, 4), seed)
        called = f"tied_net({width})"
        ref = g.reference(probe_tied, width, x, None, seed=seed, called=called)
        got = g.student(probe_tied, width, x, ref["weights"], seed=seed, called=called)
        check(got["tied"], "does not tie the two middle layers: net.layers[1] is not net.layers[2].",
              f"Called `{called}`. Put one Dense({width}, relu) object at both places; tf.variable_scope is gone "
              "and copying values makes two layers that drift apart.")
        check(got["n_weights"] == ref["n_weights"],
              f"has {got['n_weights']} trainable weights, but the reference has {ref['n_weights']} "
              "(the shared layer counts once).")
        assert_same(got["out"], ref["out"], headline="computes a different forward pass than the reference.",
                    called=f"{called}(X) with X of shape {x.shape}")
        for k, (a, b) in enumerate(zip(got["grads"], ref["grads"])):
            if a is None:
                fail("gives a weight no gradient.", f"Called `{called}`: weight {k + 1} got no gradient.")
            assert_same(a, b, headline="does not sum the gradients of both uses of the shared layer.",
                        called=f"tape.gradient(reduce_sum({called}(X)), weights)", what=f"the gradient of weight {k + 1}")
