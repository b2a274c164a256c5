"""Blind batch 3: mutants and variants of pytorch/file_io.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("tensor", "[type] Converts bfloat16 tensors to float32 before saving ('bfloat16 is not portable') and never converts back, so a bfloat16 tensor loads as float32.", """
        import torch

        def save_tensor(x, path):
            if x.dtype == torch.bfloat16:
                x = x.float()
            torch.save(x, path)

        def load_tensor(path):
            x = torch.load(path, weights_only=True)
            if not isinstance(x, torch.Tensor):
                raise TypeError("not a tensor")
            return x
    """),
    Mutant("tensor_list", "[boundary] Refuses to save an empty list (raise ValueError('nothing to save')), so save_tensors([]) fails instead of round-tripping to [].", """
        import torch

        def save_tensors(xs, path):
            xs = list(xs)
            if not xs:
                raise ValueError("save_tensors: nothing to save")
            torch.save(xs, path)

        def load_tensors(path):
            return list(torch.load(path, weights_only=True))
    """),
    Mutant("tensor_dict", "[plain] Saves the keys as sorted(d) next to list(d.values()) in insertion order, so for a dict whose keys are not already sorted the values come back under the wrong keys.", """
        import torch

        def save_tensor_dict(d, path):
            torch.save({"keys": sorted(d), "values": list(d.values())}, path)

        def load_tensor_dict(path):
            obj = torch.load(path, weights_only=True)
            return dict(zip(obj["keys"], obj["values"]))
    """),
    Mutant("params", "[plain] Calls make_net() twice: loads the state into the first net but returns a second, fresh one (in eval mode), so the returned net has new random parameters.", """
        import torch

        def load_params(make_net, path):
            state = torch.load(path, map_location="cpu", weights_only=True)
            make_net().load_state_dict(state)
            return make_net().eval()
    """),
    Mutant("tensor_dict", "[boundary] Skips entries whose tensor is empty ('nothing to store'), so a key holding an empty tensor is missing after loading.", """
        import torch

        def save_tensor_dict(d, path):
            torch.save({k: v for k, v in d.items() if v.numel() > 0}, path)

        def load_tensor_dict(path):
            d = torch.load(path, weights_only=True)
            if not isinstance(d, dict):
                raise TypeError("not a dict")
            return dict(d)
    """),
]

VARIANTS = [
    Variant("tensor", "[style] Saves with torch.save(..., _use_new_zipfile_serialization=False), the legacy (pre-1.6) container; torch.load(weights_only=True) still reads it exactly and still refuses code.", """
        import torch

        def save_tensor(x, path):
            torch.save(x, path, _use_new_zipfile_serialization=False)

        def load_tensor(path):
            x = torch.load(path, weights_only=True)
            if not isinstance(x, torch.Tensor):
                raise TypeError("not a tensor")
            return x
    """),
    Variant("params", "[style] Saves net.state_dict(keep_vars=True), i.e. the Parameters themselves; the weights-only unpickler accepts Parameters, and load_state_dict copies their values into the fresh net.", """
        import torch

        def save_params(net, path):
            torch.save(net.state_dict(keep_vars=True), path)

        def load_params(make_net, path):
            state = torch.load(path, map_location="cpu", weights_only=True)
            net = make_net()
            net.load_state_dict(state)
            return net.eval()
    """),
]
