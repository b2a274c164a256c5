"""Graders for pytorch/file_io.py (d2l 6.6 File I/O)."""

from __future__ import annotations

import torch
from hypothesis import strategies as st
from torch import nn

from harness.feedback import assert_equal, assert_same, check
from harness.grading import grader
from harness.strategies import clashing_dict_spec, dict_keys, file_dtypes, long_list_spec, seeds, shapes, sizes, values_of
from harness.torch_glue import DTYPES, observe

from .._file_checks import FILE, a as _a, check_files, check_not_executed, check_refused, round_trip
from .._file_checks import spec_text as _spec_text

SAFE_LOAD = "torch.load(path, weights_only=True)"


def _make(dtype, shape, seed) -> torch.Tensor:
    return torch.from_numpy(values_of(dtype, shape, seed)).to(DTYPES[dtype])


def probe_roundtrip(m, kind, spec, seed):
    """Save with the tree's own function, load with its own: what comes back, and which files were written."""
    save, load = {"tensor": ("save_tensor", "load_tensor"), "list": ("save_tensors", "load_tensors"),
                  "dict": ("save_tensor_dict", "load_tensor_dict")}[kind]
    if kind == "tensor":
        value = _make(*spec, seed)
    elif kind == "list":
        value = [_make(dtype, shape, seed + k) for k, (dtype, shape) in enumerate(spec)]
    else:
        value = {key: _make(dtype, shape, seed + k) for k, (key, dtype, shape) in enumerate(spec)}
    files, loaded, safety = round_trip(getattr(m, save), getattr(m, load), value, framework="pytorch")
    out = {"files": files, "safety": safety, "type": type(loaded).__name__,
           "is_list": isinstance(loaded, list), "is_dict": isinstance(loaded, dict)}
    if kind == "tensor":
        out["loaded"] = observe(loaded, "the loaded object") if loaded is not None else None
    elif kind == "list" and isinstance(loaded, list):
        out["loaded"] = [observe(t, f"item {k}") for k, t in enumerate(loaded)]
    elif kind == "dict" and isinstance(loaded, dict):
        out["keys"] = list(loaded.keys())
        out["loaded"] = [observe(t, f"value {k!r}") for k, t in loaded.items()]
    return out


def _check_files_and_safety(called, got, load_name):
    """What the file looks like and whether loading ran its code: checked before the round trip."""
    check_files(called, got)
    check_not_executed(got, load_name, SAFE_LOAD)


@grader("tensor")
def tensor_roundtrip(g):
    @g.for_all(dtype=file_dtypes, shape=shapes, seed=seeds)
    def exact_roundtrip(dtype, shape, seed):
        called = f"save_tensor(x, {FILE!r}); load_tensor({FILE!r}) with x {_a(_spec_text(dtype, shape))}"
        got, ref = g.both(probe_roundtrip, "tensor", (dtype, shape), seed, seed=seed, called=called)
        _check_files_and_safety(called, got, "load_tensor")
        assert_same(got["loaded"], ref["loaded"], headline="does not round-trip tensors exactly.", called=called,
                    what="the loaded tensor", exact=True)
        check_refused(got, "load_tensor")


@grader("tensor_list")
def tensor_list_roundtrip(g):
    def exact_roundtrip(spec, seed):
        items = ", ".join(_spec_text(*s) for s in spec) or "nothing"
        called = f"save_tensors(xs, {FILE!r}); load_tensors({FILE!r}) with xs: [{items}]"
        got, ref = g.both(probe_roundtrip, "list", spec, seed, seed=seed, called=called)
        _check_files_and_safety(called, got, "load_tensors")
        check(got["is_list"], "does not load a list.",
              f"Called `{called}`. Got {_a(got['type'])}, but the reference gives a list.")
        check(len(got["loaded"]) == len(ref["loaded"]), "loads a different number of tensors.",
              f"Called `{called}`. Got {len(got['loaded'])} tensors, but the reference gives {len(ref['loaded'])}.")
        for k, (a, b) in enumerate(zip(got["loaded"], ref["loaded"])):
            assert_same(a, b, headline="does not round-trip lists of tensors exactly.", called=called,
                        what=f"item {k}", exact=True)
        check_refused(got, "load_tensors")

    exact_roundtrip(long_list_spec(), g.fixed_seed)  # twelve tensors, every dtype, 0-d and empty ones
    exact_roundtrip([], g.fixed_seed)  # an empty list
    g.for_all(spec=st.lists(st.tuples(file_dtypes, shapes), max_size=4), seed=seeds)(exact_roundtrip)


@grader("tensor_dict")
def tensor_dict_roundtrip(g):
    entries = st.lists(st.tuples(dict_keys, file_dtypes, shapes), max_size=4, unique_by=lambda e: e[0])

    def exact_roundtrip(spec, seed):
        items = ", ".join(f"{k!r}: {_spec_text(d, s)}" for k, d, s in spec)
        called = f"save_tensor_dict(d, {FILE!r}); load_tensor_dict({FILE!r}) with d: {{{items}}}"
        got, ref = g.both(probe_roundtrip, "dict", spec, seed, seed=seed, called=called)
        _check_files_and_safety(called, got, "load_tensor_dict")
        check(got["is_dict"], "does not load a dict.",
              f"Called `{called}`. Got {_a(got['type'])}, but the reference gives a dict.")
        assert_equal(sorted(got["keys"]), sorted(ref["keys"]), headline="loses or renames keys.", called=called,
                     what="keys")
        mine = dict(zip(got["keys"], got["loaded"]))
        for key, b in zip(ref["keys"], ref["loaded"]):
            assert_same(mine[key], b, headline="does not round-trip dicts of tensors exactly.", called=called,
                        what=f"the value for {key!r}", exact=True)
        check_refused(got, "load_tensor_dict")

    exact_roundtrip(clashing_dict_spec(), g.fixed_seed)  # keys that clash inside a format, every dtype
    g.for_all(spec=entries, seed=seeds)(exact_roundtrip)


def _make_net(a, b, c):
    return nn.Sequential(nn.Linear(a, b), nn.BatchNorm1d(b), nn.ReLU(), nn.Dropout(0.5), nn.Linear(b, c))


def probe_params(m, a, b, c, seed):
    torch.manual_seed(seed)
    net = _make_net(a, b, c)
    net(torch.randn(4, a))  # training step: BatchNorm's running statistics move away from their defaults
    made = []

    def make_net():
        fresh = _make_net(a, b, c)  # fresh random weights: a loader that forgets to load is visible
        made.append(fresh)
        return fresh

    files, loaded, safety = round_trip(m.save_params, lambda p: m.load_params(make_net, p), net,
                                       framework="pytorch")
    out = {"files": files, "safety": safety, "type": type(loaded).__name__,
           "expected": {k: observe(v) for k, v in net.state_dict().items()}}
    if isinstance(loaded, nn.Module):
        out["fresh"] = loaded is not net and any(loaded is x for x in made)
        out["state"] = {k: observe(v) for k, v in loaded.state_dict().items()}
        out["training"] = [mod.training for mod in loaded.modules()]
    return out


@grader("params")
def params_roundtrip(g):
    @g.for_all(a=sizes, b=sizes, c=sizes, seed=seeds)
    def restores_a_fresh_net(a, b, c, seed):
        net = f"Sequential(Linear({a}, {b}), BatchNorm1d({b}), ReLU(), Dropout(0.5), Linear({b}, {c}))"
        called = f"save_params(net, {FILE!r}); load_params(make_net, {FILE!r}) with net = {net}"
        got = g.student(probe_params, a, b, c, seed, seed=seed, called=called)
        _check_files_and_safety(called, got, "load_params")
        check("state" in got, "does not return a module.",
              f"Called `{called}`. Got {_a(got['type'])}, but the reference returns the net made by make_net().")
        check(got["fresh"], "does not return the net made by make_net().",
              f"Called `{called}`. load_params must call make_net() and load the saved state into that net.")
        assert_equal(sorted(got["state"]), sorted(got["expected"]), headline="loses parameters or buffers.",
                     called=called, what="state_dict() keys")
        for key, expected in got["expected"].items():
            assert_same(got["state"][key], expected, headline="does not restore every parameter and buffer.",
                        called=called, what=f"state_dict()[{key!r}]", exact=True)
        check(not any(got["training"]), "does not put the loaded net in eval mode.",
              f"Called `{called}`. Got modules with training=True; call .eval() before returning.")
        check_refused(got, "load_params")
