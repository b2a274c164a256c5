"""Parameter management (d2l 6.2, "Parameter Management"), TensorFlow / Keras 3 reference.

Access weights through ``layer.weights`` / ``layer.kernel`` / ``layer.bias``;
re-initialize or edit them by assigning to the variables in place, so that
anything holding them (an optimizer, a tied layer) sees the new values.
"""

import keras
import tensorflow as tf


def layer_weights(net, i):
    """Return ``net.layers[i].weights``: the layer's variables themselves (kernel, then bias), not copies."""
    return net.layers[i].weights


def weight_shapes(net):
    """Return ``[tuple(w.shape), ...]`` for every weight of ``net``, in ``net.weights`` order."""
    return [tuple(w.shape) for w in net.weights]


def nested_weight(net, path, name):
    """Follow ``.layers[i]`` for each ``i`` in ``path``, then return that layer's ``kernel`` or ``bias`` variable.

    E.g. ``nested_weight(rgnet(), (0, 1, 1), "bias")`` is
    ``net.layers[0].layers[1].layers[1].bias``. ``name`` must be ``"kernel"``
    or ``"bias"`` (anything else raises ``ValueError``).
    """
    if name not in ("kernel", "bias"):
        raise ValueError(f"name must be 'kernel' or 'bias', not {name!r}")
    layer = net
    for i in path:
        layer = layer.layers[i]
    return getattr(layer, name)


def block1(name):
    """Return ``keras.Sequential([Flatten(), Dense(4, relu)], name=name)``, as in the d2l seed."""
    return keras.Sequential(
        [keras.layers.Flatten(), keras.layers.Dense(4, activation="relu")], name=name
    )


def block2():
    """Return a ``keras.Sequential`` of four ``block1`` named ``"block-0"`` ... ``"block-3"``.

    Keras 3 names layers through the ``name`` argument; the book's TF1
    ``tf.variable_scope`` no longer exists.
    """
    return keras.Sequential([block1(f"block-{i}") for i in range(4)])


def rgnet():
    """Return ``keras.Sequential([block2(), Dense(1)])``: nested blocks, built on the first call."""
    return keras.Sequential([block2(), keras.layers.Dense(1)])


def normal_init():
    """Return a kernel initializer drawing from N(0, 0.01) (standard deviation 0.01).

    For the three factories: an initializer is anything Keras accepts as
    ``kernel_initializer``: a ``keras.initializers.Initializer`` instance (not
    the class) or any callable ``init(shape, dtype=None)`` returning a tensor of
    that shape and dtype. Graded by calling it on a non-square ``(300, 256)``
    shape in float32.
    """
    return keras.initializers.RandomNormal(mean=0.0, stddev=0.01)


def xavier_init():
    """Return the Glorot (Xavier) uniform initializer: U(-a, a), ``a = sqrt(6 / (fan_in + fan_out))``."""
    return keras.initializers.GlorotUniform()


def constant_init(value):
    """Return an initializer filling every entry with ``value``, in the dtype it is called with.

    ``value`` may be an int or a float: ``constant_init(2)(shape, dtype="float32")`` is float32.
    """
    return keras.initializers.Constant(value)


class MyInit(keras.initializers.Initializer):
    """d2l's custom rule: draw U(-10, 10), then set entries with ``|w| < 5`` to 0.

    ``MyInit()(shape, dtype)`` returns a tensor of that shape and dtype (Keras'
    float type, ``keras.backend.floatx()``, when ``dtype`` is None or not
    given, as for Keras' own initializers), so non-zero entries lie in [5, 10]
    in absolute value.
    """

    def __call__(self, shape, dtype=None):
        dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
        data = tf.random.uniform(shape, minval=-10, maxval=10, dtype=dtype)
        return tf.where(tf.abs(data) < 5, tf.zeros_like(data), data)


def _sublayers(layer):
    """The direct sub-layers of ``layer``: ``.layers`` of models, tracked sub-layers of plain layers."""
    if hasattr(layer, "layers"):
        return layer.layers
    return layer._flatten_layers(include_self=False, recursive=False)


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
    seen = set()
    stack = [net]
    while stack:
        layer = stack.pop()
        if id(layer) in seen:
            continue
        seen.add(id(layer))
        if isinstance(layer, keras.layers.Dense):
            if layer.built:
                kernel = layer.kernel
                kernel.assign(kernel_init(tuple(kernel.shape), kernel.dtype))
                if bias_init is not None and layer.bias is not None:
                    bias = layer.bias
                    bias.assign(bias_init(tuple(bias.shape), bias.dtype))
        else:
            stack.extend(_sublayers(layer))
    return net


def set_manually(net):
    """On the first ``Dense`` of ``net.layers``: ``kernel += 1``, then ``kernel[0, 0] = 42``; in place, return ``net``.

    Both edits assign to the existing variable (``kernel.assign(kernel + 1)``,
    ``kernel[0, 0].assign(42)``). The net must be built (raises ``ValueError``
    otherwise). The book indexes ``net.layers[1]`` because its nets start with
    ``Flatten``; here the first ``Dense`` is found by type.
    """
    dense = next((layer for layer in net.layers if isinstance(layer, keras.layers.Dense)), None)
    if dense is None:
        raise ValueError("set_manually: net.layers holds no Dense layer")
    if not dense.built:
        raise ValueError("set_manually: build the net first (call it once on an input)")
    kernel = dense.kernel
    kernel.assign(kernel + 1)
    kernel[0, 0].assign(42)
    return net


def tied_net(width=8):
    """Return ``keras.Sequential([Dense(w, relu), shared, shared, Dense(1)])`` for ``(n, 4)`` inputs.

    ``shared = Dense(width, relu)`` is one object used twice: one set of weights
    (listed once in ``trainable_weights``, twice in ``net.layers``) whose
    gradient is the sum of both uses. Built for 4 input features.
    """
    shared = keras.layers.Dense(width, activation="relu")
    return keras.Sequential(
        [
            keras.Input(shape=(4,)),
            keras.layers.Dense(width, activation="relu"),
            shared,
            shared,
            keras.layers.Dense(1),
        ]
    )
