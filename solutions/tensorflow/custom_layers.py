"""Custom layers (d2l 6.5, "Custom Layers"), TensorFlow / Keras 3 reference.

Weights are created with ``self.add_weight`` (in ``__init__`` when their shape
is known, in ``build(input_shape)`` when it depends on the input).

Every layer computes with TensorFlow ops on its input and its weights, so that
(as a Keras user expects of any layer) gradients reach the input and every
weight, and the layer works under ``tf.function`` (how ``model.fit`` and
``model.predict`` call it): no ``.numpy()``, no numpy functions on tensors, no
``int()`` of a tensor. Outputs are ``tf.Tensor``. Graders check the output, the
gradients and one call under ``tf.function``.
"""

import keras
import tensorflow as tf


class CenteredLayer(keras.layers.Layer):
    """A layer without parameters: ``call(X) = X - mean(X)``, the mean over all elements."""

    def call(self, X):
        return X - tf.reduce_mean(X)


class MyDense(keras.layers.Layer):
    """``MyDense(units)``: ``call(X) = relu(X @ weight + bias)``.

    ``build(input_shape)`` creates, with ``self.add_weight``, ``weight`` of
    shape ``(input_shape[-1], units)`` drawn from a random normal (any standard
    deviation, mean 0; not uniform, not truncated) and ``bias`` of shape
    ``(units,)`` filled with zeros; both trainable. No weight exists before the
    first call.
    """

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.weight = self.add_weight(
            name="weight", shape=(input_shape[-1], self.units), initializer="random_normal"
        )
        self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

    def call(self, X):
        return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)


class TensorReduction(keras.layers.Layer):
    """``TensorReduction(in_features, out_features)``: ``y[n, k] = sum_ij W[i, j, k] x[n, i] x[n, j]`` (d2l exercise).

    ``W`` is one trainable weight of shape ``(in_features, in_features,
    out_features)``, drawn from a random normal.
    """

    def __init__(self, in_features, out_features, **kwargs):
        super().__init__(**kwargs)
        self.weight = self.add_weight(
            name="weight",
            shape=(in_features, in_features, out_features),
            initializer="random_normal",
        )

    def call(self, X):
        return tf.einsum("ijk,ni,nj->nk", self.weight, X, X)


class FourierHalf(keras.layers.Layer):
    """No parameters: the first ``(d + 1) // 2`` FFT coefficients along the last axis of ``(n, d)`` input (d2l exercise).

    The (float32) input is cast to ``complex64`` and transformed with
    ``tf.signal.fft``; the result is complex.
    """

    def call(self, X):
        d = X.shape[-1]
        if d is None:
            d = tf.shape(X)[-1]
        return tf.signal.fft(tf.cast(X, tf.complex64))[..., : (d + 1) // 2]
