"""Blind batch 2: mutants and variants of pytorch/file_io.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ---------------------------------------------------------------- tensor
    Mutant("tensor", "[netkind] An own pickle-free format through numpy (dtype name, shape, x.numpy().tobytes()): exact for every dtype numpy has, but bfloat16 cannot be converted, so saving a bfloat16 tensor raises.", """
        import json
        import numpy as np
        import torch

        def save_tensor(x, path):
            arr = x.detach().cpu().contiguous().numpy()
            header = json.dumps({"dtype": str(arr.dtype), "shape": list(arr.shape)}).encode()
            with open(path, "wb") as f:
                f.write(len(header).to_bytes(8, "little"))
                f.write(header)
                f.write(arr.tobytes())

        def load_tensor(path):
            with open(path, "rb") as f:
                n = int.from_bytes(f.read(8), "little")
                header = json.loads(f.read(n))
                data = f.read()
            arr = np.frombuffer(data, dtype=header["dtype"]).reshape(header["shape"]).copy()
            return torch.from_numpy(arr)
    """),
    Mutant("tensor", "[file] Keeps a backup of an existing file at path + '.bak' before overwriting it ('safe saving'), so saving twice to one path writes a second file.", """
        import os
        import shutil
        import torch

        def save_tensor(x, path):
            if os.path.exists(path):
                shutil.copyfile(path, str(path) + ".bak")
            torch.save(x, path)

        def load_tensor(path):
            x = torch.load(path, weights_only=True)
            if not isinstance(x, torch.Tensor):
                raise TypeError("not a tensor")
            return x
    """),
    Mutant("tensor", "[repeat] Opens the file in append mode ('ab'), so a second save to the same path adds a second archive after the first and load_tensor still returns the first tensor.", """
        import torch

        def save_tensor(x, path):
            with open(path, "ab") as f:
                torch.save(x, f)

        def load_tensor(path):
            x = torch.load(path, weights_only=True)
            if not isinstance(x, torch.Tensor):
                raise TypeError("not a tensor")
            return x
    """),
    Mutant("tensor", "[boundary] Saves x.squeeze() ('drop useless axes'), so shapes with size-1 axes such as (1, 3) or (2, 1) come back as (3,) and (2,).", """
        import torch

        def save_tensor(x, path):
            torch.save(x.squeeze(), path)

        def load_tensor(path):
            x = torch.load(path, weights_only=True)
            if not isinstance(x, torch.Tensor):
                raise TypeError("not a tensor")
            return x
    """),

    # ------------------------------------------------------------ tensor_list
    Mutant("tensor_list", "[boundary] save_tensors([]) writes nothing ('nothing to save') and load_tensors returns [] for a missing file, so an older file at path is loaded back instead of the empty list.", """
        import os
        import torch

        def save_tensors(xs, path):
            xs = list(xs)
            if not xs:
                return
            torch.save(xs, path)

        def load_tensors(path):
            if not os.path.exists(path):
                return []
            return list(torch.load(path, weights_only=True))
    """),
    Mutant("tensor_list", "[netkind] Drops repeated tensor objects with dict.fromkeys ('do not store shared tensors twice'), so [x, x] comes back as [x].", """
        import torch

        def save_tensors(xs, path):
            torch.save(list(dict.fromkeys(xs)), path)

        def load_tensors(path):
            xs = torch.load(path, weights_only=True)
            if not isinstance(xs, (list, tuple)):
                raise TypeError("not a list of tensors")
            return list(xs)
    """),

    # ------------------------------------------------------------ tensor_dict
    Mutant("tensor_dict", "[type] Turns digit-only keys back into ints on load ('restore numeric keys'), so the str key '0' comes back as the int 0.", """
        import torch

        def save_tensor_dict(d, path):
            torch.save(dict(d), path)

        def load_tensor_dict(path):
            d = torch.load(path, weights_only=True)
            if not isinstance(d, dict):
                raise TypeError("not a dict of tensors")
            return {(int(k) if k.isdigit() else k): v for k, v in d.items()}
    """),
    Mutant("tensor_dict", "[plain] Replaces '/' in keys with '_' on save ('file-system safe names'), so a key like 'enc/w' comes back as 'enc_w'.", """
        import torch

        def save_tensor_dict(d, path):
            torch.save({k.replace("/", "_"): v for k, v in d.items()}, path)

        def load_tensor_dict(path):
            d = torch.load(path, weights_only=True)
            if not isinstance(d, dict):
                raise TypeError("not a dict of tensors")
            return dict(d)
    """),

    # ---------------------------------------------------------------- params
    Mutant("params", "[mode] Calls eval() on each direct child instead of on the net, so the children are in eval mode but the returned net itself still reports training=True.", """
        import torch

        def save_params(net, path):
            torch.save(net.state_dict(), path)

        def load_params(make_net, path):
            net = make_net()
            net.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
            for child in net.children():
                child.eval()
            return net
    """),
    Mutant("params", "[file] Also writes a JSON side file path + '.json' listing the keys and shapes ('for inspection'), so save_params writes a second file.", """
        import json
        import torch

        def save_params(net, path):
            state = net.state_dict()
            torch.save(state, path)
            with open(str(path) + ".json", "w") as f:
                json.dump({k: list(v.shape) for k, v in state.items()}, f)

        def load_params(make_net, path):
            net = make_net()
            net.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
            net.eval()
            return net
    """),
    Mutant("params", "[netkind] Saves only floating-point entries ('the weights') and loads with strict=False, so integer buffers such as BatchNorm's num_batches_tracked stay at the fresh net's value.", """
        import torch

        def save_params(net, path):
            torch.save({k: v for k, v in net.state_dict().items() if v.is_floating_point()}, path)

        def load_params(make_net, path):
            net = make_net()
            net.load_state_dict(torch.load(path, map_location="cpu", weights_only=True), strict=False)
            net.eval()
            return net
    """),
]

VARIANTS = [
    Variant("tensor", "[style] Writes to a sibling temp file and os.replace()s it onto path (an atomic save): at the end only path exists, and loading is the safe torch.load.", """
        import os
        import torch

        def save_tensor(x, path):
            tmp = str(path) + ".partial"
            try:
                torch.save(x, tmp)
                os.replace(tmp, path)
            finally:
                if os.path.exists(tmp):
                    os.remove(tmp)

        def load_tensor(path):
            with open(path, "rb") as f:
                x = torch.load(f, weights_only=True)
            if not isinstance(x, torch.Tensor):
                raise TypeError("not a tensor")
            return x
    """),
    Variant("tensor_dict", "[style] Saves {'names': [keys], 'values': {'0': v0, ...}} and rebuilds the dict by position on load; the user's keys never become container keys.", """
        import torch

        def save_tensor_dict(d, path):
            names = list(d.keys())
            torch.save({"names": names, "values": {str(i): d[k] for i, k in enumerate(names)}}, path)

        def load_tensor_dict(path):
            obj = torch.load(path, weights_only=True)
            if not isinstance(obj, dict) or "names" not in obj:
                raise TypeError("not a saved dict of tensors")
            return {k: obj["values"][str(i)] for i, k in enumerate(obj["names"])}
    """),
    Variant("params", "[style] Loads the state with torch.load(..., mmap=True, weights_only=True): load_state_dict copies the values into the fresh net's own tensors, then train(False).", """
        import torch

        def save_params(net, path):
            torch.save(net.state_dict(), path)

        def load_params(make_net, path):
            state = torch.load(path, map_location="cpu", weights_only=True, mmap=True)
            net = make_net()
            net.load_state_dict(state)
            return net.train(False)
    """),
]
