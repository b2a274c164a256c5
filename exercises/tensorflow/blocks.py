"""Layers and modules (d2l 6.1, "Layers and Modules"), TensorFlow / Keras 3 exercise.

A custom block is a ``keras.Model`` subclass: its ``__init__`` creates the
sub-layers it holds, and its ``call`` is the forward pass. Keras finds the
weights of a block through the layers assigned to its attributes. No block
here takes an input size: Keras infers it on the first call.

What a Keras user expects of every block (the graders check it where a unit
says so):

- ``call`` computes with TensorFlow / ``keras.ops`` operations only, so the
  gradient of the output reaches the input and every trainable weight (numpy
  inside ``call`` hides the computation from the gradient tape);
- calling a block again on the same input gives the same output;
- layers act on the last axis, so inputs of any rank work;
- a new block object has weights of its own, freshly drawn (nothing cached,
  nothing made at import, no fixed seed).

The exact rule of each unit: docs/units.md.

Run `pytest exercises/tensorflow/blocks.py` to grade this file.
"""

import keras
import tensorflow as tf


class MLP(keras.Model):
    """A multilayer perceptron with one hidden layer, written as a block.

    ``MLP(hidden=256, out_features=10)`` holds two fully connected layers
    (``keras.layers.Dense``): a hidden layer of ``hidden`` units and an output
    layer of ``out_features`` units, in that order, neither with an activation
    of its own. ``call(X)`` passes ``X`` through the hidden layer, applies ReLU
    to the result, then passes it through the output layer. An input of shape
    ``(n, d)`` gives an output of shape ``(n, out_features)``; an input of shape
    ``(n, t, d)`` gives ``(n, t, out_features)``.

    Graded: the output and its gradients with respect to the input and to
    every weight, given the reference's weights; the same output under
    ``tf.function`` with an unknown batch size, inside a ``keras.Sequential``
    and with ``training=True``; two MLPs share no weights and start from
    different ones.
    """

    def __init__(self, hidden=256, out_features=10, **kwargs):
        super().__init__(**kwargs)
        raise NotImplementedError("TODO: create the hidden and the output Dense layers (rule: docs/units.md, tensorflow.blocks.MLP)")

    def call(self, X):
        raise NotImplementedError("TODO: compute the forward pass: hidden layer, ReLU, output layer (rule: docs/units.md, tensorflow.blocks.MLP)")


class MySequential(keras.Model):
    """Your own ``keras.Sequential``: ``MySequential(*layers)``.

    Derive it from ``keras.Model`` itself, not from ``keras.Sequential``.
    ``call(X)`` feeds ``X`` through the given layers one after another, in the
    order they were given, and returns the last layer's output.

    Keras must see the layers: ``trainable_weights`` lists their weights in
    the order the layers were given. Keras 3 tracks layers held in a list
    attribute; a deque or a plain object holding them hides them from it.
    A layer object given twice runs twice, while its weights are listed once.
    ``self.layers`` lists such a layer only once, so it does not record the
    order of calls.

    A ``training`` flag passed to the container reaches its layers (graded
    with a layer that behaves differently when training). The container
    works under ``tf.function`` with an unknown batch size (how
    ``model.fit`` and ``model.predict`` call it): no Python decisions on
    tensor values or on the batch size.
    """

    def __init__(self, *layers, **kwargs):
        super().__init__(**kwargs)
        raise NotImplementedError("TODO: keep the given layers, in order, where Keras tracks them (rule: docs/units.md, tensorflow.blocks.MySequential)")

    def call(self, X):
        raise NotImplementedError("TODO: apply every layer in the order given and return the result (rule: docs/units.md, tensorflow.blocks.MySequential)")


class FixedHiddenMLP(keras.Model):
    """d2l's block with a constant weight and control flow in its forward pass; it returns a scalar.

    ``FixedHiddenMLP()`` holds:

    - ``rand_weight``: a (20, 20) weight drawn from the uniform distribution on
      [0, 1), drawn anew for every model (no fixed seed) and never trained. It
      is a weight Keras tracks: listed in the model's ``non_trainable_weights``
      and not in ``trainable_weights``. The book assigns a plain ``tf.Variable``
      to the attribute, which Keras 3 does not track; a layer creates the
      weights it tracks with its ``add_weight`` method. (Keras' initializer
      named 'random_uniform' draws from [-0.05, 0.05), not from [0, 1).)
    - one fully connected layer of 20 units without activation, used twice.

    ``call(X)`` for an input of shape (n, 20), with D the dense layer and R
    the constant weight: Y = D(ReLU(D(X) R + 1)), a matrix product with R; then,
    as long as the sum of the absolute values of Y's entries is greater than
    1, Y is halved; the result is the sum of Y's entries, a scalar.

    The book writes the halving loop as a Python ``while`` on a tensor. That
    fails when Keras traces the block symbolically (inside a
    ``keras.Sequential``, under ``tf.function`` as in ``model.fit``), and a
    Python loop guarded by ``tf.executing_eagerly()`` is skipped there. The
    loop must be one TensorFlow runs itself (``tf.while_loop``), which works
    eagerly and in graphs alike; it stops only on its condition (inputs at
    scale 1e7 need more than 30 halvings), and gradients flow through it.

    Graded: the weights above; the output and its gradients with respect to
    the input and the dense layer's weights, given the reference's weights;
    the same output under ``tf.function`` with an unknown batch size, inside
    a ``keras.Sequential`` and with ``training=True``.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        raise NotImplementedError("TODO: create the constant rand_weight and the one dense layer (rule: docs/units.md, tensorflow.blocks.FixedHiddenMLP)")

    def call(self, inputs):
        raise NotImplementedError("TODO: compute the forward pass, the halving loop as a TensorFlow loop (rule: docs/units.md, tensorflow.blocks.FixedHiddenMLP)")


class NestMLP(keras.Model):
    """A block holding a block (d2l's NestMLP).

    ``NestMLP()`` holds two parts, used in this order:

    ==============================  =====  =====  ==========
    part                            layer  units  activation
    ==============================  =====  =====  ==========
    an inner ``keras.Sequential``   Dense  64     ReLU
                                    Dense  32     ReLU
    then, held by the block itself  Dense  16     none
    ==============================  =====  =====  ==========

    ``call(X)`` passes ``X`` through the inner Sequential, then through the
    last Dense. Every Dense acts on the last axis: an input of shape
    (n, t, d) gives (n, t, 16) (nothing is flattened). Two NestMLPs share no
    weights and start from different ones.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        raise NotImplementedError("TODO: create the inner Sequential and the last Dense (rule: docs/units.md, tensorflow.blocks.NestMLP)")

    def call(self, inputs):
        raise NotImplementedError("TODO: pass X through the inner Sequential, then the last Dense (rule: docs/units.md, tensorflow.blocks.NestMLP)")


def chimera():
    """Mix custom and built-in blocks: return a new ``keras.Sequential`` of three parts.

    ===  ==========================================
    #    part
    ===  ==========================================
    0    a ``NestMLP`` (this module's class)
    1    a Dense of 20 units, no activation
    2    a ``FixedHiddenMLP`` (this module's class)
    ===  ==========================================

    So ``chimera().layers[0]`` is a NestMLP, and the output is the
    FixedHiddenMLP's scalar. Every call builds new layers: two chimeras share
    nothing (nothing made at import, nothing cached).
    """
    raise NotImplementedError("TODO: build and return the three-part Sequential (rule: docs/units.md, tensorflow.blocks.chimera)")


class ParallelBlock(keras.Model):
    """d2l exercise: a parallel block. ``ParallelBlock(net1, net2)`` runs both nets on the same input.

    The output is the two nets' outputs concatenated along the last axis,
    ``net1``'s first. Both nets are tracked by Keras (``trainable_weights``
    holds the weights of both); the same net given as both arguments runs
    twice; the output's gradient reaches the input and both nets' weights; a
    ``training`` flag given to the block reaches both nets.
    """

    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        raise NotImplementedError("TODO: keep net1 and net2 where Keras tracks them (rule: docs/units.md, tensorflow.blocks.ParallelBlock)")

    def call(self, X):
        raise NotImplementedError("TODO: return both nets' outputs joined on the last axis (rule: docs/units.md, tensorflow.blocks.ParallelBlock)")


def repeat_block(make_block, n):
    """d2l exercise: build a larger network from ``n`` independent instances of one block.

    ``repeat_block(make_block, n)`` calls ``make_block()`` exactly ``n`` times
    and returns a sequential model (a ``keras.Sequential``, or your
    ``MySequential``) whose ``.layers`` are those ``n`` blocks, applied in that
    order. Two calls build two independent models (nothing cached).

    For ``n == 0`` the model returns its input unchanged, as PyTorch's empty
    ``nn.Sequential`` does. Keras 3 raises when an empty ``keras.Sequential``
    is called, so that case cannot be an empty Sequential.
    """
    raise NotImplementedError("TODO: build the sequential model of n fresh blocks (rule: docs/units.md, tensorflow.blocks.repeat_block)")
