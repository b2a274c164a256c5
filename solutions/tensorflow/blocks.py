"""Layers and modules (d2l 6.1, "Layers and Modules"), TensorFlow / Keras 3 reference.

Custom blocks are ``keras.Model`` subclasses whose ``__init__`` creates the
sub-layers and whose ``call`` is the forward pass; input sizes are inferred on
the first call.
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
        self.hidden = keras.layers.Dense(hidden)
        self.out = keras.layers.Dense(out_features)

    def call(self, X):
        return self.out(tf.nn.relu(self.hidden(X)))


class MySequential(keras.Model):
    """A hand-written ``keras.Sequential``: ``MySequential(*layers)``.

    Derived from ``keras.Model`` directly (not from ``keras.Sequential``); keeps
    the layers in a list attribute, which Keras 3 tracks, so ``trainable_weights``
    are the layers' weights in order (a layer given twice is called twice but
    its weights are listed once). ``call`` applies every layer in the order given.
    """

    def __init__(self, *layers, **kwargs):
        super().__init__(**kwargs)
        self.blocks = list(layers)

    def call(self, X):
        for block in self.blocks:
            X = block(X)
        return X


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
        self.rand_weight = self.add_weight(
            name="rand_weight",
            shape=(20, 20),
            initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0),
            trainable=False,
        )
        self.dense = keras.layers.Dense(20)

    def call(self, inputs):
        X = self.dense(inputs)
        X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
        X = self.dense(X)
        (X,) = tf.while_loop(
            lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,)
        )
        return tf.reduce_sum(X)


class NestMLP(keras.Model):
    """A block holding a block: ``Sequential([Dense(64, relu), Dense(32, relu)])``, then ``Dense(16)``."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.net = keras.Sequential(
            [
                keras.layers.Dense(64, activation="relu"),
                keras.layers.Dense(32, activation="relu"),
            ]
        )
        self.dense = keras.layers.Dense(16)

    def call(self, inputs):
        return self.dense(self.net(inputs))


def chimera():
    """Return ``keras.Sequential([NestMLP(), Dense(20), FixedHiddenMLP()])`` (new layers each call)."""
    return keras.Sequential([NestMLP(), keras.layers.Dense(20), FixedHiddenMLP()])


class ParallelBlock(keras.Model):
    """``ParallelBlock(net1, net2)``: ``call(X) = concat([net1(X), net2(X)], axis=-1)``; both tracked."""

    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.net1 = net1
        self.net2 = net2

    def call(self, X):
        return tf.concat([self.net1(X), self.net2(X)], axis=-1)


def repeat_block(make_block, n):
    """Return a ``keras.Sequential`` of ``n`` independent blocks, each from a fresh ``make_block()`` call.

    For ``n == 0`` it holds one ``keras.layers.Identity()`` (Keras 3 cannot
    call an empty ``Sequential``), so it returns its input, like PyTorch's
    empty ``nn.Sequential``.
    """
    blocks = [make_block() for _ in range(n)]
    return keras.Sequential(blocks or [keras.layers.Identity()])
