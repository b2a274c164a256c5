"""Parameter management (d2l 6.2, "Parameter Management"), PyTorch exercise.

Access parameters through ``state_dict()``, ``named_parameters()`` and module
attributes; re-initialize or edit them in place under ``torch.no_grad()``
(``nn.init.*_`` functions, ``copy_``, ``add_`` ...), so that the Parameter
objects stay the same and anything holding them (an optimizer, a tied layer)
sees the new values. The book writes through ``.data``; that still works but
bypasses autograd's safety checks, so do not use it.

Run `pytest exercises/pytorch/parameters.py` to grade this file.
"""

import torch
from torch import nn


def layer_state(net, i):
    """Return ``net[i].state_dict()``: the parameters and buffers of layer ``i``, keyed by name."""
    raise NotImplementedError("TODO: return net[i].state_dict()")


def named_shapes(net):
    """Return ``[(name, tuple(shape)), ...]`` for every parameter of ``net``, in ``named_parameters()`` order."""
    raise NotImplementedError("TODO: return [(name, tuple(p.shape)) for name, p in net.named_parameters()]")


def state_value(net, key):
    """Return the tensor stored at ``net.state_dict()[key]`` (e.g. ``key = "2.bias"``)."""
    raise NotImplementedError("TODO: return net.state_dict()[key]")


def nested_param(net, path, name):
    """Follow ``net[i]`` for each ``i`` in ``path``, then return that module's ``name`` attribute.

    E.g. ``nested_param(rgnet(), (0, 1, 0), "bias")`` is ``net[0][1][0].bias``:
    the Parameter itself, not a copy (no ``.data``, ``.clone()``, ``.detach()``).
    """
    raise NotImplementedError("TODO: follow net[i] for each i in path, return getattr(module, name) (the Parameter itself)")


def block1():
    """Return ``nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4), nn.ReLU())``."""
    raise NotImplementedError("TODO: return nn.Sequential(Linear(4, 8), ReLU(), Linear(8, 4), ReLU())")


def block2():
    """Return an ``nn.Sequential`` of four ``block1()`` added as ``"block 0"`` ... ``"block 3"``."""
    raise NotImplementedError('TODO: nn.Sequential(), then net.add_module(f"block {i}", block1()) for i in range(4)')


def rgnet():
    """Return ``nn.Sequential(block2(), nn.Linear(4, 1))``: blocks nested three levels deep."""
    raise NotImplementedError("TODO: return nn.Sequential(block2(), nn.Linear(4, 1))")


def init_normal(module):
    """For ``net.apply``: an ``nn.Linear`` gets weight N(0, 0.01) (std 0.01) and bias 0, in place; others untouched."""
    raise NotImplementedError("TODO: if nn.Linear: nn.init.normal_(weight, 0, 0.01), nn.init.zeros_(bias); other modules untouched")


def init_constant(module):
    """For ``net.apply``: an ``nn.Linear`` gets weight 1 and bias 0, in place; others untouched."""
    raise NotImplementedError("TODO: if nn.Linear: nn.init.constant_(weight, 1), nn.init.zeros_(bias); other modules untouched")


def init_xavier(module):
    """For ``net.apply``: an ``nn.Linear`` gets a Xavier (Glorot) uniform weight in place; bias untouched."""
    raise NotImplementedError("TODO: if nn.Linear: nn.init.xavier_uniform_(weight); bias and other modules untouched")


def init_42(module):
    """For ``net.apply``: an ``nn.Linear`` gets weight 42 everywhere, in place; bias untouched."""
    raise NotImplementedError("TODO: if nn.Linear: nn.init.constant_(weight, 42); bias and other modules untouched")


def my_init(module):
    """For ``net.apply``: an ``nn.Linear`` weight drawn from U(-10, 10), then entries with ``|w| < 5`` set to 0.

    In place (``uniform_``, then ``w *= (w.abs() >= 5)``) under
    ``torch.no_grad()``; bias untouched; the book's ``.data`` is not needed.
    """
    raise NotImplementedError("TODO: if nn.Linear, under torch.no_grad(): weight.uniform_(-10, 10), then weight *= (weight.abs() >= 5)")


def set_manually(net):
    """Add 1 to every entry of ``net[0].weight``, then set ``net[0].weight[0, 0] = 42``; in place, under ``no_grad``."""
    raise NotImplementedError("TODO: under torch.no_grad(): net[0].weight.add_(1), then net[0].weight[0, 0] = 42")


def tied_net(width=8):
    """Return ``Sequential(Linear(4, w), ReLU, shared, ReLU, shared, ReLU, Linear(w, 1))`` with ``w = width``.

    ``shared = nn.Linear(w, w)`` is one object at indices 2 and 4: one set of
    parameters, whose gradient is the sum of the gradients of both uses.
    """
    raise NotImplementedError("TODO: shared = nn.Linear(width, width), used at indices 2 and 4 of the nn.Sequential")
