"""Lazy initialization (d2l 6.4, "Lazy Initialization"), TensorFlow / Keras 3 exercise.

A Keras ``Dense`` layer that is given no input shape creates its kernel on
its first call, sized from the last axis of the input it receives.

The exact rule of each unit: docs/units.md.

Run `pytest exercises/tensorflow/lazy_init.py` to grade this file.
"""

import keras
import tensorflow as tf


def lazy_mlp(hidden=256, out_features=10):
    """Return a ``keras.Sequential`` MLP whose input size is inferred on its first call.

    =====  =====  ================  ==========
    #      layer  units             activation
    =====  =====  ================  ==========
    0      Dense  ``hidden``        ReLU
    1      Dense  ``out_features``  none
    =====  =====  ================  ==========

    No input shape is given anywhere, so no layer is built and no layer has
    weights before the first call. After a call on an input of shape (n, d)
    the first kernel has shape (d, hidden) and the output shape
    (n, out_features). The net is trainable, computes the same with
    ``training=True`` and under ``tf.function``, and every new net draws its
    own weights (no fixed seed).
    """
    raise NotImplementedError("TODO: build the two-layer Sequential without an input shape (rule: docs/units.md, tensorflow.lazy_init.lazy_mlp)")


def all_lazy_mlp(hidden=256, out_features=10):
    """d2l exercise: the same MLP (``hidden`` units with ReLU, then ``out_features`` units), with every layer lazy.

    No layer is given an input size: each layer's weights are created at the
    first call, from the shape of the input that reaches it. (In PyTorch only
    layers of the ``Lazy*`` kinds defer their sizes; in Keras, a layer given
    no input shape already does.)
    """
    raise NotImplementedError("TODO: build the MLP with every layer lazy (rule: docs/units.md, tensorflow.lazy_init.all_lazy_mlp)")


def materialize(net, in_features):
    """Create every weight a lazy ``net`` still lacks, for inputs of ``in_features`` features; return ``net`` itself.

    ``net`` is any Keras model taking inputs of shape (n, in_features): a
    ``keras.Sequential`` or a subclassed ``keras.Model`` (both are graded).
    Afterwards:

    - every layer has its weights, of the shapes such an input gives;
    - they hold what the net's own initializers give, and nothing else
      changed: a BatchNormalization's moving statistics keep their initial
      values (creating the weights is no training step);
    - a net that was built already keeps its weights as they were;
    - the object returned is ``net`` itself (not a copy, not a new model
      wrapping it), still trainable and computing what it computed before;
    - two fresh nets get different weights (no seeding).

    ``Model.build(shape)`` is not enough: on a subclassed Keras 3 model it
    marks the model built without creating its layers' weights (so
    ``net.built`` says nothing either), and building the layers one by one
    would need each layer's input size, which only the data reaching it
    tells.
    """
    raise NotImplementedError("TODO: create every missing weight of net, then return net (rule: docs/units.md, tensorflow.lazy_init.materialize)")
