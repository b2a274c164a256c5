"""Catalogue for tensorflow/custom_layers.py (Keras 3): CenteredLayer, MyDense, TensorReduction, FourierHalf."""

from tests.catalogue import Mutant, Variant

_MYDENSE_CALL = """
            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)
"""

MUTANTS = [
    # CenteredLayer
    Mutant("CenteredLayer", "Subtracts the mean over axis 0 only (per column), not over all elements.", """
        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                return X - tf.reduce_mean(X, axis=0)
    """),
    Mutant("CenteredLayer", "Subtracts the mean over the last axis only (per row).", """
        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                return X - tf.reduce_mean(X, axis=-1, keepdims=True)
    """),
    Mutant("CenteredLayer", "Also divides by the standard deviation (standardizes instead of centering).", """
        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                return (X - tf.reduce_mean(X)) / tf.math.reduce_std(X)
    """),
    Mutant("CenteredLayer", "Takes the mean with numpy (X.numpy().mean()): a constant to the tape, and no graph mode.", """
        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                return X - float(X.numpy().mean())
    """),
    Mutant("CenteredLayer", "Returns a numpy array instead of a tf tensor.", """
        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                x = X.numpy()
                return x - x.mean()
    """),
    Mutant("CenteredLayer", "Divides by int(tf.size(X)): right eagerly, but int() of a symbolic tensor breaks tf.function.", """
        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                return X - tf.reduce_sum(X) / int(tf.size(X))
    """),
    Mutant("CenteredLayer", "Keeps a trainable shift weight the layer should not have.", """
        class CenteredLayer(keras.layers.Layer):
            def build(self, input_shape):
                self.shift = self.add_weight(shape=(), initializer="zeros")

            def call(self, X):
                return X - tf.reduce_mean(X) + self.shift
    """),
    # MyDense
    Mutant("MyDense", "Bias drawn at random (random_normal) instead of zeros.", """
        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal")
                self.bias = self.add_weight(shape=(self.units,), initializer="random_normal")
    """ + _MYDENSE_CALL),
    Mutant("MyDense", "Creates the weight in __init__ with a fixed input size (20) instead of in build().", """
        class MyDense(keras.layers.Layer):
            def __init__(self, units, in_units=20, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(shape=(in_units, units), initializer="random_normal")
                self.bias = self.add_weight(shape=(units,), initializer="zeros")
    """ + _MYDENSE_CALL),
    Mutant("MyDense", "Forgets the ReLU: returns X @ weight + bias.", """
        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal")
                self.bias = self.add_weight(shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.matmul(X, self.weight) + self.bias
    """),
    Mutant("MyDense", "Applies the ReLU before adding the bias: relu(X @ weight) + bias.", """
        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal")
                self.bias = self.add_weight(shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight)) + self.bias
    """),
    Mutant("MyDense", "Kernel initialized glorot_uniform (Dense's default), not random normal.", """
        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(shape=(input_shape[-1], self.units), initializer="glorot_uniform")
                self.bias = self.add_weight(shape=(self.units,), initializer="zeros")
    """ + _MYDENSE_CALL),
    Mutant("MyDense", "Bias created with trainable=False.", """
        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal")
                self.bias = self.add_weight(shape=(self.units,), initializer="zeros", trainable=False)
    """ + _MYDENSE_CALL),
    Mutant("MyDense", "Uses self.weight.numpy() in call: the tape never sees the weight.", """
        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal")
                self.bias = self.add_weight(shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight.numpy()) + self.bias)
    """),
    Mutant("MyDense", "Adds the bias twice (invisible while the bias is still zero).", """
        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal")
                self.bias = self.add_weight(shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + 2 * self.bias)
    """),
    # TensorReduction
    Mutant("TensorReduction", "Contracts x only once: y[n, k] = sum_ij W[i, j, k] x[n, i].", """
        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(shape=(in_features, in_features, out_features),
                                              initializer="random_normal")

            def call(self, X):
                return tf.einsum("ijk,ni->nk", self.weight, X)
    """),
    Mutant("TensorReduction", "Weight created with trainable=False.", """
        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(shape=(in_features, in_features, out_features),
                                              initializer="random_normal", trainable=False)

            def call(self, X):
                return tf.einsum("ijk,ni,nj->nk", self.weight, X, X)
    """),
    Mutant("TensorReduction", "Reads self.weight.numpy() in call: no gradient reaches the weight.", """
        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(shape=(in_features, in_features, out_features),
                                              initializer="random_normal")

            def call(self, X):
                return tf.einsum("ijk,ni,nj->nk", self.weight.numpy(), X, X)
    """),
    Mutant("TensorReduction", "Sums over the batch as well: 'ijk,ni,nj->k' broadcast back to every row.", """
        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(shape=(in_features, in_features, out_features),
                                              initializer="random_normal")

            def call(self, X):
                y = tf.einsum("ijk,ni,nj->k", self.weight, X, X)
                return tf.zeros((tf.shape(X)[0], 1)) + y
    """),
    Mutant("TensorReduction", "Weight of shape (in_features, out_features): a plain linear map of x.", """
        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(shape=(in_features, out_features), initializer="random_normal")

            def call(self, X):
                return tf.matmul(X * X, self.weight)
    """),
    # FourierHalf
    Mutant("FourierHalf", "Keeps d // 2 coefficients instead of (d + 1) // 2.", """
        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                return tf.signal.fft(tf.cast(X, tf.complex64))[..., : X.shape[-1] // 2]
    """),
    Mutant("FourierHalf", "Uses tf.signal.rfft, which keeps d // 2 + 1 coefficients.", """
        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                return tf.signal.rfft(X)
    """),
    Mutant("FourierHalf", "Returns the magnitudes (tf.abs) instead of the complex coefficients.", """
        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                return tf.abs(tf.signal.fft(tf.cast(X, tf.complex64))[..., : (d + 1) // 2])
    """),
    Mutant("FourierHalf", "Transforms along the batch axis (fft of the transpose, not transposed back).", """
        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                return tf.transpose(tf.signal.fft(tf.cast(tf.transpose(X), tf.complex64)))[..., : (d + 1) // 2]
    """),
    Mutant("FourierHalf", "Uses numpy's FFT on X.numpy(): right values eagerly, but no graph mode and no gradient.", """
        import numpy as np

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                return tf.constant(np.fft.fft(X.numpy())[..., : (d + 1) // 2], dtype=tf.complex64)
    """),
    Mutant("FourierHalf", "Sizes the slice with int(tf.shape(X)[-1]): fine eagerly, breaks under tf.function.", """
        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = int(tf.shape(X)[-1])
                return tf.signal.fft(tf.cast(X, tf.complex64))[..., : (d + 1) // 2]
    """),
    Mutant("FourierHalf", "Returns a numpy array (np.fft.fft) instead of a tf tensor.", """
        import numpy as np

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                return np.fft.fft(np.asarray(X))[..., : (d + 1) // 2].astype(np.complex64)
    """),
    # added: rank-3 inputs
    Mutant("MyDense", "Sizes the weight from input_shape[1], the input size only for 2-D inputs.", """
        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(name="weight", shape=(input_shape[1], self.units),
                                              initializer="random_normal")
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)
    """),
]

VARIANTS = [
    Variant("CenteredLayer", "Mean as reduce_sum / size, via tf.subtract.", """
        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                return tf.subtract(X, tf.reduce_sum(X) / tf.cast(tf.size(X), X.dtype))
    """),
    Variant("CenteredLayer", "keras.ops.mean over every axis with keepdims, plus an explicit __init__.", """
        class CenteredLayer(keras.layers.Layer):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)

            def call(self, inputs):
                return inputs - keras.ops.mean(inputs, axis=tuple(range(len(inputs.shape))), keepdims=True)
    """),
    Variant("MyDense", "Initializer objects, bias created first, keras.ops.relu(keras.ops.matmul(...) + b).", """
        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.b = self.add_weight(shape=(self.units,), initializer=keras.initializers.Zeros(), name="b")
                self.w = self.add_weight(shape=(int(input_shape[-1]), self.units),
                                         initializer=keras.initializers.RandomNormal(stddev=1.0), name="w")

            def call(self, inputs):
                return keras.ops.relu(keras.ops.matmul(inputs, self.w) + self.b)
    """),
    Variant("MyDense", "The book's tf.random_normal_initializer, tf.maximum(..., 0) as the ReLU, nn.bias_add.", """
        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, X_shape):
                self.weight = self.add_weight(name="weight", shape=[X_shape[-1], self.units],
                                              initializer=tf.random_normal_initializer())
                self.bias = self.add_weight(name="bias", shape=[self.units], initializer=tf.zeros_initializer())

            def call(self, X):
                return tf.maximum(tf.nn.bias_add(X @ self.weight, self.bias), 0.0)
    """),
    Variant("TensorReduction", "Weight created in build(); the einsum with x's indices swapped (the form is symmetric).", """
        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.shape_w = (in_features, in_features, out_features)

            def build(self, input_shape):
                self.W = self.add_weight(shape=self.shape_w, initializer="random_normal")

            def call(self, X):
                return tf.einsum("ijk,nj,ni->nk", self.W, X, X)
    """),
    Variant("TensorReduction", "One matmul with W reshaped to (in, in * out), then a product and a sum over i.", """
        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.i, self.o = in_features, out_features
                self.weight = self.add_weight(shape=(in_features, in_features, out_features))

            def call(self, X):
                xw = tf.reshape(X @ tf.reshape(self.weight, (self.i, self.i * self.o)), (-1, self.i, self.o))
                return tf.reduce_sum(xw * X[:, :, None], axis=1)
    """),
    Variant("FourierHalf", "tf.signal.rfft sliced to (d + 1) // 2 (the same leading coefficients for real input).", """
        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                return tf.signal.rfft(X)[..., : (X.shape[-1] + 1) // 2]
    """),
    Variant("FourierHalf", "An explicit DFT matrix (complex64) for the first ceil(d / 2) frequencies.", """
        import math

        import numpy as np

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                t = np.arange(d)[:, None]
                k = np.arange(math.ceil(d / 2))[None, :]
                W = tf.constant(np.exp(-2j * np.pi * t * k / d), dtype=tf.complex64)
                return tf.matmul(tf.complex(X, tf.zeros_like(X)), W)
    """),
    Variant("MyDense", "tf.tensordot over the last axis (any rank), the bias created before the weight.", """
        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")
                self.weight = self.add_weight(name="weight", shape=(input_shape[-1], self.units),
                                              initializer=keras.initializers.RandomNormal(stddev=0.05))

            def call(self, X):
                return tf.nn.relu(tf.tensordot(X, self.weight, axes=[[-1], [0]]) + self.bias)
    """),
]
