"""Catalogue for tensorflow/file_io.py (Keras 3): tensor, tensor_list, tensor_dict, params.

Entries are appended to the reference, so they may use its ``_write`` / ``_read`` helpers (the
reference's own safe format) for the functions they do not redefine.
"""

from tests.catalogue import Mutant, Variant

# A pickle-free format built on tf.io: a JSON header line (dtype name) then tf.io.serialize_tensor bytes.
_SERIALIZED = """
    import json

    def _write_one(f, x):
        x = tf.convert_to_tensor(x)
        data = tf.io.serialize_tensor(x).numpy()
        f.write((json.dumps({"dtype": x.dtype.name, "nbytes": len(data)}) + "\\n").encode())
        f.write(data)

    def _read_one(f):
        header = json.loads(f.readline().decode())
        return tf.io.parse_tensor(f.read(header["nbytes"]), out_type=tf.as_dtype(header["dtype"]))
"""

MUTANTS = [
    # tensor
    Mutant("tensor", "np.save(path, x.numpy()): numpy appends .npy to the path.", """
        import numpy as np

        def save_tensor(x, path):
            np.save(path, x.numpy())

        def load_tensor(path):
            return tf.constant(np.load(path + ".npy", allow_pickle=False))
    """),
    Mutant("tensor", "The book's np.load(path, allow_pickle=True): a malicious file runs its code.", """
        import numpy as np

        def save_tensor(x, path):
            with open(path, "wb") as f:
                np.save(f, tf.cast(x, tf.float32).numpy() if x.dtype == tf.bfloat16 else x.numpy())

        def load_tensor(path):
            return tf.constant(np.load(path, allow_pickle=True))
    """),
    Mutant("tensor", "np.save through a file object, allow_pickle=False: bfloat16 comes back as raw void.", """
        import numpy as np

        def save_tensor(x, path):
            with open(path, "wb") as f:
                np.save(f, x.numpy())

        def load_tensor(path):
            with open(path, "rb") as f:
                return tf.constant(np.load(f, allow_pickle=False))
    """),
    Mutant("tensor", "Returns the loaded numpy array instead of a tf tensor.", """
        def load_tensor(path):
            ((_, t),) = _read(path, "tensor")
            return t.numpy()
    """),
    Mutant("tensor", "Loads into a tf.Variable instead of returning a tf.Tensor.", """
        def load_tensor(path):
            ((_, t),) = _read(path, "tensor")
            return tf.Variable(t)
    """),
    Mutant("tensor", "tf.io.parse_tensor with out_type=tf.float32 hard-coded: other dtypes fail.", """
        def save_tensor(x, path):
            tf.io.write_file(path, tf.io.serialize_tensor(x))

        def load_tensor(path):
            return tf.io.parse_tensor(tf.io.read_file(path), out_type=tf.float32)
    """),
    Mutant("tensor", "Uses pickle directly, which runs any code the file holds.", """
        import pickle

        def save_tensor(x, path):
            with open(path, "wb") as f:
                pickle.dump((x.dtype.name, tf.cast(x, tf.float32).numpy() if x.dtype == tf.bfloat16 else x.numpy()), f)

        def load_tensor(path):
            with open(path, "rb") as f:
                dtype, values = pickle.load(f)
            return tf.cast(tf.constant(values), dtype)
    """),
    Mutant("tensor", "Casts to float32 before saving, so the dtype does not survive.", """
        def save_tensor(x, path):
            _write(path, "tensor", [(None, tf.cast(x, tf.float32))])
    """),
    # tensor_list
    Mutant("tensor_list", "np.save of the list of tensors: one array, so dtypes are merged and bfloat16 is lost.", """
        import numpy as np

        def save_tensors(xs, path):
            with open(path, "wb") as f:
                np.save(f, np.array([x.numpy() for x in xs]), allow_pickle=False)

        def load_tensors(path):
            with open(path, "rb") as f:
                return [tf.constant(a) for a in np.load(f, allow_pickle=False)]
    """),
    Mutant("tensor_list", "np.savez(f, *arrays) and np.load(allow_pickle=True): a malicious file runs its code.", """
        import numpy as np

        def save_tensors(xs, path):
            with open(path, "wb") as f:
                np.savez(f, *[tf.cast(x, tf.float32).numpy() if x.dtype == tf.bfloat16 else x.numpy() for x in xs])

        def load_tensors(path):
            data = np.load(path, allow_pickle=True)
            if not hasattr(data, "files"):
                return data
            return [tf.constant(data[f"arr_{i}"]) for i in range(len(data.files))]
    """),
    Mutant("tensor_list", "Returns a tuple instead of a list.", """
        def load_tensors(path):
            return tuple(t for _, t in _read(path, "list"))
    """),
    Mutant("tensor_list", "Loses the last tensor (range(len(xs) - 1)).", """
        def save_tensors(xs, path):
            xs = list(xs)
            _write(path, "list", [(None, xs[i]) for i in range(len(xs) - 1)])
    """),
    Mutant("tensor_list", "Returns the loaded numpy arrays instead of tf tensors.", """
        def load_tensors(path):
            return [t.numpy() for _, t in _read(path, "list")]
    """),
    Mutant("tensor_list", "Casts every tensor to float32 before saving.", """
        def save_tensors(xs, path):
            _write(path, "list", [(None, tf.cast(x, tf.float32)) for x in xs])
    """),
    # tensor_dict
    Mutant("tensor_dict", "np.savez(f, **d) and np.load(allow_pickle=False): bfloat16 values come back as raw void.", """
        import numpy as np

        def save_tensor_dict(d, path):
            with open(path, "wb") as f:
                np.savez(f, **{k: v.numpy() for k, v in d.items()})

        def load_tensor_dict(path):
            with open(path, "rb") as f, np.load(f, allow_pickle=False) as data:
                return {k: tf.constant(data[k]) for k in data.files}
    """),
    Mutant("tensor_dict", "np.load(path, allow_pickle=True).item() on a saved dict: a malicious file runs code.", """
        import numpy as np

        def save_tensor_dict(d, path):
            with open(path, "wb") as f:
                np.save(f, {k: (v.dtype.name, tf.cast(v, tf.float32).numpy() if v.dtype == tf.bfloat16
                                else v.numpy()) for k, v in d.items()})

        def load_tensor_dict(path):
            saved = np.load(path, allow_pickle=True).item()
            return {k: tf.cast(tf.constant(a), dtype) for k, (dtype, a) in saved.items()}
    """),
    Mutant("tensor_dict", "Saves only the values; keys come back as '0', '1', ...", """
        def save_tensor_dict(d, path):
            _write(path, "dict", [(str(i), v) for i, v in enumerate(d.values())])
    """),
    Mutant("tensor_dict", "Keys lower-cased on save, so 'A' comes back as 'a'.", """
        def save_tensor_dict(d, path):
            _write(path, "dict", [(k.lower(), v) for k, v in d.items()])
    """),
    Mutant("tensor_dict", "Returns the values as a list, not a dict.", """
        def load_tensor_dict(path):
            return [t for _, t in _read(path, "dict")]
    """),
    Mutant("tensor_dict", "Returns numpy arrays as the dict's values.", """
        def load_tensor_dict(path):
            return {k: t.numpy() for k, t in _read(path, "dict")}
    """),
    # params
    Mutant("params", "net.save_weights(path + '.weights.h5'): the given path is not what is written.", """
        def save_params(net, path):
            net.save_weights(path + ".weights.h5")

        def load_params(make_net, path, input_shape):
            net = make_net()
            net(tf.zeros([1 if n is None else n for n in input_shape]))
            net.load_weights(path + ".weights.h5")
            return net
    """),
    Mutant("params", "Loads into an unbuilt model: make_net() then set_weights without a dry call.", """
        def load_params(make_net, path, input_shape):
            net = make_net()
            net.set_weights([t.numpy() for _, t in _read(path, "params")])
            return net
    """),
    Mutant("params", "Builds with net.build(input_shape): a subclassed model then has no weights to load into.", """
        def load_params(make_net, path, input_shape):
            net = make_net()
            net.build(input_shape)
            values = [t.numpy() for _, t in _read(path, "params")]
            for w, v in zip(net.weights, values):
                w.assign(v)
            return net
    """),
    Mutant("params", "Saves trainable_weights only: BatchNormalization's moving statistics are lost.", """
        def save_params(net, path):
            _write(path, "params", [(w.path, w.numpy()) for w in net.trainable_weights])

        def load_params(make_net, path, input_shape):
            net = make_net()
            net(tf.zeros([1 if n is None else n for n in input_shape]))
            for w, (_, t) in zip(net.trainable_weights, _read(path, "params")):
                w.assign(t)
            return net
    """),
    Mutant("params", "np.save of get_weights() (an object array) loaded with allow_pickle=True: runs code.", """
        import numpy as np

        def save_params(net, path):
            values = np.empty(len(net.get_weights()), dtype=object)
            values[:] = net.get_weights()
            with open(path, "wb") as f:
                np.save(f, values, allow_pickle=True)

        def load_params(make_net, path, input_shape):
            net = make_net()
            net(tf.zeros([1 if n is None else n for n in input_shape]))
            net.set_weights(list(np.load(path, allow_pickle=True)))
            return net
    """),
    Mutant("params", "Returns make_net() built but without loading anything.", """
        def load_params(make_net, path, input_shape):
            net = make_net()
            net(tf.zeros([1 if n is None else n for n in input_shape]))
            return net
    """),
    Mutant("params", "Returns the list of loaded weights instead of the net.", """
        def load_params(make_net, path, input_shape):
            return [t for _, t in _read(path, "params")]
    """),
]

VARIANTS = [
    Variant("tensor", "tf.io.serialize_tensor behind a JSON header that names the dtype for parse_tensor.",
            _SERIALIZED + """
    def save_tensor(x, path):
        with open(path, "wb") as f:
            _write_one(f, x)

    def load_tensor(path):
        with open(path, "rb") as f:
            return _read_one(f)
    """),
    Variant("tensor", "np.save of the bits as uint8 through a file object, dtype and shape in a JSON sidecar line.", """
        import json

        import numpy as np

        def save_tensor(x, path):
            arr = np.array(x.numpy(), ndmin=1, order="C")  # ascontiguousarray would also make 0-d arrays 1-d
            with open(path, "wb") as f:
                f.write((json.dumps({"dtype": x.dtype.name, "shape": x.shape.as_list()}) + "\\n").encode())
                np.save(f, arr.reshape(-1).view(np.uint8), allow_pickle=False)

        def load_tensor(path):
            with open(path, "rb") as f:
                header = json.loads(f.readline().decode())
                raw = np.load(f, allow_pickle=False)
            dtype = tf.as_dtype(header["dtype"])
            return tf.constant(raw.view(dtype.as_numpy_dtype).reshape(header["shape"]), dtype=dtype)
    """),
    Variant("tensor_list", "A count line, then one serialize_tensor record per tensor.", _SERIALIZED + """
    def save_tensors(xs, path):
        xs = list(xs)
        with open(path, "wb") as f:
            f.write(f"{len(xs)}\\n".encode())
            for x in xs:
                _write_one(f, x)

    def load_tensors(path):
        with open(path, "rb") as f:
            return [_read_one(f) for _ in range(int(f.readline()))]
    """),
    Variant("tensor_list", "Saved through the reference's dict format with keys '0', '1', ... and rebuilt in order.", """
        def save_tensors(xs, path):
            save_tensor_dict({str(i): x for i, x in enumerate(xs)}, path)

        def load_tensors(path):
            d = load_tensor_dict(path)
            return [d[str(i)] for i in range(len(d))]
    """),
    Variant("tensor_dict", "Keys in a JSON header, values as serialize_tensor records, rebuilt with dict(zip(...)).",
            _SERIALIZED + """
    def save_tensor_dict(d, path):
        with open(path, "wb") as f:
            f.write((json.dumps(list(d.keys())) + "\\n").encode())
            for v in d.values():
                _write_one(f, v)

    def load_tensor_dict(path):
        with open(path, "rb") as f:
            keys = json.loads(f.readline().decode())
            return dict(zip(keys, [_read_one(f) for _ in keys]))
    """),
    Variant("params", "save_weights to a temporary .weights.h5 moved to path; loaded back through a temporary copy.", """
        import shutil
        import tempfile

        def save_params(net, path):
            with tempfile.TemporaryDirectory() as tmp:
                target = os.path.join(tmp, "net.weights.h5")
                net.save_weights(target)
                shutil.move(target, path)

        def load_params(make_net, path, input_shape):
            net = make_net()
            net(tf.zeros([1 if n is None else n for n in input_shape]))
            with tempfile.TemporaryDirectory() as tmp:
                target = os.path.join(tmp, "net.weights.h5")
                shutil.copyfile(path, target)
                net.load_weights(target)
            return net
    """),
    Variant("params", "Weights as serialize_tensor records; built via a dry call on ones; assigned one by one.",
            _SERIALIZED + """
    def save_params(net, path):
        with open(path, "wb") as f:
            f.write(f"{len(net.weights)}\\n".encode())
            for w in net.weights:
                _write_one(f, w.value)

    def load_params(make_net, path, input_shape):
        net = make_net()
        net(tf.ones([1 if n is None else n for n in input_shape]))
        with open(path, "rb") as f:
            values = [_read_one(f) for _ in range(int(f.readline()))]
        if len(values) != len(net.weights):
            raise ValueError(f"saved {len(values)} weights, the net has {len(net.weights)}")
        for w, v in zip(net.weights, values):
            w.assign(v)
        return net
    """),
]

# ---------------------------------------------------------------- issue 11: classes that escaped a blind batch
MUTANTS += [
    Mutant("tensor", "Checks the file is an npz, then loads with allow_pickle=True: an npz of objects runs code.", """
        import numpy as np
        import tensorflow as tf

        def load_tensor(path):
            with open(path, "rb") as f:
                head = f.read(4)
            if head != b"PK\\x03\\x04":
                raise ValueError("not an npz file")
            ((_, t),) = _read_unsafe(path)
            return t

        def _read_unsafe(path):
            import json
            data = np.load(path, allow_pickle=True)
            out = []
            for name in data.files:
                data[name]  # touches every member, as a loader that validates them would
            header = json.loads(bytes(data["header"]).decode("utf-8"))
            return [(e["key"], _unpack(e, data[f"t{i}"])) for i, e in enumerate(header["entries"])]
    """),
    Mutant("tensor_list", "Saves through a temp file in the system temp directory and never removes it.", """
        import shutil
        import tempfile

        def save_tensors(xs, path):
            tmp = tempfile.NamedTemporaryFile(delete=False, suffix=".npz")
            tmp.close()
            _write(tmp.name, "list", [(None, x) for x in xs])
            shutil.copyfile(tmp.name, path)
    """),
]
