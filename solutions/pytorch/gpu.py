"""GPUs (d2l 6.7, "GPUs"), PyTorch reference.

Devices are ``torch.device`` objects with an explicit index (``cuda:0``).
GPU counts are read on every call, never cached at import.
"""

import torch


def num_gpus():
    """Return how many GPUs torch sees: ``torch.cuda.device_count()``."""
    return torch.cuda.device_count()


def try_gpu(i=0):
    """Return ``torch.device(f"cuda:{i}")`` if GPU ``i`` exists (``0 <= i < num_gpus()``), else ``torch.device("cpu")``."""
    if 0 <= i < num_gpus():
        return torch.device(f"cuda:{i}")
    return torch.device("cpu")


def try_all_gpus():
    """Return ``[torch.device("cuda:0"), ...]`` for every GPU, or ``[torch.device("cpu")]`` where there is none.

    That is what the book's docstring promises; d2l's current code returns
    ``[]`` without GPUs.
    """
    devices = [torch.device(f"cuda:{i}") for i in range(num_gpus())]
    return devices if devices else [torch.device("cpu")]


def to_device(x, device):
    """Return ``x.to(device)``: a tensor copy on ``device``, or a module moved there (modules move in place)."""
    return x.to(device)
