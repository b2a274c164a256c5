"""Layers and modules (d2l 6.1, "Layers and Modules"), PyTorch exercise.

Custom blocks are ``nn.Module`` subclasses whose ``__init__`` creates and
registers the sub-modules (assigning them to attributes registers them) and
whose ``forward`` is the forward pass.

Run `pytest exercises/pytorch/blocks.py` to grade this file.
"""

import torch
from torch import nn
from torch.nn import functional as F


class MLP(nn.Module):
    """Two-layer perceptron: ``forward(X) = out(relu(hidden(X)))``.

    ``MLP(in_features=20, hidden=256, out_features=10)`` holds
    ``nn.Linear(in_features, hidden)`` and ``nn.Linear(hidden, out_features)``,
    registered in that order.
    """

    def __init__(self, in_features=20, hidden=256, out_features=10):
        super().__init__()
        raise NotImplementedError("TODO: create two nn.Linear layers, in_features->hidden then hidden->out_features (CONTRACT.md, pytorch/blocks.py MLP)")

    def forward(self, X):
        raise NotImplementedError("TODO: return out(F.relu(hidden(X)))")


class MySequential(nn.Module):
    """A hand-written ``nn.Sequential``: ``MySequential(*blocks)`` applies every block in order.

    Derive from ``nn.Module`` directly (not ``nn.Sequential``, ``nn.ModuleList``
    or ``nn.ModuleDict``). Register each block with
    ``self.add_module(str(i), block)``, so ``parameters()``, ``.to()``,
    ``train()/eval()`` see it and ``state_dict()`` keys are exactly
    ``nn.Sequential(*blocks)``'s (``"0.weight"``, ...). ``forward`` must apply
    a block object given twice twice: iterate your own stored list or tuple,
    not ``self.children()`` as d2l's current version does (``children()``
    skips a module it has already yielded).
    """

    def __init__(self, *blocks):
        super().__init__()
        raise NotImplementedError("TODO: self.add_module(str(i), block) for each block, and keep the blocks in a tuple for forward")

    def forward(self, X):
        raise NotImplementedError("TODO: apply every stored block in order (a block given twice runs twice) and return the result")


class FixedHiddenMLP(nn.Module):
    """d2l's block with a constant weight and a data-dependent loop; returns a scalar.

    ``rand_weight`` is a (20, 20) ``torch.rand`` tensor (uniform on [0, 1))
    registered as a buffer: it is in ``state_dict()`` and moves with ``.to()``
    but is never a parameter (the book stores a plain tensor with
    ``requires_grad=False``, which ``.to()`` and ``state_dict()`` miss). One
    ``nn.Linear(20, 20)`` is used twice. ``forward``:
    ``X = linear(X); X = relu(X @ rand_weight + 1); X = linear(X);
    while X.abs().sum() > 1: X /= 2; return X.sum()``.
    """

    def __init__(self):
        super().__init__()
        raise NotImplementedError("TODO: self.register_buffer('rand_weight', torch.rand((20, 20))); one nn.Linear(20, 20)")

    def forward(self, X):
        raise NotImplementedError("TODO: linear; relu(X @ rand_weight + 1); the same linear again; while X.abs().sum() > 1: X /= 2; return X.sum()")


class NestMLP(nn.Module):
    """A block holding a block: ``Sequential(Linear(20, 64), ReLU, Linear(64, 32), ReLU)``, then ``Linear(32, 16)``."""

    def __init__(self):
        super().__init__()
        raise NotImplementedError("TODO: net = nn.Sequential(Linear(20, 64), ReLU(), Linear(64, 32), ReLU()), then nn.Linear(32, 16)")

    def forward(self, X):
        raise NotImplementedError("TODO: return linear(net(X))")


def chimera():
    """Return ``nn.Sequential(NestMLP(), nn.Linear(16, 20), FixedHiddenMLP())`` (new modules each call)."""
    raise NotImplementedError("TODO: return nn.Sequential(NestMLP(), nn.Linear(16, 20), FixedHiddenMLP())")


class ParallelBlock(nn.Module):
    """``ParallelBlock(net1, net2)``: ``forward(X) = torch.cat([net1(X), net2(X)], dim=-1)``; both registered."""

    def __init__(self, net1, net2):
        super().__init__()
        raise NotImplementedError("TODO: keep net1 and net2 as attributes (so nn.Module registers them)")

    def forward(self, X):
        raise NotImplementedError("TODO: return torch.cat([net1(X), net2(X)], dim=-1)")


def repeat_block(make_block, n):
    """Return ``nn.Sequential`` of ``n`` independent blocks, each from its own ``make_block()`` call.

    ``[make_block()] * n`` would repeat one block object (shared parameters);
    calling ``make_block`` ``n`` times gives ``n`` separate ones.
    """
    raise NotImplementedError("TODO: return nn.Sequential of n fresh make_block() results (call make_block n times)")
