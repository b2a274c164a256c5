"""Blind mutants and variants of tensorflow/parameters.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant, judge

MUTANTS = [
    # ------------------------------------------------------------------ layer_weights
    Mutant("layer_weights", "[type] Returns numpy copies of the layer's variables, so editing them never reaches the layer.", """
        def layer_weights(net, i):
            return [w.numpy() for w in net.layers[i].weights]
    """),
    Mutant("layer_weights", "[type] Returns fresh tf.Variable copies (tf.Variable(w)): same values, but not the layer's own variables.", """
        import tensorflow as tf

        def layer_weights(net, i):
            return [tf.Variable(w) for w in net.layers[i].weights]
    """),
    Mutant("layer_weights", "[netkind] Returns trainable_weights, which drops BatchNormalization's moving statistics and everything of a frozen layer.", """
        def layer_weights(net, i):
            return net.layers[i].trainable_weights
    """),
    Mutant("layer_weights", "[netkind] Returns .variables instead of .weights, which adds seed-generator state for Dropout and other random layers.", """
        def layer_weights(net, i):
            return list(net.layers[i].variables)
    """),
    Mutant("layer_weights", "[netkind] Indexes the private net._layers, which also holds the InputLayer, so it is one layer off for nets built with keras.Input.", """
        def layer_weights(net, i):
            return net._layers[i].weights
    """),
    Mutant("layer_weights", "[netkind] Slices net.weights two at a time, assuming every layer has exactly a kernel and a bias (wrong with Flatten, use_bias=False, BatchNorm).", """
        def layer_weights(net, i):
            return net.weights[2 * i:2 * i + 2]
    """),
    Mutant("layer_weights", "[game] Caches the answer per index i, so a second net asked for the same index gets the first net's variables.", """
        _LAYER_WEIGHTS_CACHE = {}

        def layer_weights(net, i):
            if i not in _LAYER_WEIGHTS_CACHE:
                _LAYER_WEIGHTS_CACHE[i] = net.layers[i].weights
            return _LAYER_WEIGHTS_CACHE[i]
    """),

    # ------------------------------------------------------------------ weight_shapes
    Mutant("weight_shapes", "[type] Returns lists [list(w.shape), ...] where the contract asks for tuples.", """
        def weight_shapes(net):
            return [list(w.shape) for w in net.weights]
    """),
    Mutant("weight_shapes", "[type] Returns the variables' TensorShape objects unconverted (they compare equal to tuples but are not tuples).", """
        def weight_shapes(net):
            return [w.shape for w in net.weights]
    """),
    Mutant("weight_shapes", "[type] Returns a lazy map object instead of a list.", """
        def weight_shapes(net):
            return map(lambda w: tuple(w.shape), net.weights)
    """),
    Mutant("weight_shapes", "[netkind] Walks net.layers and each layer's weights, so a layer used twice (tied net) is listed twice, unlike net.weights.", """
        def weight_shapes(net):
            return [tuple(w.shape) for layer in net.layers for w in layer.weights]
    """),
    Mutant("weight_shapes", "[netkind] Uses trainable_weights, dropping non-trainable weights such as BatchNormalization's moving mean and variance.", """
        def weight_shapes(net):
            return [tuple(w.shape) for w in net.trainable_weights]
    """),
    Mutant("weight_shapes", "[netkind] Reads kernel and bias of top-level Dense layers only, so nested blocks (rgnet) and other layer kinds are missed.", """
        import keras

        def weight_shapes(net):
            shapes = []
            for layer in net.layers:
                if isinstance(layer, keras.layers.Dense):
                    shapes.append(tuple(layer.kernel.shape))
                    if layer.bias is not None:
                        shapes.append(tuple(layer.bias.shape))
            return shapes
    """),
    Mutant("weight_shapes", "[plain] Copies the PyTorch unit and returns (name, shape) pairs instead of bare shape tuples.", """
        def weight_shapes(net):
            return [(w.name, tuple(w.shape)) for w in net.weights]
    """),

    # ------------------------------------------------------------------ nested_weight
    Mutant("nested_weight", "[boundary] Never validates name: a bad name raises AttributeError (or returns e.g. .weights) instead of ValueError.", """
        def nested_weight(net, path, name):
            layer = net
            for i in path:
                layer = layer.layers[i]
            return getattr(layer, name)
    """),
    Mutant("nested_weight", "[plain] Looks name up in a dict, so a bad name raises KeyError rather than ValueError.", """
        def nested_weight(net, path, name):
            layer = net
            for i in path:
                layer = layer.layers[i]
            return {"kernel": layer.kernel, "bias": layer.bias}[name]
    """),
    Mutant("nested_weight", "[boundary] Starts with net.layers[path[0]], so an empty path (the net itself is the Dense) raises IndexError.", """
        def nested_weight(net, path, name):
            if name not in ("kernel", "bias"):
                raise ValueError(f"bad name {name!r}")
            layer = net.layers[path[0]]
            for i in path[1:]:
                layer = layer.layers[i]
            return getattr(layer, name)
    """),
    Mutant("nested_weight", "[type] Returns tf.identity of the variable: a tensor copy, not the variable itself.", """
        import tensorflow as tf

        def nested_weight(net, path, name):
            if name not in ("kernel", "bias"):
                raise ValueError(f"bad name {name!r}")
            layer = net
            for i in path:
                layer = layer.layers[i]
            return tf.identity(getattr(layer, name))
    """),
    Mutant("nested_weight", "[netkind] Takes weights[0] for kernel and weights[-1] for bias, so a use_bias=False Dense returns its kernel as the bias (should be None).", """
        def nested_weight(net, path, name):
            if name not in ("kernel", "bias"):
                raise ValueError(f"bad name {name!r}")
            layer = net
            for i in path:
                layer = layer.layers[i]
            return layer.weights[0] if name == "kernel" else layer.weights[-1]
    """),
    Mutant("nested_weight", "[netkind] Walks the private ._layers lists, which include the InputLayer of models built with keras.Input, so indices are shifted there.", """
        def nested_weight(net, path, name):
            if name not in ("kernel", "bias"):
                raise ValueError(f"bad name {name!r}")
            layer = net
            for i in path:
                layer = layer._layers[i]
            return getattr(layer, name)
    """),

    # ------------------------------------------------------------------ rgnet
    Mutant("rgnet", '[plain] Names the blocks "block 0"..."block 3" as in the PyTorch version, not "block-0"...', """
        import keras

        def block2():
            return keras.Sequential([block1(f"block {i}") for i in range(4)])
    """),
    Mutant("rgnet", "[plain] Gives name to the inner Dense instead of the block1 Sequential, so the blocks get default names.", """
        import keras

        def block1(name):
            return keras.Sequential(
                [keras.layers.Flatten(), keras.layers.Dense(4, activation="relu", name=name)]
            )
    """),
    Mutant("rgnet", "[plain] Leaves out the Flatten layer of block1, so each block holds one layer and rank-3 inputs are not flattened.", """
        import keras

        def block1(name):
            return keras.Sequential([keras.layers.Dense(4, activation="relu")], name=name)
    """),
    Mutant("rgnet", "[plain] Forgets the relu activation in block1's Dense.", """
        import keras

        def block1(name):
            return keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(4)], name=name)
    """),
    Mutant("rgnet", "[plain] Uses Dense(8) in block1, copying PyTorch's Linear(4, 8).", """
        import keras

        def block1(name):
            return keras.Sequential(
                [keras.layers.Flatten(), keras.layers.Dense(8, activation="relu")], name=name
            )
    """),
    Mutant("rgnet", "[netkind] Splices block2's four blocks directly into rgnet, so the net is flat and block2 is no longer rgnet.layers[0].", """
        import keras

        def rgnet():
            return keras.Sequential([*block2().layers, keras.layers.Dense(1)])
    """),
    Mutant("rgnet", "[netkind] Pins the input with keras.Input(shape=(4,)): built at construction, and any input that does not flatten to 4 features is rejected.", """
        import keras

        def rgnet():
            return keras.Sequential([keras.Input(shape=(4,)), block2(), keras.layers.Dense(1)])
    """),
    Mutant("rgnet", "[random] Seeds every Dense initializer with 0, so every rgnet() (and every block) starts with the same weights.", """
        import keras

        def block1(name):
            return keras.Sequential(
                [keras.layers.Flatten(),
                 keras.layers.Dense(4, activation="relu",
                                    kernel_initializer=keras.initializers.GlorotUniform(seed=0))],
                name=name,
            )
    """),

    # ------------------------------------------------------------------ normal_init
    Mutant("normal_init", "[random] TruncatedNormal(stddev=0.01): no values beyond 2 sigma and a smaller real spread.", """
        import keras

        def normal_init():
            return keras.initializers.TruncatedNormal(mean=0.0, stddev=0.01)
    """),
    Mutant("normal_init", "[random] Reads N(0, 0.01) as a variance and uses stddev=0.1.", """
        import keras

        def normal_init():
            return keras.initializers.RandomNormal(mean=0.0, stddev=0.1)
    """),
    Mutant("normal_init", "[plain] RandomNormal(0.01): the first positional argument is the mean, so this is N(0.01, 0.05).", """
        import keras

        def normal_init():
            return keras.initializers.RandomNormal(0.01)
    """),
    Mutant("normal_init", "[random] Seeded RandomNormal(seed=42): every normal_init() ever constructed yields the very same matrix, so nets built from fresh initializers all start identical.", """
        import keras

        def normal_init():
            return keras.initializers.RandomNormal(mean=0.0, stddev=0.01, seed=42)
    """),
    Mutant("normal_init", "[random] Uniform U(-0.01*sqrt(3), 0.01*sqrt(3)): right standard deviation, wrong distribution.", """
        import tensorflow as tf

        def normal_init():
            a = 0.01 * 3 ** 0.5

            def init(shape, dtype=None):
                return tf.random.uniform(shape, -a, a, dtype=dtype or "float32")

            return init
    """),
    Mutant("normal_init", "[netkind] Ignores the dtype it is called with and always returns float32.", """
        import tensorflow as tf

        def normal_init():
            def init(shape, dtype=None):
                return tf.random.normal(shape, mean=0.0, stddev=0.01)

            return init
    """),
    Mutant("normal_init", "[type] Returns the RandomNormal class instead of an instance, so calling it with (shape, dtype) builds an initializer, not a tensor.", """
        import keras

        def normal_init():
            return keras.initializers.RandomNormal
    """),

    # ------------------------------------------------------------------ xavier_init
    Mutant("xavier_init", "[random] GlorotNormal instead of Glorot uniform.", """
        import keras

        def xavier_init():
            return keras.initializers.GlorotNormal()
    """),
    Mutant("xavier_init", "[random] HeUniform: bound sqrt(6 / fan_in), which differs from Glorot on non-square layers.", """
        import keras

        def xavier_init():
            return keras.initializers.HeUniform()
    """),
    Mutant("xavier_init", "[random] Uses the Glorot normal std sqrt(2 / (fan_in + fan_out)) as the uniform bound, so the spread is too small by sqrt(3).", """
        import tensorflow as tf

        def xavier_init():
            def init(shape, dtype=None):
                a = (2.0 / (shape[-2] + shape[-1])) ** 0.5
                return tf.random.uniform(shape, -a, a, dtype=dtype or "float32")

            return init
    """),
    Mutant("xavier_init", "[netkind] Hand-written fans from shape[0] and shape[1] only, wrong for conv kernels (receptive field ignored, wrong axes).", """
        import tensorflow as tf

        def xavier_init():
            def init(shape, dtype=None):
                a = (6.0 / (shape[0] + shape[1])) ** 0.5
                return tf.random.uniform(shape, -a, a, dtype=dtype or "float32")

            return init
    """),
    Mutant("xavier_init", "[netkind] Hand-written Glorot uniform that ignores the dtype and always returns float32.", """
        import tensorflow as tf

        def xavier_init():
            def init(shape, dtype=None):
                a = (6.0 / (shape[-2] + shape[-1])) ** 0.5
                return tf.random.uniform(shape, -a, a)

            return init
    """),
    Mutant("xavier_init", "[random] GlorotUniform(seed=0): every xavier_init() ever constructed yields the same matrix, so separately initialized layers are identical.", """
        import keras

        def xavier_init():
            return keras.initializers.GlorotUniform(seed=0)
    """),
    Mutant("xavier_init", "[random] VarianceScaling fan_avg with a truncated normal: that is Glorot normal, not uniform.", """
        import keras

        def xavier_init():
            return keras.initializers.VarianceScaling(scale=1.0, mode="fan_avg", distribution="truncated_normal")
    """),

    # ------------------------------------------------------------------ constant_init
    Mutant("constant_init", "[netkind] tf.fill(shape, value) takes its dtype from value, so constant_init(2) gives int32 where float32 was asked.", """
        import tensorflow as tf

        def constant_init(value):
            def init(shape, dtype=None):
                return tf.fill(shape, value)

            return init
    """),
    Mutant("constant_init", "[netkind] Always float32, whatever dtype it is called with (float64 or float16 requests are ignored).", """
        import tensorflow as tf

        def constant_init(value):
            def init(shape, dtype=None):
                return tf.constant(value, shape=shape, dtype=tf.float32)

            return init
    """),
    Mutant("constant_init", "[plain] Hard-codes the book's Constant(1) and ignores value.", """
        import keras

        def constant_init(value):
            return keras.initializers.Constant(1)
    """),
    Mutant("constant_init", "[type] Returns a numpy array from np.full, whose dtype is int64/float64 from value, not a tensor of the asked dtype.", """
        import numpy as np

        def constant_init(value):
            def init(shape, dtype=None):
                return np.full(tuple(shape), value)

            return init
    """),
    Mutant("constant_init", "[repeat] Builds the tensor on the first call and returns it again, whatever shape or dtype later calls ask for.", """
        import tensorflow as tf

        def constant_init(value):
            made = []

            def init(shape, dtype=None):
                if not made:
                    made.append(tf.fill(shape, tf.cast(value, dtype or "float32")))
                return made[0]

            return init
    """),
    Mutant("constant_init", "[boundary] Truncates value with int(), so fractional constants such as 0.5 become 0.", """
        import tensorflow as tf

        def constant_init(value):
            def init(shape, dtype=None):
                return tf.cast(tf.fill(shape, int(value)), dtype or "float32")

            return init
    """),

    # ------------------------------------------------------------------ MyInit
    Mutant("MyInit", "[plain] Compares data < 5 without abs, so every negative entry is zeroed.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                data = tf.random.uniform(shape, minval=-10, maxval=10, dtype=dtype)
                return tf.where(data < 5, tf.zeros_like(data), data)
    """),
    Mutant("MyInit", "[netkind] Ignores dtype and always draws float32.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                data = tf.random.uniform(shape, minval=-10, maxval=10)
                return tf.where(tf.abs(data) < 5, tf.zeros_like(data), data)
    """),
    Mutant("MyInit", "[boundary] Defaults a missing dtype to float32 instead of keras.backend.floatx(), wrong when floatx is float64 or float16.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(dtype or tf.float32)
                data = tf.random.uniform(shape, minval=-10, maxval=10, dtype=dtype)
                return tf.where(tf.abs(data) < 5, tf.zeros_like(data), data)
    """),
    Mutant("MyInit", "[random] Draws magnitudes from U(5, 10) with a random sign: no entry is ever zeroed, unlike the rule (about half zeros).", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                mag = tf.random.uniform(shape, minval=5, maxval=10, dtype=dtype)
                sign = tf.where(tf.random.uniform(shape) < 0.5, -tf.ones_like(mag), tf.ones_like(mag))
                return mag * sign
    """),
    Mutant("MyInit", "[random] Uses a stateless uniform with a fixed seed, so every call of every MyInit() returns the same tensor.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                data = tf.random.stateless_uniform(shape, seed=(1, 2), minval=-10, maxval=10, dtype=dtype)
                return tf.where(tf.abs(data) < 5, tf.zeros_like(data), data)
    """),
    Mutant("MyInit", "[type] Does the masking in numpy and returns the numpy array, not a tensor.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                data = tf.random.uniform(shape, minval=-10, maxval=10, dtype=dtype).numpy()
                data[abs(data) < 5] = 0
                return data
    """),
    Mutant("MyInit", "[graph] Masks through .numpy(), so it fails when the initializer runs inside tf.function (a symbolic tensor has no numpy()).", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                data = tf.random.uniform(shape, minval=-10, maxval=10, dtype=dtype).numpy()
                data[abs(data) < 5] = 0
                return tf.constant(data, dtype=dtype)
    """),
    Mutant("MyInit", "[netkind] Draws tf.random.uniform((shape[0], shape[1])), so it only works for 2-D kernel shapes (not biases or conv kernels).", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                data = tf.random.uniform((shape[0], shape[1]), minval=-10, maxval=10, dtype=dtype)
                return tf.where(tf.abs(data) < 5, tf.zeros_like(data), data)
    """),

    # ------------------------------------------------------------------ apply_init
    Mutant("apply_init", "[netkind] Only looks at the top-level net.layers, so Dense layers inside nested models (rgnet's blocks) are skipped.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            for layer in net.layers:
                if isinstance(layer, keras.layers.Dense) and layer.built:
                    layer.kernel.assign(kernel_init(tuple(layer.kernel.shape), layer.kernel.dtype))
                    if bias_init is not None and layer.bias is not None:
                        layer.bias.assign(bias_init(tuple(layer.bias.shape), layer.bias.dtype))
            return net
    """),
    Mutant("apply_init", "[netkind] Recurses through .layers only, so a Dense held as an attribute of a plain custom Layer is never reached.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            seen = set()

            def visit(layer):
                if id(layer) in seen:
                    return
                seen.add(id(layer))
                if isinstance(layer, keras.layers.Dense):
                    if layer.built:
                        layer.kernel.assign(kernel_init(tuple(layer.kernel.shape), layer.kernel.dtype))
                        if bias_init is not None and layer.bias is not None:
                            layer.bias.assign(bias_init(tuple(layer.bias.shape), layer.bias.dtype))
                elif hasattr(layer, "layers"):
                    for sub in layer.layers:
                        visit(sub)

            visit(net)
            return net
    """),
    Mutant("apply_init", "[netkind] Re-initializes every layer that has a kernel (Conv2D, EinsumDense, ...), not only Dense.", """
        def apply_init(net, kernel_init, bias_init=None):
            for layer in net._flatten_layers(include_self=True, recursive=True):
                if getattr(layer, "built", False) and getattr(layer, "kernel", None) is not None:
                    kernel = layer.kernel
                    kernel.assign(kernel_init(tuple(kernel.shape), kernel.dtype))
                    bias = getattr(layer, "bias", None)
                    if bias_init is not None and bias is not None:
                        bias.assign(bias_init(tuple(bias.shape), bias.dtype))
            return net
    """),
    Mutant("apply_init", "[netkind] Does not deduplicate, so a Dense used twice (tied_net) is initialized twice (kernel_init called twice for it).", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            def visit(layer):
                if isinstance(layer, keras.layers.Dense):
                    if layer.built:
                        layer.kernel.assign(kernel_init(tuple(layer.kernel.shape), layer.kernel.dtype))
                        if bias_init is not None and layer.bias is not None:
                            layer.bias.assign(bias_init(tuple(layer.bias.shape), layer.bias.dtype))
                    return
                subs = layer.layers if hasattr(layer, "layers") else layer._flatten_layers(include_self=False, recursive=False)
                for sub in subs:
                    visit(sub)

            visit(net)
            return net
    """),
    Mutant("apply_init", "[boundary] With bias_init=None it zeroes the biases instead of leaving them untouched.", """
        import keras
        import tensorflow as tf

        def apply_init(net, kernel_init, bias_init=None):
            for layer in net._flatten_layers(include_self=True, recursive=True):
                if isinstance(layer, keras.layers.Dense) and layer.built:
                    layer.kernel.assign(kernel_init(tuple(layer.kernel.shape), layer.kernel.dtype))
                    if layer.bias is not None:
                        if bias_init is None:
                            layer.bias.assign(tf.zeros_like(layer.bias))
                        else:
                            layer.bias.assign(bias_init(tuple(layer.bias.shape), layer.bias.dtype))
            return net
    """),
    Mutant("apply_init", "[boundary] No built check: an unbuilt Dense (no weights yet) makes it crash instead of being skipped.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            for layer in net._flatten_layers(include_self=True, recursive=True):
                if isinstance(layer, keras.layers.Dense):
                    layer.kernel.assign(kernel_init(tuple(layer.kernel.shape), layer.kernel.dtype))
                    if bias_init is not None and layer.bias is not None:
                        layer.bias.assign(bias_init(tuple(layer.bias.shape), layer.bias.dtype))
            return net
    """),
    Mutant("apply_init", "[netkind] Assigns the bias without checking it exists, so a Dense(use_bias=False) crashes when bias_init is given.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            for layer in net._flatten_layers(include_self=True, recursive=True):
                if isinstance(layer, keras.layers.Dense) and layer.built:
                    layer.kernel.assign(kernel_init(tuple(layer.kernel.shape), layer.kernel.dtype))
                    if bias_init is not None:
                        layer.bias.assign(bias_init(tuple(layer.bias.shape), layer.bias.dtype))
            return net
    """),
    Mutant("apply_init", "[plain] Only sets layer.kernel_initializer / bias_initializer, which does nothing to already-built variables.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            for layer in net._flatten_layers(include_self=True, recursive=True):
                if isinstance(layer, keras.layers.Dense):
                    layer.kernel_initializer = kernel_init
                    if bias_init is not None:
                        layer.bias_initializer = bias_init
            return net
    """),
    Mutant("apply_init", "[type] Swaps in a fresh tf.Variable as each Dense's kernel, so net.weights, an optimizer or a tied holder keep the old, untouched variable.", """
        import keras
        import tensorflow as tf

        def apply_init(net, kernel_init, bias_init=None):
            for layer in net._flatten_layers(include_self=True, recursive=True):
                if isinstance(layer, keras.layers.Dense) and layer.built:
                    old = layer.kernel
                    layer._kernel = tf.Variable(kernel_init(tuple(old.shape), old.dtype), name="kernel")
                    if bias_init is not None and layer.bias is not None:
                        layer.bias.assign(bias_init(tuple(layer.bias.shape), layer.bias.dtype))
            return net
    """),
    Mutant("apply_init", "[netkind] Calls kernel_init(shape) without the dtype: an initializer whose dtype argument is required crashes, and float64 layers get float32 draws.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            for layer in net._flatten_layers(include_self=True, recursive=True):
                if isinstance(layer, keras.layers.Dense) and layer.built:
                    layer.kernel.assign(kernel_init(tuple(layer.kernel.shape)))
                    if bias_init is not None and layer.bias is not None:
                        layer.bias.assign(bias_init(tuple(layer.bias.shape)))
            return net
    """),
    Mutant("apply_init", "[plain] Forgets to return net (returns None).", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            for layer in net._flatten_layers(include_self=True, recursive=True):
                if isinstance(layer, keras.layers.Dense) and layer.built:
                    layer.kernel.assign(kernel_init(tuple(layer.kernel.shape), layer.kernel.dtype))
                    if bias_init is not None and layer.bias is not None:
                        layer.bias.assign(bias_init(tuple(layer.bias.shape), layer.bias.dtype))
    """),

    # ------------------------------------------------------------------ set_manually
    Mutant("set_manually", "[netkind] Edits net.layers[0], which is only the first Dense when the net does not start with Flatten or another layer.", """
        def set_manually(net):
            kernel = net.layers[0].kernel
            kernel.assign(kernel + 1)
            kernel[0, 0].assign(42)
            return net
    """),
    Mutant("set_manually", "[plain] Follows the book literally and edits net.layers[1].", """
        def set_manually(net):
            kernel = net.layers[1].kernel
            kernel.assign(kernel + 1)
            kernel[0, 0].assign(42)
            return net
    """),
    Mutant("set_manually", "[plain] Sets kernel[0, 0] = 42 first and adds 1 afterwards, so that entry ends at 43.", """
        import keras

        def set_manually(net):
            dense = next(l for l in net.layers if isinstance(l, keras.layers.Dense))
            if not dense.built:
                raise ValueError("build the net first")
            kernel = dense.kernel
            kernel[0, 0].assign(42)
            kernel.assign(kernel + 1)
            return net
    """),
    Mutant("set_manually", "[plain] Assigns 42 to the whole first row kernel[0] instead of the single entry kernel[0, 0].", """
        import keras
        import tensorflow as tf

        def set_manually(net):
            dense = next(l for l in net.layers if isinstance(l, keras.layers.Dense))
            if not dense.built:
                raise ValueError("build the net first")
            kernel = dense.kernel
            kernel.assign(kernel + 1)
            kernel[0].assign(tf.fill(kernel[0].shape, tf.cast(42, kernel.dtype)))
            return net
    """),
    Mutant("set_manually", "[boundary] Has no built check: an unbuilt net raises AttributeError from .kernel, not ValueError.", """
        import keras

        def set_manually(net):
            dense = next(l for l in net.layers if isinstance(l, keras.layers.Dense))
            kernel = dense.kernel
            kernel.assign(kernel + 1)
            kernel[0, 0].assign(42)
            return net
    """),
    Mutant("set_manually", "[netkind] Searches Dense layers recursively (depth first), so with a nested block first it edits the inner Dense, not the first Dense of net.layers.", """
        import keras

        def set_manually(net):
            dense = next(
                (l for l in net._flatten_layers(include_self=False, recursive=True) if isinstance(l, keras.layers.Dense)),
                None,
            )
            if dense is None or not dense.built:
                raise ValueError("set_manually: need a built Dense")
            kernel = dense.kernel
            kernel.assign(kernel + 1)
            kernel[0, 0].assign(42)
            return net
    """),
    Mutant("set_manually", "[netkind] Picks the first layer with a kernel attribute, so a Conv2D before the first Dense is edited instead.", """
        def set_manually(net):
            dense = next((l for l in net.layers if hasattr(l, "kernel_initializer")), None)
            if dense is None or not dense.built:
                raise ValueError("set_manually: need a built Dense")
            kernel = dense.kernel
            kernel.assign(kernel + 1)
            kernel[0, 0].assign(42)
            return net
    """),
    Mutant("set_manually", "[plain] Also adds 1 to the bias, which must stay untouched.", """
        import keras

        def set_manually(net):
            dense = next(l for l in net.layers if isinstance(l, keras.layers.Dense))
            if not dense.built:
                raise ValueError("build the net first")
            dense.kernel.assign(dense.kernel + 1)
            dense.kernel[0, 0].assign(42)
            if dense.bias is not None:
                dense.bias.assign(dense.bias + 1)
            return net
    """),
    Mutant("set_manually", "[repeat] Marks the net as edited and does nothing on the second call (no second += 1).", """
        import keras

        def set_manually(net):
            if getattr(net, "_manually_set", False):
                return net
            dense = next(l for l in net.layers if isinstance(l, keras.layers.Dense))
            if not dense.built:
                raise ValueError("build the net first")
            kernel = dense.kernel
            kernel.assign(kernel + 1)
            kernel[0, 0].assign(42)
            net._manually_set = True
            return net
    """),

    # ------------------------------------------------------------------ tied_net
    Mutant("tied_net", "[plain] Creates two separate Dense(width) layers, so nothing is tied.", """
        import keras

        def tied_net(width=8):
            return keras.Sequential([
                keras.Input(shape=(4,)),
                keras.layers.Dense(width, activation="relu"),
                keras.layers.Dense(width, activation="relu"),
                keras.layers.Dense(width, activation="relu"),
                keras.layers.Dense(1),
            ])
    """),
    Mutant("tied_net", "[boundary] Default width is 4 instead of 8.", """
        import keras

        def tied_net(width=4):
            shared = keras.layers.Dense(width, activation="relu")
            return keras.Sequential([
                keras.Input(shape=(4,)),
                keras.layers.Dense(width, activation="relu"),
                shared, shared,
                keras.layers.Dense(1),
            ])
    """),
    Mutant("tied_net", "[plain] Ignores width and hard-codes 8 units.", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(8, activation="relu")
            return keras.Sequential([
                keras.Input(shape=(4,)),
                keras.layers.Dense(8, activation="relu"),
                shared, shared,
                keras.layers.Dense(1),
            ])
    """),
    Mutant("tied_net", "[plain] The shared Dense has no relu activation.", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(width)
            return keras.Sequential([
                keras.Input(shape=(4,)),
                keras.layers.Dense(width, activation="relu"),
                shared, shared,
                keras.layers.Dense(1),
            ])
    """),
    Mutant("tied_net", "[boundary] Input declared as keras.Input(shape=(width,)): only works on (n, 4) inputs when width == 4.", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(width, activation="relu")
            return keras.Sequential([
                keras.Input(shape=(width,)),
                keras.layers.Dense(width, activation="relu"),
                shared, shared,
                keras.layers.Dense(1),
            ])
    """),
    Mutant("tied_net", "[plain] Leaves out the input spec, so the net is not built and has no weights until called.", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(width, activation="relu")
            return keras.Sequential([
                keras.layers.Dense(width, activation="relu"),
                shared, shared,
                keras.layers.Dense(1),
            ])
    """),
    Mutant("tied_net", "[type] Builds a functional keras.Model: the shared layer appears once in net.layers (plus an InputLayer), not twice.", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(width, activation="relu")
            inputs = keras.Input(shape=(4,))
            x = keras.layers.Dense(width, activation="relu")(inputs)
            x = shared(x)
            x = shared(x)
            return keras.Model(inputs, keras.layers.Dense(1)(x))
    """),
    Mutant("tied_net", "[gradient] Freezes the shared layer (trainable=False) to avoid double counting, so it gets no gradient and is missing from trainable_weights.", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(width, activation="relu")
            net = keras.Sequential([
                keras.Input(shape=(4,)),
                keras.layers.Dense(width, activation="relu"),
                shared, shared,
                keras.layers.Dense(1),
            ])
            shared.trainable = False
            return net
    """),
]

VARIANTS = [
    # ------------------------------------------------------------------ layer_weights
    Variant("layer_weights", "[style] Uses net.get_layer(index=i) and copies the list; the elements are still the layer's own variables, in the same order.", """
        def layer_weights(net, i):
            return [w for w in net.get_layer(index=i).weights]
    """),
    Variant("layer_weights", "[style] Reaches the layer through operator.getitem and reads .weights via getattr.", """
        import operator

        def layer_weights(net, i):
            return getattr(operator.getitem(net.layers, i), "weights")
    """),

    # ------------------------------------------------------------------ weight_shapes
    Variant("weight_shapes", "[style] list(map(...)) over TensorShape.as_list(), turned into tuples of Python ints.", """
        def weight_shapes(net):
            return list(map(lambda w: tuple(w.shape.as_list()), net.weights))
    """),
    Variant("weight_shapes", "[style] Reads the shape from a numpy snapshot of each variable (shape ints are the same).", """
        def weight_shapes(net):
            out = []
            for w in net.weights:
                out.append(tuple(int(d) for d in w.numpy().shape))
            return out
    """),

    # ------------------------------------------------------------------ nested_weight
    Variant("nested_weight", "[style] functools.reduce over the path, then a match statement; name is validated before walking, like the reference.", """
        import functools

        def nested_weight(net, path, name):
            if name not in {"kernel", "bias"}:
                raise ValueError("name must be 'kernel' or 'bias'")
            layer = functools.reduce(lambda l, i: l.layers[i], path, net)
            match name:
                case "kernel":
                    return layer.kernel
                case _:
                    return layer.bias
    """),
    Variant("nested_weight", "[style] Recursive walk with get_layer(index=...), name checked up front.", """
        def nested_weight(net, path, name):
            if name != "kernel" and name != "bias":
                raise ValueError(f"unknown weight {name!r}")
            path = tuple(path)
            if not path:
                return getattr(net, name)
            return nested_weight(net.get_layer(index=path[0]), path[1:], name)
    """),

    # ------------------------------------------------------------------ rgnet
    Variant("rgnet", "[style] Builds every Sequential with .add(), uses tf.nn.relu as the activation and spells out the default initializers.", """
        import keras
        import tensorflow as tf

        def block1(name):
            net = keras.Sequential(name=name)
            net.add(keras.layers.Flatten())
            net.add(keras.layers.Dense(units=4, activation=tf.nn.relu,
                                       kernel_initializer="glorot_uniform", bias_initializer="zeros"))
            return net

        def block2():
            net = keras.Sequential()
            for i in range(4):
                net.add(block1("block-%d" % i))
            return net

        def rgnet():
            net = keras.Sequential()
            net.add(block2())
            net.add(keras.layers.Dense(1))
            return net
    """),
    Variant("rgnet", "[style] Names the outer models too and uses keras.activations.relu; structure and block names unchanged.", """
        import keras

        def block1(name):
            return keras.Sequential(layers=[keras.layers.Flatten(), keras.layers.Dense(4, activation=keras.activations.relu)],
                                    name=name)

        def block2():
            return keras.Sequential(list(map(lambda i: block1("block-" + str(i)), range(4))), name="rgnet_body")

        def rgnet():
            return keras.Sequential([block2(), keras.layers.Dense(units=1)], name="rgnet")
    """),

    # ------------------------------------------------------------------ normal_init
    Variant("normal_init", "[style] A plain function scaling a standard normal by 0.01 in the requested dtype (floatx when None).", """
        import keras
        import tensorflow as tf

        def normal_init():
            def init(shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                return 0.01 * tf.random.normal(shape, dtype=dtype)

            return init
    """),
    Variant("normal_init", "[style] keras.initializers.get on a config dict naming RandomNormal with stddev 0.01.", """
        import keras

        def normal_init():
            return keras.initializers.get({"class_name": "RandomNormal", "config": {"mean": 0.0, "stddev": 0.01}})
    """),
    Variant("normal_init", "[style] An Initializer subclass drawing with keras.random.normal and a fresh SeedGenerator.", """
        import keras

        class _Normal001(keras.initializers.Initializer):
            def __init__(self):
                self._seed = keras.random.SeedGenerator()

            def __call__(self, shape, dtype=None):
                return keras.random.normal(shape, mean=0.0, stddev=0.01, dtype=dtype, seed=self._seed)

        def normal_init():
            return _Normal001()
    """),

    # ------------------------------------------------------------------ xavier_init
    Variant("xavier_init", "[style] VarianceScaling(scale=1, mode='fan_avg', distribution='uniform'), which is exactly Glorot uniform.", """
        import keras

        def xavier_init():
            return keras.initializers.VarianceScaling(scale=1.0, mode="fan_avg", distribution="uniform")
    """),
    Variant("xavier_init", "[style] Looks the initializer up by its string alias with keras.initializers.get.", """
        import keras

        def xavier_init():
            return keras.initializers.get("glorot_uniform")
    """),
    Variant("xavier_init", "[style] Hand-written Glorot uniform with Keras' fan rule (receptive field times the last two axes) and the requested dtype.", """
        import math

        import keras
        import tensorflow as tf

        def xavier_init():
            def init(shape, dtype=None):
                shape = tuple(int(d) for d in shape)
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                if len(shape) == 0:
                    fan_in = fan_out = 1
                elif len(shape) == 1:
                    fan_in = fan_out = shape[0]
                else:
                    field = math.prod(shape[:-2])
                    fan_in, fan_out = shape[-2] * field, shape[-1] * field
                a = math.sqrt(6.0 / (fan_in + fan_out))
                return tf.random.uniform(shape, -a, a, dtype=dtype)

            return init
    """),

    # ------------------------------------------------------------------ constant_init
    Variant("constant_init", "[style] A closure around tf.fill with value cast to the requested dtype (floatx when None).", """
        import keras
        import tensorflow as tf

        def constant_init(value):
            def init(shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                return tf.fill(shape, tf.cast(value, dtype))

            return init
    """),
    Variant("constant_init", "[style] An Initializer subclass multiplying ones of the requested dtype by value.", """
        import keras
        import tensorflow as tf

        class _Filled(keras.initializers.Initializer):
            def __init__(self, value):
                self.value = value

            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                return tf.ones(shape, dtype=dtype) * tf.cast(self.value, dtype)

            def get_config(self):
                return {"value": self.value}

        def constant_init(value):
            return _Filled(value)
    """),

    # ------------------------------------------------------------------ MyInit
    Variant("MyInit", "[style] Scales a U(0, 1) draw to [-10, 10) and multiplies by a cast mask instead of tf.where.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                data = tf.random.uniform(shape, dtype=dtype) * 20 - 10
                return data * tf.cast(tf.abs(data) >= 5, dtype)
    """),
    Variant("MyInit", "[style] Uses keras.random / keras.ops with a SeedGenerator made in __init__, and defines get_config.", """
        import keras

        class MyInit(keras.initializers.Initializer):
            def __init__(self, seed=None):
                self.seed = seed
                self._gen = keras.random.SeedGenerator(seed)

            def __call__(self, shape, dtype=None):
                dtype = keras.backend.standardize_dtype(dtype)
                data = keras.random.uniform(shape, minval=-10.0, maxval=10.0, dtype=dtype, seed=self._gen)
                return keras.ops.where(keras.ops.abs(data) >= 5, data, keras.ops.zeros_like(data))

            def get_config(self):
                return {"seed": self.seed}
    """),

    # ------------------------------------------------------------------ apply_init
    Variant("apply_init", "[style] Iterates net._flatten_layers(include_self=True) (deduplicated, reaches plain layers too) and assigns through a small loop over (variable, init) pairs.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            for layer in net._flatten_layers(include_self=True, recursive=True):
                if not isinstance(layer, keras.layers.Dense) or not layer.built:
                    continue
                for var, init in ((layer.kernel, kernel_init), (layer.bias, bias_init)):
                    if var is not None and init is not None:
                        var.assign(init(tuple(var.shape), var.dtype))
            return net
    """),
    Variant("apply_init", "[style] Recursive walk with a visited set, casting each fresh value to the variable's dtype before assigning.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            visited = set()

            def walk(layer):
                if id(layer) in visited:
                    return
                visited.add(id(layer))
                if isinstance(layer, keras.layers.Dense):
                    if layer.weights:
                        k = layer.kernel
                        k.assign(keras.ops.cast(kernel_init(tuple(k.shape), k.dtype), k.dtype))
                        if bias_init is not None and layer.use_bias:
                            b = layer.bias
                            b.assign(keras.ops.cast(bias_init(tuple(b.shape), b.dtype), b.dtype))
                    return
                children = getattr(layer, "layers", None)
                if children is None:
                    children = layer._flatten_layers(include_self=False, recursive=False)
                for child in children:
                    walk(child)

            walk(net)
            return net
    """),

    # ------------------------------------------------------------------ set_manually
    Variant("set_manually", "[style] Numpy round trip, then one assign back to the same variable (still in place).", """
        import keras

        def set_manually(net):
            denses = [l for l in net.layers if isinstance(l, keras.layers.Dense)]
            if not denses:
                raise ValueError("no Dense in net.layers")
            if not denses[0].built:
                raise ValueError("net is not built")
            kernel = denses[0].kernel
            w = kernel.numpy()
            w += 1
            w[0, 0] = 42
            kernel.assign(w)
            return net
    """),
    Variant("set_manually", "[style] assign_add of ones, then tensor_scatter_nd_update for the single entry.", """
        import keras
        import tensorflow as tf

        def set_manually(net):
            for layer in net.layers:
                if isinstance(layer, keras.layers.Dense):
                    break
            else:
                raise ValueError("no Dense layer")
            if not layer.built:
                raise ValueError("not built")
            kernel = layer.kernel
            kernel.assign_add(tf.ones(kernel.shape, dtype=kernel.dtype))
            kernel.assign(tf.tensor_scatter_nd_update(tf.convert_to_tensor(kernel), [[0, 0]],
                                                      tf.constant([42], dtype=kernel.dtype)))
            return net
    """),

    # ------------------------------------------------------------------ tied_net
    Variant("tied_net", "[style] Builds with .add() and net.build((None, 4)) instead of keras.Input; .layers is the same four entries.", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(width, activation="relu")
            net = keras.Sequential()
            net.add(keras.layers.Dense(width, activation="relu"))
            net.add(shared)
            net.add(shared)
            net.add(keras.layers.Dense(1))
            net.build((None, 4))
            return net
    """),
    Variant("tied_net", "[style] Uses tf.nn.relu, a list multiplication for the two shared uses, and keras.Input(shape=[4]).", """
        import keras
        import tensorflow as tf

        def tied_net(width=8):
            shared = keras.layers.Dense(units=width, activation=tf.nn.relu)
            return keras.Sequential(
                [keras.Input(shape=[4]), keras.layers.Dense(units=width, activation=tf.nn.relu)]
                + [shared] * 2
                + [keras.layers.Dense(units=1)]
            )
    """),
]

# ---- judged after the first run (see tests/catalogue/__init__.py, judge)
MUTANTS, VARIANTS, JUDGED = judge(MUTANTS, VARIANTS, out_of_contract={
    "[netkind] Takes weights[0] for kernel and weights[-1]":
        "the original catalogue keeps picking from layer.weights by position as a correct variant; graded Dense "
        "layers have a bias",
    "[netkind] Assigns the bias without checking it exists":
        "two original variants assign the bias unchecked too; graded nets have biases (d2l's Dense default)",
    "[boundary] No built check: an unbuilt Dense":
        "an original variant has no built check either; graded nets are built (contract: every built Dense)",
    "[boundary] Never validates name":
        "the contract fixes name in {'kernel', 'bias'}; what a bad name raises is never named",
    "[plain] Looks name up in a dict":
        "the contract fixes name in {'kernel', 'bias'}; what a bad name raises is never named",
    "[netkind] Pins the input with keras.Input(shape=(4,))":
        "rgnet takes (n, 4) inputs as the seed's does; when it is built and other input widths are not in the contract",
    "[graph] Masks through .numpy()":
        "Keras 3 runs initializers eagerly when it creates a variable; the contract never asks for one traced",
    "[netkind] Does not deduplicate":
        "initializing a shared Dense twice leaves it freshly initialized all the same; how often kernel_init is "
        "called is not in the contract",
    "[netkind] Calls kernel_init(shape) without the dtype":
        "Keras' initializer signature makes dtype optional and graded nets are float32 (contract conventions)",
    "[boundary] Has no built check":
        "the contract never names the error an unbuilt net raises in set_manually",
    "[plain] Leaves out the input spec":
        "the contract fixes tied_net's layers and (n, 4) inputs, not that it is built before its first call",
})
