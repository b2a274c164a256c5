"""GPUs (d2l 6.7, "GPUs"), PyTorch exercise.

Devices are ``torch.device`` objects with an explicit index (``cuda:0``).
Read the GPU count on every call, never at import: the grader fakes it by
patching ``torch.cuda.device_count`` and ``torch.cuda.is_available``.

Run `pytest exercises/pytorch/gpu.py` to grade this file.
"""

import torch


def num_gpus():
    """Return how many GPUs torch sees: ``torch.cuda.device_count()``."""
    raise NotImplementedError("TODO: return torch.cuda.device_count()")


def try_gpu(i=0):
    """Return ``torch.device(f"cuda:{i}")`` if GPU ``i`` exists (``0 <= i < num_gpus()``), else ``torch.device("cpu")``."""
    raise NotImplementedError('TODO: torch.device(f"cuda:{i}") if 0 <= i < num_gpus() else torch.device("cpu")')


def try_all_gpus():
    """Return ``[torch.device("cuda:0"), ...]`` for every GPU, or ``[torch.device("cpu")]`` where there is none.

    That is what the book's docstring promises; d2l's current code returns
    ``[]`` without GPUs.
    """
    raise NotImplementedError('TODO: [torch.device(f"cuda:{i}") for i in range(num_gpus())], or [torch.device("cpu")] if empty')


def to_device(x, device):
    """Return ``x.to(device)``: a tensor copy on ``device``, or a module moved there (modules move in place)."""
    raise NotImplementedError("TODO: return x.to(device) (works for tensors and modules)")
