"""Blind batch 4: mutants and variants of pytorch/file_io.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("tensor", "[file] Opens the file with mode 'xb' ('never clobber an existing file'): a fresh path works, but saving to a path that already exists (a second save, or a temp file the caller made) raises FileExistsError instead of writing there.", """
        import torch

        def save_tensor(x, path):
            with open(path, "xb") as f:
                torch.save(x, f)
    """),
    Mutant("tensor", "[dtype] Stores 0-d tensors as Python numbers (x.item()) and rebuilds them with torch.tensor on load: tensors of rank >= 1 are exact, but a 0-d int8, uint8, int16 or int32 comes back int64 and a 0-d float16, bfloat16 or float64 comes back float32.", """
        import torch

        def save_tensor(x, path):
            torch.save(x.item() if x.dim() == 0 else x, path)

        def load_tensor(path):
            x = torch.load(path, weights_only=True)
            if isinstance(x, (bool, int, float)):
                x = torch.tensor(x)
            if not isinstance(x, torch.Tensor):
                raise TypeError(f"{path!r} holds a {type(x).__name__}, not a tensor")
            return x
    """),
    Mutant("tensor_list", "[file] Reads zip archives with torch.load(weights_only=True) but falls back to pickle.load for any other file ('older lists were written with pickle.dump'), so a plain pickle file runs its code on load.", """
        import pickle
        import zipfile
        import torch

        def load_tensors(path):
            if zipfile.is_zipfile(path):
                xs = torch.load(path, weights_only=True)
            else:
                with open(path, "rb") as f:
                    xs = pickle.load(f)
            if not isinstance(xs, (list, tuple)):
                raise TypeError(f"{path!r} holds a {type(xs).__name__}, not a list of tensors")
            return list(xs)
    """),
    Mutant("tensor_list", "[repeat] Appends to a list already saved at path ('so checkpoints accumulate'): the first save round-trips, but after a second save to the same path load_tensors returns the old tensors followed by the new ones.", """
        import os
        import torch

        def save_tensors(xs, path):
            old = []
            if os.path.exists(path):
                try:
                    old = list(torch.load(path, weights_only=True))
                except Exception:
                    old = []
            torch.save(old + list(xs), path)
    """),
    Mutant("tensor_dict", "[boundary] Registers every entry as a buffer of a throwaway nn.Module and saves its state_dict ('let torch handle the dict'): ordinary keys round-trip, but a legal key holding '.' (e.g. 'layer.0') or one that clashes with a Module attribute ('training', 'forward') raises on save.", """
        import torch
        from torch import nn

        def save_tensor_dict(d, path):
            holder = nn.Module()
            for key, value in d.items():
                holder.register_buffer(key, value)
            torch.save(holder.state_dict(), path)
    """),
    Mutant("params", "[netkind] Saves named_parameters() plus named_buffers() instead of state_dict(): the same for most nets, but both are deduplicated, so a net with a shared layer (tied_net) loses the second copy's keys ('4.weight', '4.bias') and the strict load_state_dict raises.", """
        import torch

        def save_params(net, path):
            state = {name: p.detach() for name, p in net.named_parameters()}
            state.update(dict(net.named_buffers()))
            torch.save(state, path)
    """),
]

VARIANTS = []
