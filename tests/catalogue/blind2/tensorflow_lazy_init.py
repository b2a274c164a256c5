"""Blind batch 2: mutants and variants of tensorflow/lazy_init.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant, judge

MUTANTS = [
    # ---------------------------------------------------------------- lazy_mlp
    Mutant("lazy_mlp", "[boundary] Declares lazy_mlp(out_features=10, hidden=256): the defaults are right, but lazy_mlp(64, 5) builds a 5-unit hidden layer and 64 outputs.", """
        import keras

        def lazy_mlp(out_features=10, hidden=256):
            return keras.Sequential([
                keras.layers.Dense(hidden, activation="relu"),
                keras.layers.Dense(out_features),
            ])
    """),
    Mutant("lazy_mlp", "[mode] Adds BatchNormalization after the hidden layer: almost the same in inference (moving statistics 0 / 1), but in training mode (fit, training=True) the hidden activations are normalised per batch.", """
        import keras

        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden, activation="relu"),
                keras.layers.BatchNormalization(),
                keras.layers.Dense(out_features),
            ])
    """),
    Mutant("lazy_mlp", "[gradient] Freezes the first Dense (trainable=False, 'the lazy layer is only a feature map'), so its kernel and bias are not trainable and get no gradient.", """
        import keras

        def lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden, activation="relu", trainable=False),
                keras.layers.Dense(out_features),
            ])
    """),
    # ---------------------------------------------------------------- all_lazy_mlp
    Mutant("all_lazy_mlp", "[plain] Delegates to lazy_mlp() without passing the arguments on ('it is the same construction'), so hidden and out_features are ignored.", """
        def all_lazy_mlp(hidden=256, out_features=10):
            return lazy_mlp()
    """),
    Mutant("all_lazy_mlp", "[type] Returns the list of lazy layers instead of a model holding them.", """
        import keras

        def all_lazy_mlp(hidden=256, out_features=10):
            return [keras.layers.Dense(hidden, activation="relu"), keras.layers.Dense(out_features)]
    """),
    Mutant("all_lazy_mlp", "[plain] Copy-paste slip: both Dense layers get `hidden` units, so the output is hidden wide instead of out_features.", """
        import keras

        def all_lazy_mlp(hidden=256, out_features=10):
            return keras.Sequential([
                keras.layers.Dense(hidden, activation="relu"),
                keras.layers.Dense(hidden),
            ])
    """),
    # ---------------------------------------------------------------- materialize
    Mutant("materialize", "[boundary] Skips the dry call when net.built is already True, but a subclassed model after net.build(shape) is marked built while its layers still have no weights.", """
        import tensorflow as tf

        def materialize(net, in_features):
            if not net.built:
                net(tf.zeros((1, in_features)))
            return net
    """),
    Mutant("materialize", "[plain] `return net` is indented under the `if not net.built:` guard, so an already built net gives None.", """
        import tensorflow as tf

        def materialize(net, in_features):
            if not net.built:
                net(tf.zeros((1, in_features)))
                return net
    """),
    Mutant("materialize", "[random] Calls keras.utils.set_random_seed(0) before the dry call 'for reproducibility', so every net materialized gets the very same initial weights (and the global random state is reset).", """
        import keras
        import tensorflow as tf

        def materialize(net, in_features):
            keras.utils.set_random_seed(0)
            net(tf.zeros((1, in_features)))
            return net
    """),
]

VARIANTS = [
    Variant("lazy_mlp", "[style] A subclassed keras.Model whose Dense layers are created in build() (so nothing exists before the first call) and applied with keras.ops.relu in between.", """
        import keras

        class LazyMLP(keras.Model):
            def __init__(self, hidden, out_features, **kwargs):
                super().__init__(**kwargs)
                self.n_hidden = hidden
                self.n_out = out_features

            def build(self, input_shape):
                self.hidden = keras.layers.Dense(self.n_hidden)
                self.out = keras.layers.Dense(self.n_out)

            def call(self, X):
                return self.out(keras.ops.relu(self.hidden(X)))

        def lazy_mlp(hidden=256, out_features=10):
            return LazyMLP(hidden, out_features)
    """),
    Variant("all_lazy_mlp", "[style] keras.Sequential(layers=...) built from a list of (units, activation) pairs with keras.activations.relu / None as callables.", """
        import keras

        def all_lazy_mlp(hidden=256, out_features=10):
            spec = [(hidden, keras.activations.relu), (out_features, None)]
            return keras.Sequential(layers=[keras.layers.Dense(units=u, activation=a) for u, a in spec])
    """),
    Variant("materialize", "[style] The dry run goes through net.predict_on_batch on a float32 numpy batch of one row; it calls the model, which creates every lazy weight, and net is returned.", """
        import numpy as np

        def materialize(net, in_features):
            net.predict_on_batch(np.zeros((1, in_features), dtype="float32"))
            return net
    """),
]


# ---- judged after the first run (see tests/catalogue/__init__.py, judge)
MUTANTS, VARIANTS, JUDGED = judge(MUTANTS, VARIANTS, out_of_contract={
    "[random] Calls keras.utils.set_random_seed(0) before the dry call":
        "the weights still differ between nets: Keras 3 draws each initializer's seed when the layer is made, "
        "before materialize runs; resetting the global random state is a side effect the contract does not name",
})
