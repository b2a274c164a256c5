"""Graders for pytorch/parameters.py (d2l 6.2 Parameter Management)."""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Mapping

import numpy as np
import torch
from hypothesis import strategies as st
from torch import nn

from harness.api import (assert_equal, assert_same, batches, check, fail, floats, grader, ordinal, seeds,
                        sizes, stats)
from harness.frameworks.torch_glue import load_used_weights, observe, run_recording, tensor, used_weights

from ._common import check_fresh, compare_forward, fresh_build

# ---------------------------------------------------------------- access


def _three_layers(a, b, c, norm, nested=False, tied=False):
    layers = [nn.Linear(a, b), nn.ReLU()]
    if norm:
        layers.append(nn.BatchNorm1d(b))  # buffers: running_mean, running_var, num_batches_tracked
    if tied:  # one module object at two indices: children(), modules() and named_parameters() list it once
        shared = nn.Linear(b, b)
        layers += [shared, nn.ReLU(), shared]
    layers.append(nn.Linear(b, c))
    net = nn.Sequential(*layers)
    if nested:  # keys such as "0.2.running_mean": more than one dot
        net = nn.Sequential(net, nn.ReLU(), nn.Linear(c, a))
    return net


def _net_text(a, b, c, norm, nested=False, tied=False):
    mid = f"ReLU(), BatchNorm1d({b}), " if norm else "ReLU(), "
    if tied:
        mid += f"shared, ReLU(), shared (one Linear({b}, {b}) object twice), "
    text = f"Sequential(Linear({a}, {b}), {mid}Linear({b}, {c}))"
    return f"Sequential({text}, ReLU(), Linear({c}, {a}))" if nested else text


nets = st.tuples(sizes, sizes, sizes, st.booleans(), st.booleans(), st.booleans())


class WithOwnParameter(nn.Module):
    """A module with a parameter of its own beside a child: names that no position in a Sequential gives."""

    def __init__(self):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(3))
        self.body = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))

    def forward(self, X):
        return self.body(X * self.scale)


def _long_net():  # twelve layers: "1" is a prefix of "10" and "11"
    layers = [nn.Linear(3, 4)]
    for _ in range(5):
        layers += [nn.ReLU(), nn.Linear(4, 4)]
    return nn.Sequential(*layers, nn.ReLU())


def _named_net():  # children named, not numbered: net[0] still works, "0.weight" is no key
    return nn.Sequential(OrderedDict(first=nn.Linear(3, 4), act=nn.ReLU(), norm=nn.BatchNorm1d(4),
                                     last=nn.Linear(4, 2)))


def _frozen_net():  # a frozen layer is still a parameter
    net = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
    net[0].requires_grad_(False)
    return net


_KINDS = {"long": (_long_net, "a Sequential of 12 layers (Linear(3, 4), then ReLU and Linear(4, 4) five times, ReLU)"),
          "named": (_named_net, "Sequential(OrderedDict(first=Linear(3, 4), act=ReLU(), norm=BatchNorm1d(4), "
                                "last=Linear(4, 2)))"),
          "frozen": (_frozen_net, "Sequential(Linear(3, 4) with requires_grad False, ReLU(), Linear(4, 2))"),
          "own": (WithOwnParameter, "a Module with its own Parameter `scale` and a child Sequential `body`")}


def _make(spec):
    """A net from a drawn spec (sizes and flags for :func:`_three_layers`) or a fixed kind's name."""
    return _KINDS[spec][0]() if isinstance(spec, str) else _three_layers(*spec)


def _text(spec):
    return _KINDS[spec][1] if isinstance(spec, str) else _net_text(*spec)


# Run first by every access grader: buffers (BatchNorm) and nested keys in one small net; a net holding one
# module object twice (net[i] and the state dict see both places, children() and named_parameters() one); twelve
# layers; named children; a frozen layer.  "own" is not indexable: only the name- and key-based units get it.
_FIXED_NETS = ((3, 4, 2, True, True, False), (3, 4, 2, False, False, True), "long", "named", "frozen")


def _shares(value, net) -> bool:
    """``value`` is (a view of) one of ``net``'s parameters or buffers, as a state dict's entries are."""
    return isinstance(value, torch.Tensor) and any(
        value.data_ptr() == t.data_ptr() for t in (*net.parameters(), *net.buffers()) if t.numel())


def _value_obs(value, net, what):
    return {"value": observe(value, what), "shares": _shares(value, net) or not getattr(value, "numel", lambda: 1)()}


def _check_state_entry(a, b, called, what):
    """A state-dict entry: the value, sharing storage with the net (not a copy).  Whether it is detached (as
    state_dict() gives it) or the Parameter itself is not graded: the contract asks for the tensor's values."""
    __tracebackhide__ = True
    assert_same(a["value"], b["value"], headline="returns the wrong value from the state.", called=called,
                what=what, exact=True)
    check(a["shares"] == b["shares"], "returns copies instead of the state's tensors.",
          f"Called `{called}`. Got {what} that no longer shares memory with the net, but state_dict() gives the "
          "net's own tensors (no deepcopy, clone() or numpy).")


def probe_layer_state(m, spec, indices):
    """``layer_state`` for each index in turn on one net."""
    net = _make(spec)
    out = []
    for i in indices:
        state = m.layer_state(net, i)
        if not isinstance(state, Mapping):
            out.append({"type": type(state).__name__})
        else:
            out.append({"type": "dict", "keys": list(state.keys()),
                        "values": [_value_obs(v, net, f"state[{k!r}]") for k, v in state.items()]})
    return out


@grader("layer_state")
def layer_state(g):
    def same_state(spec, seed):
        # every layer (parameters, buffers, none, a nested block), and the last one as -1
        indices = (*range(len(_make(spec))), -1)
        pairs = g.both_each(probe_layer_state, (spec,), indices, seed=seed,
                            called=lambda i: f"layer_state({_text(spec)}, {i})")
        for i, (got, ref) in zip(indices, pairs):
            called = f"layer_state({_text(spec)}, {i})"
            check(got["type"] == "dict", "does not return a state dict.",
                  f"Called `{called}`. Got a {got['type']}, but the reference gives net[{i}].state_dict().")
            assert_equal(got["keys"], ref["keys"], headline="returns the wrong layer's state.", called=called,
                         what="keys")
            for key, a, b in zip(ref["keys"], got["values"], ref["values"]):
                _check_state_entry(a, b, called, f"[{key!r}]")

    for spec in _FIXED_NETS:
        same_state(spec, g.fixed_seed)
    g.for_all(spec=nets, seed=seeds)(same_state)


def probe_named_shapes(m, spec):
    net = _make(spec)
    result = m.named_shapes(net)
    try:
        items = list(result)
        pairs = [(str(name), tuple(int(d) for d in shape), type(shape).__name__) for name, shape in items]
    except (TypeError, ValueError):
        first = repr(items[0]) if isinstance(result, (list, tuple)) and items else None
        return {"ok": False, "type": type(result).__name__, "first": first}
    return {"ok": True, "pairs": [p[:2] for p in pairs], "types": sorted({p[2] for p in pairs})}


@grader("named_shapes")
def named_shapes(g):
    def same_pairs(spec, seed):
        called = f"named_shapes({_text(spec)})"
        got, ref = g.both(probe_named_shapes, spec, seed=seed, called=called)
        first = f" whose first item is {got['first']}" if got.get("first") else ""
        check(got["ok"], "does not return (name, shape) pairs.",
              f"Called `{called}`. Got a {got.get('type')}{first}, but the reference gives pairs such as "
              f"{ref['pairs'][0]!r}.")
        check(set(got["types"]) <= {"tuple", "Size"}, "returns shapes that are not tuples.",
              f"Called `{called}`. Got shapes of type {got['types']}, but the reference gives tuple.")
        assert_equal(got["pairs"], ref["pairs"], headline="does not list named_parameters() in order.",
                     called=called, what="pairs")

    for spec in (*_FIXED_NETS, "own"):
        same_pairs(spec, g.fixed_seed)
    g.for_all(spec=nets, seed=seeds)(same_pairs)


def probe_state_keys(m, spec):
    """The reference side: every key of the net's state_dict."""
    return list(_make(spec).state_dict())


def probe_state_values(m, spec, keys):
    """``state_value`` for each key in turn on one net, then again after ``net.double()`` (new tensors behind the
    same keys: an answer kept from the first calls shows)."""
    net = _make(spec)
    first = [_value_obs(m.state_value(net, key), net, f"the value for {key!r}") for key in keys]
    net.double()
    later = [_value_obs(m.state_value(net, key), net, f"the value for {key!r} after net.double()") for key in keys]
    return list(zip(first, later))


@grader("state_value")
def state_value(g):
    def same_values(spec, seed):
        keys = g.reference(probe_state_keys, spec, seed=seed, called="state_dict()")
        pairs = g.both_each(probe_state_values, (spec,), keys, seed=seed,  # every key: parameters, buffers, nested
                            called=lambda key: f"state_value({_text(spec)}, {key!r})")
        for key, ((got, got_later), (ref, ref_later)) in zip(keys, pairs):
            called = f"state_value({_text(spec)}, {key!r})"
            _check_state_entry(got, ref, called, "the value")
            _check_state_entry(got_later, ref_later, f"{called} again after net.double()", "the value")

    for spec in (*_FIXED_NETS, "own"):
        same_values(spec, g.fixed_seed)
    g.for_all(spec=nets, seed=seeds)(same_values)


def _deep_net(depth, width):
    """Nested Sequentials: [Sequential([... Linear ...]), ReLU, Linear] ``depth`` levels deep."""
    if depth == 0:
        return nn.Linear(width, width)
    return nn.Sequential(_deep_net(depth - 1, width), nn.ReLU(), nn.Linear(width, width))


def _leaf_paths(net, prefix=()):
    if isinstance(net, nn.Linear):
        return [prefix]
    if not isinstance(net, nn.Sequential):
        return []
    paths = []
    for i, child in enumerate(net):
        paths += _leaf_paths(child, prefix + (i,))
    return paths


def _nested_fixed(kind):
    """Nets for the fixed examples of nested_param: (net, path)."""
    if kind == "linear":  # the empty path: the net's own parameter
        return nn.Linear(3, 3), ()
    if kind == "negative":  # net[0][-1]
        return _deep_net(2, 3), (0, -1)
    if kind == "named":  # named children, indexed by position
        return nn.Sequential(OrderedDict(body=_named_net(), head=nn.Linear(2, 2))), (0, 3)
    shared = nn.Linear(3, 3)  # "tied": one module at indices 2 and 4, then a different one at 5
    return nn.Sequential(nn.Linear(3, 3), nn.ReLU(), shared, nn.ReLU(), shared, nn.Linear(3, 2)), (5,)


_NESTED_TEXT = {"linear": "Linear(3, 3)", "negative": "2-deep nested Sequentials",
                "named": "Sequential(OrderedDict(body=Sequential(OrderedDict(first=..., act=..., norm=..., last=...)), "
                         "head=...))",
                "tied": "Sequential(Linear, ReLU, shared, ReLU, shared, Linear(3, 2)) with one `shared` object twice"}


def probe_nested_param(m, depth, width, pick, name):
    if isinstance(depth, str):
        net, path = _nested_fixed(depth)
    else:
        net = _deep_net(depth, width)
        paths = _leaf_paths(net)
        path = paths[pick % len(paths)]
    target = net
    for i in path:
        target = target[i]
    want = getattr(target, name)
    got = m.nested_param(net, path, name)
    found = {"path": list(path), "same": got is want, "type": type(got).__name__,
             "equal": isinstance(got, torch.Tensor) and got.shape == want.shape and bool(torch.equal(got, want))}
    if found["same"]:  # the parameter replaced by a new one: a second lookup must find the new one
        replaced = nn.Parameter(want.detach() + 1)
        setattr(target, name, replaced)
        found["again_same"] = m.nested_param(net, path, name) is replaced
    return found


@grader("nested_param")
def nested_param(g):
    def the_parameter_itself(depth, width, pick, name, seed):
        ref = g.reference(probe_nested_param, depth, width, pick, name, seed=seed, called="nested_param")
        on = _NESTED_TEXT[depth] if isinstance(depth, str) else f"{depth}-deep nested Sequentials"
        called = f"nested_param(net, {tuple(ref['path'])}, {name!r}) on {on}"
        got = g.student(probe_nested_param, depth, width, pick, name, seed=seed, called=called)
        if got["same"]:
            target = f"net{''.join(f'[{i}]' for i in ref['path'])}.{name}"
            check(got["again_same"], "returns a parameter kept from an earlier call.",
                  f"Called `{called}`, then set {target} = nn.Parameter(...) and called it again. Got the old "
                  "Parameter, but the reference follows the path anew on every call (no cache).")
            return
        if got["equal"]:
            fail("returns a copy, not the Parameter itself.",
                 f"Called `{called}`. Got a {got['type']} with the right values, but the reference gives the "
                 "Parameter object itself (no .data, .clone() or .detach()).")
        fail("returns the wrong tensor.", f"Called `{called}`. Got a {got['type']} that is not "
                                           f"net{''.join(f'[{i}]' for i in ref['path'])}.{name}.")

    for kind in _NESTED_TEXT:
        for name in ("weight", "bias"):
            the_parameter_itself(kind, 0, 0, name, g.fixed_seed)
    g.for_all(depth=st.integers(1, 3), width=sizes, pick=st.integers(0, 10),
              name=st.sampled_from(["weight", "bias"]), seed=seeds)(the_parameter_itself)


def probe_rgnet_names(m):
    b2 = m.block2()
    children = list(b2._modules.items()) if isinstance(b2, nn.Module) else []  # duplicates included
    net = m.rgnet()
    return {"children": [n for n, _ in children] if isinstance(b2, nn.Module) else None,
            "distinct": len({id(c) for _, c in children}),
            "keys": list(net.state_dict().keys()),
            "fresh": fresh_build(m, "rgnet", (), net)}


@grader("rgnet")
def rgnet(g):
    got, ref = g.both(probe_rgnet_names, seed=g.fixed_seed, called="block2()")
    check(got["distinct"] == len(got["children"] or ()), "repeats one block1() object inside block2().",
          f"Called `block2()`. Got {len(got['children'] or ())} blocks but {got['distinct']} distinct block "
          "object(s), which share their parameters; call block1() once per block.")
    assert_equal(got["children"], ref["children"], headline="names its blocks unlike the book.",
                 called="block2().named_children()", what="names")
    assert_equal(got["keys"], ref["keys"], headline="has state_dict() keys unlike the reference.",
                 called="rgnet().state_dict().keys()", what="keys")
    check_fresh(got, ref, "rgnet()")

    for ctor in ("block1", "block2"):  # once each; rgnet() holds both, so its property covers them again
        compare_forward(g, ctor, inputs=[floats((3, 4), g.fixed_seed)], seed=g.fixed_seed)

    @g.for_all(n=batches, seed=seeds)
    def forward_matches(n, seed):
        compare_forward(g, "rgnet", inputs=[floats((n, 4), seed)], seed=seed)


# ---------------------------------------------------------------- initialisation

FAN_IN, HIDDEN, FAN_OUT = 300, 256, 280  # non-square, >= 256 x 256 (the units' rules)


class Holder(nn.Module):
    """Linear layers that are not children of an nn.Sequential: one in float64 and, for the functions that leave the
    bias alone (so have no reason to touch it), one without a bias.  The book's init_normal and init_constant zero
    the bias unconditionally, which a bias-free layer would crash: they are not given one."""

    def __init__(self, no_bias: bool):
        super().__init__()
        self.wide = nn.Linear(5, 6).double()
        self.frozen = nn.Linear(4, 3).requires_grad_(False)  # a frozen (pretrained) Linear is a Linear too
        if no_bias:
            self.no_bias = nn.Linear(6, 5, bias=False)


def probe_init(m, fn_name, no_bias):
    # Besides the two large Linear layers: modules that have a `weight` (and a `bias`) but are not nn.Linear, which
    # the function must leave alone ("changes nn.Linear modules only"), and small Linear layers inside a plain
    # Module, without a bias, in float64.  Then every Linear weight is moved and the function applied again: a
    # second application works like the first, and a random one draws new values.
    net = nn.Sequential(nn.Linear(FAN_IN, HIDDEN), nn.ReLU(), nn.LayerNorm(HIDDEN), nn.Linear(HIDDEN, FAN_OUT),
                        nn.Sequential(nn.Conv2d(2, 3, 3), nn.Embedding(5, 4), nn.Bilinear(2, 3, 4)), Holder(no_bias))
    with torch.no_grad():  # LayerNorm starts at 1 / 0: make "changed it" visible
        net[2].weight.uniform_(0.5, 1.5)
        net[2].bias.uniform_(-0.5, 0.5)
    before = list(net.parameters())  # what an optimizer holds (torch.optim itself costs 1 s to import)
    trainable = [p.requires_grad for p in before]
    values_before = [observe(p) for p in before]
    fn = getattr(m, fn_name)
    net.apply(fn)
    after = list(net.parameters())
    result = {
        "same_objects": len(after) == len(before) and all(a is b for a, b in zip(after, before)),
        "history": [p.grad_fn is not None or not p.is_leaf or p.requires_grad != t for p, t in zip(after, trainable)],
        "before": values_before,
        "after": [observe(p) for p in after],
    }
    with torch.no_grad():
        for mod in net.modules():
            if isinstance(mod, nn.Linear):
                mod.weight.add_(0.5)
    net.apply(fn)
    result["again"] = observe(net[0].weight)
    return result


# indices of the parameters in probe_init's net
_W0, _B0, _NW, _NB, _W1, _B1 = range(6)
_OTHERS = {_NW: "LayerNorm.weight", _NB: "LayerNorm.bias", 6: "Conv2d.weight", 7: "Conv2d.bias",
           8: "Embedding.weight", 9: "Bilinear.weight", 10: "Bilinear.bias"}
_WIDE_W, _WIDE_B, _FROZEN_W, _FROZEN_B, _SMALL_W = 11, 12, 13, 14, 15
_LINEAR = {_W0: "first Linear's weight", _B0: "first Linear's bias", _W1: "second Linear's weight",
           _B1: "second Linear's bias", _SMALL_W: "weight of a Linear(6, 5, bias=False) inside a plain Module",
           _FROZEN_W: "weight of a frozen Linear(4, 3) (requires_grad False) inside a plain Module",
           _FROZEN_B: "bias of a frozen Linear(4, 3) (requires_grad False) inside a plain Module",
           _WIDE_W: "weight of a float64 Linear(5, 6) inside a plain Module",
           _WIDE_B: "bias of a float64 Linear(5, 6) inside a plain Module"}
# (weight index, bias index or None, fan_in, fan_out, large enough for distribution tests)
_LAYERS = ((_W0, _B0, FAN_IN, HIDDEN, True), (_W1, _B1, HIDDEN, FAN_OUT, True), (_WIDE_W, _WIDE_B, 5, 6, False),
           (_FROZEN_W, _FROZEN_B, 4, 3, False), (_SMALL_W, None, 6, 5, False))
_NET_TEXT = (f"Sequential(Linear({FAN_IN}, {HIDDEN}), ReLU(), LayerNorm({HIDDEN}), Linear({HIDDEN}, {FAN_OUT}), "
             "Sequential(Conv2d(2, 3, 3), Embedding(5, 4), Bilinear(2, 3, 4)), a Module holding a float64 Linear(5, 6), "
             "a frozen Linear(4, 3){})")


def _weight_problem(rule, v, fan_in, fan_out, large) -> str:
    """'' if the weight values ``v`` follow ``rule``; else what is off.  Small layers get the exact bounds only."""
    if rule in ("one", "42"):
        value = 1.0 if rule == "one" else 42.0
        return "" if np.all(v == value) else f"it is not {value:g} everywhere"
    if rule == "normal":
        if large:
            return stats.normal_problem(v, 0.0, 0.01)
        return "" if np.abs(v).max() < 0.06 and v.std() > 0 else "its values are not like N(0, 0.01)"
    if rule == "xavier":
        bound = math.sqrt(6.0 / (fan_in + fan_out))
        if large:
            return stats.uniform_problem(v, -bound, bound)
        return "" if np.abs(v).max() <= bound * (1 + 1e-6) and v.std() > 0 else \
            f"its values are not within the Xavier bound {bound:.4g}"
    if large:
        return stats.my_init_problem(v)
    kept = v[v != 0]
    return "" if kept.size and np.all((np.abs(kept) >= 5) & (np.abs(kept) <= 10)) else \
        "its values are not 0 or 5 <= |w| <= 10"


# Per function: the weight rule, what happens to the bias ("zero" or "untouched"), whether values are random.
_INITS = {"init_normal": ("normal", "zero", True), "init_constant": ("one", "zero", False),
          "init_xavier": ("xavier", "untouched", True), "init_42": ("42", "untouched", False),
          "my_init": ("my_init", "untouched", True)}


def _grade_init(g, fn_name):
    rule, bias_rule, random = _INITS[fn_name]
    no_bias = bias_rule == "untouched"
    called = f"net.apply({fn_name}) on {_NET_TEXT.format(' and a Linear(6, 5, bias=False)' if no_bias else '')}"
    got = g.student(probe_init, fn_name, no_bias, seed=g.fixed_seed, called=called)
    check(got["same_objects"], "replaces Parameter objects instead of changing them in place.",
          f"Called `{called}`. Got new Parameter objects, but the reference keeps the same ones, so an optimizer "
          "holding them sees the new values. Use nn.init.*_ functions or in-place ops under torch.no_grad().")
    check(not any(got["history"]), "records autograd history while initialising (or freezes parameters).",
          f"Called `{called}`. Got parameters that are no longer trainable leaves without grad_fn; wrap in-place "
          "changes in torch.no_grad() and leave requires_grad as it was.")
    for k, name in _OTHERS.items():
        assert_same(got["after"][k], got["before"][k], headline="changes modules other than nn.Linear.",
                    called=called, what=name, exact=True)
    for w, b, fan_in, fan_out, large in _LAYERS:
        if w >= len(got["after"]):
            continue  # the bias-free layer, for functions that zero the bias
        after, before = got["after"][w], got["before"][w]
        check(after.dtype == before.dtype, f"changes the dtype of the {_LINEAR[w]}.",
              f"Called `{called}`. Got {after.dtype}, but the layer was {before.dtype}: fill the Parameter in place "
              "(assigning a new tensor to .data replaces its dtype and device).")
        problem = _weight_problem(rule, after.values.astype(np.float64), fan_in, fan_out, large)
        if problem:
            fail(f"initialises the {_LINEAR[w]} wrongly: {problem}.",
                 f"Called `{called}`. Got {_LINEAR[w]} with {stats.describe(after.values)}.")
        if b is None:
            continue
        if bias_rule == "zero":
            v = got["after"][b].values
            if not np.all(v == 0):
                fail(f"sets the {_LINEAR[b]} to the wrong value.",
                     f"Called `{called}`. Got {_LINEAR[b]} with {stats.describe(v)}, but the reference gives "
                     "0 everywhere.")
        else:
            assert_same(got["after"][b], got["before"][b],
                        headline=f"changes the {_LINEAR[b]}, which must stay untouched.", called=called,
                        what=_LINEAR[b], exact=True)
    again = got["again"].values.astype(np.float64)
    problem = _weight_problem(rule, again, FAN_IN, HIDDEN, True)
    check(not problem, f"does not initialise a layer the second time it is applied: {problem}.",
          f"Called `{called}`, then moved every weight and applied it again. Got the {_LINEAR[_W0]} with "
          f"{stats.describe(again)}: each call must initialise the module it is given (no memory of past calls).")
    if random:
        check(not np.array_equal(np.sort(again, axis=None), np.sort(got["after"][_W0].values, axis=None)),
              "draws the same values every time.",
              f"Called `{called}` twice. Got the same values (in some order) in the {_LINEAR[_W0]} both times, but "
              "the reference draws new random values on each call: no fixed seed, no fixed grid.")


@grader("init_normal")
def init_normal(g):
    _grade_init(g, "init_normal")


@grader("init_constant")
def init_constant(g):
    _grade_init(g, "init_constant")


@grader("init_xavier")
def init_xavier(g):
    _grade_init(g, "init_xavier")


@grader("init_42")
def init_42(g):
    _grade_init(g, "init_42")


@grader("my_init")
def my_init(g):
    _grade_init(g, "my_init")


def _manual_net(kind, a, b, c):
    if kind == "named":  # net[0] is not named "0"
        return nn.Sequential(OrderedDict(first=nn.Linear(a, b), act=nn.ReLU(), last=nn.Linear(b, c)))
    net = nn.Sequential(nn.Linear(a, b), nn.ReLU(), nn.Linear(b, c))
    return net.double() if kind == "float64" else net


def probe_set_manually(m, a, b, c, kind="plain"):
    """One net after ``set_manually``, then after a second call (each call adds 1 again)."""
    net = _manual_net(kind, a, b, c)
    before = list(net.parameters())
    m.set_manually(net)
    after = list(net.parameters())
    found = {"same_objects": all(x is y for x, y in zip(before, after)) and len(before) == len(after),
             "history": any(p.grad_fn is not None or not p.is_leaf for p in after),
             "trainable": [p.requires_grad for p in after], "training": [mod.training for mod in net.modules()],
             "values": [observe(p) for p in after]}
    m.set_manually(net)
    found["twice"] = [observe(p) for p in net.parameters()]
    return found


@grader("set_manually")
def set_manually(g):
    def same_values(a, b, c, seed, kind="plain"):
        net = {"plain": f"Sequential(Linear({a}, {b}), ReLU(), Linear({b}, {c}))",
               "named": f"Sequential(OrderedDict(first=Linear({a}, {b}), act=ReLU(), last=Linear({b}, {c})))",
               "float64": f"Sequential(Linear({a}, {b}), ReLU(), Linear({b}, {c})).double()"}[kind]
        called = f"set_manually({net})"
        got, ref = g.both(probe_set_manually, a, b, c, kind, seed=seed, called=called)
        check(got["same_objects"], "replaces Parameter objects instead of changing them in place.",
              f"Called `{called}`. Change net[0].weight in place under torch.no_grad().")
        check(not got["history"], "records autograd history.",
              f"Called `{called}`. Got a weight with a grad_fn; wrap the changes in torch.no_grad().")
        check(got["trainable"] == ref["trainable"], "leaves parameters frozen.",
              f"Called `{called}`. Got requires_grad {got['trainable']}, but the reference leaves every parameter "
              "trainable: torch.no_grad() is enough, requires_grad need not change.")
        check(got["training"] == ref["training"], "changes the net's train/eval mode.",
              f"Called `{called}`. Got training flags {got['training']}, but the reference leaves the mode alone.")
        names = ["net[0].weight", "net[0].bias", "net[2].weight", "net[2].bias"]
        for name, x, y in zip(names, got["values"], ref["values"]):
            assert_same(x, y, headline=f"leaves {name} different from the reference.", called=called, what=name,
                        exact=True)
        for name, x, y in zip(names, got["twice"], ref["twice"]):
            assert_same(x, y, headline=f"leaves {name} different from the reference after a second call.",
                        called=f"{called} twice on one net (each call adds 1 again)", what=name, exact=True)

    same_values(3, 4, 2, g.fixed_seed, "named")
    same_values(3, 4, 2, g.fixed_seed, "float64")
    g.for_all(a=sizes, b=sizes, c=sizes, seed=seeds)(same_values)


def probe_tied(m, width, x, weights):
    net = m.tied_net() if width is None else m.tied_net(width)
    other = m.tied_net() if width is None else m.tied_net(width)  # a second net: it must share nothing with net
    params = list(net.parameters()) if isinstance(net, nn.Module) else []
    theirs = {id(p) for p in other.parameters()} if isinstance(other, nn.Module) else set()
    built = {"lazy": sum(isinstance(p, nn.parameter.UninitializedParameter) for p in params),
             "shared_with_other": sum(id(p) in theirs for p in params)}
    tied = isinstance(net, nn.Sequential) and len(net) > 4 and net[2] is net[4]
    if not tied:  # reported first: it names the mistake, where the weight transfer would only see extra tensors
        return {"tied": False, **built}
    X = tensor(x)
    if weights is None:
        weights = used_weights(net, X)
    else:
        load_used_weights(net, weights, X)
    _, order = run_recording(net, X)
    net.zero_grad()
    out = net(X)
    out.sum().backward()
    grads = [observe(p.grad) if p.grad is not None else None for p in order]
    return {"tied": tied, "weights": weights, "out": observe(out.detach()), "grads": grads,
            "n_params": len(list(net.parameters())), **built}


@grader("tied_net")
def tied_net(g):
    def shares_and_sums_gradients(width, n, seed):
        x = floats((n, 4), seed)
        called = "tied_net()" if width is None else f"tied_net({width})"
        ref = g.reference(probe_tied, width, x, None, seed=seed, called=called)
        got = g.student(probe_tied, width, x, ref["weights"], seed=seed, called=called)
        check(not got["lazy"], "has parameters that do not exist before the first call.",
              f"Called `{called}`. Got {got['lazy']} uninitialized (lazy) parameter tensors before any input, but "
              f"the reference's are all there: the contract fixes the shared layer as nn.Linear({width or 8}, "
              f"{width or 8}) (the book's nn.LazyLinear has no weights until the net is first called).")
        check(not got["shared_with_other"], "returns nets that share parameters with each other.",
              f"Called `{called}` twice. Got {got['shared_with_other']} parameter tensors in both nets, but each "
              "reference net has its own: create the shared layer inside tied_net(), once per net.")
        check(got["tied"], "does not tie layers 2 and 4: net[2] is not net[4].",
              f"Called `{called}`. Put one nn.Linear({width or 8}, {width or 8}) object at both places; copying values "
              "makes two layers that drift apart during training.")
        check(got["n_params"] == ref["n_params"],
              f"has {got['n_params']} parameter tensors, but the reference has {ref['n_params']} "
              "(the shared layer counts once).")
        assert_same(got["out"], ref["out"], headline="computes a different forward pass than the reference.",
                    called=f"{called}(X) with X of shape {x.shape}")
        for k, (a, b) in enumerate(zip(got["grads"], ref["grads"])):
            if a is None:
                fail("gives a parameter no gradient.", f"Called `{called}(X).sum().backward()`. Got grad None "
                                                      f"for the {ordinal(k + 1)} parameter the forward pass uses.")
            assert_same(a, b, headline="does not sum the gradients of both uses of the shared layer.",
                        called=f"{called}(X).sum().backward()",
                        what=f"the gradient of the {ordinal(k + 1)} parameter the forward pass uses")

    shares_and_sums_gradients(None, 11, g.fixed_seed)  # the default width (8), a batch above 8
    g.for_all(width=sizes, n=batches, seed=seeds)(shares_and_sums_gradients)
