"""File I/O (d2l 6.6, "File I/O"), PyTorch exercise.

Write with ``torch.save`` exactly at the path given (no suffix added) and read
with ``torch.load(path, weights_only=True)``: the restricted unpickler accepts
tensors, containers and primitive types only, so a file holding a pickle that
would run code is refused with an error. The book calls ``torch.load(path)``;
since torch 2.6 ``weights_only=True`` is the default, but spell it out so that
it never depends on the version. Round trips must be exact (values, dtype,
shape) for every dtype, bfloat16, 0-d and empty tensors included.

Run `pytest exercises/pytorch/file_io.py` to grade this file.
"""

import torch


def save_tensor(x, path):
    """Save one tensor to ``path`` (written exactly there)."""
    raise NotImplementedError("TODO: torch.save(x, path)")


def load_tensor(path):
    """Load the tensor saved by ``save_tensor``: same values, dtype and shape; code in the file never runs."""
    raise NotImplementedError("TODO: return torch.load(path, weights_only=True)")


def save_tensors(xs, path):
    """Save a list (any sequence) of tensors to ``path``, in order."""
    raise NotImplementedError("TODO: torch.save(list(xs), path)")


def load_tensors(path):
    """Load the tensors saved by ``save_tensors``: a list in the saved order."""
    raise NotImplementedError("TODO: return list(torch.load(path, weights_only=True))")


def save_tensor_dict(d, path):
    """Save a dict mapping ``str`` keys to tensors to ``path``."""
    raise NotImplementedError("TODO: torch.save(dict(d), path)")


def load_tensor_dict(path):
    """Load the dict saved by ``save_tensor_dict``: the same ``str`` keys, tensor values."""
    raise NotImplementedError("TODO: return dict(torch.load(path, weights_only=True))")


def save_params(net, path):
    """Save ``net.state_dict()`` (every parameter and buffer) to ``path``."""
    raise NotImplementedError("TODO: torch.save(net.state_dict(), path)")


def load_params(make_net, path):
    """Return a fresh ``make_net()`` holding the parameters and buffers saved by ``save_params``, in eval mode.

    Load the state with ``weights_only=True`` (``map_location="cpu"`` is safe:
    ``load_state_dict`` copies it onto whatever device the fresh net uses).
    """
    raise NotImplementedError("TODO: net = make_net(); net.load_state_dict(torch.load(path, weights_only=True)); return net.eval()")
