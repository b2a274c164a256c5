"""Mutants and variants of tensorflow/parameters.py (d2l 6.2 Parameter Management, Keras 3)."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ------------------------------------------------------------------ layer_weights
    Mutant("layer_weights", "Returns get_weights(): numpy copies, not the variables.", """
        def layer_weights(net, i):
            return net.layers[i].get_weights()
    """),
    Mutant("layer_weights", "Returns [w.numpy() for w in weights]: copies that do not follow later changes.", """
        def layer_weights(net, i):
            return [w.numpy() for w in net.layers[i].weights]
    """),
    Mutant("layer_weights", "Returns trainable_weights, which leaves out BatchNormalization's moving statistics.", """
        def layer_weights(net, i):
            return net.layers[i].trainable_weights
    """),
    Mutant("layer_weights", "Assumes every layer is a Dense: [kernel, bias].", """
        def layer_weights(net, i):
            layer = net.layers[i]
            return [layer.kernel, layer.bias]
    """),
    Mutant("layer_weights", "Counts layers from 1, as the book's net.layers[1] after Flatten suggests.", """
        def layer_weights(net, i):
            return net.layers[i - 1].weights
    """),
    Mutant("layer_weights", "Returns the whole network's weights.", """
        def layer_weights(net, i):
            return net.weights
    """),
    # ------------------------------------------------------------------ weight_shapes
    Mutant("weight_shapes", "Lists trainable_weights only, missing BatchNormalization's moving statistics.", """
        def weight_shapes(net):
            return [tuple(w.shape) for w in net.trainable_weights]
    """),
    Mutant("weight_shapes", "Lists trainable then non-trainable weights: the wrong order.", """
        def weight_shapes(net):
            return [tuple(w.shape) for w in net.trainable_weights + net.non_trainable_weights]
    """),
    Mutant("weight_shapes", "Lists the weights in reverse order.", """
        def weight_shapes(net):
            return [tuple(w.shape) for w in reversed(net.weights)]
    """),
    Mutant("weight_shapes", "Writes kernel shapes PyTorch-style, (out, in).", """
        def weight_shapes(net):
            return [tuple(reversed(w.shape)) for w in net.weights]
    """),
    Mutant("weight_shapes", "Lists only each layer's kernel.", """
        def weight_shapes(net):
            return [tuple(layer.kernel.shape) for layer in net.layers if hasattr(layer, "kernel")]
    """),
    # ------------------------------------------------------------------ nested_weight
    Mutant("nested_weight", "Returns .numpy(), a copy.", """
        def nested_weight(net, path, name):
            layer = net
            for i in path:
                layer = layer.layers[i]
            return getattr(layer, name).numpy()
    """),
    Mutant("nested_weight", "Returns tf.identity of the variable, a new tensor.", """
        import tensorflow as tf

        def nested_weight(net, path, name):
            layer = net
            for i in path:
                layer = layer.layers[i]
            return tf.identity(getattr(layer, name))
    """),
    Mutant("nested_weight", "Always returns weights[0], the kernel, whatever the name.", """
        def nested_weight(net, path, name):
            layer = net
            for i in path:
                layer = layer.layers[i]
            return layer.weights[0]
    """),
    Mutant("nested_weight", "Follows only the first index of the path.", """
        def nested_weight(net, path, name):
            return getattr(net.layers[path[0]], name)
    """),
    Mutant("nested_weight", "Follows the path from its last index to its first.", """
        def nested_weight(net, path, name):
            layer = net
            for i in reversed(path):
                layer = layer.layers[i]
            return getattr(layer, name)
    """),
    # ------------------------------------------------------------------ rgnet
    Mutant("rgnet", "Names the blocks PyTorch-style, 'block 0' ... 'block 3'.", """
        import keras

        def block2():
            return keras.Sequential([block1(f"block {i}") for i in range(4)])
    """),
    Mutant("rgnet", "Counts the block names from 1: 'block-1' ... 'block-4'.", """
        import keras

        def block2():
            return keras.Sequential([block1(f"block-{i + 1}") for i in range(4)])
    """),
    Mutant("rgnet", "Gives the name to the Dense inside block1 instead of to the block.", """
        import keras

        def block1(name):
            return keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(4, activation="relu", name=name)])
    """),
    Mutant("rgnet", "Builds rgnet's blocks inline with other names, so only block2() is named right.", """
        import keras

        def rgnet():
            inner = keras.Sequential([block1(f"block{i}") for i in range(4)])
            return keras.Sequential([inner, keras.layers.Dense(1)])
    """),
    Mutant("rgnet", "Forgets the relu in block1's Dense.", """
        import keras

        def block1(name):
            return keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(4)], name=name)
    """),
    Mutant("rgnet", "Copies PyTorch's block1: Dense(8, relu) then Dense(4, relu).", """
        import keras

        def block1(name):
            return keras.Sequential([keras.layers.Dense(8, activation="relu"),
                                     keras.layers.Dense(4, activation="relu")], name=name)
    """),
    Mutant("rgnet", "Ends rgnet with Dense(4) instead of Dense(1).", """
        import keras

        def rgnet():
            return keras.Sequential([block2(), keras.layers.Dense(4)])
    """),
    # ------------------------------------------------------------------ normal_init
    Mutant("normal_init", "Reads 0.01 as the variance: stddev 0.1.", """
        import keras

        def normal_init():
            return keras.initializers.RandomNormal(mean=0.0, stddev=0.1)
    """),
    Mutant("normal_init", "Squares the standard deviation: stddev 0.0001.", """
        import keras

        def normal_init():
            return keras.initializers.RandomNormal(mean=0.0, stddev=0.01 ** 2)
    """),
    Mutant("normal_init", "Uses TruncatedNormal(stddev=0.01), whose standard deviation is smaller.", """
        import keras

        def normal_init():
            return keras.initializers.TruncatedNormal(mean=0.0, stddev=0.01)
    """),
    Mutant("normal_init", "Uses a uniform distribution with the same standard deviation.", """
        import math
        import keras

        def normal_init():
            a = 0.01 * math.sqrt(3)
            return keras.initializers.RandomUniform(-a, a)
    """),
    Mutant("normal_init", "Passes 0.01 as the mean: RandomNormal(0.01).", """
        import keras

        def normal_init():
            return keras.initializers.RandomNormal(0.01)
    """),
    Mutant("normal_init", "Returns the initializer class instead of an instance.", """
        import keras

        def normal_init():
            return keras.initializers.RandomNormal
    """),
    # ------------------------------------------------------------------ xavier_init
    Mutant("xavier_init", "Uses GlorotNormal instead of GlorotUniform.", """
        import keras

        def xavier_init():
            return keras.initializers.GlorotNormal()
    """),
    Mutant("xavier_init", "Uses HeUniform (fan_in only, gain 2).", """
        import keras

        def xavier_init():
            return keras.initializers.HeUniform()
    """),
    Mutant("xavier_init", "Uses LecunUniform (fan_in only).", """
        import keras

        def xavier_init():
            return keras.initializers.LecunUniform()
    """),
    Mutant("xavier_init", "Writes the bound by hand as sqrt(6 / fan_in).", """
        import math
        import keras

        class _Xavier(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                a = math.sqrt(6.0 / shape[0])
                return keras.random.uniform(shape, -a, a, dtype=dtype)

        def xavier_init():
            return _Xavier()
    """),
    Mutant("xavier_init", "Writes the bound as sqrt(2 / (fan_in + fan_out)), the normal's std.", """
        import math
        import keras

        def xavier_init():
            a = math.sqrt(2.0 / (300 + 256))
            return keras.initializers.RandomUniform(-a, a)
    """),
    # ------------------------------------------------------------------ constant_init
    Mutant("constant_init", "Ignores the value and returns Ones().", """
        import keras

        def constant_init(value):
            return keras.initializers.Ones()
    """),
    Mutant("constant_init", "Ignores the value and returns Zeros().", """
        import keras

        def constant_init(value):
            return keras.initializers.Zeros()
    """),
    Mutant("constant_init", "Hard-codes the book's 1: Constant(1).", """
        import keras

        def constant_init(value=1):
            return keras.initializers.Constant(1)
    """),
    Mutant("constant_init", "Uses Identity(gain=value): the value only on the diagonal.", """
        import keras

        def constant_init(value):
            return keras.initializers.Identity(gain=value)
    """),
    Mutant("constant_init", "Fills with tf.fill(shape, value), ignoring the dtype (an int value gives int32).", """
        import keras
        import tensorflow as tf

        class _Fill(keras.initializers.Initializer):
            def __init__(self, value):
                self.value = value

            def __call__(self, shape, dtype=None):
                return tf.fill(shape, self.value)

        def constant_init(value):
            return _Fill(value)
    """),
    Mutant("constant_init", "Returns a constant tensor rather than an initializer.", """
        import tensorflow as tf

        def constant_init(value):
            return tf.constant(value, tf.float32)
    """),
    # ------------------------------------------------------------------ MyInit
    Mutant("MyInit", "Ignores the dtype it is called with (always float32).", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                data = tf.random.uniform(shape, -10, 10)
                return tf.where(tf.abs(data) < 5, tf.zeros_like(data), data)
    """),
    Mutant("MyInit", "Passes dtype=None straight to tf.random.uniform, which fails for Keras' default.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                data = tf.random.uniform(shape, -10, 10, dtype=dtype)
                return tf.where(tf.abs(data) < 5, tf.zeros_like(data), data)
    """),
    Mutant("MyInit", "Forgets the mask: plain U(-10, 10).", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                return tf.random.uniform(shape, -10, 10, dtype=dtype or "float32")
    """),
    Mutant("MyInit", "Inverts the mask, keeping the entries with |w| < 5.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                data = tf.random.uniform(shape, -10, 10, dtype=dtype or "float32")
                return tf.where(tf.abs(data) >= 5, tf.zeros_like(data), data)
    """),
    Mutant("MyInit", "Masks with w >= 5 (no abs), zeroing every negative entry.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                data = tf.random.uniform(shape, -10, 10, dtype=dtype or "float32")
                return data * tf.cast(data >= 5, data.dtype)
    """),
    Mutant("MyInit", "Draws from a standard normal scaled by 10 before masking.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                data = 10 * tf.random.normal(shape, dtype=dtype or "float32")
                return tf.where(tf.abs(data) < 5, tf.zeros_like(data), data)
    """),
    Mutant("MyInit", "Is a plain class, not a keras.initializers.Initializer.", """
        import tensorflow as tf

        class MyInit:
            def __call__(self, shape, dtype=None):
                data = tf.random.uniform(shape, -10, 10, dtype=dtype or "float32")
                return tf.where(tf.abs(data) < 5, tf.zeros_like(data), data)
    """),
    # ------------------------------------------------------------------ apply_init
    Mutant("apply_init", "Rebuilds the net with clone_model and new initializers, and returns the clone.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            def rebuild(layer):
                config = layer.get_config()
                if isinstance(layer, keras.layers.Dense):
                    config["kernel_initializer"] = kernel_init
                    if bias_init is not None:
                        config["bias_initializer"] = bias_init
                return layer.__class__.from_config(config)
            new = keras.models.clone_model(net, clone_function=rebuild)
            return new
    """),
    Mutant("apply_init", "Assigns new keras.Variables to each Dense's kernel and bias slots.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            def walk(layer):
                if isinstance(layer, keras.layers.Dense):
                    layer._tracker.unlock()
                    layer._kernel = keras.Variable(kernel_init(layer.kernel.shape, layer.kernel.dtype))
                    if bias_init is not None:
                        layer.bias = keras.Variable(bias_init(layer.bias.shape, layer.bias.dtype))
                    layer._tracker.lock()
                for child in getattr(layer, "layers", []):
                    walk(child)
            walk(net)
            return net
    """),
    Mutant("apply_init", "Sets kernel_initializer on each Dense, which only acts when a layer is built.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            def walk(layer):
                if isinstance(layer, keras.layers.Dense):
                    layer.kernel_initializer = kernel_init
                    if bias_init is not None:
                        layer.bias_initializer = bias_init
                for child in getattr(layer, "layers", []):
                    walk(child)
            walk(net)
            return net
    """),
    Mutant("apply_init", "Re-initialises only the top-level layers, missing Dense layers in nested models.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            for layer in net.layers:
                if isinstance(layer, keras.layers.Dense):
                    layer.kernel.assign(kernel_init(layer.kernel.shape, layer.kernel.dtype))
                    if bias_init is not None:
                        layer.bias.assign(bias_init(layer.bias.shape, layer.bias.dtype))
            return net
    """),
    Mutant("apply_init", "Zeroes the biases when bias_init is None, which must leave them untouched.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            bias_init = bias_init or keras.initializers.Zeros()
            def walk(layer):
                if isinstance(layer, keras.layers.Dense):
                    layer.kernel.assign(kernel_init(layer.kernel.shape, layer.kernel.dtype))
                    layer.bias.assign(bias_init(layer.bias.shape, layer.bias.dtype))
                for child in getattr(layer, "layers", []):
                    walk(child)
            walk(net)
            return net
    """),
    Mutant("apply_init", "Uses kernel_init for the biases too when bias_init is None.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            def walk(layer):
                if isinstance(layer, keras.layers.Dense):
                    layer.kernel.assign(kernel_init(layer.kernel.shape, layer.kernel.dtype))
                    init = bias_init or kernel_init
                    layer.bias.assign(init(layer.bias.shape, layer.bias.dtype))
                for child in getattr(layer, "layers", []):
                    walk(child)
            walk(net)
            return net
    """),
    Mutant("apply_init", "Re-initialises every weight by rank (2-d: kernel_init, 1-d: bias_init), LayerNorm too.", """
        def apply_init(net, kernel_init, bias_init=None):
            for w in net.weights:
                if len(w.shape) == 2:
                    w.assign(kernel_init(w.shape, w.dtype))
                elif bias_init is not None:
                    w.assign(bias_init(w.shape, w.dtype))
            return net
    """),
    # ------------------------------------------------------------------ set_manually
    Mutant("set_manually", "Edits net.layers[1], the book's index (its nets start with Flatten).", """
        def set_manually(net):
            kernel = net.layers[1].kernel
            kernel.assign(kernel + 1)
            kernel[0, 0].assign(42)
            return net
    """),
    Mutant("set_manually", "Edits net.layers[0] whatever it is.", """
        def set_manually(net):
            kernel = net.layers[0].kernel
            kernel.assign(kernel + 1)
            kernel[0, 0].assign(42)
            return net
    """),
    Mutant("set_manually", "Sets [0, 0] to 42 first and adds 1 afterwards, giving 43.", """
        import keras

        def set_manually(net):
            dense = next(l for l in net.layers if isinstance(l, keras.layers.Dense))
            dense.kernel[0, 0].assign(42)
            dense.kernel.assign(dense.kernel + 1)
            return net
    """),
    Mutant("set_manually", "Sets the whole first row, kernel[0] = 42, instead of one entry.", """
        import keras

        def set_manually(net):
            dense = next(l for l in net.layers if isinstance(l, keras.layers.Dense))
            dense.kernel.assign(dense.kernel + 1)
            dense.kernel[0].assign(42 * tf.ones_like(dense.kernel[0]))
            return net

        import tensorflow as tf
    """),
    Mutant("set_manually", "Adds 1 to the bias as well.", """
        import keras

        def set_manually(net):
            dense = next(l for l in net.layers if isinstance(l, keras.layers.Dense))
            for w in dense.weights:
                w.assign(w + 1)
            dense.kernel[0, 0].assign(42)
            return net
    """),
    Mutant("set_manually", "Edits the numpy copy from get_weights() and never writes it back.", """
        import keras

        def set_manually(net):
            dense = next(l for l in net.layers if isinstance(l, keras.layers.Dense))
            kernel = dense.get_weights()[0]
            kernel += 1
            kernel[0, 0] = 42
            return net
    """),
    # ------------------------------------------------------------------ tied_net
    Mutant("tied_net", "Creates a second Dense instead of reusing the shared one.", """
        import keras

        def tied_net(width=8):
            return keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(width, activation="relu"),
                                     keras.layers.Dense(width, activation="relu"),
                                     keras.layers.Dense(width, activation="relu"), keras.layers.Dense(1)])
    """),
    Mutant("tied_net", "Ties by copying the shared layer's weights into a second Dense once.", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(width, activation="relu")
            second = keras.layers.Dense(width, activation="relu")
            shared.build((None, width))
            second.build((None, width))
            second.set_weights(shared.get_weights())
            return keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(width, activation="relu"),
                                     shared, second, keras.layers.Dense(1)])
    """),
    Mutant("tied_net", "Forgets the relu of the shared layer.", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(width)
            return keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(width, activation="relu"),
                                     shared, shared, keras.layers.Dense(1)])
    """),
    Mutant("tied_net", "Hard-codes the book's width 8 for the shared layer.", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(8, activation="relu")
            return keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(8, activation="relu"),
                                     shared, shared, keras.layers.Dense(1)])
    """),
    Mutant("tied_net", "Uses the shared layer only once.", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(width, activation="relu")
            return keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(width, activation="relu"),
                                     shared, keras.layers.Dense(1)])
    """),
    # ------------------------------------------------------------------ added: tied layers, dtypes, conv kernels
    Mutant("layer_weights", "Slices net.weights by counting each layer's weights: wrong after a layer used twice.",
           """
        def layer_weights(net, i):
            start = sum(len(layer.weights) for layer in net.layers[:i])
            return net.weights[start:start + len(net.layers[i].weights)]
    """),
    Mutant("weight_shapes", "Lists each shape as a list (w.shape.as_list()-style) instead of a tuple.", """
        def weight_shapes(net):
            return [list(w.shape) for w in net.weights]
    """),
    Mutant("normal_init", "A plain function drawing tf.random.normal in float32, whatever dtype it is called with.", """
        import tensorflow as tf

        def normal_init():
            def init(shape, dtype=None):
                return tf.random.normal(shape, stddev=0.01)
            return init
    """),
    Mutant("xavier_init", "Computes the bound from shape[0] and shape[1]: right for a Dense kernel, wrong for a conv "
                          "kernel.", """
        import math
        import keras
        import tensorflow as tf

        class _Xavier(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                fan_in, fan_out = shape[0], shape[1]
                a = math.sqrt(6.0 / (fan_in + fan_out))
                return tf.random.uniform(shape, -a, a, dtype=dtype or "float32")

        def xavier_init():
            return _Xavier()
    """),
    Mutant("constant_init", "Fills with float(value) in float32, whatever dtype it is called with.", """
        import tensorflow as tf

        def constant_init(value):
            return lambda shape, dtype=None: tf.fill(shape, float(value))
    """),
    Mutant("apply_init", "Recurses only through .layers: a Dense inside a plain keras Layer is never re-initialised.",
           """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            if isinstance(net, keras.layers.Dense):
                net.kernel.assign(kernel_init(net.kernel.shape, dtype=net.kernel.dtype))
                if bias_init is not None:
                    net.bias.assign(bias_init(net.bias.shape, dtype=net.bias.dtype))
            for layer in getattr(net, "layers", []):
                apply_init(layer, kernel_init, bias_init)
            return net
    """),
    Mutant("apply_init", "Re-initialises every layer that has a kernel, so a Conv2D's kernel and bias change too.", """
        def apply_init(net, kernel_init, bias_init=None):
            for layer in net._flatten_layers(include_self=True, recursive=True):
                if getattr(layer, "kernel", None) is not None:
                    layer.kernel.assign(kernel_init(layer.kernel.shape, layer.kernel.dtype))
                    if bias_init is not None and getattr(layer, "bias", None) is not None:
                        layer.bias.assign(bias_init(layer.bias.shape, layer.bias.dtype))
            return net
    """),
    Mutant("tied_net", "Defaults to width=4 instead of 8.", """
        import keras

        def tied_net(width=4):
            shared = keras.layers.Dense(width, activation="relu")
            return keras.Sequential([keras.layers.Dense(width, activation="relu"), shared, shared,
                                     keras.layers.Dense(1)])
    """),
]

VARIANTS = [
    Variant("layer_weights", "Reaches the layer with get_layer(index=i).", """
        def layer_weights(net, i):
            return net.get_layer(index=i).weights
    """),
    Variant("layer_weights", "Returns a tuple of the variables, read through net.layers[i].weights.", """
        def layer_weights(net, i):
            return tuple(net.layers[i].weights)
    """),
    Mutant("layer_weights", "Reads net.layers[i].variables, which also holds a Dropout's seed-generator state.", """
        def layer_weights(net, i):
            return tuple(net.layers[i].variables)
    """),
    Variant("weight_shapes", "Walks the layers once each, deduplicating the variables, in net.weights order.", """
        def weight_shapes(net):
            seen, shapes = set(), []
            for w in net.weights:
                if id(w) not in seen:
                    seen.add(id(w))
                    shapes.append(tuple(int(d) for d in w.shape))
            return shapes
    """),
    Mutant("weight_shapes", "Walks net.layers and each layer's weights: a layer held twice (tied) is listed twice.", """
        def weight_shapes(net):
            return [tuple(int(d) for d in w.shape) for layer in net.layers for w in layer.weights]
    """),
    Variant("weight_shapes", "Reads the shapes of get_weights()' numpy copies.", """
        def weight_shapes(net):
            return [a.shape for a in net.get_weights()]
    """),
    Variant("nested_weight", "Folds the path with functools.reduce and get_layer(index=i).", """
        import functools

        def nested_weight(net, path, name):
            if name not in ("kernel", "bias"):
                raise ValueError(name)
            layer = functools.reduce(lambda l, i: l.get_layer(index=i), path, net)
            return layer.kernel if name == "kernel" else layer.bias
    """),
    Variant("nested_weight", "Recursion on the path, then picks from layer.weights by the name's position.", """
        def nested_weight(net, path, name):
            if path:
                return nested_weight(net.layers[path[0]], path[1:], name)
            return net.weights[["kernel", "bias"].index(name)]
    """),
    Variant("rgnet", "block1 with add(), block2 from a loop of add(), rgnet with an explicit keras.Input.", """
        import keras

        def block1(name):
            net = keras.Sequential(name=name)
            net.add(keras.layers.Flatten())
            net.add(keras.layers.Dense(4, activation=keras.activations.relu))
            return net

        def block2():
            net = keras.Sequential()
            for i in range(4):
                net.add(block1(name=f"block-{i}"))
            return net

        def rgnet():
            return keras.Sequential([keras.Input(shape=(4,)), block2(), keras.layers.Dense(1)])
    """),
    Variant("rgnet", "block1 with activation=tf.nn.relu, block2 with a name of its own.", """
        import keras
        import tensorflow as tf

        def block1(name):
            return keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(4, activation=tf.nn.relu)],
                                    name=name)

        def block2():
            return keras.Sequential([block1("block-%d" % i) for i in range(4)], name="block2")
    """),
    Variant("normal_init", "RandomNormal with positional arguments.", """
        import keras

        def normal_init():
            return keras.initializers.RandomNormal(0.0, 0.01)
    """),
    Mutant("normal_init", "RandomNormal with a fixed seed: every initializer it makes repeats one tensor.", """
        import keras

        def normal_init():
            return keras.initializers.RandomNormal(0.0, 0.01, seed=7)
    """),
    Variant("normal_init", "A subclassed Initializer drawing tf.random.normal(..., stddev=0.01).", """
        import keras
        import tensorflow as tf

        class _Normal(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                return tf.random.normal(shape, stddev=0.01, dtype=dtype or "float32")

        def normal_init():
            return _Normal()
    """),
    Variant("normal_init", "A plain function (shape, dtype) -> tensor, which Keras accepts as an initializer.", """
        import keras

        def normal_init():
            def init(shape, dtype=None):
                return keras.random.normal(shape, stddev=0.01, dtype=dtype)
            return init
    """),
    Variant("xavier_init", "VarianceScaling(1, 'fan_avg', 'uniform'), which is Glorot uniform.", """
        import keras

        def xavier_init():
            return keras.initializers.VarianceScaling(scale=1.0, mode="fan_avg", distribution="uniform")
    """),
    Variant("xavier_init", "A subclassed Initializer computing the bound from the shape (receptive field times "
                           "channels for a conv kernel).", """
        import math
        import keras
        import tensorflow as tf

        class _Xavier(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                field = math.prod(shape[:-2])
                fan_in, fan_out = field * shape[-2], field * shape[-1]
                a = math.sqrt(6.0 / (fan_in + fan_out))
                return tf.random.uniform(shape, -a, a, dtype=dtype or "float32")

        def xavier_init():
            return _Xavier()
    """),
    Variant("xavier_init", "The string alias through keras.initializers.get.", """
        import keras

        def xavier_init():
            return keras.initializers.get("glorot_uniform")
    """),
    Variant("constant_init", "A subclassed Initializer filling with the value in the requested dtype.", """
        import keras
        import tensorflow as tf

        class _Const(keras.initializers.Initializer):
            def __init__(self, value):
                self.value = value

            def __call__(self, shape, dtype=None):
                return tf.fill(shape, tf.constant(self.value, dtype=dtype or "float32"))

        def constant_init(value):
            return _Const(value)
    """),
    Variant("constant_init", "A lambda multiplying ones by the value.", """
        import keras

        def constant_init(value):
            return lambda shape, dtype=None: keras.ops.ones(shape, dtype=dtype) * value
    """),
    Variant("MyInit", "keras.random.uniform and a multiplied float mask.", """
        import keras

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                w = keras.random.uniform(shape, minval=-10.0, maxval=10.0, dtype=dtype)
                return w * keras.ops.cast(keras.ops.abs(w) >= 5, w.dtype)
    """),
    Variant("MyInit", "Draws in float32 and casts to the requested dtype at the end.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None, **kwargs):
                data = tf.random.uniform(shape, -10, 10)
                data = tf.where(tf.abs(data) < 5, 0.0, data)
                return tf.cast(data, dtype or keras.backend.floatx())
    """),
    Variant("apply_init", "Walks _flatten_layers() and writes with set_weights (which assigns in place).", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            for layer in net._flatten_layers(include_self=True, recursive=True):
                if isinstance(layer, keras.layers.Dense) and layer.built:
                    kernel, bias = layer.get_weights()
                    kernel = kernel_init(kernel.shape, "float32")
                    if bias_init is not None:
                        bias = bias_init(bias.shape, "float32")
                    layer.set_weights([kernel, bias])
            return net
    """),
    Variant("apply_init", "Recursion over .layers, and over the layers a plain Layer holds as attributes, with "
                          "assign on kernel and bias.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            if isinstance(net, keras.layers.Dense):
                net.kernel.assign(kernel_init(net.kernel.shape, dtype=net.kernel.dtype))
                if bias_init is not None:
                    net.bias.assign(bias_init(net.bias.shape, dtype=net.bias.dtype))
                return net
            children = getattr(net, "layers", None)
            if children is None:
                children = []
                for name, value in vars(net).items():
                    if name.startswith("_"):
                        continue
                    values = value if isinstance(value, (list, tuple)) else [value]
                    children += [v for v in values if isinstance(v, keras.layers.Layer)]
            for layer in children:
                apply_init(layer, kernel_init, bias_init)
            return net
    """),
    Variant("set_manually", "get_weights/set_weights with numpy (set_weights assigns to the same variables).", """
        import keras

        def set_manually(net):
            dense = [l for l in net.layers if isinstance(l, keras.layers.Dense)][0]
            kernel, bias = dense.get_weights()
            kernel = kernel + 1
            kernel[0, 0] = 42
            dense.set_weights([kernel, bias])
            return net
    """),
    Variant("set_manually", "assign_add, then a scatter update of entry [0, 0].", """
        import keras
        import tensorflow as tf

        def set_manually(net):
            for layer in net.layers:
                if isinstance(layer, keras.layers.Dense):
                    layer.kernel.assign_add(tf.ones(layer.kernel.shape))
                    layer.kernel.assign(tf.tensor_scatter_nd_update(layer.kernel, [[0, 0]], [42.0]))
                    break
            return net
    """),
    Variant("tied_net", "No keras.Input (built on the first call); layers added one by one.", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(width, activation="relu")
            net = keras.Sequential()
            net.add(keras.layers.Dense(width, activation="relu"))
            for _ in range(2):
                net.add(shared)
            net.add(keras.layers.Dense(1))
            return net
    """),
    Variant("tied_net", "Repeats the shared layer with list multiplication; relu through tf.nn.", """
        import keras
        import tensorflow as tf

        def tied_net(width=8):
            shared = keras.layers.Dense(width, activation=tf.nn.relu)
            return keras.Sequential([keras.layers.Dense(width, activation=tf.nn.relu), *[shared] * 2,
                                     keras.layers.Dense(1)])
    """),
    Variant("tied_net", "Creates the shared layer first and builds with keras.Input; the default written out.", """
        import keras

        def tied_net(width=8):
            shared = keras.layers.Dense(units=width, activation="relu")
            first = keras.layers.Dense(units=width, activation="relu")
            net = keras.Sequential([first, shared, shared, keras.layers.Dense(units=1)])
            net.build((None, 4))
            return net
    """),
]
