"""Blind mutants and variants of pytorch/file_io.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant, judge

MUTANTS = [
    # ------------------------------------------------------------------ tensor
    Mutant("tensor", "[file] Loads with weights_only=True but, when the safe unpickler refuses the file, retries "
           "with weights_only=False, so a file carrying a code-running pickle is executed instead of refused.", r"""
        import torch

        def save_tensor(x, path):
            torch.save(x, path)

        def load_tensor(path):
            try:
                x = torch.load(path, weights_only=True)
            except Exception:
                # older checkpoints sometimes need the full unpickler
                x = torch.load(path, weights_only=False)
            return x
    """),
    Mutant("tensor", "[file] Writes and reads the tensor with the pickle module, so loading runs any code a pickle "
           "in the file carries.", r"""
        import pickle

        import torch

        def save_tensor(x, path):
            with open(path, "wb") as f:
                pickle.dump(x, f)

        def load_tensor(path):
            with open(path, "rb") as f:
                return pickle.load(f)
    """),
    Mutant("tensor", "[file] Appends a .pt suffix to the path on save and on load, so the file is not written "
           "exactly at the path given (and nothing is at that path).", r"""
        import torch

        def save_tensor(x, path):
            torch.save(x, f"{path}.pt")

        def load_tensor(path):
            return torch.load(f"{path}.pt", weights_only=True)
    """),
    Mutant("tensor", "[file] Saves 'atomically' through a NamedTemporaryFile(delete=False) in the system temp dir "
           "and copies it to path, leaving the temporary file behind on every save.", r"""
        import shutil
        import tempfile

        import torch

        def save_tensor(x, path):
            tmp = tempfile.NamedTemporaryFile(suffix=".pt", delete=False)
            tmp.close()
            torch.save(x, tmp.name)
            shutil.copyfile(tmp.name, path)

        def load_tensor(path):
            return torch.load(path, weights_only=True)
    """),
    Mutant("tensor", "[boundary] Stores the flattened data plus the shape and reshapes only 'if shape', so a 0-d "
           "tensor comes back with shape (1,).", r"""
        import torch

        def save_tensor(x, path):
            torch.save({"data": x.reshape(-1), "shape": list(x.shape)}, path)

        def load_tensor(path):
            d = torch.load(path, weights_only=True)
            if d["shape"]:
                return d["data"].reshape(d["shape"])
            return d["data"]
    """),
    Mutant("tensor", "[type] Unwraps 0-d tensors to a Python number with .item() on load, so a scalar tensor "
           "comes back as an int/float/bool, not a torch.Tensor.", r"""
        import torch

        def save_tensor(x, path):
            torch.save(x, path)

        def load_tensor(path):
            x = torch.load(path, weights_only=True)
            return x.item() if x.dim() == 0 else x
    """),
    Mutant("tensor", "[netkind] Own pickle-free format that dumps bytes(x.untyped_storage()) and reshapes, which "
           "is only right for contiguous tensors at storage offset 0: a transposed or sliced view comes back "
           "with wrong values or fails.", r"""
        import json

        import torch

        def save_tensor(x, path):
            header = json.dumps({"dtype": str(x.dtype).replace("torch.", ""),
                                 "shape": list(x.shape)}).encode("utf-8")
            with open(path, "wb") as f:
                f.write(len(header).to_bytes(8, "little"))
                f.write(header)
                f.write(bytes(x.detach().untyped_storage()))

        def load_tensor(path):
            with open(path, "rb") as f:
                n = int.from_bytes(f.read(8), "little")
                header = json.loads(f.read(n).decode("utf-8"))
                data = f.read()
            dtype = getattr(torch, header["dtype"])
            if not data:
                return torch.empty(header["shape"], dtype=dtype)
            return torch.frombuffer(bytearray(data), dtype=dtype).reshape(header["shape"])
    """),
    Mutant("tensor", "[game] Stores floating tensors of more than 4096 elements as float16 to save space (casting "
           "back on load), so only small tensors round-trip exactly.", r"""
        import torch

        def save_tensor(x, path):
            if x.is_floating_point() and x.numel() > 4096 and x.dtype != torch.float16:
                torch.save({"data": x.to(torch.float16), "dtype": str(x.dtype)}, path)
            else:
                torch.save({"data": x, "dtype": None}, path)

        def load_tensor(path):
            d = torch.load(path, weights_only=True)
            if d["dtype"] is None:
                return d["data"]
            return d["data"].to(getattr(torch, d["dtype"].replace("torch.", "")))
    """),
    Mutant("tensor", "[repeat] Memoises load_tensor with functools.lru_cache on the path, so after the file at "
           "the same path is saved again the old tensor is returned.", r"""
        import functools

        import torch

        def save_tensor(x, path):
            torch.save(x, path)

        @functools.lru_cache(maxsize=None)
        def load_tensor(path):
            return torch.load(path, weights_only=True)
    """),

    # ------------------------------------------------------------- tensor_list
    Mutant("tensor_list", "[boundary] Saves a dict keyed 't0', 't1', ... and loads the values in sorted(key) "
           "order, which is string order: from 11 tensors on 't10' comes before 't2'.", r"""
        import torch

        def save_tensors(xs, path):
            torch.save({f"t{i}": x for i, x in enumerate(xs)}, path)

        def load_tensors(path):
            d = torch.load(path, weights_only=True)
            return [d[k] for k in sorted(d)]
    """),
    Mutant("tensor_list", "[file] Packs the list into one flat torch.cat buffer plus shapes, so every tensor "
           "comes back in the promoted common dtype (an int8 next to a float32 returns float32), and an empty "
           "list cannot be saved.", r"""
        import math

        import torch

        def save_tensors(xs, path):
            xs = list(xs)
            torch.save({"flat": torch.cat([x.reshape(-1) for x in xs]),
                        "shapes": [list(x.shape) for x in xs]}, path)

        def load_tensors(path):
            d = torch.load(path, weights_only=True)
            sizes = [math.prod(s) for s in d["shapes"]]
            parts = torch.split(d["flat"], sizes)
            return [p.reshape(s) for p, s in zip(parts, d["shapes"])]
    """),
    Mutant("tensor_list", "[netkind] Saves torch.stack(xs) and unbinds it on load, which only works for lists of "
           "tensors of one shape (and promotes mixed dtypes); an empty list or tensors of different shapes fail.",
           r"""
        import torch

        def save_tensors(xs, path):
            torch.save(torch.stack(list(xs)), path)

        def load_tensors(path):
            return list(torch.unbind(torch.load(path, weights_only=True)))
    """),
    Mutant("tensor_list", "[type] Saves tuple(xs) and returns what torch.load gives back, a tuple, where the "
           "contract asks for a list.", r"""
        import torch

        def save_tensors(xs, path):
            torch.save(tuple(xs), path)

        def load_tensors(path):
            return torch.load(path, weights_only=True)
    """),
    Mutant("tensor_list", "[file] Loads with torch.load(weights_only=False) (the book's old behaviour), so a file "
           "holding a code-running pickle is executed.", r"""
        import torch

        def save_tensors(xs, path):
            torch.save(list(xs), path)

        def load_tensors(path):
            return list(torch.load(path, weights_only=False))
    """),
    Mutant("tensor_list", "[repeat] load_tensors collects into a mutable default list argument, so every later "
           "call returns the tensors of all earlier loads followed by the new ones.", r"""
        import torch

        def save_tensors(xs, path):
            torch.save(list(xs), path)

        def load_tensors(path, out=[]):
            out.extend(torch.load(path, weights_only=True))
            return out
    """),
    Mutant("tensor_list", "[file] Writes each tensor to its own file f'{path}.{i}' and only the count at path, "
           "so files other than path are written.", r"""
        import torch

        def save_tensors(xs, path):
            xs = list(xs)
            for i, x in enumerate(xs):
                torch.save(x, f"{path}.{i}")
            torch.save(len(xs), path)

        def load_tensors(path):
            n = torch.load(path, weights_only=True)
            return [torch.load(f"{path}.{i}", weights_only=True) for i in range(n)]
    """),

    # ------------------------------------------------------------- tensor_dict
    Mutant("tensor_dict", "[file] Adds a '__version__' entry to the saved dict and pops it on load, so a user key "
           "'__version__' (a legal key) is overwritten and lost.", r"""
        import torch

        def save_tensor_dict(d, path):
            torch.save({**dict(d), "__version__": torch.tensor(1)}, path)

        def load_tensor_dict(path):
            d = dict(torch.load(path, weights_only=True))
            d.pop("__version__", None)
            return d
    """),
    Mutant("tensor_dict", "[file] Writes a pickle-free JSON file of x.tolist() and rebuilds with torch.tensor, so "
           "dtypes are lost (int8 -> int64, float64/float16/bfloat16 -> float32) and an empty (0, 3) tensor "
           "becomes shape (0,).", r"""
        import json

        import torch

        def save_tensor_dict(d, path):
            with open(path, "w") as f:
                json.dump({k: v.tolist() for k, v in d.items()}, f)

        def load_tensor_dict(path):
            with open(path) as f:
                raw = json.load(f)
            return {k: torch.tensor(v) for k, v in raw.items()}
    """),
    Mutant("tensor_dict", "[boundary] Splits the dict with keys, values = zip(*d.items()), which raises "
           "ValueError for an empty dict.", r"""
        import torch

        def save_tensor_dict(d, path):
            keys, values = zip(*d.items())
            torch.save({"keys": list(keys), "values": list(values)}, path)

        def load_tensor_dict(path):
            saved = torch.load(path, weights_only=True)
            return dict(zip(saved["keys"], saved["values"]))
    """),
    Mutant("tensor_dict", "[file] Accepts any zip archive (the torch.save container) and then loads it with "
           "weights_only=False, so a torch.save zip holding a code-running pickle is executed.", r"""
        import zipfile

        import torch

        def save_tensor_dict(d, path):
            torch.save(dict(d), path)

        def load_tensor_dict(path):
            if not zipfile.is_zipfile(path):
                raise ValueError(f"{path!r} is not a torch.save archive")
            return dict(torch.load(path, weights_only=False))
    """),
    Mutant("tensor_dict", "[file] Writes a directory at path with one torch.save file per key, so path is not a "
           "single file and a key holding '/' fails.", r"""
        import os

        import torch

        def save_tensor_dict(d, path):
            os.makedirs(path, exist_ok=True)
            for k, v in d.items():
                torch.save(v, os.path.join(path, k))

        def load_tensor_dict(path):
            out = {}
            for root, _, files in os.walk(path):
                for name in files:
                    full = os.path.join(root, name)
                    out[os.path.relpath(full, path)] = torch.load(full, weights_only=True)
            return out
    """),
    Mutant("tensor_dict", "[repeat] Caches the loaded dict by path in a module-level dict, so a second load of "
           "the same path (after saving new data there) returns the first dict object.", r"""
        import os

        import torch

        _LOADED = {}

        def save_tensor_dict(d, path):
            torch.save(dict(d), path)

        def load_tensor_dict(path):
            key = os.path.abspath(os.fspath(path))
            if key not in _LOADED:
                _LOADED[key] = dict(torch.load(path, weights_only=True))
            return _LOADED[key]
    """),

    # ------------------------------------------------------------------ params
    Mutant("params", "[mode] Loads the state_dict into the fresh net but never calls eval(), so the returned net "
           "is left in training mode (Dropout active, BatchNorm on batch statistics).", r"""
        import torch

        def save_params(net, path):
            torch.save(net.state_dict(), path)

        def load_params(make_net, path):
            net = make_net()
            net.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
            return net
    """),
    Mutant("params", "[mode] Sets net.training = False on the top module only instead of net.eval(), so its "
           "Dropout and BatchNorm children stay in training mode.", r"""
        import torch

        def save_params(net, path):
            torch.save(net.state_dict(), path)

        def load_params(make_net, path):
            net = make_net()
            net.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
            net.training = False
            return net
    """),
    Mutant("params", "[file] Saves the whole module with torch.save(net) and reads it back with "
           "weights_only=False to copy its state_dict, so loading unpickles (and runs) arbitrary code.", r"""
        import torch

        def save_params(net, path):
            torch.save(net, path)

        def load_params(make_net, path):
            net = make_net()
            saved = torch.load(path, map_location="cpu", weights_only=False)
            net.load_state_dict(saved.state_dict())
            return net.eval()
    """),
    Mutant("params", "[netkind] Saves only named_parameters() and loads with strict=False, so buffers "
           "(BatchNorm running_mean/var, a registered constant) keep the fresh net's values.", r"""
        import torch

        def save_params(net, path):
            torch.save({k: p.detach() for k, p in net.named_parameters()}, path)

        def load_params(make_net, path):
            net = make_net()
            net.load_state_dict(torch.load(path, map_location="cpu", weights_only=True), strict=False)
            return net.eval()
    """),
    Mutant("params", "[netkind] Copies the saved state_dict values into net.parameters() by zip order, which "
           "lines up only when the net has no buffers: with a BatchNorm the running stats are broadcast into "
           "the next layer's weight and no buffer is restored.", r"""
        import torch

        def save_params(net, path):
            torch.save(net.state_dict(), path)

        def load_params(make_net, path):
            net = make_net()
            state = torch.load(path, map_location="cpu", weights_only=True)
            with torch.no_grad():
                for p, v in zip(net.parameters(), state.values()):
                    p.copy_(v)
            return net.eval()
    """),
    Mutant("params", "[type] Returns the value of load_state_dict (an _IncompatibleKeys named tuple), not the "
           "net.", r"""
        import torch

        def save_params(net, path):
            torch.save(net.state_dict(), path)

        def load_params(make_net, path):
            net = make_net().eval()
            return net.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
    """),
    Mutant("params", "[repeat] Caches the loaded net per path, so a second load_params of the same path returns "
           "the same (possibly since modified) object with the first file's weights, not a fresh make_net().",
           r"""
        import os

        import torch

        _NETS = {}

        def save_params(net, path):
            torch.save(net.state_dict(), path)

        def load_params(make_net, path):
            key = os.path.abspath(os.fspath(path))
            if key not in _NETS:
                net = make_net()
                net.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
                _NETS[key] = net.eval()
            return _NETS[key]
    """),
    Mutant("params", "[file] Saves every state entry as .float() ('portable' float32), so a float64 net's "
           "parameters come back rounded to float32 values.", r"""
        import torch

        def save_params(net, path):
            torch.save({k: v.detach().cpu().float() for k, v in net.state_dict().items()}, path)

        def load_params(make_net, path):
            net = make_net()
            net.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
            return net.eval()
    """),
    Mutant("params", "[gradient] Freezes the loaded net with requires_grad_(False) ('it is for inference'), so "
           "unlike a fresh make_net() no gradient reaches its parameters.", r"""
        import torch

        def save_params(net, path):
            torch.save(net.state_dict(), path)

        def load_params(make_net, path):
            net = make_net()
            net.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
            net.requires_grad_(False)
            return net.eval()
    """),
]

VARIANTS = [
    # ------------------------------------------------------------------ tensor
    Variant("tensor", "[style] Writes through an open file object and loads from an in-memory BytesIO of the "
            "file's bytes; torch.save/torch.load(weights_only=True) accept file-like objects, same result.", r"""
        import io

        import torch

        def save_tensor(x, path):
            with open(path, "wb") as f:
                torch.save(x, f)

        def load_tensor(path):
            with open(path, "rb") as f:
                buf = io.BytesIO(f.read())
            x = torch.load(buf, weights_only=True)
            if not isinstance(x, torch.Tensor):
                raise TypeError("not a tensor file")
            return x
    """),
    Variant("tensor", "[style] Wraps the tensor in a small dict with a format tag and unwraps it on load; the "
            "safe unpickler accepts dicts of str/int/tensors, so values, dtype and shape survive.", r"""
        import torch

        def save_tensor(x, path):
            torch.save({"format": 1, "tensor": x}, path)

        def load_tensor(path):
            d = torch.load(path, weights_only=True)
            if not isinstance(d, dict) or d.get("format") != 1:
                raise ValueError("not a file written by save_tensor")
            return d["tensor"]
    """),
    Variant("tensor", "[style] Pickle-free raw format: a JSON header (dtype, shape) and the contiguous bytes "
            "viewed as uint8; empty tensors are rebuilt with torch.empty, so every dtype, 0-d and empty tensors "
            "and views round-trip exactly.", r"""
        import json

        import torch

        def save_tensor(x, path):
            flat = x.detach().cpu().contiguous().reshape(-1)
            header = json.dumps({"dtype": str(flat.dtype).split(".")[-1],
                                 "shape": list(x.shape)}).encode("utf-8")
            with open(path, "wb") as f:
                f.write(len(header).to_bytes(8, "little"))
                f.write(header)
                f.write(flat.view(torch.uint8).numpy().tobytes())

        def load_tensor(path):
            with open(path, "rb") as f:
                n = int.from_bytes(f.read(8), "little")
                header = json.loads(f.read(n).decode("utf-8"))
                data = f.read()
            dtype = getattr(torch, header["dtype"])
            shape = header["shape"]
            if len(data) == 0:
                return torch.empty(shape, dtype=dtype)
            return torch.frombuffer(bytearray(data), dtype=torch.uint8).view(dtype).reshape(shape).clone()
    """),

    # ------------------------------------------------------------- tensor_list
    Variant("tensor_list", "[style] Saves a dict keyed by int position and reads it back with range(len(d)), so "
            "order is numeric, not string order; int keys are allowed by weights_only.", r"""
        import torch

        def save_tensors(xs, path):
            torch.save({i: x for i, x in enumerate(xs)}, path)

        def load_tensors(path):
            d = torch.load(path, weights_only=True)
            return [d[i] for i in range(len(d))]
    """),
    Variant("tensor_list", "[style] Saves a tuple through an open file and unpacks it with [*obj] on load; the "
            "result is still a list in the saved order.", r"""
        import torch

        def save_tensors(xs, path):
            with open(path, "wb") as f:
                torch.save(tuple(x for x in xs), f)

        def load_tensors(path):
            with open(path, "rb") as f:
                obj = torch.load(f, weights_only=True, map_location="cpu")
            return [*obj]
    """),
    Variant("tensor_list", "[style] Zero-padded string keys 'x00000000', ... sorted on load: string order equals "
            "numeric order for any realistic list length.", r"""
        import torch

        def save_tensors(xs, path):
            torch.save({f"x{i:08d}": x for i, x in enumerate(xs)}, path)

        def load_tensors(path):
            d = torch.load(path, weights_only=True)
            return [d[k] for k in sorted(d)]
    """),

    # ------------------------------------------------------------- tensor_dict
    Variant("tensor_dict", "[style] Saves the dict as a list of (key, tensor) pairs and rebuilds it with dict(); "
            "lists of tuples of str and tensors pass the safe unpickler, empty dicts included.", r"""
        import torch

        def save_tensor_dict(d, path):
            torch.save([(str(k), v) for k, v in d.items()], path)

        def load_tensor_dict(path):
            return dict(torch.load(path, weights_only=True))
    """),
    Variant("tensor_dict", "[style] Saves parallel 'keys' and 'values' lists (built with list(), so an empty dict "
            "works) and zips them back, checking the lengths.", r"""
        import torch

        def save_tensor_dict(d, path):
            torch.save({"keys": list(d.keys()), "values": list(d.values())}, path)

        def load_tensor_dict(path):
            saved = torch.load(path, weights_only=True)
            keys, values = saved["keys"], saved["values"]
            if len(keys) != len(values):
                raise ValueError("corrupt tensor dict file")
            return {k: v for k, v in zip(keys, values)}
    """),
    Variant("tensor_dict", "[style] Saves a collections.OrderedDict and converts it back to a plain dict; "
            "OrderedDict is on the weights_only allow-list.", r"""
        from collections import OrderedDict

        import torch

        def save_tensor_dict(d, path):
            torch.save(OrderedDict(d.items()), path)

        def load_tensor_dict(path):
            return dict(torch.load(path, map_location="cpu", weights_only=True).items())
    """),

    # ------------------------------------------------------------------ params
    Variant("params", "[style] Copies every saved entry into the fresh net's state_dict tensors by key under "
            "torch.no_grad(), checking that the key sets match, then net.train(False); same as load_state_dict "
            "plus eval().", r"""
        import torch

        def save_params(net, path):
            torch.save({k: v.detach().clone() for k, v in net.state_dict().items()}, path)

        def load_params(make_net, path):
            net = make_net()
            saved = torch.load(path, map_location="cpu", weights_only=True)
            target = net.state_dict()
            if set(saved) != set(target):
                raise KeyError(f"keys differ: {sorted(set(saved) ^ set(target))}")
            with torch.no_grad():
                for k, t in target.items():
                    t.copy_(saved[k])
            net.train(False)
            return net
    """),
    Variant("params", "[style] Switches to eval before loading and loads with assign=True through an open file; "
            "assign keeps Parameters (and their requires_grad) and the result is the same net in eval mode.", r"""
        import torch

        def save_params(net, path):
            with open(path, "wb") as f:
                torch.save(net.state_dict(), f)

        def load_params(make_net, path):
            net = make_net().eval()
            own = list(net.state_dict().values())
            device = own[0].device if own else torch.device("cpu")
            with open(path, "rb") as f:
                state = torch.load(f, map_location=device, weights_only=True)
            net.load_state_dict(state, assign=True)
            return net
    """),
    Variant("params", "[style] Saves only the state_dict values in their order and rebuilds the mapping from "
            "the fresh net's own state_dict keys (same architecture, same order), with a count check.", r"""
        import torch

        def save_params(net, path):
            torch.save(list(net.state_dict().values()), path)

        def load_params(make_net, path):
            net = make_net()
            values = torch.load(path, map_location="cpu", weights_only=True)
            keys = list(net.state_dict().keys())
            if len(keys) != len(values):
                raise ValueError("saved state does not match make_net()")
            net.load_state_dict(dict(zip(keys, values)))
            return net.eval()
    """),
]

# ---- judged by the lead after the first run (see tests/catalogue/__init__.py, judge)
MUTANTS, VARIANTS, JUDGED = judge(MUTANTS, VARIANTS, out_of_contract={}, wrong_variants={'[style] Pickle-free raw format': 'its save raises on empty int16 tensors (view as bytes needs stride 1)'})
