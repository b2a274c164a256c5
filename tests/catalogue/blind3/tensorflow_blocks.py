"""Blind batch 3: mutants and variants of tensorflow/blocks.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ------------------------------------------------------------------ MLP
    Mutant("MLP", "[netkind] Builds the hidden Dense for d2l's 20 input features in __init__ (self.hidden.build((None, 20))), so the input size is not inferred: any other input width fails.", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden)
                self.hidden.build((None, 20))
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                return self.out(tf.nn.relu(self.hidden(X)))
    """),

    # ------------------------------------------------------------------ MySequential
    Mutant("MySequential", "[plain] Loop typo: every layer is called on the original input (out = block(X)), so the result is only the last layer applied to X (and widths must all match).", """
        import keras

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(layers)

            def call(self, X):
                out = X
                for block in self.blocks:
                    out = block(X)
                return out
    """),

    # ------------------------------------------------------------------ FixedHiddenMLP
    Mutant("FixedHiddenMLP", "[plain] Keeps the tf.while_loop result in a new name but returns tf.reduce_sum of the un-halved X, so the loop's work is thrown away and the sum can be far above 1.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(0.0, 1.0), trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (halved,) = tf.while_loop(
                    lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[netkind] Multiplies element-wise (X * rand_weight) instead of matmul: a (1, 20) input broadcasts to a (20, 20) product and runs, other batch sizes fail.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(0.0, 1.0), trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(X * self.rand_weight + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(
                    lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[plain] Returns tf.reduce_mean(X) instead of tf.reduce_sum(X) after the loop, so the scalar is n * 20 times too small.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(0.0, 1.0), trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(
                    lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_mean(X)
    """),

    # ------------------------------------------------------------------ ParallelBlock
    Mutant("ParallelBlock", "[plain] Copy-paste slip: concatenates net1(X) with net1(X), so net2 is tracked but never used (invisible when both nets compute the same thing).", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1 = net1
                self.net2 = net2

            def call(self, X):
                return tf.concat([self.net1(X), self.net1(X)], axis=-1)
    """),

    # ------------------------------------------------------------------ repeat_block
    Mutant("repeat_block", "[plain] Builds the blocks with map(make_block, range(n)), which calls make_block(i) with an index, so a zero-argument make_block raises TypeError for n >= 1.", """
        import keras

        def repeat_block(make_block, n):
            blocks = list(map(make_block, range(n)))
            return keras.Sequential(blocks or [keras.layers.Identity()])
    """),
    Mutant("ParallelBlock", "[netkind] Concatenates on the input's last axis (axis=len(X.shape) - 1) instead of the outputs': the same whenever both nets keep the input's rank, wrong (or raising) when they change it, e.g. nets that flatten a (n, t, d) input.", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1 = net1
                self.net2 = net2

            def call(self, X):
                return tf.concat([self.net1(X), self.net2(X)], axis=len(X.shape) - 1)
    """),
    Mutant("FixedHiddenMLP", "[random] Draws rand_weight from RandomNormal(0, 1) ('a random constant') instead of uniform on [0, 1), so the constant has negative entries.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomNormal(0.0, 1.0), trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(
                    lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
]

VARIANTS = [
    Variant("MLP", "[style] Gives the hidden Dense activation='relu' and applies no separate ReLU in call: the forward is still out(relu(hidden(X))) with two Dense layers.", """
        import keras

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden, activation="relu")
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                return self.out(self.hidden(X))
    """),
    Variant("MySequential", "[style] Keeps the layers in a dict keyed by str(index) (Keras 3 tracks dicts in insertion order) and iterates its values, so order and repeats are kept.", """
        import keras

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.by_index = {str(i): layer for i, layer in enumerate(layers)}

            def call(self, X):
                for layer in self.by_index.values():
                    X = layer(X)
                return X
    """),
]
