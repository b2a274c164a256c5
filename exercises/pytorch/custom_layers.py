"""Custom layers (d2l 6.5, "Custom Layers"), PyTorch exercise.

A layer is an ``nn.Module``; parameters are ``nn.Parameter`` attributes, and
``forward`` uses them directly so that autograd reaches them.

Run `pytest exercises/pytorch/custom_layers.py` to grade this file.
"""

import torch
from torch import nn
from torch.nn import functional as F


class CenteredLayer(nn.Module):
    """A layer without parameters: ``forward(X) = X - X.mean()`` (the mean over all elements)."""

    def __init__(self):
        super().__init__()

    def forward(self, X):
        raise NotImplementedError("TODO: return X - X.mean() (mean over all elements; no parameters)")


class MyLinear(nn.Module):
    """``MyLinear(in_units, units)``: ``forward(X) = relu(X @ weight + bias)``.

    Parameters ``weight`` (in_units, units) and ``bias`` (units,), both drawn
    from a standard normal. The book's forward uses ``self.weight.data``, which
    cuts the parameters off from autograd (they never get gradients); use the
    Parameters themselves.
    """

    def __init__(self, in_units, units):
        super().__init__()
        raise NotImplementedError("TODO: weight = nn.Parameter(torch.randn(in_units, units)); bias = nn.Parameter(torch.randn(units))")

    def forward(self, X):
        raise NotImplementedError("TODO: return F.relu(X @ self.weight + self.bias) (no .data)")


class TensorReduction(nn.Module):
    """``TensorReduction(in_features, out_features)``: ``y[n, k] = sum_ij W[i, j, k] x[n, i] x[n, j]``.

    One parameter ``weight`` of shape (in, in, out), standard normal; forward is
    ``torch.einsum("ijk,ni,nj->nk", weight, X, X)``. (d2l exercise)
    """

    def __init__(self, in_features, out_features):
        super().__init__()
        raise NotImplementedError("TODO: weight = nn.Parameter(torch.randn(in_features, in_features, out_features))")

    def forward(self, X):
        raise NotImplementedError('TODO: return torch.einsum("ijk,ni,nj->nk", self.weight, X, X)')


class FourierHalf(nn.Module):
    """A layer without parameters: the first ``(d + 1) // 2`` FFT coefficients along the last axis (complex).

    For an ``(n, d)`` input returns ``torch.fft.fft(X, dim=-1)[..., :(d + 1) // 2]``. (d2l exercise)
    """

    def __init__(self):
        super().__init__()

    def forward(self, X):
        raise NotImplementedError("TODO: return torch.fft.fft(X, dim=-1)[..., :(d + 1) // 2] with d = X.shape[-1]")
