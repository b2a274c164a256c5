"""Blind batch 4: mutants and variants of tensorflow/parameters.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("layer_weights", "[type] Returns tuple(net.layers[i].weights) ('weights should not be edited'): the elements are the layer's own variables, in order, but the container is a tuple, not the list .weights gives.", """
        def layer_weights(net, i):
            return tuple(net.layers[i].weights)
    """),
    Mutant("weight_shapes", "[netkind] Walks the leaf layers through .layers (deduplicated) and lists their weights: the same for nets made of Dense and Sequential blocks, but a model that owns weights itself (FixedHiddenMLP's rand_weight, inside chimera) loses them.", """
        def weight_shapes(net):
            shapes, seen = [], set()

            def walk(layer):
                if id(layer) in seen:
                    return
                seen.add(id(layer))
                subs = getattr(layer, "layers", None)
                if subs:
                    for sub in subs:
                        walk(sub)
                else:
                    shapes.extend(tuple(w.shape) for w in layer.weights)

            walk(net)
            return shapes
    """),
    Mutant("nested_weight", "[netkind] Counts indices among the layers that hold weights only ('Flatten is not a real layer'), so in rgnet the path (0, 1, 1) to block-1's Dense is out of range, and (0, 1, 0) gives the Dense instead of the Flatten.", """
        def nested_weight(net, path, name):
            if name not in ("kernel", "bias"):
                raise ValueError(f"name must be 'kernel' or 'bias', not {name!r}")
            layer = net
            for i in path:
                layer = [sub for sub in layer.layers if sub.weights][i]
            return getattr(layer, name)
    """),
    Mutant("rgnet", "[netkind] Puts its own Flatten in front of block2 ('flatten the input once'): the function is the same, but rgnet().layers[0] is that Flatten, so block2 is layers[1] and every nested path shifts.", """
        import keras

        def rgnet():
            return keras.Sequential([keras.layers.Flatten(), block2(), keras.layers.Dense(1)])
    """),
    Mutant("normal_init", "[random] Returns keras.initializers.get('random_normal'), the string alias used for kernel_initializer: it is a normal with mean 0, but Keras' default stddev is 0.05, not 0.01.", """
        import keras

        def normal_init():
            return keras.initializers.get("random_normal")
    """),
    Mutant("normal_init", "[boundary] Returns a plain function init(shape, dtype) with no default for dtype: Dense(kernel_initializer=...) works because Keras passes the dtype, but calling the initializer as init(shape), as Keras' own initializers allow, raises TypeError.", """
        import tensorflow as tf

        def normal_init():
            def init(shape, dtype):
                return tf.random.normal(shape, mean=0.0, stddev=0.01, dtype=dtype)
            return init
    """),
    Mutant("xavier_init", "[random] Uses keras.initializers.LecunUniform() ('LeCun and Glorot are the same fan-based uniform'): bound sqrt(3 / fan_in) instead of sqrt(6 / (fan_in + fan_out)), about 4 % narrower on a (300, 256) kernel and equal only when fan_in == fan_out.", """
        import keras

        def xavier_init():
            return keras.initializers.LecunUniform()
    """),
    Mutant("constant_init", "[repeat] Keeps the value in a class attribute of its Initializer subclass (set in __init__ through type(self)): one initializer works, but making a second one, constant_init(2) after constant_init(1), changes what the first one fills with.", """
        import keras
        import tensorflow as tf

        class _Constant(keras.initializers.Initializer):
            value = 0.0

            def __init__(self, value):
                type(self).value = value

            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                return tf.fill(shape, tf.cast(self.value, dtype))

        def constant_init(value):
            return _Constant(value)
    """),
    Mutant("MyInit", "[random] Each MyInit() makes its own keras.random.SeedGenerator(seed=0) (the docs' reproducibility recipe): calls on one instance differ, but every new MyInit() replays the same draws, so two layers each given a fresh MyInit() get identical kernels.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __init__(self):
                self.seed_generator = keras.random.SeedGenerator(seed=0)

            def __call__(self, shape, dtype=None):
                dtype = keras.backend.standardize_dtype(dtype)
                data = keras.random.uniform(shape, minval=-10, maxval=10, dtype=dtype, seed=self.seed_generator)
                return tf.where(tf.abs(data) < 5, tf.zeros_like(data), data)
    """),
    Mutant("apply_init", "[netkind] Remembers the Dense layers already done by layer.name instead of by object ('a tied layer once'): with auto-generated names nothing changes, but Dense layers that share a name in different blocks (e.g. every block's 'fc') are re-initialized only once.", """
        import keras

        def apply_init(net, kernel_init, bias_init=None):
            seen = set()
            stack = [net]
            while stack:
                layer = stack.pop()
                if isinstance(layer, keras.layers.Dense):
                    if layer.name in seen or not layer.built:
                        continue
                    seen.add(layer.name)
                    kernel = layer.kernel
                    kernel.assign(kernel_init(tuple(kernel.shape), kernel.dtype))
                    if bias_init is not None and layer.bias is not None:
                        layer.bias.assign(bias_init(tuple(layer.bias.shape), layer.bias.dtype))
                else:
                    stack.extend(_sublayers(layer))
            return net
    """),
    Mutant("set_manually", "[netkind] Edits net.weights[0] ('the first weight is the first Dense's kernel'): right for a flat Dense net, but for rgnet it edits block-0's inner kernel instead of the first Dense of net.layers (the output Dense(1)).", """
        def set_manually(net):
            kernel = net.weights[0]
            kernel.assign(kernel + 1)
            kernel[0, 0].assign(42)
            return net
    """),
    Mutant("tied_net", "[boundary] Names the argument w instead of width ('w as in the formula'): tied_net() and tied_net(16) work, but the contract's keyword call tied_net(width=16) raises TypeError.", """
        import keras

        def tied_net(w=8):
            shared = keras.layers.Dense(w, activation="relu")
            return keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(w, activation="relu"),
                                     shared, shared, keras.layers.Dense(1)])
    """),
]

VARIANTS = [
    Variant("normal_init", "[style] Passes mean and stddev positionally, keras.initializers.RandomNormal(0.0, 0.01): the first positional argument is the mean, the second the standard deviation.", """
        import keras

        def normal_init():
            return keras.initializers.RandomNormal(0.0, 0.01)
    """),
    Variant("MyInit", "[style] Samples the mixture directly: with probability 1/2 a zero, otherwise a sign times U(5, 10); that is exactly the distribution of U(-10, 10) with |w| < 5 set to 0, in the requested dtype.", """
        import keras
        import tensorflow as tf

        class MyInit(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                dtype = tf.as_dtype(keras.backend.standardize_dtype(dtype))
                keep = tf.random.uniform(shape) < 0.5
                sign = tf.where(tf.random.uniform(shape) < 0.5, -1.0, 1.0)
                mag = tf.random.uniform(shape, minval=5.0, maxval=10.0)
                return tf.cast(tf.where(keep, sign * mag, tf.zeros(shape)), dtype)
    """),
]
