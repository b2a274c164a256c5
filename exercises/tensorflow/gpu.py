"""GPUs (d2l 6.7, "GPUs"), TensorFlow / Keras 3 exercise.

Devices are name strings such as ``"/GPU:0"`` and ``"/CPU:0"``, usable in
``with tf.device(...)``. GPU counts are read on every call, never cached at
import. Names are compared as ``tf.DeviceSpec`` reads them, so ``"/GPU:0"``,
``"GPU:0"``, ``"/gpu:0"`` and ``"/device:GPU:0"`` are all the same device; a
``tf.device(...)`` context manager or a ``PhysicalDevice`` (whose name
``"/physical_device:GPU:0"`` ``tf.device`` rejects) is not a device name.
The graders fake machines with 0 to 12 GPUs; only ``placement`` needs a real
one (it is skipped without).

The exact rule of each unit: docs/units.md.

Run `pytest exercises/tensorflow/gpu.py` to grade this file.
"""

import tensorflow as tf


def num_gpus():
    """Return how many GPUs TensorFlow sees on this machine, as an int (0 without one).

    Ask TensorFlow's device configuration (``tf.config``) on every call:
    the count is never cached, at import or elsewhere.
    """
    raise NotImplementedError("TODO: count the GPUs TensorFlow sees, at call time (rule: docs/units.md, tensorflow.gpu.num_gpus)")


def try_gpu(i=0):
    """Return the name of GPU number ``i`` if that GPU exists, else ``"/CPU:0"``.

    GPUs are numbered from 0, so on a machine with two GPUs ``try_gpu(1)`` is
    ``"/GPU:1"``, while ``try_gpu(2)`` and any negative index give
    ``"/CPU:0"``. The default is GPU 0. The book returns ``tf.device(...)``
    context managers; name strings print and compare cleanly and still work
    in ``with tf.device(...)``.
    """
    raise NotImplementedError("TODO: return GPU i's name if it exists, else the CPU's (rule: docs/units.md, tensorflow.gpu.try_gpu)")


def try_all_gpus():
    """Return a list of the names of all GPUs, ``"/GPU:0"`` first, in index order; without a GPU, the list ``["/CPU:0"]``.

    That is what the book's docstring promises; d2l's current code returns
    an empty list on a machine without GPUs.
    """
    raise NotImplementedError("TODO: list every GPU's name, or the CPU's alone (rule: docs/units.md, tensorflow.gpu.try_all_gpus)")


def to_device(x, device):
    """Return a copy of the tensor ``x`` that lives on ``device`` (a name such as ``try_gpu()`` returns).

    The copy is a ``tf.Tensor`` with x's values, and computing with it on
    that device gives what the CPU gives. Keras 3 / TensorFlow tensors have
    no ``.to()`` method as PyTorch's do: a TensorFlow tensor lives on the
    device of the operation that made it, and ``tf.device`` chooses where
    operations run.
    """
    raise NotImplementedError("TODO: return a copy of x made on device (rule: docs/units.md, tensorflow.gpu.placement)")
