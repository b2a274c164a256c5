"""Blind mutants and variants of tensorflow/custom_layers.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ------------------------------------------------------------------ CenteredLayer
    Mutant("CenteredLayer", "[netkind] Subtracts the per-feature mean tf.reduce_mean(X, axis=0) instead of the mean over all elements.", """
        import keras
        import tensorflow as tf

        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                return X - tf.reduce_mean(X, axis=0)
    """),
    Mutant("CenteredLayer", "[netkind] Averages over axis=[0, 1] only, which is the full mean for rank-2 inputs but a per-channel mean on rank-3 ones.", """
        import keras
        import tensorflow as tf

        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                return X - tf.reduce_mean(X, axis=[0, 1])
    """),
    Mutant("CenteredLayer", "[gradient] Wraps the mean in tf.stop_gradient, so the gradient w.r.t. the input loses its -mean(grad) term.", """
        import keras
        import tensorflow as tf

        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                return X - tf.stop_gradient(tf.reduce_mean(X))
    """),
    Mutant("CenteredLayer", "[graph] Uses np.mean(X): works eagerly (with no gradient through the mean) but fails on the symbolic tensor under tf.function.", """
        import keras
        import numpy as np
        import tensorflow as tf

        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                return X - np.mean(X)
    """),
    Mutant("CenteredLayer", "[mode] Treats centring as a training-time normalisation: with training=False (predict, evaluate) it returns X unchanged.", """
        import keras
        import tensorflow as tf

        class CenteredLayer(keras.layers.Layer):
            def call(self, X, training=None):
                if training is False:
                    return tf.identity(X)
                return X - tf.reduce_mean(X)
    """),
    Mutant("CenteredLayer", "[repeat] Keeps the mean of the first eager call in a Python attribute and subtracts that same value on every later call.", """
        import keras
        import tensorflow as tf

        class CenteredLayer(keras.layers.Layer):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self._mu = None

            def call(self, X):
                mu = tf.reduce_mean(X)
                if self._mu is None:
                    if tf.executing_eagerly():
                        self._mu = tf.stop_gradient(mu)
                    return X - mu
                return X - self._mu
    """),
    Mutant("CenteredLayer", "[plain] Adds a trainable scalar offset (initialised to 0), so the layer is no longer weight-free.", """
        import keras
        import tensorflow as tf

        class CenteredLayer(keras.layers.Layer):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.offset = self.add_weight(name="offset", shape=(), initializer="zeros")

            def call(self, X):
                return X - tf.reduce_mean(X) + self.offset
    """),
    Mutant("CenteredLayer", "[boundary] 'For speed' takes the mean of the first 4096 elements only, which is wrong on any input with more elements.", """
        import keras
        import tensorflow as tf

        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                return X - tf.reduce_mean(tf.reshape(X, [-1])[:4096])
    """),
    # ------------------------------------------------------------------ MyDense
    Mutant("MyDense", "[netkind] Uses tf.einsum('ni,ij->nj', ...), which only accepts rank-2 inputs (a (b, t, in) input raises).", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(name="weight", shape=(input_shape[-1], self.units), initializer="random_normal")
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.einsum("ni,ij->nj", X, self.weight) + self.bias)
    """),
    Mutant("MyDense", "[netkind] Sizes the weight with input_shape[1] instead of input_shape[-1]: the same for (n, d), wrong (and crashing) for (b, t, d) inputs.", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(name="weight", shape=(input_shape[1], self.units), initializer="random_normal")
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)
    """),
    Mutant("MyDense", "[random] Omits the weight's initializer, so add_weight falls back to glorot_uniform (uniform, not normal).", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(name="weight", shape=(input_shape[-1], self.units))
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)
    """),
    Mutant("MyDense", "[random] Draws the weight from 'truncated_normal' (cut at 2 sigma), which the docstring rules out.", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(name="weight", shape=(input_shape[-1], self.units), initializer="truncated_normal")
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)
    """),
    Mutant("MyDense", "[random] Uses RandomNormal(seed=0) 'for reproducibility': a seeded Keras 3 initializer gives every MyDense of a shape the same weight.", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(
                    name="weight", shape=(input_shape[-1], self.units),
                    initializer=keras.initializers.RandomNormal(mean=0.0, stddev=0.05, seed=0),
                )
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)
    """),
    Mutant("MyDense", "[random] Initialises the bias with 'random_normal' too, instead of zeros.", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(name="weight", shape=(input_shape[-1], self.units), initializer="random_normal")
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="random_normal")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)
    """),
    Mutant("MyDense", "[gradient] Creates the zero bias with trainable=False, so it is not in trainable_weights and an optimizer never updates it.", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(name="weight", shape=(input_shape[-1], self.units), initializer="random_normal")
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros", trainable=False)

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)
    """),
    Mutant("MyDense", "[graph] Applies the ReLU as tf.convert_to_tensor(np.maximum(..., 0)): right values eagerly (with no gradient), but fails on the symbolic tensor under tf.function.", """
        import keras
        import numpy as np
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(name="weight", shape=(input_shape[-1], self.units), initializer="random_normal")
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.convert_to_tensor(np.maximum(tf.matmul(X, self.weight) + self.bias, 0.0))
    """),
    Mutant("MyDense", "[mode] Adds keras.layers.Dropout(0.1) after the ReLU: right when called directly or in predict, but randomly zeroes outputs when training=True (fit).", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units
                self.drop = keras.layers.Dropout(0.1)

            def build(self, input_shape):
                self.weight = self.add_weight(name="weight", shape=(input_shape[-1], self.units), initializer="random_normal")
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X, training=None):
                return self.drop(tf.nn.relu(tf.matmul(X, self.weight) + self.bias), training=training)
    """),
    Mutant("MyDense", "[plain] Gives the bias shape (1, units): it broadcasts to the same outputs, but the contract's bias is (units,).", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(name="weight", shape=(input_shape[-1], self.units), initializer="random_normal")
                self.bias = self.add_weight(name="bias", shape=(1, self.units), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)
    """),
    Mutant("MyDense", "[plain] Applies the ReLU before adding the bias: relu(X @ weight) + bias (invisible while the bias is still zero).", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(name="weight", shape=(input_shape[-1], self.units), initializer="random_normal")
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight)) + self.bias
    """),
    # ------------------------------------------------------------------ TensorReduction
    Mutant("TensorReduction", "[gradient] Wraps the second copy of X in tf.stop_gradient, so the gradient w.r.t. the input misses half its terms.", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(name="weight", shape=(in_features, in_features, out_features), initializer="random_normal")

            def call(self, X):
                return tf.einsum("ijk,ni,nj->nk", self.weight, X, tf.stop_gradient(X))
    """),
    Mutant("TensorReduction", "[gradient] Creates the weight with trainable=False, so it is not among trainable_weights and training never changes it.", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(
                    name="weight", shape=(in_features, in_features, out_features),
                    initializer="random_normal", trainable=False,
                )

            def call(self, X):
                return tf.einsum("ijk,ni,nj->nk", self.weight, X, X)
    """),
    Mutant("TensorReduction", "[plain] Einsum typo 'ijk,ni,ni->nk': sums only the diagonal W[i, i, k] x[n, i]^2.", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(name="weight", shape=(in_features, in_features, out_features), initializer="random_normal")

            def call(self, X):
                return tf.einsum("ijk,ni,ni->nk", self.weight, X, X)
    """),
    Mutant("TensorReduction", "[netkind] Creates the weight as (in, out, out) by a typo: works only when in_features == out_features.", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(name="weight", shape=(in_features, out_features, out_features), initializer="random_normal")

            def call(self, X):
                return tf.einsum("ijk,ni,nj->nk", self.weight, X, X)
    """),
    Mutant("TensorReduction", "[plain] Stores the weight as (out, in, in) with einsum 'kij,ni,nj->nk': right outputs, but not the contract's (in, in, out) weight.", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(name="weight", shape=(out_features, in_features, in_features), initializer="random_normal")

            def call(self, X):
                return tf.einsum("kij,ni,nj->nk", self.weight, X, X)
    """),
    Mutant("TensorReduction", "[graph] Loops in Python over range(X.shape[0]): fine eagerly, but raises where the batch size is unknown (keras.Sequential, predict, a tf.function with a None batch).", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(name="weight", shape=(in_features, in_features, out_features), initializer="random_normal")

            def call(self, X):
                rows = [tf.einsum("ijk,i,j->k", self.weight, X[n], X[n]) for n in range(X.shape[0])]
                return tf.stack(rows)
    """),
    Mutant("TensorReduction", "[random] Omits the initializer, so add_weight uses glorot_uniform (uniform) instead of a random normal.", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(name="weight", shape=(in_features, in_features, out_features))

            def call(self, X):
                return tf.einsum("ijk,ni,nj->nk", self.weight, X, X)
    """),
    Mutant("TensorReduction", "[boundary] Calls tf.squeeze on the result, so batch size 1 or out_features 1 loses an axis.", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(name="weight", shape=(in_features, in_features, out_features), initializer="random_normal")

            def call(self, X):
                return tf.squeeze(tf.einsum("ijk,ni,nj->nk", self.weight, X, X))
    """),
    # ------------------------------------------------------------------ FourierHalf
    Mutant("FourierHalf", "[gradient] Runs np.fft.fft through tf.numpy_function (then casts to complex64): right values, works in graph mode, but no gradient reaches the input.", """
        import keras
        import numpy as np
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                F = tf.numpy_function(lambda a: np.fft.fft(a, axis=-1).astype(np.complex64), [X], tf.complex64)
                F = tf.reshape(F, tf.shape(X))
                return F[..., : (d + 1) // 2]
    """),
    Mutant("FourierHalf", "[graph] Takes d = int(tf.shape(X)[-1]): works eagerly, but int() of a symbolic tensor fails under tf.function.", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = int(tf.shape(X)[-1])
                return tf.signal.fft(tf.cast(X, tf.complex64))[..., : (d + 1) // 2]
    """),
    Mutant("FourierHalf", "[boundary] Keeps d // 2 coefficients instead of (d + 1) // 2: one too few for odd d.", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                return tf.signal.fft(tf.cast(X, tf.complex64))[..., : d // 2]
    """),
    Mutant("FourierHalf", "[boundary] Returns tf.signal.rfft(X) unsliced: d // 2 + 1 coefficients, one too many for even d.", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                return tf.signal.rfft(X)
    """),
    Mutant("FourierHalf", "[netkind] Uses tf.signal.fft2d, transforming the batch axis too: right only for batch size 1.", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                return tf.signal.fft2d(tf.cast(X, tf.complex64))[..., : (d + 1) // 2]
    """),
    Mutant("FourierHalf", "[netkind] Slices the first (batch) axis instead of the last: fft(X)[:(d + 1) // 2].", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                return tf.signal.fft(tf.cast(X, tf.complex64))[: (d + 1) // 2]
    """),
    Mutant("FourierHalf", "[type] Returns tf.abs of the coefficients, a real float32 tensor, not the complex coefficients.", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                return tf.abs(tf.signal.fft(tf.cast(X, tf.complex64))[..., : (d + 1) // 2])
    """),
    Mutant("FourierHalf", "[plain] Drops the DC term: keeps coefficients 1 .. (d + 1) // 2 instead of 0 .. (d + 1) // 2 - 1.", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                return tf.signal.fft(tf.cast(X, tf.complex64))[..., 1 : (d + 1) // 2 + 1]
    """),
]

VARIANTS = [
    # ------------------------------------------------------------------ CenteredLayer
    Variant("CenteredLayer", "[style] Written with keras.ops (subtract, mean), which on the TensorFlow backend return tf.Tensors and differentiate like tf ops.", """
        import keras
        from keras import ops

        class CenteredLayer(keras.layers.Layer):
            def call(self, inputs):
                return ops.subtract(inputs, ops.mean(inputs))
    """),
    Variant("CenteredLayer", "[style] Mean as reduce_sum / cast(size), and a training argument it accepts but ignores.", """
        import keras
        import tensorflow as tf

        class CenteredLayer(keras.layers.Layer):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)

            def call(self, X, training=None):
                n = tf.cast(tf.size(X), X.dtype)
                return tf.math.subtract(X, tf.reduce_sum(X) / n)
    """),
    Variant("CenteredLayer", "[style] Reduces over tf.range(tf.rank(X)) with keepdims=True; the (1, ..., 1) mean broadcasts like the scalar one.", """
        import keras
        import tensorflow as tf

        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                mu = tf.reduce_mean(X, axis=tf.range(tf.rank(X)), keepdims=True)
                return X - mu
    """),
    # ------------------------------------------------------------------ MyDense
    Variant("MyDense", "[style] Creates the bias before the weight, with initializer objects (Zeros, RandomNormal(stddev=1.0)), and computes with keras.ops.", """
        import keras
        from keras import ops

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.n_out = int(units)

            def build(self, input_shape):
                self.bias = self.add_weight(shape=(self.n_out,), initializer=keras.initializers.Zeros(), name="bias")
                self.weight = self.add_weight(
                    shape=(input_shape[-1], self.n_out),
                    initializer=keras.initializers.RandomNormal(mean=0.0, stddev=1.0),
                    name="weight",
                )

            def call(self, X):
                return ops.relu(ops.matmul(X, self.weight) + self.bias)
    """),
    Variant("MyDense", "[style] tf.tensordot(X, W, axes=1) (any rank), tf.nn.bias_add, an explicit super().build() and trainable=True spelled out.", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                in_dim = input_shape[-1]
                self.weight = self.add_weight(name="weight", shape=(in_dim, self.units),
                                              initializer="random_normal", trainable=True)
                self.bias = self.add_weight(name="bias", shape=(self.units,),
                                            initializer="zeros", trainable=True)
                super().build(input_shape)

            def call(self, inputs):
                return tf.nn.relu(tf.nn.bias_add(tf.tensordot(inputs, self.weight, axes=1), self.bias))
    """),
    # ------------------------------------------------------------------ TensorReduction
    Variant("TensorReduction", "[style] keras.ops.einsum with i and j swapped ('jik,ni,nj->nk'): x^T W_k^T x equals x^T W_k x, so the result is the same.", """
        import keras
        from keras import ops

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.W = self.add_weight(
                    shape=(in_features, in_features, out_features),
                    initializer=keras.initializers.RandomNormal(stddev=1.0),
                    name="W",
                )

            def call(self, X):
                return ops.einsum("jik,ni,nj->nk", self.W, X, X)
    """),
    Variant("TensorReduction", "[style] Two steps: tensordot over i gives T[n, j, k] = sum_i x_i W[i, j, k], then reduce_sum(T * x_j) over j.", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.in_features, self.out_features = in_features, out_features
                self.weight = self.add_weight(name="weight", shape=(in_features, in_features, out_features),
                                              initializer="random_normal", trainable=True)

            def call(self, X):
                T = tf.tensordot(X, self.weight, axes=[[1], [0]])
                return tf.reduce_sum(T * X[:, :, tf.newaxis], axis=1)
    """),
    # ------------------------------------------------------------------ FourierHalf
    Variant("FourierHalf", "[style] tf.signal.rfft then slices: for real input its first coefficients equal fft's first (d + 1) // 2 (complex64).", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                if d is None:
                    d = tf.shape(X)[-1]
                return tf.signal.rfft(X)[..., : (d + 1) // 2]
    """),
    Variant("FourierHalf", "[style] Builds the input with tf.complex(X, zeros_like(X)) and keeps d - d // 2 (= (d + 1) // 2) coefficients with dynamic shapes only.", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, inputs):
                Z = tf.complex(inputs, tf.zeros_like(inputs))
                d = tf.shape(inputs)[-1]
                return tf.signal.fft(Z)[..., : d - d // 2]
    """),
    Variant("FourierHalf", "[style] Multiplies by an explicit DFT matrix exp(-2 pi i (j k mod d) / d) for the kept frequencies, built from tf ops (same values up to float rounding).", """
        import math
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = tf.shape(X)[-1]
                half = (d + 1) // 2
                j = tf.range(d)[:, None]
                k = tf.range(half)[None, :]
                phase = tf.cast((j * k) % d, tf.float64) * (-2.0 * math.pi) / tf.cast(d, tf.float64)
                dft = tf.cast(tf.complex(tf.cos(phase), tf.sin(phase)), tf.complex64)
                return tf.matmul(tf.cast(X, tf.complex64), dft)
    """),
]

# ---- judged by the lead after the first run (see tests/catalogue/__init__.py, judge)
from tests.catalogue import judge  # noqa: E402

MUTANTS, VARIANTS, JUDGED = judge(MUTANTS, VARIANTS, out_of_contract={
    "[random] Omits the initializer, so add_weight uses glorot_uniform":
        "the contract fixes TensorReduction's weight shape (in, in, out) only, not its initial distribution",
})
