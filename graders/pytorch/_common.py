"""Probes and checks shared by the PyTorch graders."""

from __future__ import annotations

import torch
from torch import nn

from harness.feedback import assert_same, check
from harness.torch_glue import load_used_weights, observe, tensor, used_weights


def signature(name: str, args=(), kwargs=None) -> str:
    parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in (kwargs or {}).items()]
    return f"{name}({', '.join(parts)})"


def param_shapes(net) -> list[tuple]:
    return sorted(tuple(p.shape) for p in net.parameters())


def probe_forward(m, ctor, args, kwargs, inputs, weights):
    """Build ``m.<ctor>(*args, **kwargs)``; take or load weights by use order; return the output.

    ``weights is None``: reference run, report the weights used.  Otherwise load them first.
    """
    net = getattr(m, ctor)(*args, **kwargs)
    xs = [tensor(x) for x in inputs]
    shapes = param_shapes(net) if isinstance(net, nn.Module) else None
    if weights is None:
        weights = used_weights(net, *xs)
    else:
        load_used_weights(net, weights, *xs)
    with torch.no_grad():
        out = observe(net(*xs), "the output")
    return {"weights": weights, "out": out, "param_shapes": shapes}


def compare_forward(g, ctor, args=(), kwargs=None, inputs=(), *, seed=0, atol=1e-5, rtol=1e-4):
    """The implementation's forward pass equals the reference's once both hold the same weights."""
    kwargs = kwargs or {}
    shapes = ", ".join(str(tuple(x.shape)) for x in inputs)
    called = f"{signature(ctor, args, kwargs)}(X)"
    detail_called = f"{called} with X of shape {shapes}"
    ref = g.reference(probe_forward, ctor, args, kwargs, inputs, None, seed=seed, called=called)
    got = g.student(probe_forward, ctor, args, kwargs, inputs, ref["weights"], seed=seed, called=called)
    check(got["param_shapes"] == ref["param_shapes"],
          "registers different parameters than the reference.",
          f"Called `{signature(ctor, args, kwargs)}`. Got parameters() of shapes {got['param_shapes']}, "
          f"but the reference gives {ref['param_shapes']} (sorted). A layer kept in a plain list, or not "
          "assigned to an attribute, is not registered.")
    assert_same(got["out"], ref["out"], headline="computes a different forward pass than the reference.",
                called=detail_called, atol=atol, rtol=rtol)
    return got, ref
