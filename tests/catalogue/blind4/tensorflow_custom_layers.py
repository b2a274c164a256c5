"""Blind batch 4: mutants and variants of tensorflow/custom_layers.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("CenteredLayer", "[graph] Divides the sum by the static X.shape.num_elements(): exact eagerly and under a tf.function traced on a concrete input, but with an unknown batch size (keras.Sequential with keras.Input, predict, a None-batch signature) the element count is None and the call fails.", """
        import keras
        import tensorflow as tf

        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                return X - tf.reduce_sum(X) / X.shape.num_elements()
    """),
    Mutant("MyDense", "[random] Uses initializer='he_normal' for the weight ('He init for ReLU layers'): the name says normal, but Keras' HeNormal is a truncated normal (nothing beyond 2 standard deviations), which the contract rules out.", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(name="weight", shape=(input_shape[-1], self.units), initializer="he_normal")
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)
    """),
    Mutant("MyDense", "[random] Makes one keras.initializers.RandomNormal() at import and hands it to every MyDense ('one initializer is enough'): in Keras 3 an unseeded initializer object returns the same draw on every call, so all MyDense layers of one shape start with identical weights.", """
        import keras
        import tensorflow as tf

        _WEIGHT_INIT = keras.initializers.RandomNormal(mean=0.0, stddev=0.05)

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(name="weight", shape=(input_shape[-1], self.units), initializer=_WEIGHT_INIT)
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)
    """),
    Mutant("TensorReduction", "[plain] Symmetrises the weight as W + W^T over (i, j) and forgets the 1/2, so every output is twice sum_ij W[i, j, k] x_i x_j.", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(name="weight", shape=(in_features, in_features, out_features),
                                              initializer="random_normal")

            def call(self, X):
                sym = self.weight + tf.transpose(self.weight, [1, 0, 2])
                return tf.einsum("ijk,ni,nj->nk", sym, X, X)
    """),
    Mutant("FourierHalf", "[boundary] Zero-pads to the next power of two ('FFTs are fastest there') with rfft(fft_length=[2**m]) before keeping (d + 1) // 2 terms: exact for d = 1, 2, 4, 8, 16, ..., but for any other d the coefficients are those of the padded signal.", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                n = 1 << (d - 1).bit_length()
                return tf.signal.rfft(X, fft_length=[n])[..., : (d + 1) // 2]
    """),
]

VARIANTS = [
    Variant("TensorReduction", "[style] tf.einsum with the operands in another order, 'ni,ijk,nj->nk': the same contraction, the same weight.", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(name="weight", shape=(in_features, in_features, out_features),
                                              initializer="random_normal")

            def call(self, X):
                return tf.einsum("ni,ijk,nj->nk", X, self.weight, X)
    """),
    Variant("FourierHalf", "[style] Casts with tf.complex(X, zeros) and cuts the spectrum with tf.slice from a dynamic begin/size (k = d - d // 2 from tf.shape), so it also traces with unknown shapes.", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                spec = tf.signal.fft(tf.complex(X, tf.zeros_like(X)))
                shape = tf.shape(spec)
                d = shape[-1]
                k = d - d // 2
                begin = tf.zeros_like(shape)
                size = tf.concat([shape[:-1], [k]], axis=0)
                return tf.slice(spec, begin, size)
    """),
]
