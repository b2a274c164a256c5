"""Lazy initialization (d2l 6.4, "Lazy Initialization"), PyTorch exercise.

``nn.LazyLinear(out_features)`` leaves its input size open: its weight is an
``UninitializedParameter`` until the first forward pass, which infers the size
from the input and materializes the weight.

Every unit's rule is in ``docs/units.md`` under its id (``pytorch.lazy_init.<name>``).

Run `pytest exercises/pytorch/lazy_init.py` to grade this file.
"""

import torch
from torch import nn


def lazy_mlp(hidden=256, out_features=10):
    """An MLP whose first layer learns its input size on the first call (d2l 6.4).

    Signature: ``lazy_mlp(hidden=256, out_features=10)``. Return a new
    ``nn.Sequential`` of three layers, in training mode:

    ===  ===========================================================
    #    layer
    ===  ===========================================================
    0    a lazy linear layer with ``hidden`` outputs (input size open)
    1    ReLU
    2    an ordinary linear layer, ``hidden`` -> ``out_features``
    ===  ===========================================================

    Before the first call the first weight is still uninitialized; after a
    call on an ``(n, d)`` input it has shape ``(hidden, d)`` and the output has
    shape ``(n, out_features)``. Each call of ``lazy_mlp`` draws new weights.
    """
    raise NotImplementedError("TODO: build the three layers, the first one lazy (rule: docs/units.md, pytorch.lazy_init.lazy_mlp)")


def all_lazy_mlp(hidden=256, out_features=10):
    """The same MLP with every linear layer lazy (d2l 6.4, exercises).

    Signature: ``all_lazy_mlp(hidden=256, out_features=10)``. Like ``lazy_mlp``
    (``hidden`` units, a ReLU, ``out_features`` outputs), but no linear layer
    is told its input size: every one waits for its first input. Before the
    first call every weight is uninitialized; after a call on an ``(n, d)``
    input the first weight has shape ``(hidden, d)`` and the second
    ``(out_features, hidden)``.
    """
    raise NotImplementedError("TODO: build the MLP with every linear layer lazy (rule: docs/units.md, pytorch.lazy_init.all_lazy_mlp)")


def materialize(net, in_features):
    """Create every lazy weight now, without training (d2l 6.4).

    Signature: ``materialize(net, in_features)``: ``net`` is any module (not
    only an ``nn.Sequential``) taking batch-first inputs with ``in_features``
    features. Materialize every lazy parameter by one dry forward pass on a
    single example of that size, and return ``net`` itself.

    - The dry run must leave no gradients behind and record no autograd
      history: run it under ``torch.no_grad()``. Not under
      ``torch.inference_mode()``: weights created there can never join
      autograd, so the net could not be trained afterwards.
    - The train/eval mode of every module stays as it was.
    - Weights that already existed keep their values (no re-initialization),
      and the random generator is not seeded: two nets materialized one after
      the other get different weights.
    """
    raise NotImplementedError("TODO: run one dry forward pass without autograd and return the net (rule: docs/units.md, pytorch.lazy_init.materialize)")
