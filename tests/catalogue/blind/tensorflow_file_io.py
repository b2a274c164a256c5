"""Blind mutants and variants of tensorflow/file_io.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant, judge

MUTANTS = [
    # ------------------------------------------------------------------ tensor
    Mutant("tensor", "[file] Stores x.numpy() natively with np.savez into an open file, so a bfloat16 tensor is "
           "written as raw void ('|V2') and cannot be turned back into a tf.Tensor.", r"""
        import os

        import numpy as np
        import tensorflow as tf

        def save_tensor(x, path):
            with open(os.fspath(path), "wb") as f:
                np.savez(f, x=tf.convert_to_tensor(x).numpy())

        def load_tensor(path):
            with open(os.fspath(path), "rb") as f:
                with np.load(f, allow_pickle=False) as data:
                    return tf.constant(data["x"])
    """),
    Mutant("tensor", "[file] Writes the reference format but loads it with np.load(allow_pickle=True), so a file "
           "that is a pickle (or holds an object array) runs its code on load.", r"""
        import json
        import os

        import numpy as np
        import tensorflow as tf

        def save_tensor(x, path):
            _write(path, "tensor", [(None, x)])

        def load_tensor(path):
            with open(os.fspath(path), "rb") as f:
                data = np.load(f, allow_pickle=True)
                header = json.loads(bytes(data["header"]).decode("utf-8"))
                (entry,) = header["entries"]
                return _unpack(entry, data["t0"])
    """),
    Mutant("tensor", "[file] Passes the path string to np.savez, which appends '.npz', and loads from path + "
           "'.npz', so nothing is written at the path given unless it already ends in .npz.", r"""
        import json
        import os

        import numpy as np
        import tensorflow as tf

        def save_tensor(x, path):
            entry, raw = _pack(x)
            header = np.frombuffer(json.dumps(entry).encode("utf-8"), dtype=np.uint8)
            np.savez(os.fspath(path), header=header, raw=raw)

        def load_tensor(path):
            path = os.fspath(path)
            if not path.endswith(".npz"):
                path += ".npz"
            with np.load(path, allow_pickle=False) as data:
                entry = json.loads(bytes(data["header"]).decode("utf-8"))
                return _unpack(entry, data["raw"])
    """),
    Mutant("tensor", "[type] Returns a tf.Variable holding the loaded values, where the contract asks for a "
           "tf.Tensor.", r"""
        import tensorflow as tf

        def save_tensor(x, path):
            _write(path, "tensor", [(None, x)])

        def load_tensor(path):
            ((_, t),) = _read(path, "tensor")
            return tf.Variable(t, trainable=False)
    """),
    Mutant("tensor", "[file] Stores every tensor as float64 values plus the dtype name and casts back, which is "
           "not exact for int64 values beyond 2**53.", r"""
        import json
        import os

        import numpy as np
        import tensorflow as tf

        def save_tensor(x, path):
            t = tf.convert_to_tensor(x)
            arr = np.asarray(tf.cast(t, tf.float64).numpy())
            with open(os.fspath(path), "wb") as f:
                np.savez(f, values=arr, dtype=np.array(t.dtype.name))

        def load_tensor(path):
            with open(os.fspath(path), "rb") as f:
                with np.load(f, allow_pickle=False) as data:
                    values = tf.constant(data["values"], dtype=tf.float64)
                    return tf.cast(values, tf.as_dtype(str(data["dtype"])))
    """),
    Mutant("tensor", "[file] Writes the file in tempfile.mkdtemp() first and copies it to path, leaving the "
           "temporary folder and file in the system temp directory.", r"""
        import os
        import shutil
        import tempfile

        import numpy as np
        import tensorflow as tf

        def save_tensor(x, path):
            tmp = os.path.join(tempfile.mkdtemp(), "tensor.npz")
            _write(tmp, "tensor", [(None, x)])
            shutil.copyfile(tmp, os.fspath(path))

        def load_tensor(path):
            ((_, t),) = _read(path, "tensor")
            return t
    """),
    Mutant("tensor", "[boundary] Reshapes with tf.reshape(t, shape or [-1]), so a 0-d tensor (shape []) comes "
           "back with shape (1,).", r"""
        import tensorflow as tf

        def save_tensor(x, path):
            _write(path, "tensor", [(None, tf.reshape(tf.convert_to_tensor(x), [-1])),
                                    ("shape", tf.constant(list(tf.convert_to_tensor(x).shape), tf.int64))])

        def load_tensor(path):
            (_, flat), (_, shape) = _read(path, "tensor")
            return tf.reshape(flat, shape.numpy().tolist() or [-1])
    """),
    Mutant("tensor", "[repeat] Caches loads by path in a module-level dict, so after new data is saved at the "
           "same path the first tensor is returned again.", r"""
        import os

        import tensorflow as tf

        _CACHE = {}

        def save_tensor(x, path):
            _write(path, "tensor", [(None, x)])

        def load_tensor(path):
            key = os.path.abspath(os.fspath(path))
            if key not in _CACHE:
                ((_, t),) = _read(path, "tensor")
                _CACHE[key] = t
            return _CACHE[key]
    """),

    # ------------------------------------------------------------- tensor_list
    Mutant("tensor_list", "[netkind] Saves tf.stack(xs) as one tensor and tf.unstack()s it on load, which only "
           "works for non-empty lists of tensors of one shape and dtype.", r"""
        import tensorflow as tf

        def save_tensors(xs, path):
            _write(path, "list", [(None, tf.stack(list(xs)))])

        def load_tensors(path):
            ((_, stacked),) = _read(path, "list")
            return list(tf.unstack(stacked))
    """),
    Mutant("tensor_list", "[boundary] Stores the tensors as np.savez positional arrays arr_0, arr_1, ... and "
           "reads them in sorted(name) order, string order: from 11 tensors on arr_10 is paired with the header "
           "entry of arr_2.", r"""
        import json
        import os

        import numpy as np
        import tensorflow as tf

        def save_tensors(xs, path):
            entries, raws = [], []
            for x in xs:
                entry, raw = _pack(x)
                entries.append(entry)
                raws.append(raw)
            header = np.frombuffer(json.dumps(entries).encode("utf-8"), dtype=np.uint8)
            with open(os.fspath(path), "wb") as f:
                np.savez(f, *raws, meta=header)

        def load_tensors(path):
            with open(os.fspath(path), "rb") as f:
                with np.load(f, allow_pickle=False) as data:
                    entries = json.loads(bytes(data["meta"]).decode("utf-8"))
                    names = sorted(n for n in data.files if n.startswith("arr_"))
                    return [_unpack(e, data[n]) for e, n in zip(entries, names)]
    """),
    Mutant("tensor_list", "[type] Returns a tuple of tf.Tensor instead of a list.", r"""
        import tensorflow as tf

        def save_tensors(xs, path):
            _write(path, "list", [(None, x) for x in xs])

        def load_tensors(path):
            return tuple(t for _, t in _read(path, "list"))
    """),
    Mutant("tensor_list", "[file] The book's way: an object array of the numpy arrays saved with "
           "allow_pickle=True and loaded with np.load(allow_pickle=True), so loading unpickles and runs code.",
           r"""
        import os

        import numpy as np
        import tensorflow as tf

        def save_tensors(xs, path):
            arrays = [tf.convert_to_tensor(x).numpy() for x in xs]
            box = np.empty(len(arrays), dtype=object)
            box[:] = arrays
            with open(os.fspath(path), "wb") as f:
                np.save(f, box, allow_pickle=True)

        def load_tensors(path):
            with open(os.fspath(path), "rb") as f:
                box = np.load(f, allow_pickle=True)
            return [tf.constant(a) for a in box]
    """),
    Mutant("tensor_list", "[repeat] load_tensors appends to a mutable default list argument, so each later call "
           "returns the tensors of every earlier load too.", r"""
        import tensorflow as tf

        def save_tensors(xs, path):
            _write(path, "list", [(None, x) for x in xs])

        def load_tensors(path, result=[]):
            result.extend(t for _, t in _read(path, "list"))
            return result
    """),
    Mutant("tensor_list", "[game] Compresses float32/float64 tensors of more than 1024 elements to float16 "
           "(casting back on load), so only small tensors round-trip exactly.", r"""
        import tensorflow as tf

        def save_tensors(xs, path):
            items = []
            for x in xs:
                t = tf.convert_to_tensor(x)
                if t.dtype in (tf.float32, tf.float64) and int(tf.size(t)) > 1024:
                    items.append((t.dtype.name, tf.cast(t, tf.float16)))
                else:
                    items.append((None, t))
            _write(path, "list", items)

        def load_tensors(path):
            return [t if key is None else tf.cast(t, tf.as_dtype(key)) for key, t in _read(path, "list")]
    """),
    Mutant("tensor_list", "[boundary] Pickle-free JSON of (dtype name, x.numpy().tolist()) rebuilt with "
           "tf.constant(values, dtype) without the shape, so an empty tensor of shape (0, 3) comes back as (0,).",
           r"""
        import json
        import os

        import tensorflow as tf

        def save_tensors(xs, path):
            rows = []
            for x in xs:
                t = tf.convert_to_tensor(x)
                rows.append({"dtype": t.dtype.name, "values": t.numpy().tolist()})
            with open(os.fspath(path), "w") as f:
                json.dump(rows, f)

        def load_tensors(path):
            with open(os.fspath(path)) as f:
                rows = json.load(f)
            return [tf.constant(r["values"], dtype=tf.as_dtype(r["dtype"])) for r in rows]
    """),

    # ------------------------------------------------------------- tensor_dict
    Mutant("tensor_dict", "[file] Uses the dict keys as np.savez member names plus a '__meta__' member: a key "
           "'w.npy' next to 'w' reads back w's array, a key 'file' raises TypeError, a key 'allow_pickle' is "
           "swallowed by np.savez and a key '__meta__' collides.", r"""
        import json
        import os

        import numpy as np
        import tensorflow as tf

        def save_tensor_dict(d, path):
            meta, arrays = {}, {}
            for k, x in d.items():
                entry, raw = _pack(x)
                meta[k] = entry
                arrays[k] = raw
            arrays["__meta__"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
            with open(os.fspath(path), "wb") as f:
                np.savez(f, **arrays)

        def load_tensor_dict(path):
            with open(os.fspath(path), "rb") as f:
                with np.load(f, allow_pickle=False) as data:
                    meta = json.loads(bytes(data["__meta__"]).decode("utf-8"))
                    return {k: _unpack(e, data[k]) for k, e in meta.items()}
    """),
    Mutant("tensor_dict", "[boundary] Splits the dict with keys, tensors = zip(*d.items()), which raises "
           "ValueError for an empty dict.", r"""
        import tensorflow as tf

        def save_tensor_dict(d, path):
            keys, tensors = zip(*d.items())
            for k in keys:
                if not isinstance(k, str):
                    raise TypeError("keys must be str")
            _write(path, "dict", list(zip(keys, tensors)))

        def load_tensor_dict(path):
            return dict(_read(path, "dict"))
    """),
    Mutant("tensor_dict", "[file] The book's way: np.save of a dict of numpy arrays (a pickled 0-d object array) "
           "and np.load(allow_pickle=True).item(), so loading runs any code a pickle carries.", r"""
        import os

        import numpy as np
        import tensorflow as tf

        def save_tensor_dict(d, path):
            with open(os.fspath(path), "wb") as f:
                np.save(f, {k: tf.convert_to_tensor(v).numpy() for k, v in d.items()}, allow_pickle=True)

        def load_tensor_dict(path):
            with open(os.fspath(path), "rb") as f:
                stored = np.load(f, allow_pickle=True).item()
            return {k: tf.constant(v) for k, v in stored.items()}
    """),
    Mutant("tensor_dict", "[type] Returns the values as numpy arrays (as np.load gives them) instead of "
           "tf.Tensor.", r"""
        import tensorflow as tf

        def save_tensor_dict(d, path):
            _write(path, "dict", list(d.items()))

        def load_tensor_dict(path):
            return {k: t.numpy() for k, t in _read(path, "dict")}
    """),
    Mutant("tensor_dict", "[repeat] Memoises load_tensor_dict with functools.lru_cache, so the same dict object "
           "(with the old contents) comes back after the file is saved again.", r"""
        import functools

        import tensorflow as tf

        def save_tensor_dict(d, path):
            _write(path, "dict", list(d.items()))

        @functools.lru_cache(maxsize=32)
        def load_tensor_dict(path):
            return dict(_read(path, "dict"))
    """),
    Mutant("tensor_dict", "[file] Makes a folder at path with one file per key, so path is not a single file "
           "(and a key with '/' needs a sub-folder that does not exist).", r"""
        import os

        import tensorflow as tf

        def save_tensor_dict(d, path):
            os.makedirs(os.fspath(path), exist_ok=True)
            for k, v in d.items():
                _write(os.path.join(os.fspath(path), k), "tensor", [(k, v)])

        def load_tensor_dict(path):
            out = {}
            for root, _, files in os.walk(os.fspath(path)):
                for name in files:
                    ((k, t),) = _read(os.path.join(root, name), "tensor")
                    out[k] = t
            return out
    """),
    Mutant("tensor_dict", "[file] Sanitises keys for archive names (replacing '/' and '.' by '_') and never maps "
           "them back, so keys such as 'a.b' or 'layer/w' come back changed.", r"""
        import tensorflow as tf

        def save_tensor_dict(d, path):
            items = [(k.replace("/", "_").replace(".", "_"), v) for k, v in d.items()]
            _write(path, "dict", items)

        def load_tensor_dict(path):
            return dict(_read(path, "dict"))
    """),

    # ------------------------------------------------------------------ params
    Mutant("params", "[file] Uses net.save_weights(path + '.weights.h5') / load_weights of the same name, so the "
           "weights are not written at the path given.", r"""
        import os

        import tensorflow as tf

        def save_params(net, path):
            net.save_weights(os.fspath(path) + ".weights.h5")

        def load_params(make_net, path, input_shape):
            net = make_net()
            net(tf.zeros([1 if n is None else n for n in input_shape]))
            net.load_weights(os.fspath(path) + ".weights.h5")
            return net
    """),
    Mutant("params", "[file] Saves through a .weights.h5 file in tempfile.mkdtemp() and copies it to path, but "
           "never removes the temporary folders (on save and on load).", r"""
        import os
        import shutil
        import tempfile

        import tensorflow as tf

        def save_params(net, path):
            tmp = os.path.join(tempfile.mkdtemp(), "net.weights.h5")
            net.save_weights(tmp)
            shutil.copyfile(tmp, os.fspath(path))

        def load_params(make_net, path, input_shape):
            net = make_net()
            net(tf.zeros([1 if n is None else n for n in input_shape]))
            tmp = os.path.join(tempfile.mkdtemp(), "net.weights.h5")
            shutil.copyfile(os.fspath(path), tmp)
            net.load_weights(tmp)
            return net
    """),
    Mutant("params", "[netkind] Builds the fresh net with net.build(input_shape) instead of a dry call, which "
           "creates no weights in a subclassed keras.Model, so loading into one fails.", r"""
        import tensorflow as tf

        def save_params(net, path):
            _write(path, "params", [(w.path, v) for w, v in zip(net.weights, net.get_weights())])

        def load_params(make_net, path, input_shape):
            net = make_net()
            if not net.built:
                net.build(tuple(input_shape))
            net.set_weights([t.numpy() for _, t in _read(path, "params")])
            return net
    """),
    Mutant("params", "[netkind] Saves and restores only net.trainable_weights, so non-trainable weights "
           "(BatchNormalization moving mean/variance) keep the fresh net's values.", r"""
        import tensorflow as tf

        def save_params(net, path):
            _write(path, "params", [(w.path, w.numpy()) for w in net.trainable_weights])

        def load_params(make_net, path, input_shape):
            net = make_net()
            net(tf.zeros([1 if n is None else n for n in input_shape]))
            saved = [t for _, t in _read(path, "params")]
            for w, v in zip(net.trainable_weights, saved):
                w.assign(v)
            return net
    """),
    Mutant("params", "[netkind] Restores each weight by its variable path, which only matches when the fresh "
           "net's layers got the same names; auto-named layers of a second make_net() ('dense_3' vs 'dense') "
           "raise KeyError.", r"""
        import tensorflow as tf

        def save_params(net, path):
            _write(path, "params", [(w.path, w.numpy()) for w in net.weights])

        def load_params(make_net, path, input_shape):
            net = make_net()
            net(tf.zeros([1 if n is None else n for n in input_shape]))
            saved = dict(_read(path, "params"))
            for w in net.weights:
                w.assign(saved[w.path])
            return net
    """),
    Mutant("params", "[boundary] Builds the dry-call shape as (1,) + input_shape[1:], which fails when "
           "input_shape is a list or has another None axis (e.g. (None, None, 8)).", r"""
        import tensorflow as tf

        def save_params(net, path):
            _write(path, "params", [(w.path, v) for w, v in zip(net.weights, net.get_weights())])

        def load_params(make_net, path, input_shape):
            net = make_net()
            net(tf.zeros((1,) + input_shape[1:]))
            net.set_weights([t.numpy() for _, t in _read(path, "params")])
            return net
    """),
    Mutant("params", "[type] Returns the result of net.set_weights(...) (None) instead of the net.", r"""
        import tensorflow as tf

        def save_params(net, path):
            _write(path, "params", [(w.path, v) for w, v in zip(net.weights, net.get_weights())])

        def load_params(make_net, path, input_shape):
            net = make_net()
            net(tf.zeros([1 if n is None else n for n in input_shape]))
            return net.set_weights([t.numpy() for _, t in _read(path, "params")])
    """),
    Mutant("params", "[repeat] Keeps the net built on the first load of a path and returns that same object on "
           "later loads, with the first file's weights, instead of a fresh make_net().", r"""
        import os

        import tensorflow as tf

        _NETS = {}

        def save_params(net, path):
            _write(path, "params", [(w.path, v) for w, v in zip(net.weights, net.get_weights())])

        def load_params(make_net, path, input_shape):
            key = os.path.abspath(os.fspath(path))
            if key not in _NETS:
                net = make_net()
                net(tf.zeros([1 if n is None else n for n in input_shape]))
                net.set_weights([t.numpy() for _, t in _read(path, "params")])
                _NETS[key] = net
            return _NETS[key]
    """),
]

VARIANTS = [
    # ------------------------------------------------------------------ tensor
    Variant("tensor", "[style] Writes 'dtype name' + newline + tf.io.serialize_tensor bytes with tf.io.write_file "
            "and parses them with tf.io.parse_tensor; a TensorProto is plain data (no code), handles every dtype "
            "including bfloat16, 0-d and empty tensors, and tf.io.write_file adds no suffix.", r"""
        import os

        import tensorflow as tf

        def save_tensor(x, path):
            t = tf.convert_to_tensor(x)
            blob = t.dtype.name.encode("ascii") + b"\n" + tf.io.serialize_tensor(t).numpy()
            tf.io.write_file(os.fspath(path), blob)

        def load_tensor(path):
            blob = tf.io.read_file(os.fspath(path)).numpy()
            name, _, proto = blob.partition(b"\n")
            return tf.io.parse_tensor(proto, out_type=tf.as_dtype(name.decode("ascii")))
    """),
    Variant("tensor", "[style] Stores the numpy array natively in an .npz written to an open file, except "
            "bfloat16 which goes through float32 (exact both ways) and is cast back, with the dtype name as a "
            "unicode (not object) array; loaded with allow_pickle=False.", r"""
        import os

        import numpy as np
        import tensorflow as tf

        def save_tensor(x, path):
            t = tf.convert_to_tensor(x)
            stored = tf.cast(t, tf.float32) if t.dtype == tf.bfloat16 else t
            with open(os.fspath(path), "wb") as f:
                np.savez(f, data=stored.numpy(), dtype=np.array(t.dtype.name))

        def load_tensor(path):
            with open(os.fspath(path), "rb") as f:
                with np.load(f, allow_pickle=False) as z:
                    dtype = tf.as_dtype(str(z["dtype"]))
                    data = z["data"]
            if dtype == tf.bfloat16:
                return tf.cast(tf.constant(data, dtype=tf.float32), tf.bfloat16)
            return tf.constant(data, dtype=dtype)
    """),
    Variant("tensor", "[style] Reuses the module's list format: the tensor is saved as a one-element list and "
            "unwrapped on load; still exact and pickle-free, with its own kind tag.", r"""
        import tensorflow as tf

        def save_tensor(x, path):
            _write(path, "single", [("only", tf.identity(tf.convert_to_tensor(x)))])

        def load_tensor(path):
            items = _read(path, "single")
            if len(items) != 1:
                raise ValueError("expected exactly one tensor")
            return items[0][1]
    """),

    # ------------------------------------------------------------- tensor_list
    Variant("tensor_list", "[style] One .npz of native arrays 'a0', 'a1', ... (bfloat16 stored as its uint16 "
            "bits) plus a unicode array of dtype names, read back in range(len(names)) order.", r"""
        import os

        import numpy as np
        import tensorflow as tf

        def save_tensors(xs, path):
            arrays, names = {}, []
            for i, x in enumerate(xs):
                t = tf.convert_to_tensor(x)
                a = t.numpy()
                if t.dtype == tf.bfloat16:
                    a = a.view(np.uint16)
                arrays[f"a{i}"] = a
                names.append(t.dtype.name)
            arrays["dtypes"] = np.array(names, dtype=str)
            with open(os.fspath(path), "wb") as f:
                np.savez(f, **arrays)

        def load_tensors(path):
            out = []
            with open(os.fspath(path), "rb") as f:
                with np.load(f, allow_pickle=False) as z:
                    names = [str(n) for n in z["dtypes"]]
                    for i, name in enumerate(names):
                        a = z[f"a{i}"]
                        if name == "bfloat16":
                            a = a.view(tf.bfloat16.as_numpy_dtype)
                        out.append(tf.constant(a, dtype=tf.as_dtype(name)))
            return out
    """),
    Variant("tensor_list", "[style] Each tensor as tf.io.serialize_tensor bytes in a uint8 array 'p<i>' of an "
            "npz with a JSON list of dtype names; parse_tensor restores dtype and shape exactly.", r"""
        import json
        import os

        import numpy as np
        import tensorflow as tf

        def save_tensors(xs, path):
            ts = [tf.convert_to_tensor(x) for x in xs]
            arrays = {f"p{i}": np.frombuffer(tf.io.serialize_tensor(t).numpy(), dtype=np.uint8)
                      for i, t in enumerate(ts)}
            arrays["index"] = np.frombuffer(json.dumps([t.dtype.name for t in ts]).encode(), dtype=np.uint8)
            with open(os.fspath(path), "wb") as f:
                np.savez(f, **arrays)

        def load_tensors(path):
            with open(os.fspath(path), "rb") as f:
                with np.load(f, allow_pickle=False) as z:
                    names = json.loads(z["index"].tobytes().decode())
                    return [tf.io.parse_tensor(z[f"p{i}"].tobytes(), out_type=tf.as_dtype(n))
                            for i, n in enumerate(names)]
    """),

    # ------------------------------------------------------------- tensor_dict
    Variant("tensor_dict", "[style] Keys kept in a unicode 'keys' array (never as archive names), values as "
            "native arrays 'v0', 'v1', ... with bfloat16 stored as float32 and cast back; an empty dict gives an "
            "empty '<U1' keys array.", r"""
        import os

        import numpy as np
        import tensorflow as tf

        def save_tensor_dict(d, path):
            keys = list(d)
            if not all(isinstance(k, str) for k in keys):
                raise TypeError("keys must be str")
            arrays = {"keys": np.array(keys, dtype=str), "dtypes": np.array(
                [tf.convert_to_tensor(d[k]).dtype.name for k in keys], dtype=str)}
            for i, k in enumerate(keys):
                t = tf.convert_to_tensor(d[k])
                if t.dtype == tf.bfloat16:
                    t = tf.cast(t, tf.float32)
                arrays[f"v{i}"] = t.numpy()
            with open(os.fspath(path), "wb") as f:
                np.savez(f, **arrays)

        def load_tensor_dict(path):
            with open(os.fspath(path), "rb") as f:
                with np.load(f, allow_pickle=False) as z:
                    keys = [str(k) for k in z["keys"]]
                    dtypes = [tf.as_dtype(str(n)) for n in z["dtypes"]]
                    out = {}
                    for i, (k, dt) in enumerate(zip(keys, dtypes)):
                        v = z[f"v{i}"]
                        out[k] = (tf.cast(tf.constant(v, tf.float32), tf.bfloat16) if dt == tf.bfloat16
                                  else tf.constant(v, dtype=dt))
            return out
    """),
    Variant("tensor_dict", "[style] Delegates to the module's own list format: values saved as a list, keys in a "
            "uint8-encoded JSON tensor placed first; keys never touch archive names so any legal key survives.",
            r"""
        import json

        import numpy as np
        import tensorflow as tf

        def save_tensor_dict(d, path):
            keys = [k for k in d]
            for k in keys:
                if not isinstance(k, str):
                    raise TypeError("keys must be str")
            key_blob = tf.constant(np.frombuffer(json.dumps(keys).encode("utf-8"), dtype=np.uint8))
            _write(path, "dict-v2", [(None, key_blob)] + [(None, d[k]) for k in keys])

        def load_tensor_dict(path):
            items = [t for _, t in _read(path, "dict-v2")]
            keys = json.loads(items[0].numpy().tobytes().decode("utf-8"))
            if len(keys) != len(items) - 1:
                raise ValueError("corrupt dict file")
            return dict(zip(keys, items[1:]))
    """),

    # ------------------------------------------------------------------ params
    Variant("params", "[style] Saves [w.numpy() for w in net.weights] and, after building with "
            "net.predict(zeros, verbose=0), assigns the values in net.weights order with explicit count and shape "
            "checks that raise ValueError.", r"""
        import numpy as np
        import tensorflow as tf

        def save_params(net, path):
            _write(path, "params", [(str(i), w.numpy()) for i, w in enumerate(net.weights)])

        def load_params(make_net, path, input_shape):
            net = make_net()
            net.predict(np.zeros([1 if n is None else int(n) for n in input_shape], dtype="float32"), verbose=0)
            values = [t for _, t in _read(path, "params")]
            if len(values) != len(net.weights):
                raise ValueError(f"{len(values)} saved weights, net has {len(net.weights)}")
            for w, v in zip(net.weights, values):
                if tuple(w.shape) != tuple(v.shape):
                    raise ValueError(f"shape mismatch for {w.path}: {tuple(w.shape)} vs {tuple(v.shape)}")
                w.assign(v)
            return net
    """),
    Variant("params", "[style] Uses Keras' own save_weights/load_weights through a .weights.h5 file inside a "
            "TemporaryDirectory (removed afterwards), copying its bytes to and from path; h5 loading runs no "
            "code and matches weights by structure, not layer names.", r"""
        import os
        import shutil
        import tempfile

        import tensorflow as tf

        def save_params(net, path):
            with tempfile.TemporaryDirectory() as tmp:
                h5 = os.path.join(tmp, "net.weights.h5")
                net.save_weights(h5)
                shutil.copyfile(h5, os.fspath(path))

        def load_params(make_net, path, input_shape):
            net = make_net()
            net(tf.zeros([1 if n is None else n for n in input_shape]))
            with tempfile.TemporaryDirectory() as tmp:
                h5 = os.path.join(tmp, "net.weights.h5")
                shutil.copyfile(os.fspath(path), h5)
                net.load_weights(h5)
            return net
    """),
]

# ---- judged by the lead after the first run (see tests/catalogue/__init__.py, judge)
MUTANTS, VARIANTS, JUDGED = judge(MUTANTS, VARIANTS, out_of_contract={
    "[boundary] Builds the dry-call shape as (1,) + input_shape[1:]":
        "input_shape is `(None, d)` (CONTRACT.md, conventions): a list or a second None axis is outside the contract",
})
