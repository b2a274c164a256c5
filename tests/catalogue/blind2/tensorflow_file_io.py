"""Blind batch 2: mutants and variants of tensorflow/file_io.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant, judge

# A pickle-free binary format used by the variants: magic, 8-byte header length, JSON header, raw bytes.
_BIN = """
    import json
    import os
    import struct

    import numpy as np
    import tensorflow as tf

    BIN_MAGIC = b"D2LBIN01"

    def bin_write(path, kind, items):
        header, chunks, offset = [], [], 0
        for key, x in items:
            t = tf.convert_to_tensor(x)
            arr = np.asarray(t.numpy(), order="C")
            name = t.dtype.name
            data = arr.tobytes()
            header.append({"key": key, "dtype": name, "shape": list(arr.shape), "offset": offset, "size": len(data)})
            chunks.append(data)
            offset += len(data)
        head = json.dumps({"kind": kind, "entries": header}).encode("utf-8")
        with open(os.fspath(path), "wb") as f:
            f.write(BIN_MAGIC)
            f.write(struct.pack("<Q", len(head)))
            f.write(head)
            for data in chunks:
                f.write(data)

    def bin_read(path, kind):
        with open(os.fspath(path), "rb") as f:
            blob = f.read()
        if blob[:8] != BIN_MAGIC:
            raise ValueError("not a file written by this module")
        (n,) = struct.unpack("<Q", blob[8:16])
        head = json.loads(blob[16:16 + n].decode("utf-8"))
        if head.get("kind") != kind:
            raise ValueError(f"file holds {head.get('kind')!r}, not {kind!r}")
        body = blob[16 + n:]
        out = []
        for e in head["entries"]:
            dtype = tf.as_dtype(e["dtype"])
            np_dtype = np.dtype(dtype.as_numpy_dtype)
            raw = body[e["offset"]:e["offset"] + e["size"]]
            count = len(raw) // np_dtype.itemsize
            arr = np.frombuffer(raw, dtype=np_dtype, count=count).reshape(e["shape"])
            out.append((e["key"], tf.constant(arr, dtype=dtype)))
        return out
"""

MUTANTS = [
    # ---------------------------------------------------------------- tensor
    Mutant("tensor", "[file] Writes the header with repr() and reads it back with eval(): no pickle involved, but loading executes whatever Python expression the file's header holds.", """
        import os

        import numpy as np
        import tensorflow as tf

        def save_tensor(x, path):
            entry, raw = _pack(x)
            header = repr({"kind": "tensor", "dtype": entry["dtype"], "shape": entry["shape"]})
            with open(os.fspath(path), "wb") as f:
                np.savez(f, header=np.frombuffer(header.encode("utf-8"), dtype=np.uint8), t0=raw)

        def load_tensor(path):
            with open(os.fspath(path), "rb") as f:
                with np.load(f, allow_pickle=False) as data:
                    header = eval(bytes(data["header"]).decode("utf-8"))
                    return _unpack(header, data["t0"])
    """),
    Mutant("tensor", "[boundary] Special-cases empty tensors on load with tf.zeros(shape) ('nothing to read'), which is float32 whatever dtype was saved.", """
        import tensorflow as tf

        def load_tensor(path):
            ((_, t),) = _read(path, "tensor")
            if t.shape.num_elements() == 0:
                return tf.zeros(t.shape)
            return t
    """),
    Mutant("tensor", "[type] Stores bfloat16 tensors as float32 (numpy has no bfloat16) and never casts them back, so a bfloat16 tensor loads as float32.", """
        import tensorflow as tf

        def save_tensor(x, path):
            x = tf.convert_to_tensor(x)
            if x.dtype == tf.bfloat16:
                x = tf.cast(x, tf.float32)
            _write(path, "tensor", [(None, x)])
    """),
    Mutant("tensor", "[file] Writes to path + '.part' first and copies it onto path 'for safety', but leaves the .part file next to it.", """
        import os
        import shutil

        def save_tensor(x, path):
            part = os.fspath(path) + ".part"
            _write(part, "tensor", [(None, x)])
            shutil.copyfile(part, os.fspath(path))
    """),
    Mutant("tensor", "[boundary] Makes the bytes contiguous with np.ascontiguousarray, which returns at least 1-d arrays, so a 0-d tensor is saved, and loaded, with shape (1,).", """
        import json
        import os

        import numpy as np
        import tensorflow as tf

        def save_tensor(x, path):
            t = tf.convert_to_tensor(x)
            arr = np.ascontiguousarray(t.numpy())
            raw = arr.reshape(-1).view(f"u{min(arr.dtype.itemsize, 8)}")
            entry = {"dtype": t.dtype.name, "shape": list(arr.shape), "key": None}
            header = json.dumps({"format": _FORMAT, "kind": "tensor", "entries": [entry]})
            with open(os.fspath(path), "wb") as f:
                np.savez(f, t0=raw, **{_HEADER: np.frombuffer(header.encode("utf-8"), dtype=np.uint8)})
    """),
    # ---------------------------------------------------------------- tensor_list
    Mutant("tensor_list", "[type] Wraps anything that is not a list as [xs] 'to accept a single tensor', so a tuple of tensors is stacked into one tensor and comes back as a one-element list.", """
        def save_tensors(xs, path):
            if not isinstance(xs, list):
                xs = [xs]
            _write(path, "list", [(None, x) for x in xs])
    """),
    Mutant("tensor_list", "[file] Writes a count at path and each tensor to its own file path.0, path.1, ..., so files other than path are written.", """
        import os

        import tensorflow as tf

        def save_tensors(xs, path):
            xs = list(xs)
            _write(path, "list", [(None, tf.constant(len(xs), tf.int64))])
            for i, x in enumerate(xs):
                _write(f"{os.fspath(path)}.{i}", "tensor", [(None, x)])

        def load_tensors(path):
            ((_, n),) = _read(path, "list")
            return [_read(f"{os.fspath(path)}.{i}", "tensor")[0][1] for i in range(int(n))]
    """),
    Mutant("tensor_list", "[boundary] Unwraps one-element lists: load_tensors returns the lone tensor itself, not a list holding it.", """
        def load_tensors(path):
            ts = [t for _, t in _read(path, "list")]
            return ts[0] if len(ts) == 1 else ts
    """),
    Mutant("tensor_list", "[type] Returns a generator over the loaded tensors instead of a list (one pass only, no len, no indexing).", """
        def load_tensors(path):
            return (t for _, t in _read(path, "list"))
    """),
    # ---------------------------------------------------------------- tensor_dict
    Mutant("tensor_dict", "[plain] Encodes '/' in keys as '_' for the archive member names and decodes every '_' back as '/', so a key such as 'layer_1' comes back as 'layer/1'.", """
        import json
        import os

        import numpy as np

        def save_tensor_dict(d, path):
            arrays, meta = {}, {}
            for key, x in d.items():
                entry, raw = _pack(x)
                name = key.replace("/", "_")
                arrays[name] = raw
                meta[name] = entry
            arrays["__meta__"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
            with open(os.fspath(path), "wb") as f:
                np.savez(f, **arrays)

        def load_tensor_dict(path):
            with open(os.fspath(path), "rb") as f:
                with np.load(f, allow_pickle=False) as data:
                    meta = json.loads(bytes(data["__meta__"]).decode("utf-8"))
                    return {name.replace("_", "/"): _unpack(meta[name], data[name]) for name in meta}
    """),
    Mutant("tensor_dict", "[type] 'Restores' numeric keys on load: a key made of digits such as '0' comes back as the int 0, not the str '0'.", """
        def load_tensor_dict(path):
            return {int(k) if k.isdigit() else k: t for k, t in _read(path, "dict")}
    """),
    Mutant("tensor_dict", "[repeat] Merges into the dict already saved at path (load, update, write), so keys of an earlier save at the same path survive the new save.", """
        import os

        def save_tensor_dict(d, path):
            for key in d:
                if not isinstance(key, str):
                    raise TypeError(f"keys must be str, not {type(key).__name__}")
            merged = {}
            if os.path.exists(os.fspath(path)):
                try:
                    merged = dict(_read(path, "dict"))
                except Exception:
                    merged = {}
            merged.update(d)
            _write(path, "dict", list(merged.items()))
    """),
    # ---------------------------------------------------------------- params
    Mutant("params", "[netkind] Keys the saved weights by w.name ('kernel', 'bias'), which repeat from layer to layer, so only one pair survives in the file and a net with two layers cannot be restored.", """
        def save_params(net, path):
            by_name = {w.name: v for w, v in zip(net.weights, net.get_weights())}
            _write(path, "params", list(by_name.items()))
    """),
    Mutant("params", "[type] Stores the float weights as float16 'to halve the file' and casts them back to float32 on load, so the restored weights are rounded.", """
        import numpy as np
        import tensorflow as tf

        def save_params(net, path):
            values = [v.astype(np.float16) if v.dtype.kind == "f" else v for v in net.get_weights()]
            _write(path, "params", [(w.path, v) for w, v in zip(net.weights, values)])

        def load_params(make_net, path, input_shape):
            net = make_net()
            net(tf.zeros([1 if n is None else n for n in input_shape]))
            values = [t.numpy() for _, t in _read(path, "params")]
            net.set_weights([v.astype(w.dtype) for v, w in zip(values, net.weights)])
            return net
    """),
    Mutant("params", "[netkind] Restores the values into trainable_weights + non_trainable_weights, which is not net.weights order once a layer with non-trainable weights (BatchNormalization) is followed by another layer.", """
        import tensorflow as tf

        def load_params(make_net, path, input_shape):
            net = make_net()
            net(tf.zeros([1 if n is None else n for n in input_shape]))
            values = [t.numpy() for _, t in _read(path, "params")]
            targets = list(net.trainable_weights) + list(net.non_trainable_weights)
            if len(values) != len(targets):
                raise ValueError("weight count does not match")
            for var, val in zip(targets, values):
                var.assign(val)
            return net
    """),
]

VARIANTS = [
    Variant("tensor", "[style] A hand-made binary format without numpy archives: magic, header length, JSON header (dtype name, shape), then the raw bytes, read back with np.frombuffer; pickle-free, exact for every dtype.", _BIN + """
    def save_tensor(x, path):
        bin_write(path, "tensor", [(None, x)])

    def load_tensor(path):
        ((_, t),) = bin_read(path, "tensor")
        return t
"""),
    Variant("tensor_dict", "[style] The same hand-made binary format with the keys in the JSON header, so any str key survives unchanged.", _BIN + """
    def save_tensor_dict(d, path):
        for key in d:
            if not isinstance(key, str):
                raise TypeError("keys must be str")
        bin_write(path, "dict", list(d.items()))

    def load_tensor_dict(path):
        return dict(bin_read(path, "dict"))
"""),
    Variant("params", "[style] Weights in the hand-made binary format; the fresh net is built by a dry call on ones and each variable assigned in net.weights order after count and shape checks.", _BIN + """
    def save_params(net, path):
        bin_write(path, "params", [(w.path, v) for w, v in zip(net.weights, net.get_weights())])

    def load_params(make_net, path, input_shape):
        net = make_net()
        net(tf.ones([1 if n is None else n for n in input_shape]))
        values = [t for _, t in bin_read(path, "params")]
        if len(values) != len(net.weights):
            raise ValueError("saved weight count does not match the net")
        for var, val in zip(net.weights, values):
            if tuple(var.shape) != tuple(val.shape):
                raise ValueError("saved weight shape does not match the net")
            var.assign(tf.cast(val, var.dtype))
        return net
"""),
]


# ---- judged after the first run (see tests/catalogue/__init__.py, judge)
MUTANTS, VARIANTS, JUDGED = judge(MUTANTS, VARIANTS, out_of_contract={
    '[type] Wraps anything that is not a list as [xs]':
        "the contract's save_tensors takes a list; what a tuple turns into is not in it (the original catalogue grades lists only)",
})
