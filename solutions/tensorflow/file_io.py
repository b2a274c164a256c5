"""File I/O (d2l 6.6, "File I/O"), TensorFlow / Keras 3 reference.

Every function writes one ``.npz`` archive exactly at the path given: a JSON
header (kind of content, keys, dtype names, shapes) plus each tensor's raw
bits viewed as same-width unsigned integers. That keeps every dtype exact,
bfloat16 included (``np.save`` stores ml_dtypes' bfloat16 as raw void), and
writing to an open file object stops numpy from appending ``.npy``/``.npz``.
Loading uses ``np.load(..., allow_pickle=False)``, so no code from a file is
ever executed: a file holding a pickle is refused with ``ValueError``.
"""

import json
import math
import os

import numpy as np
import tensorflow as tf

_FORMAT = "d2l-tf-tensors"
_HEADER = "header"


def _pack(x):
    """A tensor as (header entry, 1-D unsigned-int array of its bits)."""
    t = tf.convert_to_tensor(x)
    arr = np.asarray(t.numpy(), order="C")
    if arr.dtype.hasobject:
        raise TypeError(f"cannot save tensors of dtype {t.dtype.name}")
    unit = min(arr.dtype.itemsize, 8)
    raw = arr.reshape(-1).view(f"u{unit}")
    return {"dtype": t.dtype.name, "shape": list(arr.shape)}, raw


def _unpack(entry, raw):
    """The tf.Tensor stored as ``raw`` (see ``_pack``), checked against its header entry."""
    dtype = tf.as_dtype(entry["dtype"])
    np_dtype = np.dtype(dtype.as_numpy_dtype)
    shape = tuple(int(n) for n in entry["shape"])
    if np_dtype.hasobject or raw.dtype.kind != "u" or raw.ndim != 1:
        raise ValueError("corrupt tensor file: unexpected stored array")
    if raw.size * raw.dtype.itemsize != math.prod(shape) * np_dtype.itemsize:
        raise ValueError("corrupt tensor file: size does not match shape and dtype")
    arr = np.ascontiguousarray(raw).view(np_dtype).reshape(shape)
    return tf.constant(arr, dtype=dtype)


def _write(path, kind, items):
    """Write ``[(key, tensor), ...]`` to ``path`` exactly (an open file object: no suffix added)."""
    entries, arrays = [], {}
    for i, (key, x) in enumerate(items):
        entry, raw = _pack(x)
        entry["key"] = key
        entries.append(entry)
        arrays[f"t{i}"] = raw
    header = json.dumps({"format": _FORMAT, "kind": kind, "entries": entries})
    arrays[_HEADER] = np.frombuffer(header.encode("utf-8"), dtype=np.uint8)
    with open(os.fspath(path), "wb") as f:
        np.savez(f, **arrays)


def _read(path, kind):
    """Read a file written by ``_write`` with the same ``kind``: ``[(key, tf.Tensor), ...]``."""
    with open(os.fspath(path), "rb") as f:
        # allow_pickle=False: a pickle (or an object array) raises ValueError.
        data = np.load(f, allow_pickle=False)
        if not isinstance(data, np.lib.npyio.NpzFile) or _HEADER not in data.files:
            raise ValueError(f"{os.fspath(path)!r} was not written by this module's save functions")
        with data:
            header = json.loads(bytes(data[_HEADER]).decode("utf-8"))
            if header.get("format") != _FORMAT or header.get("kind") != kind:
                raise ValueError(
                    f"{os.fspath(path)!r} holds {header.get('kind')!r} data, not {kind!r}"
                )
            return [
                (entry["key"], _unpack(entry, data[f"t{i}"]))
                for i, entry in enumerate(header["entries"])
            ]


def save_tensor(x, path):
    """Save one tensor to ``path`` (written exactly there, no suffix added)."""
    _write(path, "tensor", [(None, x)])


def load_tensor(path):
    """Load the tensor saved by ``save_tensor``: a ``tf.Tensor`` with the same values, dtype and shape.

    The book loads with ``np.load(..., allow_pickle=True)``, which runs any code
    a pickle in the file carries; loading here refuses pickles with an error.
    """
    ((_, t),) = _read(path, "tensor")
    return t


def save_tensors(xs, path):
    """Save a list (any sequence) of tensors to ``path``."""
    _write(path, "list", [(None, x) for x in xs])


def load_tensors(path):
    """Load the tensors saved by ``save_tensors``: a list of ``tf.Tensor`` in the saved order."""
    return [t for _, t in _read(path, "list")]


def save_tensor_dict(d, path):
    """Save a dict mapping ``str`` keys to tensors to ``path``."""
    for key in d:
        if not isinstance(key, str):
            raise TypeError(f"keys must be str, not {type(key).__name__}")
    _write(path, "dict", list(d.items()))


def load_tensor_dict(path):
    """Load the dict saved by ``save_tensor_dict``: same keys (and order), ``tf.Tensor`` values."""
    return dict(_read(path, "dict"))


def save_params(net, path):
    """Save every weight of a built ``net`` (``net.weights`` order, non-trainable ones included) to ``path``.

    Keras 3's ``net.save_weights`` insists on a ``.weights.h5`` suffix, so the
    values from ``net.get_weights()`` go into this module's own format, written
    exactly at ``path``.
    """
    _write(path, "params", [(w.path, v) for w, v in zip(net.weights, net.get_weights())])


def load_params(make_net, path, input_shape):
    """Return a fresh ``make_net()``, built by one dry call, holding the weights saved by ``save_params``.

    ``input_shape`` includes the batch axis as ``None`` (e.g. ``(None, 20)``);
    the dry call uses zeros with ``None`` replaced by 1. ``make_net`` may build a
    ``keras.Sequential`` or a subclassed ``keras.Model``: ``net.build(input_shape)``
    creates no weights in the latter, a dry call always does. Weights are assigned
    in ``net.weights`` order; a count or shape mismatch raises ``ValueError``.
    """
    values = [t.numpy() for _, t in _read(path, "params")]  # first: a bad file raises before a net is made
    net = make_net()
    net(tf.zeros([1 if n is None else n for n in input_shape]))
    net.set_weights(values)
    return net
