"""GPUs (d2l 6.7, "GPUs"), PyTorch exercise.

Devices are ``torch.device`` objects with an explicit index (``cuda:0``).
Read the GPU count on every call, never at import: the grader fakes the
count by patching ``torch.cuda``'s functions, so a count cached when the
module was imported would be wrong.

Every unit's rule is in ``docs/units.md`` under its id (``pytorch.gpu.<name>``).

Run `pytest exercises/pytorch/gpu.py` to grade this file.
"""

import torch


def num_gpus():
    """How many GPUs there are (d2l 6.7.1, "Computing Devices").

    Signature: ``num_gpus()``. Return, as an int, how many CUDA GPUs torch
    sees, asked of ``torch.cuda`` at the time of the call (0 on a machine
    without any).
    """
    raise NotImplementedError("TODO: ask torch.cuda how many GPUs it sees (rule: docs/units.md, pytorch.gpu.num_gpus)")


def try_gpu(i=0):
    """GPU ``i`` if it exists, else the CPU (d2l 6.7.1).

    Signature: ``try_gpu(i=0)``. GPU ``i`` exists when ``i`` is one of
    0, 1, ..., ``num_gpus()`` - 1; then return the CUDA ``torch.device`` with
    index ``i`` (it prints as cuda:<i>). For any other ``i``, a negative one
    included, return the CPU ``torch.device``.
    """
    raise NotImplementedError("TODO: pick the CUDA device i when it exists, else the CPU (rule: docs/units.md, pytorch.gpu.try_gpu)")


def try_all_gpus():
    """Every GPU, or the CPU (d2l 6.7.1).

    Signature: ``try_all_gpus()``. Return a list with one CUDA ``torch.device``
    per GPU, indices 0, 1, ... in order; on a machine without GPUs, a list
    holding the CPU device only. That is what the book's docstring promises;
    d2l's current code returns an empty list without GPUs.
    """
    raise NotImplementedError("TODO: list a device per GPU, or the CPU alone (rule: docs/units.md, pytorch.gpu.try_all_gpus)")


def to_device(x, device):
    """Put a tensor or a module on a device (d2l 6.7.2, "Tensors and GPUs"; 6.7.3, "Neural Networks and GPUs").

    Signature: ``to_device(x, device)``. For a tensor, return a copy on
    ``device`` (the original stays where it was); for a module, move its
    parameters and buffers there in place and return the module itself.
    Tensors and modules share the method that does this (``Tensor.to``,
    ``Module.to``). Results computed on the GPU match the CPU's, and moving
    back to the CPU works the same way.
    """
    raise NotImplementedError("TODO: move the tensor or module to the device (rule: docs/units.md, pytorch.gpu.placement)")
