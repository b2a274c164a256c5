"""Layers and modules (d2l 6.1, "Layers and Modules"), PyTorch exercise.

Custom blocks are ``nn.Module`` subclasses whose ``__init__`` creates and
registers the sub-modules (assigning them to attributes registers them) and
whose ``forward`` is the forward pass.

Every unit's rule is in ``docs/units.md`` under its id (``pytorch.blocks.<name>``).

Run `pytest exercises/pytorch/blocks.py` to grade this file.
"""

import torch
from torch import nn
from torch.nn import functional as F


class MLP(nn.Module):
    """A two-layer perceptron (d2l 6.1.1, "A Custom Module").

    Signature: ``MLP(in_features=20, hidden=256, out_features=10)``.

    It holds two ``nn.Linear`` layers, registered in this order:

    ========  ==============  ==============
    layer     input features  output features
    ========  ==============  ==============
    hidden    in_features     hidden
    output    hidden          out_features
    ========  ==============  ==============

    ``forward(X)`` feeds X through the hidden layer, applies a ReLU, and feeds
    the result through the output layer. X may have any number of leading
    axes; the layers act on the last one, of size ``in_features``. The output
    has ``out_features`` entries on its last axis, and gradients reach every
    parameter and X.
    """

    def __init__(self, in_features=20, hidden=256, out_features=10):
        super().__init__()
        raise NotImplementedError("TODO: create and register the two layers (rule: docs/units.md, pytorch.blocks.MLP)")

    def forward(self, X):
        raise NotImplementedError("TODO: compute the forward pass through both layers (rule: docs/units.md, pytorch.blocks.MLP)")


class MySequential(nn.Module):
    """A hand-written ``nn.Sequential`` (d2l 6.1.2, "The Sequential Module").

    Signature: ``MySequential(*blocks)``; ``forward(X)`` feeds X through every
    block in the order given and returns the last block's output (no blocks:
    X itself, unchanged).

    - Derive from ``nn.Module`` directly, not from ``nn.Sequential``,
      ``nn.ModuleList`` or ``nn.ModuleDict``.
    - Register every block as a submodule named by its position as a string
      ("0", "1", ..., "11", ...; ``nn.Module.add_module`` takes a name), so that
      ``parameters()``, ``.to()`` and ``train()``/``eval()`` reach it and the
      ``state_dict()`` keys are exactly those of ``nn.Sequential`` with the same
      blocks ("0.weight", ...). A plain Python list of blocks hides them from
      all of these.
    - A block object given twice is applied twice, at both of its positions.
      d2l's current version loops over ``self.children()``, which yields a
      module only once, so it skips the repeat; keep your own ordered record
      of the blocks for ``forward`` instead. Running blocks in the order of
      their string names is wrong too ("10" sorts before "2").
    - X is passed on as it is: no cast, no copy, no ``torch.no_grad()``, so
      gradients flow and a net moved to float64 takes a float64 input.
    """

    def __init__(self, *blocks):
        super().__init__()
        raise NotImplementedError("TODO: register every block under its position and remember their order (rule: docs/units.md, pytorch.blocks.MySequential)")

    def forward(self, X):
        raise NotImplementedError("TODO: apply every block in order, a repeated block each time (rule: docs/units.md, pytorch.blocks.MySequential)")


class FixedHiddenMLP(nn.Module):
    """d2l's block with a constant weight and a data-dependent loop (d2l 6.1.3); returns a scalar.

    Signature: ``FixedHiddenMLP()``; it takes inputs of shape ``(n, 20)``.

    State:

    - ``rand_weight``: a (20, 20) float32 constant, drawn uniformly from
      [0, 1) (``torch.rand``) anew for each instance, and registered as a
      *buffer*: it is in ``state_dict()`` and moves with ``.to()``, but it is
      never a parameter, so no optimizer changes it. The book stores a plain
      tensor attribute with ``requires_grad=False``; such an attribute is not
      registered at all, so ``.to()`` and ``state_dict()`` miss it.
    - one linear layer from 20 to 20 features; it is the only parameterised
      layer and is used twice, so its parameters are shared by both uses.

    ``forward(X)``, step by step:

    1. apply the linear layer;
    2. take the matrix product with ``rand_weight``, add 1, apply a ReLU;
    3. apply the same linear layer again;
    4. as long as the sum of the absolute values of all entries is above 1,
       divide X by 2;
    5. return the sum of all entries (a 0-d tensor).
    """

    def __init__(self):
        super().__init__()
        raise NotImplementedError("TODO: register the constant weight as a buffer and create the one linear layer (rule: docs/units.md, pytorch.blocks.FixedHiddenMLP)")

    def forward(self, X):
        raise NotImplementedError("TODO: run the five steps of the forward pass (rule: docs/units.md, pytorch.blocks.FixedHiddenMLP)")


class NestMLP(nn.Module):
    """A block holding a block (d2l 6.1.3, "Executing Code in the Forward Propagation Method").

    Signature: ``NestMLP()``; inputs have 20 features on the last axis,
    outputs 16.

    It holds an inner ``nn.Sequential`` and, after it, one more linear layer:

    =====  ===========================  ==============
    part   layer                        features
    =====  ===========================  ==============
    inner  linear, then ReLU            20 -> 64
    inner  linear, then ReLU            64 -> 32
    outer  linear (no activation)       32 -> 16
    =====  ===========================  ==============

    ``forward(X)`` runs the inner block, then the outer linear layer.
    """

    def __init__(self):
        super().__init__()
        raise NotImplementedError("TODO: create the inner sequential block and the final linear layer (rule: docs/units.md, pytorch.blocks.NestMLP)")

    def forward(self, X):
        raise NotImplementedError("TODO: run the inner block, then the final layer (rule: docs/units.md, pytorch.blocks.NestMLP)")


def chimera():
    """Return d2l's "chimera": your own blocks mixed with PyTorch's in one container (d2l 6.1.3).

    Signature: ``chimera()``. The result is an ``nn.Sequential`` of three
    parts, in this order, so that ``chimera()[0]`` is its NestMLP:

    ===  ==========================================
    #    part
    ===  ==========================================
    0    a new ``NestMLP`` (20 -> 16 features)
    1    a linear layer from 16 to 20 features
    2    a new ``FixedHiddenMLP`` (20 features in, a scalar out)
    ===  ==========================================

    Every call builds new modules: two calls share no parameter or buffer.
    """
    raise NotImplementedError("TODO: build the three parts and put them in one container (rule: docs/units.md, pytorch.blocks.chimera)")


class ParallelBlock(nn.Module):
    """Two networks side by side (d2l 6.1, exercise 2).

    Signature: ``ParallelBlock(net1, net2)``, two modules that take the same
    input. Both are registered (they show in ``parameters()``,
    ``state_dict()``, ``.to()``). The forward pass returns the output of
    ``net1`` on X and the output of ``net2`` on X concatenated along the last
    axis, ``net1``'s part first. X may have any number of leading axes.
    """

    def __init__(self, net1, net2):
        super().__init__()
        raise NotImplementedError("TODO: register both networks (rule: docs/units.md, pytorch.blocks.ParallelBlock)")

    def forward(self, X):
        raise NotImplementedError("TODO: run both networks on X and join their outputs on the last axis (rule: docs/units.md, pytorch.blocks.ParallelBlock)")


def repeat_block(make_block, n):
    """Stack ``n`` instances of one kind of block (d2l 6.1, exercise 3).

    Signature: ``repeat_block(make_block, n)``, where ``make_block()`` returns a
    new block on every call. Return an ``nn.Sequential`` holding ``n``
    independent blocks, each from its own ``make_block()`` call, applied in
    order (``n = 0``: an empty container; ``n = 1``: a container, not the bare
    block). Repeating one block object ``n`` times, or copying one block,
    gives blocks that share parameters or start from the same weights; every
    call of ``repeat_block`` builds a new container of new blocks.
    """
    raise NotImplementedError("TODO: build n independent blocks and chain them (rule: docs/units.md, pytorch.blocks.repeat_block)")
