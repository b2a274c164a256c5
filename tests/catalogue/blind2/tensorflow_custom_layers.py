"""Blind batch 2: mutants and variants of tensorflow/custom_layers.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ---------------------------------------------------------------- CenteredLayer
    Mutant("CenteredLayer", "[plain] Divides the total by the batch size X.shape[0] instead of the number of elements, so it subtracts d times the mean (and fails when the batch size is unknown).", """
        import keras
        import tensorflow as tf

        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                return X - tf.reduce_sum(X) / X.shape[0]
    """),
    Mutant("CenteredLayer", "[repeat] Subtracts a running mean (a non-trainable weight updated 0.9 / 0.1 on every call, BatchNorm style) instead of the mean of the current input, and so also holds a weight.", """
        import keras
        import tensorflow as tf

        class CenteredLayer(keras.layers.Layer):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.running = self.add_weight(name="running", shape=(), initializer="zeros", trainable=False)

            def call(self, X):
                self.running.assign(0.9 * self.running + 0.1 * tf.reduce_mean(X))
                return X - self.running
    """),
    Mutant("CenteredLayer", "[graph] Sums with Python's sum() over the flattened tensor: right values and gradient eagerly, but iterating a symbolic tensor fails under tf.function.", """
        import keras
        import tensorflow as tf

        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                flat = tf.reshape(X, [-1])
                return X - sum(flat) / tf.cast(tf.size(flat), X.dtype)
    """),
    # ---------------------------------------------------------------- MyDense
    Mutant("MyDense", "[random] Writes RandomNormal(1.0) meaning 'stddev 1', but the first argument is the mean, so the weight is drawn around 1, not 0.", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(
                    name="weight", shape=(input_shape[-1], self.units),
                    initializer=keras.initializers.RandomNormal(1.0),
                )
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)
    """),
    Mutant("MyDense", "[gradient] Adds tf.stop_gradient(self.bias) ('the bias is only an offset'): outputs are right, but the bias never gets a gradient.", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(
                    name="weight", shape=(input_shape[-1], self.units), initializer="random_normal"
                )
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + tf.stop_gradient(self.bias))
    """),
    Mutant("MyDense", "[plain] Creates the weight with trainable=False (copied from FixedHiddenMLP's constant), so only the bias is trainable.", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(
                    name="weight", shape=(input_shape[-1], self.units), initializer="random_normal",
                    trainable=False,
                )
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)
    """),
    # ---------------------------------------------------------------- TensorReduction
    Mutant("TensorReduction", "[plain] Averages instead of summing: divides the double contraction by in_features.", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.in_features = in_features
                self.weight = self.add_weight(
                    name="weight", shape=(in_features, in_features, out_features), initializer="random_normal"
                )

            def call(self, X):
                return tf.einsum("ijk,ni,nj->nk", self.weight, X, X) / self.in_features
    """),
    Mutant("TensorReduction", "[netkind] Contracts with one matmul against W reshaped to (in, in * out), but unpacks the product as (n, out, in) instead of (n, in, out), mixing the j and k axes (right only when out_features == 1).", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.in_features = in_features
                self.out_features = out_features
                self.weight = self.add_weight(
                    name="weight", shape=(in_features, in_features, out_features), initializer="random_normal"
                )

            def call(self, X):
                flat = tf.reshape(self.weight, (self.in_features, self.in_features * self.out_features))
                T = tf.reshape(tf.matmul(X, flat), (-1, self.out_features, self.in_features))
                return tf.reduce_sum(T * X[:, None, :], axis=-1)
    """),
    Mutant("TensorReduction", "[plain] Adds a trainable zero bias of shape (out,) 'like every layer', so the layer holds two weights instead of the one (in, in, out) weight.", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(
                    name="weight", shape=(in_features, in_features, out_features), initializer="random_normal"
                )
                self.bias = self.add_weight(name="bias", shape=(out_features,), initializer="zeros")

            def call(self, X):
                return tf.einsum("ijk,ni,nj->nk", self.weight, X, X) + self.bias
    """),
    # ---------------------------------------------------------------- FourierHalf
    Mutant("FourierHalf", "[boundary] Keeps round(d / 2) coefficients: Python rounds half to even, so d = 1 gives 0 and d = 5 gives 2 instead of (d + 1) // 2.", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                return tf.signal.fft(tf.cast(X, tf.complex64))[..., : round(d / 2)]
    """),
    Mutant("FourierHalf", "[plain] Uses the orthonormal FFT (divides by sqrt(d), numpy's norm='ortho' habit), so every coefficient is sqrt(d) times too small.", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                coeffs = tf.signal.fft(tf.cast(X, tf.complex64)) / tf.cast(tf.sqrt(float(d)), tf.complex64)
                return coeffs[..., : (d + 1) // 2]
    """),
    Mutant("FourierHalf", "[plain] Uses tf.signal.ifft, the inverse transform: the coefficients are conjugated and divided by d.", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                return tf.signal.ifft(tf.cast(X, tf.complex64))[..., : (d + 1) // 2]
    """),
]

VARIANTS = [
    Variant("TensorReduction", "[style] Contracts with the symmetrised weight (W + W^T over i, j) / 2: x^T W_k x equals x^T sym(W_k) x, and the weight's gradient x x^T is symmetric, so outputs and gradients are the same.", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(
                    name="weight", shape=(in_features, in_features, out_features), initializer="random_normal"
                )

            def call(self, X):
                W = 0.5 * (self.weight + tf.transpose(self.weight, (1, 0, 2)))
                return tf.einsum("ijk,ni,nj->nk", W, X, X)
    """),
    Variant("CenteredLayer", "[style] Subtracts the mean of the row means (keras.ops), which equals the mean over all elements because every row has the same length.", """
        import keras

        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                return X - keras.ops.mean(keras.ops.mean(X, axis=-1))
    """),
    Variant("MyDense", "[style] keras.ops.einsum('...i,ij->...j') (any rank) plus the bias, relu from keras.ops; weight and bias created in build() with initializer objects.", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(
                    name="weight", shape=(input_shape[-1], self.units),
                    initializer=keras.initializers.RandomNormal(mean=0.0, stddev=0.05),
                )
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer=keras.initializers.Zeros())

            def call(self, X):
                return keras.ops.relu(keras.ops.einsum("...i,ij->...j", X, self.weight) + self.bias)
    """),
    Variant("FourierHalf", "[style] Keeps -(-d // 2) (= ceil(d / 2) = (d + 1) // 2) coefficients with tf.gather on the last axis.", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                if d is None:
                    d = tf.shape(X)[-1]
                coeffs = tf.signal.fft(tf.complex(X, tf.zeros_like(X)))
                return tf.gather(coeffs, tf.range(-(-d // 2)), axis=-1)
    """),
]
