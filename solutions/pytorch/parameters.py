"""Parameter management (d2l 6.2, "Parameter Management"), PyTorch reference.

Access parameters through ``state_dict()``, ``named_parameters()`` and module
attributes; re-initialize or edit them in place under ``torch.no_grad()``
(``nn.init.*_`` functions, ``copy_``, ``add_`` ...), so that the Parameter
objects stay the same and anything holding them (an optimizer, a tied layer)
sees the new values. The book writes through ``.data``; that still works but
bypasses autograd's safety checks, so it is not used here.
"""

import torch
from torch import nn


def layer_state(net, i):
    """Return ``net[i].state_dict()``: the parameters and buffers of layer ``i``, keyed by name."""
    return net[i].state_dict()


def named_shapes(net):
    """Return ``[(name, tuple(shape)), ...]`` for every parameter of ``net``, in ``named_parameters()`` order."""
    return [(name, tuple(p.shape)) for name, p in net.named_parameters()]


def state_value(net, key):
    """Return the tensor stored at ``net.state_dict()[key]`` (e.g. ``key = "2.bias"``)."""
    return net.state_dict()[key]


def nested_param(net, path, name):
    """Follow ``net[i]`` for each ``i`` in ``path``, then return that module's ``name`` attribute.

    E.g. ``nested_param(rgnet(), (0, 1, 0), "bias")`` is ``net[0][1][0].bias``:
    the Parameter itself, not a copy (no ``.data``, ``.clone()``, ``.detach()``).
    """
    module = net
    for i in path:
        module = module[i]
    return getattr(module, name)


def block1():
    """Return ``nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4), nn.ReLU())``."""
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4), nn.ReLU())


def block2():
    """Return an ``nn.Sequential`` of four ``block1()`` added as ``"block 0"`` ... ``"block 3"``."""
    net = nn.Sequential()
    for i in range(4):
        net.add_module(f"block {i}", block1())
    return net


def rgnet():
    """Return ``nn.Sequential(block2(), nn.Linear(4, 1))``: blocks nested three levels deep."""
    return nn.Sequential(block2(), nn.Linear(4, 1))


def init_normal(module):
    """For ``net.apply``: an ``nn.Linear`` gets weight N(0, 0.01) (std 0.01) and bias 0, in place; others untouched."""
    if isinstance(module, nn.Linear):
        with torch.no_grad():
            nn.init.normal_(module.weight, mean=0.0, std=0.01)
            if module.bias is not None:
                nn.init.zeros_(module.bias)


def init_constant(module):
    """For ``net.apply``: an ``nn.Linear`` gets weight 1 and bias 0, in place; others untouched."""
    if isinstance(module, nn.Linear):
        with torch.no_grad():
            nn.init.constant_(module.weight, 1.0)
            if module.bias is not None:
                nn.init.zeros_(module.bias)


def init_xavier(module):
    """For ``net.apply``: an ``nn.Linear`` gets a Xavier (Glorot) uniform weight in place; bias untouched."""
    if isinstance(module, nn.Linear):
        with torch.no_grad():
            nn.init.xavier_uniform_(module.weight)


def init_42(module):
    """For ``net.apply``: an ``nn.Linear`` gets weight 42 everywhere, in place; bias untouched."""
    if isinstance(module, nn.Linear):
        with torch.no_grad():
            nn.init.constant_(module.weight, 42.0)


def my_init(module):
    """For ``net.apply``: an ``nn.Linear`` weight drawn from U(-10, 10), then entries with ``|w| < 5`` set to 0.

    In place (``uniform_``, then ``w *= (w.abs() >= 5)``) under
    ``torch.no_grad()``; bias untouched; the book's ``.data`` is not needed.
    """
    if isinstance(module, nn.Linear):
        with torch.no_grad():
            w = module.weight
            w.uniform_(-10, 10)
            w *= w.abs() >= 5


def set_manually(net):
    """Add 1 to every entry of ``net[0].weight``, then set ``net[0].weight[0, 0] = 42``; in place, under ``no_grad``."""
    with torch.no_grad():
        w = net[0].weight
        w.add_(1)
        w[0, 0] = 42


def tied_net(width=8):
    """Return ``Sequential(Linear(4, w), ReLU, shared, ReLU, shared, ReLU, Linear(w, 1))`` with ``w = width``.

    ``shared = nn.Linear(w, w)`` is one object at indices 2 and 4: one set of
    parameters, whose gradient is the sum of the gradients of both uses.
    """
    shared = nn.Linear(width, width)
    return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(),
                         nn.Linear(width, 1))
