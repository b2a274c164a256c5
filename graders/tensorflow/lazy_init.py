"""Graders for tensorflow/lazy_init.py (d2l 6.4 Lazy Initialization, Keras 3)."""

from __future__ import annotations

import random

import keras
import numpy as np
import tensorflow as tf
from hypothesis import strategies as st

from harness.api import assert_same, batches, check, fail, floats, forward, grader, seeds, size, stats
from harness.frameworks.tf_glue import observe, run_recording, tensor

from .._file_checks import a as article
from .blocks import error_text, transfer


def _kernel_shape(order):
    return tuple(int(d) for d in order[0].shape) if order else None


def probe_lazy_uses(m, fn, hidden, out_features, x):
    """One fresh net used as Keras uses a model: its output with training=True, under tf.function with an unknown
    batch size (as predict and fit trace it), the gradients of sum(output) with respect to X and its first kernel;
    plus the first kernel a second fresh net starts with (values compared in the grader)."""
    X = tensor(x)
    found = {}
    first = []
    for k in range(2):
        net = getattr(m, fn)(hidden, out_features)
        _, order = run_recording(net, X)
        first.append(observe(order[0]) if order else None)
        if k:
            break
        found["eager"] = observe(net(X), "the output")
        found["train"] = observe(net(X, training=True), "the output")
        found["frozen"] = len(net.weights) - len(net.trainable_weights)  # Dense, ReLU, Dense: every weight trains
        try:  # traced with an unknown batch size, as predict and fit run it (predict itself costs ~5 traces)
            spec = tf.TensorSpec((None, *X.shape[1:]), X.dtype)
            found["graph"] = observe(tf.function(lambda a: net(a), input_signature=[spec])(X), "the output")
        except NotImplementedError:
            raise  # a stub: reported as such by the harness
        except Exception as e:  # reported by the grader
            found["graph"] = error_text(e)
            found["untraceable"] = "is not a valid root scope name" in str(e)
        with tf.GradientTape() as tape:
            tape.watch(X)
            loss = tf.reduce_sum(net(X))
        grads = tape.gradient(loss, [X, order[0]]) if order else [None, None]
        found["dx"] = None if grads[0] is None else observe(grads[0])
        found["dw"] = None if grads[1] is None else observe(grads[1])
    found["first"] = first
    return found


def _check_uses(g, fn, hidden, out_features, d, n):
    x = floats((n, d), g.fixed_seed)
    called = f"{fn}({hidden}, {out_features})"
    got = g.student(probe_lazy_uses, fn, hidden, out_features, x, seed=g.fixed_seed,
                    called=f"{called}(X) with X of shape {x.shape}, in training mode, in a tf.function, on a tape")
    check(got["frozen"] == 0, "freezes weights: a new net must be trainable.",
          f"Called `{called}(X)` with X of shape {x.shape}. Got {got['frozen']} weights outside trainable_weights, but "
          "every weight of the reference's net trains (no trainable=False).")
    assert_same(got["train"], got["eager"], headline="computes something else in training mode (training=True, "
                "as in fit) than in inference.", called=f"{called}(X, training=True) with X of shape {x.shape}",
                what="the output (Dense, ReLU, Dense: nothing depends on the mode)")
    # A model named with a leading "__" (a class __MLP) is one Keras cannot trace at all (a TensorFlow scope name
    # rule, not the student's computation): the traced check is left out for it.
    untraceable = got.get("untraceable", False)
    if isinstance(got["graph"], str) and not untraceable:
        fail("fails when traced (in predict and fit, a tf.function).",
             f"Called `tf.function({called})(X)` with X of shape {x.shape} and an unknown batch size. Got "
             f"{got['graph']}, but the reference "
             "gives its eager output: use TensorFlow/Keras ops, not numpy.")
    if not untraceable:
        assert_same(got["graph"], got["eager"], headline="computes something else when traced (in predict and fit, "
                    "a tf.function) than eagerly.", called=f"tf.function({called})(X) with X of shape {x.shape}",
                    what="the output")
    for key, what in (("dx", "X"), ("dw", "the first kernel")):
        check(got[key] is not None, "cuts the gradient on the tape.",
              f"Called `tape.gradient(reduce_sum({called}(X)), {what})` with X of shape {x.shape}. Got None, but "
              "the reference gives a gradient (no numpy, no tf.stop_gradient in the forward pass).")
        check(np.any(got[key].values != 0) or not np.any(x != 0), "cuts the gradient on the tape.",
              f"Called `tape.gradient(reduce_sum({called}(X)), {what})` with X of shape {x.shape}. Got zeros "
              "everywhere, but the reference gives a gradient.")
    a, b = got["first"]
    if a is not None and b is not None and a.shape == b.shape and np.array_equal(a.values, b.values):
        fail("starts every net with the very same weights (a fixed seed or a shared seeded initializer).",
             f"Called `{called}` twice, each on X of shape {x.shape}. Got identical first kernels, but the "
             "reference draws fresh weights for every net (no seed).")


def probe_lazy(m, fn, hidden, out_features, x, weights, every_layer):
    X = tensor(x)

    def build():
        net = getattr(m, fn)(hidden, out_features)
        if not isinstance(net, keras.layers.Layer):
            return None, {"layer": False, "type": type(net).__name__}
        layers = getattr(net, "layers", [net]) or [net]  # a model whose layers appear in build() lists none yet
        built_before = [bool(layer.weights) for layer in layers]
        early = {"layer": True, "built_before": built_before, "any_before": any(built_before),
                 "first_before": [tuple(int(d) for d in w.shape) for w in layers[0].weights]}
        if (every_layer and any(built_before)) or built_before[0]:
            return None, early  # no call: a fixed input size would only raise a shape error there
        _, order = run_recording(net, X)
        if weights is None:
            used, error = [observe(v) for v in order], ""
        else:
            used, error = weights, transfer(order, weights)
        return net, {**early, "first_shape": _kernel_shape(order), "weights": used, "transfer": error}

    # Built on the first input of this width, kept for later examples (harness.core.forward.keep).
    key = ("lazy", fn, hidden, out_features, x.ndim, x.shape[-1], weights is None, every_layer)
    net, built = forward.keep(m, "tensorflow", key, build)
    result = dict(built)
    if net is not None and not built["transfer"]:
        result["out"] = observe(net(X), "the output")
        result["again"] = observe(net(X), "the output")
    return result


def probe_defaults(m, fn, x):
    net = getattr(m, fn)()
    y, order = run_recording(net, tensor(x))
    return {"first_shape": _kernel_shape(order),
            "out_shape": tuple(int(d) for d in y.shape) if isinstance(y, tf.Tensor) else type(y).__name__}


def _grade_lazy(g, fn, every_layer):
    def infers_input_size(arch, n, seed):
        hidden, out_features, d = arch
        x = floats((n, d), seed)
        called = f"{fn}({hidden}, {out_features})"
        ref = g.reference(probe_lazy, fn, hidden, out_features, x, None, every_layer, seed=seed, called=called)
        got = g.student(probe_lazy, fn, hidden, out_features, x, ref["weights"], every_layer, seed=seed,
                        called=called)
        check(got["layer"], "does not return a Keras model.",
              f"Called `{called}`. Got a {got.get('type')}, but the reference gives a keras.Sequential.")
        if every_layer:
            check(not got["any_before"], "has layers that are built before the first call.",
                  f"Called `{called}`. Got layers with weights {got['built_before']} before any input, but the "
                  f"reference gives {[False] * len(got['built_before'])}: it creates every weight on the first "
                  "call (no input shape, no keras.Input, no build) of a net made afresh by each call of "
                  f"{fn}.")
        else:
            check(not got["built_before"][0], "builds the first layer before the first call.",
                  f"Called `{called}`. Got a first layer with weights of shapes {got['first_before']} before any "
                  "input, but the reference's has none: it infers the input size on the first call (no input "
                  f"shape, no keras.Input, no build) of a net made afresh by each call of {fn}.")
        check(got["first_shape"] == (d, hidden), "infers the wrong first kernel shape.",
              f"Called `{called}(X)` with X of shape {x.shape}. Got first kernel of shape {got['first_shape']}, "
              f"but the reference gives (d, hidden) = {(d, hidden)}.")
        if got["transfer"]:
            fail("computes a different forward pass than the reference.",
                 f"Called `{called}(X)` with X of shape {x.shape}. {got['transfer']}")
        assert_same(got["out"], ref["out"], headline="computes a different forward pass than the reference.",
                    called=f"{called}(X) with X of shape {x.shape}")
        assert_same(got["again"], ref["out"], headline="gives a different output when called again.",
                    called=f"{called}(X) twice, with X of shape {x.shape}", what="the second call's output")

    # Fixed first: one (hidden, out_features) on inputs of three widths, each a fresh net (a net made once and
    # handed out again is built for the first width only); then (hidden, out_features, input width) from a pool
    # of architectures (Context.pool), the first the fixed one, inputs drawn freely.
    for d, n in ((7, 2), (1, 3), (4, 1)):
        infers_input_size((5, 3, d), n, g.fixed_seed)
    _check_uses(g, fn, 16, 3, 6, 4)  # 16 hidden units, 4 rows: a dropout shows, a zero gradient does not hide
    g.for_all(arch=g.pool((5, 3, 7), lambda r: (size(r), size(r), size(r))), n=batches, seed=seeds)(
        infers_input_size)

    x = floats((2, 3), g.fixed_seed)
    called = f"{fn}()(X) with X of shape (2, 3)"
    got = g.student(probe_defaults, fn, x, seed=g.fixed_seed, called=called)
    check(got["first_shape"] == (3, 256) and got["out_shape"] == (2, 10),
          "has the wrong defaults: hidden=256, out_features=10.",
          f"Called `{called}`. Got first kernel of shape {got['first_shape']} and output of shape "
          f"{got['out_shape']}, but the reference gives (3, 256) and (2, 10).")


@grader("lazy_mlp")
def lazy_mlp(g):
    _grade_lazy(g, "lazy_mlp", every_layer=False)


@grader("all_lazy_mlp")
def all_lazy_mlp(g):
    _grade_lazy(g, "all_lazy_mlp", every_layer=True)


class SubclassedMLP(keras.Model):
    """A lazy MLP written as a subclassed model: ``Model.build(shape)`` creates none of its layers' weights.

    (A plain class name: Keras names an instance after it, and a name with a leading underscore, ``__subclassed_mlp``,
    is one ``predict()`` rejects.)"""

    def __init__(self, hidden, out_features, **kwargs):
        super().__init__(**kwargs)
        self.first = keras.layers.Dense(hidden)
        self.head = keras.layers.Dense(out_features)

    def call(self, X):
        return self.head(tf.tanh(self.first(X)))


def _materialize_net(kind, hidden, out_features):
    if kind == "subclassed":
        return SubclassedMLP(hidden, out_features)
    return keras.Sequential([keras.layers.Dense(hidden, activation="tanh"), keras.layers.Dense(out_features)])


def _describe_net(kind, hidden, out_features):
    if kind == "subclassed":
        return f"SubclassedMLP({hidden}, {out_features}) (a subclassed keras.Model: Dense, tanh, Dense)"
    return f"Sequential([Dense({hidden}, tanh), Dense({out_features})])"


def probe_materialize(m, kind, hidden, out_features, d, x):
    """``m.materialize(net, d)`` on a fresh net: what it returns, the weight shapes of each layer, then whether the
    net is still a usable model: its trainable weights, and its output on ``x`` twice once its weights hold values
    fixed by the architecture (the same on both sides)."""
    net = _materialize_net(kind, hidden, out_features)
    layers = [net.first, net.head] if kind == "subclassed" else list(net.layers)
    result = m.materialize(net, d)
    found = {"same": result is net, "type": type(result).__name__,
             "shapes": [[tuple(int(s) for s in w.shape) for w in layer.weights] for layer in layers]}
    if not found["same"] or [] in found["shapes"]:
        return found
    rng = np.random.default_rng(random.Random(repr((kind, hidden, out_features, d))).getrandbits(32))
    for layer in layers:
        for w in layer.weights:
            w.assign(rng.standard_normal(tuple(w.shape)).astype("float32"))
    X = tensor(x)
    found["trainable"] = sorted(tuple(int(s) for s in w.shape) for w in net.trainable_weights)
    found["out"] = [observe(net(X), "the output"), observe(net(X), "the output")]
    return found


_EDGE_NET = ("Sequential([Dense(4, relu, kernel_initializer=Constant(0.5)), BatchNormalization(), Dense(2, "
             "bias_initializer=Constant(0.25))])")


def probe_materialize_edges(m):
    """``m.materialize(net, 3)`` on a net with its own initializers and a BatchNormalization, then once more after
    every weight is set to 0.75: every weight after each call (compared in the grader)."""
    net = keras.Sequential([
        keras.layers.Dense(4, activation="relu", kernel_initializer=keras.initializers.Constant(0.5)),
        keras.layers.BatchNormalization(),
        keras.layers.Dense(2, bias_initializer=keras.initializers.Constant(0.25))])
    m.materialize(net, 3)
    first = [(w.path.split("/")[-1], observe(w)) for layer in net.layers for w in layer.weights]
    for w in net.weights:
        w.assign(np.full(tuple(w.shape), 0.75, dtype="float32"))
    m.materialize(net, 3)
    return {"first": first, "second": [(w.path.split("/")[-1], observe(w)) for layer in net.layers
                                       for w in layer.weights]}


def _check_materialize_edges(g):
    got = g.student(probe_materialize_edges, seed=g.fixed_seed, called=f"materialize({_EDGE_NET}, 3), twice")
    called = f"materialize({_EDGE_NET}, 3)"
    want = {0: {"kernel": 0.5, "bias": 0.0}, 1: {"gamma": 1.0, "beta": 0.0, "moving_mean": 0.0,
                                                  "moving_variance": 1.0}, 2: {"bias": 0.25}}
    names = [name for name, _ in got["first"]]
    check(len(names) == 8, "leaves layers unbuilt.",
          f"Called `{called}`. Got weights {names}, but the reference creates all 8 (2 + 4 + 2).")
    layer_of = [0, 0, 1, 1, 1, 1, 2, 2]
    for k, (name, obs) in zip(layer_of, got["first"]):
        value = want[k].get(name)
        if value is not None and not np.all(obs.values == value):
            what = ("the BatchNormalization statistics change: the dry run must be an inference call "
                    "(training=False), not a training step" if k == 1 else
                    "the net's own initializers are not the ones used")
            fail(f"changes the net it materializes ({what}).",
                 f"Called `{called}`. Got net.layers[{k}].{name} with {stats.describe(obs.values)}, but the "
                 f"reference gives {value:g} everywhere.")
    for k, (name, obs) in zip(layer_of, got["second"]):
        if not np.all(obs.values == 0.75):
            fail("changes the weights of a net that is already built.",
                 f"Called `{called}`, set every weight to 0.75, then called `materialize(net, 3)` again. Got "
                 f"net.layers[{k}].{name} with {stats.describe(obs.values)}, but the reference leaves 0.75 "
                 "everywhere: materialize only creates missing weights.")


def probe_materialize_more(m, d):
    """``m.materialize`` on a subclassed model after ``build((None, d))`` (built, but its layers have no weights), on
    a net built already (what it returns), and on two fresh nets (their first kernels, compared in the grader)."""
    after_build = SubclassedMLP(4, 2)
    after_build.build((None, d))
    m.materialize(after_build, d)
    prebuilt = _materialize_net("sequential", 4, 2)
    prebuilt(tf.zeros((1, d)))
    returned = m.materialize(prebuilt, d)
    twins = [_materialize_net("sequential", 4, 2) for _ in range(2)]
    for net in twins:
        m.materialize(net, d)
    return {"after_build": [len(layer.weights) for layer in (after_build.first, after_build.head)],
            "prebuilt_same": returned is prebuilt, "prebuilt_type": type(returned).__name__,
            "twins": [observe(net.layers[0].kernel) if net.layers[0].weights else None for net in twins]}


def _check_materialize_more(g):
    d = 3
    got = g.student(probe_materialize_more, d, seed=g.fixed_seed, called=f"materialize(net, {d})")
    check(got["after_build"] == [2, 2], "skips a net that says it is built but has no weights.",
          f"Called `materialize(net, {d})` on a subclassed keras.Model after net.build((None, {d})). Got weights per "
          f"layer {got['after_build']}, but the reference creates all of them [2, 2]: build(shape) marks a "
          "subclassed model built without building its layers, so net.built says nothing; call the net.")
    check(got["prebuilt_same"], "does not return a net that was built already.",
          f"Called `materialize(net, {d})` on a Sequential built before. Got {article(got['prebuilt_type'])}, but the "
          "reference returns `net` itself, built or not.")
    first, second = got["twins"]
    check(first is None or second is None or first.shape != second.shape
          or not np.array_equal(first.values, second.values), "gives every net the same weights.",
          f"Called `materialize(net, {d})` on two fresh nets of one architecture. Got the same first kernel in "
          "both, but each reference net draws its own: do not seed (keras.utils.set_random_seed) in materialize.")


@grader("materialize")
def materialize(g):
    _check_materialize_edges(g)
    _check_materialize_more(g)
    def every_weight_exists(kind, arch, seed):
        hidden, out_features, d = arch
        called = f"materialize({_describe_net(kind, hidden, out_features)}, {d})"
        x = floats((3, d), seed)
        got, ref = g.both(probe_materialize, kind, hidden, out_features, d, x, seed=seed, called=called)
        check(got["same"], "does not return the net it was given.",
              f"Called `{called}`. Got a {got['type']}, but the reference returns `net` itself.")
        check(got["shapes"] == ref["shapes"], "leaves layers unbuilt or infers wrong shapes.",
              f"Called `{called}`. Got weight shapes per Dense layer {got['shapes']} ([]: not built), but the "
              f"reference gives {ref['shapes']}. "
              + ("Call the net once on a dummy batch: `build(shape)` on a subclassed model builds none of its "
                 "layers, and building layers one by one leaves out what each next layer's input size is."
                 if [] in got["shapes"] else
                 "Each layer's input size comes from the layer before it: call the net once on a batch of shape "
                 "(1, in_features)."))
        check(got["trainable"] == ref["trainable"], "returns a net that can no longer be trained.",
              f"Called `{called}`, then `net.trainable_weights`. Got weights of shapes {got['trainable']}, but the "
              f"reference gives {ref['trainable']} (sorted): materialize creates the weights and leaves the net as "
              "it was (no trainable=False, nothing removed).")
        for k, (a, b) in enumerate(zip(got["out"], ref["out"])):
            assert_same(a, b, headline="returns a net that computes something else than the net it was given.",
                        called=f"{called}, then net(X) {'once' if k == 0 else 'again'} with X of shape {x.shape}",
                        what="output")

    for kind in ("sequential", "subclassed"):  # both kinds, whatever Hypothesis draws
        every_weight_exists(kind, (3, 2, 5), g.fixed_seed)
    # Every example builds a net: one more architecture per run (Context.pool), both kinds.
    g.for_all(kind=st.sampled_from(["sequential", "subclassed"]),
              arch=g.pool(None, lambda r: (size(r), size(r), size(r))), seed=st.just(g.fixed_seed))(
        every_weight_exists)
