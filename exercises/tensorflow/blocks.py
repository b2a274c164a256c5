"""Layers and modules (d2l 6.1, "Layers and Modules"), TensorFlow / Keras 3 exercise.

Custom blocks are ``keras.Model`` subclasses whose ``__init__`` creates the
sub-layers and whose ``call`` is the forward pass; input sizes are inferred on
the first call.

Run `pytest exercises/tensorflow/blocks.py` to grade this file.
"""

import keras
import tensorflow as tf


class MLP(keras.Model):
    """Two-layer perceptron: ``call(X) = out(relu(hidden(X)))``.

    ``MLP(hidden=256, out_features=10)`` holds ``Dense(hidden)`` and
    ``Dense(out_features)``, both without activation (the ReLU is applied in
    ``call``); the input size is inferred on the first call. ``call`` uses
    TensorFlow / ``keras.ops`` operations only, so the gradient of the output
    reaches every weight (graded; numpy in ``call`` hides it from the tape).
    """

    def __init__(self, hidden=256, out_features=10, **kwargs):
        super().__init__(**kwargs)
        raise NotImplementedError('TODO: create Dense(hidden) and Dense(out_features), both without activation')

    def call(self, X):
        raise NotImplementedError('TODO: return out(relu(hidden(X)))')


class MySequential(keras.Model):
    """A hand-written ``keras.Sequential``: ``MySequential(*layers)``.

    Derived from ``keras.Model`` directly (not from ``keras.Sequential``); keeps
    the layers in a list attribute, which Keras 3 tracks, so ``trainable_weights``
    are the layers' weights in order (a layer given twice is called twice but
    its weights are listed once). ``call`` applies every layer in the order given.
    """

    def __init__(self, *layers, **kwargs):
        super().__init__(**kwargs)
        raise NotImplementedError('TODO: keep the layers, in the order given, in a list attribute (Keras 3 tracks it)')

    def call(self, X):
        raise NotImplementedError('TODO: apply every layer in order (a layer given twice runs twice) and return the result')


class FixedHiddenMLP(keras.Model):
    """d2l's block with a constant weight and a data-dependent loop; returns a scalar.

    ``rand_weight`` is a non-trainable (20, 20) weight drawn from uniform[0, 1),
    created with ``add_weight`` (Keras 3 does not track a ``tf.Variable``
    attribute); one ``Dense(20)`` without activation is used twice. ``call``:
    ``X = dense(X); X = relu(X @ rand_weight + 1); X = dense(X);
    while sum(|X|) > 1: X /= 2; return sum(X)``.
    The book's Python ``while`` on a tensor fails when Keras traces the block
    symbolically (inside ``keras.Sequential``, under ``tf.function``), so the
    halving loop is a ``tf.while_loop``, which runs eagerly and in graphs alike.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        raise NotImplementedError('TODO: rand_weight = self.add_weight((20, 20), uniform [0, 1), trainable=False); one Dense(20) without activation')

    def call(self, inputs):
        raise NotImplementedError('TODO: dense; relu(X @ rand_weight + 1); dense again; X /= 2 in a tf.while_loop while sum(|X|) > 1; return sum(X)')


class NestMLP(keras.Model):
    """A block holding a block: ``Sequential([Dense(64, relu), Dense(32, relu)])``, then ``Dense(16)``."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        raise NotImplementedError('TODO: keras.Sequential([Dense(64, relu), Dense(32, relu)]), then Dense(16)')

    def call(self, inputs):
        raise NotImplementedError('TODO: return dense16(net(X))')


def chimera():
    """Return ``keras.Sequential([NestMLP(), Dense(20), FixedHiddenMLP()])`` (new layers each call)."""
    raise NotImplementedError('TODO: return keras.Sequential([NestMLP(), Dense(20), FixedHiddenMLP()])')


class ParallelBlock(keras.Model):
    """``ParallelBlock(net1, net2)``: ``call(X) = concat([net1(X), net2(X)], axis=-1)``; both tracked."""

    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        raise NotImplementedError('TODO: keep net1 and net2 as attributes (so Keras tracks their weights)')

    def call(self, X):
        raise NotImplementedError('TODO: return tf.concat([net1(X), net2(X)], axis=-1)')


def repeat_block(make_block, n):
    """Return a ``keras.Sequential`` of ``n`` independent blocks, each from a fresh ``make_block()`` call.

    For ``n == 0`` it holds one ``keras.layers.Identity()`` (Keras 3 cannot
    call an empty ``Sequential``), so it returns its input, like PyTorch's
    empty ``nn.Sequential``.
    """
    raise NotImplementedError('TODO: return keras.Sequential of n fresh make_block() results (one Identity layer when n == 0)')
