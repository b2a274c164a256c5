"""Blind batch 2: mutants and variants of tensorflow/parameters.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant, judge

MUTANTS = [
    # ---------------------------------------------------------------- layer_weights
    Mutant("layer_weights", "[plain] Sorts the layer's weights by name 'for a stable order', so a Dense's bias comes before its kernel instead of net.layers[i].weights' kernel-then-bias order.", """
        def layer_weights(net, i):
            return sorted(net.layers[i].weights, key=lambda w: w.name)
    """),
    Mutant("layer_weights", "[boundary] Rejects negative indices ('no such layer'), although net.layers[i] takes i = -1 for the last layer.", """
        def layer_weights(net, i):
            if i < 0 or i >= len(net.layers):
                raise IndexError(f"no layer {i}")
            return net.layers[i].weights
    """),
    Mutant("layer_weights", "[netkind] Indexes the recursively flattened list of sub-layers (_flatten_layers), so inside nested blocks (rgnet) index i is an inner layer, not net.layers[i].", """
        def layer_weights(net, i):
            layers = list(net._flatten_layers(include_self=False, recursive=True))
            return layers[i].weights
    """),
    # ---------------------------------------------------------------- weight_shapes
    Mutant("weight_shapes", "[type] Returns a tuple of shape tuples instead of a list.", """
        def weight_shapes(net):
            return tuple(tuple(w.shape) for w in net.weights)
    """),
    Mutant("weight_shapes", "[repeat] Memoises the answer per net object (id), so shapes asked for before the net was built ([]) are returned again after it is built.", """
        _SHAPES = {}

        def weight_shapes(net):
            key = id(net)
            if key not in _SHAPES:
                _SHAPES[key] = [tuple(w.shape) for w in net.weights]
            return list(_SHAPES[key])
    """),
    Mutant("weight_shapes", "[netkind] Lists net.variables instead of net.weights, which adds the seed-generator state of Dropout and other random layers.", """
        def weight_shapes(net):
            return [tuple(v.shape) for v in net.variables]
    """),
    # ---------------------------------------------------------------- nested_weight
    Mutant("nested_weight", "[plain] Indexes net.layers at every step (`layer = net.layers[i]`) instead of descending into the current layer, so only one-step paths are followed correctly.", """
        def nested_weight(net, path, name):
            if name not in ("kernel", "bias"):
                raise ValueError(f"name must be 'kernel' or 'bias', not {name!r}")
            layer = net
            for i in path:
                layer = net.layers[i]
            return getattr(layer, name)
    """),
    Mutant("nested_weight", "[boundary] Accepts the PyTorch spelling 'weight' as an alias for 'kernel', so an invalid name returns the kernel instead of raising ValueError.", """
        def nested_weight(net, path, name):
            name = {"weight": "kernel"}.get(name, name)
            if name not in ("kernel", "bias"):
                raise ValueError(f"name must be 'kernel' or 'bias', not {name!r}")
            layer = net
            for i in path:
                layer = layer.layers[i]
            return getattr(layer, name)
    """),
    Mutant("nested_weight", "[type] Returns `.value`, the backend tf.Variable behind the Keras variable, not the layer's Keras variable itself.", """
        def nested_weight(net, path, name):
            if name not in ("kernel", "bias"):
                raise ValueError(f"name must be 'kernel' or 'bias', not {name!r}")
            layer = net
            for i in path:
                layer = layer.layers[i]
            return getattr(layer, name).value
    """),
    # ---------------------------------------------------------------- rgnet
    Mutant("rgnet", "[repeat] Numbers the blocks from a module-level itertools.count 'so names are unique', so the first rgnet() has block-0..block-3 but the next one block-4..block-7.", """
        import itertools

        import keras

        _BLOCK_IDS = itertools.count()

        def block1(name):
            return keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(4, activation="relu")], name=name)

        def block2():
            return keras.Sequential([block1(f"block-{next(_BLOCK_IDS)}") for _ in range(4)])

        def rgnet():
            return keras.Sequential([block2(), keras.layers.Dense(1)])
    """),
    Mutant("rgnet", "[plain] Puts the Flatten after the Dense in block1 (Dense(4, relu), then Flatten), so block.layers[1] is the Flatten and rank-3 inputs are not flattened first.", """
        import keras

        def block1(name):
            return keras.Sequential([keras.layers.Dense(4, activation="relu"), keras.layers.Flatten()], name=name)

        def block2():
            return keras.Sequential([block1(f"block-{i}") for i in range(4)])

        def rgnet():
            return keras.Sequential([block2(), keras.layers.Dense(1)])
    """),
    Mutant("rgnet", "[netkind] Writes block1 as Flatten, Dense(4), ReLU layer: the same function, but each block has three layers and its Dense has no activation of its own.", """
        import keras

        def block1(name):
            return keras.Sequential(
                [keras.layers.Flatten(), keras.layers.Dense(4), keras.layers.ReLU()], name=name
            )

        def block2():
            return keras.Sequential([block1(f"block-{i}") for i in range(4)])

        def rgnet():
            return keras.Sequential([block2(), keras.layers.Dense(1)])
    """),
    # ---------------------------------------------------------------- normal_init
    Mutant("normal_init", "[random] VarianceScaling(scale=0.01, distribution='untruncated_normal'): the standard deviation is sqrt(0.01 / fan_in) (about 0.0058 for 300 inputs), not 0.01.", """
        import keras

        def normal_init():
            return keras.initializers.VarianceScaling(scale=0.01, mode="fan_in", distribution="untruncated_normal")
    """),
    Mutant("normal_init", "[random] A truncated normal rescaled to standard deviation 0.01: the spread is right, but nothing lies beyond about 2.3 sigma, so it is not N(0, 0.01).", """
        import keras
        import tensorflow as tf

        def normal_init():
            def init(shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                return tf.random.truncated_normal(shape, stddev=0.01 / 0.8796, dtype=dtype)
            return init
    """),
    Mutant("normal_init", "[plain] Typo stddev=0.001, ten times too narrow.", """
        import keras

        def normal_init():
            return keras.initializers.RandomNormal(mean=0.0, stddev=0.001)
    """),
    # ---------------------------------------------------------------- xavier_init
    Mutant("xavier_init", "[random] VarianceScaling(1, 'fan_out', 'uniform'): bound sqrt(3 / fan_out), equal to Glorot only for square kernels.", """
        import keras

        def xavier_init():
            return keras.initializers.VarianceScaling(scale=1.0, mode="fan_out", distribution="uniform")
    """),
    Mutant("xavier_init", "[random] Hand-written with the right bound a = sqrt(6 / (fan_in + fan_out)) but drawn from U(0, a) instead of U(-a, a): never negative.", """
        import math

        import keras
        import tensorflow as tf

        def xavier_init():
            def init(shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                fan_in, fan_out = shape[-2], shape[-1]
                a = math.sqrt(6.0 / (fan_in + fan_out))
                return tf.random.uniform(shape, 0.0, a, dtype=dtype)
            return init
    """),
    Mutant("xavier_init", "[random] VarianceScaling(scale=2, 'fan_avg', 'uniform'): the ReLU gain makes the bound sqrt(2) times Glorot's.", """
        import keras

        def xavier_init():
            return keras.initializers.VarianceScaling(scale=2.0, mode="fan_avg", distribution="uniform")
    """),
    # ---------------------------------------------------------------- constant_init
    Mutant("constant_init", "[boundary] Uses Constant(value or 1) 'to default to the book's 1', so constant_init(0) fills with ones.", """
        import keras

        def constant_init(value):
            return keras.initializers.Constant(value or 1)
    """),
    Mutant("constant_init", "[plain] Multiplies zeros by value instead of ones, so every entry is 0 whatever value is.", """
        import keras
        import tensorflow as tf

        def constant_init(value):
            def init(shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                return tf.zeros(shape, dtype=dtype) * tf.cast(value, dtype)
            return init
    """),
    Mutant("constant_init", "[type] Fills in float32 first and casts to the requested dtype afterwards, so a float64 request gets value rounded to float32 (0.1 becomes 0.10000000149...).", """
        import keras
        import tensorflow as tf

        def constant_init(value):
            def init(shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                return tf.cast(tf.fill(shape, tf.constant(value, tf.float32)), dtype)
            return init
    """),
    # ---------------------------------------------------------------- MyInit
    Mutant("MyInit", "[random] Draws U(0, 10) (minval left at 0), so no entry is ever negative.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                data = tf.random.uniform(shape, maxval=10, dtype=dtype)
                return tf.where(tf.abs(data) < 5, tf.zeros_like(data), data)
    """),
    Mutant("MyInit", "[random] Builds the mask from a second, independent draw, so the zeros fall on random entries and surviving values below 5 in magnitude remain.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                data = tf.random.uniform(shape, minval=-10, maxval=10, dtype=dtype)
                mask = tf.abs(tf.random.uniform(shape, minval=-10, maxval=10, dtype=dtype)) >= 5
                return data * tf.cast(mask, dtype)
    """),
    Mutant("MyInit", "[repeat] Caches its draw per (shape, dtype) on the instance, so one MyInit used for several layers of one shape gives them all the same weights.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                cache = self.__dict__.setdefault("_cache", {})
                key = (tuple(shape), dtype.name)
                if key not in cache:
                    data = tf.random.uniform(shape, minval=-10, maxval=10, dtype=dtype)
                    cache[key] = tf.where(tf.abs(data) < 5, tf.zeros_like(data), data)
                return cache[key]
    """),
    # ---------------------------------------------------------------- apply_init
    Mutant("apply_init", "[netkind] Recurses only into keras.Sequential containers, so Dense layers inside a subclassed keras.Model (or a functional one) are skipped.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            def visit(layer, seen):
                if id(layer) in seen:
                    return
                seen.add(id(layer))
                if isinstance(layer, keras.layers.Dense):
                    if layer.built:
                        layer.kernel.assign(kernel_init(tuple(layer.kernel.shape), layer.kernel.dtype))
                        if bias_init is not None and layer.bias is not None:
                            layer.bias.assign(bias_init(tuple(layer.bias.shape), layer.bias.dtype))
                elif isinstance(layer, keras.Sequential):
                    for sub in layer.layers:
                        visit(sub, seen)
            visit(net, set())
            return net
    """),
    Mutant("apply_init", "[plain] `return net` is indented inside the loop, so only the first Dense found is re-initialized.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            seen = set()
            stack = [net]
            while stack:
                layer = stack.pop(0)
                if id(layer) in seen:
                    continue
                seen.add(id(layer))
                if isinstance(layer, keras.layers.Dense):
                    if layer.built:
                        layer.kernel.assign(kernel_init(tuple(layer.kernel.shape), layer.kernel.dtype))
                        if bias_init is not None and layer.bias is not None:
                            layer.bias.assign(bias_init(tuple(layer.bias.shape), layer.bias.dtype))
                        return net
                else:
                    stack.extend(_sublayers(layer))
            return net
    """),
    Mutant("apply_init", "[netkind] Skips frozen Dense layers (trainable=False, 'they are not being trained'), although every built Dense must be re-initialized.", """
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
                    if layer.built and layer.trainable:
                        layer.kernel.assign(kernel_init(tuple(layer.kernel.shape), layer.kernel.dtype))
                        if bias_init is not None and layer.bias is not None:
                            layer.bias.assign(bias_init(tuple(layer.bias.shape), layer.bias.dtype))
                else:
                    stack.extend(_sublayers(layer))
            return net
    """),
    # ---------------------------------------------------------------- set_manually
    Mutant("set_manually", "[plain] Reads the '= 42' as += 42, so kernel[0, 0] ends at old + 43 instead of 42.", """
        import keras

        def set_manually(net):
            dense = next((l for l in net.layers if isinstance(l, keras.layers.Dense)), None)
            if dense is None or not dense.built:
                raise ValueError("set_manually: no built Dense in net.layers")
            kernel = dense.kernel
            kernel.assign(kernel + 1)
            kernel[0, 0].assign(kernel[0, 0] + 42)
            return net
    """),
    Mutant("set_manually", "[plain] Edits every Dense of net.layers, not only the first one.", """
        import keras

        def set_manually(net):
            denses = [l for l in net.layers if isinstance(l, keras.layers.Dense)]
            if not denses or not all(d.built for d in denses):
                raise ValueError("set_manually: no built Dense in net.layers")
            for dense in denses:
                kernel = dense.kernel
                kernel.assign(kernel + 1)
                kernel[0, 0].assign(42)
            return net
    """),
    Mutant("set_manually", "[type] Takes a numpy snapshot, assigns snapshot + 1, then sets [0, 0] = 42 in the stale snapshot and assigns that: the final kernel has 42 at [0, 0] but lost the + 1 everywhere else.", """
        import keras

        def set_manually(net):
            dense = next((l for l in net.layers if isinstance(l, keras.layers.Dense)), None)
            if dense is None or not dense.built:
                raise ValueError("set_manually: no built Dense in net.layers")
            k = dense.kernel.numpy()
            dense.kernel.assign(k + 1)
            k[0, 0] = 42
            dense.kernel.assign(k)
            return net
    """),
    # ---------------------------------------------------------------- tied_net
    Mutant("tied_net", "[repeat] Creates the shared Dense once at import ('create the shared layer first'), so every tied_net() is tied to every other one, and width is ignored for it.", """
        import keras

        _SHARED = keras.layers.Dense(8, activation="relu")

        def tied_net(width=8):
            return keras.Sequential([
                keras.Input(shape=(4,)),
                keras.layers.Dense(width, activation="relu"),
                _SHARED,
                _SHARED,
                keras.layers.Dense(1),
            ])
    """),
    Mutant("tied_net", "[plain] Makes the first layer Dense(4, relu) (the input width), so its kernel is (4, 4) instead of (4, width).", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(width, activation="relu")
            return keras.Sequential([
                keras.Input(shape=(4,)),
                keras.layers.Dense(4, activation="relu"),
                shared,
                shared,
                keras.layers.Dense(1),
            ])
    """),
    Mutant("tied_net", "[plain] Gives the output Dense(1) a relu as well, so negative outputs are clipped to 0.", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(width, activation="relu")
            return keras.Sequential([
                keras.Input(shape=(4,)),
                keras.layers.Dense(width, activation="relu"),
                shared,
                shared,
                keras.layers.Dense(1, activation="relu"),
            ])
    """),
]

VARIANTS = [
    Variant("set_manually", "[style] One assign of tf.where(one-hot mask at [0, 0], 42, kernel + 1): the same final kernel, written to the same variable.", """
        import keras
        import tensorflow as tf

        def set_manually(net):
            dense = next((l for l in net.layers if isinstance(l, keras.layers.Dense)), None)
            if dense is None:
                raise ValueError("set_manually: net.layers holds no Dense layer")
            if not dense.built:
                raise ValueError("set_manually: build the net first")
            kernel = dense.kernel
            rows = tf.range(kernel.shape[0])[:, None]
            cols = tf.range(kernel.shape[1])[None, :]
            first = tf.logical_and(rows == 0, cols == 0)
            kernel.assign(tf.where(first, tf.constant(42, kernel.dtype), kernel + 1))
            return net
    """),
    Variant("MyInit", "[style] Zeroes small entries by multiplying with sign(relu(|w| - 5)), which is 1 where |w| > 5 and 0 below (|w| == 5 has probability zero).", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                w = tf.random.uniform(shape, minval=-10.0, maxval=10.0, dtype=dtype)
                return w * tf.sign(tf.nn.relu(tf.abs(w) - 5))
    """),
    Variant("constant_init", "[style] Gets the Constant initializer from a config dict through keras.initializers.get.", """
        import keras

        def constant_init(value):
            return keras.initializers.get({"class_name": "Constant", "config": {"value": value}})
    """),
]


# ---- judged after the first run (see tests/catalogue/__init__.py, judge)
MUTANTS, VARIANTS, JUDGED = judge(MUTANTS, VARIANTS, out_of_contract={
    "[type] Fills in float32 first and casts to the requested dtype afterwards":
        "Keras 3's own Constant does the same: Constant(0.1)(shape, 'float64') gives 0.10000000149 (the reference "
        "too); the contract asks for Keras' behaviour",
    '[repeat] Caches its draw per (shape, dtype) on the instance':
        "Keras 3's own initializers do the same: one unseeded instance called twice on one shape returns the same values (Keras warns); what the contract asks is that two initializers differ, which this one does",
    "[boundary] Accepts the PyTorch spelling 'weight'":
        "as in batch 1: the contract fixes name in {'kernel', 'bias'}; what another name does is never named",
})
