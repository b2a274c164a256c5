"""Blind batch 3: mutants and variants of tensorflow/parameters.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("weight_shapes", "[netkind] Lists net.trainable_weights + net.non_trainable_weights ('all the weights'), which is not net.weights order once a layer with non-trainable weights (BatchNormalization) comes before another layer.", """
        def weight_shapes(net):
            return [tuple(w.shape) for w in net.trainable_weights + net.non_trainable_weights]
    """),
    Mutant("layer_weights", "[netkind] Returns layer.trainable_weights + layer.non_trainable_weights: the same as .weights for a single Dense or BatchNormalization, but reordered for a nested block holding BatchNormalization then Dense.", """
        def layer_weights(net, i):
            layer = net.layers[i]
            return layer.trainable_weights + layer.non_trainable_weights
    """),
    Mutant("rgnet", "[boundary] Numbers block2's blocks from 1 ('block-1' ... 'block-4') instead of 'block-0' ... 'block-3'.", """
        import keras

        def block1(name):
            return keras.Sequential(
                [keras.layers.Flatten(), keras.layers.Dense(4, activation="relu")], name=name)

        def block2():
            return keras.Sequential([block1(f"block-{i}") for i in range(1, 5)])

        def rgnet():
            return keras.Sequential([block2(), keras.layers.Dense(1)])
    """),
    Mutant("MyInit", "[plain] Inverts the tf.where: keeps the entries with |w| < 5 and zeroes the large ones, so every non-zero entry is below 5 in magnitude.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                data = tf.random.uniform(shape, minval=-10, maxval=10, dtype=dtype)
                return tf.where(tf.abs(data) < 5, data, tf.zeros_like(data))
    """),
    Mutant("apply_init", "[plain] Never uses bias_init: only kernels are re-initialized, so apply_init(net, k, keras.initializers.Constant(3)) leaves every bias at its old value.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            seen = set()
            stack = [net]
            while stack:
                layer = stack.pop()
                if id(layer) in seen:
                    continue
                seen.add(id(layer))
                if isinstance(layer, keras.layers.Dense):
                    if layer.built:
                        layer.kernel.assign(kernel_init(tuple(layer.kernel.shape), layer.kernel.dtype))
                elif hasattr(layer, "layers"):
                    stack.extend(layer.layers)
                else:
                    stack.extend(layer._flatten_layers(include_self=False, recursive=False))
            return net
    """),
    Mutant("set_manually", "[plain] Computes the [0, 0] = 42 update with tf.tensor_scatter_nd_update but never assigns the result back, so the kernel gets the + 1 and keeps kernel[0, 0] = old + 1.", """
        import keras
        import tensorflow as tf

        def set_manually(net):
            dense = next(layer for layer in net.layers if isinstance(layer, keras.layers.Dense))
            kernel = dense.kernel
            kernel.assign(kernel + 1)
            tf.tensor_scatter_nd_update(kernel, [[0, 0]], tf.constant([42.0], kernel.dtype))
            return net
    """),
    Mutant("tied_net", "[plain] The first Dense(width) has no relu (only the shared layer has one): keras.Sequential([Input, Dense(w), shared, shared, Dense(1)]).", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(width, activation="relu")
            return keras.Sequential([
                keras.Input(shape=(4,)),
                keras.layers.Dense(width),
                shared,
                shared,
                keras.layers.Dense(1),
            ])
    """),
]

VARIANTS = [
    Variant("tied_net", "[style] Declares the input with a keras.layers.InputLayer(shape=(4,)) object instead of keras.Input; net.layers is still the four Dense entries and the net is built.", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(width, activation=keras.activations.relu)
            return keras.Sequential([
                keras.layers.InputLayer(shape=(4,)),
                keras.layers.Dense(width, activation=keras.activations.relu),
                shared,
                shared,
                keras.layers.Dense(1),
            ])
    """),
]
