"""Blind batch 4: mutants and variants of tensorflow/file_io.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("tensor", "[file] Loads the archive with np.load(allow_pickle=False) but keeps its header (dtype, shape) as a pickled dict in a uint8 member and pickle.loads it: a plain pickle file is still refused, but an .npz whose header member carries a crafted pickle runs its code on load.", """
        import os
        import pickle
        import numpy as np

        def save_tensor(x, path):
            entry, raw = _pack(x)
            header = np.frombuffer(pickle.dumps(entry), dtype=np.uint8)
            with open(os.fspath(path), "wb") as f:
                np.savez(f, header=header, t0=raw)

        def load_tensor(path):
            with open(os.fspath(path), "rb") as f:
                with np.load(f, allow_pickle=False) as data:
                    entry = pickle.loads(bytes(data["header"]))
                    return _unpack(entry, data["t0"])
    """),
    Mutant("tensor_list", "[repeat] Remembers each list it saved, by absolute path, and load_tensors returns that copy without reading the file ('it is already in memory'): a round trip looks exact, but once the file at that path changes (or held a tf.Variable that was edited since) the stale list comes back.", """
        import os

        _SAVED = {}

        def save_tensors(xs, path):
            xs = list(xs)
            _write(path, "list", [(None, x) for x in xs])
            _SAVED[os.path.abspath(os.fspath(path))] = xs

        def load_tensors(path):
            key = os.path.abspath(os.fspath(path))
            if key in _SAVED:
                return list(_SAVED[key])
            return [t for _, t in _read(path, "list")]
    """),
    Mutant("tensor_dict", "[boundary] Stores all keys as one '/'-joined string ('like a path') and splits it on load: ordinary keys round-trip, but a legal key holding '/' such as 'enc/w' is split in two and the values land under the wrong keys.", """
        import json
        import os
        import numpy as np

        def save_tensor_dict(d, path):
            arrays, entries = {}, []
            for i, x in enumerate(d.values()):
                entry, raw = _pack(x)
                entries.append(entry)
                arrays[f"t{i}"] = raw
            header = json.dumps({"format": _FORMAT, "kind": "dict", "keys": "/".join(d), "entries": entries})
            arrays[_HEADER] = np.frombuffer(header.encode("utf-8"), dtype=np.uint8)
            with open(os.fspath(path), "wb") as f:
                np.savez(f, **arrays)

        def load_tensor_dict(path):
            with open(os.fspath(path), "rb") as f:
                with np.load(f, allow_pickle=False) as data:
                    header = json.loads(bytes(data[_HEADER]).decode("utf-8"))
                    if header.get("kind") != "dict":
                        raise ValueError("not a tensor dict file")
                    keys = header["keys"].split("/") if header["keys"] else []
                    return {k: _unpack(e, data[f"t{i}"]) for i, (k, e) in enumerate(zip(keys, header["entries"]))}
    """),
    Mutant("params", "[netkind] Saves and restores layer by layer over net.layers (get_weights / set_weights per layer): fine for Sequential nets, but weights the model holds itself, such as FixedHiddenMLP's rand_weight, are never saved, so the loaded net keeps a fresh random constant.", """
        import tensorflow as tf

        def save_params(net, path):
            items = []
            for li, layer in enumerate(net.layers):
                for wi, value in enumerate(layer.get_weights()):
                    items.append((f"{li}/{wi}", value))
            _write(path, "params", items)

        def load_params(make_net, path, input_shape):
            values = [t.numpy() for _, t in _read(path, "params")]
            net = make_net()
            net(tf.zeros([1 if n is None else n for n in input_shape]))
            pos = 0
            for layer in net.layers:
                count = len(layer.get_weights())
                layer.set_weights(values[pos:pos + count])
                pos += count
            if pos != len(values):
                raise ValueError("saved weights do not match the net")
            return net
    """),
]

VARIANTS = [
    Variant("tensor", "[style] Writes the module's archive with np.savez_compressed instead of np.savez: np.load reads compressed archives the same way (still allow_pickle=False), and the bits are stored losslessly.", """
        import json
        import os
        import numpy as np

        def save_tensor(x, path):
            entry, raw = _pack(x)
            entry["key"] = None
            header = json.dumps({"format": _FORMAT, "kind": "tensor", "entries": [entry]})
            with open(os.fspath(path), "wb") as f:
                np.savez_compressed(f, t0=raw, **{_HEADER: np.frombuffer(header.encode("utf-8"), dtype=np.uint8)})
    """),
]
