"""Graders for tensorflow/blocks.py (d2l 6.1 Layers and Modules, Keras 3)."""

from __future__ import annotations

import random
import re

import keras
import numpy as np
import tensorflow as tf
from hypothesis import strategies as st

from harness.api import (GradingFailure, ImplementationRaised, assert_same, batches, check, check_weight_shapes,
                        fail, floats, forward, grader, ordinal, random_chain, scales, seeds, size)
from harness.frameworks.tf_glue import (assign_by_use, observe, param_shapes, run_recording, tensor, transfer_by_use,
                             weight_records, weight_trainable, weight_value)


def transfer(order, weights):
    """Assign the reference's ``weights`` to ``order`` by shape and use; "" or the detail of the failure."""
    return assign_by_use(order, weights)


def take_or_load(net, X, weights):
    """(weights, variables holding them in the reference's order, transfer error): for the reference (``weights is
    None``), fresh N(0, 1) values in every variable it uses, in order of use (Keras starts biases at zero: behind a
    dead relu a whole chain then gives zeros, whatever it computes); for an implementation, the reference's weights
    loaded into ``net`` by shape and use (:func:`harness.frameworks.tf_glue.match_by_use`).  Either way the output must be
    computed again."""
    _, order = run_recording(net, X)
    if weights is None:
        for v in order:
            if v.dtype.is_floating:
                v.assign(np.random.standard_normal(tuple(v.shape)).astype(v.dtype.as_numpy_dtype))
        return weight_records(order), list(order), ""
    pairs, error = transfer_by_use(order, weights)
    return weights, pairs, error


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


def forward_backward(net, xs, pairs, weights, **call_kwargs):
    """Call ``net(*xs, **call_kwargs)`` under a tape: (output, gradients of sum(output) with respect to each input,
    gradients with respect to each of the reference's ``weights``), ``pairs[j]`` the variable holding ``weights[j]``;
    gradients in the reference's layout, None where none reached, "constant" for a non-trainable weight."""
    with tf.GradientTape() as tape:
        for x in xs:
            tape.watch(x)
        y = net(*xs, **call_kwargs)
        total = tf.reduce_sum(y) if isinstance(y, tf.Tensor) and y.dtype.is_floating else None
    out = observe(y, "the output")
    targets = [*xs, *pairs]
    grads = (tape.gradient(total, targets, unconnected_gradients="none") if total is not None
             else [None] * len(targets))
    dx = [None if gr is None else observe(tf.convert_to_tensor(gr)) for gr in grads[:len(xs)]]
    dw = []
    for v, gr, w in zip(pairs, grads[len(xs):], weights):
        value = weight_value(w)
        if not v.trainable or weight_trainable(w) is False:
            dw.append("constant")
        elif gr is None:
            dw.append(None)
        else:
            gr = tf.convert_to_tensor(gr)
            dw.append(observe(gr if tuple(v.shape) == tuple(value.shape) else tf.transpose(gr)))
    return out, dx, dw


def compare_gradients(got, ref, built, shapes, *, atol=1e-5, rtol=1e-4, what_weight=None):
    """The gradients of sum(output) (``got["grads"]``, ``got["dx"]``, as :func:`forward_backward` gives them) equal the
    reference's: first every weight's, then the input's."""
    grad_call = f"tape.gradient(sum({built}(X)), [X, *weights]) with X of shape {shapes}"
    for k, (a, b, w) in enumerate(zip(got["grads"], ref["grads"], ref["weights"])):
        if b == "constant" or b is None:
            continue
        shape = tuple(weight_value(w).shape)
        param = (what_weight(k, shape) if what_weight else
                 f"the weight of shape {shape} (the {ordinal(k + 1)} variable the call uses)")
        if a is None or a == "constant":
            fail("cuts the gradient off from a weight.",
                 f"Called `{grad_call}`. Got no gradient for {param}, but the reference gives one. Numpy "
                 "(.numpy(), np.asarray, np.maximum) or tf.stop_gradient in call hides the computation from the "
                 "tape: use TensorFlow / keras.ops operations.")
        assert_same(a, b, headline="computes different gradients than the reference.", called=grad_call,
                    what=f"the gradient of {param}", atol=atol, rtol=rtol)
    for a, b in zip(got["dx"], ref["dx"]):
        if b is None:
            continue
        if a is None:
            fail("cuts its output off from the input on the gradient tape.",
                 f"Called `{grad_call}`. Got no gradient for X, but the reference gives one. Numpy or "
                 "tf.stop_gradient in call hides the computation from the tape: use TensorFlow / keras.ops "
                 "operations on X itself.")
        assert_same(a, b, headline="gives the input the wrong gradient.", called=grad_call,
                    what="the gradient with respect to X", atol=atol, rtol=rtol)


def _graph_outputs(net, xs, pairs=(), weights=()):
    """``net``'s output under tf.function with an unknown batch size, inside a keras.Sequential (how model.fit /
    predict and a model holding it call it) and eagerly with training=True (as in fit): an observation each, or the
    error's text; with ``pairs`` (the variables holding the reference's weights), also the gradients of
    sum(output) with respect to them computed under that tf.function (zeros where none reaches)."""
    spec = [tf.TensorSpec((None, *x.shape[1:]), x.dtype) for x in xs]
    found = {}
    live = [v for v in pairs if v.trainable]

    def in_graph_grads(graph_grads):
        got = iter(graph_grads)
        return [None if not v.trainable else observe(
            tf.transpose(gr) if tuple(v.shape) != tuple(weight_value(w).shape) else tf.convert_to_tensor(gr))
            for v, w, gr in ((v, w, next(got) if v.trainable else None) for v, w in zip(pairs, weights))]

    def output_and_grads(*a):
        with tf.GradientTape() as tape:
            y = net(*a)
            total = tf.reduce_sum(y)
        return y, tape.gradient(total, live, unconnected_gradients=tf.UnconnectedGradients.ZERO)

    if pairs:  # one trace for both where it works (a trace costs tens of ms); apart where it fails, to say which
        try:
            y, graph_grads = tf.function(output_and_grads, input_signature=spec)(*xs)
            found["graph"], found["graph_grads"] = observe(y, "the output"), in_graph_grads(graph_grads)
        except GradingFailure:
            raise
        except Exception:  # noqa: BLE001 - traced again below, forward and gradients apart
            pass
    for where, call in (("graph", lambda: tf.function(lambda *a: net(*a), input_signature=spec)(*xs)),
                        ("in_sequential", lambda: keras.Sequential([net])(*xs)),
                        ("training", lambda: net(*xs, training=True))):
        if where in found:
            continue
        try:
            found[where] = observe(call(), "the output")
        except GradingFailure:
            raise
        except Exception as exc:  # noqa: BLE001 - reported as a property failure, with the error
            found[where] = error_text(exc)
    if pairs and "graph_grads" not in found:
        def grads(*a):
            return output_and_grads(*a)[1]
        try:
            found["graph_grads"] = in_graph_grads(tf.function(grads, input_signature=spec)(*xs))
        except GradingFailure:
            raise
        except Exception as exc:  # noqa: BLE001
            found["graph_grads"] = error_text(exc)
    return found


def probe_forward_grad(m, ctor, args, inputs, weights, graph=False):
    """Build ``m.<ctor>(*args)`` (kept between examples, as :func:`harness.core.forward.probe_forward`), take or load
    the weights by shape and use, run it under a tape, then once more.

    Returns the trainable weight shapes, the outputs of both calls and the gradients of ``sum(output)`` with respect
    to the input and, per reference weight, there (:func:`forward_backward`), in the reference's layout; with
    ``graph``, also the output under tf.function and inside keras.Sequential.
    """
    xs = [tensor(x) for x in inputs]

    def build():
        net = getattr(m, ctor)(*args)
        if not isinstance(net, keras.layers.Layer):
            return {"layer": False, "type": type(net).__name__}
        net(*xs)  # build first: a keras.Sequential's building call reads its variables in another order
        out, order = run_recording(net, *xs)
        if weights is None:
            return net, list(order), weight_records(order), ""
        pairs, error = transfer_by_use(order, weights)
        return net, pairs, weights, error

    key = ("grad", ctor, repr(args), tuple((x.ndim, x.shape[-1]) for x in inputs), weights is None)
    kept = forward.keep(m, "tensorflow", key, build)
    if isinstance(kept, dict):
        return kept
    net, pairs, weights, error = kept
    result = {"layer": True, "param_shapes": param_shapes(net), "transfer": error, "weights": weights}
    if error:
        return result
    result["out"], result["dx"], result["grads"] = forward_backward(net, xs, pairs, weights)
    result["again"] = observe(net(*xs), "the output")
    if graph:
        result.update(_graph_outputs(net, xs, pairs, weights))
    return result


def _signature(ctor, args) -> str:
    return forward.signature(ctor, args)


def compare_forward_backward(g, ctor, args=(), inputs=(), *, seed=0, atol=1e-5, rtol=1e-4, graph=False):
    """Same trainable weights, same output (on two calls) and same gradients of sum(output) with respect to the
    input and every weight as the reference, given its weights; with ``graph``, the same output under tf.function
    and inside keras.Sequential."""
    shapes = ", ".join(str(tuple(x.shape)) for x in inputs)
    built = _signature(ctor, args)
    called = f"{built}(X) with X of shape {shapes}"
    ref = g.reference(probe_forward_grad, ctor, args, inputs, None, seed=seed, called=f"{built}(X)")
    got = g.student(probe_forward_grad, ctor, args, inputs, ref["weights"], graph, seed=seed, called=f"{built}(X)")
    check(got["layer"], "does not build a Keras layer or model.", f"Called `{built}`. Got a {got.get('type')}.")
    check_weight_shapes(got["param_shapes"], ref["param_shapes"], framework="tensorflow", built=called,
                        unseen="Weights Keras cannot see (a tf.Variable attribute, layers created inside call) are "
                               "not tracked.")
    if got["transfer"]:
        fail("uses different weights than the reference.", f"Called `{called}`. {got['transfer']}")
    assert_same(got["out"], ref["out"], headline="computes a different forward pass than the reference.",
                called=called, atol=atol, rtol=rtol)
    assert_same(got["again"], ref["out"], headline="gives a different output when called again.",
                called=f"{built}(X) twice, with X of shape {shapes}", what="the second call's output", atol=atol,
                rtol=rtol)
    compare_gradients(got, ref, built, shapes, atol=atol, rtol=rtol)
    if graph:
        for where, text, place, headline in (
                ("graph", f"tf.function({built})(X)", "under tf.function",
                 "does not work under tf.function (as inside model.fit or model.predict)."),
                ("in_sequential", f"keras.Sequential([{built}])(X)", "inside keras.Sequential",
                 "does not work inside keras.Sequential.")):
            if isinstance(got[where], str):
                fail(headline, f"Called `{text}` with X of shape {shapes}. It raised {got[where]}, but the reference "
                               f"gives {ref['out'].dtype} values of shape {ref['out'].shape}. Keras traces the layer "
                               "symbolically there: use TensorFlow ops (tf.while_loop, tf.cond), not Python control "
                               "flow on tensor values or tf.executing_eagerly().")
            assert_same(got[where], ref["out"], headline=f"computes a different output {place} than when called "
                                                         "eagerly.",
                        called=f"{text} with X of shape {shapes}", atol=atol, rtol=rtol)
        if isinstance(got["training"], str):
            fail("fails when called with training=True (as inside model.fit).",
                 f"Called `{built}(X, training=True)` with X of shape {shapes}. It raised {got['training']}, but the "
                 f"reference gives {ref['out'].dtype} values of shape {ref['out'].shape}.")
        assert_same(got["training"], ref["out"], headline="computes a different output with training=True (as inside "
                                                           "model.fit) than the reference.",
                    called=f"{built}(X, training=True) with X of shape {shapes}", atol=atol, rtol=rtol,
                    what="the output (the reference has no layer that depends on training: no Dropout)")
        grad_call = f"tf.function(tape.gradient(sum({built}(X)), weights)) with X of shape {shapes}"
        if isinstance(got.get("graph_grads"), str):
            fail("cannot be differentiated under tf.function (as inside model.fit).",
                 f"Called `{grad_call}`. It raised {got['graph_grads']}, but the reference gives the gradients.")
        for k, (a, b, w) in enumerate(zip(got.get("graph_grads", []), ref["grads"], ref["weights"])):
            if a is None or b is None or b == "constant" or got["grads"][k] in (None, "constant"):
                continue
            shape = tuple(weight_value(w).shape)
            assert_same(a, b, headline="computes different gradients under tf.function (as inside model.fit) "
                                       "than eagerly.", called=grad_call,
                        what=f"the gradient of the weight of shape {shape} (the {ordinal(k + 1)} variable the call "
                             "uses); back_prop=False or tf.stop_gradient cuts it", atol=atol, rtol=rtol)


def probe_two_builds(m, ctor, args, x):
    """Two ``m.<ctor>(*args)``, each called on ``x``: how many variables they share, and their first weights."""
    X = tensor(x)
    nets = [getattr(m, ctor)(*args) for _ in range(2)]
    for net in nets:
        net(X)
    mine = [{id(v) for v in net.weights} for net in nets]
    firsts = [observe(net.trainable_weights[0]) if net.trainable_weights else None for net in nets]
    return {"shared": len(mine[0] & mine[1]), "same_object": nets[0] is nets[1], "firsts": firsts}


def check_two_builds(g, ctor, args, x):
    """A new model has weights of its own: none shared with another, drawn anew (no cache, no fixed seed)."""
    built = _signature(ctor, args)
    got = g.student(probe_two_builds, ctor, args, x, seed=g.fixed_seed, called=f"{built}, twice")
    check(not got["same_object"] and not got["shared"], "shares weights between the models it builds.",
          f"Called `{built}` twice (each on X of shape {x.shape}). Got {got['shared']} variables in both models"
          f"{' (the same object)' if got['same_object'] else ''}, but each reference model has its own: create the "
          "layers in __init__, not in a cache or at import.")
    a, b = got["firsts"]
    check(a is None or b is None or a.shape != b.shape or not np.array_equal(a.values, b.values),
          "builds the same weights every time.",
          f"Called `{built}` twice (each on X of shape {x.shape}). Got identical first weights, but each reference "
          "model draws its own: no fixed seed in an initializer, no keras.utils.set_random_seed.")


# Keras builds cost 15-80 ms, calls on a built model about 1 ms: the architectures of a property come from a
# small pool (Context.pool), the first of each chosen here to show the common mistakes (distinct sizes, none
# of them 1); inputs vary freely per example.


@grader("MLP")
def mlp(g):
    # Fixed first: a rank-3 input (n, t, d), where Dense acts on the last axis (a Flatten in front shows), also
    # under tf.function with an unknown batch size, inside keras.Sequential and with training=True (a Dropout shows);
    # at scale 30 the hidden activations reach far beyond 6 (relu6 as "a safer ReLU" shows).
    compare_forward_backward(g, "MLP", (6, 5), inputs=[floats((2, 3, 4), g.fixed_seed, 30.0)], seed=g.fixed_seed,
                             graph=True)
    check_two_builds(g, "MLP", (6, 5), floats((2, 4), g.fixed_seed))
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


class DoubleWhenTraining(keras.layers.Layer):
    """``X * 2`` when called with ``training=True``, ``X`` otherwise: deterministic, and it shows whether a container
    passes ``training`` on to its layers."""

    def call(self, X, training=False):
        return X * 2.0 if training else X


def _build_chain(spec):
    layers = []
    for item in spec:
        if item[0] == "linear":
            layers.append(keras.layers.Dense(item[2]))
        elif item[0] == "relu":
            layers.append(keras.layers.ReLU())
        elif item[0] == "tanh":
            layers.append(keras.layers.Activation("tanh"))
        elif item[0] == "double":
            layers.append(DoubleWhenTraining())
        else:
            layers.append(layers[item[1]])
    return layers


def _describe(item) -> str:
    if item[0] == "linear":
        return f"Dense({item[2]})"
    if item[0] == "again":
        return f"<layer {item[1]} again>"
    return {"relu": "ReLU()", "tanh": "Activation('tanh')", "double": "DoubleWhenTraining()"}[item[0]]


def _unique_weights(layers) -> list:
    found, seen = [], set()
    for layer in layers:
        for w in layer.trainable_weights:
            if id(w) not in seen:
                seen.add(id(w))
                found.append(w)
    return found


def _mistaken_outputs(layers, X) -> dict:
    """The outputs of two known mistakes on the same layers: each distinct layer once (iterating `self.layers`,
    which lists a repeated layer once) and the layers in the order of their keys sorted as strings ("10" before
    "2"); None where a mistake gives the right output anyway or cannot run."""
    found = {}
    orders = {"once": [i for i, layer in enumerate(layers) if all(layer is not e for e in layers[:i])],
              "sorted": sorted(range(len(layers)), key=str)}
    for name, order in orders.items():
        if order == list(range(len(layers))):
            continue
        try:
            y = X
            for i in order:
                y = layers[i](y)
            found[name] = observe(y, "the output")
        except Exception:  # noqa: BLE001 - a mistake that cannot run on these layers is not the one made
            pass
    return found


def _close(got, expected) -> bool:
    """``got`` passes :func:`harness.core.feedback.assert_same` against ``expected`` (the grader's one comparison)."""
    try:
        assert_same(got, expected, headline="", called="")
    except GradingFailure:
        return False
    return True


def probe_sequential(m, spec, x, graph=False, mistakes=False):
    """``m.MySequential`` of the layers ``spec`` describes, given values fixed by ``spec`` (the layers are the
    grader's own: no transfer needed); its output on two plain calls (and, where a layer depends on ``training``,
    on calls with training=True and training=False) and the gradients of sum(output) with respect to X and to every
    layer's weights; with ``mistakes``, also :func:`_mistaken_outputs`."""
    X = tensor(x)

    def build():
        layers = _build_chain(spec)
        net = m.MySequential(*layers)
        bases = [c.__name__ for c in type(net).__mro__ if c.__module__.startswith("keras")]
        if not isinstance(net, keras.layers.Layer):
            return None, [], [], {"layer": False, "bases": bases}
        net(X)  # builds the layers
        ours = _unique_weights(layers)
        rng = np.random.default_rng(random.Random(repr(spec)).getrandbits(32))
        for w in ours:  # N(0, 1), biases too: Keras starts them at zero, which hides a layer run twice
            w.assign(rng.standard_normal(tuple(w.shape)).astype("float32"))
        tracked = [id(w) for w in net.trainable_weights]
        return net, layers, ours, {"layer": True, "bases": bases,
                                   "tracked_in_order": tracked == [id(w) for w in ours],
                                   "n_tracked": len(tracked), "n_expected": len(ours)}

    # Built on the first input of this width, kept for later examples (harness.core.forward.keep).
    net, layers, ours, built = forward.keep(m, "tensorflow", ("sequential", repr(spec), x.shape[-1]), build)
    result = dict(built)
    if net is None:
        return result
    result["weights"] = weight_records(ours)
    if mistakes:  # asked of the reference: what the known mistakes give on the same layers and input
        result["mistakes"] = _mistaken_outputs(layers, X)
    result["out"], result["dx"], result["grads"] = forward_backward(net, [X], ours, result["weights"])
    result["again"] = observe(net(X), "the output")
    if graph:  # under tf.function with an unknown batch size, as model.fit / predict trace it
        spec_x = tf.TensorSpec((None, *X.shape[1:]), X.dtype)
        try:
            result["graph"] = observe(tf.function(lambda a: net(a), input_signature=[spec_x])(X), "the output")
        except GradingFailure:
            raise
        except Exception as exc:  # noqa: BLE001 - the message is the observation
            result["graph"] = error_text(exc)
    if any(item[0] == "double" for item in spec):  # the only layer whose output depends on `training`
        result["train"] = observe(net(X, training=True), "the output")
        result["eval"] = observe(net(X, training=False), "the output")
    return result


# Every kind of block, the widths changing on the way, and a layer given twice with an effect each time
# (iterating `self.layers`, which lists it once, runs it once).
_EVERY_KIND = ([("linear", 4, 3), ("relu",), ("linear", 3, 3), ("tanh",), ("again", 2), ("linear", 3, 5)], 4)
# More than 10 layers (three Dense objects, two of them given twice), all of one width, so any order runs but only
# the given one gives the reference's output: keys "0".."12" sorted as strings run "10" before "2".
# DoubleWhenTraining shows whether `training` reaches the layers.
_LONG = ([("linear", 3, 3), ("tanh",), ("double",), ("relu",), ("linear", 3, 3), ("tanh",), ("again", 0), ("relu",),
          ("linear", 3, 3), ("tanh",), ("double",), ("relu",), ("again", 4)], 3)


@grader("MySequential")
def my_sequential(g):
    def behaves_like_sequential(chain, n, seed, graph=False):
        spec, width = chain
        x = floats((*n, width) if isinstance(n, tuple) else (n, width), seed)  # n: the batch, or leading axes
        called = f"MySequential({', '.join(_describe(item) for item in spec)})"
        # the reference also says what the known mistakes give (named on a failure): one recorded call per example
        ref = g.reference(probe_sequential, spec, x, False, True, seed=seed, called=called)
        got = g.student(probe_sequential, spec, x, graph, seed=seed, called=called)
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
        try:
            assert_same(got["out"], ref["out"], headline="does not apply every layer in order.", called=called_x)
        except GradingFailure as exc:
            # what the known mistakes give (the reference's layers, run in their orders)
            mistakes = ref.get("mistakes", {})
            hint = ""
            if "once" in mistakes and _close(got["out"], mistakes["once"]):
                hint = (" It equals the output of running each distinct layer once: a layer given twice must run "
                        "twice; iterate your own list of the layers given, not `self.layers` (which lists a layer "
                        "once).")
            elif "sorted" in mistakes and _close(got["out"], mistakes["sorted"]):
                hint = (" It equals the output of running the layers in the order of their keys sorted as strings "
                        "(\"10\" before \"2\"): keep the layers in a list, in the order given.")
            fail(exc.headline, exc.detail + hint)
        assert_same(got["again"], ref["out"], headline="gives a different output when called again.",
                    called=f"{called}(X) again with X of shape {x.shape}", what="the next call's output")
        for mode in ("train", "eval") if "train" in ref else ():
            flag = mode == "train"
            assert_same(got[mode], ref[mode], headline=f"does not pass `training={flag}` on to its layers.",
                        called=f"{called}(X, training={flag}) with X of shape {x.shape}",
                        what="output (DoubleWhenTraining() doubles its input when training)")
        compare_gradients(got, ref, called, str(x.shape),
                          what_weight=lambda k, shape: f"the {ordinal(k + 1)} layer weight (shape {shape})")
        if graph:
            where = f"tf.function({called}) with X of shape {x.shape} and an unknown batch size"
            if isinstance(got["graph"], str):
                fail("does not work under tf.function with an unknown batch size (as inside model.fit or "
                     "model.predict).",
                     f"Called `{where}`. It raised {got['graph']}, but the reference gives {ref['out'].dtype} values "
                     f"of shape {ref['out'].shape}. Keras traces the model symbolically there: no Python control "
                     "flow on tensor values or on X.shape[0] / len(X).")
            assert_same(got["graph"], ref["out"], headline="computes a different output under tf.function than when "
                                                           "called eagerly.", called=where)

    # Fixed, whatever Hypothesis draws (their builds are kept): every kind of block, then the long chain, then every
    # kind again (its kept model called twice more: a container that changes from one call to the next shows).
    behaves_like_sequential(_EVERY_KIND, 2, g.fixed_seed)
    behaves_like_sequential(_LONG, 3, g.fixed_seed, True)
    behaves_like_sequential(_EVERY_KIND, 3, g.fixed_seed + 1)
    behaves_like_sequential(_EVERY_KIND, (2, 3), g.fixed_seed + 2)  # rank 3: the blocks act on the last axis
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
        other = m.FixedHiddenMLP()  # a second model draws its own constant
        other(X)
        rw2 = getattr(other, "rand_weight", None)
        out["other"] = observe(rw2, "rand_weight") if isinstance(rw2, (keras.Variable, tf.Variable)) else None
    return out


def weight_list(net, attr):
    return sorted(tuple(int(d) for d in w.shape) for w in getattr(net, attr, []))


@grader("FixedHiddenMLP")
def fixed_hidden_mlp(g):
    x = floats((2, 20), g.fixed_seed)
    called = "FixedHiddenMLP()"
    got = g.student(probe_fixed, x, seed=g.fixed_seed, called=called)
    if not got["has"] and "Tensor" in got["kind"]:
        fail("keeps `rand_weight` as a constant tensor, not as a weight of the model.",
             f"Called `{called}`. Got rand_weight = a {got['kind']} (a tf.constant or a random draw), which Keras "
             "neither tracks nor saves. The reference makes it a non-trainable weight of the model: "
             "self.add_weight(shape=(20, 20), trainable=False, ...) with a uniform [0, 1) initializer.")
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
    other = got["other"]
    check(other is None or other.shape != v.shape or not np.array_equal(other.values, v.values),
          "gives every FixedHiddenMLP the same `rand_weight`.",
          f"Called `{called}` twice. Got the same rand_weight in both models, but the reference draws a new one per "
          "model: a seeded initializer (RandomUniform(0, 1, seed=0)) repeats its values; leave out the seed.")
    check(got["trainable"] == [(20,), (20, 20)], "does not use one Dense(20) twice.",
          f"Called `{called}`. Got trainable_weights of shapes {got['trainable']}, but the reference gives "
          "[(20,), (20, 20)].")
    check(not got["in_sequential"], "does not work inside keras.Sequential.",
          f"Called `keras.Sequential([FixedHiddenMLP()])(X)`. Got {got['in_sequential']}, but the reference "
          "returns a scalar. Keras traces the layer symbolically there: a Python `while` on a tensor fails; use "
          "tf.while_loop.")
    # 16 rows at scale 1e7: the halving loop runs more than 30 times (a loop bounded at 20 stops early), and the
    # output is compared under tf.function and inside keras.Sequential, where a Python loop guarded by
    # tf.executing_eagerly() does not run.
    compare_forward_backward(g, "FixedHiddenMLP", inputs=[floats((16, 20), g.fixed_seed, 1e7)], seed=g.fixed_seed,
                             graph=True)

    @g.for_all(n=batches, scale=scales, seed=seeds)
    def forward_matches(n, scale, seed):
        compare_forward_backward(g, "FixedHiddenMLP", inputs=[floats((n, 20), seed, scale)], seed=seed)


@grader("NestMLP")
def nest_mlp(g):
    # Fixed first: a rank-3 input (n, t, d), where every Dense acts on the last axis (a Flatten in front shows).
    compare_forward_backward(g, "NestMLP", inputs=[floats((2, 3, 4), g.fixed_seed)], seed=g.fixed_seed)
    check_two_builds(g, "NestMLP", (), floats((2, 4), g.fixed_seed))
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
    inner = getattr(first, "layers", None) or [None]
    return {"same_object": first is second, "shared": len(layers[0] & layers[1]), "kinds": kinds,
            "type": type(first).__name__, "sequential": isinstance(first, keras.Sequential),
            "first_type": type(inner[0]).__name__, "nest_first": isinstance(inner[0], m.NestMLP)}


@grader("chimera")
def chimera(g):
    got = g.student(probe_fresh, seed=g.fixed_seed, called="chimera()")
    check(not got["same_object"] and not got["shared"], "returns the same layers on every call.",
          f"Called `chimera()` twice. Got two models sharing {got['shared']} layers"
          f"{' (the same model object)' if got['same_object'] else ''}, but the reference builds new layers on "
          "each call (create them inside chimera(), not at import).")
    check(got["sequential"], "does not return a keras.Sequential.",
          f"Called `chimera()`. Got a {got['type']}, but the reference gives keras.Sequential([NestMLP(), Dense(20), "
          "FixedHiddenMLP()]) (so that chimera().layers[0] is its NestMLP).")
    check(got["nest_first"], "does not hold its NestMLP first: chimera().layers[0] is not a NestMLP.",
          f"Called `chimera().layers[0]`. Got a {got['first_type']}, but the reference gives the module's NestMLP "
          "(keras.Sequential([NestMLP(), Dense(20), FixedHiddenMLP()])).")

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


def probe_parallel(m, a, b, deep, same, x, weights):
    """``m.ParallelBlock(net1, net2)`` (``same``: ``net1`` given twice), weights taken or loaded by shape and use; its
    output and gradients (:func:`forward_backward`)."""
    X = tensor(x)

    def build():
        if deep == "flatten":  # nets that change the rank: (n, t, d) -> (n, a); the outputs' last axis is 1, not 2
            net1, net2 = (keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(k)]) for k in (a, b))
        else:
            net1 = keras.Sequential([keras.layers.Dense(a), keras.layers.ReLU()]) if deep else keras.layers.Dense(a)
            net2 = net1 if same else keras.layers.Dense(b)
        net = m.ParallelBlock(net1, net2)
        used, pairs, error = take_or_load(net, X, weights)
        tracked = {id(w) for w in getattr(net, "trainable_weights", [])}
        expected = {id(w) for w in net1.trainable_weights} | {id(w) for w in net2.trainable_weights}
        return net, pairs, {"weights": used, "transfer": error, "tracked": len(tracked & expected)}

    key = ("parallel", a, b, deep, same, x.ndim, x.shape[-1], weights is None)
    net, pairs, built = forward.keep(m, "tensorflow", key, build)
    result = dict(built)
    if not built["transfer"]:
        result["out"], result["dx"], result["grads"] = forward_backward(net, [X], pairs, built["weights"])
        result["again"] = _output(net, X)
    return result


def probe_parallel_modes(m, x):
    """``m.ParallelBlock(DoubleWhenTraining(), DoubleWhenTraining())`` called plainly and with training=True / False:
    whether it passes ``training`` on to its nets."""
    X = tensor(x)
    net = m.ParallelBlock(DoubleWhenTraining(), DoubleWhenTraining())
    return {mode: _output(net, X) if mode == "plain" else observe(net(X, training=mode == "train"), "the output")
            for mode in ("plain", "train", "eval")}


def _parallel_text(a, b, deep, same):
    if deep == "flatten":
        return f"ParallelBlock(Sequential([Flatten(), Dense({a})]), Sequential([Flatten(), Dense({b})]))"
    net1 = f"Sequential([Dense({a}), ReLU()])" if deep else f"Dense({a})"
    if same:
        return f"ParallelBlock(net, net) with net = {net1}"
    return f"ParallelBlock({net1}, Dense({b}))"


@grader("ParallelBlock")
def parallel_block(g):
    def concatenates(arch, lead, seed):
        d, a, b, deep, rank = arch[:5]
        same = arch[5] if len(arch) > 5 else False
        x = floats((*lead[:rank], d), seed)
        made = _parallel_text(a, b, deep, same)
        called = f"{made}(X) with X of shape {x.shape}"
        ref = g.reference(probe_parallel, a, b, deep, same, x, None, seed=seed, called=called)
        got = g.student(probe_parallel, a, b, deep, same, x, ref["weights"], seed=seed, called=called)
        check(got["tracked"] == ref["tracked"],
              f"does not track both nets: `trainable_weights` holds {got['tracked']} of their variables, "
              f"the reference holds {ref['tracked']}.",
              f"Called `{called}`. Keep net1 and net2 as attributes (or in a list); a deque or a plain object "
              "hides them from Keras.")
        headline = "does not concatenate net1(X) and net2(X) on the last axis."
        if got["transfer"]:
            fail(headline, f"Called `{called}`. {got['transfer']} (net1's first, then net2's).")
        try:
            assert_same(got["out"], ref["out"], headline=headline, called=called)
        except GradingFailure as exc:
            if not same:
                raise
            fail(exc.headline, exc.detail + " The same net given twice must run twice (its output twice): keep "
                                            "net1 and net2 as two attributes, not in a dict or set.")
        assert_same(got["again"], ref["out"], headline="gives a different output when called again.",
                    called=f"{made}(X) twice, with X of shape {x.shape}", what="the second call's output")
        compare_gradients(got, ref, made, str(x.shape))

    # (input width, net1's width, net2's width, net1 a Sequential, leading axes[, net1 given twice]): the first has
    # a Sequential net1 and 3-d inputs, the drawn ones a Dense and 2-d inputs; the sizes of the leading axes are
    # drawn freely.  Fixed first: the pool's first, and one net given twice.
    first = (4, 3, 2, True, 2)
    concatenates(first, [2, 3], g.fixed_seed)
    concatenates((3, 4, 4, True, 1, True), [2, 1], g.fixed_seed)
    concatenates((3, 2, 4, "flatten", 2), [2, 5], g.fixed_seed)  # nets whose outputs have another rank than X
    # Whether `training` reaches the nets (Dropout / BatchNorm inside them train under fit).
    x = floats((2, 3), g.fixed_seed)
    made = "ParallelBlock(DoubleWhenTraining(), DoubleWhenTraining())"
    ref = g.reference(probe_parallel_modes, x, seed=g.fixed_seed, called=made)
    got = g.student(probe_parallel_modes, x, seed=g.fixed_seed, called=made)
    for mode, flag in (("plain", None), ("train", True), ("eval", False)):
        call = f"{made}(X)" if flag is None else f"{made}(X, training={flag})"
        assert_same(got[mode], ref[mode], headline=("computes a different output than the reference." if flag is None
                                                    else f"does not pass `training={flag}` on to its nets."),
                    called=f"{call} with X of shape {x.shape}",
                    what="output (DoubleWhenTraining() doubles its input when training)")
    g.for_all(arch=g.pool(first, lambda r: (size(r), size(r), size(r), False, 1)),
              lead=st.lists(batches, min_size=2, max_size=2), seed=seeds)(concatenates)


def probe_repeat_fresh(m):
    """Two ``m.repeat_block(make_block, 2)`` calls with the same ``make_block``: whether they share layers."""
    made = []

    def make_block():
        made.append(keras.layers.Dense(3))
        return made[-1]

    first, second = m.repeat_block(make_block, 2), m.repeat_block(make_block, 2)
    inner = [{id(layer) for layer in all_layers(net)} for net in (first, second)]
    return {"same_object": first is second, "shared": len(inner[0] & inner[1]), "calls": len(made)}


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
            return None, [], {"layer": False, "type": type(net).__name__, "calls": len(made)}
        used, pairs, error = take_or_load(net, X, weights)
        return net, pairs, {"layer": True, "calls": len(made),
                            "distinct": len({id(w) for w in net.trainable_weights}), "weights": used,
                            "transfer": error, "type": type(net).__name__,
                            "n_layers": len(net.layers) if hasattr(net, "layers") else None}

    # Built on the first input, kept for later examples (harness.core.forward.keep).
    net, pairs, built = forward.keep(m, "tensorflow", ("repeat", d, n, weights is None), build)
    result = dict(built)
    if net is not None and not built["transfer"]:
        result["out"], result["dx"], result["grads"] = forward_backward(net, [X], pairs, built["weights"])
        result["again"] = _output(net, X)
    return result


@grader("repeat_block")
def repeat_block(g):
    def independent_copies(arch, rows, seed):
        d, n = arch
        x = floats((rows, d), seed)
        called = f"repeat_block(lambda: Dense({d}), {n})"
        try:
            ref = g.reference(probe_repeat, d, n, x, None, seed=seed, called=called)
            got = g.student(probe_repeat, d, n, x, ref["weights"], seed=seed, called=called)
        except ImplementationRaised as exc:
            if n:
                raise
            fail("fails for n = 0: the empty container must return its input.",
                 f"Called `{called}(X)` with X of shape {x.shape}. It raised {exc.exc_type}: "
                 f"{exc.text.split('. ')[0]}, but the reference returns X. An empty keras.Sequential cannot be "
                 "called: hold a keras.layers.Identity() there, or use your MySequential.")
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
        if n:
            held = "no .layers" if got["n_layers"] is None else f".layers holding {got['n_layers']} layers"
            check(got["n_layers"] == n, "does not return a container of the n blocks.",
                  f"Called `{called}`. Got a {got['type']} with {held}, but the reference gives a container (a "
                  f"keras.Sequential or MySequential) whose .layers are the {n} blocks, for every n (n = 1 too).")
        called_x = f"{called}(X) with X of shape {x.shape}"
        if got["transfer"]:
            fail("does not apply the n blocks in order.", f"Called `{called_x}`. {got['transfer']}")
        assert_same(got["out"], ref["out"], headline="does not apply the n blocks in order.", called=called_x)
        assert_same(got["again"], ref["out"], headline="gives a different output when called again.",
                    called=f"{called}(X) twice, with X of shape {x.shape}", what="the second call's output")
        compare_gradients(got, ref, called, str(x.shape))

    # Every n from 0 to 4, fixed (n = 3 first: with n = 1 one block and n blocks look alike; n = 0 last, an empty
    # container that returns its input); then (width, n) from a pool (Context.pool), the first the fixed n = 3.
    got = g.student(probe_repeat_fresh, seed=g.fixed_seed, called="repeat_block(make_block, 2)")
    check(not got["same_object"] and not got["shared"] and got["calls"] == 4,
          "returns the same blocks when called again with the same make_block.",
          f"Called `repeat_block(make_block, 2)` twice with one make_block. Got {got['calls']} make_block() calls and "
          f"two models sharing {got['shared']} layers{' (the same model object)' if got['same_object'] else ''}, "
          "but the reference calls make_block() 4 times and builds two independent models (no caching).")
    for n in (3, 2, 4, 1, 0):
        independent_copies((3, n), 2, g.fixed_seed)
    g.for_all(arch=g.pool((3, 3), lambda r: (size(r), r.randint(0, 4))), rows=batches, seed=seeds)(
        independent_copies)
