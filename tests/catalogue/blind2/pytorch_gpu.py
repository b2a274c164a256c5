"""Blind batch 2: mutants and variants of pytorch/gpu.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ---------------------------------------------------------------- num_gpus
    Mutant("num_gpus", "[plain] Confuses is_initialized() with is_available(): returns 0 until something has initialised CUDA, and the count only afterwards.", """
        import torch

        def num_gpus():
            return torch.cuda.device_count() if torch.cuda.is_initialized() else 0
    """),
    Mutant("num_gpus", "[plain] Counts as torch.cuda.current_device() + 1 (the current index plus one), which is 1 on a machine with several GPUs and raises without CUDA.", """
        import torch

        def num_gpus():
            return torch.cuda.current_device() + 1
    """),
    Mutant("num_gpus", "[device] Counts the entries of CUDA_VISIBLE_DEVICES instead of asking torch, so it says 1 when the variable is unset (or empty) and ignores what torch really sees.", """
        import os
        import torch

        def num_gpus():
            return len(os.environ.get("CUDA_VISIBLE_DEVICES", "").split(","))
    """),

    # ---------------------------------------------------------------- try_gpu
    Mutant("try_gpu", "[type] Returns torch.cuda.device(i), the context manager class, instead of torch.device(f'cuda:{i}'): it is not a torch.device and does not compare equal to one.", """
        import torch

        def try_gpu(i=0):
            if 0 <= i < num_gpus():
                return torch.cuda.device(i)
            return torch.device("cpu")
    """),
    Mutant("try_gpu", "[boundary] Tests 0 < i < num_gpus() (strict on both sides), so the first GPU is never returned: try_gpu() gives the CPU even with GPUs.", """
        import torch

        def try_gpu(i=0):
            if 0 < i < num_gpus():
                return torch.device(f"cuda:{i}")
            return torch.device("cpu")
    """),

    # ------------------------------------------------------------ try_all_gpus
    Mutant("try_all_gpus", "[type] Returns a set of devices ('no duplicates'), which has no order and is not a list.", """
        import torch

        def try_all_gpus():
            devices = {torch.device(f"cuda:{i}") for i in range(num_gpus())}
            return devices if devices else {torch.device("cpu")}
    """),
    Mutant("try_all_gpus", "[repeat] Memoises the list with functools.lru_cache, so later calls return the first call's (shared, mutable) list even after the visible GPU count changes.", """
        import functools
        import torch

        @functools.lru_cache(maxsize=None)
        def try_all_gpus():
            devices = [torch.device(f"cuda:{i}") for i in range(num_gpus())]
            return devices if devices else [torch.device("cpu")]
    """),
    Mutant("try_all_gpus", "[type] Lists device name strings 'cuda:0', ... (and 'cpu') instead of torch.device objects.", """
        import torch

        def try_all_gpus():
            devices = [f"cuda:{i}" for i in range(num_gpus())]
            return devices if devices else ["cpu"]
    """),

    # ---------------------------------------------------------------- placement
    Mutant("placement", "[device] Casts while moving (x.to(device, torch.float32), 'GPUs want float32'), so float64, integer and bool tensors change dtype and a float64 module becomes float32.", """
        import torch

        def to_device(x, device):
            return x.to(device, torch.float32)
    """),
    Mutant("placement", "[device] Moves a tensor by reassigning x.data and returns x, so the caller's CPU tensor itself ends up on the GPU instead of getting a copy there.", """
        import torch
        from torch import nn

        def to_device(x, device):
            if isinstance(x, nn.Module):
                return x.to(device)
            x.data = x.data.to(device)
            return x
    """),
    Mutant("placement", "[mode] Returns a moved module in eval mode ('it is for inference on the GPU'), so a training-mode net switches mode when it is moved.", """
        import torch
        from torch import nn

        def to_device(x, device):
            y = x.to(device)
            if isinstance(y, nn.Module):
                y.eval()
            return y
    """),
    Mutant("placement", "[gradient] Copies tensors through numpy (torch.from_numpy(x.detach().cpu().numpy()).to(device)): the copy is cut off from autograd and bfloat16 (or a GPU tensor needing no copy) takes a detour or fails.", """
        import torch
        from torch import nn

        def to_device(x, device):
            if isinstance(x, nn.Module):
                return x.to(device)
            return torch.from_numpy(x.detach().cpu().numpy()).to(device)
    """),
]

VARIANTS = [
    Variant("num_gpus", "[style] Binds the cuda module at import (from torch import cuda) and calls cuda.device_count() on every call: the attribute is looked up at call time.", """
        from torch import cuda

        def num_gpus():
            return int(cuda.device_count())
    """),
    Variant("try_gpu", "[style] torch.device('cuda', i) for i in range(cuda.device_count()), else torch.device('cpu', 0) (the CPU as cpu:0), with the cuda module bound at import.", """
        import torch
        from torch import cuda

        def try_gpu(i=0):
            return torch.device("cuda", i) if i in range(cuda.device_count()) else torch.device("cpu", 0)
    """),
    Variant("placement", "[style] Dispatches on the class: type(x).to(x, device) calls Tensor.to for tensors (Parameters too) and Module.to for modules.", """
        import torch

        def to_device(x, device):
            return type(x).to(x, device)
    """),
]
