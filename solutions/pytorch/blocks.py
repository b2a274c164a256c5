"""Layers and modules (d2l 6.1, "Layers and Modules"), PyTorch reference.

Custom blocks are ``nn.Module`` subclasses whose ``__init__`` creates and
registers the sub-modules (assigning them to attributes registers them) and
whose ``forward`` is the forward pass.
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
        self.hidden = nn.Linear(in_features, hidden)
        self.out = nn.Linear(hidden, out_features)

    def forward(self, X):
        return self.out(F.relu(self.hidden(X)))


class MySequential(nn.Module):
    """A hand-written ``nn.Sequential``: ``MySequential(*blocks)`` applies every block in order.

    Derived from ``nn.Module`` directly. Each block is registered with
    ``self.add_module(str(i), block)``, so ``parameters()``, ``.to()``,
    ``train()/eval()`` see it and ``state_dict()`` keys are exactly
    ``nn.Sequential(*blocks)``'s (``"0.weight"``, ...). ``forward`` iterates
    the blocks kept in a tuple, so a block object given twice is applied
    twice; d2l's current version iterates ``self.children()``, which skips a
    module it has already yielded.
    """

    def __init__(self, *blocks):
        super().__init__()
        for i, block in enumerate(blocks):
            self.add_module(str(i), block)
        self._blocks = tuple(blocks)  # a plain tuple: registration is done above

    def forward(self, X):
        for block in self._blocks:
            X = block(X)
        return X


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
        self.register_buffer("rand_weight", torch.rand((20, 20)))
        self.linear = nn.Linear(20, 20)

    def forward(self, X):
        X = self.linear(X)
        X = F.relu(X @ self.rand_weight + 1)
        X = self.linear(X)  # the same layer again: its parameters are shared
        while X.abs().sum() > 1:
            X /= 2
        return X.sum()


class NestMLP(nn.Module):
    """A block holding a block: ``Sequential(Linear(20, 64), ReLU, Linear(64, 32), ReLU)``, then ``Linear(32, 16)``."""

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU())
        self.linear = nn.Linear(32, 16)

    def forward(self, X):
        return self.linear(self.net(X))


def chimera():
    """Return ``nn.Sequential(NestMLP(), nn.Linear(16, 20), FixedHiddenMLP())`` (new modules each call)."""
    return nn.Sequential(NestMLP(), nn.Linear(16, 20), FixedHiddenMLP())


class ParallelBlock(nn.Module):
    """``ParallelBlock(net1, net2)``: ``forward(X) = torch.cat([net1(X), net2(X)], dim=-1)``; both registered."""

    def __init__(self, net1, net2):
        super().__init__()
        self.net1 = net1
        self.net2 = net2

    def forward(self, X):
        return torch.cat([self.net1(X), self.net2(X)], dim=-1)


def repeat_block(make_block, n):
    """Return ``nn.Sequential`` of ``n`` independent blocks, each from its own ``make_block()`` call.

    ``[make_block()] * n`` would repeat one block object (shared parameters);
    calling ``make_block`` ``n`` times gives ``n`` separate ones.
    """
    return nn.Sequential(*(make_block() for _ in range(n)))
