"""Catalogue for pytorch/gpu.py: num_gpus, try_gpu, try_all_gpus, placement (GPU-marked).

The reference's ``try_gpu`` and ``try_all_gpus`` call ``num_gpus()``, yet harness/units.toml declares no
dependency between these units.  A ``num_gpus`` mutant therefore also redefines both in the reference's
meaning but without calling ``num_gpus`` (``_INDEPENDENT``): the mutant stays confined to its own unit, as
it would in a submission whose ``try_gpu`` asks torch directly.
"""

from tests.catalogue import Mutant, Variant

_INDEPENDENT = """
    def try_gpu(i=0):
        if 0 <= i < torch.cuda.device_count():
            return torch.device(f"cuda:{i}")
        return torch.device("cpu")

    def try_all_gpus():
        return [torch.device(f"cuda:{i}") for i in range(torch.cuda.device_count())] or [torch.device("cpu")]
"""

MUTANTS = [
    # num_gpus
    Mutant("num_gpus", "Counts with is_available(), so it never says more than 1.", _INDEPENDENT + """
    def num_gpus():
        return 1 if torch.cuda.is_available() else 0
    """),
    Mutant("num_gpus", "Reads the count once at import time instead of on every call.", _INDEPENDENT + """
    _COUNT = torch.cuda.device_count()

    def num_gpus():
        return _COUNT
    """),
    Mutant("num_gpus", "Returns the index of the last GPU (count - 1) rather than the count.", _INDEPENDENT + """
    def num_gpus():
        return torch.cuda.device_count() - 1
    """),
    Mutant("num_gpus", "Returns torch.cuda.is_available() itself, a bool.", _INDEPENDENT + """
    def num_gpus():
        return torch.cuda.is_available()
    """),
    # try_gpu
    Mutant("try_gpu", "The book's count >= i + 1 test: a negative i gives cuda:-1 instead of the CPU.", """
        def try_gpu(i=0):
            if torch.cuda.device_count() >= i + 1:
                return torch.device(f"cuda:{i}")
            return torch.device("cpu")
    """),
    Mutant("try_gpu", "Off by one: i <= count accepts the index count, which does not exist.", """
        def try_gpu(i=0):
            if 0 <= i <= torch.cuda.device_count():
                return torch.device(f"cuda:{i}")
            return torch.device("cpu")
    """),
    Mutant("try_gpu", "Returns torch.device('cuda') without the index.", """
        def try_gpu(i=0):
            if 0 <= i < torch.cuda.device_count():
                return torch.device("cuda")
            return torch.device("cpu")
    """),
    Mutant("try_gpu", "Only asks is_available(), so any index is accepted once one GPU exists.", """
        def try_gpu(i=0):
            return torch.device(f"cuda:{i}") if torch.cuda.is_available() else torch.device("cpu")
    """),
    Mutant("try_gpu", "Returns a device name string instead of a torch.device.", """
        def try_gpu(i=0):
            return f"cuda:{i}" if 0 <= i < torch.cuda.device_count() else "cpu"
    """),
    Mutant("try_gpu", "Defaults to i=1, skipping the first GPU.", """
        def try_gpu(i=1):
            if 0 <= i < torch.cuda.device_count():
                return torch.device(f"cuda:{i}")
            return torch.device("cpu")
    """),
    # try_all_gpus
    Mutant("try_all_gpus", "Returns [] without GPUs (d2l master's code), not [cpu].", """
        def try_all_gpus():
            return [torch.device(f"cuda:{i}") for i in range(torch.cuda.device_count())]
    """),
    Mutant("try_all_gpus", "range(n - 1) leaves out the last GPU.", """
        def try_all_gpus():
            devices = [torch.device(f"cuda:{i}") for i in range(torch.cuda.device_count() - 1)]
            return devices if devices else [torch.device("cpu")]
    """),
    Mutant("try_all_gpus", "Returns the CPU device itself, not a list holding it.", """
        def try_all_gpus():
            devices = [torch.device(f"cuda:{i}") for i in range(torch.cuda.device_count())]
            return devices if devices else torch.device("cpu")
    """),
    Mutant("try_all_gpus", "Lists torch.device('cuda') without indices, once per GPU.", """
        def try_all_gpus():
            devices = [torch.device("cuda") for _ in range(torch.cuda.device_count())]
            return devices or [torch.device("cpu")]
    """),
    # placement (GPU-marked: only graded where a GPU is present)
    Mutant("placement", "to_device returns its input unchanged.", """
        def to_device(x, device):
            return x
    """),
    Mutant("placement", "to_device calls .cpu() instead of moving to the device.", """
        def to_device(x, device):
            return x.cpu()
    """),
    Mutant("placement", "to_device ignores its device argument and always calls .cuda().", """
        def to_device(x, device):
            return x.cuda()
    """),
    Mutant("placement", "to_device moves tensors only and returns modules unchanged.", """
        def to_device(x, device):
            if isinstance(x, torch.Tensor):
                return x.to(device)
            return x
    """),
]

VARIANTS = [
    Variant("num_gpus", "Guards device_count() with is_available().", """
        def num_gpus():
            return torch.cuda.device_count() if torch.cuda.is_available() else 0
    """),
    Variant("num_gpus", "Counts the devices by listing them.", """
        def num_gpus():
            return len([torch.device("cuda", i) for i in range(torch.cuda.device_count())])
    """),
    Variant("try_gpu", "torch.device('cuda', i) with a membership test on range(device_count()), as a ternary.", """
        def try_gpu(i=0):
            return torch.device("cuda", i) if i in range(torch.cuda.device_count()) else torch.device("cpu")
    """),
    Variant("try_gpu", "Indexes a list of every GPU, with the CPU for anything out of range.", """
        def try_gpu(i=0):
            gpus = [torch.device(f"cuda:{k}") for k in range(torch.cuda.device_count())]
            return gpus[i] if 0 <= i < len(gpus) else torch.device("cpu")
    """),
    Variant("try_all_gpus", "Builds the list from try_gpu(i) and falls back with `or`.", """
        def try_all_gpus():
            return [try_gpu(i) for i in range(num_gpus())] or [torch.device("cpu")]
    """),
    Variant("try_all_gpus", "An explicit loop with append and a final emptiness check.", """
        def try_all_gpus():
            devices = []
            for i in range(torch.cuda.device_count()):
                devices.append(torch.device("cuda", i))
            if not devices:
                devices.append(torch.device("cpu"))
            return devices
    """),
    Variant("placement", "Tensors copied with empty_like(device=...).copy_(x); modules moved with .to(device).", """
        def to_device(x, device):
            if isinstance(x, torch.Tensor):
                return torch.empty_like(x, device=device).copy_(x)
            return x.to(device)
    """),
    Variant("placement", "Keyword form x.to(device=device, non_blocking=False).", """
        def to_device(x, device):
            return x.to(device=device, non_blocking=False)
    """),
]

# ---------------------------------------------------------------- issue 11: classes that escaped or were rejected
MUTANTS += [
    Mutant("try_gpu", "The book's bug: try_gpu(-1) indexes from the end and returns the last GPU.", """
        import torch

        def try_gpu(i=0):
            n = torch.cuda.device_count()
            if -n <= i < n:
                return torch.device(f"cuda:{i % n}")
            return torch.device("cpu")
    """),
]

VARIANTS += [
    Variant("num_gpus", "Binds the query at import (from torch.cuda import device_count); the CPU as cpu:0.", """
        import torch
        from torch.cuda import device_count

        def num_gpus():
            return device_count()

        def try_gpu(i=0):
            if 0 <= i < device_count():
                return torch.device(f"cuda:{i}")
            return torch.device("cpu:0")

        def try_all_gpus():
            return [torch.device(f"cuda:{i}") for i in range(device_count())] or [torch.device("cpu:0")]
    """),
]
