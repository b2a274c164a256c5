"""Graders for pytorch/blocks.py (d2l 6.1 Layers and Modules)."""

from __future__ import annotations

import numpy as np
import torch
from hypothesis import strategies as st
from torch import nn

from harness.api import (GradingFailure, assert_equal, assert_same, batches, chains, check, check_weight_shapes,
                        fail, floats, grader, ordinal, scales, seeds, sizes, stats)
from harness.frameworks.torch_glue import load_used_weights, observe, reverse_axes, run_recording, tensor

from ._common import check_fresh, fresh_build, param_shapes, signature


def probe_forward_backward(m, ctor, args, inputs, weights, params=None):
    """Build ``m.<ctor>(*args)``, take (reference) or load the weights by use (harness.frameworks.torch_glue.match_by_use),
    run forward and backward, then call it a second time.

    Returns the registered parameter shapes, the output, the input's gradient and, per reference tensor in order
    of first use, the gradient ``output.sum().backward()`` leaves there (None: none reached it; "buffer": a tensor
    that takes no gradient), in the reference's layout (a weight stored transposed gets its gradient transposed
    back), and the output of a second call on the inputs halved, in eval mode (a net must not change itself when
    called, and none of these nets has a layer whose result depends on the mode).
    """
    net = getattr(m, ctor)(*args)
    check(isinstance(net, nn.Module), "does not build a torch.nn.Module.",
          f"Called `{signature(ctor, args)}`. Got a {type(net).__name__}.")
    xs = [tensor(x) for x in inputs]
    shapes = param_shapes(net)
    fresh = fresh_build(m, ctor, args, net)
    if weights is not None:
        try:
            pairs = load_used_weights(net, weights, *xs, params=params)
        except GradingFailure as exc:  # reported after the registration check, which names the usual cause
            return {"param_shapes": shapes, "fresh": fresh, "load_error": (exc.headline, exc.detail)}
    net.zero_grad(set_to_none=True)
    leaves = [x.clone().requires_grad_(True) for x in xs]
    out, order = run_recording(net, *leaves)
    if weights is None:  # the reference: report its weights in order of first use
        weights = [observe(t) for t in order]
        params = [isinstance(t, nn.Parameter) for t in order]
        pairs = [(t, False) for t in order]
    result = {"weights": weights, "params": params, "param_shapes": shapes, "out": observe(out, "the output"),
              "load_error": None, "fresh": fresh}
    if out.requires_grad:
        out.sum().backward()
    grads = []
    for t, transposed in pairs:
        if not t.requires_grad:
            grads.append("buffer")
        elif t.grad is None:
            grads.append(None)
        else:
            grads.append(observe(reverse_axes(t.grad) if transposed else t.grad))
    result["grads"] = grads
    result["input_grads"] = [observe(x.grad) if x.grad is not None else None for x in leaves]
    net.eval()  # nothing in these nets depends on the mode: eval() must not change the function
    with torch.no_grad():
        result["again"] = observe(net(*(x * 0.5 for x in xs)), "the output of a second call")
    return result


def compare_forward_backward(g, ctor, args=(), inputs=(), *, seed=0, atol=1e-5, rtol=1e-4):
    """Same registered parameters, same forward pass and same gradients (parameters and input) as the reference,
    given its weights; the same again on a second call."""
    shapes = ", ".join(str(tuple(x.shape)) for x in inputs)
    built = signature(ctor, args)
    called = f"{built}(X) with X of shape {shapes}"
    ref = g.reference(probe_forward_backward, ctor, args, inputs, None, seed=seed, called=f"{built}(X)")
    got = g.student(probe_forward_backward, ctor, args, inputs, ref["weights"], ref["params"], seed=seed,
                    called=f"{built}(X)")
    check_weight_shapes(got["param_shapes"], ref["param_shapes"], framework="pytorch", built=built,
                        unseen="A layer kept in a plain list, or not assigned to an attribute, is not registered.")
    check_fresh(got, ref, built)
    if got["load_error"]:
        fail(*got["load_error"])
    assert_same(got["out"], ref["out"], headline="computes a different forward pass than the reference.",
                called=called, atol=atol, rtol=rtol)
    for k, (a, b, w) in enumerate(zip(got["grads"], ref["grads"], ref["weights"])):
        if b == "buffer":
            continue
        param = f"the parameter of shape {tuple(w.shape)} (the {ordinal(k + 1)} tensor the forward pass uses)"
        if a is None or a == "buffer":
            fail("cuts the gradient off from a parameter.",
                 f"Called `{built}(X).sum().backward()` with X of shape {shapes}. Got no gradient for {param}, "
                 "but the reference gives one. `.data`, `.detach()` or `torch.no_grad()` in forward stops "
                 "autograd.")
        what = f"the gradient of {param}"
        assert_same(a, b, headline="computes different gradients than the reference.",
                    called=f"{built}(X).sum().backward() with X of shape {shapes}", what=what,
                    atol=atol, rtol=rtol)
    _compare_input_grads(got["input_grads"], ref["input_grads"], f"{built}(X).sum().backward() with X of shape "
                         f"{shapes}", atol=atol, rtol=rtol)
    assert_same(got["again"], ref["again"], headline="gives a different result when called again, or in eval mode.",
                called=f"{built}(X), then net.eval() and the same net on X * 0.5", atol=atol, rtol=rtol)


def _compare_input_grads(got, ref, called, *, atol=1e-5, rtol=1e-4):
    for a, b in zip(got, ref):
        if b is None:
            continue
        if a is None:
            fail("cuts its output off from its input: X gets no gradient.",
                 f"Called `{called}` with X requiring grad. Got X.grad None, but the reference passes a gradient "
                 "back to X. `.data`, `.detach()`, numpy or `torch.no_grad()` in forward stops autograd.")
        assert_same(a, b, headline="passes the wrong gradient back to its input.", called=called, what="X.grad",
                    atol=atol, rtol=rtol)


@grader("MLP")
def mlp(g):
    # (the drawn values are named as the student knows them: "Smallest failing input: in_features=1, ...")
    @g.for_all(in_features=sizes, hidden=sizes, out_features=sizes, batch=batches, seed=seeds)
    def forward_matches(in_features, hidden, out_features, batch, seed):
        compare_forward_backward(g, "MLP", (in_features, hidden, out_features),
                                 inputs=[floats((batch, in_features), seed)], seed=seed)

    # defaults 20, 256, 10, with a batch above 8 (at scale 100, so hidden activations pass 6: relu6 as "a safer
    # ReLU" shows) and rank-3 input (nn.Linear maps the last axis)
    compare_forward_backward(g, "MLP", inputs=[floats((11, 20), g.fixed_seed, 100.0)], seed=g.fixed_seed)
    compare_forward_backward(g, "MLP", (3, 5, 4), inputs=[floats((2, 3, 3), g.fixed_seed)], seed=g.fixed_seed)


def _build_chain(spec):
    blocks = []
    for item in spec:
        if item[0] == "linear":
            blocks.append(nn.Linear(item[1], item[2]))
        elif item[0] == "relu":
            blocks.append(nn.ReLU())
        elif item[0] == "tanh":
            blocks.append(nn.Tanh())
        elif item[0] == "sequential":  # a block that is itself an nn.Sequential of blocks
            blocks.append(nn.Sequential(*_build_chain(item[1])))
        else:
            blocks.append(blocks[item[1]])
    return blocks


def probe_sequential(m, spec, x):
    blocks = _build_chain(spec)
    net = m.MySequential(*blocks)
    bases = [c.__name__ for c in type(net).__mro__ if c.__module__.startswith("torch.nn")]
    if not isinstance(net, nn.Module):
        return {"bases": bases, "module": False}
    X = tensor(x).requires_grad_(True)
    y = net(X)
    out = observe(y, "the output")
    params = [p for b in blocks for p in b.parameters()]
    if isinstance(y, torch.Tensor) and y.requires_grad:
        y.sum().backward()
    grads = [observe(p.grad) if p.grad is not None else None for p in params]
    input_grad = observe(X.grad) if X.grad is not None else None
    with torch.no_grad():
        again = [observe(net(tensor(x) * scale), "the output of a later call") for scale in (0.5, 2.0)]
    keys = list(net.state_dict().keys())
    n_params = len(list(net.parameters()))
    submodules = list(net.modules())
    registered = [any(b is s for s in submodules) for b in blocks]
    net.eval()
    evaluated = [b.training for b in blocks]
    net.train()
    trained = [b.training for b in blocks]
    net.to(torch.float64)
    moved = sorted({str(p.dtype) for b in blocks for p in b.parameters()})
    try:  # a container passes its input on as it is: float64 blocks take a float64 input
        with torch.no_grad():
            doubled = observe(net(tensor(x).double()), "the output after .to(torch.float64)")
    except Exception as exc:  # noqa: BLE001 - reported after the registration checks, which name the usual cause
        doubled = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
    return {"bases": bases, "module": True, "out": out, "keys": keys, "n_params": n_params, "registered": registered,
            "eval": evaluated, "train": trained, "moved": moved, "grads": grads, "input_grad": input_grad,
            "again": again, "doubled": doubled}


# A block given twice, with an effect each time: d2l's children()-based forward runs it once.
_REPEATED = ([("linear", 3, 3), ("tanh",), ("again", 0)], 3)
# Twelve blocks: keys "10" and "11" sort before "2" as strings, so running them in sorted key order fails.
_LONG = ([("linear", 3, 4), ("tanh",), ("linear", 4, 5), ("relu",), ("linear", 5, 3), ("tanh",), ("linear", 3, 2),
          ("tanh",), ("linear", 2, 6), ("relu",), ("linear", 6, 3), ("tanh",)], 3)
# Only functional blocks: no parameter, so a gradient to the input is all that shows an autograd cut.
_NO_PARAMS = ([("tanh",), ("relu",), ("tanh",)], 4)
_EMPTY = ([], 3)  # MySequential() returns its input
# A block that is an nn.Sequential itself: it is one child ("1.0.weight" in state_dict), not spliced into the chain.
_NESTED = ([("linear", 3, 4), ("sequential", (("linear", 4, 4), ("relu",))), ("tanh",)], 3)


@grader("MySequential")
def my_sequential(g):
    def registers(got, ref, called, x):
        check(got["module"], "is not an nn.Module.", f"Called `{called}`. Got a {got['bases']} object.")
        forbidden = {"Sequential", "ModuleList", "ModuleDict"} & set(got["bases"])
        if forbidden:
            fail(f"derives from nn.{sorted(forbidden)[0]}: write the container on nn.Module yourself.")
        check(all(got["registered"]), "does not register its blocks as submodules.",
              f"Called `{called}`. Got blocks {[i for i, r in enumerate(got['registered']) if not r]} missing "
              "from modules(), so parameters(), state_dict(), .to() and eval() cannot see them. A plain list "
              "hides them: register each block with `add_module`, under its index as a string (nn.Sequential's names).")
        check(got["n_params"] == ref["n_params"],
              f"does not register its blocks: `parameters()` yields {got['n_params']} tensors, "
              f"the reference yields {ref['n_params']}.",
              f"Called `{called}`. Register each block with `add_module`, under its index as a string.")
        assert_equal(got["keys"], ref["keys"], headline="has state_dict() keys unlike nn.Sequential's.",
                     called=f"{called}.state_dict().keys()", what="keys")
        assert_equal(got["moved"], ref["moved"], headline="does not move its blocks with .to().",
                     called=f"{called}.to(torch.float64)", what="parameter dtypes")

    def computes(got, ref, called, x):
        assert_same(got["out"], ref["out"], headline="does not apply every block in order.",
                    called=f"{called}(X) with X of shape {x.shape}")
        backward = f"{called}(X).sum().backward() with X of shape {x.shape}"
        for k, (a, b) in enumerate(zip(got["grads"], ref["grads"])):
            if a is None:
                fail("cuts the gradient off from its blocks' parameters.",
                     f"Called `{backward}`. Got no gradient for the {ordinal(k + 1)} parameter of its blocks, but "
                     "the reference gives one: run the blocks on X as they are (no torch.no_grad(), .detach() or "
                     ".data).")
            assert_same(a, b, headline="computes different gradients than the reference.", called=backward,
                        what=f"the gradient of the {ordinal(k + 1)} parameter of its blocks")
        _compare_input_grads([got["input_grad"]], [ref["input_grad"]], backward)
        for a, b, scale in zip(got["again"], ref["again"], (0.5, 2.0)):
            assert_same(a, b, headline="gives a different result on a later call.",
                        called=f"{called}(X), then the same container on X * {scale}")
        if got["moved"] != ref["moved"]:
            return  # .to() did not reach the blocks: "registration" has that cost already (one mistake, one cost)
        if isinstance(got["doubled"], str):
            fail("fails on a float64 input once moved to float64.",
                 f"Called `{called}.to(torch.float64)(X.double())` with X of shape {x.shape}. It raised "
                 f"{got['doubled']}, but the reference passes X on as it is (no cast to float32).")
        assert_same(got["doubled"], ref["doubled"], headline="changes its input before the blocks see it.",
                    called=f"{called}.to(torch.float64)(X.double()) with X of shape {x.shape}",
                    what="the output (a container passes X on as it is: no cast, no copy to float32)")

    def passes_modes(got, ref, called, x):
        if not all(got["registered"]):
            return  # eval() cannot reach blocks it does not know: "registration" has that cost already
        check(not any(got["eval"]), "does not pass eval() on to its blocks.",
              f"Called `{called}.eval()`. Got blocks with training={got['eval']}, but the reference gives all False.")
        check(all(got["train"]), "does not pass train() on to its blocks.",
              f"Called `{called}.train()`. Got blocks with training={got['train']}, but the reference gives all True.")

    def behaves_like_sequential(checks):
        def example(chain, n, seed):
            spec, width = chain
            x = floats((n, width), seed)
            called = f"MySequential({', '.join(_describe(item) for item in spec)})"
            got, ref = g.both(probe_sequential, spec, x, seed=seed, called=called)
            checks(got, ref, called, x)
        return example

    # Each property on the fixed chains first (a repeated block, a long chain, no parameters, none at all), then on
    # drawn ones; a container that fails one property is still graded on the others.
    for name, checks in (("registration", registers), ("forward and backward", computes), ("train/eval", passes_modes)):
        with g.property(name):
            example = behaves_like_sequential(checks)
            for chain, n in ((_REPEATED, 2), (_LONG, 11), (_NO_PARAMS, 2), (_EMPTY, 2), (_NESTED, 2)):
                example(chain, n, g.fixed_seed)
            g.for_all(chain=chains(), n=batches, seed=seeds)(example)


def _describe(item) -> str:
    if item[0] == "linear":
        return f"Linear({item[1]}, {item[2]})"
    if item[0] == "again":
        return f"<block {item[1]} again>"
    if item[0] == "sequential":
        return f"Sequential({', '.join(_describe(inner) for inner in item[1])})"
    return {"relu": "ReLU()", "tanh": "Tanh()"}[item[0]]


def probe_fixed_buffer(m):
    net = m.FixedHiddenMLP()
    out = {"params": param_shapes(net)}
    rw = getattr(net, "rand_weight", None)
    out["has"] = isinstance(rw, torch.Tensor)
    if not out["has"]:
        return out
    out["is_param"] = isinstance(rw, nn.Parameter) or any(rw is p for p in net.parameters())
    out["is_buffer"] = any(rw is b for b in net.buffers())
    out["in_state"] = "rand_weight" in net.state_dict()
    out["value"] = observe(rw, "rand_weight")
    other = getattr(m.FixedHiddenMLP(), "rand_weight", None)  # a second construction draws new values
    out["other"] = observe(other, "rand_weight") if isinstance(other, torch.Tensor) else None
    net.to(torch.float64)
    out["moved"] = str(getattr(net, "rand_weight").dtype)
    return out


@grader("FixedHiddenMLP")
def fixed_hidden_mlp(g):
    got = g.student(probe_fixed_buffer, seed=g.fixed_seed, called="FixedHiddenMLP()")  # a failing constructor: 0
    with g.property("rand_weight"):  # a constant: a buffer, uniform on [0, 1), new per net, moved with .to()
        check(got["has"], "has no tensor attribute `rand_weight`.")
        check(not got["is_param"], "makes `rand_weight` a parameter; it is a constant: register it as a buffer.",
              "Called `FixedHiddenMLP()`. Got rand_weight among parameters(), but the reference keeps it out "
              "(the optimizer must never change it).")
        check(got["is_buffer"] and got["in_state"], "does not register `rand_weight` as a buffer.",
              "Called `FixedHiddenMLP()`. Got rand_weight missing from buffers()/state_dict(), but the reference "
              "registers it with `self.register_buffer('rand_weight', ...)`, so it is saved and moves with .to().")
        v = got["value"]
        check(v.shape == (20, 20), f"has `rand_weight` of shape {v.shape}, but the reference has (20, 20).")
        check(v.dtype == "float32", f"has `rand_weight` of dtype {v.dtype}, but the reference has float32.")
        check(v.values.min() >= 0 and v.values.max() < 1 and abs(v.values.mean() - 0.5) < 0.09 and v.values.std() > 0.2,
              "has `rand_weight` that is not uniform on [0, 1).",
              f"Got min {v.values.min():.3g}, max {v.values.max():.3g}, mean {v.values.mean():.3g}; "
              "torch.rand(20, 20) gives min >= 0, max < 1, mean near 0.5.")
        problem = stats.uniform_problem(v.values, 0.0, 1.0)
        check(not problem, f"has `rand_weight` that is not uniform on [0, 1): {problem}.",
              f"Called `FixedHiddenMLP()`. Got rand_weight with {stats.describe(v.values)}.")
        other = got["other"]
        differs = other is None or other.shape != v.shape or not np.array_equal(other.values, v.values)
        check(differs, "has the same `rand_weight` in every FixedHiddenMLP: it is not random.",
              "Called `FixedHiddenMLP()` twice. Got identical rand_weight values, but the reference draws new "
              "uniform [0, 1) values on each construction (torch.rand).")
        check(got["moved"] == "torch.float64", "does not move `rand_weight` with .to().",
              f"Called `FixedHiddenMLP().to(torch.float64)`. Got rand_weight of dtype {got['moved']}, "
              "but the reference gives torch.float64.")
    with g.property("forward and backward"):  # one Linear(20, 20) used twice, the loop, the sum
        check(got["params"] == [(20,), (20, 20)], "does not use one nn.Linear(20, 20) twice.",
              f"Called `FixedHiddenMLP()`. Got parameters() of shapes {got['params']}, "
              "but the reference gives [(20,), (20, 20)].")

        # A batch above 8 and inputs so large that the halving loop runs more than 20 times.  (Rank 2 only: d2l's
        # block is written for (n, 20) inputs, and torch.mm there is not wrong.)
        compare_forward_backward(g, "FixedHiddenMLP", inputs=[floats((11, 20), g.fixed_seed, 1e6)], seed=g.fixed_seed)

        @g.for_all(n=batches, scale=scales, seed=seeds)
        def forward_matches(n, scale, seed):
            compare_forward_backward(g, "FixedHiddenMLP", inputs=[floats((n, 20), seed, scale)], seed=seed)


@grader("NestMLP")
def nest_mlp(g):
    compare_forward_backward(g, "NestMLP", inputs=[floats((11, 3, 20), g.fixed_seed)], seed=g.fixed_seed)  # rank 3

    @g.for_all(n=batches, seed=seeds)
    def forward_matches(n, seed):
        compare_forward_backward(g, "NestMLP", inputs=[floats((n, 20), seed)], seed=seed)


def probe_fresh(m):
    first, second = m.chimera(), m.chimera()
    owned = [{id(t) for t in (*net.parameters(), *net.buffers())} if isinstance(net, nn.Module) else set()
             for net in (first, second)]
    parts = list(first) if isinstance(first, nn.Sequential) else []
    return {"same_object": first is second, "shared": len(owned[0] & owned[1]), "type": type(first).__name__,
            "sequential": isinstance(first, nn.Sequential),
            "parts": [type(b).__name__ for b in parts],
            "expected": len(parts) == 3 and isinstance(parts[0], m.NestMLP) and isinstance(parts[1], nn.Linear)
            and isinstance(parts[2], m.FixedHiddenMLP)}


@grader("chimera")
def chimera(g):
    got = g.student(probe_fresh, seed=g.fixed_seed, called="chimera()")
    check(not got["same_object"] and not got["shared"], "returns the same modules on every call.",
          f"Called `chimera()` twice. Got two networks sharing {got['shared']} parameter and buffer tensors, but the "
          "reference builds new modules on each call (create them inside chimera(), not at import).")
    check(got["sequential"], "does not return an nn.Sequential.",
          f"Called `chimera()`. Got a {got['type']}, but the contract wants an nn.Sequential, so that chimera()[0] "
          "is its NestMLP.")
    check(got["expected"], "does not hold NestMLP, Linear(16, 20), FixedHiddenMLP in that order.",
          f"Called `chimera()`. Got an nn.Sequential of {got['parts']}, but the reference gives "
          "['NestMLP', 'Linear', 'FixedHiddenMLP'] (chimera()[0] is a NestMLP).")

    @g.for_all(n=batches, scale=scales, seed=seeds)
    def forward_matches(n, scale, seed):
        compare_forward_backward(g, "chimera", inputs=[floats((n, 20), seed, scale)], seed=seed)


def _flat(width: int, out: int) -> nn.Module:
    return nn.Sequential(nn.Flatten(), nn.Linear(width, out))


def probe_parallel(m, d, a, b, deep, x, same=False):
    if deep == "flatten":  # nets that change the rank: (n, t, d) -> (n, a); the outputs' last axis is 1, not 2
        width = int(np.prod(x.shape[1:]))
        net1, net2 = _flat(width, a), _flat(width, b)
    else:
        net1 = nn.Sequential(nn.Linear(d, a), nn.ReLU()) if deep else nn.Linear(d, a)
        net2 = net1 if same else nn.Linear(d, b)
    net = m.ParallelBlock(net1, net2)
    ids = {id(p) for p in net.parameters()} if isinstance(net, nn.Module) else set()
    expected_ids = {id(p) for p in net1.parameters()} | {id(p) for p in net2.parameters()}
    X = tensor(x).requires_grad_(True)
    y = net(X)
    later = net(tensor(x) * 0.5)  # a later call must leave the first result alone
    out = observe(y, "the output")
    params = list(net1.parameters()) + ([] if same else list(net2.parameters()))
    if isinstance(y, torch.Tensor) and y.requires_grad:
        (y * torch.arange(1, y.shape[-1] + 1, dtype=y.dtype)).sum().backward()  # weights tell the halves apart
    return {"registered": len(ids & expected_ids), "out": out, "later": observe(later, "the output of a later call"),
            "grads": [observe(p.grad) if p.grad is not None else None for p in params],
            "input_grad": observe(X.grad) if X.grad is not None else None}


@grader("ParallelBlock")
def parallel_block(g):
    def concatenates(d, a, b, deep, lead, seed, same=False):
        x = floats((*lead, d), seed)
        net1 = f"Sequential(Linear({d}, {a}), ReLU())" if deep else f"Linear({d}, {a})"
        net2 = "the same net1" if same else f"Linear({d}, {b})"
        if deep == "flatten":
            width = int(np.prod(x.shape[1:]))
            net1, net2 = (f"Sequential(Flatten(), Linear({width}, {k}))" for k in (a, b))
        called = f"ParallelBlock({net1}, {net2})(X) with X of shape {x.shape}"
        got, ref = g.both(probe_parallel, d, a, b, deep, x, same, seed=seed, called=called)
        check(got["registered"] == ref["registered"],
              f"does not register both nets: `parameters()` yields {got['registered']} of their tensors, "
              f"the reference yields {ref['registered']}.",
              f"Called `{called}`. Assign net1 and net2 to attributes (or an nn.ModuleList); a plain list or "
              "tuple hides them from parameters(), state_dict() and .to().")
        assert_same(got["out"], ref["out"], headline="does not concatenate net1(X) and net2(X) on the last axis.",
                    called=f"{called}, then the same block on X * 0.5")
        assert_same(got["later"], ref["later"], headline="gives a different result on a later call.",
                    called=f"{called}, then the same block on X * 0.5")
        backward = f"(Y * [1, 2, ...]).sum().backward() for Y = {called}"
        for k, (u, v) in enumerate(zip(got["grads"], ref["grads"])):
            if u is None:
                fail("cuts the gradient off from a parameter of its nets.",
                     f"Called `{backward}`. Got no gradient for the {ordinal(k + 1)} parameter, but the reference "
                     "gives one.")
            assert_same(u, v, headline="computes different gradients than the reference.", called=backward,
                        what=f"the gradient of the {ordinal(k + 1)} parameter of its nets")
        _compare_input_grads([got["input_grad"]], [ref["input_grad"]], backward)

    concatenates(3, 2, 4, True, [2], g.fixed_seed, same=True)  # the same net twice: both halves are its output
    concatenates(3, 2, 4, False, [11, 2], g.fixed_seed)  # rank 3, a batch above 8
    concatenates(3, 2, 4, "flatten", [2, 5], g.fixed_seed)  # nets whose outputs have another rank than X
    g.for_all(d=sizes, a=sizes, b=sizes, deep=st.booleans(), lead=st.lists(batches, min_size=1, max_size=2),
              seed=seeds, same=st.booleans())(concatenates)


def probe_repeat(m, d, n, x):
    made = []

    def make_block():
        block = nn.Linear(d, d)
        made.append(block)
        return block

    net = m.repeat_block(make_block, n)
    if not isinstance(net, nn.Module):
        return {"module": False, "type": type(net).__name__, "calls": len(made)}
    if type(net).forward is nn.Module.forward:  # ModuleList, ModuleDict: containers that cannot be called
        return {"module": False, "type": f"{type(net).__name__}, which has no forward", "calls": len(made)}
    distinct = len({id(p) for p in net.parameters()})
    submodules = list(net.modules())
    with torch.no_grad():
        out = observe(net(tensor(x)), "the output")
    calls = len(made)
    again = m.repeat_block(make_block, n)  # the same arguments again: a new container (no caching)
    return {"module": True, "calls": calls, "distinct": distinct, "out": out,
            "container": not any(net is b for b in made),
            "registered": sum(any(b is s for s in submodules) for b in made),
            "training": all(mod.training for mod in submodules), "fresh": again is not net}


@grader("repeat_block")
def repeat_block(g):
    def independent_copies(d, n, rows, seed):
        x = floats((rows, d), seed)
        called = f"repeat_block(lambda: nn.Linear({d}, {d}), {n})"
        got, ref = g.both(probe_repeat, d, n, x, seed=seed, called=called)
        check(got["module"], "does not return a module that runs its blocks in order.",
              f"Called `{called}`. Got a {got.get('type')}, but the reference gives an nn.Sequential.")
        times = f"{got['calls']} time" + ("" if got["calls"] == 1 else "s")
        check(got["calls"] == n, f"calls make_block() {times} for n={n}; each of the n blocks must come from its "
                                 "own call.",
              f"Called `{called}`. `[make_block()] * n` repeats one object and copying one block repeats its "
              "initial weights: call make_block() once per block.")
        check(got["distinct"] == ref["distinct"],
              f"does not hold {n} independent blocks: `parameters()` yields {got['distinct']} distinct tensors, "
              f"the reference yields {ref['distinct']}.",
              f"Called `{called}`. `[make_block()] * n` repeats one block object n times.")
        check(got["container"] and got["registered"] == n, f"does not return a container of the {n} blocks.",
              f"Called `{called}`. Got a {'block itself' if not got['container'] else 'module'} holding "
              f"{got['registered']} of the blocks, but the reference gives an nn.Sequential holding all {n} "
              "(for n = 1 as well: a container, not the bare block).")
        check(got["training"], "returns blocks in eval mode.",
              f"Called `{called}`. Got modules with training=False, but new blocks are in training mode.")
        check(got["fresh"], "returns the same container on every call.",
              f"Called `{called}` twice. Got the same object both times, but each call must build new blocks "
              "(no caching).")
        assert_same(got["out"], ref["out"], headline="does not apply the n blocks in order.",
                    called=f"{called}(X) with X of shape {x.shape}")

    for n in (*range(5), 12):  # n = 0 (an empty container returns its input) to 4, and 12 ("10" sorts before "2")
        independent_copies(3, n, 2, g.fixed_seed)
    g.for_all(d=sizes, n=st.integers(0, 4), rows=batches, seed=seeds)(independent_copies)
