"""Blind mutants and variants of pytorch/gpu.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ---------------------------------------------------------------- num_gpus
    Mutant("num_gpus", "[plain] Returns int(torch.cuda.is_available()), which says whether there is a GPU, not how many: 1 instead of n on every machine with n >= 2 GPUs.", """
        import torch

        def num_gpus():
            return int(torch.cuda.is_available())
    """),
    Mutant("num_gpus", "[repeat] Reads the count once at import time (_COUNT = torch.cuda.device_count()) instead of on every call, so it keeps the import-time answer after the visible GPU count changes.", """
        import torch

        _COUNT = torch.cuda.device_count()

        def num_gpus():
            return _COUNT
    """),
    Mutant("num_gpus", "[repeat] Memoizes the count with functools.lru_cache, so every call after the first returns the first call's count.", """
        import functools
        import torch

        @functools.lru_cache(maxsize=None)
        def num_gpus():
            return torch.cuda.device_count()
    """),
    Mutant("num_gpus", "[boundary] Counts the try_all_gpus-style device list, CPU fallback included, so a machine without GPUs reports 1.", """
        import torch

        def num_gpus():
            devices = [torch.device(f"cuda:{i}") for i in range(torch.cuda.device_count())]
            return len(devices or [torch.device("cpu")])
    """),
    Mutant("num_gpus", "[plain] Returns torch.cuda.device_count() - 1 (the index of the last GPU), which is one short for every count and -1 without GPUs.", """
        import torch

        def num_gpus():
            return torch.cuda.device_count() - 1
    """),
    Mutant("num_gpus", "[type] Returns None instead of 0 when CUDA is not available, so num_gpus() == 0 and range(num_gpus()) fail on a CPU-only machine.", """
        import torch

        def num_gpus():
            if not torch.cuda.is_available():
                return None
            return torch.cuda.device_count()
    """),

    # ----------------------------------------------------------------- try_gpu
    Mutant("try_gpu", "[boundary] Checks only i < num_gpus(), so a negative i builds torch.device('cuda:-1') and raises instead of returning the CPU (for every GPU count).", """
        import torch

        def try_gpu(i=0):
            if i < num_gpus():
                return torch.device(f"cuda:{i}")
            return torch.device("cpu")
    """),
    Mutant("try_gpu", "[plain] Off by one: i <= num_gpus() accepts i == num_gpus(), returning a GPU that does not exist (cuda:0 with no GPU, cuda:n with n GPUs).", """
        import torch

        def try_gpu(i=0):
            if 0 <= i <= num_gpus():
                return torch.device(f"cuda:{i}")
            return torch.device("cpu")
    """),
    Mutant("try_gpu", "[boundary] Ignores i: returns cuda:0 whenever any GPU exists, so try_gpu(1) is cuda:0 (not cuda:1, or the CPU on a one-GPU machine).", """
        import torch

        def try_gpu(i=0):
            return torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    """),
    Mutant("try_gpu", "[boundary] Indexes the list of GPUs with Python indexing, so try_gpu(-1) returns the last GPU instead of the CPU whenever there is at least one GPU.", """
        import torch

        def try_gpu(i=0):
            gpus = [torch.device(f"cuda:{k}") for k in range(num_gpus())]
            try:
                return gpus[i]
            except IndexError:
                return torch.device("cpu")
    """),
    Mutant("try_gpu", "[type] Returns torch.device('cuda') without an index, which is not the contract's explicit cuda:i and means 'current device', not GPU i.", """
        import torch

        def try_gpu(i=0):
            if 0 <= i < num_gpus():
                return torch.device("cuda")
            return torch.device("cpu")
    """),
    Mutant("try_gpu", "[type] Returns the device name strings 'cuda:i' / 'cpu' instead of torch.device objects.", """
        def try_gpu(i=0):
            if 0 <= i < num_gpus():
                return f"cuda:{i}"
            return "cpu"
    """),
    Mutant("try_gpu", "[boundary] Default index 1 (def try_gpu(i=1)), so try_gpu() is the second GPU, or the CPU on a one-GPU machine, instead of GPU 0.", """
        import torch

        def try_gpu(i=1):
            if 0 <= i < num_gpus():
                return torch.device(f"cuda:{i}")
            return torch.device("cpu")
    """),
    Mutant("try_gpu", "[repeat] Memoizes try_gpu per i with functools.lru_cache, so after the visible GPU count changes it still returns the first answer.", """
        import functools
        import torch

        @functools.lru_cache(maxsize=None)
        def try_gpu(i=0):
            if 0 <= i < num_gpus():
                return torch.device(f"cuda:{i}")
            return torch.device("cpu")
    """),

    # ------------------------------------------------------------ try_all_gpus
    Mutant("try_all_gpus", "[boundary] Returns [] without GPUs (d2l's current code) instead of [torch.device('cpu')].", """
        import torch

        def try_all_gpus():
            return [torch.device(f"cuda:{i}") for i in range(num_gpus())]
    """),
    Mutant("try_all_gpus", "[type] Returns a tuple of devices instead of a list (also (cpu,) without GPUs).", """
        import torch

        def try_all_gpus():
            devices = tuple(torch.device(f"cuda:{i}") for i in range(num_gpus()))
            return devices or (torch.device("cpu"),)
    """),
    Mutant("try_all_gpus", "[type] Returns a lazy map object, which is not a list, compares unequal to one and is empty the second time it is iterated.", """
        import torch

        def try_all_gpus():
            n = num_gpus()
            if n == 0:
                return map(torch.device, ["cpu"])
            return map(lambda i: torch.device(f"cuda:{i}"), range(n))
    """),
    Mutant("try_all_gpus", "[plain] Numbers the GPUs from 1 (cuda:1 ... cuda:n) instead of from 0.", """
        import torch

        def try_all_gpus():
            devices = [torch.device(f"cuda:{i}") for i in range(1, num_gpus() + 1)]
            return devices if devices else [torch.device("cpu")]
    """),
    Mutant("try_all_gpus", "[plain] Always appends the CPU after the GPUs, so with n >= 1 GPUs the list has n + 1 devices.", """
        import torch

        def try_all_gpus():
            return [torch.device(f"cuda:{i}") for i in range(num_gpus())] + [torch.device("cpu")]
    """),
    Mutant("try_all_gpus", "[boundary] Caps the list at 8 GPUs ('one node has at most 8'), so machines with more than 8 GPUs lose the rest.", """
        import torch

        def try_all_gpus():
            devices = [torch.device(f"cuda:{i}") for i in range(min(num_gpus(), 8))]
            return devices if devices else [torch.device("cpu")]
    """),
    Mutant("try_all_gpus", "[repeat] Appends to one module-level list on every call without clearing it, so from the second call on each GPU is listed twice, three times, ...", """
        import torch

        _DEVICES = []

        def try_all_gpus():
            for i in range(num_gpus()):
                _DEVICES.append(torch.device(f"cuda:{i}"))
            return _DEVICES if _DEVICES else [torch.device("cpu")]
    """),
    Mutant("try_all_gpus", "[type] Lists torch.device('cuda') (no index) once per GPU, so every entry is the same current device instead of cuda:0 ... cuda:n-1.", """
        import torch

        def try_all_gpus():
            devices = [torch.device("cuda") for _ in range(num_gpus())]
            return devices if devices else [torch.device("cpu")]
    """),
]

VARIANTS = [
    # ---------------------------------------------------------------- num_gpus
    Variant("num_gpus", "[style] Binds device_count at import (from torch.cuda import device_count) and calls it on every call; the binding is fixed, the count is still read at call time.", """
        from torch.cuda import device_count

        def num_gpus():
            return device_count()
    """),
    Variant("num_gpus", "[style] Asks torch.cuda.is_available() first and returns 0 without CUDA, else device_count(): the same count, read on every call.", """
        import torch

        def num_gpus():
            return torch.cuda.device_count() if torch.cuda.is_available() else 0
    """),
    Variant("num_gpus", "[style] Counts the GPU indices by iterating range(torch.cuda.device_count()); a plain int equal to the count.", """
        import torch

        def num_gpus():
            count = 0
            for _ in range(torch.cuda.device_count()):
                count += 1
            return count
    """),

    # ----------------------------------------------------------------- try_gpu
    Variant("try_gpu", "[style] Uses the two-argument torch.device('cuda', i), membership in range(num_gpus()) and torch.device('cpu:0') for the CPU; negative i is not in the range, so it gets the CPU.", """
        import torch

        def try_gpu(i=0):
            if i in range(num_gpus()):
                return torch.device("cuda", i)
            return torch.device("cpu:0")
    """),
    Variant("try_gpu", "[style] Queries bound at import (from torch.cuda import device_count, is_available), a chained comparison -1 < i < count and torch.device(type=..., index=...).", """
        import torch
        from torch.cuda import device_count, is_available

        def try_gpu(i=0):
            if is_available() and -1 < i < device_count():
                return torch.device(type="cuda", index=i)
            return torch.device(type="cpu")
    """),

    # ------------------------------------------------------------ try_all_gpus
    Variant("try_all_gpus", "[style] list(map(try_gpu, range(num_gpus()))) with an `or` fallback to [torch.device('cpu:0')]; every i in range is a real GPU, so try_gpu returns cuda:i.", """
        import torch

        def try_all_gpus():
            return list(map(try_gpu, range(num_gpus()))) or [torch.device("cpu:0")]
    """),
    Variant("try_all_gpus", "[style] An explicit loop over torch.cuda.device_count() (called directly, not through num_gpus) building torch.device('cuda', index=i), with an if/else for the CPU fallback.", """
        import torch

        def try_all_gpus():
            devices = []
            for i in range(torch.cuda.device_count()):
                devices.append(torch.device("cuda", index=i))
            if not devices:
                devices = [torch.device("cpu")]
            return devices
    """),
]
