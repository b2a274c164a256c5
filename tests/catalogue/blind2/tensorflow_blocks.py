"""Blind batch 2: mutants and variants of tensorflow/blocks.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ---------------------------------------------------------------- MLP
    Mutant("MLP", "[plain] Uses tf.nn.relu6 as 'a safer ReLU': identical while hidden activations stay below 6, but large inputs are clipped, so call(X) is not out(relu(hidden(X))).", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden)
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                return self.out(tf.nn.relu6(self.hidden(X)))
    """),
    Mutant("MLP", "[gradient] Freezes the output Dense (trainable=False, 'only the hidden layer needs training'), so its weights are not trainable and the tape gives them no gradient.", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden)
                self.out = keras.layers.Dense(out_features, trainable=False)

            def call(self, X):
                return self.out(tf.nn.relu(self.hidden(X)))
    """),
    Mutant("MLP", "[repeat] Keeps the Dense layers in a class-level cache keyed by (hidden, out_features), so a second MLP() shares the first one's layers and weights (and fails on another input width).", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            _parts = {}

            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                key = (hidden, out_features)
                if key not in MLP._parts:
                    MLP._parts[key] = (keras.layers.Dense(hidden), keras.layers.Dense(out_features))
                self.hidden, self.out = MLP._parts[key]

            def call(self, X):
                return self.out(tf.nn.relu(self.hidden(X)))
    """),
    # ---------------------------------------------------------------- MySequential
    Mutant("MySequential", "[netkind] Reshapes the input to 2-D (-1, d) 'so every block gets a matrix', so a rank-3 input (n, t, d) comes back as (n * t, out) instead of (n, t, out).", """
        import keras
        import tensorflow as tf

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(layers)

            def call(self, X):
                X = tf.reshape(X, (-1, X.shape[-1]))
                for block in self.blocks:
                    X = block(X)
                return X
    """),
    Mutant("MySequential", "[repeat] Declares `blocks = []` as a class attribute and extends it in __init__: every MySequential shares one list (a second container also runs the first one's layers), and Keras never tracks it, so trainable_weights is empty.", """
        import keras
        import tensorflow as tf

        class MySequential(keras.Model):
            blocks = []

            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks.extend(layers)

            def call(self, X):
                for block in self.blocks:
                    X = block(X)
                return X
    """),
    Mutant("MySequential", "[graph] Loops `for i in tf.range(len(self.blocks))` and indexes the list with the tensor: works eagerly, but raises when Keras traces it symbolically (inside keras.Sequential, under tf.function).", """
        import keras
        import tensorflow as tf

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(layers)

            def call(self, X):
                for i in tf.range(len(self.blocks)):
                    X = self.blocks[i](X)
                return X
    """),
    # ---------------------------------------------------------------- FixedHiddenMLP
    Mutant("FixedHiddenMLP", "[plain] Multiplies by the transpose of the constant (matmul(..., transpose_b=True)), so the hidden step is relu(X @ rand_weight.T + 1), not relu(X @ rand_weight + 1).", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0),
                    trainable=False,
                )
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight, transpose_b=True) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[plain] Misplaces a parenthesis: relu(X @ rand_weight) + 1 instead of relu(X @ rand_weight + 1).", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0),
                    trainable=False,
                )
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight)) + 1
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[plain] Returns the L1 norm reduce_sum(abs(X)) (the loop's own condition quantity) instead of sum(X), so negative outputs come back positive.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0),
                    trainable=False,
                )
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(tf.abs(X))
    """),
    Mutant("FixedHiddenMLP", "[random] Draws rand_weight from RandomUniform(-1, 1) ('a symmetric constant'), not uniform[0, 1).", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=-1.0, maxval=1.0),
                    trainable=False,
                )
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[repeat] Re-draws the constant into rand_weight (assign of a fresh uniform) at the start of every call: the weight always matches the last call, but the 'constant' changes from call to call.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0),
                    trainable=False,
                )
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                self.rand_weight.assign(tf.random.uniform((20, 20)))
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    # ---------------------------------------------------------------- NestMLP
    Mutant("NestMLP", "[repeat] Creates the inner keras.Sequential as a class attribute: every NestMLP shares it, and Keras does not track a class attribute, so its Dense(64)/Dense(32) weights are missing from the model's weights.", """
        import keras
        import tensorflow as tf

        class NestMLP(keras.Model):
            net = keras.Sequential([
                keras.layers.Dense(64, activation="relu"),
                keras.layers.Dense(32, activation="relu"),
            ])

            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.dense = keras.layers.Dense(16)

            def call(self, inputs):
                return self.dense(self.net(inputs))
    """),
    Mutant("NestMLP", "[gradient] Freezes the inner Sequential (trainable=False, 'a fixed feature extractor'), so the Dense(64)/Dense(32) weights are not trainable and get no gradient.", """
        import keras
        import tensorflow as tf

        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.net = keras.Sequential([
                    keras.layers.Dense(64, activation="relu"),
                    keras.layers.Dense(32, activation="relu"),
                ])
                self.net.trainable = False
                self.dense = keras.layers.Dense(16)

            def call(self, inputs):
                return self.dense(self.net(inputs))
    """),
    Mutant("NestMLP", "[plain] Gives the inner layers use_bias=False, so Dense(64) and Dense(32) have no bias (the contract's Dense layers do).", """
        import keras
        import tensorflow as tf

        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.net = keras.Sequential([
                    keras.layers.Dense(64, activation="relu", use_bias=False),
                    keras.layers.Dense(32, activation="relu", use_bias=False),
                ])
                self.dense = keras.layers.Dense(16)

            def call(self, inputs):
                return self.dense(self.net(inputs))
    """),
    # ---------------------------------------------------------------- chimera
    Mutant("chimera", "[repeat] Makes one FixedHiddenMLP at import ('the constant part never changes') and puts it in every chimera(), so different chimeras share its Dense and rand_weight.", """
        import keras

        _FIXED = FixedHiddenMLP()

        def chimera():
            return keras.Sequential([NestMLP(), keras.layers.Dense(20), _FIXED])
    """),
    Mutant("chimera", "[netkind] Groups the trainable part as keras.Sequential([NestMLP(), Dense(20)]) inside the chimera: same function, but chimera().layers[0] is that Sequential, not a NestMLP.", """
        import keras

        def chimera():
            head = keras.Sequential([NestMLP(), keras.layers.Dense(20)])
            return keras.Sequential([head, FixedHiddenMLP()])
    """),
    Mutant("chimera", "[plain] The middle layer is Dense(20, use_bias=False), so it has no bias.", """
        import keras

        def chimera():
            return keras.Sequential([NestMLP(), keras.layers.Dense(20, use_bias=False), FixedHiddenMLP()])
    """),
    # ---------------------------------------------------------------- ParallelBlock
    Mutant("ParallelBlock", "[gradient] Feeds net2 tf.stop_gradient(X) ('net2 only needs the values'): outputs and both nets' weight gradients are right, but the gradient with respect to the input misses net2's part.", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1 = net1
                self.net2 = net2

            def call(self, X):
                return tf.concat([self.net1(X), self.net2(tf.stop_gradient(X))], axis=-1)
    """),
    Mutant("ParallelBlock", "[netkind] Reshapes the concatenation to (-1, width1 + width2), which is right for rank-2 outputs but flattens the leading axes of rank-3 ones into the batch.", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1 = net1
                self.net2 = net2

            def call(self, X):
                a, b = self.net1(X), self.net2(X)
                return tf.reshape(tf.concat([a, b], axis=-1), (-1, a.shape[-1] + b.shape[-1]))
    """),
    Mutant("ParallelBlock", "[mode] Calls net2 with training=True always ('so it keeps learning'), so Dropout/BatchNormalization inside net2 run in training mode even in inference (net(X), predict).", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1 = net1
                self.net2 = net2

            def call(self, X):
                return tf.concat([self.net1(X), self.net2(X, training=True)], axis=-1)
    """),
    # ---------------------------------------------------------------- repeat_block
    Mutant("repeat_block", "[boundary] 'Optimises' n == 1 by returning the single block itself, so repeat_block(f, 1) is not a sequential container.", """
        import keras

        def repeat_block(make_block, n):
            if n == 1:
                return make_block()
            blocks = [make_block() for _ in range(n)]
            return keras.Sequential(blocks or [keras.layers.Identity()])
    """),
    Mutant("repeat_block", "[type] Passes the list itself to the module's MySequential (MySequential(blocks) instead of MySequential(*blocks)), so the container holds one 'block' that is a list and calling it fails.", """
        def repeat_block(make_block, n):
            blocks = [make_block() for _ in range(n)]
            return MySequential(blocks)
    """),
]

VARIANTS = [
    Variant("MLP", "[style] Keeps the two Dense layers in a dict attribute (Keras 3 tracks dicts) created output-first, and applies the ReLU with keras.ops.maximum(h, 0).", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.parts = {"out": keras.layers.Dense(out_features), "hidden": keras.layers.Dense(hidden)}

            def call(self, X):
                h = self.parts["hidden"](X)
                return self.parts["out"](keras.ops.maximum(h, 0.0))
    """),
    Variant("ParallelBlock", "[style] A keras.layers.Layer holding the nets in a dict with fixed keys and concatenating with tf.concat(values=..., axis=-1) in key order a, b.", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.layers.Layer):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.nets = {"a": net1, "b": net2}

            def call(self, X):
                return tf.concat(values=[self.nets["a"](X), self.nets["b"](X)], axis=-1)
    """),
    Variant("repeat_block", "[style] Uses a keras.layers.Lambda identity for n = 0 and builds the blocks with a generator expression; Lambda(lambda x: x) returns its input.", """
        import keras

        def repeat_block(make_block, n):
            blocks = list(make_block() for _ in range(n))
            if not blocks:
                blocks = [keras.layers.Lambda(lambda x: x)]
            return keras.Sequential(blocks)
    """),
]
