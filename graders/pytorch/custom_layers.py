"""Graders for pytorch/custom_layers.py (d2l 6.5 Custom Layers)."""

from __future__ import annotations

import numpy as np
import torch
from hypothesis import strategies as st
from torch import nn

from harness.api import (GradingFailure, assert_same, batches, check, check_weight_shapes, fail, floats, grader,
                        seeds, sizes, stats)
from harness.frameworks.torch_glue import load_used_weights, observe, reverse_axes, run_recording, tensor

from ._common import check_fresh, fresh_build, param_shapes, signature


def probe_centered(m, x, w):
    layer = m.CenteredLayer()
    n_params = len(list(layer.parameters())) if isinstance(layer, nn.Module) else -1
    X = tensor(x)
    with torch.no_grad():
        out = observe(layer(X), "the output")
    obs = {"out": out, "n_params": n_params, "input_after": observe(X)}
    # The gradient with respect to the input, through a non-leaf copy (an in-place layer is reported above).
    leaf = tensor(x).requires_grad_(True)
    try:
        y = layer(leaf * 1)
        if y.requires_grad:
            (y * tensor(w)).sum().backward()
        obs["grad"] = observe(leaf.grad) if leaf.grad is not None else None
    except RuntimeError as exc:
        obs["grad_error"] = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
    if isinstance(layer, nn.Module):
        layer.eval()  # a later call, on other values, in eval mode: the same rule
    with torch.no_grad():
        obs["again"] = observe(layer(tensor(x) * 0.5 + 1), "the output of a later call")
    return obs


@grader("CenteredLayer")
def centered_layer(g):
    def subtracts_the_mean(shape, offset, seed):
        x = floats(shape, seed) + offset
        w = floats(shape, seed + 1)
        called = f"CenteredLayer()(X) with X of shape {shape}"
        got, ref = g.both(probe_centered, x, w, seed=seed, called=called)
        n = got["n_params"]
        check(n == 0, f"has {n} parameter{'' if n == 1 else 's'}, but the reference has none.",
              "A layer that only centres its input needs no nn.Parameter.")
        assert_same(got["out"], ref["out"], headline="does not subtract the mean over all elements.", called=called)
        input_changed = not np.array_equal(got["input_after"].values, x)
        check(not input_changed, "changes its input in place.",
              f"Called `{called}`. Got X itself modified afterwards (e.g. `X -= X.mean()`), but the reference "
              "leaves X alone and returns a new tensor (subtract out of place).")
        backward = f"(w * CenteredLayer()(X)).sum().backward() with X and w of shape {shape}"
        check("grad_error" not in got, "cannot be backpropagated through.",
              f"Called `{backward}`: it raised {got.get('grad_error')}.")
        check(got["grad"] is not None, "cuts its output off from autograd: X gets no gradient.",
              f"Called `{backward}`. Got X.grad None; compute the output from X with tensor operations "
              "(no .data, .detach() or .item()).")
        assert_same(got["grad"], ref["grad"], called=backward, what="X.grad",
                    headline="passes the wrong gradient back to its input: the mean must stay in the autograd "
                             "graph (no .item() or .detach()).")
        assert_same(got["again"], ref["again"], headline="gives a different result when called again, or in eval mode.",
                    called=f"{called}, then layer.eval() and the same layer on X * 0.5 + 1")

    subtracts_the_mean((11, 3, 2), 3.0, g.fixed_seed)  # rank 3, a batch above 8, a mean far from 0
    subtracts_the_mean((64, 80), 3.0, g.fixed_seed)  # more elements than a sample of the first few thousand
    g.for_all(shape=st.lists(sizes, min_size=1, max_size=3).map(tuple), offset=st.sampled_from([0.0, 3.0]),
              seed=seeds)(subtracts_the_mean)


def probe_layer(m, ctor, args, x, weights):
    """Forward and backward with the reference's weights: registered shapes, output, each weight's gradient and
    the input's, and a second call's output (a layer must not change itself when called).

    Weights are matched by use order, else by shape (harness.frameworks.torch_glue.match_by_use): a forward pass that touches
    the bias before the weight (``torch.addmm(b, X, W)``) still receives the right values.  Gradients come in the
    reference's order of use (``weights``), whatever order the implementation uses.
    """
    net = getattr(m, ctor)(*args)
    X = tensor(x)
    out = {"param_shapes": param_shapes(net), "fresh": fresh_build(m, ctor, args, net)}
    if weights is None:
        _, order = run_recording(net, X)
        weights = [observe(t) for t in order]
        pairs = [(t, False) for t in order]
    else:
        try:
            pairs = load_used_weights(net, weights, X)
        except GradingFailure as exc:  # reported after the registration check, which says more
            out["transfer"] = [exc.headline, exc.detail]
            return out
    net.zero_grad()
    leaf = tensor(x).requires_grad_(True)
    y = net(leaf)
    out.update(weights=weights, out=observe(y.detach() if isinstance(y, torch.Tensor) else y, "the output"))
    if y.requires_grad:
        (y.real.sum() + y.imag.sum() if y.is_complex() else y.sum()).backward()
    grads = [(reverse_axes(t.grad) if transposed else t.grad) if t.requires_grad else None
             for t, transposed in pairs]
    out["grads"] = [observe(gr) if gr is not None else None for gr in grads]
    out["input_grad"] = observe(leaf.grad) if leaf.grad is not None else None
    net.eval()  # nothing in these layers depends on the mode
    with torch.no_grad():
        again = net(X * 0.5)
    out["again"] = observe(again, "the output of a second call")
    return out


def compare_layer(g, ctor, args, x, seed):
    """Registered parameters, then the forward pass, then the gradients (parameters and input), all with the
    reference's weights, then a second call."""
    made = signature(ctor, args)
    called = f"{made}(X) with X of shape {x.shape}"
    backward = f"{made}(X).sum().backward() with X of shape {x.shape}"
    ref = g.reference(probe_layer, ctor, args, x, None, seed=seed, called=called)
    got = g.student(probe_layer, ctor, args, x, ref["weights"], seed=seed, called=called)
    check_weight_shapes(got["param_shapes"], ref["param_shapes"], framework="pytorch", built=made,
                        unseen="A tensor stored as a plain attribute is not registered: wrap it in nn.Parameter.")
    check_fresh(got, ref, made)
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
    check(got["input_grad"] is not None, "cuts its output off from its input: X gets no gradient.",
          f"Called `{backward}` with X requiring grad. Got X.grad None, but the reference passes a gradient back "
          "to X; compute the output from X itself with torch operations (no X.data, .detach(), numpy or .item()).")
    assert_same(got["input_grad"], ref["input_grad"], headline="passes the wrong gradient back to its input.",
                called=backward, what="X.grad")
    assert_same(got["again"], ref["again"], headline="gives a different result when called again, or in eval mode.",
                called=f"{made}(X), then layer.eval() and the same layer on X * 0.5")


def probe_init_stats(m, ctor, args):
    layer = getattr(m, ctor)(*args)
    return [observe(p) for p in layer.parameters()]


@grader("MyLinear")
def my_linear(g):
    # rank 3 (X @ weight works on any leading axes) and a batch above 8, before the random examples
    compare_layer(g, "MyLinear", (3, 5), floats((11, 2, 3), g.fixed_seed), g.fixed_seed)

    @g.for_all(in_units=sizes, units=sizes, leading_axes=st.lists(batches, min_size=1, max_size=2), seed=seeds)
    def forward_and_gradients(in_units, units, leading_axes, seed):
        x = floats((*leading_axes, in_units), seed)
        compare_layer(g, "MyLinear", (in_units, units), x, seed)

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
    compare_layer(g, "TensorReduction", (3, 4), floats((11, 3), g.fixed_seed), g.fixed_seed)  # batch above 8

    @g.for_all(in_features=sizes, out_features=sizes, batch=batches, seed=seeds)
    def forward_and_gradients(in_features, out_features, batch, seed):
        x = floats((batch, in_features), seed)
        compare_layer(g, "TensorReduction", (in_features, out_features), x, seed)


def probe_fourier(m, x):
    layer = m.FourierHalf()
    leaf = tensor(x).requires_grad_(True)
    y = layer(leaf)
    out = {"out": observe(y.detach() if isinstance(y, torch.Tensor) else y, "the output")}
    if isinstance(y, torch.Tensor) and y.requires_grad:
        (y.real.sum() + 2 * y.imag.sum() if y.is_complex() else y.sum()).backward()
    out["grad"] = observe(leaf.grad) if leaf.grad is not None else None
    with torch.no_grad():  # the same layer on a narrower input: d is read from each input
        out["narrower"] = observe(layer(tensor(x)[..., : max(1, x.shape[-1] - 1)]), "the output of a later call")
    return out


@grader("FourierHalf")
def fourier_half(g):
    def first_half_of_fft(n, d, seed):
        x = floats((n, d), seed)
        called = f"FourierHalf()(X) with X of shape {x.shape}"
        got, ref = g.both(probe_fourier, x, seed=seed, called=called)
        assert_same(got["out"], ref["out"], headline="does not return the first (d + 1) // 2 FFT coefficients.",
                    called=called, atol=1e-4)
        backward = f"(Y.real.sum() + 2 * Y.imag.sum()).backward() for Y = {called}"
        check(got["grad"] is not None, "cuts its output off from autograd: X gets no gradient.",
              f"Called `{backward}`. Got X.grad None, but the reference passes a gradient back to X: compute the "
              "FFT with torch.fft on the tensor itself (not numpy, .detach() or .data).")
        assert_same(got["grad"], ref["grad"], headline="passes the wrong gradient back to its input.",
                    called=backward, what="X.grad", atol=1e-4)
        assert_same(got["narrower"], ref["narrower"], headline="gives a wrong result on a later, narrower input.",
                    called=f"{called}, then the same layer on X[..., :d - 1]", atol=1e-4)

    for d in (1, 2, 7, 8):  # odd and even lengths, a batch above 8
        first_half_of_fft(11 if d == 8 else 2, d, g.fixed_seed)
    g.for_all(n=batches, d=st.integers(1, 9), seed=seeds)(first_half_of_fft)
