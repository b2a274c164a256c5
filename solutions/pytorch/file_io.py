"""File I/O (d2l 6.6, "File I/O"), PyTorch reference.

Everything is written with ``torch.save`` exactly at the path given (no suffix
added) and read with ``torch.load(path, weights_only=True)``: the restricted
unpickler accepts tensors, containers and primitive types only, so a file
holding a pickle that would run code is refused with an error. The book calls
``torch.load(path)``; since torch 2.6 ``weights_only=True`` is the default,
and it is spelled out here so that it never depends on the version.
"""

import torch


def save_tensor(x, path):
    """Save one tensor to ``path`` (written exactly there)."""
    torch.save(x, path)


def load_tensor(path):
    """Load the tensor saved by ``save_tensor``: same values, dtype and shape; code in the file never runs."""
    x = torch.load(path, weights_only=True)
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"{path!r} holds a {type(x).__name__}, not a tensor")
    return x


def save_tensors(xs, path):
    """Save a list (any sequence) of tensors to ``path``, in order."""
    torch.save(list(xs), path)


def load_tensors(path):
    """Load the tensors saved by ``save_tensors``: a list in the saved order."""
    xs = torch.load(path, weights_only=True)
    if not isinstance(xs, (list, tuple)):
        raise TypeError(f"{path!r} holds a {type(xs).__name__}, not a list of tensors")
    return list(xs)


def save_tensor_dict(d, path):
    """Save a dict mapping ``str`` keys to tensors to ``path``."""
    torch.save(dict(d), path)


def load_tensor_dict(path):
    """Load the dict saved by ``save_tensor_dict``: the same ``str`` keys, tensor values."""
    d = torch.load(path, weights_only=True)
    if not isinstance(d, dict):
        raise TypeError(f"{path!r} holds a {type(d).__name__}, not a dict of tensors")
    return dict(d)


def save_params(net, path):
    """Save ``net.state_dict()`` (every parameter and buffer) to ``path``."""
    torch.save(net.state_dict(), path)


def load_params(make_net, path):
    """Return a fresh ``make_net()`` holding the parameters and buffers saved by ``save_params``, in eval mode.

    The state is loaded with ``weights_only=True`` and ``map_location="cpu"``
    (``load_state_dict`` copies it onto whatever device the fresh net uses);
    missing or unexpected keys raise.
    """
    state = torch.load(path, map_location="cpu", weights_only=True)  # first: a bad file raises before a net is made
    net = make_net()
    net.load_state_dict(state)
    net.eval()
    return net
