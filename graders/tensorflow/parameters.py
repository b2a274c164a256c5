"""Graders for tensorflow/parameters.py (d2l 6.2 Parameter Management, Keras 3)."""

from __future__ import annotations

import math

import keras
import numpy as np
import tensorflow as tf
from hypothesis import strategies as st

from harness.api import (TensorObs, assert_equal, assert_same, batches, check, compare_forward, fail, floats,
                        forward, grader, ordinal, seeds, size, sizes, stats)
from harness.frameworks.tf_glue import observe, run_recording, tensor, transfer_by_use, weight_records, weight_value

# ---------------------------------------------------------------- access


def _two_dense(a, b, c, norm, tied=False, dropout=False, nested=False):
    layers = [keras.layers.Dense(b, activation="relu")]
    if dropout:  # a random layer: no weights, but a seed generator's state among its variables
        layers.append(keras.layers.Dropout(0.5))
    if tied:  # one Dense(b) object twice: net.layers lists it twice, net.weights its variables once
        shared = keras.layers.Dense(b, activation="relu")
        layers += [shared, shared]
    if norm:
        layers.append(keras.layers.BatchNormalization())  # non-trainable moving statistics
    if nested:  # one layer that is a block: its .weights are BatchNormalization's four, then the Dense's two
        layers.append(keras.Sequential([keras.layers.BatchNormalization(), keras.layers.Dense(c)]))
    else:
        layers.append(keras.layers.Dense(c))
    net = keras.Sequential(layers)
    net(tf.zeros((1, a)))
    return net


def _net_text(a, b, c, norm, tied=False, dropout=False, nested=False):
    shared = ("Dropout(0.5), " if dropout else "") + ("shared, shared, " if tied else "")
    mid = "BatchNormalization(), " if norm else ""
    where = f" with shared = Dense({b}, relu)" if tied else ""
    last = f"Sequential([BatchNormalization(), Dense({c})])" if nested else f"Dense({c})"
    return f"Sequential([Dense({b}, relu), {shared}{mid}{last}]){where} built on ({a},)-inputs"


nets = st.tuples(sizes, sizes, sizes, st.booleans())
# Run first by the access graders: BatchNormalization (non-trainable weights) and distinct sizes in one small net.
_FIXED_NET = (3, 4, 2, True)
# layer_weights also on nets holding one layer twice (fixed: that one, with BatchNormalization after it).
tied_nets = st.tuples(sizes, sizes, sizes, st.booleans(), st.booleans())
_FIXED_TIED = (3, 4, 2, True, True)
# And a net with a Dropout: its .weights are empty, its .variables hold the seed generator's state.
_FIXED_DROPOUT = (3, 4, 2, False, False, True)
# And a net whose last layer is a block holding BatchNormalization, then Dense (non-trainable variables first).
_FIXED_NESTED = (3, 4, 2, False, False, False, True)


def _shapes(items):
    return [tuple(int(d) for d in np.shape(x)) for x in items]


def probe_layer_weights(m, spec):
    """``m.layer_weights(net, i)`` for every layer ``i`` of one net: identity, count, values, shapes.

    The expected side is the contract's definition, ``net.layers[i].weights`` of the same net (one Keras
    build per example instead of two).
    """
    net = _two_dense(*spec)
    out = []
    for i, layer in [*enumerate(net.layers), (-1, net.layers[-1])]:  # and the last layer as -1
        want = layer.weights
        expected = {"want_count": len(want), "want_shapes": _shapes(want), "index": i}
        result = m.layer_weights(net, i)
        try:
            items = list(result)
            shapes = _shapes(items)
        except (TypeError, ValueError):
            out.append({"type": type(result).__name__, "count": -1, "same": False, "equal": False, "shapes": None,
                        **expected})
            continue
        same_count = len(items) == len(want)
        out.append({"type": type(result).__name__, "count": len(items), "shapes": shapes, **expected,
                    "same": same_count and all(a is b for a, b in zip(items, want)),
                    "equal": same_count and all(np.array_equal(np.asarray(a), np.asarray(b))
                                                for a, b in zip(items, want))})
    return out


@grader("layer_weights")
def layer_weights(g):
    def the_variables_themselves(spec, seed):
        got = g.student(probe_layer_weights, spec, seed=seed,
                        called=f"layer_weights(net, i) for each i, net = {_net_text(*spec)}")
        for x in got:
            if x["same"]:
                continue
            i = x["index"]
            called = f"layer_weights({_net_text(*spec)}, {i})"
            if x["shapes"] is None:
                fail("does not return a list of variables.",
                     f"Called `{called}`. Got a {x['type']}, but the reference gives net.layers[{i}].weights, "
                     f"a list of {x['want_count']} variables.")
            check(x["count"] == x["want_count"], "returns the wrong number of weights.",
                  f"Called `{called}`. Got {x['count']} weights of shapes {x['shapes']}, but the reference gives "
                  f"{x['want_count']} of shapes {x['want_shapes']} (net.layers[{i}].weights).")
            if x["equal"]:
                fail("returns copies, not the variables themselves.",
                     f"Called `{called}`. Got a {x['type']} whose values equal net.layers[{i}].weights, but not the "
                     "variables: get_weights() and .numpy() give copies that do not follow later changes.")
            assert_equal(x["shapes"], x["want_shapes"], headline="returns the wrong layer's weights.", called=called,
                         what="weights of shapes")
            fail("returns the wrong layer's weights.",
                 f"Called `{called}`. Got weights of the right shapes {x['shapes']}, but they are not the variables "
                 f"of net.layers[{i}] (net.layers[{i}].weights).")

    the_variables_themselves(_FIXED_TIED, g.fixed_seed)
    the_variables_themselves(_FIXED_NESTED, g.fixed_seed)
    the_variables_themselves(_FIXED_NET, g.fixed_seed)
    the_variables_themselves(_FIXED_DROPOUT, g.fixed_seed)
    g.for_all(spec=tied_nets, seed=seeds)(the_variables_themselves)


def probe_weight_shapes(m, spec):
    """The shapes ``m.weight_shapes`` lists, and (the contract's definition) those of ``net.weights``."""
    net = _two_dense(*spec)
    want = _shapes(net.weights)
    result = m.weight_shapes(net)
    try:
        items = list(result)
        shapes = [tuple(int(d) for d in s) for s in items]
    except (TypeError, ValueError):
        return {"ok": False, "type": type(result).__name__, "want": want}
    # The types are checked here: the wire between an isolated worker and the grader may not keep them.
    odd = [type(s).__name__ for s in items if not isinstance(s, tuple)]
    return {"ok": True, "shapes": shapes, "want": want, "type": type(result).__name__, "not_tuples": odd,
            "list": isinstance(result, list)}


def probe_shapes_before_and_after_build(m):
    """``weight_shapes`` of one Sequential before it is built (no weights yet) and after its first call."""
    net = keras.Sequential([keras.layers.Dense(4), keras.layers.Dense(2)])
    before = [tuple(int(d) for d in s) for s in m.weight_shapes(net)]
    net(tf.zeros((1, 3)))
    return {"before": before, "after": [tuple(int(d) for d in s) for s in m.weight_shapes(net)],
            "want": _shapes(net.weights)}


@grader("weight_shapes")
def weight_shapes(g):
    called = "weight_shapes(net) on Sequential([Dense(4), Dense(2)]) before its first call, then after net(X)"
    got = g.student(probe_shapes_before_and_after_build, seed=g.fixed_seed, called=called)
    assert_equal(got["after"], got["want"], headline="does not follow the net: its shapes are from an earlier call.",
                 called=f"{called} with X of shape (1, 3)", what="shapes after the first call")
    def same_shapes(spec, seed):
        called = f"weight_shapes({_net_text(*spec)})"
        got = g.student(probe_weight_shapes, spec, seed=seed, called=called)
        check(got["ok"], "does not return a list of shapes.",
              f"Called `{called}`. Got a {got.get('type')}, but the reference gives {got['want']}.")
        assert_equal(got["shapes"], got["want"], headline="does not list net.weights' shapes in order.",
                     called=called, what="shapes")
        check(got["list"], "does not return a list.",
              f"Called `{called}`. Got a {got['type']}, but the reference gives a list (one shape per variable "
              "of net.weights).")
        odd = got["not_tuples"]
        check(not odd, "lists shapes that are not tuples.",
              f"Called `{called}`. Got {len(odd)} of {len(got['shapes'])} shapes of type {odd[0] if odd else ''}, "
              "but the reference gives each shape as a tuple of ints.")

    same_shapes(_FIXED_NET, g.fixed_seed)
    same_shapes(_FIXED_TIED, g.fixed_seed)  # one layer twice: net.weights lists its variables once
    same_shapes(_FIXED_DROPOUT, g.fixed_seed)  # net.weights leaves out the Dropout's seed state
    g.for_all(spec=nets, seed=seeds)(same_shapes)


def _deep(depth, width, use_bias=True):
    if depth == 0:
        return keras.layers.Dense(width, use_bias=use_bias)
    return keras.Sequential([_deep(depth - 1, width, use_bias), keras.layers.ReLU(),
                             keras.layers.Dense(width, use_bias=use_bias)])


def _dense_paths(layer, prefix=()):
    """The ``.layers`` index paths of every Dense in nested Sequentials (the grader's own nets)."""
    if isinstance(layer, keras.Sequential):
        return [path for i, child in enumerate(layer.layers) for path in _dense_paths(child, prefix + (i,))]
    return [prefix] if isinstance(layer, keras.layers.Dense) else []


def probe_nested_weight(m, depth, width, use_bias=True):
    """``m.nested_weight(net, path, name)`` for every Dense path of one net and both names."""
    net = _deep(depth, width, use_bias)
    net(tf.zeros((1, width)))
    out = []
    for path in _dense_paths(net):
        target = net
        for i in path:
            target = target.layers[i]
        for name in ("kernel", "bias"):
            want = getattr(target, name)
            got = m.nested_weight(net, path, name)
            out.append({"path": list(path), "name": name, "same": got is want, "type": type(got).__name__,
                        "equal": want is not None and hasattr(got, "shape") and tuple(got.shape) == tuple(want.shape)
                        and np.array_equal(np.asarray(got), np.asarray(want))})
    return out


@grader("nested_weight")
def nested_weight(g):
    def the_variable_itself(arch, seed, use_bias=True):
        depth, width = arch
        dense = f"Dense({width}{'' if use_bias else ', use_bias=False'})"
        net = f"{depth}-deep nested Sequentials of {dense}" if depth else f"net = {dense} itself"
        every = f"nested_weight(net, path, name) for every Dense path, on {net}"
        for got in g.student(probe_nested_weight, depth, width, use_bias, seed=seed, called=every):
            if got["same"]:
                continue
            path, name = tuple(got["path"]), got["name"]
            called = f"nested_weight(net, {path}, {name!r}) on {net}"
            expected = f"net{''.join(f'.layers[{i}]' for i in path)}.{name}"
            if not use_bias and name == "bias":
                expected += " (None: the Dense has no bias)"
            if got["equal"]:
                fail("returns a copy, not the variable itself.",
                     f"Called `{called}`. Got a {got['type']} with the right values, but the reference gives the "
                     f"variable {expected} itself (no .numpy(), tf.identity or get_weights()).")
            fail("returns the wrong weight.",
                 f"Called `{called}`. Got a {got['type']} that is not {expected}, which the reference gives.")

    # Fixed first: the empty path (the net is the Dense itself); then (depth, width) from a pool (Context.pool), the
    # first two deep and wider than 1.
    the_variable_itself((0, 3), g.fixed_seed)
    g.for_all(arch=g.pool((2, 3), lambda r: (r.randint(1, 3), size(r))), seed=seeds)(the_variable_itself)


def probe_rgnet_names(m, firsts=True):
    b2 = m.block2()
    net = m.rgnet()  # names and layers are set when it is made: no build needed (the forward check builds it)
    inner = net.layers[0] if getattr(net, "layers", None) else None
    # block2 built once (the implementation's only): its blocks' first kernels, compared in the grader (four fresh
    # blocks start different)
    if not firsts:
        return {"children": [layer.name for layer in b2.layers],
                "in_rgnet": [layer.name for layer in getattr(inner, "layers", [])], "structure": _structure(net)}
    firsts = []
    try:
        b2(tf.zeros((1, 4)))
        firsts = [observe(block.weights[0]) for block in b2.layers if getattr(block, "weights", None)]
    except Exception:  # noqa: BLE001 - a block2 that cannot take (1, 4) inputs is reported by the forward check
        pass
    return {"children": [layer.name for layer in b2.layers],
            "in_rgnet": [layer.name for layer in getattr(inner, "layers", [])],
            "structure": _structure(net), "firsts": firsts}


def _structure(layer):
    """Layer types and sizes, nested, without Keras' counter-carrying names."""
    if hasattr(layer, "layers"):
        return [type(layer).__name__, [_structure(child) for child in layer.layers]]
    return [type(layer).__name__, getattr(layer, "units", None), getattr(getattr(layer, "activation", None),
                                                                        "__name__", None)]


@grader("rgnet")
def rgnet(g):
    ref = g.reference(probe_rgnet_names, False, seed=g.fixed_seed, called="block2()")
    got = g.student(probe_rgnet_names, seed=g.fixed_seed, called="block2()")
    assert_equal(got["children"], ref["children"], headline="names its blocks unlike the book.",
                 called="[layer.name for layer in block2().layers]", what="names")
    assert_equal(got["in_rgnet"], ref["in_rgnet"], headline="names the blocks inside rgnet() unlike the book.",
                 called="[layer.name for layer in rgnet().layers[0].layers]", what="names")
    assert_equal(got["structure"], ref["structure"], headline="is built differently from the book's rgnet.",
                 called="rgnet()", what="layers (type, units, activation)")
    firsts = got["firsts"]
    if len(firsts) > 1 and all(f.shape == firsts[0].shape and np.array_equal(f.values, firsts[0].values)
                               for f in firsts[1:]):
        fail("starts every block with the very same weights (a fixed seed).",
             f"Called `block2()` on X of shape (1, 4). Got the same first kernel in all {len(firsts)} blocks, but "
             "the reference draws fresh weights for every Dense (no seed).")

    @g.for_all(n=batches, seed=seeds)
    def forward_matches(n, seed):
        compare_forward(g, "rgnet", inputs=[floats((n, 4), seed)], seed=seed)


# ---------------------------------------------------------------- initializers

FAN_IN, FAN_OUT = 300, 256  # non-square, >= 256 x 256 (the units' rules)


def probe_initializer(m, factory, args, shape, dtype, floatx=None, again=False):
    """One call of a fresh initializer; with ``again``, a second fresh one on the same call and the first one once
    more on a small float64 shape (the values are compared in the grader); ``floatx``: Keras' float type meanwhile."""
    init = getattr(m, factory)(*args)
    kind = {"type": type(init).__name__, "initializer": isinstance(init, keras.initializers.Initializer),
            "class": isinstance(init, type), "callable": callable(init)}
    if kind["class"] or not kind["callable"]:
        return kind
    before = keras.backend.floatx()
    if floatx:
        keras.backend.set_floatx(floatx)
    try:
        values = init(shape, dtype=dtype) if dtype is not None else init(shape)
    finally:
        keras.backend.set_floatx(before)
    found = {**kind, "values": observe(values, "the values")}
    if again:
        other = getattr(m, factory)(*args)
        found["fresh"] = observe(other(shape, dtype=dtype), "the values")
        found["small"] = observe(init(_SMALL, dtype="float64"), "the values")
    return found


def _init_values(g, factory, args=(), shape=(FAN_IN, FAN_OUT), dtype="float32", *, subclass=False, floatx=None,
                 again=False):
    """Call the initializer the unit returns (``MyInit()`` for ``factory == "MyInit"``) once; its values.

    Keras accepts any callable ``init(shape, dtype=None)`` as an initializer; ``subclass`` requires a
    ``keras.initializers.Initializer`` (MyInit, by the contract).
    """
    made = f"{factory}({', '.join(map(repr, args))})"
    called = f"{made}({shape}" + (f", dtype={dtype!r})" if dtype is not None else ")")
    if floatx:
        called += f" with keras.backend.floatx() = {floatx!r}"
    got = g.student(probe_initializer, factory, args, shape, dtype, floatx, again, seed=g.fixed_seed, called=called)
    check(not got["class"], "returns an initializer class, not an initializer.",
          f"Called `{made}`. Got the class {got['type']}, but the reference gives an instance: add the "
          "parentheses, e.g. keras.initializers.RandomNormal(...).")
    check(got["callable"], "does not return an initializer.",
          f"Called `{made}`. Got a {got['type']}, but the reference gives a keras.initializers.Initializer "
          "(anything called as init(shape, dtype) and returning a tensor).")
    if subclass:
        check(got["initializer"], "is not a keras.initializers.Initializer.",
              f"Called `{made}`. Got a {got['type']}, but the reference gives a subclass of "
              "keras.initializers.Initializer.")
    v = got["values"]
    want_dtype = dtype or floatx or keras.backend.floatx()
    assert_equal(v.shape, tuple(shape), headline="draws the wrong shape.", called=called, what="shape")
    assert_equal(v.dtype, want_dtype, headline="ignores the dtype it is called with." if dtype else
                 "does not default to Keras' float type (keras.backend.floatx()) when called without a dtype.",
                 called=called, what="dtype")
    if again:
        small = got["small"]
        again_called = f"{made}: init = {made}; init({shape}, dtype={dtype!r}), then init({_SMALL}, dtype='float64')"
        assert_equal(small.shape, _SMALL, headline="returns the same tensor again whatever shape a later call asks "
                     "for.", called=again_called, what="shape of the second call")
        assert_equal(small.dtype, "float64", headline="returns the same tensor again whatever dtype a later call "
                     "asks for.", called=again_called, what="dtype of the second call")
    return called, v.values



def probe_two_draws(m, factory, shape):
    """Two initializers from the factory, each called once on ``shape`` (float32)."""
    first, second = getattr(m, factory)(), getattr(m, factory)()
    return [observe(init(shape, dtype="float32"), "the values") for init in (first, second)]


def _draws_anew(g, factory, shape=(6, 5)):
    """Each initializer the factory makes draws values of its own: layers given ``factory()`` each start
    differently, as with the reference (a fixed seed repeats one tensor for every initializer made)."""
    called = f"a = {factory}(); b = {factory}(); a({shape}, dtype='float32'); b({shape}, dtype='float32')"
    a, b = g.student(probe_two_draws, factory, shape, seed=g.fixed_seed, called=called)
    check(not (a.shape == b.shape and np.array_equal(a.values, b.values)),
          "draws the same values from every initializer it makes.",
          f"Called `{called}`. Got the same tensor twice, but each of the reference's initializers draws its own "
          "values, so two layers given one each start differently: leave out the fixed seed (a seeded initializer, "
          "or a stateless op with a fixed seed, repeats its values).")


def _expect(called, problem, values):
    if problem:
        fail(f"draws the wrong values: {problem}.", f"Called `{called}`. Got {stats.describe(values)}.")


# Initializers are called in float32 and float64 on the graded shape, and in float16 on a small one (Keras' own
# initializers honour every float dtype they are called with; a variable of that dtype gets those values).
_SMALL = (4, 3)


@grader("normal_init")
def normal_init(g):
    for dtype in ("float32", "float64"):
        called, v = _init_values(g, "normal_init", dtype=dtype)
        _expect(called, stats.normal_problem(v, 0.0, 0.01), v)
    _init_values(g, "normal_init", shape=_SMALL, dtype="float16")
    _draws_anew(g, "normal_init")


# A conv kernel (height, width, in channels, out channels): Glorot's fans are 3 * 3 * 64 and 3 * 3 * 96.
CONV_KERNEL = (3, 3, 64, 96)


@grader("xavier_init")
def xavier_init(g):
    for dtype in ("float32", "float64"):
        called, v = _init_values(g, "xavier_init", dtype=dtype)
        bound = math.sqrt(6.0 / (FAN_IN + FAN_OUT))
        _expect(called, stats.uniform_problem(v, -bound, bound), v)
    field = math.prod(CONV_KERNEL[:-2])
    fan_in, fan_out = field * CONV_KERNEL[-2], field * CONV_KERNEL[-1]
    called, v = _init_values(g, "xavier_init", shape=CONV_KERNEL)
    problem = stats.uniform_problem(v, -math.sqrt(6.0 / (fan_in + fan_out)), math.sqrt(6.0 / (fan_in + fan_out)))
    if problem:
        fail(f"draws the wrong values for a conv kernel: {problem}.",
             f"Called `{called}`. Got {stats.describe(v)}; for a kernel of shape {CONV_KERNEL} Glorot's fan_in is "
             f"3 * 3 * 64 = {fan_in} and fan_out 3 * 3 * 96 = {fan_out} (the receptive field times the channels), "
             "not shape[0] and shape[1].")
    _init_values(g, "xavier_init", shape=_SMALL, dtype="float16")
    _draws_anew(g, "xavier_init")


# Every value on one small non-square shape (cheap: no model); the int catches a fill in the value's own dtype.
_CONSTANTS = (0.0, 1.0, 42.0, -3.5, 0.25, 2)


@grader("constant_init")
def constant_init(g):
    cases = [(value, "float32") for value in _CONSTANTS] + [(value, dtype) for dtype in ("float64", "float16")
                                                             for value in (-3.5, 2)]
    for value, dtype in cases:
        called, v = _init_values(g, "constant_init", (value,), shape=(3, 5), dtype=dtype, again=dtype == "float16")
        if not np.all(v == value):
            fail("does not fill every entry with the value.",
                 f"Called `{called}`. Got {stats.describe(v)}, but the reference gives {value:g} everywhere.")


@grader("MyInit")
def my_init(g):
    for dtype in ("float32", "float64"):
        called, v = _init_values(g, "MyInit", dtype=dtype, subclass=True)
        _expect(called, stats.my_init_problem(v), v)
    for dtype in ("float16", None):  # None: Keras' float type, as for every built-in initializer
        _init_values(g, "MyInit", shape=(4, 3), dtype=dtype, subclass=True)
    _init_values(g, "MyInit", shape=(4, 3), dtype=None, subclass=True, floatx="float64")
    for shape in ((7,), (3, 3, 2, 5)):  # a bias, a conv kernel: an initializer serves any shape
        _init_values(g, "MyInit", shape=shape, subclass=True)
    _draws_anew(g, "MyInit")


def _children(layer, where):
    """[(label, sub-layer)] of a layer holding others: ``.layers`` of models; of a plain layer, the layers its
    public attributes hold (as the grader's own nets hold them), labelled by the attribute."""
    if hasattr(layer, "layers"):
        return [(f"{where}.layers[{i}]", child) for i, child in enumerate(layer.layers)]
    return [(f"{where}.{attr}", value) for attr, value in vars(layer).items()
            if not attr.startswith("_") and isinstance(value, keras.layers.Layer)]


def _labelled(net, prefix="net"):
    """[(label, variable, in a Dense)] for every weight of ``net``, labelled by where it sits
    (``net.layers[2].layers[0].kernel``, ``net.layers[3].inner.kernel``)."""
    out = []
    for where, layer in _children(net, prefix):
        children = [] if isinstance(layer, keras.layers.Dense) else _children(layer, where)
        if children:
            out += _labelled(layer, where)
        else:
            dense = isinstance(layer, keras.layers.Dense)
            out += [(f"{where}.{w.path.split('/')[-1]}", w, dense) for w in layer.weights]
    return out


class DenseInside(keras.layers.Layer):
    """A plain Keras layer holding a Dense (no ``.layers``): apply_init re-initialises every built Dense."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.inner = keras.layers.Dense(units)

    def call(self, X):
        return tf.nn.relu(self.inner(X))


class DenseModel(keras.Model):
    """A subclassed model holding a Dense."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.proj = keras.layers.Dense(units)

    def call(self, X):
        return self.proj(X)


_APPLY_NET = ("Sequential([Dense(5, relu), LayerNormalization(), Sequential([Dense(7) (frozen: trainable=False), "
              "ReLU()]), DenseInside(6) (a "
              "keras.layers.Layer holding Dense(6) as `inner`), DenseModel(4) (a keras.Model holding Dense(4)), "
              "Reshape((4, 1, 1)), Conv2D(2, 1), Flatten(), Dense(3)])")


def probe_apply_init(m):
    """One net, ``m.apply_init`` run on it twice, with and without bias_init (every weight set to fresh values
    before each): every weight before and after, and whether the variables stayed the same objects."""
    frozen = keras.layers.Dense(7)
    frozen.trainable = False  # a frozen Dense is still a built Dense: re-initialised too
    inner = keras.Sequential([frozen, keras.layers.ReLU()])
    net = keras.Sequential([keras.layers.Dense(5, activation="relu"), keras.layers.LayerNormalization(), inner,
                            DenseInside(6), DenseModel(4), keras.layers.Reshape((4, 1, 1)),
                            keras.layers.Conv2D(2, 1), keras.layers.Flatten(), keras.layers.Dense(3)])
    net(tf.zeros((2, 4)))
    labelled = _labelled(net)
    rng = np.random.default_rng(0)
    found = []
    for with_bias in (True, False):
        for _, w, _ in labelled:  # Keras starts biases at 0 and LayerNorm at 1 / 0: make "set it to zero" visible
            w.assign(rng.uniform(0.5, 1.5, tuple(w.shape)).astype("float32"))
        before = list(net.weights)
        values_before = [observe(w) for _, w, _ in labelled]
        kernel_init = keras.initializers.Constant(3.0)
        bias_init = keras.initializers.Constant(-1.0) if with_bias else None
        m.apply_init(net, kernel_init, bias_init)
        after = list(net.weights)
        old = {id(w) for w in before}
        found.append({"n_before": len(before), "n_after": len(after), "new": sum(id(w) not in old for w in after),
                      "labels": [label for label, _, _ in labelled], "dense": [dense for _, _, dense in labelled],
                      "before": values_before, "after": [observe(w) for _, w, _ in labelled]})
        if found[-1]["new"]:
            break  # the labelled variables are no longer the net's
    return found


def probe_apply_init_edges(m):
    """``m.apply_init(net, Constant(3.0), Constant(-1.0))`` on a small built net: what it returns, whether it raises,
    the first kernel after."""
    found = {}
    for kind in ("built",):
        net = keras.Sequential([keras.layers.Dense(3), keras.layers.Dense(2)])
        net(tf.zeros((1, 2)))
        try:
            result = m.apply_init(net, keras.initializers.Constant(3.0), keras.initializers.Constant(-1.0))
        except NotImplementedError:
            raise  # a stub: reported as such by the harness
        except Exception as e:  # reported by the grader, with the net it was given
            found[kind] = {"error": f"{type(e).__name__}: {e}"[:300]}
            continue
        found[kind] = {"error": "", "returned": result is net, "type": type(result).__name__,
                       "kernel": observe(net.layers[0].kernel) if kind == "built" else None}
    return found


_EDGE_NETS = {"built": "net = Sequential([Dense(3), Dense(2)]) built on (2,)-inputs"}


@grader("apply_init")
def apply_init(g):
    on = " and on ".join(_EDGE_NETS.values())
    edges = g.student(probe_apply_init_edges, seed=g.fixed_seed,
                      called=f"apply_init(net, Constant(3.0), Constant(-1.0)) on {on}")
    for kind, got in edges.items():
        called = f"apply_init(net, Constant(3.0), Constant(-1.0)) on {_EDGE_NETS[kind]}"
        why = "every Dense is re-initialized"
        check(not got["error"], "raises on a net it must handle.", f"Called `{called}`. Got {got['error']}, but "
                                                                    f"the reference returns net ({why}).")
        check(got["returned"], "does not return the net.",
              f"Called `{called}`. Got a {got['type']}, but the reference returns net itself.")
        if kind == "built" and not np.all(got["kernel"].values == 3.0):
            fail("does not re-initialise `net.layers[0].kernel` in place.",
                 f"Called `{called}`. Got net.layers[0].kernel with {stats.describe(got['kernel'].values)}, but the "
                 "reference gives 3 everywhere.")
    both = (f"apply_init(net, Constant(3.0), Constant(-1.0)), then apply_init(net, Constant(3.0), None) on "
            f"net = {_APPLY_NET}")
    for with_bias, got in zip((True, False), g.student(probe_apply_init, seed=g.fixed_seed, called=both)):
        bias = "Constant(-1.0)" if with_bias else "None"
        called = f"apply_init(net, Constant(3.0), {bias}) on net = {_APPLY_NET}"
        check(got["new"] == 0 and got["n_after"] == got["n_before"],
              "replaces variables instead of assigning to them.",
              f"Called `{called}`. Got {got['n_after']} variables in net.weights, {got['new']} of them new objects, "
              f"but the reference keeps the same {got['n_before']} variables and assigns to them "
              "(variable.assign(...)), so an optimizer or a tied layer holding them sees the new values.")
        for label, is_dense, b, a in zip(got["labels"], got["dense"], got["before"], got["after"]):
            kind = label.rsplit(".", 1)[-1]
            if is_dense and kind == "kernel":
                want, what = 3.0, ("every built Dense kernel, nested ones and those inside custom layers "
                                   "included, gets kernel_init")
            elif is_dense and kind == "bias" and with_bias:
                want, what = -1.0, "every Dense bias gets bias_init"
            else:
                why = ("bias_init is None" if is_dense else
                       "only Dense layers are re-initialised, not Conv2D or other layers with a kernel")
                assert_same(a, b, headline=f"changes `{label}`, which must stay untouched ({why}).",
                            called=called, what=label, exact=True)
                continue
            if not np.all(a.values == want):
                fail(f"does not re-initialise `{label}` in place ({what}).",
                     f"Called `{called}`. Got {label} with {stats.describe(a.values)}, but the reference gives "
                     f"{want:g} everywhere.")


def _set_manually_net(lead, b, c):
    layers = [keras.layers.Flatten()] if lead else []
    return keras.Sequential(layers + [keras.layers.Dense(b, activation="relu"), keras.layers.Dense(c)])


def _set_manually_text(lead, a, b, c):
    first = "Flatten(), " if lead else ""
    return f"set_manually(Sequential([{first}Dense({b}, relu), Dense({c})]) built on ({a},)-inputs)"


def probe_set_manually(m, a, b, c):
    """Both nets the contract covers, a Dense first and the book's Flatten first: every weight before and after."""
    out = []
    for lead in (False, True):
        net = _set_manually_net(lead, b, c)
        net(tf.zeros((1, a)))
        labelled = _labelled(net)
        before = list(net.weights)
        values_before = [observe(w) for _, w, _ in labelled]
        m.set_manually(net)
        after = list(net.weights)
        out.append({"same": len(before) == len(after) and all(x is y for x, y in zip(before, after)),
                    "labels": [label for label, _, _ in labelled], "before": values_before,
                    "after": [observe(w) for _, w, _ in labelled]})
    return out


def _set_manually_expected(labels, before, target=None, times=1):
    """The contract's rule on the values before: first Dense kernel + 1, then its [0, 0] = 42 (``times`` over); the
    rest unchanged.  ``target``: the label of that kernel (default: the first kernel).

    (The expected side is computed here rather than by a second Keras build of the reference: half the cost.)
    """
    first = next(i for i, label in enumerate(labels) if (label == target if target else label.endswith(".kernel")))
    expected = list(before)
    k = before[first]
    values = k.values + np.float32(times)
    values[0, 0] = 42
    expected[first] = TensorObs(k.dtype, k.shape, values)
    return expected


_SET_EDGE = ("Sequential([Sequential([Dense(3)]), Reshape((3, 1, 1)), Conv2D(2, 1), Flatten(), Dense(4, tanh), "
             "Dense(2)]) built on (5,)-inputs")


def probe_set_manually_edges(m):
    """``m.set_manually(net)`` twice on a net whose first Dense of net.layers comes after a nested block and a
    Conv2D: every weight before and after."""
    net = keras.Sequential([keras.Sequential([keras.layers.Dense(3)]), keras.layers.Reshape((3, 1, 1)),
                            keras.layers.Conv2D(2, 1), keras.layers.Flatten(), keras.layers.Dense(4, activation="tanh"),
                            keras.layers.Dense(2)])
    net(tf.zeros((1, 5)))
    labelled = _labelled(net)
    before = [observe(w) for _, w, _ in labelled]
    m.set_manually(net)
    m.set_manually(net)
    return {"labels": [label for label, _, _ in labelled], "before": before,
            "after": [observe(w) for _, w, _ in labelled]}


@grader("set_manually")
def set_manually(g):
    called = f"set_manually(net) twice on net = {_SET_EDGE}"
    got = g.student(probe_set_manually_edges, seed=g.fixed_seed, called=called)
    want = _set_manually_expected(got["labels"], got["before"], target="net.layers[4].kernel", times=2)
    for name, p, q in zip(got["labels"], got["after"], want):
        assert_same(p, q, headline=f"leaves {name} different from the reference (each call changes the first Dense "
                                   "of net.layers, net.layers[4] here: + 1, then [0, 0] = 42; nothing else).",
                    called=called, what=name, exact=True)

    # Sizes from a pool (Context.pool), the first all different and wider than 1: [0, 0] = 42 must not be the
    # whole kernel.
    @g.for_all(arch=g.pool((3, 4, 2), lambda r: (size(r), size(r), size(r))), seed=seeds)
    def same_values(arch, seed):
        a, b, c = arch
        both = (f"set_manually(net) on net = Sequential([Dense({b}, relu), Dense({c})]) and on "
                f"Sequential([Flatten(), Dense({b}, relu), Dense({c})]), each built on ({a},)-inputs")
        got = g.student(probe_set_manually, a, b, c, seed=seed, called=both)
        for lead, x in zip((False, True), got):
            called = _set_manually_text(lead, a, b, c)
            check(x["same"], "replaces variables instead of assigning to them.",
                  f"Called `{called}`. Got new variables in net.weights, but the reference keeps the same ones: "
                  "assign to the kernel variable in place (`assign`, on the whole variable and on a slice of it).")
            for name, p, q in zip(x["labels"], x["after"], _set_manually_expected(x["labels"], x["before"])):
                assert_same(p, q, headline=f"leaves {name} different from the reference (the first Dense of "
                                           "net.layers changes, nothing else).", called=called, what=name,
                            exact=True)


def probe_tied(m, width, x, weights):
    """``m.tied_net(width)`` (``width`` None: ``m.tied_net()``, the default), weights taken or loaded by shape and use;
    its output (twice) and the gradients of sum(output) with respect to X and to every weight the call uses (in the
    reference's order of use)."""
    X = tensor(x)

    def build():
        net = m.tied_net() if width is None else m.tied_net(width)
        layers = getattr(net, "layers", [])
        tied = len(layers) > 2 and layers[1] is layers[2]
        if not tied:  # reported first: it names the mistake, where the weight transfer would only see extra weights
            return None, [], {"tied": False, "layers": [type(layer).__name__ for layer in layers],
                              "distinct": len({id(layer) for layer in layers})}
        if weights is None:
            _, order = run_recording(net, X)  # builds it
            for w in order:  # Keras starts biases at 0, which hides a forgotten relu
                w.assign(np.random.standard_normal(tuple(w.shape)).astype("float32"))
            return net, list(order), {"tied": True, "weights": weight_records(order)}
        _, order = run_recording(net, X)
        pairs, error = transfer_by_use(order, weights)
        if pairs is None:
            return None, [], {"tied": True, "transfer": error}
        return net, pairs, {"tied": True, "weights": weights, "transfer": ""}

    # Built on the first input, kept for later examples of the same width (harness.core.forward.keep).
    net, pairs, built = forward.keep(m, "tensorflow", ("tied", width, x.shape[-1], weights is None), build)
    if net is None:
        return built
    with tf.GradientTape() as tape:
        tape.watch(X)
        out = net(X)
        loss = tf.reduce_sum(out)
    grads = tape.gradient(loss, [X, *pairs])
    layout = [tuple(weight_value(w).shape) for w in built["weights"]]
    return {**built, "out": observe(out), "again": observe(net(X)),
            "dx": observe(grads[0]) if grads[0] is not None else None,
            "grads": [None if gr is None else observe(gr if tuple(v.shape) == shape else tf.transpose(gr))
                      for v, gr, shape in zip(pairs, grads[1:], layout)],
            "n_weights": len(net.trainable_weights)}


@grader("tied_net")
def tied_net(g):
    def shares_and_sums_gradients(width, n, seed):
        x = floats((8 * n, 4), seed)  # 8n rows: a forgotten relu shows in the output, not only in the gradients
        called = "tied_net()" if width is None else f"tied_net({width})"
        ref = g.reference(probe_tied, width, x, None, seed=seed, called=called)
        got = g.student(probe_tied, width, x, ref["weights"], seed=seed, called=called)
        default = width is None
        width = 8 if default else width
        check(got["tied"], "does not tie the two middle layers: net.layers[1] is not net.layers[2].",
              f"Called `{called}`. Got net.layers {got.get('layers')} ({got.get('distinct')} distinct objects), but "
              f"the reference gives [Dense, Dense, Dense, Dense] with one shared Dense({width}, relu) object at "
              "[1] and [2]; tf.variable_scope is gone, and copying values makes two layers that drift apart.")
        if got.get("transfer"):
            fail(f"{'with its default width (8) ' if default else ''}uses different weights than the reference.",
                 f"Called `{called}(X)` with X of shape {x.shape}. {got['transfer']}")
        assert_equal(got["n_weights"], ref["n_weights"], headline="tracks the wrong number of trainable weights.",
                     called=f"len({called}.trainable_weights)", what="count (the shared layer counts once)")
        assert_same(got["out"], ref["out"], headline="computes a different forward pass than the reference.",
                    called=f"{called}(X) with X of shape {x.shape}")
        for k, (a, b) in enumerate(zip(got["grads"], ref["grads"])):
            if a is None:
                fail("gives a weight no gradient.", f"Called `tape.gradient(reduce_sum({called}(X)), weights)`. "
                                                    f"Got None for the {ordinal(k + 1)} weight the call uses, but the "
                                                    "reference gives a gradient for every weight.")
            assert_same(a, b, headline="computes different gradients than the reference (the shared layer's is "
                                       "the sum of both uses).",
                        called=f"tape.gradient(reduce_sum({called}(X)), weights)",
                        what=f"the gradient of the {ordinal(k + 1)} weight the call uses")
        grad_x = f"tape.gradient(reduce_sum({called}(X)), X) with X of shape {x.shape}"
        check(got["dx"] is not None, "cuts its output off from the input on the gradient tape.",
              f"Called `{grad_x}`. Got None, but the reference gives a gradient.")
        assert_same(got["dx"], ref["dx"], headline="gives the input the wrong gradient.", called=grad_x,
                    what="the gradient with respect to X")
        assert_same(got["again"], ref["out"], headline="gives a different output when called again.",
                    called=f"{called}(X) twice, with X of shape {x.shape}", what="the second call's output")

    # Fixed first: the default width (8, no argument), then a pool of widths (Context.pool), the first 5.
    shares_and_sums_gradients(None, 1, g.fixed_seed)
    g.for_all(width=g.pool(5, size), n=batches, seed=seeds)(shares_and_sums_gradients)
