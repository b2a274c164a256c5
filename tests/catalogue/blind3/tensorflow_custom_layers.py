"""Blind batch 3: mutants and variants of tensorflow/custom_layers.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("CenteredLayer", "[netkind] Subtracts each row's mean (reduce_mean over axis -1, keepdims=True) instead of the mean over all elements, so rows are centred separately.", """
        import keras
        import tensorflow as tf

        class CenteredLayer(keras.layers.Layer):
            def call(self, X):
                return X - tf.reduce_mean(X, axis=-1, keepdims=True)
    """),
    Mutant("MyDense", "[plain] Stores the weight PyTorch-style as (units, in) and computes tf.matmul(X, weight, transpose_b=True): right outputs, but the contract's weight is (in, units).", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(
                    name="weight", shape=(self.units, input_shape[-1]), initializer="random_normal")
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight, transpose_b=True) + self.bias)
    """),
    Mutant("MyDense", "[boundary] Copy slip in build: the weight shape is (self.units, self.units), so the layer only works when the input width equals units.", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(
                    name="weight", shape=(self.units, self.units), initializer="random_normal")
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)
    """),
    Mutant("TensorReduction", "[netkind] Einsum typo 'ijk,ni,mj->nk' (the second x gets its own batch index): right for batch size 1, but for larger batches every row mixes in the other examples.", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(
                    name="weight", shape=(in_features, in_features, out_features),
                    initializer="random_normal")

            def call(self, X):
                return tf.einsum("ijk,ni,mj->nk", self.weight, X, X)
    """),
    Mutant("FourierHalf", "[type] Casts the input to complex128 ('no precision lost'), so a float32 input gives complex128 coefficients instead of complex64.", """
        import keras
        import tensorflow as tf

        class FourierHalf(keras.layers.Layer):
            def call(self, X):
                d = X.shape[-1]
                if d is None:
                    d = tf.shape(X)[-1]
                return tf.signal.fft(tf.cast(X, tf.complex128))[..., : (d + 1) // 2]
    """),
    Mutant("MyDense", "[random] Creates the bias with initializer='ones' ('a positive offset keeps ReLUs alive') instead of zeros.", """
        import keras
        import tensorflow as tf

        class MyDense(keras.layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.weight = self.add_weight(
                    name="weight", shape=(input_shape[-1], self.units), initializer="random_normal")
                self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="ones")

            def call(self, X):
                return tf.nn.relu(tf.matmul(X, self.weight) + self.bias)
    """),
]

VARIANTS = [
    Variant("TensorReduction", "[style] Forms the per-example outer products X[:, :, None] * X[:, None, :] and contracts them with the weight by tf.tensordot over both input axes.", """
        import keras
        import tensorflow as tf

        class TensorReduction(keras.layers.Layer):
            def __init__(self, in_features, out_features, **kwargs):
                super().__init__(**kwargs)
                self.weight = self.add_weight(
                    name="weight", shape=(in_features, in_features, out_features),
                    initializer=keras.initializers.RandomNormal(stddev=1.0))

            def call(self, X):
                outer = X[:, :, None] * X[:, None, :]
                return tf.tensordot(outer, self.weight, axes=[[1, 2], [0, 1]])
    """),
]
