"""What the PyTorch graders share: the framework-neutral forward comparison, parameter shapes, and what a freshly
built module must look like."""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from harness.api import check, compare_forward, signature  # noqa: F401  (compare_forward, signature: re-exported for the graders)
from harness.frameworks.torch_glue import observe

from harness.frameworks.torch_glue import param_shapes  # noqa: F401


def samples(tensors) -> list:
    """The first 64 values of each floating tensor with more than one value, as observations.

    Whether two constructions drew the same values is decided in the grading process from these, never by
    torch.equal in the student's process, where a submission could have patched it."""
    return [observe(t.detach().reshape(-1)[:64].clone()) for t in tensors
            if isinstance(t, torch.Tensor) and t.is_floating_point() and t.numel() > 1]


def same_samples(a: list, b: list) -> bool:
    """Both lists of :func:`samples` hold the same values (an empty list never counts as the same)."""
    return bool(a) and len(a) == len(b) and all(
        x.dtype == y.dtype and x.shape == y.shape and np.array_equal(x.values, y.values) for x, y in zip(a, b))


def fresh_build(m, ctor, args, net) -> dict:
    """What a freshly built module looks like: every submodule in training mode, every parameter trainable, and
    values of its own (a second construction right after draws different ones: no fixed seed, no shared state)."""
    other = getattr(m, ctor)(*args)
    theirs = [*other.parameters(), *other.buffers()] if isinstance(other, nn.Module) else []
    return {"training": all(mod.training for mod in net.modules()),
            "frozen": sum(not p.requires_grad for p in net.parameters()),
            "values": samples([*net.parameters(), *net.buffers()]), "other_values": samples(theirs)}


def check_fresh(got, ref, built):
    """A new module trains: training mode, trainable parameters, values drawn anew for each construction."""
    __tracebackhide__ = True
    a, b = got["fresh"], ref["fresh"]
    check(a["training"] == b["training"], "comes back in eval mode.",
          f"Called `{built}`. Got a module (or submodule) with training=False, but a new module is in training mode "
          "until someone calls .eval(): do not call .eval() while building it.")
    check(a["frozen"] == b["frozen"], "freezes parameters.",
          f"Called `{built}`. Got {a['frozen']} parameter tensors with requires_grad=False, but the reference has "
          f"{b['frozen']}: a layer set to requires_grad_(False) never trains.")
    repeats = same_samples(a["values"], a["other_values"])
    check(repeats == same_samples(b["values"], b["other_values"]), "builds the same values every time.",
          f"Called `{built}` twice. Got identical parameters (and buffers) both times, but the reference draws new "
          "random values for each construction: do not seed the random generator (torch.manual_seed) or reuse "
          "fixed values inside the constructor.")
