"""Blind mutants and variants of tensorflow/blocks.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ------------------------------------------------------------------ MLP
    Mutant("MLP", "[gradient] Wraps the hidden activations in tf.stop_gradient, so no gradient reaches the hidden Dense or the input.", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden)
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                H = tf.stop_gradient(tf.nn.relu(self.hidden(X)))
                return self.out(H)
    """),
    Mutant("MLP", "[gradient] Applies the ReLU in numpy (np.maximum on .numpy()), so the tape loses the hidden layer and the input, and it cannot trace in a graph.", """
        import keras
        import numpy as np
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden)
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                H = np.maximum(self.hidden(X).numpy(), 0.0)
                return self.out(tf.convert_to_tensor(H))
    """),
    Mutant("MLP", "[plain] Uses tf.nn.leaky_relu (slope 0.2) instead of ReLU, so negative hidden pre-activations leak into the output.", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden)
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                return self.out(tf.nn.leaky_relu(self.hidden(X)))
    """),
    Mutant("MLP", "[plain] Also applies ReLU to the output layer, so negative logits are clipped to 0.", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden, activation="relu")
                self.out = keras.layers.Dense(out_features, activation="relu")

            def call(self, X):
                return self.out(self.hidden(X))
    """),
    Mutant("MLP", "[boundary] Keeps PyTorch's signature MLP(in_features=20, hidden=256, out_features=10), so MLP() is right but MLP(64, 5) builds hidden=5 and 10 outputs.", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, in_features=20, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.in_features = in_features
                self.hidden = keras.layers.Dense(hidden)
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                return self.out(tf.nn.relu(self.hidden(X)))
    """),
    Mutant("MLP", "[netkind] Starts with a Flatten layer (d2l's Fashion-MNIST habit), so a rank-3 input (n, t, d) gives (n, out) instead of applying the MLP on the last axis.", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.flatten = keras.layers.Flatten()
                self.hidden = keras.layers.Dense(hidden)
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                return self.out(tf.nn.relu(self.hidden(self.flatten(X))))
    """),
    Mutant("MLP", "[graph] Reshapes the input to (X.shape[0], -1), which fails when Keras traces it with an unknown batch size (inside keras.Sequential, tf.function with a None batch).", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden)
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                X = tf.reshape(X, (X.shape[0], -1))
                return self.out(tf.nn.relu(self.hidden(X)))
    """),
    Mutant("MLP", "[mode] Adds Dropout(0.5) between the layers, so in training mode (fit, training=True) the output is not out(relu(hidden(X))).", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = keras.layers.Dense(hidden)
                self.drop = keras.layers.Dropout(0.5)
                self.out = keras.layers.Dense(out_features)

            def call(self, X, training=None):
                return self.out(self.drop(tf.nn.relu(self.hidden(X)), training=training))
    """),
    Mutant("MLP", "[repeat] Creates the output Dense inside call, so every call uses a fresh, untracked, differently initialised output layer.", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.out_features = out_features
                self.hidden = keras.layers.Dense(hidden)

            def call(self, X):
                return keras.layers.Dense(self.out_features)(tf.nn.relu(self.hidden(X)))
    """),

    # --------------------------------------------------------- MySequential
    Mutant("MySequential", "[gradient] Turns the input into a constant with tf.stop_gradient before the first block, so the gradient with respect to the input is None (parameter gradients are fine).", """
        import keras
        import tensorflow as tf

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(layers)

            def call(self, X):
                X = tf.stop_gradient(tf.convert_to_tensor(X))
                for block in self.blocks:
                    X = block(X)
                return X
    """),
    Mutant("MySequential", "[gradient] Applies tf.stop_gradient between blocks, so only the last block's weights receive a gradient.", """
        import keras
        import tensorflow as tf

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(layers)

            def call(self, X):
                for i, block in enumerate(self.blocks):
                    if i > 0:
                        X = tf.stop_gradient(X)
                    X = block(X)
                return X
    """),
    Mutant("MySequential", "[mode] Calls every block with training=False, so Dropout/BatchNorm inside it never train, even under fit or training=True.", """
        import keras
        import tensorflow as tf

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(layers)

            def call(self, X):
                for block in self.blocks:
                    X = block(X, training=False)
                return X
    """),
    Mutant("MySequential", "[mode] Declares call(X, training=True) and passes it on, so a plain net(X) or predict runs Dropout in training mode.", """
        import keras
        import tensorflow as tf

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(layers)

            def call(self, X, training=True):
                for block in self.blocks:
                    X = block(X, training=training)
                return X
    """),
    Mutant("MySequential", "[netkind] Keeps the layers in a dict keyed by str(index) and runs them in sorted(key) order, which is wrong from 11 layers on ('10' sorts before '2').", """
        import keras
        import tensorflow as tf

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = {str(i): layer for i, layer in enumerate(layers)}

            def call(self, X):
                for key in sorted(self.blocks):
                    X = self.blocks[key](X)
                return X
    """),
    Mutant("MySequential", "[netkind] Removes duplicate layers with dict.fromkeys (to list shared weights once), so a layer given twice runs only once.", """
        import keras
        import tensorflow as tf

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(dict.fromkeys(layers))

            def call(self, X):
                for block in self.blocks:
                    X = block(X)
                return X
    """),
    Mutant("MySequential", "[plain] Stores the layers reversed and iterates reversed(...), so the forward pass is right but trainable_weights list the last layer first.", """
        import keras
        import tensorflow as tf

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.stack = list(reversed(layers))

            def call(self, X):
                for block in reversed(self.stack):
                    X = block(X)
                return X
    """),
    Mutant("MySequential", "[graph] Guards empty batches with `if len(X) == 0`, which raises when Keras traces it with an unknown batch size (keras.Sequential, tf.function with a None batch).", """
        import keras
        import tensorflow as tf

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(layers)

            def call(self, X):
                if len(X) == 0:
                    return X
                for block in self.blocks:
                    X = block(X)
                return X
    """),
    Mutant("MySequential", "[repeat] Memoises the last eager call by input identity, so calling again with the same tensor after the weights changed returns the stale output.", """
        import keras
        import tensorflow as tf

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.blocks = list(layers)
                self._memo = None

            def call(self, X):
                eager = tf.executing_eagerly()
                if eager and self._memo is not None and self._memo[0] is X:
                    return self._memo[1]
                Y = X
                for block in self.blocks:
                    Y = block(Y)
                if eager:
                    self._memo = (X, Y)
                return Y
    """),
    Mutant("MySequential", "[type] Derives from keras.Sequential (passing the layers on), which the contract forbids.", """
        import keras
        import tensorflow as tf

        class MySequential(keras.Sequential):
            def __init__(self, *layers, **kwargs):
                super().__init__(list(layers), **kwargs)
    """),

    # ------------------------------------------------------- FixedHiddenMLP
    Mutant("FixedHiddenMLP", "[graph] Runs the book's Python while loop only when tf.executing_eagerly(); when traced (keras.Sequential, tf.function) it skips the halving.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0),
                    trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                if tf.executing_eagerly():
                    while tf.reduce_sum(tf.abs(X)) > 1:
                        X = X / 2
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[graph] Computes the number of halvings with float() and numpy, which works eagerly but raises on a symbolic tensor (keras.Sequential, tf.function).", """
        import math

        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0),
                    trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                total = float(tf.reduce_sum(tf.abs(X)))
                for _ in range(max(0, math.ceil(math.log2(total))) if total > 0 else 0):
                    X = X / 2
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[graph] Uses tf.while_loop(..., back_prop=False): eagerly the gradient still flows, but under tf.function (fit, train_step) no gradient reaches the Dense.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0),
                    trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(
                    lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,),
                    back_prop=False)
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[gradient] Wraps the first Dense output in tf.stop_gradient ('the constant product needs no gradient'), so the first use of the Dense and the input get no gradient.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0),
                    trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = tf.stop_gradient(self.dense(inputs))
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(
                    lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[random] Uses initializer='uniform', which in Keras is U(-0.05, 0.05), not U[0, 1).", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20), initializer="uniform", trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(
                    lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[random] Seeds the initializer (RandomUniform(0, 1, seed=0)), so every FixedHiddenMLP gets the same rand_weight.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0, seed=0),
                    trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(
                    lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[plain] Leaves rand_weight trainable (add_weight's default), so it is listed in trainable_weights and an optimizer would update the constant.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0))
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(
                    lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[plain] Uses two different Dense(20) layers instead of one Dense used twice (no parameter sharing).", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0),
                    trainable=False)
                self.dense = keras.layers.Dense(20)
                self.dense2 = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense2(X)
                (X,) = tf.while_loop(
                    lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[plain] Keeps rand_weight as a plain tf.Variable attribute, which Keras 3 does not track, so it is missing from weights / non_trainable_weights.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = tf.Variable(tf.random.uniform((20, 20)), trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(
                    lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[type] Returns the halved (n, 20) matrix instead of its sum, so the output is not a scalar.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0),
                    trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(
                    lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return X
    """),
    Mutant("FixedHiddenMLP", "[boundary] Caps the loop with maximum_iterations=16 'to be safe', so inputs needing more halvings (large inputs or batches) return a sum above 1.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0),
                    trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(
                    lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,),
                    maximum_iterations=16)
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[repeat] Creates rand_weight but multiplies by a fresh tf.random.uniform((20, 20)) in every call, so the 'constant' changes between calls.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0),
                    trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, tf.random.uniform((20, 20))) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(
                    lambda X: tf.reduce_sum(tf.abs(X)) > 1, lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),
    Mutant("FixedHiddenMLP", "[netkind] Halves while any single row has sum(|row|) > 1 (a per-example norm), which equals the contract for batch size 1 but halves too few times for batches of several rows.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0),
                    trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                (X,) = tf.while_loop(
                    lambda X: tf.reduce_any(tf.reduce_sum(tf.abs(X), axis=-1) > 1),
                    lambda X: (X / 2,), (X,))
                return tf.reduce_sum(X)
    """),

    # -------------------------------------------------------------- NestMLP
    Mutant("NestMLP", "[plain] Gives the final Dense(16) a ReLU too, so negative outputs become 0.", """
        import keras
        import tensorflow as tf

        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.net = keras.Sequential([
                    keras.layers.Dense(64, activation="relu"),
                    keras.layers.Dense(32, activation="relu"),
                ])
                self.dense = keras.layers.Dense(16, activation="relu")

            def call(self, inputs):
                return self.dense(self.net(inputs))
    """),
    Mutant("NestMLP", "[plain] Swaps the hidden widths (Dense(32) then Dense(64)); the output is still 16 wide but the weights have the wrong shapes.", """
        import keras
        import tensorflow as tf

        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.net = keras.Sequential([
                    keras.layers.Dense(32, activation="relu"),
                    keras.layers.Dense(64, activation="relu"),
                ])
                self.dense = keras.layers.Dense(16)

            def call(self, inputs):
                return self.dense(self.net(inputs))
    """),
    Mutant("NestMLP", "[plain] Forgets the ReLU on the Dense(32) layer.", """
        import keras
        import tensorflow as tf

        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.net = keras.Sequential([
                    keras.layers.Dense(64, activation="relu"),
                    keras.layers.Dense(32),
                ])
                self.dense = keras.layers.Dense(16)

            def call(self, inputs):
                return self.dense(self.net(inputs))
    """),
    Mutant("NestMLP", "[plain] Ends with Dense(16, activation='softmax') out of classifier habit.", """
        import keras
        import tensorflow as tf

        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.net = keras.Sequential([
                    keras.layers.Dense(64, activation="relu"),
                    keras.layers.Dense(32, activation="relu"),
                ])
                self.dense = keras.layers.Dense(16, activation="softmax")

            def call(self, inputs):
                return self.dense(self.net(inputs))
    """),
    Mutant("NestMLP", "[netkind] Puts a Flatten first in the inner Sequential, so a rank-3 input (n, t, d) gives (n, 16) instead of (n, t, 16).", """
        import keras
        import tensorflow as tf

        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.net = keras.Sequential([
                    keras.layers.Flatten(),
                    keras.layers.Dense(64, activation="relu"),
                    keras.layers.Dense(32, activation="relu"),
                ])
                self.dense = keras.layers.Dense(16)

            def call(self, inputs):
                return self.dense(self.net(inputs))
    """),
    Mutant("NestMLP", "[gradient] Applies tf.stop_gradient to the inner block's output, so the Dense(64)/Dense(32) weights and the input get no gradient.", """
        import keras
        import tensorflow as tf

        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.net = keras.Sequential([
                    keras.layers.Dense(64, activation="relu"),
                    keras.layers.Dense(32, activation="relu"),
                ])
                self.dense = keras.layers.Dense(16)

            def call(self, inputs):
                return self.dense(tf.stop_gradient(self.net(inputs)))
    """),

    # -------------------------------------------------------------- chimera
    Mutant("chimera", "[type] Builds the chimera on the module's MySequential instead of keras.Sequential.", """
        import keras
        import tensorflow as tf

        def chimera():
            return MySequential(NestMLP(), keras.layers.Dense(20), FixedHiddenMLP())
    """),
    Mutant("chimera", "[plain] Gives the middle Dense(20) a ReLU activation.", """
        import keras
        import tensorflow as tf

        def chimera():
            return keras.Sequential(
                [NestMLP(), keras.layers.Dense(20, activation="relu"), FixedHiddenMLP()])
    """),
    Mutant("chimera", "[plain] Leaves out the middle Dense(20), so FixedHiddenMLP's Dense is built for 16 inputs and its second use (on 20 features) fails.", """
        import keras
        import tensorflow as tf

        def chimera():
            return keras.Sequential([NestMLP(), FixedHiddenMLP()])
    """),
    Mutant("chimera", "[netkind] Unpacks NestMLP's layers into the chimera (Dense(64, relu), Dense(32, relu), Dense(16), Dense(20), FixedHiddenMLP), which computes the same function but layers[0] is a Dense, not a NestMLP.", """
        import keras
        import tensorflow as tf

        def chimera():
            return keras.Sequential([
                keras.layers.Dense(64, activation="relu"),
                keras.layers.Dense(32, activation="relu"),
                keras.layers.Dense(16),
                keras.layers.Dense(20),
                FixedHiddenMLP(),
            ])
    """),
    Mutant("chimera", "[repeat] Creates the three layers once at import, so every chimera() shares the same layers and weights.", """
        import keras
        import tensorflow as tf

        _CHIMERA_LAYERS = [NestMLP(), keras.layers.Dense(20), FixedHiddenMLP()]

        def chimera():
            return keras.Sequential(list(_CHIMERA_LAYERS))
    """),
    Mutant("chimera", "[repeat] Caches the model with functools.lru_cache, so chimera() returns the same object every time.", """
        import functools

        import keras
        import tensorflow as tf

        @functools.lru_cache(maxsize=None)
        def chimera():
            return keras.Sequential([NestMLP(), keras.layers.Dense(20), FixedHiddenMLP()])
    """),
    Mutant("chimera", "[gradient] Freezes the NestMLP (trainable=False) 'as a feature extractor', so its weights are not trainable and get no gradient.", """
        import keras
        import tensorflow as tf

        def chimera():
            nest = NestMLP()
            nest.trainable = False
            return keras.Sequential([nest, keras.layers.Dense(20), FixedHiddenMLP()])
    """),

    # -------------------------------------------------------- ParallelBlock
    Mutant("ParallelBlock", "[netkind] Keeps the nets in a dict keyed by net.name, so the same net given twice (or two nets with the same name) appears once and the output is half as wide.", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.branches = {net.name: net for net in (net1, net2)}

            def call(self, X):
                return tf.concat([net(X) for net in self.branches.values()], axis=-1)
    """),
    Mutant("ParallelBlock", "[netkind] Concatenates on axis=1, which is the last axis only for rank-2 outputs.", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1 = net1
                self.net2 = net2

            def call(self, X):
                return tf.concat([self.net1(X), self.net2(X)], axis=1)
    """),
    Mutant("ParallelBlock", "[plain] Concatenates in the order [net2(X), net1(X)].", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1 = net1
                self.net2 = net2

            def call(self, X):
                return tf.concat([self.net2(X), self.net1(X)], axis=-1)
    """),
    Mutant("ParallelBlock", "[plain] Stacks the outputs on a new last axis and reshapes to (n, -1), which interleaves the columns instead of concatenating them (same shape when both nets are equally wide).", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1 = net1
                self.net2 = net2

            def call(self, X):
                Y = tf.stack([self.net1(X), self.net2(X)], axis=-1)
                return tf.reshape(Y, tf.concat([tf.shape(Y)[:-2], [-1]], axis=0))
    """),
    Mutant("ParallelBlock", "[gradient] Wraps net2's output in tf.stop_gradient, so net2's weights never receive a gradient.", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1 = net1
                self.net2 = net2

            def call(self, X):
                return tf.concat([self.net1(X), tf.stop_gradient(self.net2(X))], axis=-1)
    """),
    Mutant("ParallelBlock", "[type] Concatenates with np.concatenate on .numpy(), so it returns a numpy array (no gradient, no graph mode).", """
        import keras
        import numpy as np
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1 = net1
                self.net2 = net2

            def call(self, X):
                return np.concatenate([self.net1(X).numpy(), self.net2(X).numpy()], axis=-1)
    """),
    Mutant("ParallelBlock", "[mode] Calls both nets with training=False, so Dropout/BatchNorm inside them never train.", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.net1 = net1
                self.net2 = net2

            def call(self, X):
                return tf.concat([self.net1(X, training=False), self.net2(X, training=False)], axis=-1)
    """),

    # --------------------------------------------------------- repeat_block
    Mutant("repeat_block", "[plain] Calls make_block() once and repeats the same object n times, so the blocks share weights.", """
        import keras
        import tensorflow as tf

        def repeat_block(make_block, n):
            block = make_block()
            return keras.Sequential([block] * n or [keras.layers.Identity()])
    """),
    Mutant("repeat_block", "[boundary] Returns an empty keras.Sequential for n = 0, which Keras 3 cannot call.", """
        import keras
        import tensorflow as tf

        def repeat_block(make_block, n):
            return keras.Sequential([make_block() for _ in range(n)])
    """),
    Mutant("repeat_block", "[boundary] Builds max(n, 1) blocks 'so the model is never empty', so n = 0 applies one block instead of returning the input.", """
        import keras
        import tensorflow as tf

        def repeat_block(make_block, n):
            return keras.Sequential([make_block() for _ in range(max(n, 1))])
    """),
    Mutant("repeat_block", "[boundary] Off by one: loops over range(1, n), so it holds n - 1 blocks (and n = 1 gives the identity).", """
        import keras
        import tensorflow as tf

        def repeat_block(make_block, n):
            blocks = [make_block() for i in range(1, n)]
            return keras.Sequential(blocks or [keras.layers.Identity()])
    """),
    Mutant("repeat_block", "[type] Returns a plain Python list of the n blocks instead of a sequential model.", """
        import keras
        import tensorflow as tf

        def repeat_block(make_block, n):
            return [make_block() for _ in range(n)]
    """),
    Mutant("repeat_block", "[plain] Calls make_block() once and clones it with from_config for the other blocks, so make_block is not called once per block.", """
        import keras
        import tensorflow as tf

        def repeat_block(make_block, n):
            if n == 0:
                return keras.Sequential([keras.layers.Identity()])
            first = make_block()
            blocks = [first]
            for _ in range(n - 1):
                config = first.get_config()
                config.pop("name", None)
                blocks.append(first.__class__.from_config(config))
            return keras.Sequential(blocks)
    """),
    Mutant("repeat_block", "[repeat] Memoises repeat_block with functools.lru_cache, so a second repeat_block(f, n) returns the same model instead of fresh blocks.", """
        import functools

        import keras
        import tensorflow as tf

        @functools.lru_cache(maxsize=None)
        def repeat_block(make_block, n):
            blocks = [make_block() for _ in range(n)]
            return keras.Sequential(blocks or [keras.layers.Identity()])
    """),
]

VARIANTS = [
    # ------------------------------------------------------------------ MLP
    Variant("MLP", "[style] Creates the output layer before the hidden one and uses keras.ops.relu; the forward order and the math are unchanged.", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.output_layer = keras.layers.Dense(out_features, name="output_layer")
                self.hidden_layer = keras.layers.Dense(hidden, name="hidden_layer")

            def call(self, X):
                return self.output_layer(keras.ops.relu(self.hidden_layer(X)))
    """),
    Variant("MLP", "[style] Keeps both Dense layers in a list attribute, uses tf.maximum(h, 0.) as the ReLU and accepts a training argument it ignores.", """
        import keras
        import tensorflow as tf

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.stages = [keras.layers.Dense(units=hidden), keras.layers.Dense(units=out_features)]

            def call(self, X, training=None):
                first, second = self.stages
                return second(tf.maximum(first(X), 0.0))
    """),
    Variant("MLP", "[style] Uses an underscore-named Dense subclass (with explicit layer names) for both layers and a tf.where ReLU; still two Dense layers without activation.", """
        import keras
        import tensorflow as tf

        class _Affine(keras.layers.Dense):
            pass

        class MLP(keras.Model):
            def __init__(self, hidden=256, out_features=10, **kwargs):
                super().__init__(**kwargs)
                self.hidden = _Affine(units=hidden, activation=None, name="affine_hidden")
                self.out = _Affine(units=out_features, activation=None, name="affine_out")

            def call(self, X):
                H = self.hidden(X)
                return self.out(tf.where(H > 0, H, tf.zeros_like(H)))
    """),

    # --------------------------------------------------------- MySequential
    Variant("MySequential", "[style] Keeps the layers in the tuple it was given (Keras 3 tracks tuples) and folds them with functools.reduce.", """
        import functools

        import keras
        import tensorflow as tf

        class MySequential(keras.Model):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.parts = layers

            def call(self, X):
                return functools.reduce(lambda acc, layer: layer(acc), self.parts, X)
    """),
    Variant("MySequential", "[style] Derives from keras.layers.Layer (allowed), appends the layers one by one to a tracked list and passes training through explicitly.", """
        import keras
        import tensorflow as tf

        class MySequential(keras.layers.Layer):
            def __init__(self, *layers, **kwargs):
                super().__init__(**kwargs)
                self.modules_in_order = []
                for layer in layers:
                    self.modules_in_order.append(layer)

            def call(self, X, training=None):
                i = 0
                while i < len(self.modules_in_order):
                    X = self.modules_in_order[i](X, training=training)
                    i += 1
                return X
    """),

    # ------------------------------------------------------- FixedHiddenMLP
    Variant("FixedHiddenMLP", "[style] Halves only the scalar sum (and a scale factor) in the tf.while_loop, then scales X once; scaling by a power of two is exact, so the result and its gradient are the same.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.dense = keras.layers.Dense(20)
                self.rand_weight = self.add_weight(
                    shape=(20, 20), initializer=keras.initializers.RandomUniform(0.0, 1.0),
                    trainable=False, name="rand_weight")

            def call(self, inputs):
                X = self.dense(inputs)
                X = tf.nn.relu(tf.matmul(X, self.rand_weight) + 1)
                X = self.dense(X)
                s0 = tf.reduce_sum(tf.abs(X))
                _, scale = tf.while_loop(lambda s, c: s > 1, lambda s, c: (s / 2, c / 2),
                                         (s0, tf.ones((), X.dtype)))
                return tf.reduce_sum(X * scale)
    """),
    Variant("FixedHiddenMLP", "[style] Uses a callable initializer (tf.random.uniform), casts rand_weight to the activations' dtype and loops with keras.ops.while_loop.", """
        import keras
        import tensorflow as tf

        def _unit_uniform(shape, dtype=None):
            return tf.random.uniform(shape, 0.0, 1.0, dtype=dtype or "float32")

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20), initializer=_unit_uniform, trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = self.dense(inputs)
                W = tf.cast(self.rand_weight, X.dtype)
                X = keras.ops.relu(keras.ops.matmul(X, W) + 1.0)
                X = self.dense(X)
                X = keras.ops.while_loop(
                    lambda X: keras.ops.sum(keras.ops.abs(X)) > 1, lambda X: X / 2, X)
                return keras.ops.sum(X)
    """),
    Variant("FixedHiddenMLP", "[style] Flattens the Dense output to (-1, 20) before the constant product and carries an iteration counter in the loop; the total sum is unchanged for any rank.", """
        import keras
        import tensorflow as tf

        class FixedHiddenMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.rand_weight = self.add_weight(
                    name="rand_weight", shape=(20, 20),
                    initializer=keras.initializers.RandomUniform(minval=0.0, maxval=1.0),
                    trainable=False)
                self.dense = keras.layers.Dense(20)

            def call(self, inputs):
                X = tf.reshape(self.dense(inputs), (-1, 20))
                X = tf.nn.relu(X @ self.rand_weight + 1.0)
                X = self.dense(X)

                def cond(i, X):
                    return tf.reduce_sum(tf.abs(X)) > 1.0

                def body(i, X):
                    return i + 1, X * 0.5

                _, X = tf.while_loop(cond, body, (tf.constant(0), X))
                return tf.reduce_sum(X)
    """),

    # -------------------------------------------------------------- NestMLP
    Variant("NestMLP", "[style] Builds the inner keras.Sequential with .add(), using separate ReLU layers after Dense(64) and Dense(32), and creates Dense(16) first.", """
        import keras
        import tensorflow as tf

        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.head = keras.layers.Dense(16)
                self.body = keras.Sequential(name="body")
                self.body.add(keras.layers.Dense(64))
                self.body.add(keras.layers.ReLU())
                self.body.add(keras.layers.Dense(32))
                self.body.add(keras.layers.ReLU())

            def call(self, inputs):
                return self.head(self.body(inputs))
    """),
    Variant("NestMLP", "[style] Passes tf.nn.relu / keras.activations.relu as callables instead of the 'relu' string.", """
        import keras
        import tensorflow as tf

        class NestMLP(keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.net = keras.Sequential([
                    keras.layers.Dense(units=64, activation=tf.nn.relu),
                    keras.layers.Dense(units=32, activation=keras.activations.relu),
                ])
                self.dense = keras.layers.Dense(units=16, activation=None)

            def call(self, inputs, training=None):
                return self.dense(self.net(inputs, training=training))
    """),

    # -------------------------------------------------------------- chimera
    Variant("chimera", "[style] Builds the keras.Sequential empty and adds the three layers with .add().", """
        import keras
        import tensorflow as tf

        def chimera():
            model = keras.Sequential(name="chimera")
            model.add(NestMLP())
            model.add(keras.layers.Dense(20))
            model.add(FixedHiddenMLP())
            return model
    """),
    Variant("chimera", "[style] Uses keras.models.Sequential with a layers= keyword and explicit activation=None on the Dense.", """
        import keras
        import tensorflow as tf

        def chimera():
            parts = (NestMLP(), keras.layers.Dense(units=20, activation=None), FixedHiddenMLP())
            return keras.models.Sequential(layers=list(parts))
    """),

    # -------------------------------------------------------- ParallelBlock
    Variant("ParallelBlock", "[style] Keeps the two nets in a tracked list and concatenates with keras.ops.concatenate on axis -1.", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.branches = [net1, net2]

            def call(self, X):
                return keras.ops.concatenate([branch(X) for branch in self.branches], axis=-1)
    """),
    Variant("ParallelBlock", "[style] Uses a keras.layers.Concatenate(axis=-1) layer created in __init__ and passes training on to both nets.", """
        import keras
        import tensorflow as tf

        class ParallelBlock(keras.Model):
            def __init__(self, net1, net2, **kwargs):
                super().__init__(**kwargs)
                self.left = net1
                self.right = net2
                self.join = keras.layers.Concatenate(axis=-1)

            def call(self, X, training=None):
                a = self.left(X, training=training)
                b = self.right(X, training=training)
                return self.join([a, b])
    """),

    # --------------------------------------------------------- repeat_block
    Variant("repeat_block", "[style] Returns the module's own MySequential (allowed: 'MySequential-like'); with n = 0 it is empty and returns its input.", """
        import keras
        import tensorflow as tf

        def repeat_block(make_block, n):
            return MySequential(*(make_block() for _ in range(n)))
    """),
    Variant("repeat_block", "[style] Adds the blocks one by one with .add() and uses an Activation('linear') layer (the identity) when n = 0.", """
        import keras
        import tensorflow as tf

        def repeat_block(make_block, n):
            model = keras.Sequential()
            i = 0
            while i < n:
                model.add(make_block())
                i += 1
            if not model.layers:
                model.add(keras.layers.Activation("linear"))
            return model
    """),
]
