"""Blind batch 4: mutants and variants of tensorflow/lazy_init.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("lazy_mlp", "[dtype] Gives the hidden Dense dtype='mixed_float16' ('mixed precision is faster'): it is lazy and its kernel is a (d, hidden) float32 variable, but it computes in float16, so the outputs carry float16 rounding (about 1e-3 relative) instead of float32 results.", """
        import keras

        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden, activation="relu", dtype="mixed_float16"),
                keras.layers.Dense(out_features),
            ])
    """),
    Mutant("all_lazy_mlp", "[mode] Adds keras.layers.GaussianNoise(0.1) after the hidden layer ('noise regularises'): a plain call or predict is exact, but with training=True (fit) the hidden activations get random noise.", """
        import keras

        def all_lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden, activation="relu"),
                keras.layers.GaussianNoise(0.1),
                keras.layers.Dense(out_features),
            ])
    """),
    Mutant("materialize", "[repeat] Keeps the dry input in a module-level dict with setdefault ('make the zeros once'): the first call is right, but setdefault keeps the first width, so a later materialize(net, 7) after materialize(other, 5) builds net for 5 inputs.", """
        import tensorflow as tf

        _PROBE = {}

        def materialize(net, in_features):
            probe = _PROBE.setdefault("zeros", tf.zeros((1, in_features)))
            net(probe)
            return net
    """),
]

VARIANTS = [
    Variant("all_lazy_mlp", "[style] Two plain Dense layers with a keras.layers.Lambda(tf.nn.relu) layer between them: no layer has an input shape, so both are lazy, and the net is still Dense, ReLU, Dense.", """
        import keras
        import tensorflow as tf

        def all_lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden),
                keras.layers.Lambda(tf.nn.relu),
                keras.layers.Dense(out_features),
            ])
    """),
]
