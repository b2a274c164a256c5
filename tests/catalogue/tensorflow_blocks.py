"""Mutants and variants of tensorflow/blocks.py (d2l 6.1 Layers and Modules, Keras 3)."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ------------------------------------------------------------------ MLP
    Mutant("MLP", "Gives the output Dense a relu activation too.", """
        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden, activation="relu")
                self.out = keras.layers.Dense(out_features, activation="relu")

            def call(self, X):
                return self.out(self.hidden(X))
    """),
    Mutant("MLP", "Forgets the ReLU between the two layers.", """
        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden)
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                return self.out(self.hidden(X))
    """),
    Mutant("MLP", "Holds its weights as tf.Variable attributes, which Keras 3 does not track.", """
        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden_units, self.out_units = hidden, out_features
                self.W1 = None

            def call(self, X):
                if self.W1 is None:
                    init = keras.initializers.GlorotUniform()
                    self.W1 = tf.Variable(init((X.shape[-1], self.hidden_units)))
                    self.b1 = tf.Variable(tf.zeros(self.hidden_units))
                    self.W2 = tf.Variable(init((self.hidden_units, self.out_units)))
                    self.b2 = tf.Variable(tf.zeros(self.out_units))
                H = tf.nn.relu(tf.matmul(X, self.W1) + self.b1)
                return tf.matmul(H, self.W2) + self.b2
    """),
    Mutant("MLP", "Hard-codes the book's 256 hidden units instead of using the argument.", """
        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(256)
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                return self.out(tf.nn.relu(self.hidden(X)))
    """),
    Mutant("MLP", "Swaps the defaults: hidden=10, out_features=256.", """
        class MLP(keras.Model):
            def __init__(self, hidden=10, out_features=256, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden)
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                return self.out(tf.nn.relu(self.hidden(X)))
    """),
    Mutant("MLP", "Creates the Dense layers inside call, so every call gets new, untracked weights.", """
        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.sizes = (hidden, out_features)

            def call(self, X):
                H = keras.layers.Dense(self.sizes[0], activation="relu")(X)
                return keras.layers.Dense(self.sizes[1])(H)
    """),
    Mutant("MLP", "Applies the ReLU with numpy in call: right numbers eagerly, but no gradient reaches the first layer.",
           """
        import numpy as np

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden)
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                return self.out(np.maximum(np.asarray(self.hidden(X)), 0))
    """),
    # ------------------------------------------------------------------ MySequential
    Mutant("MySequential", "Derives from keras.Sequential instead of writing the container on keras.Model.", """
        class MySequential(keras.Sequential):
            def __init__(self, *layers, **kwargs):
                super().__init__(list(layers), **kwargs)
    """),
    Mutant("MySequential", "Iterates self.layers in call, which lists a layer given twice only once.", """
        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(layers)

            def call(self, X):
                for layer in self.layers:
                    X = layer(X)
                return X
    """),
    Mutant("MySequential", "Keeps the layers in a collections.deque, which Keras does not track.", """
        from collections import deque

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = deque(layers)

            def call(self, X):
                for layer in self.blocks:
                    X = layer(X)
                return X
    """),
    Mutant("MySequential", "Assigns the layers to self.layers, a read-only property of keras.Model.", """
        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.layers = list(layers)

            def call(self, X):
                for layer in self.layers:
                    X = layer(X)
                return X
    """),
    Mutant("MySequential", "Feeds the input X to every layer instead of chaining the outputs.", """
        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(layers)

            def call(self, X):
                out = X
                for layer in self.blocks:
                    out = layer(X)
                return out
    """),
    Mutant("MySequential", "Applies the layers in reverse order.", """
        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(layers)

            def call(self, X):
                for layer in reversed(self.blocks):
                    X = layer(X)
                return X
    """),
    Mutant("MySequential", "Keeps the layers in a dict keyed by the layer, so a layer given twice runs once.", """
        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = {layer.name: layer for layer in layers}

            def call(self, X):
                for layer in self.blocks.values():
                    X = layer(X)
                return X
    """),
    # ------------------------------------------------------------------ FixedHiddenMLP
    Mutant("FixedHiddenMLP", "Keeps the book's Python while on a tensor: fails inside keras.Sequential and tf.function.",
           """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(shape=(20, 20), initializer=keras.initializers.RandomUniform(0.0, 1.0),
                                                   trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                while tf.reduce_sum(tf.abs(X)) > 1:
                    X /= 2
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "Creates a second Dense(20) instead of using the one layer twice.", """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(shape=(20, 20), initializer=keras.initializers.RandomUniform(0.0, 1.0),
                                                   trainable=False)
                self.dense1 = keras.layers.Dense(20)
                self.dense2 = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense1(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense2(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "Adds rand_weight with add_weight's default trainable=True.", """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(shape=(20, 20), initializer=keras.initializers.RandomUniform(0.0, 1.0))
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "Makes rand_weight a tf.Variable(trainable=False), which Keras 3 never tracks.", """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = tf.Variable(tf.random.uniform((20, 20)), trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "Keeps rand_weight a tf.constant (the book's TF code): not a weight of the model.", """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = tf.constant(tf.random.uniform((20, 20)))
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "Uses initializer='random_uniform', whose default range is [-0.05, 0.05), not [0, 1).", """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(shape=(20, 20), initializer="random_uniform", trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "Draws rand_weight from a normal distribution instead of uniform [0, 1).", """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(shape=(20, 20), initializer=keras.initializers.RandomNormal(0.5, 0.3),
                                                   trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "Halves while sum(X) > 1 (no abs), so a negative sum is never halved.", """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(shape=(20, 20), initializer=keras.initializers.RandomUniform(0.0, 1.0),
                                                   trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(X) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "Forgets the halving loop.", """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(shape=(20, 20), initializer=keras.initializers.RandomUniform(0.0, 1.0),
                                                   trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "Gives the shared Dense(20) a relu activation.", """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(shape=(20, 20), initializer=keras.initializers.RandomUniform(0.0, 1.0),
                                                   trainable=False)
                self.dense = keras.layers.Dense(20, activation="relu")

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "Returns the mean instead of the sum.", """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(shape=(20, 20), initializer=keras.initializers.RandomUniform(0.0, 1.0),
                                                   trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_mean(X)
    """),
    Mutant("FixedHiddenMLP", "Halves at most once, with tf.cond instead of a loop.", """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(shape=(20, 20), initializer=keras.initializers.RandomUniform(0.0, 1.0),
                                                   trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                X = tf.cond(tf.reduce_sum(tf.abs(X)) > 1, lambda: X / 2, lambda: X)
                return tf.reduce_sum(X)
    """),
    # ------------------------------------------------------------------ NestMLP
    Mutant("NestMLP", "Forgets the relu on the Dense(32) layer.", """
        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.net = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(32)])
                self.dense = keras.layers.Dense(16)

            def call(self, inputs):
                return self.dense(self.net(inputs))
    """),
    Mutant("NestMLP", "Gives the last Dense(16) a relu as well.", """
        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.net = keras.Sequential([keras.layers.Dense(64, activation="relu"),
                                             keras.layers.Dense(32, activation="relu")])
                self.dense = keras.layers.Dense(16, activation="relu")

            def call(self, inputs):
                return self.dense(self.net(inputs))
    """),
    Mutant("NestMLP", "Swaps the widths of the inner layers (32, then 64).", """
        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.net = keras.Sequential([keras.layers.Dense(32, activation="relu"),
                                             keras.layers.Dense(64, activation="relu")])
                self.dense = keras.layers.Dense(16)

            def call(self, inputs):
                return self.dense(self.net(inputs))
    """),
    Mutant("NestMLP", "Creates Dense(16) but returns the inner Sequential's output.", """
        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.net = keras.Sequential([keras.layers.Dense(64, activation="relu"),
                                             keras.layers.Dense(32, activation="relu")])
                self.dense = keras.layers.Dense(16)

            def call(self, inputs):
                return self.net(inputs)
    """),
    # ------------------------------------------------------------------ chimera
    Mutant("chimera", "Leaves out the Dense(20) between NestMLP and FixedHiddenMLP.", """
        def chimera():
            return keras.Sequential([NestMLP(), FixedHiddenMLP()])
    """),
    Mutant("chimera", "Gives the middle Dense(20) a relu activation.", """
        def chimera():
            return keras.Sequential([NestMLP(), keras.layers.Dense(20, activation="relu"), FixedHiddenMLP()])
    """),
    Mutant("chimera", "Builds the model once at import and returns that same model on every call.", """
        _CHIMERA = keras.Sequential([NestMLP(), keras.layers.Dense(20), FixedHiddenMLP()])

        def chimera():
            return _CHIMERA
    """),
    Mutant("chimera", "Uses Dense(16) in the middle instead of Dense(20).", """
        def chimera():
            return keras.Sequential([NestMLP(), keras.layers.Dense(16), FixedHiddenMLP()])
    """),
    # ------------------------------------------------------------------ ParallelBlock
    Mutant("ParallelBlock", "Concatenates on axis 0 (the batch) instead of the last axis.", """
        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1, self.net2 = net1, net2

            def call(self, X):
                return tf.concat([self.net1(X), self.net2(X)], axis=0)
    """),
    Mutant("ParallelBlock", "Concatenates on axis 1, which is the last axis only for 2-D inputs.", """
        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1, self.net2 = net1, net2

            def call(self, X):
                return tf.concat([self.net1(X), self.net2(X)], axis=1)
    """),
    Mutant("ParallelBlock", "Calls net1 twice (a copy-paste slip) and never uses net2.", """
        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1, self.net2 = net1, net2

            def call(self, X):
                return tf.concat([self.net1(X), self.net1(X)], axis=-1)
    """),
    Mutant("ParallelBlock", "Concatenates in the wrong order: net2's output first.", """
        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1, self.net2 = net1, net2

            def call(self, X):
                return tf.concat([self.net2(X), self.net1(X)], axis=-1)
    """),
    Mutant("ParallelBlock", "Keeps the nets in a collections.deque, which Keras does not track.", """
        from collections import deque

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.nets = deque([net1, net2])

            def call(self, X):
                return tf.concat([net(X) for net in self.nets], axis=-1)
    """),
    Mutant("ParallelBlock", "Adds the two outputs instead of concatenating them.", """
        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1, self.net2 = net1, net2

            def call(self, X):
                return self.net1(X) + self.net2(X)
    """),
    # ------------------------------------------------------------------ repeat_block
    Mutant("repeat_block", "Repeats one block object n times: [make_block()] * n.", """
        def repeat_block(make_block, n):
            return keras.Sequential([make_block()] * n)
    """),
    Mutant("repeat_block", "Makes n - 1 blocks (off by one).", """
        def repeat_block(make_block, n):
            return keras.Sequential([make_block() for _ in range(n - 1)] or [keras.layers.Identity()])
    """),
    Mutant("repeat_block", "Returns a plain list of blocks instead of a model.", """
        def repeat_block(make_block, n):
            return [make_block() for _ in range(n)]
    """),
    Mutant("repeat_block", "Calls make_block() n times but puts only the last block in the model.", """
        def repeat_block(make_block, n):
            for _ in range(n):
                block = make_block()
            return keras.Sequential([block])
    """),
    # ------------------------------------------------------------------ added: gradients, training, calls again
    Mutant("MLP", "Converts the input through numpy before the first layer: right values, but no gradient reaches X.",
           """
        import numpy as np

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden)
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                X = tf.constant(np.asarray(X, dtype="float32"))
                return self.out(tf.nn.relu(self.hidden(X)))
    """),
    Mutant("MySequential", "Runs every layer under tf.stop_gradient: right outputs, but no gradient reaches anything.",
           """
        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(layers)

            def call(self, X):
                for block in self.blocks:
                    X = tf.stop_gradient(block(X))
                return X
    """),
    Mutant("MySequential", "Calls every layer with training=False, so Dropout / BatchNormalization never train.", """
        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(layers)

            def call(self, X):
                for block in self.blocks:
                    X = block(X, training=False)
                return X
    """),
    Mutant("MySequential", "Keeps the layers in a dict keyed by str(i) and runs sorted(keys): '10' before '2'.", """
        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = {str(i): layer for i, layer in enumerate(layers)}

            def call(self, X):
                for key in sorted(self.blocks):
                    X = self.blocks[key](X)
                return X
    """),
    Mutant("MySequential", "Counts its calls and skips the last layer from the fourth call on.", """
        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(layers)
                self.calls = 0

            def call(self, X):
                self.calls += 1
                blocks = self.blocks if self.calls < 4 else self.blocks[:-1]
                for block in blocks:
                    X = block(X)
                return X
    """),
    Mutant("FixedHiddenMLP", "Runs the Python while loop only when tf.executing_eagerly(): under tf.function the "
                             "halving never happens.", """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(shape=(20, 20), initializer=keras.initializers.RandomUniform(0.0, 1.0),
                                                   trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                if tf.executing_eagerly():
                    while tf.reduce_sum(tf.abs(X)) > 1:
                        X /= 2
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "Unrolls the halving loop 20 times with tf.where: wrong once it needs more halvings.", """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(shape=(20, 20), initializer=keras.initializers.RandomUniform(0.0, 1.0),
                                                   trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                for _ in range(20):
                    X = tf.where(tf.reduce_sum(tf.abs(X)) > 1, X / 2, X)
                return tf.reduce_sum(X)
    """),
    Mutant("chimera", "Uses the module's own MySequential instead of keras.Sequential (the contract asks for a "
                      "keras.Sequential whose layers[0] is its NestMLP).", """
        def chimera():
            return MySequential(NestMLP(), keras.layers.Dense(20), FixedHiddenMLP())
    """),
    Mutant("chimera", "A custom keras.Model with three attributes, not a keras.Sequential.", """
        class Chimera(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.nest = NestMLP()
                self.mid = keras.layers.Dense(20)
                self.fixed = FixedHiddenMLP()

            def call(self, X):
                return self.fixed(self.mid(self.nest(X)))

        def chimera():
            return Chimera()
    """),
    Mutant("ParallelBlock", "Keeps the nets in a dict keyed by their names: the same net given twice runs once.", """
        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.nets = {net1.name: net1, net2.name: net2}

            def call(self, X):
                return tf.concat([net(X) for net in self.nets.values()], axis=-1)
    """),
    Mutant("repeat_block", "Adds the blocks one by one to an empty keras.Sequential: for n = 0 it stays empty, and "
                           "Keras cannot call an empty Sequential.", """
        def repeat_block(make_block, n):
            net = keras.Sequential()
            for _ in range(n):
                net.add(make_block())
            return net
    """),
    Mutant("ParallelBlock", "A keras.layers.Layer concatenating on axis len(X.shape) - 1 with keras.ops: X's last axis, which is the outputs' only while the nets keep X's rank (listed as a variant until blind batch 3 showed it).", """
        class ParallelBlock(keras.layers.Layer):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.left = net1
                self.right = net2

            def call(self, X):
                return keras.ops.concatenate((self.left(X), self.right(X)), len(X.shape) - 1)
    """),
]

VARIANTS = [
    Variant("MLP", "Puts the ReLU in the hidden Dense's activation and creates the output layer first.", """
        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.output_layer = keras.layers.Dense(out_features)
                self.hidden_layer = keras.layers.Dense(hidden, activation="relu")

            def call(self, X):
                return self.output_layer(self.hidden_layer(X))
    """),
    Variant("MLP", "Creates its own weights with add_weight in build() and uses keras.ops.", """
        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.units = (hidden, out_features)

            def build(self, input_shape):
                h, o = self.units
                self.W1 = self.add_weight(shape=(input_shape[-1], h), initializer="glorot_uniform")
                self.b1 = self.add_weight(shape=(h,), initializer="zeros")
                self.W2 = self.add_weight(shape=(h, o), initializer="glorot_uniform")
                self.b2 = self.add_weight(shape=(o,), initializer="zeros")

            def call(self, X):
                H = keras.ops.relu(keras.ops.matmul(X, self.W1) + self.b1)
                return keras.ops.matmul(H, self.W2) + self.b2
    """),
    Variant("MLP", "Wraps the layers in one keras.Sequential attribute with a ReLU layer.", """
        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.body = keras.Sequential([keras.layers.Dense(hidden), keras.layers.ReLU(),
                                              keras.layers.Dense(out_features)])

            def call(self, X):
                return self.body(X)
    """),
    Variant("MLP", "Keeps both layers in a plain Python list, which Keras 3 tracks (unlike a list in PyTorch).", """
        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.stack = [keras.layers.Dense(hidden), keras.layers.Dense(out_features)]

            def call(self, X):
                return self.stack[1](keras.activations.relu(self.stack[0](X)))
    """),
    Variant("MySequential", "Keeps the layers as given, a tuple (the book's `self.modules = args`), tracked by Keras 3.",
            """
        class MySequential(keras.Model):
            def __init__(self, *args, **kwargs):
                super().__init__(**kwargs)
                self.modules = args

            def call(self, X):
                for module in self.modules:
                    X = module(X)
                return X
    """),
    Variant("MySequential", "A keras.layers.Layer with one attribute per layer, looked up by index.", """
        class MySequential(keras.layers.Layer):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.count = len(layers)
                for i, layer in enumerate(layers):
                    setattr(self, f"layer_{i}", layer)

            def call(self, X):
                for i in range(self.count):
                    X = getattr(self, f"layer_{i}")(X)
                return X
    """),
    Variant("FixedHiddenMLP", "Creates the weights in build() and loops with keras.ops.while_loop and keras.ops.", """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.linear = keras.layers.Dense(20)

            def build(self, input_shape):
                self.rand_weight = self.add_weight(shape=(20, 20), initializer=keras.initializers.RandomUniform(0.0, 1.0),
                                                   trainable=False, name="rand_weight")

            def call(self, X):
                X = self.linear(X)
                X = keras.ops.relu(keras.ops.matmul(X, self.rand_weight) + 1)
                X = self.linear(X)
                X = keras.ops.while_loop(lambda x: keras.ops.sum(keras.ops.abs(x)) > 1, lambda x: x * 0.5, X)
                return keras.ops.sum(X)
    """),
    Variant("FixedHiddenMLP", "A keras.layers.Layer whose loop is written with AutoGraph inside a tf.function.", """
        class FixedHiddenMLP(keras.layers.Layer):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(20)
                self.rand_weight = self.add_weight(shape=(20, 20), initializer=keras.initializers.RandomUniform(0.0, 1.0),
                                                   trainable=False)

            @tf.function
            def _halve(self, X):
                while tf.reduce_sum(tf.abs(X)) > 1:
                    X = X / 2
                return X

            def call(self, X):
                X = self.hidden(X)
                X = tf.nn.relu(X @ self.rand_weight + 1)
                return tf.reduce_sum(self._halve(self.hidden(X)))
    """),
    Variant("NestMLP", "Three Dense attributes, the output layer created first, no nested Sequential.", """
        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.out = keras.layers.Dense(16)
                self.l1 = keras.layers.Dense(64, activation="relu")
                self.l2 = keras.layers.Dense(32, activation="relu")

            def call(self, X):
                return self.out(self.l2(self.l1(X)))
    """),
    Variant("NestMLP", "One keras.Sequential holding the inner Sequential and the last Dense, ReLU layers apart.", """
        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                inner = keras.Sequential([keras.layers.Dense(64), keras.layers.ReLU(),
                                          keras.layers.Dense(32), keras.layers.ReLU()])
                self.net = keras.Sequential([inner, keras.layers.Dense(16)])

            def call(self, X):
                return self.net(X)
    """),
    Variant("ParallelBlock", "Keeps the nets in a list and concatenates with keras.layers.Concatenate().", """
        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.branches = [net1, net2]
                self.concat = keras.layers.Concatenate(axis=-1)

            def call(self, X):
                return self.concat([branch(X) for branch in self.branches])
    """),
    Variant("repeat_block", "Builds the chain with the module's own MySequential.", """
        def repeat_block(make_block, n):
            return MySequential(*[make_block() for _ in range(n)])
    """),
    Variant("MySequential", "Takes training=None in call and passes it on to every layer explicitly.", """
        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.steps = list(layers)

            def call(self, X, training=None):
                for step in self.steps:
                    X = step(X, training=training)
                return X
    """),
    Variant("FixedHiddenMLP", "Casts rand_weight to the input's dtype at the top of call, so the constant is read "
                              "before the Dense kernel.", """
        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(shape=(20, 20), initializer=keras.initializers.RandomUniform(0.0, 1.0),
                                                   trainable=False, name="rand_weight")
                self.dense = keras.layers.Dense(20)

            def call(self, X):
                rand_weight = tf.cast(self.rand_weight, X.dtype)
                X = self.dense(X)
                X = tf.nn.relu(tf.matmul(X, rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Variant("chimera", "A keras.Sequential grown with add().", """
        def chimera():
            net = keras.Sequential()
            net.add(NestMLP())
            net.add(keras.layers.Dense(20))
            net.add(FixedHiddenMLP())
            return net
    """),
    Variant("chimera", "keras.Sequential with a name and the middle Dense spelled out (units=20, activation=None).", """
        def chimera():
            return keras.Sequential([NestMLP(), keras.layers.Dense(units=20, activation=None), FixedHiddenMLP()],
                                    name="chimera")
    """),
    Variant("repeat_block", "An Identity layer for n = 0, else a keras.Sequential grown with add().", """
        def repeat_block(make_block, n):
            if n == 0:
                return keras.layers.Identity()
            net = keras.Sequential()
            for _ in range(n):
                net.add(make_block())
            return net
    """),
    Variant("ParallelBlock", "Keeps the nets in a tuple attribute and concatenates with keras.ops.concatenate.", """
        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.pair = (net1, net2)

            def call(self, X):
                return keras.ops.concatenate([net(X) for net in self.pair], axis=-1)
    """),
]
