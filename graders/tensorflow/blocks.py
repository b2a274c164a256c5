"""Graders for tensorflow/blocks.py (d2l 6.1 Layers and Modules, Keras 3)."""

from __future__ import annotations

import re

import keras
import numpy as np
import tensorflow as tf
from hypothesis import strategies as st

from harness import forward
from harness.feedback import GradingFailure, assert_same, check, fail, ordinal
from harness.grading import grader
from harness.implementation import ImplementationRaised
from harness.strategies import batches, floats, random_chain, scales, seeds, size
from harness.tf_glue import assign_by_use, observe, param_shapes, run_recording, tensor


def transfer(order, weights):
    """Assign the reference's ``weights`` to ``order`` by use and shape; "" or the detail of the failure."""
    return assign_by_use(order, weights)


def take_or_load(net, X, weights):
    """(weights, transfer error): for the reference (``weights is None``), fresh N(0, 1) values in every variable
    it uses, in order of use (Keras starts biases at zero: behind a dead relu a whole chain then gives zeros,
    whatever it computes); for an implementation, the reference's weights loaded into ``net`` by use and shape.
    Either way the output must be computed again."""
    _, order = run_recording(net, X)
    if weights is None:
        for v in order:
            if v.dtype.is_floating:
                v.assign(np.random.standard_normal(tuple(v.shape)).astype(v.dtype.as_numpy_dtype))
        return [observe(v) for v in order], ""
    return weights, transfer(order, weights)


def _output(net, X):
    return observe(net(X), "the output")


def error_text(exc: BaseException) -> str:
    """The sentence of a Keras / TensorFlow error that says what went wrong, on one line."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(exc))
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    useful = [ln for ln in lines if not ln.startswith(("Exception encountered", "in user code", "File ", "Arguments"))
              and not ln.endswith(":")]
    for ln in useful:
        if "not allowed" in ln or "Python `bool`" in ln:
            return f"{type(exc).__name__}: {ln.split('. ')[0].rstrip('.')}"
    first = (useful or lines or [""])[0]
    return f"{type(exc).__name__}: {first.split('. ')[0].rstrip('.')[:200]}"


def probe_forward_grad(m, ctor, args, inputs, weights):
    """Build ``m.<ctor>(*args)`` (kept between examples, as :func:`harness.forward.probe_forward`), take or load
    the weights by use, run it under a tape.

    Returns the trainable weight shapes, the output and, per variable in order of first use, the gradient of
    ``sum(output)`` there (None: none reached it; "constant": a non-trainable weight), in the reference's layout.
    """
    xs = [tensor(x) for x in inputs]

    def build():
        net = getattr(m, ctor)(*args)
        if not isinstance(net, keras.layers.Layer):
            return {"layer": False, "type": type(net).__name__}
        net(*xs)  # build first: a keras.Sequential's building call reads its variables in another order
        out, order = run_recording(net, *xs)
        if weights is None:
            return net, order, [observe(v) for v in order], ""
        return net, order, weights, transfer(order, weights)

    key = ("grad", ctor, repr(args), tuple((x.ndim, x.shape[-1]) for x in inputs), weights is None)
    kept = forward.keep(m, "tensorflow", key, build)
    if isinstance(kept, dict):
        return kept
    net, order, weights, error = kept
    result = {"layer": True, "param_shapes": param_shapes(net), "transfer": error, "weights": weights}
    if error:
        return result
    with tf.GradientTape() as tape:
        y = net(*xs)
        total = tf.reduce_sum(y) if isinstance(y, tf.Tensor) and y.dtype.is_floating else None
    result["out"] = observe(y, "the output")
    grads = tape.gradient(total, order, unconnected_gradients="none") if total is not None else [None] * len(order)
    result["grads"] = [
        "constant" if not v.trainable else None if gr is None
        else observe(tf.convert_to_tensor(gr) if tuple(v.shape) == tuple(w.shape) else tf.transpose(gr))
        for v, gr, w in zip(order, grads, weights)]
    return result


def _signature(ctor, args) -> str:
    return forward.signature(ctor, args)


def compare_forward_backward(g, ctor, args=(), inputs=(), *, seed=0, atol=1e-5, rtol=1e-4):
    """Same trainable weights, same output and same gradients of sum(output) as the reference, given its weights."""
    shapes = ", ".join(str(tuple(x.shape)) for x in inputs)
    built = _signature(ctor, args)
    called = f"{built}(X) with X of shape {shapes}"
    ref = g.reference(probe_forward_grad, ctor, args, inputs, None, seed=seed, called=f"{built}(X)")
    got = g.student(probe_forward_grad, ctor, args, inputs, ref["weights"], seed=seed, called=f"{built}(X)")
    check(got["layer"], "does not build a Keras layer or model.", f"Called `{built}`. Got a {got.get('type')}.")
    check(got["param_shapes"] == ref["param_shapes"], "tracks different trainable weights than the reference.",
          f"Called `{called}`. Got trainable_weights of shapes {got['param_shapes']}, but the reference gives "
          f"{ref['param_shapes']} (sorted). Weights Keras cannot see (a tf.Variable attribute, layers created "
          "inside call) are not tracked; a layer created twice instead of reused shows here too.")
    if got["transfer"]:
        fail("uses different weights than the reference.", f"Called `{called}`. {got['transfer']}")
    assert_same(got["out"], ref["out"], headline="computes a different forward pass than the reference.",
                called=called, atol=atol, rtol=rtol)
    for k, (a, b, w) in enumerate(zip(got["grads"], ref["grads"], ref["weights"])):
        if b == "constant" or b is None:
            continue
        param = f"the weight of shape {tuple(w.shape)} (the {ordinal(k + 1)} variable the call uses)"
        grad_call = f"tape.gradient(sum({built}(X)), weights) with X of shape {shapes}"
        if a is None or a == "constant":
            fail("cuts the gradient off from a weight.",
                 f"Called `{grad_call}`. Got no gradient for {param}, but the reference gives one. Numpy "
                 "(.numpy(), np.asarray, np.maximum) or tf.stop_gradient in call hides the computation from the "
                 "tape: use TensorFlow / keras.ops operations.")
        assert_same(a, b, headline="computes different gradients than the reference.", called=grad_call,
                    what=f"the gradient of {param}", atol=atol, rtol=rtol)


# Keras builds cost 15-80 ms, calls on a built model about 1 ms: the architectures of a property come from a
# small pool (Context.pool), the first of each chosen here to show the common mistakes (distinct sizes, none
# of them 1); inputs vary freely per example.


@grader("MLP")
def mlp(g):
    # (constructor arguments, input width): the first is the defaults (hidden=256, out_features=10) on the book's
    # 20 features; the drawn ones are small.
    @g.for_all(arch=g.pool(((), 20), lambda r: ((size(r), size(r)), size(r))), n=batches, scale=scales,
               seed=seeds)
    def forward_matches(arch, n, scale, seed):
        args, d = arch
        try:
            compare_forward_backward(g, "MLP", args, inputs=[floats((n, d), seed, scale)], seed=seed)
        except GradingFailure as exc:
            if args:
                raise
            fail(f"with its defaults (hidden=256, out_features=10) {exc.headline}", exc.detail)


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
    X = tensor(x)

    def build():
        layers = _build_chain(spec)
        net = m.MySequential(*layers)
        bases = [c.__name__ for c in type(net).__mro__ if c.__module__.startswith("keras")]
        if not isinstance(net, keras.layers.Layer):
            return None, {"layer": False, "bases": bases}
        used, error = take_or_load(net, X, weights)
        expected_ids = []
        for layer in layers:
            for w in layer.trainable_weights:
                if id(w) not in expected_ids:
                    expected_ids.append(id(w))
        tracked = [id(w) for w in net.trainable_weights]
        return net, {"layer": True, "bases": bases, "weights": used, "transfer": error,
                     "tracked_in_order": tracked == expected_ids, "n_tracked": len(tracked),
                     "n_expected": len(expected_ids)}

    # Built on the first input of this width, kept for later examples (harness.forward.keep).
    net, built = forward.keep(m, "tensorflow", ("sequential", repr(spec), x.shape[-1], weights is None), build)
    result = dict(built)
    if net is not None and not built["transfer"]:
        result["out"] = _output(net, X)
    return result


# Every kind of block, the widths changing on the way, and a layer given twice with an effect each time
# (iterating `self.layers`, which lists it once, runs it once).
_EVERY_KIND = ([("linear", 4, 3), ("relu",), ("linear", 3, 3), ("tanh",), ("again", 2), ("linear", 3, 5)], 4)


@grader("MySequential")
def my_sequential(g):
    def behaves_like_sequential(chain, n, seed):
        spec, width = chain
        x = floats((n, width), seed)
        called = f"MySequential({', '.join(_describe(item) for item in spec)})"
        ref = g.reference(probe_sequential, spec, x, None, seed=seed, called=called)
        got = g.student(probe_sequential, spec, x, ref["weights"], seed=seed, called=called)
        check(got["layer"], "is not a Keras layer or model.",
              f"Called `{called}`. Got an object of classes {got['bases'] or 'outside Keras'}, but the reference "
              "gives a keras.Model.")
        if "Sequential" in got["bases"]:
            fail("derives from keras.Sequential: write the container on keras.Model yourself.",
                 f"Called `{called}`. Got a class with Keras bases {got['bases']}, but the reference derives from "
                 "keras.Model (bases ['MySequential', 'Model', 'Trainer', 'Layer', ...]) only.")
        check(got["tracked_in_order"],
              f"does not track its layers' weights in order: `trainable_weights` holds {got['n_tracked']} "
              f"variables, the layers hold {got['n_expected']}.",
              f"Called `{called}`. Got {got['n_tracked']} tracked variables (or another order), but the reference "
              f"tracks the {got['n_expected']} of its layers in the order given. Keep the layers in a list "
              "attribute (a deque or a plain object is invisible to Keras).")
        called_x = f"{called}(X) with X of shape {x.shape}"
        if got["transfer"]:
            fail("does not apply every layer in order.", f"Called `{called_x}`. {got['transfer']}")
        try:
            assert_same(got["out"], ref["out"], headline="does not apply every layer in order.", called=called_x)
        except GradingFailure as exc:
            if any(item[0] == "again" for item in spec):
                fail(exc.headline, f"{exc.detail} A layer given twice must run twice: iterate your own list, "
                                   "not `self.layers` (which lists it once).")
            raise

    behaves_like_sequential(_EVERY_KIND, 2, g.fixed_seed)  # whatever Hypothesis draws; its build is kept
    # Chains from a pool (Context.pool; each is built once per side), the first with every kind of block.
    g.for_all(chain=g.pool(_EVERY_KIND, random_chain), n=batches, seed=seeds)(behaves_like_sequential)


def _variable_kind(v) -> str:
    return f"{type(v).__module__.split('.')[0]}.{type(v).__name__}"


def probe_fixed(m, x):
    X = tensor(x)
    net = m.FixedHiddenMLP()
    try:  # one build for both observations: the call inside keras.Sequential builds `net` too
        keras.Sequential([net])(X)
        in_sequential = ""
    except Exception as exc:  # noqa: BLE001  (the message is the observation)
        in_sequential = error_text(exc)
        net = m.FixedHiddenMLP()
        net(X)
    rw = getattr(net, "rand_weight", None)
    out = {"has": isinstance(rw, (keras.Variable, tf.Variable)), "kind": _variable_kind(rw),
           "trainable": weight_list(net, "trainable_weights"),
           "non_trainable": weight_list(net, "non_trainable_weights"), "in_sequential": in_sequential}
    if out["has"]:
        out["rw_trainable"] = bool(rw.trainable)
        out["tracked"] = any(w is rw for w in net.weights)
        out["value"] = observe(rw, "rand_weight")
    return out


def weight_list(net, attr):
    return sorted(tuple(int(d) for d in w.shape) for w in getattr(net, attr, []))


@grader("FixedHiddenMLP")
def fixed_hidden_mlp(g):
    x = floats((2, 20), g.fixed_seed)
    called = "FixedHiddenMLP()"
    got = g.student(probe_fixed, x, seed=g.fixed_seed, called=called)
    check(got["has"], "has no weight attribute `rand_weight`.",
          f"Called `{called}`. Got rand_weight = a {got['kind']}, but the reference gives a keras.Variable "
          "(self.add_weight(shape=(20, 20), trainable=False, ...)).")
    check(got["tracked"], "does not track `rand_weight` as a weight of the model.",
          f"Called `{called}`. Got rand_weight, a {got['kind']}, missing from `weights` (non_trainable_weights: "
          f"{got['non_trainable']}), but the reference gives non_trainable_weights [(20, 20)]. Keras 3 tracks "
          "only keras.Variables: create it with self.add_weight(..., trainable=False).")
    check(not got["rw_trainable"] and (20, 20) in got["non_trainable"],
          "makes `rand_weight` trainable; it is a constant: add it with trainable=False.",
          f"Called `{called}`. Got rand_weight with trainable={got['rw_trainable']} and non_trainable_weights of "
          f"shapes {got['non_trainable']}, but the reference gives trainable=False and [(20, 20)].")
    v = got["value"]
    check(v.shape == (20, 20), "has `rand_weight` of the wrong shape.",
          f"Called `{called}`. Got rand_weight of shape {v.shape}, but the reference gives (20, 20).")
    check(v.values.min() >= 0 and v.values.max() < 1 and abs(v.values.mean() - 0.5) < 0.09 and v.values.std() > 0.2,
          "has `rand_weight` that is not uniform on [0, 1).",
          f"Called `{called}`. Got rand_weight with min {v.values.min():.3g}, max {v.values.max():.3g}, mean "
          f"{v.values.mean():.3g}, but the reference's RandomUniform(0, 1) gives min >= 0, max < 1, mean near 0.5 "
          "('random_uniform' alone draws from [-0.05, 0.05)).")
    check(got["trainable"] == [(20,), (20, 20)], "does not use one Dense(20) twice.",
          f"Called `{called}`. Got trainable_weights of shapes {got['trainable']}, but the reference gives "
          "[(20,), (20, 20)].")
    check(not got["in_sequential"], "does not work inside keras.Sequential.",
          f"Called `keras.Sequential([FixedHiddenMLP()])(X)`. Got {got['in_sequential']}, but the reference "
          "returns a scalar. Keras traces the layer symbolically there: a Python `while` on a tensor fails; use "
          "tf.while_loop.")
    @g.for_all(n=batches, scale=scales, seed=seeds)
    def forward_matches(n, scale, seed):
        compare_forward_backward(g, "FixedHiddenMLP", inputs=[floats((n, 20), seed, scale)], seed=seed)


@grader("NestMLP")
def nest_mlp(g):
    # One input width per run (as chimera): the width matters only to a model that fixes it, and no drawn
    # width is the book's 20.
    @g.for_all(d=g.pool(None, size, drawn=1), n=batches, scale=scales, seed=seeds)
    def forward_matches(d, n, scale, seed):
        compare_forward_backward(g, "NestMLP", inputs=[floats((n, d), seed, scale)], seed=seed)


def _layer_kind(layer) -> str:
    if type(layer) is keras.layers.Dense:
        act = getattr(layer.activation, "__name__", "")
        return f"Dense({layer.units}" + (f", {act})" if act and act != "linear" else ")")
    return type(layer).__name__


def all_layers(net) -> list:
    """Every layer inside ``net`` (through ``.layers``, recursively), ``net`` excluded."""
    found = []
    for layer in getattr(net, "layers", []):
        found.append(layer)
        found.extend(all_layers(layer))
    return found


def probe_fresh(m):
    first, second = m.chimera(), m.chimera()
    layers = [{id(sub) for sub in all_layers(net)} for net in (first, second)]
    kinds = [_layer_kind(layer) for layer in getattr(first, "layers", [])]
    return {"same_object": first is second, "shared": len(layers[0] & layers[1]), "kinds": kinds}


@grader("chimera")
def chimera(g):
    got = g.student(probe_fresh, seed=g.fixed_seed, called="chimera()")
    check(not got["same_object"] and not got["shared"], "returns the same layers on every call.",
          f"Called `chimera()` twice. Got two models sharing {got['shared']} layers"
          f"{' (the same model object)' if got['same_object'] else ''}, but the reference builds new layers on "
          "each call (create them inside chimera(), not at import).")

    # One input width per run: a chimera build costs ~80 ms (Keras traces its nested models), and the width
    # matters only to a model that fixes it.
    @g.for_all(d=g.pool(None, size, drawn=1), n=batches, scale=scales, seed=seeds)
    def forward_matches(d, n, scale, seed):
        try:
            compare_forward_backward(g, "chimera", inputs=[floats((n, d), seed, scale)], seed=seed)
        except (GradingFailure, ImplementationRaised) as exc:
            ref = g.reference(probe_fresh, seed=g.fixed_seed, called="chimera()")
            if sorted(got["kinds"]) == sorted(ref["kinds"]):
                raise
            what = exc.headline if isinstance(exc, GradingFailure) else f"raised {exc.exc_type}: {exc.text.split('. ')[0]}"
            fail("is not keras.Sequential([NestMLP(), Dense(20), FixedHiddenMLP()]).",
                 f"Called `chimera()`. Got layers {got['kinds']}, but the reference gives {ref['kinds']}; "
                 f"called on X of shape {(n, d)} it {what.rstrip('.')}.")


def probe_parallel(m, a, b, deep, x, weights):
    X = tensor(x)

    def build():
        net1 = keras.Sequential([keras.layers.Dense(a), keras.layers.ReLU()]) if deep else keras.layers.Dense(a)
        net2 = keras.layers.Dense(b)
        net = m.ParallelBlock(net1, net2)
        used, error = take_or_load(net, X, weights)
        tracked = {id(w) for w in getattr(net, "trainable_weights", [])}
        expected = {id(w) for w in net1.trainable_weights} | {id(w) for w in net2.trainable_weights}
        return net, {"weights": used, "transfer": error, "tracked": len(tracked & expected)}

    key = ("parallel", a, b, deep, x.ndim, x.shape[-1], weights is None)
    net, built = forward.keep(m, "tensorflow", key, build)
    result = dict(built)
    if not built["transfer"]:
        result["out"] = _output(net, X)
    return result


@grader("ParallelBlock")
def parallel_block(g):
    # (input width, net1's width, net2's width, net1 a Sequential, leading axes): the first has a Sequential net1
    # and 3-d inputs, the drawn ones a Dense and 2-d inputs; the sizes of the leading axes are drawn freely.
    @g.for_all(arch=g.pool((4, 3, 2, True, 2), lambda r: (size(r), size(r), size(r), False, 1)),
               lead=st.lists(batches, min_size=2, max_size=2), seed=seeds)
    def concatenates(arch, lead, seed):
        d, a, b, deep, rank = arch
        x = floats((*lead[:rank], d), seed)
        net1 = f"Sequential([Dense({a}), ReLU()])" if deep else f"Dense({a})"
        called = f"ParallelBlock({net1}, Dense({b}))(X) with X of shape {x.shape}"
        ref = g.reference(probe_parallel, a, b, deep, x, None, seed=seed, called=called)
        got = g.student(probe_parallel, a, b, deep, x, ref["weights"], seed=seed, called=called)
        check(got["tracked"] == ref["tracked"],
              f"does not track both nets: `trainable_weights` holds {got['tracked']} of their variables, "
              f"the reference holds {ref['tracked']}.",
              f"Called `{called}`. Keep net1 and net2 as attributes (or in a list); a deque or a plain object "
              "hides them from Keras.")
        headline = "does not concatenate net1(X) and net2(X) on the last axis."
        if got["transfer"]:
            fail(headline, f"Called `{called}`. {got['transfer']} (net1's first, then net2's).")
        assert_same(got["out"], ref["out"], headline=headline, called=called)


def probe_repeat(m, d, n, x, weights):
    X = tensor(x)

    def build():
        made = []

        def make_block():
            block = keras.layers.Dense(d)
            made.append(block)
            return block

        net = m.repeat_block(make_block, n)
        if not isinstance(net, keras.layers.Layer):
            return None, {"layer": False, "type": type(net).__name__, "calls": len(made)}
        used, error = take_or_load(net, X, weights)
        return net, {"layer": True, "calls": len(made), "distinct": len({id(w) for w in net.trainable_weights}),
                     "weights": used, "transfer": error}

    # Built on the first input, kept for later examples (harness.forward.keep).
    net, built = forward.keep(m, "tensorflow", ("repeat", d, n, weights is None), build)
    result = dict(built)
    if net is not None and not built["transfer"]:
        result["out"] = _output(net, X)
    return result


@grader("repeat_block")
def repeat_block(g):
    # (width, n) from a pool (Context.pool), the first with n = 3: with n = 1 one block and n blocks look alike.
    @g.for_all(arch=g.pool((3, 3), lambda r: (size(r), r.randint(1, 4))), rows=batches, seed=seeds)
    def independent_copies(arch, rows, seed):
        d, n = arch
        x = floats((rows, d), seed)
        called = f"repeat_block(lambda: Dense({d}), {n})"
        ref = g.reference(probe_repeat, d, n, x, None, seed=seed, called=called)
        got = g.student(probe_repeat, d, n, x, ref["weights"], seed=seed, called=called)
        check(got["layer"], "does not return a Keras layer or model.",
              f"Called `{called}`. Got a {got.get('type')}, but the reference gives a keras.Sequential.")
        times = f"{got['calls']} time" + ("" if got["calls"] == 1 else "s")
        check(got["calls"] == n, f"calls make_block() {times} for n={n}; each of the n blocks must come from its "
                                 "own call.",
              f"Called `{called}`. Got {got['calls']} calls, but the reference makes {n}. `[make_block()] * n` "
              "repeats one layer object.")
        check(got["distinct"] == ref["distinct"],
              f"does not hold {n} independent blocks: `trainable_weights` holds {got['distinct']} distinct "
              f"variables, the reference holds {ref['distinct']}.",
              f"Called `{called}`. Put every block make_block() returned in the model, each once.")
        called_x = f"{called}(X) with X of shape {x.shape}"
        if got["transfer"]:
            fail("does not apply the n blocks in order.", f"Called `{called_x}`. {got['transfer']}")
        assert_same(got["out"], ref["out"], headline="does not apply the n blocks in order.", called=called_x)
