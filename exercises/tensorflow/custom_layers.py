"""Custom layers (d2l 6.5, "Custom Layers"), TensorFlow / Keras 3 exercise.

A custom layer is a ``keras.layers.Layer`` subclass. Its weights are created
with ``self.add_weight``: in ``__init__`` when their shape is known there, in
``build(input_shape)`` when it depends on the input.

Every layer computes with TensorFlow ops on its input and its weights, so that
(as a Keras user expects of any layer) gradients reach the input and every
weight, and the layer works under ``tf.function`` (how ``model.fit`` and
``model.predict`` call it): no ``.numpy()``, no numpy functions on tensors, no
``int()`` of a tensor. Outputs are ``tf.Tensor``. Graders check the output, the
gradients, calls with ``training=True`` and ``training=False``, and one call
under ``tf.function`` with an unknown batch size.

The exact rule of each unit: docs/units.md.

Run `pytest exercises/tensorflow/custom_layers.py` to grade this file.
"""

import keras
import tensorflow as tf


class CenteredLayer(keras.layers.Layer):
    """A layer without weights that centres its input.

    The output has the input's shape: every element of ``X`` minus the mean
    of all of ``X``'s elements (one scalar mean over every axis, the batch
    axis included), so the output's elements sum to 0. Inputs of any rank.
    """

    def call(self, X):
        raise NotImplementedError("TODO: subtract the mean of all elements from X (rule: docs/units.md, tensorflow.custom_layers.CenteredLayer)")


class MyDense(keras.layers.Layer):
    """A fully connected layer with weights of its own: ``MyDense(units)``.

    Its two weights are created in ``build(input_shape)`` with
    ``self.add_weight`` (so none exists before the first call), both
    trainable:

    ==========  ===========================  ====================================
    attribute   shape                        initial values
    ==========  ===========================  ====================================
    ``weight``  (input size, ``units``)      random normal with mean 0 (any
                                             standard deviation; not uniform, not
                                             truncated), drawn anew for every
                                             layer (no fixed seed)
    ``bias``    (``units``,)                 zeros
    ==========  ===========================  ====================================

    The input size is the last axis of the input. The output is
    ReLU(X W + b), with W the weight and b the bias, the product running over
    X's last axis: an input of shape (n, d) gives (n, units), one of shape
    (n, t, d) gives (n, t, units).
    """

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        raise NotImplementedError("TODO: remember the number of units; the weights come in build() (rule: docs/units.md, tensorflow.custom_layers.MyDense)")

    def build(self, input_shape):
        raise NotImplementedError("TODO: create the weight and the bias, sized from the input's last axis (rule: docs/units.md, tensorflow.custom_layers.MyDense)")

    def call(self, X):
        raise NotImplementedError("TODO: compute ReLU of X times the weight plus the bias (rule: docs/units.md, tensorflow.custom_layers.MyDense)")


class TensorReduction(keras.layers.Layer):
    """d2l exercise: a layer computing a tensor reduction, ``TensorReduction(in_features, out_features)``.

    For every row x of an input of shape (n, in_features) it returns
    y_k = sum over i and j of W[i, j, k] * x_i * x_j, for k = 0, ...,
    out_features - 1: an output of shape (n, out_features). ``W`` is the
    layer's one trainable weight, of shape (in_features, in_features,
    out_features), drawn from a random normal when the layer is made.
    """

    def __init__(self, in_features, out_features, **kwargs):
        super().__init__(**kwargs)
        raise NotImplementedError("TODO: create the weight W (rule: docs/units.md, tensorflow.custom_layers.TensorReduction)")

    def call(self, X):
        raise NotImplementedError("TODO: compute the tensor reduction for every row of X (rule: docs/units.md, tensorflow.custom_layers.TensorReduction)")


class FourierHalf(keras.layers.Layer):
    """d2l exercise: a layer without weights that returns the leading half of the Fourier coefficients of the data.

    For a float32 input of shape (n, d), each row's discrete Fourier
    transform is taken along the last axis, and its first ceil(d / 2)
    coefficients are kept (3 of 6, 3 of 5, 1 of 1): the output has shape
    (n, ceil(d / 2)) and the complex dtype complex64.
    """

    def call(self, X):
        raise NotImplementedError("TODO: return the leading half of each row's Fourier coefficients (rule: docs/units.md, tensorflow.custom_layers.FourierHalf)")
