"""Parameter management (d2l 6.2, "Parameter Management"), PyTorch exercise.

Access parameters through ``state_dict()``, ``named_parameters()`` and module
attributes; re-initialize or edit them in place under ``torch.no_grad()``
(the in-place ``nn.init`` functions, the in-place tensor methods whose names
end in ``_``, item assignment), so that the Parameter objects stay the same
and anything holding them (an optimizer, a tied layer) sees the new values.
The initializers come from d2l 6.3, "Parameter Initialization" (part of
"Parameter Management" in earlier editions). The book writes through
``.data``; that still works, but it bypasses autograd's safety checks (an
in-place change autograd would have refused goes unnoticed), so do not use it.

Every unit's rule is in ``docs/units.md`` under its id (``pytorch.parameters.<name>``).

Run `pytest exercises/pytorch/parameters.py` to grade this file.
"""

import torch
from torch import nn


def layer_state(net, i):
    """The state of one layer of a sequential net (d2l 6.2.1, "Parameter Access").

    Signature: ``layer_state(net, i)``, ``net`` an ``nn.Sequential``. Return the
    state dict of layer ``i`` (indexed like a list, so -1 is the last layer):
    a dict from names ("weight", "bias", buffer names, ...; dotted names for
    a nested block) to that layer's own parameter and buffer tensors, keyed
    relative to the layer itself; a layer without any gives an empty dict.
    """
    raise NotImplementedError("TODO: return the state of layer i (rule: docs/units.md, pytorch.parameters.layer_state)")


def named_shapes(net):
    """Every parameter's name and shape (d2l 6.2.1.2, "All Parameters at Once").

    Signature: ``named_shapes(net)``. Return a list of ``(name, shape)`` pairs,
    one per parameter of ``net`` (buffers are not parameters), in the order
    ``named_parameters()`` yields them (a parameter shared by two layers is
    listed once, under its first name); ``name`` is the dotted name
    ("0.weight", ...) and ``shape`` a plain tuple of ints, not a
    ``torch.Size``.
    """
    raise NotImplementedError("TODO: list each parameter's name with its shape as a tuple (rule: docs/units.md, pytorch.parameters.named_shapes)")


def state_value(net, key):
    """One entry of a net's state (d2l 6.2.1.1, "Targeted Parameters").

    Signature: ``state_value(net, key)``, ``key`` a dotted state-dict name such
    as "2.bias" (buffers count too, e.g. a batch norm's "1.running_mean").
    Return the tensor the net's state dict holds under that key: the state's
    own tensor, sharing memory with the net, not a copy.
    """
    raise NotImplementedError("TODO: look the key up in the net's state (rule: docs/units.md, pytorch.parameters.state_value)")


def nested_param(net, path, name):
    """A parameter inside nested blocks (d2l 6.2.1, "Parameter Access").

    Signature: ``nested_param(net, path, name)``: starting from ``net``, index
    one level deeper for each integer of ``path`` (the first index picks a
    child of ``net``, the next a child of that, ...), then return the
    attribute called ``name`` of the module reached. With ``rgnet()`` below,
    path ``(0, 1, 0)`` and name "bias" give the bias of the first linear layer
    of the second block1 inside the block2. Return the Parameter object
    itself (not its ``.data``, not a clone or a detached copy), read anew on
    every call.
    """
    raise NotImplementedError("TODO: walk down the path and return the named Parameter itself (rule: docs/units.md, pytorch.parameters.nested_param)")


def block1():
    """A small block for nesting (earlier editions of d2l, "Collecting Parameters from Nested Blocks").

    Signature: ``block1()``. Return a new ``nn.Sequential`` of four layers:

    ===  ===============================
    #    layer
    ===  ===============================
    0    linear, 4 -> 8 features
    1    ReLU
    2    linear, 8 -> 4 features
    3    ReLU
    ===  ===============================
    """
    raise NotImplementedError("TODO: build the four-layer block (rule: docs/units.md, pytorch.parameters.rgnet)")


def block2():
    """Four block1s in a row, under the book's names.

    Signature: ``block2()``. Return a new ``nn.Sequential`` holding four
    independent ``block1()`` results as children named "block 0", "block 1",
    "block 2" and "block 3" (with a space), in that order; the state-dict keys
    then read "block 0.0.weight", ... (``nn.Module.add_module`` registers a
    child under a name you choose).
    """
    raise NotImplementedError("TODO: add four new block1s under their names (rule: docs/units.md, pytorch.parameters.rgnet)")


def rgnet():
    """Blocks nested three levels deep.

    Signature: ``rgnet()``. Return a new ``nn.Sequential`` of two parts:

    ===  ===========================================
    #    part
    ===  ===========================================
    0    a ``block2()`` (4 features in and out)
    1    a linear layer, 4 -> 1 feature
    ===  ===========================================
    """
    raise NotImplementedError("TODO: put a block2 and the output layer in one container (rule: docs/units.md, pytorch.parameters.rgnet)")


def init_normal(module):
    """Gaussian weights and zero biases (d2l 6.3.1, "Built-in Initialization").

    Signature: ``init_normal(module)``, meant for ``net.apply``, which calls it
    on every submodule. If ``module`` is an ``nn.Linear``: its weight gets
    values drawn from a normal distribution with mean 0 and standard deviation
    0.01, and its bias (if it has one) becomes 0. Changes are in place (the
    same Parameter objects, same dtype), record no autograd history and leave
    the parameters trainable; every other kind of module is left untouched.
    Returns None.
    """
    raise NotImplementedError("TODO: re-initialise the weight and bias of a linear layer in place (rule: docs/units.md, pytorch.parameters.init_normal)")


def init_constant(module):
    """Constant weights (d2l 6.3.1, "Built-in Initialization").

    Signature: ``init_constant(module)``, for ``net.apply``. If ``module`` is an
    ``nn.Linear``, every entry of its weight becomes 1 and its bias (if any)
    becomes 0; in place, without autograd history; other modules untouched.
    """
    raise NotImplementedError("TODO: fill the weight with ones and the bias with zeros in place (rule: docs/units.md, pytorch.parameters.init_constant)")


def init_xavier(module):
    """Xavier initialisation (d2l 6.3.1, applying different initializers to different blocks).

    Signature: ``init_xavier(module)``, for ``net.apply``. If ``module`` is an
    ``nn.Linear``, its weight gets new values from the Xavier (Glorot) uniform
    distribution, in place and without autograd history; its bias and every
    other module stay untouched. Applied twice, it draws new values.
    """
    raise NotImplementedError("TODO: draw a Xavier-uniform weight in place (rule: docs/units.md, pytorch.parameters.init_xavier)")


def init_42(module):
    """The constant 42 (d2l 6.3.1, the book's second initializer for different blocks).

    Signature: ``init_42(module)``, for ``net.apply``. If ``module`` is an
    ``nn.Linear``, every entry of its weight becomes 42, in place and without
    autograd history; its bias and every other module stay untouched.
    """
    raise NotImplementedError("TODO: set every weight entry to 42 in place (rule: docs/units.md, pytorch.parameters.init_42)")


def my_init(module):
    """A custom initializer (d2l 6.3.1.1, "Custom Initialization").

    Signature: ``my_init(module)``, for ``net.apply``. If ``module`` is an
    ``nn.Linear``, its weight is first drawn uniformly from [-10, 10), then
    every entry whose absolute value is below 5 is set to 0 (the others keep
    their value), so each weight is 0 with probability 1/2 and otherwise
    uniform on [-10, -5] or [5, 10]. Both steps act in place under
    ``torch.no_grad()``; the bias and every other module stay untouched. The
    book goes through ``.data``, which is not needed (see the module
    docstring).
    """
    raise NotImplementedError("TODO: draw the weight uniformly, then zero its small entries, in place (rule: docs/units.md, pytorch.parameters.my_init)")


def set_manually(net):
    """Editing a parameter directly (d2l 6.3.1.1, end of "Custom Initialization").

    Signature: ``set_manually(net)``. Change the weight of ``net[0]`` in place:
    first add 1 to every entry, then set its top-left entry (row 0, column 0)
    to 42. Autograd must be off while doing it (a Parameter that requires grad
    refuses in-place changes otherwise), and the Parameter object, its
    ``requires_grad`` and the net's train/eval mode stay as they were; nothing
    else changes. Calling it twice adds 2 in all and leaves 42 at the corner.
    """
    raise NotImplementedError("TODO: add one everywhere, then write 42 at the corner, in place (rule: docs/units.md, pytorch.parameters.set_manually)")


def tied_net(width=8):
    """Tied parameters (d2l 6.2.2, "Tied Parameters").

    Signature: ``tied_net(width=8)``; write ``w`` for ``width``. Return a new
    ``nn.Sequential`` of seven layers, all with their parameters created up
    front (no lazy layers):

    ===  ================================================
    #    layer
    ===  ================================================
    0    linear, 4 -> w features
    1    ReLU
    2    the shared linear layer, w -> w features
    3    ReLU
    4    the shared linear layer again (the same object)
    5    ReLU
    6    linear, w -> 1 feature
    ===  ================================================

    Layers 2 and 4 are one and the same module object, so ``net[2] is net[4]``:
    one set of parameters, whose gradient is the sum of the gradients of both
    uses. Two calls of ``tied_net`` share nothing.
    """
    raise NotImplementedError("TODO: build the net with one shared layer at positions 2 and 4 (rule: docs/units.md, pytorch.parameters.tied_net)")
