"""Graders for pytorch/custom_layers.py (d2l 6.5 Custom Layers)."""

from __future__ import annotations

import torch
from hypothesis import strategies as st
from torch import nn

from harness import stats
from harness.feedback import assert_same, check, fail
from harness.grading import grader
from harness.strategies import batches, floats, seeds, sizes
from harness.torch_glue import load_used_weights, observe, run_recording, tensor, used_weights

from ._common import compare_forward, signature


def probe_centered(m, x):
    layer = m.CenteredLayer()
    n_params = len(list(layer.parameters())) if isinstance(layer, nn.Module) else -1
    with torch.no_grad():
        return {"out": observe(layer(tensor(x)), "the output"), "n_params": n_params}


@grader("CenteredLayer")
def centered_layer(g):
    @g.for_all(shape=st.lists(sizes, min_size=1, max_size=3).map(tuple), offset=st.sampled_from([0.0, 3.0]),
               seed=seeds)
    def subtracts_the_mean(shape, offset, seed):
        x = floats(shape, seed) + offset
        called = f"CenteredLayer()(X) with X of shape {shape}"
        got, ref = g.both(probe_centered, x, seed=seed, called=called)
        check(got["n_params"] == 0, f"has {got['n_params']} parameters, but the reference has none.")
        assert_same(got["out"], ref["out"], headline="does not subtract the mean over all elements.", called=called)


def probe_gradients(m, ctor, args, x, weights):
    """Forward and backward with the reference's weights: output and each used parameter's gradient."""
    net = getattr(m, ctor)(*args)
    X = tensor(x)
    if weights is None:
        weights = used_weights(net, X)
    else:
        load_used_weights(net, weights, X)
    _, order = run_recording(net, X)
    net.zero_grad()
    out = net(X)
    out.abs().sum().backward() if out.is_complex() else out.sum().backward()
    return {"weights": weights, "out": observe(out.detach()),
            "grads": [observe(p.grad) if p.grad is not None else None for p in order]}


def compare_gradients(g, ctor, args, x, seed):
    called = f"{signature(ctor, args)}(X).sum().backward() with X of shape {x.shape}"
    ref = g.reference(probe_gradients, ctor, args, x, None, seed=seed, called=called)
    got = g.student(probe_gradients, ctor, args, x, ref["weights"], seed=seed, called=called)
    for k, (a, b) in enumerate(zip(got["grads"], ref["grads"])):
        if a is None:
            fail("cuts its parameters off from autograd: a parameter gets no gradient.",
                 f"Called `{called}`. Got grad None for the parameter used {k + 1}. in forward; "
                 "use the Parameter itself in forward, never .data or .detach().")
        assert_same(a, b, headline="gives its parameters the wrong gradients.", called=called,
                    what=f"the gradient of parameter {k + 1}")


def probe_init_stats(m, ctor, args):
    layer = getattr(m, ctor)(*args)
    return [observe(p) for p in layer.parameters()]


@grader("MyLinear")
def my_linear(g):
    @g.for_all(i=sizes, u=sizes, n=batches, seed=seeds)
    def forward_and_gradients(i, u, n, seed):
        x = floats((n, i), seed)
        compare_forward(g, "MyLinear", (i, u), inputs=[x], seed=seed)
        compare_gradients(g, "MyLinear", (i, u), x, seed)

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
        compare_forward(g, "TensorReduction", (i, o), inputs=[x], seed=seed)
        compare_gradients(g, "TensorReduction", (i, o), x, seed)


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
