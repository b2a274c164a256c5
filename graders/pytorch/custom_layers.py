"""Graders for pytorch/custom_layers.py (d2l 6.5 Custom Layers)."""

from __future__ import annotations

import torch
from hypothesis import strategies as st
from torch import nn

from harness import stats
from harness.feedback import GradingFailure, assert_same, check, fail
from harness.grading import grader
from harness.strategies import batches, floats, seeds, sizes
from harness.torch_glue import observe, run_recording, tensor

from ._common import param_shapes, signature


def probe_centered(m, x, w):
    layer = m.CenteredLayer()
    n_params = len(list(layer.parameters())) if isinstance(layer, nn.Module) else -1
    X = tensor(x)
    before = X.clone()
    with torch.no_grad():
        out = observe(layer(X), "the output")
    obs = {"out": out, "n_params": n_params, "input_changed": not torch.equal(X, before)}
    # The gradient with respect to the input, through a non-leaf copy (an in-place layer is reported above).
    leaf = tensor(x).requires_grad_(True)
    try:
        y = layer(leaf * 1)
        if y.requires_grad:
            (y * tensor(w)).sum().backward()
        obs["grad"] = observe(leaf.grad) if leaf.grad is not None else None
    except RuntimeError as exc:
        obs["grad_error"] = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
    return obs


@grader("CenteredLayer")
def centered_layer(g):
    @g.for_all(shape=st.lists(sizes, min_size=1, max_size=3).map(tuple), offset=st.sampled_from([0.0, 3.0]),
               seed=seeds)
    def subtracts_the_mean(shape, offset, seed):
        x = floats(shape, seed) + offset
        w = floats(shape, seed + 1)
        called = f"CenteredLayer()(X) with X of shape {shape}"
        got, ref = g.both(probe_centered, x, w, seed=seed, called=called)
        n = got["n_params"]
        check(n == 0, f"has {n} parameter{'' if n == 1 else 's'}, but the reference has none.",
              "A layer that only centres its input needs no nn.Parameter.")
        assert_same(got["out"], ref["out"], headline="does not subtract the mean over all elements.", called=called)
        check(not got["input_changed"], "changes its input in place.",
              f"Called `{called}`. Got X itself modified afterwards (e.g. `X -= X.mean()`), but the reference "
              "leaves X alone and returns a new tensor: `return X - X.mean()`.")
        backward = f"(w * CenteredLayer()(X)).sum().backward() with X and w of shape {shape}"
        check("grad_error" not in got, "cannot be backpropagated through.",
              f"Called `{backward}`: it raised {got.get('grad_error')}.")
        check(got["grad"] is not None, "cuts its output off from autograd: X gets no gradient.",
              f"Called `{backward}`. Got X.grad None; compute the output from X with tensor operations "
              "(no .data, .detach() or .item()).")
        assert_same(got["grad"], ref["grad"], called=backward, what="X.grad",
                    headline="passes the wrong gradient back to its input: the mean must stay in the autograd "
                             "graph (no .item() or .detach()).")


def _transfer(net, weights, X):
    """Copy the reference's weights into ``net``; return, per reference weight, (student tensor, transposed).

    First by order of use and shape (as harness.torch_glue does), else by shape alone: a forward pass that
    touches the bias before the weight (``torch.addmm(b, X, W)``) still receives the right values.
    """
    _, order = run_recording(net, X)
    mine = [tuple(t.shape) for t in order]
    theirs = [tuple(w.shape) for w in weights]
    if len(mine) == len(theirs) and all(m == t or m == t[::-1] for m, t in zip(mine, theirs)):
        pairs = [(t, tuple(t.shape) != tuple(w.shape)) for t, w in zip(order, weights)]
    else:
        remaining = list(order)
        pairs = []
        for w in theirs:
            k = next((k for k, t in enumerate(remaining) if tuple(t.shape) == w), None)
            if k is None or len(mine) != len(theirs):
                raise GradingFailure(
                    "uses different parameters than the reference.",
                    f"Its forward pass uses tensors of shapes {mine} (in order of first use), "
                    f"but the reference uses {theirs}.")
            pairs.append((remaining.pop(k), False))
    with torch.no_grad():
        for (target, transposed), source in zip(pairs, weights):
            value = tensor(source).to(target.dtype)
            target.copy_(value.T if transposed else value)
    return pairs


def probe_layer(m, ctor, args, x, weights):
    """Forward and backward with the reference's weights: registered shapes, output, each weight's gradient.

    Gradients come in the reference's order of use (``weights``), whatever order the implementation uses.
    """
    net = getattr(m, ctor)(*args)
    X = tensor(x)
    out = {"param_shapes": param_shapes(net)}
    if weights is None:
        _, order = run_recording(net, X)
        weights = [observe(t) for t in order]
        pairs = [(t, False) for t in order]
    else:
        try:
            pairs = _transfer(net, weights, X)
        except GradingFailure as exc:  # reported after the registration check, which says more
            out["transfer"] = [exc.headline, exc.detail]
            return out
    net.zero_grad()
    y = net(X)
    out.update(weights=weights, out=observe(y.detach() if isinstance(y, torch.Tensor) else y, "the output"))
    if y.requires_grad:
        (y.abs().sum() if y.is_complex() else y.sum()).backward()
    grads = [(t.grad.T if transposed else t.grad) if t.requires_grad else None for t, transposed in pairs]
    out["grads"] = [observe(gr) if gr is not None else None for gr in grads]
    return out


def compare_layer(g, ctor, args, x, seed):
    """Registered parameters, then the forward pass, then the gradients, all with the reference's weights."""
    made = signature(ctor, args)
    called = f"{made}(X) with X of shape {x.shape}"
    backward = f"{made}(X).sum().backward() with X of shape {x.shape}"
    ref = g.reference(probe_layer, ctor, args, x, None, seed=seed, called=called)
    got = g.student(probe_layer, ctor, args, x, ref["weights"], seed=seed, called=called)
    check(got["param_shapes"] == ref["param_shapes"], "registers different parameters than the reference.",
          f"Called `{made}`. Got parameters() of shapes {got['param_shapes']}, but the reference gives "
          f"{ref['param_shapes']} (sorted). A tensor stored as a plain attribute is not registered: wrap it in "
          "nn.Parameter.")
    if "transfer" in got:
        fail(*got["transfer"])
    assert_same(got["out"], ref["out"], headline="computes a different forward pass than the reference.",
                called=called)
    for a, b, w in zip(got["grads"], ref["grads"], ref["weights"]):
        if a is None:
            fail("cuts its parameters off from autograd: a parameter gets no gradient.",
                 f"Called `{backward}`. Got no gradient for the parameter of shape {w.shape}; "
                 "use the Parameter itself in forward, never .data or .detach().")
        assert_same(a, b, headline="gives its parameters the wrong gradients.", called=backward,
                    what=f"the gradient of the parameter of shape {w.shape}")


def probe_init_stats(m, ctor, args):
    layer = getattr(m, ctor)(*args)
    return [observe(p) for p in layer.parameters()]


@grader("MyLinear")
def my_linear(g):
    @g.for_all(i=sizes, u=sizes, n=batches, seed=seeds)
    def forward_and_gradients(i, u, n, seed):
        x = floats((n, i), seed)
        compare_layer(g, "MyLinear", (i, u), x, seed)

    params = g.student(probe_init_stats, "MyLinear", (300, 256), seed=g.fixed_seed, called="MyLinear(300, 256)")
    for p in params:
        name = "weight" if p.shape == (300, 256) else "bias"
        problem = stats.normal_problem(p.values, 0.0, 1.0)
        if problem:
            fail(f"does not initialise its {name} from a standard normal: {problem}.",
                 f"Called `MyLinear(300, 256)`. Got {name} with {stats.describe(p.values)}; torch.randn gives "
                 "mean 0, std 1.")


@grader("TensorReduction")
def tensor_reduction(g):
    @g.for_all(i=sizes, o=sizes, n=batches, seed=seeds)
    def forward_and_gradients(i, o, n, seed):
        x = floats((n, i), seed)
        compare_layer(g, "TensorReduction", (i, o), x, seed)


def probe_fourier(m, x):
    with torch.no_grad():
        return observe(m.FourierHalf()(tensor(x)), "the output")


@grader("FourierHalf")
def fourier_half(g):
    @g.for_all(n=batches, d=st.integers(1, 9), seed=seeds)
    def first_half_of_fft(n, d, seed):
        x = floats((n, d), seed)
        called = f"FourierHalf()(X) with X of shape {x.shape}"
        got, ref = g.both(probe_fourier, x, seed=seed, called=called)
        assert_same(got, ref, headline="does not return the first (d + 1) // 2 FFT coefficients.", called=called,
                    atol=1e-4)
