"""Catalogue for tensorflow/lazy_init.py (Keras 3): lazy_mlp, all_lazy_mlp, materialize."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # lazy_mlp
    Mutant("lazy_mlp", "The first Dense is given input_shape=(20,): its input size is fixed, not inferred.", """
        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([keras.layers.Dense(hidden, activation="relu", input_shape=(20,)),
                                     keras.layers.Dense(out_features)])
    """),
    Mutant("lazy_mlp", "The Sequential starts with keras.Input(shape=(20,)), which builds every layer at once.", """
        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([keras.Input(shape=(20,)), keras.layers.Dense(hidden, activation="relu"),
                                     keras.layers.Dense(out_features)])
    """),
    Mutant("lazy_mlp", "The output Dense has a relu activation too.", """
        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([keras.layers.Dense(hidden, activation="relu"),
                                     keras.layers.Dense(out_features, activation="relu")])
    """),
    Mutant("lazy_mlp", "The relu between the two layers is missing.", """
        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([keras.layers.Dense(hidden), keras.layers.Dense(out_features)])
    """),
    Mutant("lazy_mlp", "hidden and out_features are swapped.", """
        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([keras.layers.Dense(out_features, activation="relu"), keras.layers.Dense(hidden)])
    """),
    Mutant("lazy_mlp", "The net is built with net.build((None, 20)) before it is returned.", """
        def lazy_mlp(hidden=256, out_features=10):
            net = keras.Sequential([keras.layers.Dense(hidden, activation="relu"), keras.layers.Dense(out_features)])
            net.build((None, 20))
            return net
    """),
    Mutant("lazy_mlp", "The defaults are swapped: hidden=10, out_features=256.", """
        def lazy_mlp(hidden=10, out_features=256):
            return keras.Sequential([keras.layers.Dense(hidden, activation="relu"), keras.layers.Dense(out_features)])
    """),
    # all_lazy_mlp
    Mutant("all_lazy_mlp", "The second Dense is built for `hidden` inputs up front: only the first layer is lazy.", """
        def all_lazy_mlp(hidden=256, out_features=10):
            second = keras.layers.Dense(out_features)
            second.build((None, hidden))
            return keras.Sequential([keras.layers.Dense(hidden, activation="relu"), second])
    """),
    Mutant("all_lazy_mlp", "The first Dense is given input_shape=(20,), as in the book's non-lazy MLP.", """
        def all_lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([keras.layers.Dense(hidden, activation="relu", input_shape=(20,)),
                                     keras.layers.Dense(out_features)])
    """),
    Mutant("all_lazy_mlp", "The relu is missing.", """
        def all_lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([keras.layers.Dense(hidden), keras.layers.Dense(out_features)])
    """),
    Mutant("all_lazy_mlp", "An extra ReLU layer is applied to the output.", """
        def all_lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([keras.layers.Dense(hidden, activation="relu"), keras.layers.Dense(out_features),
                                     keras.layers.ReLU()])
    """),
    Mutant("all_lazy_mlp", "hidden and out_features are swapped.", """
        def all_lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([keras.layers.Dense(out_features, activation="relu"), keras.layers.Dense(hidden)])
    """),
    # materialize
    Mutant("materialize", "The dry call happens but net is not returned.", """
        def materialize(net, in_features):
            net(tf.zeros((1, in_features)))
    """),
    Mutant("materialize", "It returns the dry call's output instead of the net.", """
        def materialize(net, in_features):
            return net(tf.zeros((1, in_features)))
    """),
    Mutant("materialize", "It calls net.build((None, in_features)), which builds no layer of a subclassed model.", """
        def materialize(net, in_features):
            net.build((None, in_features))
            return net
    """),
    Mutant("materialize", "It builds only the first layer, so later layers stay unbuilt.", """
        def materialize(net, in_features):
            net.layers[0].build((None, in_features))
            return net
    """),
    Mutant("materialize", "It builds every layer for in_features inputs, the wrong size for every layer but the first.", """
        def materialize(net, in_features):
            for layer in net.layers:
                layer.build((None, in_features))
            return net
    """),
    Mutant("materialize", "The dummy batch is shaped (in_features, 1) instead of (1, in_features).", """
        def materialize(net, in_features):
            net(tf.zeros((in_features, 1)))
            return net
    """),
    Mutant("materialize", "It returns a new Sequential with a keras.Input in front instead of the net it was given.", """
        def materialize(net, in_features):
            return keras.Sequential([keras.Input(shape=(in_features,)), *net.layers])
    """),
    # added: input widths varied, the net still usable
    Mutant("lazy_mlp", "Hands out one net per (hidden, out_features), made once: built for the first input width only.",
           """
        _NETS = {}

        def lazy_mlp(hidden=256, out_features=10):
            if (hidden, out_features) not in _NETS:
                _NETS[hidden, out_features] = keras.Sequential([keras.layers.Dense(hidden, activation="relu"),
                                                               keras.layers.Dense(out_features)])
            return _NETS[hidden, out_features]
    """),
    Mutant("all_lazy_mlp", "Hands out one net per (hidden, out_features), made once: built for the first input width "
                           "only.", """
        _NETS = {}

        def all_lazy_mlp(hidden=256, out_features=10):
            if (hidden, out_features) not in _NETS:
                _NETS[hidden, out_features] = keras.Sequential([keras.layers.Dense(hidden, activation="relu"),
                                                               keras.layers.Dense(out_features)])
            return _NETS[hidden, out_features]
    """),
    Mutant("materialize", "Freezes the net (trainable = False) for the dry call and never unfreezes it.", """
        def materialize(net, in_features):
            net.trainable = False
            net(tf.zeros((1, in_features)))
            return net
    """),
]

VARIANTS = [
    Variant("lazy_mlp", "A subclassed keras.Model that creates the output layer first and applies tf.nn.relu in call.",
            """
        class _LazyMLP(keras.Model):
            def __init__(self, hidden, out_features, **kwargs):
                super().__init__(**kwargs)
                self.out = keras.layers.Dense(out_features)
                self.hidden = keras.layers.Dense(hidden)

            def call(self, X):
                return self.out(tf.nn.relu(self.hidden(X)))

        def lazy_mlp(hidden=256, out_features=10):
            return _LazyMLP(hidden, out_features)
    """),
    Variant("lazy_mlp", "A Sequential grown with add() and a separate ReLU layer.", """
        def lazy_mlp(hidden=256, out_features=10):
            net = keras.Sequential()
            net.add(keras.layers.Dense(hidden))
            net.add(keras.layers.ReLU())
            net.add(keras.layers.Dense(out_features))
            return net
    """),
    Variant("all_lazy_mlp", "A subclassed keras.Model holding a list of Dense layers and keras.ops.relu.", """
        class _AllLazy(keras.Model):
            def __init__(self, hidden, out_features, **kwargs):
                super().__init__(**kwargs)
                self.stack = [keras.layers.Dense(hidden), keras.layers.Dense(out_features)]

            def call(self, X):
                return self.stack[1](keras.ops.relu(self.stack[0](X)))

        def all_lazy_mlp(hidden=256, out_features=10):
            return _AllLazy(hidden, out_features)
    """),
    Variant("all_lazy_mlp", "Keyword arguments spelled out and an Activation('relu') layer.", """
        def all_lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential(layers=[keras.layers.Dense(units=hidden, use_bias=True),
                                            keras.layers.Activation("relu"),
                                            keras.layers.Dense(units=out_features, use_bias=True)])
    """),
    Variant("materialize", "A dry call on a numpy batch of ones, two rows, training=False.", """
        import numpy as np

        def materialize(net, in_features):
            net(np.ones((2, in_features), dtype="float32"), training=False)
            return net
    """),
    Variant("materialize", "A dry call on keras.ops.zeros, then net returned.", """
        def materialize(net, in_features):
            _ = net(keras.ops.zeros((1, in_features)))
            return net
    """),
    Variant("materialize", "A dry call on a symbolic keras.Input (builds every layer, leaves the net as it was).", """
        def materialize(net, in_features):
            net(keras.Input(shape=(in_features,)))
            return net
    """),
]
