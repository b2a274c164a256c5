"""Graders for pytorch/parameters.py (d2l 6.2 Parameter Management)."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import torch
from hypothesis import strategies as st
from torch import nn

from harness import stats
from harness.feedback import assert_equal, assert_same, check, fail, ordinal
from harness.grading import grader
from harness.strategies import batches, chains, floats, seeds, sizes
from harness.torch_glue import load_used_weights, observe, run_recording, tensor, used_weights

from ._common import compare_forward

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
# Run first by every access grader: buffers (BatchNorm) and nested keys in one small net; then a net holding one
# module object twice (net[i] and the state dict see both places, children() and named_parameters() one).
_FIXED_NETS = ((3, 4, 2, True, True, False), (3, 4, 2, False, False, True))


def probe_layer_state(m, spec, i):
    net = _three_layers(*spec)
    state = m.layer_state(net, i)
    if not isinstance(state, Mapping):
        return {"type": type(state).__name__}
    return {"type": "dict", "keys": list(state.keys()),
            "values": [observe(v, f"state[{k!r}]") for k, v in state.items()]}


@grader("layer_state")
def layer_state(g):
    def same_state(spec, seed):
        for i in range(len(_three_layers(*spec))):  # every layer: parameters, buffers, none, a nested block
            called = f"layer_state({_net_text(*spec)}, {i})"
            got, ref = g.both(probe_layer_state, spec, i, seed=seed, called=called)
            check(got["type"] == "dict", "does not return a state dict.",
                  f"Called `{called}`. Got a {got['type']}, but the reference gives net[{i}].state_dict().")
            assert_equal(got["keys"], ref["keys"], headline="returns the wrong layer's state.", called=called,
                         what="keys")
            for key, a, b in zip(ref["keys"], got["values"], ref["values"]):
                assert_same(a, b, headline="returns the wrong layer's state.", called=called, what=f"[{key!r}]",
                            exact=True)

    for spec in _FIXED_NETS:
        same_state(spec, g.fixed_seed)
    g.for_all(spec=nets, seed=seeds)(same_state)


def probe_named_shapes(m, spec):
    net = _three_layers(*spec)
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
        called = f"named_shapes({_net_text(*spec)})"
        got, ref = g.both(probe_named_shapes, spec, seed=seed, called=called)
        first = f" whose first item is {got['first']}" if got.get("first") else ""
        check(got["ok"], "does not return (name, shape) pairs.",
              f"Called `{called}`. Got a {got.get('type')}{first}, but the reference gives pairs such as "
              f"{ref['pairs'][0]!r}.")
        check(set(got["types"]) <= {"tuple", "Size"}, "returns shapes that are not tuples.",
              f"Called `{called}`. Got shapes of type {got['types']}, but the reference gives tuple.")
        assert_equal(got["pairs"], ref["pairs"], headline="does not list named_parameters() in order.",
                     called=called, what="pairs")

    for spec in _FIXED_NETS:
        same_pairs(spec, g.fixed_seed)
    g.for_all(spec=nets, seed=seeds)(same_pairs)


def probe_state_values(m, spec):
    """The reference side: every key of the net's state_dict and its value."""
    state = _three_layers(*spec).state_dict()
    return {"keys": list(state), "values": [observe(v) for v in state.values()]}


def probe_state_value(m, spec, key):
    net = _three_layers(*spec)
    return observe(m.state_value(net, key), f"the value for {key!r}")


@grader("state_value")
def state_value(g):
    def same_values(spec, seed):
        ref = g.reference(probe_state_values, spec, seed=seed, called="state_dict()")
        for key, expected in zip(ref["keys"], ref["values"]):  # every key: parameters, buffers, nested ones
            called = f"state_value({_net_text(*spec)}, {key!r})"
            got = g.student(probe_state_value, spec, key, seed=seed, called=called)
            assert_same(got, expected, headline="returns the wrong value from state_dict().", called=called,
                        exact=True)

    for spec in _FIXED_NETS:
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


def probe_nested_param(m, depth, width, pick, name):
    net = _deep_net(depth, width)
    paths = _leaf_paths(net)
    path = paths[pick % len(paths)]
    target = net
    for i in path:
        target = target[i]
    want = getattr(target, name)
    got = m.nested_param(net, path, name)
    return {"path": list(path), "same": got is want, "type": type(got).__name__,
            "equal": isinstance(got, torch.Tensor) and got.shape == want.shape and bool(torch.equal(got, want))}


@grader("nested_param")
def nested_param(g):
    @g.for_all(depth=st.integers(1, 3), width=sizes, pick=st.integers(0, 10),
               name=st.sampled_from(["weight", "bias"]), seed=seeds)
    def the_parameter_itself(depth, width, pick, name, seed):
        ref = g.reference(probe_nested_param, depth, width, pick, name, seed=seed, called="nested_param")
        called = f"nested_param(net, {tuple(ref['path'])}, {name!r}) on {depth}-deep nested Sequentials"
        got = g.student(probe_nested_param, depth, width, pick, name, seed=seed, called=called)
        if got["same"]:
            return
        if got["equal"]:
            fail("returns a copy, not the Parameter itself.",
                 f"Called `{called}`. Got a {got['type']} with the right values, but the reference gives the "
                 "Parameter object itself (no .data, .clone() or .detach()).")
        fail("returns the wrong tensor.", f"Called `{called}`. Got a {got['type']} that is not "
                                           f"net{''.join(f'[{i}]' for i in ref['path'])}.{name}.")


def probe_rgnet_names(m):
    b2 = m.block2()
    children = list(b2._modules.items()) if isinstance(b2, nn.Module) else []  # duplicates included
    return {"children": [n for n, _ in children] if isinstance(b2, nn.Module) else None,
            "distinct": len({id(c) for _, c in children}),
            "keys": list(m.rgnet().state_dict().keys())}


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

    for ctor in ("block1", "block2"):  # once each; rgnet() holds both, so its property covers them again
        compare_forward(g, ctor, inputs=[floats((3, 4), g.fixed_seed)], seed=g.fixed_seed)

    @g.for_all(n=batches, seed=seeds)
    def forward_matches(n, seed):
        compare_forward(g, "rgnet", inputs=[floats((n, 4), seed)], seed=seed)


# ---------------------------------------------------------------- initialisation

FAN_IN, HIDDEN, FAN_OUT = 300, 256, 280  # non-square, >= 256 x 256 (CONTRACT.md)


def probe_init(m, fn_name):
    # Besides the two Linear layers, modules that have a `weight` (and a `bias`) but are not nn.Linear: the
    # function must leave them alone ("changes nn.Linear modules only").
    net = nn.Sequential(nn.Linear(FAN_IN, HIDDEN), nn.ReLU(), nn.LayerNorm(HIDDEN), nn.Linear(HIDDEN, FAN_OUT),
                        nn.Sequential(nn.Conv2d(2, 3, 3), nn.Embedding(5, 4), nn.Bilinear(2, 3, 4)))
    with torch.no_grad():  # LayerNorm starts at 1 / 0: make "changed it" visible
        net[2].weight.uniform_(0.5, 1.5)
        net[2].bias.uniform_(-0.5, 0.5)
    before = list(net.parameters())  # what an optimizer holds (torch.optim itself costs 1 s to import)
    values_before = [observe(p) for p in before]
    net.apply(getattr(m, fn_name))
    after = list(net.parameters())
    return {
        "same_objects": len(after) == len(before) and all(a is b for a, b in zip(after, before)),
        "history": [p.grad_fn is not None or not p.is_leaf or not p.requires_grad for p in after],
        "before": values_before,
        "after": [observe(p) for p in after],
    }


# names of the parameters in probe_init's net
_W0, _B0, _NW, _NB, _W1, _B1 = range(6)
_OTHERS = {_NW: "LayerNorm.weight", _NB: "LayerNorm.bias", 6: "Conv2d.weight", 7: "Conv2d.bias",
           8: "Embedding.weight", 9: "Bilinear.weight", 10: "Bilinear.bias"}
_LINEAR = {_W0: "first Linear's weight", _B0: "first Linear's bias", _W1: "second Linear's weight",
           _B1: "second Linear's bias"}


def _init_observed(g, fn_name):
    called = (f"net.apply({fn_name}) on Sequential(Linear({FAN_IN}, {HIDDEN}), ReLU(), LayerNorm({HIDDEN}), "
              f"Linear({HIDDEN}, {FAN_OUT}), Sequential(Conv2d(2, 3, 3), Embedding(5, 4), Bilinear(2, 3, 4)))")
    got = g.student(probe_init, fn_name, seed=g.fixed_seed, called=called)
    check(got["same_objects"], "replaces Parameter objects instead of changing them in place.",
          f"Called `{called}`. Got new Parameter objects, but the reference keeps the same ones, so an optimizer "
          "holding them sees the new values. Use nn.init.*_ functions or in-place ops under torch.no_grad().")
    check(not any(got["history"]), "records autograd history while initialising.",
          f"Called `{called}`. Got parameters that are no longer leaves without grad_fn; wrap in-place changes "
          "in torch.no_grad().")
    for k, name in _OTHERS.items():
        assert_same(got["after"][k], got["before"][k], headline="changes modules other than nn.Linear.",
                    called=called, what=name, exact=True)
    return called, got


def _expect_values(called, got, index, problem):
    if problem:
        fail(f"initialises the {_LINEAR[index]} wrongly: {problem}.",
             f"Called `{called}`. Got {_LINEAR[index]} with {stats.describe(got['after'][index].values)}.")


def _expect_untouched(called, got, index):
    assert_same(got["after"][index], got["before"][index],
                headline=f"changes the {_LINEAR[index]}, which must stay untouched.", called=called,
                what=_LINEAR[index], exact=True)


def _expect_constant(called, got, index, value):
    v = got["after"][index].values
    if not np.all(v == value):
        fail(f"sets the {_LINEAR[index]} to the wrong value.",
             f"Called `{called}`. Got {_LINEAR[index]} with {stats.describe(v)}, but the reference gives "
             f"{value:g} everywhere.")


@grader("init_normal")
def init_normal(g):
    called, got = _init_observed(g, "init_normal")
    for w, b in ((_W0, _B0), (_W1, _B1)):
        _expect_values(called, got, w, stats.normal_problem(got["after"][w].values, 0.0, 0.01))
        _expect_constant(called, got, b, 0.0)


@grader("init_constant")
def init_constant(g):
    called, got = _init_observed(g, "init_constant")
    for w, b in ((_W0, _B0), (_W1, _B1)):
        _expect_constant(called, got, w, 1.0)
        _expect_constant(called, got, b, 0.0)


@grader("init_xavier")
def init_xavier(g):
    called, got = _init_observed(g, "init_xavier")
    for w, b, fan_in, fan_out in ((_W0, _B0, FAN_IN, HIDDEN), (_W1, _B1, HIDDEN, FAN_OUT)):
        bound = math.sqrt(6.0 / (fan_in + fan_out))
        _expect_values(called, got, w, stats.uniform_problem(got["after"][w].values, -bound, bound))
        _expect_untouched(called, got, b)


@grader("init_42")
def init_42(g):
    called, got = _init_observed(g, "init_42")
    for w, b in ((_W0, _B0), (_W1, _B1)):
        _expect_constant(called, got, w, 42.0)
        _expect_untouched(called, got, b)


@grader("my_init")
def my_init(g):
    called, got = _init_observed(g, "my_init")
    for w, b in ((_W0, _B0), (_W1, _B1)):
        _expect_values(called, got, w, stats.my_init_problem(got["after"][w].values))
        _expect_untouched(called, got, b)


def probe_set_manually(m, a, b, c):
    net = nn.Sequential(nn.Linear(a, b), nn.ReLU(), nn.Linear(b, c))
    before = list(net.parameters())
    m.set_manually(net)
    after = list(net.parameters())
    return {"same_objects": all(x is y for x, y in zip(before, after)) and len(before) == len(after),
            "history": any(p.grad_fn is not None or not p.is_leaf for p in after),
            "values": [observe(p) for p in after]}


@grader("set_manually")
def set_manually(g):
    @g.for_all(a=sizes, b=sizes, c=sizes, seed=seeds)
    def same_values(a, b, c, seed):
        called = f"set_manually(Sequential(Linear({a}, {b}), ReLU(), Linear({b}, {c})))"
        got, ref = g.both(probe_set_manually, a, b, c, seed=seed, called=called)
        check(got["same_objects"], "replaces Parameter objects instead of changing them in place.",
              f"Called `{called}`. Change net[0].weight in place under torch.no_grad().")
        check(not got["history"], "records autograd history.",
              f"Called `{called}`. Got a weight with a grad_fn; wrap the changes in torch.no_grad().")
        names = ["net[0].weight", "net[0].bias", "net[2].weight", "net[2].bias"]
        for name, x, y in zip(names, got["values"], ref["values"]):
            assert_same(x, y, headline=f"leaves {name} different from the reference.", called=called, what=name,
                        exact=True)


def probe_tied(m, width, x, weights):
    net = m.tied_net() if width is None else m.tied_net(width)
    tied = isinstance(net, nn.Sequential) and len(net) > 4 and net[2] is net[4]
    if not tied:  # reported first: it names the mistake, where the weight transfer would only see extra tensors
        return {"tied": False}
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
            "n_params": len(list(net.parameters()))}


@grader("tied_net")
def tied_net(g):
    def shares_and_sums_gradients(width, n, seed):
        x = floats((n, 4), seed)
        called = "tied_net()" if width is None else f"tied_net({width})"
        ref = g.reference(probe_tied, width, x, None, seed=seed, called=called)
        got = g.student(probe_tied, width, x, ref["weights"], seed=seed, called=called)
        check(got["tied"], "does not tie layers 2 and 4: net[2] is not net[4].",
              f"Called `{called}`. Put one nn.Linear({width}, {width}) object at both places; copying values "
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
