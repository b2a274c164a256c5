"""Graders for tensorflow/file_io.py (d2l 6.6 File I/O, Keras 3).

Every example round-trips every graded dtype (each in its own fresh folder, with its own
message), so a mistake that only one dtype shows (bfloat16 stored as raw void by
``np.save``, a cast, a mixed-dtype list made into one array) cannot hide behind the
dtypes an example happened to draw.  ``params`` is graded on a ``keras.Sequential`` and,
once, on a subclassed ``keras.Model`` (built by one dry call: ``Model.build(shape)``
creates no weights there).
"""

from __future__ import annotations

import os
import tempfile

import keras
import numpy as np
import tensorflow as tf
from hypothesis import strategies as st

from harness.api import (FILE_DTYPES, assert_equal, assert_same, check, clashing_dict_spec, dict_keys, fail,
                        file_dtypes, grader, long_list_spec, seeds, shapes, sizes, values_of)
from harness.frameworks.tf_glue import observe

from .._file_checks import (FILE, a, check_files, check_not_executed, check_only_the_path, check_refused,
                           check_resaved_dict, list_files, private_tempdir, resave, round_trip, spec_text)

SAFE_LOAD = "`np.load` with `allow_pickle` off (it refuses pickled objects)"
_FUNCS = {"tensor": ("save_tensor", "load_tensor"), "list": ("save_tensors", "load_tensors"),
          "dict": ("save_tensor_dict", "load_tensor_dict")}


def _make(dtype, shape, seed) -> tf.Tensor:
    values = values_of(dtype, shape, seed)
    if dtype == "bfloat16":
        return tf.cast(tf.constant(values, tf.float32), tf.bfloat16)
    return tf.constant(values, dtype=dtype)


def _type_name(value) -> str:
    kind = type(value)
    module = kind.__module__.split(".")[0]
    return kind.__name__ if module in ("builtins", "tensorflow") else f"{module}.{kind.__name__}"


def _obs(value):
    """A loaded tensor as an observation; anything that is not a tf.Tensor as its type's name."""
    return observe(value) if isinstance(value, tf.Tensor) else _type_name(value)


def probe_roundtrip(m, kind, spec, seed, safety):
    """Save with the tree's own function, load with its own: what comes back, and which files were written."""
    save, load = (getattr(m, name) for name in _FUNCS[kind])
    if kind == "tensor":
        value = _make(*spec, seed)
    elif kind == "list":
        value = [_make(dtype, shape, seed + k) for k, (dtype, shape) in enumerate(spec)]
    else:
        value = {key: _make(dtype, shape, seed + k) for k, (key, dtype, shape) in enumerate(spec)}
    files, loaded, safe = round_trip(save, load, value, safety=safety, framework="tensorflow")
    out = {"files": files, "safety": safe, "type": _type_name(loaded)}
    if kind == "tensor":
        out["loaded"] = _obs(loaded)
    elif kind == "list" and isinstance(loaded, list):
        out["loaded"] = [_obs(t) for t in loaded]
    elif kind == "dict" and isinstance(loaded, dict):
        out["keys"] = list(loaded.keys())
        out["loaded"] = [_obs(t) for t in loaded.values()]
    return out


def _same_tensor(got, expected, *, headline, called, what):
    __tracebackhide__ = True
    if isinstance(got, str):
        fail("does not load tf tensors.", f"Called `{called}`. Got {what} as {a(got)}, but the reference gives "
                                          "a tf.Tensor (convert with tf.constant / tf.convert_to_tensor).")
    assert_same(got, expected, headline=headline, called=called, what=what, exact=True)


def _every_dtype(draw_shapes):
    """One (dtype, shape) per graded dtype, in a drawn order."""
    return st.tuples(st.permutations(FILE_DTYPES), draw_shapes).map(lambda t: list(zip(t[0], t[1])))


_TEN_SHAPES = st.lists(shapes, min_size=len(FILE_DTYPES), max_size=len(FILE_DTYPES))


def probe_tensor_extras(m, seed):
    """Round trips a random draw rarely makes: 4900 values, 0-d and empty tensors, and the same path saved twice
    (the second load must see the second value), in a private temp directory."""
    out = {}
    with tempfile.TemporaryDirectory() as folder, private_tempdir():
        path = os.path.join(folder, FILE)
        cases = {"a (70, 70) float32 tensor": ("float32", (70, 70)), "a 0-d float32 tensor": ("float32", ()),
                 "a 0-d int64 tensor": ("int64", ()), "an empty (0, 3) float32 tensor": ("float32", (0, 3)),
                 "an empty (0,) int16 tensor": ("int16", (0,)), "an empty (2, 0) bool tensor": ("bool", (2, 0))}
        for k, (what, spec) in enumerate(cases.items()):
            m.save_tensor(_make(*spec, seed + k), path)
            out[what] = _obs(m.load_tensor(path))
        m.save_tensor(_make("float32", (3,), seed + 10), path)
        m.load_tensor(path)
        m.save_tensor(_make("float32", (3,), seed + 11), path)
        out["the second of two tensors saved at one path"] = _obs(m.load_tensor(path))
        out["files"] = list_files(folder)  # every save went to one path: nothing else may be there
    return out


@grader("tensor")
def tensor_roundtrip(g):
    got, ref = g.both(probe_tensor_extras, g.fixed_seed, seed=g.fixed_seed, called="save_tensor / load_tensor")
    check_only_the_path(f"save_tensor(x, {FILE!r}) several times on one path, with loads between", got["files"])
    for what, expected in ref.items():
        if what == "files":
            continue
        _same_tensor(got[what], expected, headline="does not round-trip tensors exactly.",
                     called=f"save_tensor(x, {FILE!r}); load_tensor({FILE!r}) with x {what}", what="the loaded tensor")

    @g.for_all(every=_every_dtype(_TEN_SHAPES), seed=seeds)
    def exact_roundtrip(every, seed):
        first = None
        for k, (dtype, shape) in enumerate(every):
            called = f"save_tensor(x, {FILE!r}); load_tensor({FILE!r}) with x {a(spec_text(dtype, shape))}"
            got, ref = g.both(probe_roundtrip, "tensor", (dtype, shape), seed + k, k == 0, seed=seed, called=called)
            check_files(called, got)
            if first is None:
                first = got
                check_not_executed(got, "load_tensor", SAFE_LOAD)
            _same_tensor(got["loaded"], ref["loaded"], headline="does not round-trip tensors exactly.",
                         called=called, what="the loaded tensor")
        check_refused(first, "load_tensor")


def _list_roundtrip(g, spec, seed, safety):
    items = ", ".join(spec_text(*s) for s in spec) or "nothing"
    called = f"save_tensors(xs, {FILE!r}); load_tensors({FILE!r}) with xs: [{items}]"
    got, ref = g.both(probe_roundtrip, "list", spec, seed, safety, seed=seed, called=called)
    check_files(called, got)
    if safety:
        check_not_executed(got, "load_tensors", SAFE_LOAD)
    check("loaded" in got, "does not load a list.",
          f"Called `{called}`. Got {a(got['type'])}, but the reference gives a list.")
    check(len(got["loaded"]) == len(ref["loaded"]), "loads a different number of tensors.",
          f"Called `{called}`. Got {len(got['loaded'])} tensors, but the reference gives {len(ref['loaded'])}.")
    for k, (x, y) in enumerate(zip(got["loaded"], ref["loaded"])):
        _same_tensor(x, y, headline="does not round-trip lists of tensors exactly.", called=called,
                     what=f"item {k}")
    return got


@grader("tensor_list")
def tensor_list_roundtrip(g):
    _list_roundtrip(g, long_list_spec(), g.fixed_seed, False)  # twelve tensors: "10" sorts before "2"
    _list_roundtrip(g, [("float32", (2, 3))], g.fixed_seed, False)  # one tensor: still a list of one

    @g.for_all(spec=st.lists(st.tuples(file_dtypes, shapes), max_size=4), every=_every_dtype(_TEN_SHAPES),
               seed=seeds)
    def exact_roundtrip(spec, every, seed):
        got = _list_roundtrip(g, spec, seed, True)
        _list_roundtrip(g, every, seed + 1, False)
        check_refused(got, "load_tensors")


def _dict_roundtrip(g, spec, seed, safety):
    items = ", ".join(f"{k!r}: {spec_text(d, s)}" for k, d, s in spec)
    called = f"save_tensor_dict(d, {FILE!r}); load_tensor_dict({FILE!r}) with d: {{{items}}}"
    got, ref = g.both(probe_roundtrip, "dict", spec, seed, safety, seed=seed, called=called)
    check_files(called, got)
    if safety:
        check_not_executed(got, "load_tensor_dict", SAFE_LOAD)
    check("keys" in got, "does not load a dict.",
          f"Called `{called}`. Got {a(got['type'])}, but the reference gives a dict.")
    assert_equal(sorted(got["keys"], key=repr), sorted(ref["keys"], key=repr),  # a str '0' is not the int 0
                 headline="loses or renames keys.", called=called, what="keys")
    mine = dict(zip(got["keys"], got["loaded"]))
    for key, y in zip(ref["keys"], ref["loaded"]):
        _same_tensor(mine[key], y, headline="does not round-trip dicts of tensors exactly.", called=called,
                     what=f"the value for {key!r}")
    return got


def probe_dict_resave(m, seed):
    """Two dicts saved at one path ({"a", "b"}, then {"c"}), then loaded."""
    first = {"a": _make("float32", (2,), seed), "b": _make("int64", (3,), seed + 1)}
    loaded, files = resave(m.save_tensor_dict, m.load_tensor_dict, first, {"c": _make("float32", (2, 2), seed + 2)})
    ok = isinstance(loaded, dict)
    return {"type": _type_name(loaded), "keys": list(loaded.keys()) if ok else None, "files": files,
            "loaded": [_obs(v) for v in loaded.values()] if ok else None}


@grader("tensor_dict")
def tensor_dict_roundtrip(g):
    entries = st.lists(st.tuples(dict_keys, file_dtypes, shapes), max_size=4, unique_by=lambda e: e[0])
    keys = st.lists(dict_keys, min_size=len(FILE_DTYPES), max_size=len(FILE_DTYPES), unique=True)
    every = st.tuples(keys, _every_dtype(_TEN_SHAPES)).map(lambda t: [(k, d, s) for k, (d, s) in zip(*t)])

    _dict_roundtrip(g, clashing_dict_spec(), g.fixed_seed, False)  # keys that clash inside a format
    called = (f"save_tensor_dict({{'a': ..., 'b': ...}}, {FILE!r}); save_tensor_dict({{'c': ...}}, {FILE!r}); "
              f"load_tensor_dict({FILE!r})")
    got, ref = g.both(probe_dict_resave, g.fixed_seed, seed=g.fixed_seed, called=called)
    check_resaved_dict(called, got, ref["keys"])
    _same_tensor(got["loaded"][0], ref["loaded"][0], headline="does not round-trip dicts of tensors exactly.",
                 called=called, what="the value for 'c'")

    @g.for_all(spec=entries, every=every, seed=seeds)
    def exact_roundtrip(spec, every, seed):
        got = _dict_roundtrip(g, spec, seed, True)
        _dict_roundtrip(g, every, seed + 1, False)
        check_refused(got, "load_tensor_dict")


def _sequential(b, c):
    return keras.Sequential([keras.layers.Dense(b, activation="relu"), keras.layers.BatchNormalization(),
                             keras.layers.Dense(c)])


class SubclassedNet(keras.Model):
    """The same layers in a subclassed model: ``build(input_shape)`` alone creates no weights here.

    A plain class name: Keras names a model after its class, and ``predict()`` refuses the name
    ``__subclassed`` that a leading underscore gives."""

    def __init__(self, b, c):
        super().__init__()
        self.hidden = keras.layers.Dense(b, activation="relu")
        self.norm = keras.layers.BatchNormalization()
        self.out = keras.layers.Dense(c)

    def call(self, x):
        return self.out(self.norm(self.hidden(x)))


_NETS = {"sequential": _sequential, "subclassed": SubclassedNet}
_NET_TEXT = {"sequential": "Sequential([Dense({b}, relu), BatchNormalization(), Dense({c})])",
             "subclassed": "a subclassed keras.Model calling Dense({b}, relu), BatchNormalization(), Dense({c})"}


def probe_params(m, kind, a_, b, c, seed, safety=True):
    net = _NETS[kind](b, c)
    net(tf.zeros((1, a_)))
    rng = np.random.default_rng(seed)
    for w in net.weights:  # every weight, the moving statistics included, away from its initial value
        w.assign(rng.standard_normal(tuple(w.shape)).astype(np.float32))
    made = []

    def make_net():
        fresh = _NETS[kind](b, c)
        made.append(fresh)
        return fresh

    files, loaded, safe = round_trip(m.save_params, lambda p: m.load_params(make_net, p, (None, a_)), net,
                                     safety=safety, framework="tensorflow")
    out = {"files": files, "safety": safe, "type": _type_name(loaded),
           "expected": [observe(w) for w in net.weights]}
    if isinstance(loaded, keras.layers.Layer):
        out["fresh"] = loaded is not net and any(loaded is x for x in made)
        out["state"] = [observe(w) for w in loaded.weights]
        out["trainable"] = len(loaded.trainable_weights) == len(net.trainable_weights)
        if not safety:  # checked on the fixed examples (with the malicious files): two more builds each
            return out
        with tempfile.TemporaryDirectory() as folder:  # two loads of one file: two nets
            path = os.path.join(folder, FILE)
            m.save_params(net, path)
            out["second_fresh"] = (m.load_params(make_net, path, (None, a_))
                                   is not m.load_params(make_net, path, (None, a_)))
    return out


def _params(g, kind, a_, b, c, seed, safety=True):
    net = _NET_TEXT[kind].format(b=b, c=c)
    called = f"save_params(net, {FILE!r}); load_params(make_net, {FILE!r}, (None, {a_})) with net = {net}"
    got = g.student(probe_params, kind, a_, b, c, seed, safety, seed=seed, called=called)
    check_files(called, got)
    if safety:
        check_not_executed(got, "load_params", SAFE_LOAD)
    check("state" in got, "does not return a model.",
          f"Called `{called}`. Got {a(got['type'])}, but the reference returns the net made by make_net().")
    check(got["fresh"], "does not return the net made by make_net().",
          f"Called `{called}`. load_params must call make_net(), build it, and load the saved weights into it.")
    check(len(got["state"]) == len(got["expected"]), "loses weights.",
          f"Called `{called}`. Got a net with {len(got['state'])} weights, but the saved net has "
          f"{len(got['expected'])}" + (" (build it by one dry call on zeros: Model.build(shape) creates no "
                                        "weights in a subclassed model)." if not got["state"] else "."))
    for k, (x, y) in enumerate(zip(got["state"], got["expected"])):
        assert_same(x, y, headline="does not restore every weight (moving statistics included).",
                    called=called, what=f"weights[{k}]", exact=True)
    check(got["trainable"], "freezes the loaded net.",
          f"Called `{called}`. Got fewer trainable weights than the saved net has: the net from make_net() stays "
          "trainable.")
    check(got.get("second_fresh", True), "returns the same net for two loads.",
          f"Called `load_params(make_net, {FILE!r}, ...)` twice. Got one object both times: each load returns a new "
          "make_net() (no caching).")
    if safety:
        check_refused(got, "load_params")


@grader("params")
def params_roundtrip(g):
    # Malicious files on the fixed examples only: a loader's answer to one does not depend on what was saved.
    _params(g, "subclassed", 3, 4, 2, g.fixed_seed, safety=True)
    _params(g, "sequential", 2, 5, 3, g.fixed_seed + 1, safety=True)

    # Half the examples: each builds two nets and writes a file, and the mistakes it shows depend little on sizes.
    @g.for_all(weight=0.5, d=sizes, b=sizes, c=sizes, seed=seeds)
    def restores_a_fresh_net(d, b, c, seed):
        _params(g, "sequential", d, b, c, seed, safety=False)
