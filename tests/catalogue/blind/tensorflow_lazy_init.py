"""Blind mutants and variants of tensorflow/lazy_init.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant, judge

MUTANTS = [
    # ---------------------------------------------------------------- lazy_mlp
    Mutant("lazy_mlp", "[netkind] Starts the Sequential with keras.Input(shape=(20,)) (d2l's example width), so the weights exist before the first call and only d = 20 inputs work.", """
        import keras

        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.Input(shape=(20,)),
                keras.layers.Dense(hidden, activation="relu"),
                keras.layers.Dense(out_features),
            ])
    """),
    Mutant("lazy_mlp", "[netkind] Old-Keras habit: Dense(hidden, input_shape=(20,)) on the first layer, which makes Keras 3's Sequential build at once with a (20, hidden) kernel.", """
        import keras

        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden, activation="relu", input_shape=(20,)),
                keras.layers.Dense(out_features),
            ])
    """),
    Mutant("lazy_mlp", "[boundary] The output layer is hard-coded as Dense(10), so out_features is ignored and only the default gives the right output width.", """
        import keras

        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden, activation="relu"),
                keras.layers.Dense(10),
            ])
    """),
    Mutant("lazy_mlp", "[plain] The relu is given to the output Dense instead of the hidden one, so the hidden layer is linear and outputs are clamped at 0.", """
        import keras

        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden),
                keras.layers.Dense(out_features, activation="relu"),
            ])
    """),
    Mutant("lazy_mlp", "[repeat] Caches the model per (hidden, out_features), so a second lazy_mlp() returns the same, already built model instead of a fresh lazy one.", """
        import keras

        _MODELS = {}

        def lazy_mlp(hidden=256, out_features=10):
            key = (hidden, out_features)
            if key not in _MODELS:
                _MODELS[key] = keras.Sequential([
                    keras.layers.Dense(hidden, activation="relu"),
                    keras.layers.Dense(out_features),
                ])
            return _MODELS[key]
    """),
    Mutant("lazy_mlp", "[mode] Adds a Dropout(0.5) after the hidden layer: identical in inference, but the model drops half the hidden units when called with training=True (e.g. in fit).", """
        import keras

        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden, activation="relu"),
                keras.layers.Dropout(0.5),
                keras.layers.Dense(out_features),
            ])
    """),
    Mutant("lazy_mlp", "[graph] A subclassed model that 'casts' its input through np.asarray: fine eagerly, but it fails under tf.function / predict / fit, and it cuts the gradient to the input.", """
        import numpy as np
        import keras
        import tensorflow as tf

        class LazyMLPModel(keras.Model):
            def __init__(self, hidden, out_features):
                super().__init__()
                self.hidden = keras.layers.Dense(hidden, activation="relu")
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                X = tf.convert_to_tensor(np.asarray(X, dtype=np.float32))
                return self.out(self.hidden(X))

        def lazy_mlp(hidden=256, out_features=10):
            return LazyMLPModel(hidden, out_features)
    """),
    Mutant("lazy_mlp", "[gradient] A subclassed model applying tf.stop_gradient to the hidden activation, so the first Dense (and the input) gets no gradient.", """
        import keras
        import tensorflow as tf

        class LazyMLPModel(keras.Model):
            def __init__(self, hidden, out_features):
                super().__init__()
                self.hidden = keras.layers.Dense(hidden, activation="relu")
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                return self.out(tf.stop_gradient(self.hidden(X)))

        def lazy_mlp(hidden=256, out_features=10):
            return LazyMLPModel(hidden, out_features)
    """),
    Mutant("lazy_mlp", "[random] Gives the hidden Dense a seeded GlorotUniform(seed=0): every model built has the very same first kernel for a given d.", """
        import keras

        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden, activation="relu",
                                   kernel_initializer=keras.initializers.GlorotUniform(seed=0)),
                keras.layers.Dense(out_features),
            ])
    """),
    Mutant("lazy_mlp", "[netkind] Puts a Flatten in front: invisible on (n, d) input, but on (n, a, d) input the kernel becomes (a*d, hidden) and the output (n, out) instead of acting on the last axis.", """
        import keras

        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Flatten(),
                keras.layers.Dense(hidden, activation="relu"),
                keras.layers.Dense(out_features),
            ])
    """),

    # ------------------------------------------------------------ all_lazy_mlp
    Mutant("all_lazy_mlp", "[plain] A subclassed model that builds its output Dense eagerly in __init__ (out.build((None, hidden))), so that layer is not lazy: it has weights before the first call.", """
        import keras
        import tensorflow as tf

        class AllLazyModel(keras.Model):
            def __init__(self, hidden, out_features):
                super().__init__()
                self.hidden = keras.layers.Dense(hidden, activation="relu")
                self.out = keras.layers.Dense(out_features)
                self.out.build((None, hidden))

            def call(self, X):
                return self.out(self.hidden(X))

        def all_lazy_mlp(hidden=256, out_features=10):
            return AllLazyModel(hidden, out_features)
    """),
    Mutant("all_lazy_mlp", "[netkind] Begins with keras.Input(shape=(20,)), so no layer is lazy: weights exist at construction and only 20-wide inputs work.", """
        import keras

        def all_lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.Input(shape=(20,)),
                keras.layers.Dense(hidden, activation="relu"),
                keras.layers.Dense(out_features),
            ])
    """),
    Mutant("all_lazy_mlp", "[plain] Forgets the activation: two plain Dense layers compose into one linear map.", """
        import keras

        def all_lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([keras.layers.Dense(hidden), keras.layers.Dense(out_features)])
    """),
    Mutant("all_lazy_mlp", "[boundary] Wrong default: hidden defaults to 64, so all_lazy_mlp() has a (d, 64) first kernel.", """
        import keras

        def all_lazy_mlp(hidden=64, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden, activation="relu"),
                keras.layers.Dense(out_features),
            ])
    """),
    Mutant("all_lazy_mlp", "[repeat] Returns one module-level model created at the first call, so every later call gets the same, already built object.", """
        import keras

        _MODEL = []

        def all_lazy_mlp(hidden=256, out_features=10):
            if not _MODEL:
                _MODEL.append(keras.Sequential([
                    keras.layers.Dense(hidden, activation="relu"),
                    keras.layers.Dense(out_features),
                ]))
            return _MODEL[0]
    """),
    Mutant("all_lazy_mlp", "[gradient] The hidden activation is computed with np.maximum on the eager tensor, so the first kernel gets no gradient (and graph mode breaks).", """
        import numpy as np
        import keras

        class AllLazyModel(keras.Model):
            def __init__(self, hidden, out_features):
                super().__init__()
                self.hidden = keras.layers.Dense(hidden)
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                return self.out(np.maximum(self.hidden(X), 0.0))

        def all_lazy_mlp(hidden=256, out_features=10):
            return AllLazyModel(hidden, out_features)
    """),
    Mutant("all_lazy_mlp", "[graph] The subclassed model applies relu only when tf.executing_eagerly(), so under tf.function / predict the hidden layer silently becomes linear.", """
        import keras
        import tensorflow as tf

        class AllLazyModel(keras.Model):
            def __init__(self, hidden, out_features):
                super().__init__()
                self.hidden = keras.layers.Dense(hidden)
                self.out = keras.layers.Dense(out_features)

            def call(self, X):
                H = self.hidden(X)
                if tf.executing_eagerly():
                    H = tf.nn.relu(H)
                return self.out(H)

        def all_lazy_mlp(hidden=256, out_features=10):
            return AllLazyModel(hidden, out_features)
    """),
    Mutant("all_lazy_mlp", "[random] Shares one seeded initializer instance between builds (module level GlorotUniform(seed=42)), so every model has the same kernels for the same input width.", """
        import keras

        _INIT = keras.initializers.GlorotUniform(seed=42)

        def all_lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden, activation="relu", kernel_initializer=_INIT),
                keras.layers.Dense(out_features, kernel_initializer=_INIT),
            ])
    """),

    # ------------------------------------------------------------- materialize
    Mutant("materialize", "[netkind] Uses net.build((None, in_features)): fine for a Sequential, but a subclassed Keras 3 model is only marked built and keeps no weights.", """
        def materialize(net, in_features):
            net.build((None, in_features))
            return net
    """),
    Mutant("materialize", "[netkind] Builds every layer of net.layers with (None, in_features), which is right for the first Dense only: later layers get kernels of the wrong input size.", """
        def materialize(net, in_features):
            for layer in net.layers:
                if not layer.built:
                    layer.build((None, in_features))
            return net
    """),
    Mutant("materialize", "[type] Wraps the net in a new functional keras.Model on a keras.Input and returns the wrapper instead of net itself.", """
        import keras

        def materialize(net, in_features):
            inputs = keras.Input(shape=(in_features,))
            return keras.Model(inputs, net(inputs))
    """),
    Mutant("materialize", "[plain] The dry input is tf.zeros((in_features, 1)) (axes swapped), so the first kernel becomes (1, hidden) instead of (in_features, hidden).", """
        import tensorflow as tf

        def materialize(net, in_features):
            net(tf.zeros((in_features, 1)))
            return net
    """),
    Mutant("materialize", "[mode] Dry call with training=True: a net holding BatchNormalization has its moving statistics updated by the zeros batch (moving_variance 1 -> 0.99).", """
        import tensorflow as tf

        def materialize(net, in_features):
            net(tf.zeros((1, in_features)), training=True)
            return net
    """),
    Mutant("materialize", "[gradient] Sets net.trainable = False 'so the dry run does not train anything' and never resets it: the returned net has no trainable weights left.", """
        import tensorflow as tf

        def materialize(net, in_features):
            net.trainable = False
            net(tf.zeros((1, in_features)))
            return net
    """),
    Mutant("materialize", "[repeat] After the dry call re-draws every kernel (Glorot) and zeroes every other weight, so materializing an already built or trained net wipes it.", """
        import keras
        import tensorflow as tf

        def materialize(net, in_features):
            net(tf.zeros((1, in_features)))
            for w in net.weights:
                if len(w.shape) == 2:
                    w.assign(keras.initializers.GlorotUniform()(w.shape))
                else:
                    w.assign(tf.zeros(w.shape))
            return net
    """),
    Mutant("materialize", "[random] 'Initializes' the lazy layers by first setting every unbuilt layer's kernel_initializer to RandomNormal(stddev=0.01), so the net's own initializers (Glorot, or any the user chose) are ignored.", """
        import keras
        import tensorflow as tf

        def materialize(net, in_features):
            for layer in net.layers:
                if not layer.built and hasattr(layer, "kernel_initializer"):
                    layer.kernel_initializer = keras.initializers.RandomNormal(stddev=0.01)
            net(tf.zeros((1, in_features)))
            return net
    """),
]

VARIANTS = [
    # ---------------------------------------------------------------- lazy_mlp
    Variant("lazy_mlp", "[style] A subclassed keras.Model (with an explicit name) that creates the output layer first and applies keras.ops.relu itself; the forward order is the contract's.", """
        import keras

        class LazyMLPNet(keras.Model):
            def __init__(self, hidden=256, out_features=10):
                super().__init__(name="lazy_mlp_net")
                self.output_layer = keras.layers.Dense(out_features)
                self.hidden_layer = keras.layers.Dense(hidden)

            def call(self, inputs):
                return self.output_layer(keras.ops.relu(self.hidden_layer(inputs)))

        def lazy_mlp(hidden=256, out_features=10):
            return LazyMLPNet(hidden, out_features)
    """),
    Variant("lazy_mlp", "[style] An empty keras.Sequential filled with add(), with the relu as its own keras.layers.ReLU layer between two plain Dense layers.", """
        import keras

        def lazy_mlp(hidden=256, out_features=10):
            net = keras.Sequential(name="lazy")
            net.add(keras.layers.Dense(units=hidden))
            net.add(keras.layers.ReLU())
            net.add(keras.layers.Dense(units=out_features))
            return net
    """),
    Variant("lazy_mlp", "[style] Dense layers with activation=tf.nn.relu / keras.activations.linear passed as callables and explicit layer names.", """
        import keras
        import tensorflow as tf

        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden, activation=tf.nn.relu, name="hidden"),
                keras.layers.Dense(out_features, activation=keras.activations.linear, name="output"),
            ])
    """),

    # ------------------------------------------------------------ all_lazy_mlp
    Variant("all_lazy_mlp", "[style] A subclassed model keeping its Dense layers in a plain list and looping over them in call, with relu between; no layer gets an input shape.", """
        import keras
        import tensorflow as tf

        class AllLazy(keras.Model):
            def __init__(self, hidden, out_features):
                super().__init__(name="all_lazy")
                self.blocks = [keras.layers.Dense(hidden), keras.layers.Dense(out_features)]

            def call(self, X):
                for k, layer in enumerate(self.blocks):
                    X = layer(X)
                    if k < len(self.blocks) - 1:
                        X = tf.nn.relu(X)
                return X

        def all_lazy_mlp(hidden=256, out_features=10):
            return AllLazy(hidden, out_features)
    """),
    Variant("all_lazy_mlp", "[style] Builds the layer list from a widths tuple with keras.layers.Activation('relu') between and no trailing activation.", """
        import keras

        def all_lazy_mlp(hidden=256, out_features=10):
            layers = []
            for width in (hidden, out_features):
                layers += [keras.layers.Dense(width), keras.layers.Activation("relu")]
            return keras.Sequential(layers[:-1])
    """),

    # ------------------------------------------------------------- materialize
    Variant("materialize", "[style] The dry run goes through net.predict on a numpy batch of two rows; predict calls the model, which creates every lazy weight, and net itself is returned.", """
        import numpy as np

        def materialize(net, in_features):
            net.predict(np.zeros((2, in_features), dtype="float32"), verbose=0)
            return net
    """),
    Variant("materialize", "[style] Dry call on keras.ops.ones of batch 3 with training=False passed explicitly; the values and batch size of a dry input do not matter.", """
        import keras

        def materialize(net, in_features):
            _ = net(keras.ops.ones((3, in_features)), training=False)
            return net
    """),
]

# ---- judged after the first run (see tests/catalogue/__init__.py, judge)
MUTANTS, VARIANTS, JUDGED = judge(MUTANTS, VARIANTS, out_of_contract={
    "[netkind] Puts a Flatten in front":
        "the contract grades lazy_mlp on (n, d) inputs only; rank-3 inputs are outside it",
})
