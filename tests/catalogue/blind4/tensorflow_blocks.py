"""Blind batch 4: mutants and variants of tensorflow/blocks.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ------------------------------------------------------------------ MLP
    Mutant("MLP", "[dtype] Creates both Dense layers with dtype='float64' ('more precision'): the values agree with the float32 net to rounding, but Keras casts the input up and the output is float64, where Keras layers compute in float32.", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden, dtype="float64")
                self.out = keras.layers.Dense(out_features, dtype="float64")

            def call(self, X):
                return self.out(tf.nn.relu(self.hidden(X)))
    """),

    # ------------------------------------------------------------------ MySequential
    Mutant("MySequential", "[order] Keeps a handle to the output layer (self.head = layers[-1]) assigned before the list: the forward pass is right, but Keras tracks the head first, so trainable_weights start with the last layer's weights instead of following the layers in order.", """
        import keras

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                if layers:
                    self.head = layers[-1]
                self.blocks = list(layers)

            def call(self, X):
                for block in self.blocks:
                    X = block(X)
                return X
    """),

    # ------------------------------------------------------------------ FixedHiddenMLP
    Mutant("FixedHiddenMLP", "[plain] The loop tests tf.norm(X) > 1 ('the norm of X'), which is the Euclidean norm, not sum(|X|): the loop stops as soon as the L2 norm is below 1, so the returned sum can still have sum(|X|) well above 1.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0), trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.norm(X) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),

    # ------------------------------------------------------------------ NestMLP
    Mutant("NestMLP", "[graph] Runs the inner block with self.net.predict(inputs, verbose=0) ('predict is how you run a model'): eager calls give the right values, but as a numpy array with no gradient to the inner Dense layers, and a symbolic call (keras.Sequential, tf.function) fails.", """
        import keras

        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.net = keras.Sequential(
                    [keras.layers.Dense(64, activation="relu"), keras.layers.Dense(32, activation="relu")])
                self.dense = keras.layers.Dense(16)

            def call(self, inputs):
                return self.dense(self.net.predict(inputs, verbose=0))
    """),

    # ------------------------------------------------------------------ chimera
    Mutant("chimera", "[type] Returns a subclassed keras.Model holding NestMLP, Dense(20) and FixedHiddenMLP as attributes: the output is right and .layers[0] is even the NestMLP, but it is not a keras.Sequential.", """
        import keras

        class _Chimera(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.nest = NestMLP()
                self.mid = keras.layers.Dense(20)
                self.fixed = FixedHiddenMLP()

            def call(self, X):
                return self.fixed(self.mid(self.nest(X)))

        def chimera():
            return _Chimera()
    """),

    # ------------------------------------------------------------------ ParallelBlock
    Mutant("ParallelBlock", "[repeat] Reuses net1's output when the same net is given twice ('no need to run it twice'): the same for deterministic inference, but ParallelBlock(net, net) in training mode calls net once, so a Dropout draws one mask for both halves and a BatchNormalization updates its moving statistics once instead of twice.", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1 = net1
                self.net2 = net2

            def call(self, X):
                y1 = self.net1(X)
                y2 = y1 if self.net2 is self.net1 else self.net2(X)
                return tf.concat([y1, y2], axis=-1)
    """),

    # ------------------------------------------------------------------ repeat_block
    Mutant("repeat_block", "[netkind] Wraps each fresh block in its own one-layer keras.Sequential 'so every block is a model': same function and independent weights, but net.layers[i] is a wrapper, not the block make_block() returned.", """
        import keras

        def repeat_block(make_block, n):
            blocks = [keras.Sequential([make_block()]) for _ in range(n)]
            return keras.Sequential(blocks or [keras.layers.Identity()])
    """),
    Mutant("FixedHiddenMLP", "[random] Passes one module-level RandomUniform(0, 1) object as rand_weight's initializer ('make the initializer once'): in Keras 3 an unseeded initializer object repeats its draw, so every FixedHiddenMLP gets the very same constant matrix.", """
        import keras
        import tensorflow as tf

        _UNIFORM = keras.initializers.RandomUniform(minval=0.0, maxval=1.0)

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(name="rand_weight", shape=(20, 20), initializer=_UNIFORM,
                                                   trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
]

VARIANTS = [
    Variant("MLP", "[style] Gives the hidden Dense activation='relu' and still applies tf.nn.relu in call: ReLU is idempotent (relu(relu(x)) = relu(x), same gradient), so the forward is still out(relu(hidden(X))).", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden, activation="relu")
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                return self.out(tf.nn.relu(self.hidden(X)))
    """),
    Variant("ParallelBlock", "[style] Concatenates on axis tf.rank(y1) - 1, a tensor axis computed at run time: the last axis for outputs of any rank, eagerly and when traced.", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1 = net1
                self.net2 = net2

            def call(self, X):
                y1 = self.net1(X)
                y2 = self.net2(X)
                return tf.concat([y1, y2], axis=tf.rank(y1) - 1)
    """),
    Variant("repeat_block", "[style] Uses keras.layers.Rescaling(1.0) as the n = 0 placeholder: multiplying float32 input by 1.0 returns it unchanged and adds no weights.", """
        import keras

        def repeat_block(make_block, n):
            if n == 0:
                return keras.Sequential([keras.layers.Rescaling(1.0)])
            return keras.Sequential([make_block() for _ in range(n)])
    """),
]
