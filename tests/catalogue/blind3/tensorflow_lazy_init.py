"""Blind batch 3: mutants and variants of tensorflow/lazy_init.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("lazy_mlp", "[plain] The hidden Dense is created with use_bias=False ('the ReLU does not need an offset'), so the first layer has a kernel but no bias.", """
        import keras

        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden, activation="relu", use_bias=False),
                keras.layers.Dense(out_features),
            ])
    """),
    Mutant("all_lazy_mlp", "[plain] Gives the output Dense a relu as well ('every layer the same'), so negative outputs are clipped to 0.", """
        import keras

        def all_lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden, activation="relu"),
                keras.layers.Dense(out_features, activation="relu"),
            ])
    """),
    Mutant("materialize", "[netkind] Builds only net.layers[0] with (None, in_features) ('the first layer is the lazy one'), so every later lazy layer still has no weights.", """
        def materialize(net, in_features):
            net.layers[0].build((None, in_features))
            return net
    """),
    Mutant("materialize", "[boundary] The dry input is tf.zeros((in_features,)) with no batch axis, which Keras' Dense rejects (it needs at least rank 2), so materialize raises.", """
        import tensorflow as tf

        def materialize(net, in_features):
            net(tf.zeros((in_features,)))
            return net
    """),
]

VARIANTS = [
    Variant("materialize", "[style] The dry call uses an empty batch, tf.zeros((0, in_features)): layers are built from the input's shape, so every lazy weight is created with the right size, and net is returned.", """
        import tensorflow as tf

        def materialize(net, in_features):
            net(tf.zeros((0, in_features)))
            return net
    """),
]
