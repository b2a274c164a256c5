"""Graders for pytorch/file_io.py (d2l 6.6 File I/O)."""

from __future__ import annotations

import os
import tempfile

import torch
from hypothesis import strategies as st
from torch import nn

from harness.api import (assert_equal, assert_same, check, clashing_dict_spec, dict_keys, file_dtypes, grader,
                        long_list_spec, seeds, shapes, sizes, values_of)
from harness.frameworks.torch_glue import DTYPES, observe

from .._file_checks import (FILE, a as _a, check_files, check_not_executed, check_only_the_path, check_refused,
                             check_resaved_dict, list_files, private_tempdir, resave, round_trip)
from .._file_checks import spec_text as _spec_text

SAFE_LOAD = "`torch.load` with `weights_only` set (it refuses pickled code)"


def _make(dtype, shape, seed) -> torch.Tensor:
    return torch.from_numpy(values_of(dtype, shape, seed)).to(DTYPES[dtype])


def probe_roundtrip(m, kind, spec, seed, safety=False):
    """Save with the tree's own function, load with its own: what comes back, which files were written, and
    (``safety``) whether the loader runs or accepts malicious files.  A loader's answer to a malicious file does
    not depend on what was saved before it, so the graders try those on their fixed examples only."""
    save, load = {"tensor": ("save_tensor", "load_tensor"), "list": ("save_tensors", "load_tensors"),
                  "dict": ("save_tensor_dict", "load_tensor_dict")}[kind]
    if kind == "tensor":
        value = _make(*spec, seed)
    elif kind == "list":
        value = [_make(dtype, shape, seed + k) for k, (dtype, shape) in enumerate(spec)]
    else:
        value = {key: _make(dtype, shape, seed + k) for k, (key, dtype, shape) in enumerate(spec)}
    files, loaded, safe = round_trip(getattr(m, save), getattr(m, load), value, safety=safety, framework="pytorch")
    out = {"files": files, "safety": safe, "type": type(loaded).__name__,
           "is_list": isinstance(loaded, list), "is_dict": isinstance(loaded, dict)}
    if kind == "tensor":
        out["loaded"] = observe(loaded, "the loaded object") if loaded is not None else None
    elif kind == "list" and isinstance(loaded, list):
        out["loaded"] = [observe(t, f"item {k}") for k, t in enumerate(loaded)]
    elif kind == "dict" and isinstance(loaded, dict):
        out["keys"] = list(loaded.keys())
        out["loaded"] = [observe(t, f"value {k!r}") for k, t in loaded.items()]
    return out


def probe_tensor_extras(m, seed):
    """Round trips a random draw rarely makes: a non-contiguous view, a tensor of 4900 values, 0-d tensors, and
    the same path saved twice (the second load must see the second value), each in a private temp directory."""
    out = {}
    with tempfile.TemporaryDirectory() as folder, private_tempdir():
        path = os.path.join(folder, FILE)
        base = _make("float32", (5, 7), seed)
        cases = {"a transposed view": base.T, "a (70, 70) float32 tensor": _make("float32", (70, 70), seed + 1),
                 "a 0-d float32 tensor": _make("float32", (), seed + 2), "a 0-d int64 tensor": _make("int64", (), seed + 3),
                 "an empty (0,) int16 tensor": _make("int16", (0,), seed), "an empty (2, 0) bfloat16 tensor":
                 _make("bfloat16", (2, 0), seed)}
        for what, value in cases.items():
            m.save_tensor(value, path)
            out[what] = observe(m.load_tensor(path), f"the loaded tensor ({what})")
        m.save_tensor(_make("float32", (3,), seed + 4), path)
        m.load_tensor(path)
        m.save_tensor(_make("float32", (3,), seed + 5), path)
        out["the second of two tensors saved at one path"] = observe(m.load_tensor(path), "the second load")
        out["files"] = list_files(folder)  # every save went to one path: nothing else may be there
    return out


def probe_dict_resave(m, seed):
    """Two dicts saved at one path ({"a", "b"}, then {"c"}), then loaded."""
    first = {"a": _make("float32", (2,), seed), "b": _make("int64", (3,), seed + 1)}
    loaded, files = resave(m.save_tensor_dict, m.load_tensor_dict, first, {"c": _make("float32", (2, 2), seed + 2)})
    ok = isinstance(loaded, dict)
    return {"type": type(loaded).__name__, "keys": list(loaded.keys()) if ok else None, "files": files,
            "loaded": [observe(v, f"value {k!r}") for k, v in loaded.items()] if ok else None}


def probe_list_repeats(m, seed):
    """``[x, y, x]`` (one tensor object twice) round-tripped: what comes back, and the files."""
    x, y = _make("float32", (2, 3), seed), _make("int64", (4,), seed + 1)
    files, loaded, _ = round_trip(m.save_tensors, m.load_tensors, [x, y, x], safety=False, framework="pytorch")
    items = [observe(t, f"item {k}") for k, t in enumerate(loaded)] if isinstance(loaded, list) else None
    return {"files": files, "type": type(loaded).__name__, "loaded": items}


def _check_files_and_safety(called, got, load_name):
    """What the file looks like and whether loading ran its code: checked before the round trip."""
    check_files(called, got)
    if got["safety"] is not None:
        check_not_executed(got, load_name, SAFE_LOAD)


def _check_refused(got, load_name):
    if got["safety"] is not None:
        check_refused(got, load_name)


@grader("tensor")
def tensor_roundtrip(g):
    got, ref = g.both(probe_tensor_extras, g.fixed_seed, seed=g.fixed_seed, called="save_tensor / load_tensor")
    check_only_the_path(f"save_tensor(x, {FILE!r}) several times on one path, with loads between", got["files"])
    for what, expected in ref.items():
        if what == "files":
            continue
        assert_same(got[what], expected, headline="does not round-trip tensors exactly.",
                    called=f"save_tensor(x, {FILE!r}); load_tensor({FILE!r}) with x {what}", what="the loaded tensor",
                    exact=True)

    def exact_roundtrip(dtype, shape, seed, safety=False):
        called = f"save_tensor(x, {FILE!r}); load_tensor({FILE!r}) with x {_a(_spec_text(dtype, shape))}"
        got, ref = g.both(probe_roundtrip, "tensor", (dtype, shape), seed, safety, seed=seed, called=called)
        _check_files_and_safety(called, got, "load_tensor")
        assert_same(got["loaded"], ref["loaded"], headline="does not round-trip tensors exactly.", called=called,
                    what="the loaded tensor", exact=True)
        _check_refused(got, "load_tensor")

    exact_roundtrip("float32", (2, 3), g.fixed_seed, safety=True)
    exact_roundtrip("int64", (4,), g.fixed_seed + 1, safety=True)
    g.for_all(dtype=file_dtypes, shape=shapes, seed=seeds)(exact_roundtrip)


@grader("tensor_list")
def tensor_list_roundtrip(g):
    def exact_roundtrip(spec, seed, safety=False):
        items = ", ".join(_spec_text(*s) for s in spec) or "nothing"
        called = f"save_tensors(xs, {FILE!r}); load_tensors({FILE!r}) with xs: [{items}]"
        got, ref = g.both(probe_roundtrip, "list", spec, seed, safety, seed=seed, called=called)
        _check_files_and_safety(called, got, "load_tensors")
        check(got["is_list"], "does not load a list.",
              f"Called `{called}`. Got {_a(got['type'])}, but the reference gives a list.")
        check(len(got["loaded"]) == len(ref["loaded"]), "loads a different number of tensors.",
              f"Called `{called}`. Got {len(got['loaded'])} tensors, but the reference gives {len(ref['loaded'])}.")
        for k, (a, b) in enumerate(zip(got["loaded"], ref["loaded"])):
            assert_same(a, b, headline="does not round-trip lists of tensors exactly.", called=called,
                        what=f"item {k}", exact=True)
        _check_refused(got, "load_tensors")

    exact_roundtrip(long_list_spec(), g.fixed_seed, safety=True)  # twelve tensors, every dtype, 0-d and empty ones
    exact_roundtrip([], g.fixed_seed, safety=True)  # an empty list
    exact_roundtrip([("float32", (2, 3))], g.fixed_seed)  # one tensor: still a list of one
    called = f"save_tensors([x, y, x], {FILE!r}); load_tensors({FILE!r}) with one tensor object x given twice"
    got, ref = g.both(probe_list_repeats, g.fixed_seed, seed=g.fixed_seed, called=called)
    check_files(called, got)
    check(got["loaded"] is not None, "does not load a list.",
          f"Called `{called}`. Got {_a(got['type'])}, but the reference gives a list.")
    check(len(got["loaded"]) == 3, "loads a different number of tensors.",
          f"Called `{called}`. Got {len(got['loaded'])} tensors, but the reference gives 3: a tensor listed twice "
          "comes back twice (the list keeps its length and order).")
    for k, (a, b) in enumerate(zip(got["loaded"], ref["loaded"])):
        assert_same(a, b, headline="does not round-trip lists of tensors exactly.", called=called, what=f"item {k}",
                    exact=True)
    g.for_all(spec=st.lists(st.tuples(file_dtypes, shapes), max_size=4), seed=seeds)(exact_roundtrip)


@grader("tensor_dict")
def tensor_dict_roundtrip(g):
    entries = st.lists(st.tuples(dict_keys, file_dtypes, shapes), max_size=4, unique_by=lambda e: e[0])

    def exact_roundtrip(spec, seed, safety=False):
        items = ", ".join(f"{k!r}: {_spec_text(d, s)}" for k, d, s in spec)
        called = f"save_tensor_dict(d, {FILE!r}); load_tensor_dict({FILE!r}) with d: {{{items}}}"
        got, ref = g.both(probe_roundtrip, "dict", spec, seed, safety, seed=seed, called=called)
        _check_files_and_safety(called, got, "load_tensor_dict")
        check(got["is_dict"], "does not load a dict.",
              f"Called `{called}`. Got {_a(got['type'])}, but the reference gives a dict.")
        assert_equal(sorted(got["keys"], key=repr), sorted(ref["keys"], key=repr),  # a str '0' is not the int 0
                     headline="loses or renames keys.", called=called, what="keys")
        mine = dict(zip(got["keys"], got["loaded"]))
        for key, b in zip(ref["keys"], ref["loaded"]):
            assert_same(mine[key], b, headline="does not round-trip dicts of tensors exactly.", called=called,
                        what=f"the value for {key!r}", exact=True)
        _check_refused(got, "load_tensor_dict")

    exact_roundtrip(clashing_dict_spec(), g.fixed_seed, safety=True)  # keys that clash inside a format, every dtype
    exact_roundtrip([("w", "float32", (2,))], g.fixed_seed, safety=True)  # one small entry
    called = (f"save_tensor_dict({{'a': ..., 'b': ...}}, {FILE!r}); save_tensor_dict({{'c': ...}}, {FILE!r}); "
              f"load_tensor_dict({FILE!r})")
    got, ref = g.both(probe_dict_resave, g.fixed_seed, seed=g.fixed_seed, called=called)
    check_resaved_dict(called, got, ref["keys"])
    assert_same(got["loaded"][0], ref["loaded"][0], headline="does not round-trip dicts of tensors exactly.",
                called=called, what="the value for 'c'", exact=True)
    g.for_all(spec=entries, seed=seeds)(exact_roundtrip)


def _make_net(a, b, c, dtype="float32"):
    net = nn.Sequential(nn.Linear(a, b), nn.BatchNorm1d(b), nn.ReLU(), nn.Dropout(0.5), nn.Linear(b, c))
    return net.double() if dtype == "float64" else net


def probe_params(m, a, b, c, seed, dtype="float32", safety=False):  # called under seed: the net is seeded
    net = _make_net(a, b, c, dtype)
    net(torch.randn(4, a, dtype=DTYPES[dtype]))  # training step: BatchNorm's running statistics move
    made = []

    def make_net():
        fresh = _make_net(a, b, c, dtype)  # fresh random weights: a loader that forgets to load is visible
        made.append(fresh)
        return fresh

    files, loaded, safe = round_trip(m.save_params, lambda p: m.load_params(make_net, p), net, safety=safety,
                                     framework="pytorch")
    out = {"files": files, "safety": safe, "type": type(loaded).__name__,
           "expected": {k: observe(v) for k, v in net.state_dict().items()}}
    if isinstance(loaded, nn.Module):
        out["fresh"] = loaded is not net and any(loaded is x for x in made)
        out["state"] = {k: observe(v) for k, v in loaded.state_dict().items()}
        out["training"] = [mod.training for mod in loaded.modules()]
        out["frozen"] = sum(not p.requires_grad for p in loaded.parameters())
        with tempfile.TemporaryDirectory() as folder:  # two loads of one file: two nets
            path = os.path.join(folder, FILE)
            m.save_params(net, path)
            out["second_fresh"] = m.load_params(make_net, path) is not m.load_params(make_net, path)
    return out


@grader("params")
def params_roundtrip(g):
    def the_file(called, got):  # exactly the path given, nothing run from it on loading
        _check_files_and_safety(called, got, "load_params")
        _check_refused(got, "load_params")

    def restores(called, got):  # a fresh make_net() holding every saved parameter and buffer, exactly
        check("state" in got, "does not return a module.",
              f"Called `{called}`. Got {_a(got['type'])}, but the reference returns the net made by make_net().")
        check(got["fresh"], "does not return the net made by make_net().",
              f"Called `{called}`. load_params must call make_net() and load the saved state into that net.")
        assert_equal(sorted(got["state"]), sorted(got["expected"]), headline="loses parameters or buffers.",
                     called=called, what="state_dict() keys")
        for key, expected in got["expected"].items():
            assert_same(got["state"][key], expected, headline="does not restore every parameter and buffer.",
                        called=called, what=f"state_dict()[{key!r}]", exact=True)
        check(got["second_fresh"], "returns the same net for two loads.",
              f"Called `load_params(make_net, {FILE!r})` twice. Got one object both times: each load returns a new "
              "make_net() (no caching).")

    def ready_for_inference(called, got):  # eval mode, still trainable
        if "training" not in got:
            return  # no module came back: "restored state" has that cost
        check(not any(got["training"]), "does not put the loaded net in eval mode.",
              f"Called `{called}`. Got modules with training=True; call .eval() before returning.")
        check(got["frozen"] == 0, "freezes the loaded parameters.",
              f"Called `{called}`. Got {got['frozen']} parameter tensors with requires_grad=False, but the net from "
              "make_net() is trainable: eval() is all the contract asks for.")

    def restores_a_fresh_net(checks):
        def example(a, b, c, seed, dtype="float32", safety=False):
            net = f"Sequential(Linear({a}, {b}), BatchNorm1d({b}), ReLU(), Dropout(0.5), Linear({b}, {c}))"
            net += ".double()" if dtype == "float64" else ""
            called = f"save_params(net, {FILE!r}); load_params(make_net, {FILE!r}) with net = {net}"
            checks(called, g.student(probe_params, a, b, c, seed, dtype, safety, seed=seed, called=called))
        return example

    for name, checks in (("the file", the_file), ("restored state", restores), ("eval mode", ready_for_inference)):
        with g.property(name):
            example = restores_a_fresh_net(checks)
            example(3, 4, 2, g.fixed_seed, "float64", safety=True)  # float64 values survive exactly
            example(2, 5, 3, g.fixed_seed + 1, safety=True)
            g.for_all(a=sizes, b=sizes, c=sizes, seed=seeds)(example)
