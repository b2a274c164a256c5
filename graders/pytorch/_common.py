"""What the PyTorch graders share: the framework-neutral forward comparison, parameter shapes, and what a freshly
built module must look like."""

from __future__ import annotations

import torch
from torch import nn

from harness.feedback import check

from harness.forward import compare_forward, signature  # noqa: F401  (re-exported for the graders)
from harness.torch_glue import param_shapes  # noqa: F401


def fresh_build(m, ctor, args, net) -> dict:
    """What a freshly built module looks like: every submodule in training mode, every parameter trainable, and
    values of its own (a second construction right after draws different ones: no fixed seed, no shared state)."""
    other = getattr(m, ctor)(*args)
    mine = [p.detach() for p in (*net.parameters(), *net.buffers()) if p.is_floating_point() and p.numel() > 1]
    theirs = [p.detach() for p in (*other.parameters(), *other.buffers())
              if p.is_floating_point() and p.numel() > 1] if isinstance(other, nn.Module) else []
    same = bool(mine) and len(mine) == len(theirs) and all(
        a.shape == b.shape and torch.equal(a, b) for a, b in zip(mine, theirs))
    return {"training": all(mod.training for mod in net.modules()),
            "frozen": sum(not p.requires_grad for p in net.parameters()), "repeats_values": same}


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
    check(a["repeats_values"] == b["repeats_values"], "builds the same values every time.",
          f"Called `{built}` twice. Got identical parameters (and buffers) both times, but the reference draws new "
          "random values for each construction: do not seed the random generator (torch.manual_seed) or reuse "
          "fixed values inside the constructor.")
