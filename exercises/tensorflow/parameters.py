"""Parameter management (d2l 6.2, "Parameter Management"), TensorFlow / Keras 3 exercise.

Access weights through ``layer.weights`` / ``layer.kernel`` / ``layer.bias``;
re-initialize or edit them by assigning to the variables in place, so that
anything holding them (an optimizer, a tied layer) sees the new values.

Run `pytest exercises/tensorflow/parameters.py` to grade this file.
"""

import keras
import tensorflow as tf


def layer_weights(net, i):
    """Return ``net.layers[i].weights``: the layer's variables themselves (kernel, then bias), not copies."""
    raise NotImplementedError('TODO: return net.layers[i].weights')


def weight_shapes(net):
    """Return ``[tuple(w.shape), ...]`` for every weight of ``net``, in ``net.weights`` order."""
    raise NotImplementedError('TODO: return [tuple(w.shape) for w in net.weights]')


def nested_weight(net, path, name):
    """Follow ``.layers[i]`` for each ``i`` in ``path``, then return that layer's ``kernel`` or ``bias`` variable.

    E.g. ``nested_weight(rgnet(), (0, 1, 1), "bias")`` is
    ``net.layers[0].layers[1].layers[1].bias``. ``name`` must be ``"kernel"``
    or ``"bias"`` (anything else raises ``ValueError``).
    """
    raise NotImplementedError("TODO: follow .layers[i] for each i in path, return that layer's kernel or bias (other names: ValueError)")


def block1(name):
    """Return ``keras.Sequential([Flatten(), Dense(4, relu)], name=name)``, as in the d2l seed."""
    raise NotImplementedError('TODO: return keras.Sequential([Flatten(), Dense(4, relu)], name=name)')


def block2():
    """Return a ``keras.Sequential`` of four ``block1`` named ``"block-0"`` ... ``"block-3"``.

    Keras 3 names layers through the ``name`` argument; the book's TF1
    ``tf.variable_scope`` no longer exists.
    """
    raise NotImplementedError('TODO: return keras.Sequential of block1(f"block-{i}") for i in range(4)')


def rgnet():
    """Return ``keras.Sequential([block2(), Dense(1)])``: nested blocks, built on the first call."""
    raise NotImplementedError('TODO: return keras.Sequential([block2(), Dense(1)])')


def normal_init():
    """Return a kernel initializer drawing from N(0, 0.01) (standard deviation 0.01).

    For the three factories: an initializer is anything Keras accepts as
    ``kernel_initializer``: a ``keras.initializers.Initializer`` instance (not
    the class) or any callable ``init(shape, dtype=None)`` returning a tensor of
    that shape and dtype. Graded by calling it on a non-square ``(300, 256)``
    shape in float32.
    """
    raise NotImplementedError('TODO: return an initializer drawing from N(0, 0.01)')


def xavier_init():
    """Return the Glorot (Xavier) uniform initializer: U(-a, a), ``a = sqrt(6 / (fan_in + fan_out))``."""
    raise NotImplementedError('TODO: return the Glorot (Xavier) uniform initializer')


def constant_init(value):
    """Return an initializer filling every entry with ``value``, in the dtype it is called with.

    ``value`` may be an int or a float: ``constant_init(2)(shape, dtype="float32")`` is float32.
    """
    raise NotImplementedError('TODO: return an initializer filling every entry with value')


class MyInit(keras.initializers.Initializer):
    """d2l's custom rule: draw U(-10, 10), then set entries with ``|w| < 5`` to 0.

    ``MyInit()(shape, dtype)`` returns a tensor of that shape and dtype (Keras'
    float type, ``keras.backend.floatx()``, when ``dtype`` is None or not
    given, as for Keras' own initializers), so non-zero entries lie in [5, 10]
    in absolute value.
    """

    def __call__(self, shape, dtype=None):
        raise NotImplementedError('TODO: draw U(-10, 10) with this shape and dtype, then set entries with |w| < 5 to 0')


def apply_init(net, kernel_init, bias_init=None):
    """Re-initialize every built ``Dense`` reachable in ``net`` (through nested models), in place; return ``net``.

    Keras' counterpart of PyTorch's ``net.apply(f)``: each kernel gets
    ``kernel.assign(kernel_init(kernel.shape, kernel.dtype))`` (and each bias
    likewise with ``bias_init``; biases are left untouched when ``bias_init`` is
    None). The variables stay the same objects, so an optimizer or a tied layer
    holding them sees the new values. A ``Dense`` used twice is initialized once;
    unbuilt ``Dense`` layers (no weights yet) are skipped. The book passes
    initializers at construction (``kernel_initializer=``); re-initializing a
    built net means assigning to its variables.
    """
    raise NotImplementedError('TODO: kernel.assign(kernel_init(shape, dtype)) on every built Dense, recursively; bias too unless bias_init is None')


def set_manually(net):
    """On the first ``Dense`` of ``net.layers``: ``kernel += 1``, then ``kernel[0, 0] = 42``; in place, return ``net``.

    Both edits assign to the existing variable (``kernel.assign(kernel + 1)``,
    ``kernel[0, 0].assign(42)``). The net must be built (raises ``ValueError``
    otherwise). The book indexes ``net.layers[1]`` because its nets start with
    ``Flatten``; here the first ``Dense`` is found by type.
    """
    raise NotImplementedError('TODO: first Dense of net.layers: kernel.assign(kernel + 1), then kernel[0, 0] = 42 by assign; return net')


def tied_net(width=8):
    """Return ``keras.Sequential([Dense(w, relu), shared, shared, Dense(1)])`` for ``(n, 4)`` inputs.

    ``shared = Dense(width, relu)`` is one object used twice: one set of weights
    (listed once in ``trainable_weights``, twice in ``net.layers``) whose
    gradient is the sum of both uses. Built for 4 input features.
    """
    raise NotImplementedError('TODO: keras.Sequential([Dense(w, relu), shared, shared, Dense(1)]) with ONE shared = Dense(w, relu)')
