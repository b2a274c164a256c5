"""Catalogue for pytorch/file_io.py: tensor, tensor_list, tensor_dict, params."""

from tests.catalogue import Mutant, Variant

# An own, pickle-free format used by some variants: a JSON header line (dtype, shape) then the raw bytes.
_RAW_FORMAT = """
    import json

    _DTYPES = {str(t).removeprefix("torch."): t for t in (
        torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64,
        torch.float16, torch.bfloat16, torch.float32, torch.float64)}

    def _write_raw(f, x):
        x = x.detach().cpu().contiguous()
        data = x.reshape(-1).view(torch.uint8).numpy().tobytes() if x.numel() else b""
        header = {"dtype": str(x.dtype).removeprefix("torch."), "shape": list(x.shape), "nbytes": len(data)}
        f.write((json.dumps(header) + "\\n").encode())
        f.write(data)

    def _read_raw(f):
        header = json.loads(f.readline().decode())
        dtype, shape = _DTYPES[header["dtype"]], header["shape"]
        data = f.read(header["nbytes"])
        if not data:
            return torch.empty(shape, dtype=dtype)
        return torch.frombuffer(bytearray(data), dtype=torch.uint8).view(dtype).reshape(shape).clone()
"""

MUTANTS = [
    # tensor
    Mutant("tensor", "Loads with torch.load(path, weights_only=False): a malicious file runs its code.", """
        def load_tensor(path):
            return torch.load(path, weights_only=False)
    """),
    Mutant("tensor", "Uses pickle directly, which runs any code the file holds.", """
        import pickle

        def save_tensor(x, path):
            with open(path, "wb") as f:
                pickle.dump(x, f)

        def load_tensor(path):
            with open(path, "rb") as f:
                return pickle.load(f)
    """),
    Mutant("tensor", "Uses np.save on a path, which appends .npy (and cannot hold bfloat16).", """
        import numpy as np

        def save_tensor(x, path):
            np.save(path, x.numpy())

        def load_tensor(path):
            return torch.from_numpy(np.load(path + ".npy"))
    """),
    Mutant("tensor", "Casts to float32 before saving, so the dtype does not survive.", """
        def save_tensor(x, path):
            torch.save(x.float(), path)
    """),
    Mutant("tensor", "Returns a numpy array instead of a tensor.", """
        def load_tensor(path):
            return torch.load(path, weights_only=True).float().numpy()
    """),
    Mutant("tensor", "np.save through a file object, loaded with allow_pickle=True.", """
        import numpy as np

        def save_tensor(x, path):
            with open(path, "wb") as f:
                np.save(f, x.float().numpy() if x.dtype == torch.bfloat16 else x.numpy())

        def load_tensor(path):
            return torch.from_numpy(np.load(path, allow_pickle=True))
    """),
    Mutant("tensor", "Saves x.tolist() as JSON: dtype and empty shapes are lost.", """
        import json

        def save_tensor(x, path):
            with open(path, "w") as f:
                json.dump(x.tolist(), f)

        def load_tensor(path):
            with open(path) as f:
                return torch.tensor(json.load(f))
    """),
    # tensor_list
    Mutant("tensor_list", "Returns a tuple instead of a list.", """
        def load_tensors(path):
            return tuple(torch.load(path, weights_only=True))
    """),
    Mutant("tensor_list", "Loads with weights_only=False: a malicious file runs its code.", """
        def load_tensors(path):
            return list(torch.load(path, weights_only=False))
    """),
    Mutant("tensor_list", "Stacks the list into one tensor: fails on mixed shapes, dtypes and the empty list.", """
        def save_tensors(xs, path):
            torch.save(torch.stack(list(xs)), path)

        def load_tensors(path):
            return list(torch.load(path, weights_only=True).unbind(0))
    """),
    Mutant("tensor_list", "Casts every tensor to float32 before saving.", """
        def save_tensors(xs, path):
            torch.save([x.float() for x in xs], path)
    """),
    Mutant("tensor_list", "np.savez on a path appends .npz.", """
        import numpy as np

        def save_tensors(xs, path):
            np.savez(path, *[x.float().numpy() for x in xs])

        def load_tensors(path):
            with np.load(path + ".npz") as data:
                return [torch.from_numpy(data[f"arr_{i}"]) for i in range(len(data.files))]
    """),
    # tensor_dict
    Mutant("tensor_dict", "Saves only the values; keys come back as '0', '1', ...", """
        def save_tensor_dict(d, path):
            torch.save(list(d.values()), path)

        def load_tensor_dict(path):
            return {str(i): v for i, v in enumerate(torch.load(path, weights_only=True))}
    """),
    Mutant("tensor_dict", "Loads with weights_only=False: a malicious file runs its code.", """
        def load_tensor_dict(path):
            return torch.load(path, weights_only=False)
    """),
    Mutant("tensor_dict", "Returns the values as a list, not a dict.", """
        def load_tensor_dict(path):
            return list(torch.load(path, weights_only=True).values())
    """),
    Mutant("tensor_dict", "Casts every value to float32 before saving.", """
        def save_tensor_dict(d, path):
            torch.save({k: v.float() for k, v in d.items()}, path)
    """),
    Mutant("tensor_dict", "np.savez(path, **d) appends .npz to the path.", """
        import numpy as np

        def save_tensor_dict(d, path):
            np.savez(path, **{k: v.float().numpy() for k, v in d.items()})

        def load_tensor_dict(path):
            with np.load(path + ".npz") as data:
                return {k: torch.from_numpy(data[k]) for k in data.files}
    """),
    Mutant("tensor_dict", "Keys are lower-cased on save (e.g. to normalise names), so 'A' comes back as 'a'.", """
        def save_tensor_dict(d, path):
            torch.save({k.lower(): v for k, v in d.items()}, path)
    """),
    # params
    Mutant("params", "load_params forgets net.eval().", """
        def load_params(make_net, path):
            net = make_net()
            net.load_state_dict(torch.load(path, weights_only=True))
            return net
    """),
    Mutant("params", "load_params writes net.eval without parentheses, so the net stays in training mode.", """
        def load_params(make_net, path):
            net = make_net()
            net.load_state_dict(torch.load(path, weights_only=True))
            net.eval
            return net
    """),
    Mutant("params", "load_params returns make_net() without loading anything.", """
        def load_params(make_net, path):
            net = make_net()
            net.eval()
            return net
    """),
    Mutant("params", "Saves the whole module and loads it with weights_only=False: a malicious file runs code.", """
        def save_params(net, path):
            torch.save(net, path)

        def load_params(make_net, path):
            net = torch.load(path, weights_only=False)
            net.eval()
            return net
    """),
    Mutant("params", "Saves named_parameters() only, so BatchNorm's running statistics (buffers) are lost.", """
        def save_params(net, path):
            torch.save({k: v.detach() for k, v in net.named_parameters()}, path)

        def load_params(make_net, path):
            net = make_net()
            net.load_state_dict(torch.load(path, weights_only=True), strict=False)
            net.eval()
            return net
    """),
    Mutant("params", "Loads the state into one make_net() but returns a second, fresh one.", """
        def load_params(make_net, path):
            make_net().load_state_dict(torch.load(path, weights_only=True))
            net = make_net()
            net.eval()
            return net
    """),
    Mutant("params", "Returns the loaded state_dict instead of a net.", """
        def load_params(make_net, path):
            return torch.load(path, weights_only=True)
    """),
]

VARIANTS = [
    Variant("tensor", "The tensor is wrapped in a dict before torch.save and unwrapped after a safe load.", """
        def save_tensor(x, path):
            torch.save({"tensor": x, "format": 1}, path)

        def load_tensor(path):
            return torch.load(path, weights_only=True)["tensor"]
    """),
    Variant("tensor", "An own pickle-free format: a JSON header (dtype, shape) followed by the raw bytes.", _RAW_FORMAT + """
    def save_tensor(x, path):
        with open(path, "wb") as f:
            _write_raw(f, x)

    def load_tensor(path):
        with open(path, "rb") as f:
            return _read_raw(f)
    """),
    Variant("tensor_list", "Saved as a dict {'0': x0, '1': x1, ...} and rebuilt as a list in key order.", """
        def save_tensors(xs, path):
            torch.save({str(i): x for i, x in enumerate(xs)}, path)

        def load_tensors(path):
            d = torch.load(path, weights_only=True)
            return [d[str(i)] for i in range(len(d))]
    """),
    Variant("tensor_list", "The own raw format: a count line, then one header and byte block per tensor.", _RAW_FORMAT + """
    def save_tensors(xs, path):
        xs = list(xs)
        with open(path, "wb") as f:
            f.write(f"{len(xs)}\\n".encode())
            for x in xs:
                _write_raw(f, x)

    def load_tensors(path):
        with open(path, "rb") as f:
            n = int(f.readline())
            return [_read_raw(f) for _ in range(n)]
    """),
    Variant("tensor_dict", "Keys and values saved as two parallel lists, rebuilt with dict(zip(...)).", """
        def save_tensor_dict(d, path):
            torch.save({"keys": list(d.keys()), "values": list(d.values())}, path)

        def load_tensor_dict(path):
            saved = torch.load(path, weights_only=True)
            return dict(zip(saved["keys"], saved["values"]))
    """),
    Variant("tensor_dict", "Returns an OrderedDict (a dict subclass) from a safe torch.load.", """
        from collections import OrderedDict

        def save_tensor_dict(d, path):
            torch.save(OrderedDict(d), path)

        def load_tensor_dict(path):
            return OrderedDict(torch.load(path, weights_only=True))
    """),
    Variant("params", "State saved in a wrapper dict; loaded by copying into the fresh net's tensors, then train(False).", """
        def save_params(net, path):
            torch.save({"state": {k: v.detach().clone() for k, v in net.state_dict().items()}}, path)

        def load_params(make_net, path):
            state = torch.load(path, map_location="cpu", weights_only=True)["state"]
            net = make_net()
            own = net.state_dict()
            if set(own) != set(state):
                raise KeyError(f"saved keys {sorted(state)} differ from the net's {sorted(own)}")
            with torch.no_grad():
                for name, tensor in own.items():
                    tensor.copy_(state[name])
            net.train(False)
            return net
    """),
    Variant("params", "The state_dict values in order, in the own raw format; keys come from the fresh net.", _RAW_FORMAT + """
    def save_params(net, path):
        values = list(net.state_dict().values())
        with open(path, "wb") as f:
            f.write(f"{len(values)}\\n".encode())
            for v in values:
                _write_raw(f, v)

    def load_params(make_net, path):
        net = make_net()
        with open(path, "rb") as f:
            values = [_read_raw(f) for _ in range(int(f.readline()))]
        net.load_state_dict(dict(zip(net.state_dict().keys(), values)))
        return net.eval()
    """),
]

# ---------------------------------------------------------------- issue 11: classes that escaped a blind batch
MUTANTS += [
    Mutant("tensor", "Checks the file is a zip, then loads with weights_only=False: a torch.save zip runs code.", """
        import zipfile

        import torch

        def load_tensor(path):
            if not zipfile.is_zipfile(path):
                raise ValueError(f"{path!r} is not a tensor file")
            return torch.load(path, weights_only=False)
    """),
    Mutant("tensor_list", "Saves through a temp file in the system temp directory and never removes it.", """
        import os
        import shutil
        import tempfile

        import torch

        def save_tensors(xs, path):
            fd, tmp = tempfile.mkstemp(suffix=".pt")
            os.close(fd)
            torch.save(list(xs), tmp)
            shutil.copyfile(tmp, path)
    """),
    Mutant("tensor_dict", "Stores each value as <key>.npy in a zip: keys 'w' and 'w.npy' collide.", """
        import io
        import zipfile

        import numpy as np
        import torch

        def save_tensor_dict(d, path):
            with zipfile.ZipFile(path, "w") as z:
                for key, x in d.items():
                    name = key if key.endswith(".npy") else key + ".npy"
                    buf = io.BytesIO()
                    torch.save(x, buf)
                    z.writestr(name, buf.getvalue())

        def load_tensor_dict(path):
            out = {}
            with zipfile.ZipFile(path) as z:
                for name in z.namelist():
                    out[name.removesuffix(".npy")] = torch.load(io.BytesIO(z.read(name)), weights_only=True)
            return out
    """),
]
