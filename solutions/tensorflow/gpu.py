"""GPUs (d2l 6.7, "GPUs"), TensorFlow / Keras 3 reference.

Devices are name strings such as ``"/GPU:0"`` and ``"/CPU:0"``, usable in
``with tf.device(...)``. GPU counts are read on every call, never cached at
import. Names are compared as ``tf.DeviceSpec`` reads them, so ``"/GPU:0"``,
``"GPU:0"``, ``"/gpu:0"`` and ``"/device:GPU:0"`` are all the same device; a
``tf.device(...)`` context manager or a ``PhysicalDevice`` (whose name
``"/physical_device:GPU:0"`` ``tf.device`` rejects) is not a device name.
"""

import tensorflow as tf


def num_gpus():
    """Return how many GPUs TensorFlow sees: ``len(tf.config.list_physical_devices("GPU"))``."""
    return len(tf.config.list_physical_devices("GPU"))


def try_gpu(i=0):
    """Return ``f"/GPU:{i}"`` if GPU ``i`` exists (``0 <= i < num_gpus()``), else ``"/CPU:0"``.

    The book returns ``tf.device(...)`` context managers; name strings print
    and compare cleanly and still work in ``with tf.device(...)``.
    """
    if 0 <= i < num_gpus():
        return f"/GPU:{i}"
    return "/CPU:0"


def try_all_gpus():
    """Return ``["/GPU:0", ..., "/GPU:n-1"]`` for every GPU, or ``["/CPU:0"]`` where there is none.

    That is what the book's docstring promises; d2l's current code returns
    ``[]`` without GPUs.
    """
    devices = [f"/GPU:{i}" for i in range(num_gpus())]
    return devices if devices else ["/CPU:0"]


def to_device(x, device):
    """Return a copy of tensor ``x`` placed on ``device``, made by ``tf.identity`` under ``tf.device(device)``.

    Keras 3 tensors have no ``.to()``; a copy made under ``tf.device`` lives
    on that device.
    """
    with tf.device(device):
        return tf.identity(x)
