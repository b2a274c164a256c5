"""File I/O (d2l 6.6, "File I/O"), PyTorch exercise.

Write with ``torch.save`` exactly at the path given (no suffix added, no
other file written, nothing left in the temp directory) and read with
``torch.load`` in its restricted mode, ``weights_only=True``: the restricted
unpickler accepts tensors, containers and primitive types only, so a file
holding a pickle that would run code is refused with an error. The book
calls ``torch.load`` with the path alone; since torch 2.6 the restricted mode
is the default, but older versions unpickle anything and so run whatever
code the file holds: ask for the restricted mode explicitly, so that safety
never depends on the version. Round trips must be exact (values, dtype,
shape) for every dtype, bfloat16, 0-d, empty and non-contiguous tensors
included; saving again at the same path replaces what was there.

Every unit's rule is in ``docs/units.md`` under its id (``pytorch.file_io.<name>``);
each save/load pair is one unit.

Run `pytest exercises/pytorch/file_io.py` to grade this file.
"""

import torch


def save_tensor(x, path):
    """Save one tensor (d2l 6.6.1, "Loading and Saving Tensors").

    Signature: ``save_tensor(x, path)``; writes ``x`` to the file ``path``
    exactly (see the module docstring) and returns None.
    """
    raise NotImplementedError("TODO: write the tensor to exactly this path (rule: docs/units.md, pytorch.file_io.tensor)")


def load_tensor(path):
    """Load the tensor written by ``save_tensor`` (d2l 6.6.1).

    Signature: ``load_tensor(path)``. Return the tensor stored in ``path``, with
    the saved values, dtype and shape. Code in the file never runs: a file
    holding a pickle that would run code raises an error instead.
    """
    raise NotImplementedError("TODO: read the tensor back in the restricted mode (rule: docs/units.md, pytorch.file_io.tensor)")


def save_tensors(xs, path):
    """Save several tensors in one file (d2l 6.6.1, a list of tensors).

    Signature: ``save_tensors(xs, path)``: ``xs`` is a list (or any sequence) of
    tensors, possibly holding one tensor object more than once; all of them go
    into the one file ``path``, in order. Returns None.
    """
    raise NotImplementedError("TODO: write all the tensors, in order, to this one path (rule: docs/units.md, pytorch.file_io.tensor_list)")


def load_tensors(path):
    """Load the tensors written by ``save_tensors`` (d2l 6.6.1).

    Signature: ``load_tensors(path)``. Return a ``list`` (not a tuple) of the
    saved tensors in the saved order, each exact; code in the file never runs.
    """
    raise NotImplementedError("TODO: read the tensors back as a list in the restricted mode (rule: docs/units.md, pytorch.file_io.tensor_list)")


def save_tensor_dict(d, path):
    """Save a dict of tensors (d2l 6.6.1, a dictionary mapping strings to tensors).

    Signature: ``save_tensor_dict(d, path)``: ``d`` maps ``str`` keys to
    tensors; it is written to the one file ``path``. Returns None.
    """
    raise NotImplementedError("TODO: write the dict of tensors to this path (rule: docs/units.md, pytorch.file_io.tensor_dict)")


def load_tensor_dict(path):
    """Load the dict written by ``save_tensor_dict`` (d2l 6.6.1).

    Signature: ``load_tensor_dict(path)``. Return a ``dict`` with exactly the
    saved ``str`` keys (in the saved order) and exact tensor values; a second
    dict saved at the same path replaces the first entirely. Code in the file
    never runs.
    """
    raise NotImplementedError("TODO: read the dict back in the restricted mode (rule: docs/units.md, pytorch.file_io.tensor_dict)")


def save_params(net, path):
    """Save a model's parameters (d2l 6.6.2, "Loading and Saving Model Parameters").

    Signature: ``save_params(net, path)``. Write the net's state (every
    parameter and buffer, under its state-dict key) to ``path``; not the
    module object itself, since loading a pickled module would need the
    unrestricted unpickler. Returns None.
    """
    raise NotImplementedError("TODO: write the net's state to this path (rule: docs/units.md, pytorch.file_io.params)")


def load_params(make_net, path):
    """Restore saved parameters into a fresh net (d2l 6.6.2).

    Signature: ``load_params(make_net, path)``: ``make_net()`` builds a new net
    of the architecture that was saved. Return a new ``make_net()`` result (a
    new one on every call) holding exactly the parameters and buffers saved
    by ``save_params``, switched to eval mode, its parameters still
    trainable. Read the file in the restricted mode, so a malicious file
    raises an error (best before any net is built); mapping the loaded
    tensors to the CPU is safe, because loading a state into a net copies it
    onto whatever device that net uses. Missing or unexpected keys are an
    error.
    """
    raise NotImplementedError("TODO: read the state safely, load it into a new net, switch that net to eval mode (rule: docs/units.md, pytorch.file_io.params)")
