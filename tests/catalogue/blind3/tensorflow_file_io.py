"""Blind batch 3: mutants and variants of tensorflow/file_io.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("tensor", "[type] Saves with tf.io.serialize_tensor / tf.io.write_file but parses with tf.io.parse_tensor(out_type=tf.float32) (the tutorial's out_type), so any tensor that is not float32 fails to load.", """
        import os
        import tensorflow as tf

        def save_tensor(x, path):
            tf.io.write_file(os.fspath(path), tf.io.serialize_tensor(tf.convert_to_tensor(x)))

        def load_tensor(path):
            return tf.io.parse_tensor(tf.io.read_file(os.fspath(path)), out_type=tf.float32)
    """),
    Mutant("tensor", "[type] An own npz format that records the numpy dtype string (arr.dtype.str): exact for numpy's own dtypes, but bfloat16's dtype.str is '<V2', so a bfloat16 tensor comes back as raw void data and cannot be loaded as a tensor.", """
        import json
        import os
        import numpy as np
        import tensorflow as tf

        def save_tensor(x, path):
            arr = np.asarray(tf.convert_to_tensor(x).numpy(), order="C")
            header = json.dumps({"dtype": arr.dtype.str, "shape": list(arr.shape)})
            with open(os.fspath(path), "wb") as f:
                np.savez(f, header=np.frombuffer(header.encode(), np.uint8),
                         data=np.frombuffer(arr.tobytes(), np.uint8))

        def load_tensor(path):
            with open(os.fspath(path), "rb") as f:
                with np.load(f, allow_pickle=False) as data:
                    h = json.loads(bytes(data["header"]).decode())
                    raw = data["data"].tobytes()
            arr = np.frombuffer(raw, dtype=np.dtype(h["dtype"])).reshape(h["shape"])
            return tf.constant(arr)
    """),
    Mutant("tensor_list", "[type] Keeps one dtype for the whole list (the first tensor's) and casts every tensor to it on save, so a mixed list such as [float32, int64, bool] loads with a single dtype.", """
        import tensorflow as tf

        def save_tensors(xs, path):
            xs = [tf.convert_to_tensor(x) for x in xs]
            dtype = xs[0].dtype if xs else tf.float32
            _write(path, "list", [(None, tf.cast(x, dtype)) for x in xs])

        def load_tensors(path):
            return [t for _, t in _read(path, "list")]
    """),
    Mutant("tensor_dict", "[boundary] Stores the keys in a fixed-width numpy column np.array(keys, dtype='U16'), so keys longer than 16 characters (e.g. 'encoder/layer_0/kernel') come back truncated.", """
        import json
        import os
        import numpy as np

        def save_tensor_dict(d, path):
            arrays = {"keys": np.array(list(d), dtype="U16")}
            entries = []
            for i, v in enumerate(d.values()):
                entry, raw = _pack(v)
                entries.append(entry)
                arrays[f"t{i}"] = raw
            arrays["meta"] = np.frombuffer(json.dumps(entries).encode("utf-8"), np.uint8)
            with open(os.fspath(path), "wb") as f:
                np.savez(f, **arrays)

        def load_tensor_dict(path):
            with open(os.fspath(path), "rb") as f:
                with np.load(f, allow_pickle=False) as data:
                    entries = json.loads(bytes(data["meta"]).decode("utf-8"))
                    keys = [str(k) for k in data["keys"]]
                    return {k: _unpack(e, data[f"t{i}"]) for i, (k, e) in enumerate(zip(keys, entries))}
    """),
    Mutant("params", "[netkind] Calls net.set_weights(values) before the dry call: fine for a net built at construction (keras.Input), but a lazy Sequential or a subclassed model has no weights yet, so loading raises.", """
        import tensorflow as tf

        def load_params(make_net, path, input_shape):
            values = [t.numpy() for _, t in _read(path, "params")]
            net = make_net()
            net.set_weights(values)
            net(tf.zeros([1 if n is None else n for n in input_shape]))
            return net
    """),
]

VARIANTS = [
    Variant("params", "[style] The dry call that builds the fresh net uses an empty batch (None replaced by 0): layers are built from the shape alone, then the saved values are assigned in net.weights order.", """
        import tensorflow as tf

        def load_params(make_net, path, input_shape):
            values = [t.numpy() for _, t in _read(path, "params")]
            net = make_net()
            net(tf.zeros([0 if n is None else n for n in input_shape]))
            net.set_weights(values)
            return net
    """),
]
