"""Lazy initialization (d2l 6.4, "Lazy Initialization"), PyTorch reference.

``nn.LazyLinear(out_features)`` leaves its input size open: its weight is an
``UninitializedParameter`` until the first forward pass, which infers the size
from the input and materializes the weight.
"""

import torch
from torch import nn


def lazy_mlp(hidden=256, out_features=10):
    """Return ``nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(hidden, out_features))``.

    The first layer's input size is inferred on the first call: after a call
    on an ``(n, d)`` input its weight has shape ``(hidden, d)``.
    """
    return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(hidden, out_features))


def all_lazy_mlp(hidden=256, out_features=10):
    """Return ``nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.LazyLinear(out_features))``: every layer lazy."""
    return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.LazyLinear(out_features))


def materialize(net, in_features):
    """Initialize every lazy weight of ``net`` by one dry forward pass; return ``net`` itself.

    The dry run feeds ``torch.zeros(1, in_features)`` under ``torch.no_grad()``,
    so no gradients are left behind.
    """
    with torch.no_grad():
        net(torch.zeros(1, in_features))
    return net
