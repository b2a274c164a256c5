"""Custom layers (d2l 6.5, "Custom Layers"), PyTorch exercise.

A layer is an ``nn.Module``; parameters are ``nn.Parameter`` attributes, and
``forward`` uses them directly so that autograd reaches them.

Every unit's rule is in ``docs/units.md`` under its id (``pytorch.custom_layers.<name>``).

Run `pytest exercises/pytorch/custom_layers.py` to grade this file.
"""

import torch
from torch import nn
from torch.nn import functional as F


class CenteredLayer(nn.Module):
    """A layer without parameters (d2l 6.5.1, "Layers without Parameters").

    Signature: ``CenteredLayer()``; it has no parameters. ``forward(X)``
    returns a new tensor of X's shape: X with the mean of *all* its elements
    (one scalar, not a mean per axis) subtracted, so the result has mean 0.
    X itself is not changed in place, and the mean stays inside autograd, so
    the gradient that reaches X accounts for it.
    """

    def __init__(self):
        super().__init__()

    def forward(self, X):
        raise NotImplementedError("TODO: subtract the mean over all elements (rule: docs/units.md, pytorch.custom_layers.CenteredLayer)")


class MyLinear(nn.Module):
    """A fully connected layer with its own parameters (d2l 6.5.2, "Layers with Parameters").

    Signature: ``MyLinear(in_units, units)``. Parameters, in this order:

    ======  ====================  ===================================
    name    shape                 initial values
    ======  ====================  ===================================
    weight  (in_units, units)     drawn from a standard normal
    bias    (units,)              drawn from a standard normal
    ======  ====================  ===================================

    ``forward(X)``: the ReLU of (X times ``weight`` as a matrix product, plus
    ``bias``), for X of shape ``(..., in_units)``; the output has ``units``
    entries on its last axis. Gradients must reach both parameters and X. The
    book's forward reads the parameters through their ``.data``, which cuts
    them off from autograd (they never get gradients, so the layer never
    learns); use the Parameters themselves.
    """

    def __init__(self, in_units, units):
        super().__init__()
        raise NotImplementedError("TODO: create and register the weight and bias Parameters (rule: docs/units.md, pytorch.custom_layers.MyLinear)")

    def forward(self, X):
        raise NotImplementedError("TODO: compute the affine map and its ReLU from the Parameters (rule: docs/units.md, pytorch.custom_layers.MyLinear)")


class TensorReduction(nn.Module):
    """A layer that reduces a tensor (d2l 6.5, exercise 1).

    Signature: ``TensorReduction(in_features, out_features)``. It has one
    parameter, ``weight``, of shape ``(in_features, in_features,
    out_features)``, drawn from a standard normal. For an input X of shape
    ``(n, in_features)`` the output y has shape ``(n, out_features)`` with

        y[n, k] = sum over i and j of  weight[i, j, k] * X[n, i] * X[n, j].

    Gradients reach the weight and X.
    """

    def __init__(self, in_features, out_features):
        super().__init__()
        raise NotImplementedError("TODO: create and register the weight Parameter (rule: docs/units.md, pytorch.custom_layers.TensorReduction)")

    def forward(self, X):
        raise NotImplementedError("TODO: compute the double sum for every example and output (rule: docs/units.md, pytorch.custom_layers.TensorReduction)")


class FourierHalf(nn.Module):
    """A layer that returns the leading half of the Fourier coefficients (d2l 6.5, exercise 2).

    Signature: ``FourierHalf()``; it has no parameters. For a real input of
    shape ``(n, d)``, take the discrete Fourier transform along the last axis
    and keep its first ``ceil(d / 2)`` coefficients (so d = 5 keeps 3, d = 4
    keeps 2, d = 1 keeps 1). The output is complex, of shape
    ``(n, ceil(d / 2))``. ``d`` is read from each input, so a later, narrower
    input gets its own size. The result stays inside autograd: use torch's
    own FFT (``torch.fft``) on the tensor itself; going through numpy,
    ``.detach()`` or ``.data`` leaves X without a gradient.
    """

    def __init__(self):
        super().__init__()

    def forward(self, X):
        raise NotImplementedError("TODO: transform along the last axis and keep the first half of the coefficients (rule: docs/units.md, pytorch.custom_layers.FourierHalf)")
