"""Graders for tensorflow/file_io.py (d2l 6.6 File I/O, Keras 3)."""

from __future__ import annotations

import os
import tempfile

import keras
import numpy as np
import tensorflow as tf
from hypothesis import strategies as st

from harness.feedback import assert_equal, assert_same, check
from harness.grading import grader
from harness.strategies import dict_keys, file_dtypes, seeds, shapes, sizes, values_of
from harness.tf_glue import observe

from .._file_checks import FILE, check_files_and_safety, list_files, spec_text
from .._safety import try_loading, write_malicious_pickle


def _make(dtype, shape, seed) -> tf.Tensor:
    values = values_of(dtype, shape, seed)
    if dtype == "bfloat16":
        return tf.cast(tf.constant(values, tf.float32), tf.bfloat16)
    return tf.constant(values, dtype=dtype)


def probe_roundtrip(m, kind, spec, seed):
    save, load = {"tensor": ("save_tensor", "load_tensor"), "list": ("save_tensors", "load_tensors"),
                  "dict": ("save_tensor_dict", "load_tensor_dict")}[kind]
    if kind == "tensor":
        value = _make(*spec, seed)
    elif kind == "list":
        value = [_make(dtype, shape, seed + k) for k, (dtype, shape) in enumerate(spec)]
    else:
        value = {key: _make(dtype, shape, seed + k) for k, (key, dtype, shape) in enumerate(spec)}
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, FILE)
        getattr(m, save)(value, path)
        files = list_files(folder)
        loaded = getattr(m, load)(path) if os.path.exists(path) else None
        marker = os.path.join(folder, "payload-ran")
        write_malicious_pickle(path, marker)
        safety = try_loading(getattr(m, load), path, marker)
    out = {"files": files, "safety": safety, "type": type(loaded).__name__}
    if kind == "tensor":
        out["loaded"] = observe(loaded, "the loaded object", strict=True) if loaded is not None else None
    elif kind == "list" and isinstance(loaded, list):
        out["loaded"] = [observe(t, f"item {k}", strict=True) for k, t in enumerate(loaded)]
    elif kind == "dict" and isinstance(loaded, dict):
        out["keys"] = list(loaded.keys())
        out["loaded"] = [observe(t, f"value {k!r}", strict=True) for k, t in loaded.items()]
    return out


@grader("tensor")
def tensor_roundtrip(g):
    @g.for_all(dtype=file_dtypes, shape=shapes, seed=seeds, weight=2)
    def exact_roundtrip(dtype, shape, seed):
        called = f"save_tensor(x, {FILE!r}); load_tensor({FILE!r}) with x a {spec_text(dtype, shape)}"
        got, ref = g.both(probe_roundtrip, "tensor", (dtype, shape), seed, seed=seed, called=called)
        check_files_and_safety(called, got, "load_tensor", "np.load(f, allow_pickle=False)")
        assert_same(got["loaded"], ref["loaded"], headline="does not round-trip tensors exactly.", called=called,
                    what="the loaded tensor", exact=True)


@grader("tensor_list")
def tensor_list_roundtrip(g):
    @g.for_all(spec=st.lists(st.tuples(file_dtypes, shapes), max_size=4), seed=seeds, weight=2)
    def exact_roundtrip(spec, seed):
        items = ", ".join(spec_text(*s) for s in spec) or "nothing"
        called = f"save_tensors(xs, {FILE!r}); load_tensors({FILE!r}) with xs: [{items}]"
        got, ref = g.both(probe_roundtrip, "list", spec, seed, seed=seed, called=called)
        check_files_and_safety(called, got, "load_tensors", "np.load(f, allow_pickle=False)")
        check(got["type"] == "list", "does not load a list.",
              f"Called `{called}`. Got a {got['type']}, but the reference gives a list.")
        check(len(got["loaded"]) == len(ref["loaded"]), "loads a different number of tensors.",
              f"Called `{called}`. Got {len(got['loaded'])} tensors, but the reference gives {len(ref['loaded'])}.")
        for k, (a, b) in enumerate(zip(got["loaded"], ref["loaded"])):
            assert_same(a, b, headline="does not round-trip lists of tensors exactly.", called=called,
                        what=f"item {k}", exact=True)


@grader("tensor_dict")
def tensor_dict_roundtrip(g):
    entries = st.lists(st.tuples(dict_keys, file_dtypes, shapes), max_size=4, unique_by=lambda e: e[0])

    @g.for_all(spec=entries, seed=seeds, weight=2)
    def exact_roundtrip(spec, seed):
        items = ", ".join(f"{k!r}: {spec_text(d, s)}" for k, d, s in spec)
        called = f"save_tensor_dict(d, {FILE!r}); load_tensor_dict({FILE!r}) with d: {{{items}}}"
        got, ref = g.both(probe_roundtrip, "dict", spec, seed, seed=seed, called=called)
        check_files_and_safety(called, got, "load_tensor_dict", "np.load(f, allow_pickle=False)")
        check(got["type"] == "dict", "does not load a dict.",
              f"Called `{called}`. Got a {got['type']}, but the reference gives a dict.")
        assert_equal(sorted(got["keys"]), sorted(ref["keys"]), headline="loses or renames keys.", called=called,
                     what="keys")
        mine = dict(zip(got["keys"], got["loaded"]))
        for key, b in zip(ref["keys"], ref["loaded"]):
            assert_same(mine[key], b, headline="does not round-trip dicts of tensors exactly.", called=called,
                        what=f"the value for {key!r}", exact=True)


def _make_net(b, c):
    return keras.Sequential([keras.layers.Dense(b, activation="relu"), keras.layers.BatchNormalization(),
                             keras.layers.Dense(c)])


def probe_params(m, a, b, c, seed):
    net = _make_net(b, c)
    net(tf.zeros((1, a)))
    rng = np.random.default_rng(seed)
    for w in net.weights:  # every weight, the moving statistics included, away from its initial value
        w.assign(rng.standard_normal(tuple(w.shape)).astype(np.float32))
    made = []

    def make_net():
        fresh = _make_net(b, c)
        made.append(fresh)
        return fresh

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, FILE)
        m.save_params(net, path)
        files = list_files(folder)
        loaded = m.load_params(make_net, path, (None, a)) if os.path.exists(path) else None
        marker = os.path.join(folder, "payload-ran")
        write_malicious_pickle(path, marker)
        safety = try_loading(lambda p: m.load_params(make_net, p, (None, a)), path, marker)
    out = {"files": files, "safety": safety, "type": type(loaded).__name__,
           "expected": [observe(w) for w in net.weights]}
    if isinstance(loaded, keras.layers.Layer):
        out["fresh"] = loaded is not net and any(loaded is x for x in made)
        out["state"] = [observe(w) for w in loaded.weights]
    return out


@grader("params")
def params_roundtrip(g):
    @g.for_all(a=sizes, b=sizes, c=sizes, seed=seeds)
    def restores_a_fresh_net(a, b, c, seed):
        net = f"Sequential([Dense({b}, relu), BatchNormalization(), Dense({c})])"
        called = f"save_params(net, {FILE!r}); load_params(make_net, {FILE!r}, (None, {a})) with net = {net}"
        got = g.student(probe_params, a, b, c, seed, seed=seed, called=called)
        check_files_and_safety(called, got, "load_params", "np.load(f, allow_pickle=False)")
        check("state" in got, "does not return a model.",
              f"Called `{called}`. Got a {got['type']}, but the reference returns the net made by make_net().")
        check(got["fresh"], "does not return the net made by make_net().",
              f"Called `{called}`. load_params must call make_net(), build it, and load the saved weights into it.")
        check(len(got["state"]) == len(got["expected"]), "loses weights.",
              f"Called `{called}`. Got {len(got['state'])} weights, but the saved net has {len(got['expected'])}.")
        for k, (a_, b_) in enumerate(zip(got["state"], got["expected"])):
            assert_same(a_, b_, headline="does not restore every weight (moving statistics included).",
                        called=called, what=f"weights[{k}]", exact=True)
